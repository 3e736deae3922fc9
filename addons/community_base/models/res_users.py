# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResUsers(models.Model):
    """The communities a user works in scope what a community clerk sees."""

    _inherit = "res.users"

    community_ids = fields.Many2many(
        comodel_name="community.community",
        relation="community_community_res_users_rel",
        column1="user_id",
        column2="community_id",
        string="Communities",
        help="The communities this user works in: a community clerk reads and "
        "keeps the ledgers of these communities only.",
    )

    @api.model
    def create(self, vals):
        users = super().create(vals)
        if "community_ids" in vals:
            self.env["ir.rule"].clear_caches()
        return users

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        # record rules read user.community_ids; their domains are cached
        if "community_ids" in vals:
            self.env["ir.rule"].clear_caches()
        return res
