# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import selfgov_vote


class CommunitySelfgovProposal(models.Model):
    """A residents' proposal (居民提案, 民情诉求 that is not a case): taken
    up on the agenda of a deliberation meeting, voted there, decided and
    carried out.

    submitted → taken up (on a meeting's agenda) → adopted or rejected (by
    the vote at the held meeting, ``tools/selfgov_vote.py``) → decided
    (a ``community.selfgov.decision`` with an owner and a deadline) →
    carried out (when its decision is done). Something broken that a
    department must fix is a case, not a proposal; a proposal asks the
    residents what to do.
    """

    _name = "community.selfgov.proposal"
    _inherit = ["mail.thread", "community.scoped.mixin"]
    _description = "Residents' proposal"
    _order = "date desc, id desc"
    _default_user_community = True

    name = fields.Char(string="Proposal", required=True,
                       track_visibility="onchange")
    description = fields.Text()
    date = fields.Date(
        string="Submitted on", required=True, index=True,
        default=fields.Date.context_today)
    resident_id = fields.Many2one(
        comodel_name="community.resident",
        string="Proposed by (resident)",
        index=True,
        ondelete="restrict",
    )
    proposer_name = fields.Char(
        string="Proposed by",
        help="The resident, group of residents or unit that proposes.")
    supporters = fields.Integer(
        help="Residents who signed the proposal (联名).")
    state = fields.Selection(
        selection=[
            ("submitted", "Submitted"),
            ("taken_up", "Taken up"),
            ("adopted", "Adopted"),
            ("rejected", "Rejected"),
            ("decided", "Decided"),
            ("carried_out", "Carried out"),
        ],
        required=True,
        default="submitted",
        readonly=True,
        copy=False,
        index=True,
        track_visibility="onchange",
    )
    meeting_id = fields.Many2one(
        comodel_name="community.selfgov.meeting",
        string="Meeting",
        index=True,
        ondelete="restrict",
        copy=False,
        track_visibility="onchange",
        help="The meeting whose agenda takes the proposal up.")
    votes_for = fields.Integer(copy=False)
    votes_against = fields.Integer(copy=False)
    votes_abstain = fields.Integer(string="Abstentions", copy=False)
    decision_owner_id = fields.Many2one(
        comodel_name="res.users",
        string="Decision owner",
        ondelete="restrict",
        domain=[("share", "=", False)],
        help="Who carries the decision out.")
    decision_deadline = fields.Date()
    decision_id = fields.Many2one(
        comodel_name="community.selfgov.decision",
        string="Decision",
        readonly=True,
        copy=False,
        ondelete="set null",
    )

    @api.constrains("votes_for", "votes_against", "votes_abstain")
    def _check_votes(self):
        for proposal in self:
            if selfgov_vote.check_counts(
                    proposal.votes_for, proposal.votes_against,
                    proposal.votes_abstain):
                raise ValidationError(_(
                    "Proposal %s: the votes cannot be negative.")
                    % proposal.name)

    @api.constrains("meeting_id", "community_id")
    def _check_meeting_community(self):
        # sudo: compares the meeting's community with the proposal's before
        #   the record rules check the proposal
        for proposal in self.sudo():
            if proposal.meeting_id and \
                    proposal.meeting_id.community_id != proposal.community_id:
                raise ValidationError(_(
                    "Proposal %(proposal)s is of %(community)s: take it up "
                    "at a meeting of a body of that community.") % {
                        "proposal": proposal.name,
                        "community": proposal.community_id.name})

    def _check_state(self, states, action):
        for proposal in self:
            if proposal.state not in states:
                raise UserError(_(
                    "Proposal %(proposal)s is %(state)s: it cannot be "
                    "%(action)s.") % {
                        "proposal": proposal.name, "action": action,
                        "state": dict(self._fields["state"]
                                      ._description_selection(self.env))[
                                          proposal.state]})

    @api.multi
    def action_take_up(self):
        """Put the proposal on the agenda of its meeting."""
        self._check_state(("submitted",), _("taken up"))
        for proposal in self:
            if not proposal.meeting_id:
                raise UserError(_(
                    "Proposal %s: choose the meeting that takes it up.")
                    % proposal.name)
            if proposal.meeting_id.state == "cancelled":
                raise UserError(_(
                    "Proposal %(proposal)s: the meeting %(meeting)s is "
                    "cancelled.") % {"proposal": proposal.name,
                                     "meeting": proposal.meeting_id.name})
        self.write({"state": "taken_up"})
        return True

    @api.multi
    def action_vote(self):
        """Record the vote of the held meeting: adopted with more than half
        of the votes cast, rejected otherwise."""
        self._check_state(("taken_up",), _("voted"))
        for proposal in self:
            meeting = proposal.meeting_id
            if meeting.state != "held":
                raise UserError(_(
                    "Proposal %(proposal)s: the meeting %(meeting)s has not "
                    "been held; it is voted once the meeting is held.") % {
                        "proposal": proposal.name, "meeting": meeting.name})
            present = meeting.present_count if meeting.attendance_ids \
                else None
            if selfgov_vote.check_counts(
                    proposal.votes_for, proposal.votes_against,
                    proposal.votes_abstain, present) == "more_than_present":
                raise ValidationError(_(
                    "Proposal %(proposal)s: %(cast)s votes cast, more than "
                    "the %(present)s attendees present.") % {
                        "proposal": proposal.name, "present": present,
                        "cast": proposal.votes_for + proposal.votes_against
                        + proposal.votes_abstain})
            adopted = selfgov_vote.is_adopted(
                proposal.votes_for, proposal.votes_against,
                proposal.votes_abstain)
            proposal.write({"state": "adopted" if adopted else "rejected"})
        return True

    @api.multi
    def action_decide(self):
        """The adopted proposal becomes a decision of its meeting, with its
        owner and deadline, followed up until carried out."""
        self._check_state(("adopted",), _("decided"))
        Decision = self.env["community.selfgov.decision"]
        for proposal in self:
            if not proposal.decision_owner_id \
                    or not proposal.decision_deadline:
                raise UserError(_(
                    "Proposal %s: give the owner and the deadline of the "
                    "decision.") % proposal.name)
            decision = Decision.create({
                "meeting_id": proposal.meeting_id.id,
                "proposal_id": proposal.id,
                "name": proposal.name,
                "description": proposal.description,
                "owner_id": proposal.decision_owner_id.id,
                "date_deadline": proposal.decision_deadline,
            })
            proposal.write({"state": "decided", "decision_id": decision.id})
        return True

    @api.multi
    def action_reset(self):
        """Back to submitted: a proposal taken up or voted by mistake (a
        decided one keeps its decision)."""
        self._check_state(("taken_up", "adopted", "rejected"), _("reset"))
        self.write({"state": "submitted"})
        return True
