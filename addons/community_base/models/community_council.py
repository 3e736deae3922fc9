# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommunityCouncil(models.Model):
    """Joint council of a community and the units around it.

    The party-building council (党建联席会) and the co-building council
    (共驻共建联席会) seat resident-area units, property companies and social
    organisations beside the community; the seats are the member
    organisations, so a unit's form shows the councils it sits on.
    """

    _name = "community.council"
    _inherit = ["community.scoped.mixin"]
    _description = "Joint council"
    _order = "community_id, kind, name"

    name = fields.Char(required=True)
    kind = fields.Selection(
        selection=[
            ("party_building", "Joint party-building council"),
            ("co_building", "Co-building council"),
        ],
        required=True,
        default="party_building",
        index=True,
    )
    member_ids = fields.Many2many(
        comodel_name="res.partner",
        relation="community_council_partner_rel",
        column1="council_id",
        column2="partner_id",
        string="Member organisations",
        domain=[("is_company", "=", True), ("organisation_type", "!=", False)],
    )
    member_count = fields.Integer(compute="_compute_member_count")
    date_start = fields.Date(string="Founded on")
    active = fields.Boolean(default=True)
    note = fields.Text()

    def _compute_member_count(self):
        for council in self:
            council.member_count = len(council.member_ids)
