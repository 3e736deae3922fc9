# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.community_base.tools import roles


class PartyElection(models.Model):
    """The election of a party organisation's committee (换届选举): the
    vote, and its approval by the higher organisation.

    The candidates are committee lines of the election (archived while it
    is a draft), with the votes each received. The rules of the vote are
    those of the regulations on the elections of basic-level party
    organisations: the vote is valid when more than four fifths of the
    electorate vote, and a candidate is elected with more than half of the
    voters' votes (``community.election.mixin``, as for the residents'
    committees). Approving the election (批复), which only someone acting
    for the higher organisation may record, ends the previous term's lines,
    puts the elected ones in office for the new term and makes the elected
    secretary the organisation's.
    """

    _name = "party.election"
    _inherit = ["mail.thread", "community.election.mixin",
                "community.scope.copy.mixin"]
    _description = "Party committee election"
    _order = "date desc, id desc"
    _scope_parent_field = "organisation_id"
    _quorum = (4, 5)
    _head_post = "secretary"
    _election_frozen_fields = ("organisation_id",)

    organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Party organisation",
        required=True,
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
    )
    company_id = fields.Many2one(
        related="organisation_id.company_id",
        string="Street office",
        store=True,
        readonly=True,
        index=True,
    )
    community_id = fields.Many2one(
        related="organisation_id.community_id",
        store=True,
        readonly=True,
        index=True,
    )
    method = fields.Selection(
        selection=[
            ("direct", "Direct election"),
            ("two_recommendations", "Two recommendations, one election"),
            ("public_recommendation", "Public recommendation, direct election"),
        ],
        required=True,
        default="direct",
        track_visibility="onchange",
    )
    term_years = fields.Integer(
        help="Committees of basic-level party organisations serve five "
        "years (branches three or five).",
    )
    electorate = fields.Integer(
        help="Members entitled to vote (应到).")
    voters = fields.Integer(
        help="Members entitled to vote who took part (实到).")
    votes_cast = fields.Integer(
        string="Ballots cast",
        help="Ballots returned (收回选票); a candidate cannot receive more "
        "votes.")
    approving_body = fields.Char(
        track_visibility="onchange",
        help="The higher party organisation approving the election "
        "(批复机关).")
    approval_reference = fields.Char(
        help="The reference number of the approval document (批复文号).")
    date_approved = fields.Date(
        string="Approved on", track_visibility="onchange")
    line_ids = fields.One2many(
        comodel_name="party.committee.member",
        inverse_name="election_id",
        string="Candidates",
        context={"active_test": False},
    )

    @api.constrains("electorate", "voters", "votes_cast", "term_years")
    def _check_counts(self):
        result = super()._check_counts()
        for election in self:
            if election.votes_cast < 0:
                raise ValidationError(_(
                    "%s: the electorate, voters and ballots cannot be "
                    "negative.") % election.display_name)
            if election.votes_cast > election.voters:
                raise ValidationError(_(
                    "%(election)s: %(ballots)s ballots cast is more than the "
                    "%(voters)s voters.") % {
                        "election": election.display_name,
                        "ballots": election.votes_cast,
                        "voters": election.voters})
            election.line_ids._check_election()
        return result

    @api.constrains("date", "date_approved")
    def _check_date_approved(self):
        for election in self:
            if election.date_approved and election.date_approved < election.date:
                raise ValidationError(_(
                    "%(election)s: it cannot be approved on %(approved)s, "
                    "before the vote.") % {
                        "election": election.display_name,
                        "approved": election.date_approved})

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if {"organisation_id", "date", "term_years"}.intersection(vals):
            # the candidates stand for the election's committee and term
            for election in self:
                election.line_ids.write({
                    "organisation_id": election.organisation_id.id,
                    "date_start": election.date,
                    "date_end": election.date_term_end})
        return result

    @api.multi
    def name_get(self):
        return [(election.id, _("Election of %(organisation)s on %(date)s") % {
            "organisation": election.organisation_id.name,
            "date": election.date}) for election in self]

    @api.multi
    def action_approve(self):
        """Record the higher organisation's approval: the previous term's
        lines leave office the day before the vote, the elected candidates
        take office for the new term, the elected secretary becomes the
        organisation's."""
        for election in self:
            election._check_may_approve()
            election._check_vote()
        Line = self.env["party.committee.member"].with_context(
            active_test=True)
        for election in self:
            elected = election.line_ids.filtered("elected")
            election._end_previous_terms(Line.search([
                ("organisation_id", "=", election.organisation_id.id),
                ("date_start", "<=", election.date),
                ("id", "not in", election.line_ids.ids),
            ]), {"active": False})
            election.write({"state": "approved"})
            # a term that has already ended (an election recorded for the
            # history) leaves its lines archived; writing ``active`` makes
            # the elected secretary the organisation's
            today = elected[0]._today()
            elected.filtered(
                lambda line: line.date_end >= today).write({"active": True})
        return True

    @api.multi
    def _check_may_approve(self):
        """The approval is the higher organisation's: whoever records it
        must be able to act for it (write on it); the street's working
        committee, which has none above it, is approved by the party
        affairs officer."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("%s is already approved.") % self.display_name)
        parent = self.organisation_id.parent_id
        if parent:
            allowed = parent.check_access_rights(
                "write", raise_exception=False)
            if allowed:
                try:
                    parent.check_access_rule("write")
                except AccessError:
                    allowed = False
        else:
            allowed = self.env.user.has_group(roles.PARTY_OFFICER)
        if not allowed:
            # sudo: names the higher organisation the user may not read
            parent_name = parent.sudo().name if parent else _(
                "the street's party affairs office")
            raise AccessError(_(
                "%(election)s: its approval is recorded for the higher "
                "organisation (%(parent)s), which you do not act for.") % {
                    "election": self.display_name, "parent": parent_name})

    @api.multi
    def _candidates(self):
        return self.line_ids

    @api.model
    def _candidate_name(self, candidate):
        return candidate.member_id.name

    @api.multi
    def _check_vote(self):
        """The rules of the vote, checked when it is approved."""
        self.ensure_one()
        if not self.approving_body or not self.date_approved:
            raise ValidationError(_(
                "%s: enter the approving body and the date of its approval "
                "before approving.") % self.display_name)
        result = super()._check_vote()
        elected = self.line_ids.filtered("elected")
        members = elected.mapped("member_id")
        if len(members) != len(elected):
            raise ValidationError(_(
                "%s: a member is elected to two posts; keep one line per "
                "member.") % self.display_name)
        return result
