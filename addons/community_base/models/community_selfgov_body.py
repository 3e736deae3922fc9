# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

#: the bodies residents deliberate in
BODY_KINDS = [
    ("residents_council", "Residents' council"),
    ("governance_council", "Governance council"),
    ("owners_committee", "Owners' committee liaison"),
]


class CommunitySelfgovBody(models.Model):
    """A body residents deliberate in (议事协商): the residents' council
    (居民议事会), a governance council of a compound (治理理事会) or the
    community's liaison with an owners' committee (业主委员会).

    Its members hold their seats for a term (``community.selfgov.member``);
    it holds meetings and hearings (``community.selfgov.meeting``) where
    residents' proposals are voted and decisions taken. It belongs to its
    community as a joint council does, and the same rules read it.
    """

    _name = "community.selfgov.body"
    _inherit = ["community.scoped.mixin"]
    _description = "Deliberation body"
    _order = "community_id, kind, name"
    _default_user_community = True

    name = fields.Char(required=True)
    kind = fields.Selection(
        selection=BODY_KINDS, required=True, default="residents_council",
        index=True)
    compound_id = fields.Many2one(
        comodel_name="community.compound",
        string="Compound",
        index=True,
        ondelete="restrict",
        help="The compound a governance council or an owners' committee "
        "is of; empty for the whole community.")
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Owners' committee",
        ondelete="restrict",
        domain=[("is_company", "=", True)],
        help="The owners' committee the community liaises with.")
    member_ids = fields.One2many(
        comodel_name="community.selfgov.member",
        inverse_name="body_id",
        string="Members")
    member_count = fields.Integer(
        string="Members in office", compute="_compute_member_count")
    meeting_ids = fields.One2many(
        comodel_name="community.selfgov.meeting",
        inverse_name="body_id",
        string="Meetings")
    date_start = fields.Date(string="Founded on")
    active = fields.Boolean(default=True)
    note = fields.Text()

    def _compute_member_count(self):
        for body in self:
            body.member_count = len(body.member_ids)
