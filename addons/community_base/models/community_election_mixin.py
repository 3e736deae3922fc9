# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CommunityElectionMixin(models.AbstractModel):
    """The election of a committee for a term (换届选举): a residents'
    committee (``community.committee.election``) or a party committee
    (``party.election``).

    Both count the same way and follow the same steps, so the counts, the
    term and the rules of the vote live here once: the vote is valid when
    more than ``_quorum`` of the electorate vote (half for residents'
    committees, four fifths for party organisations), a candidate is
    elected with more than half of the voters' votes, exactly one elected
    candidate holds the head post (``_head_post``). Approving the election
    (the model's ``action_approve``) puts the elected in office; from then
    on the election is the record of the term: its date, term and
    ``_election_frozen_fields`` no longer change and it cannot be deleted.

    The model names its candidates (``_candidates``: records with
    ``elected``, ``votes``, ``post`` and a person ``_candidate_name``
    names).
    """

    _name = "community.election.mixin"
    _description = "Committee election"

    #: the share of the electorate that must vote, as (numerator,
    #: denominator): the vote is valid above it
    _quorum = (1, 2)
    #: the post exactly one elected candidate holds
    _head_post = "director"
    #: what an approved election may no longer change, besides its date and
    #: term
    _election_frozen_fields = ()

    date = fields.Date(
        string="Election date", required=True, index=True,
        default=fields.Date.context_today, track_visibility="onchange")
    term_years = fields.Integer(
        string="Term (years)", required=True, default=5)
    date_term_end = fields.Date(
        string="Term ends on", compute="_compute_date_term_end", store=True,
        help="The last day of the term: the election date plus the term, "
        "less one day.")
    electorate = fields.Integer(help="Entitled to vote (应到).")
    voters = fields.Integer(help="Entitled to vote and took part (实到).")
    turnout = fields.Float(
        string="Turnout (%)", compute="_compute_turnout", digits=(16, 1))
    state = fields.Selection(
        selection=[("draft", "Draft"), ("approved", "Approved")],
        required=True, default="draft", readonly=True, copy=False,
        index=True, track_visibility="onchange")
    note = fields.Text()

    @api.depends("date", "term_years")
    def _compute_date_term_end(self):
        for election in self:
            if not election.date or election.term_years < 1:
                election.date_term_end = False
                continue
            election.date_term_end = fields.Date.to_string(
                fields.Date.from_string(election.date)
                + relativedelta(years=election.term_years, days=-1))

    @api.depends("electorate", "voters")
    def _compute_turnout(self):
        for election in self:
            election.turnout = (
                100.0 * election.voters / election.electorate
                if election.electorate else 0.0)

    @api.constrains("electorate", "voters", "term_years")
    def _check_counts(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for election in self.sudo():
            if election.electorate < 0 or election.voters < 0:
                raise ValidationError(_(
                    "%s: the electorate and voters cannot be negative.")
                    % election.display_name)
            if election.term_years < 1:
                raise ValidationError(_(
                    "%s: the term lasts at least one year.")
                    % election.display_name)
            if election.voters > election.electorate:
                raise ValidationError(_(
                    "%(election)s: %(voters)s voters is more than the "
                    "electorate of %(electorate)s.") % {
                        "election": election.display_name,
                        "voters": election.voters,
                        "electorate": election.electorate})

    @api.multi
    def write(self, vals):
        frozen = {"date", "term_years"}.union(self._election_frozen_fields)
        approved = self.filtered(lambda election: election.state == "approved")
        changed = sorted(frozen.intersection(vals))
        if approved and changed:
            labels = [self._fields[name].get_description(self.env)["string"]
                      for name in changed]
            raise UserError(_(
                "%(elections)s is approved: %(fields)s can no longer "
                "change.") % {
                    "elections": ", ".join(approved.mapped("display_name")),
                    "fields": ", ".join(labels)})
        return super().write(vals)

    @api.multi
    def unlink(self):
        approved = self.filtered(lambda election: election.state == "approved")
        if approved:
            raise UserError(_(
                "%s is approved: it is the record of the committee's term "
                "and cannot be deleted.") % approved[0].display_name)
        return super().unlink()

    @api.multi
    def _candidates(self):
        """The candidates of the election."""
        raise NotImplementedError()

    @api.model
    def _candidate_name(self, candidate):
        """The name of the person a candidate line stands for."""
        raise NotImplementedError()

    @api.model
    def _quorum_label(self):
        """The share of ``_quorum`` in words."""
        return {(1, 2): _("half"), (2, 3): _("two thirds"),
                (4, 5): _("four fifths")}[self._quorum]

    @api.multi
    def _check_vote(self):
        """The rules of the vote, checked when it is approved."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("%s is already approved.") % self.display_name)
        share, of = self._quorum
        if not self.electorate or self.voters * of <= self.electorate * share:
            raise ValidationError(_(
                "%(election)s: %(voters)s of %(electorate)s voters took "
                "part; the election is valid only when more than %(share)s "
                "of the electorate vote.") % {
                    "election": self.display_name, "voters": self.voters,
                    "electorate": self.electorate,
                    "share": self._quorum_label()})
        elected = self._candidates().filtered("elected")
        if not elected:
            raise ValidationError(_(
                "%s: mark the elected candidates before approving.")
                % self.display_name)
        for candidate in elected:
            if candidate.votes * 2 <= self.voters:
                raise ValidationError(_(
                    "%(election)s: %(candidate)s received %(votes)s votes, "
                    "not more than half of the %(voters)s voters, and cannot "
                    "be elected.") % {
                        "election": self.display_name,
                        "candidate": self._candidate_name(candidate),
                        "votes": candidate.votes, "voters": self.voters})
        heads = elected.filtered(lambda c: c.post == self._head_post)
        if len(heads) != 1:
            post = dict(elected._fields["post"]._description_selection(
                self.env))[self._head_post]
            raise ValidationError(_(
                "%(election)s: %(count)s elected candidates are marked "
                "%(post)s; mark exactly one.") % {
                    "election": self.display_name, "count": len(heads),
                    "post": post})

    @api.multi
    def _end_previous_terms(self, lines, vals=None):
        """End ``lines``, the posts of the previous term still in force,
        the day before the vote (or when they ended already, if sooner),
        writing ``vals`` with it."""
        self.ensure_one()
        day_before = fields.Date.to_string(
            fields.Date.from_string(self.date) - relativedelta(days=1))
        for line in lines:
            line.write(dict(vals or {}, date_end=max(line.date_start, min(
                line.date_end or day_before, day_before))))
