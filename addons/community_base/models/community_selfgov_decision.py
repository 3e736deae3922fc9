# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommunitySelfgovDecision(models.Model):
    """A decision of a deliberation meeting or hearing, followed up by its
    owner until carried out (``community.decision.mixin``).

    A decision taken on a residents' proposal carries the proposal along:
    the proposal is carried out when the decision is done. A decision may
    be published to residents (``community.publication.mixin``); one that
    is a matter for the case loop becomes a case (community_grid), one that
    needs a purchased service a service project (community_finance).
    """

    _name = "community.selfgov.decision"
    _inherit = ["community.decision.mixin", "community.publication.mixin",
                "community.scope.copy.mixin"]
    _description = "Deliberation decision"
    _order = "date_deadline, id"

    _scope_parent_field = "meeting_id"

    meeting_id = fields.Many2one(
        comodel_name="community.selfgov.meeting",
        string="Meeting",
        required=True,
        index=True,
        ondelete="cascade",
    )
    # sudo: the scope follows the meeting before the record rules, which
    #   read it, check the new decision
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        related="meeting_id.community_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see community_id
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="meeting_id.company_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see community_id
    meeting_date = fields.Datetime(
        related="meeting_id.date",
        string="Meeting date",
        store=True,
        readonly=True,
        compute_sudo=True,
    )
    proposal_id = fields.Many2one(
        comodel_name="community.selfgov.proposal",
        string="Proposal",
        index=True,
        ondelete="set null",
        readonly=True,
    )

    def _on_decision_done(self):
        self.mapped("proposal_id").filtered(
            lambda proposal: proposal.state == "decided").write(
                {"state": "carried_out"})

    def _on_decision_reopened(self):
        self.mapped("proposal_id").filtered(
            lambda proposal: proposal.state == "carried_out").write(
                {"state": "decided"})
