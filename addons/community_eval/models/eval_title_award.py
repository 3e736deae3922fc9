# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class EvalTitleAward(models.Model):
    """A title held by a target, from the campaign that awarded it to the
    one that revoked it: the history of a dynamic title. An award is
    published to residents (居务公开) like a deliberation's decision
    (``community.publication.mixin``)."""

    _name = "eval.title.award"
    _inherit = ["eval.target.mixin", "community.publication.mixin"]
    _description = "Title award"
    _order = "date_awarded desc, id desc"
    _rec_name = "target_name"

    title_id = fields.Many2one(
        comodel_name="eval.title", string="Title", required=True,
        index=True, ondelete="cascade")
    company_id = fields.Many2one(related="title_id.company_id", store=True,
                                 index=True, readonly=True)
    state = fields.Selection(
        selection=[("awarded", "Held"), ("revoked", "Revoked")],
        required=True, default="awarded", index=True)
    date_awarded = fields.Date(required=True, default=fields.Date.today)
    campaign_id = fields.Many2one(
        comodel_name="eval.campaign", string="Awarded by campaign",
        index=True, ondelete="set null")
    score = fields.Float(digits=(5, 2), string="Score when awarded")
    date_revoked = fields.Date()
    revoke_campaign_id = fields.Many2one(
        comodel_name="eval.campaign", string="Revoked by campaign",
        index=True, ondelete="set null")
    revoke_score = fields.Float(digits=(5, 2), string="Score when revoked")

    @api.multi
    def _publication_row(self):
        """The title and who holds it, in the target's community."""
        kind, _title, community = super()._publication_row()
        title = _("%(title)s awarded to %(target)s") % {
            "title": self.title_id.name, "target": self.target_name}
        return kind, title, (self.target_community_id.name or community)
