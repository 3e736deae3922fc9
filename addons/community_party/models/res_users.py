# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResUsers(models.Model):
    """The party organisations a party organiser keeps: their record rules
    read this list (and the organisations below them)."""

    _inherit = "res.users"

    party_organisation_ids = fields.Many2many(
        comodel_name="party.organisation",
        relation="party_organisation_organiser_rel",
        column1="user_id",
        column2="organisation_id",
        string="Party organisations kept",
        help="The party organisations this user keeps as party organiser: "
        "their members, meetings and follow-ups, and those of the "
        "organisations below them.",
    )

    @api.model
    def create(self, vals):
        users = super().create(vals)
        if "party_organisation_ids" in vals:
            self.env["ir.rule"].clear_caches()
        return users

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        # record rules read user.party_organisation_ids; their domains are cached
        if "party_organisation_ids" in vals:
            self.env["ir.rule"].clear_caches()
        return res
