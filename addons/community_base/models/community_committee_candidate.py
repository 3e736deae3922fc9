# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CommunityCommitteeCandidate(models.Model):
    """A candidate of a residents' committee election: the worker, the post
    they stand for, the votes received and whether they were elected."""

    _name = "community.committee.candidate"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Residents' committee candidate"
    _order = "election_id, votes desc, id"
    _scope_parent_field = "election_id"

    election_id = fields.Many2one(
        comodel_name="community.committee.election", string="Election",
        required=True, index=True, ondelete="cascade")
    community_id = fields.Many2one(
        related="election_id.community_id", store=True, readonly=True,
        index=True)
    company_id = fields.Many2one(
        related="election_id.company_id", string="Street office",
        store=True, readonly=True, index=True)
    worker_id = fields.Many2one(
        comodel_name="community.worker", string="Candidate", required=True,
        index=True, ondelete="restrict",
        domain="[('community_id', '=', community_id)]")
    post = fields.Selection(
        selection=[
            ("director", "Residents' committee director"),
            ("deputy_director", "Residents' committee deputy director"),
            ("committee_member", "Residents' committee member"),
        ],
        string="Standing for", required=True, default="committee_member")
    votes = fields.Integer()
    elected = fields.Boolean()

    @api.constrains("votes", "worker_id")
    def _check_votes(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for candidate in self.sudo():
            election = candidate.election_id
            if candidate.votes < 0 or candidate.votes > election.voters:
                raise ValidationError(_(
                    "%(election)s: %(worker)s cannot receive %(votes)s votes "
                    "from %(voters)s voters.") % {
                        "election": election.display_name,
                        "worker": candidate.worker_id.name,
                        "votes": candidate.votes,
                        "voters": election.voters})
            if candidate.worker_id.community_id != election.community_id:
                raise ValidationError(_(
                    "%(election)s: %(worker)s works in another community.")
                    % {"election": election.display_name,
                       "worker": candidate.worker_id.name})

    @api.model
    def create(self, vals):
        self._check_draft(vals.get("election_id"))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        for candidate in self:
            self._check_draft(candidate.election_id.id)
        return super().write(vals)

    @api.multi
    def unlink(self):
        for candidate in self:
            self._check_draft(candidate.election_id.id)
        return super().unlink()

    @api.model
    def _check_draft(self, election_id):
        election = self.env["community.committee.election"].browse(
            election_id)
        if election and election.state != "draft":
            raise UserError(_(
                "%s is approved: its candidates can no longer change.")
                % election.display_name)
