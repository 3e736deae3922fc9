# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.community_base.tools import street_time

from .common import PartyCase


class CommitteeCase(PartyCase):
    """PartyCase plus the committee in office of community A1's party
    committee (``org_a1``), recorded three years ago without an election:
    ``member_a1`` secretary, ``member_a1_3`` (Zhao Min, in ``org_a1``)
    organisation committee member; and ``member_a1_4`` (Sun Li, in
    ``branch_a1``) on no committee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = street_time.street_today(cls.env, cls.street_a)
        cls.member_a1_3 = cls._create_member("Zhao Min", cls.org_a1)
        cls.member_a1_4 = cls._create_member("Sun Li", cls.branch_a1)
        cls.term_start = cls._day(years=-3)
        cls.old_secretary = cls._create_line(
            cls.org_a1, cls.member_a1, "secretary", cls.term_start)
        cls.old_organisation = cls._create_line(
            cls.org_a1, cls.member_a1_3, "organisation", cls.term_start)

    @classmethod
    def _day(cls, **delta):
        """Today in street A moved by ``delta`` (relativedelta keywords)."""
        return fields.Date.to_string(
            fields.Date.from_string(cls.today) + relativedelta(**delta))

    @classmethod
    def _create_line(cls, organisation, member, post, date_start, **vals):
        vals.update({"organisation_id": organisation.id,
                     "member_id": member.id, "post": post,
                     "date_start": date_start})
        return cls.env["party.committee.member"].create(vals)

    @classmethod
    def _create_election(cls, organisation, candidates, env=None, **vals):
        """An election of ``organisation`` 20 days ago with 50 members
        entitled to vote, 45 voting; ``candidates`` are (member, post,
        votes, elected)."""
        values = {
            "organisation_id": organisation.id, "date": cls._day(days=-20),
            "electorate": 50, "voters": 45, "votes_cast": 45,
            "approving_body": "Street A working committee",
            "date_approved": cls._day(days=-5),
            "line_ids": [(0, 0, {"member_id": member.id, "post": post,
                                 "votes": votes, "elected": elected})
                         for member, post, votes, elected in candidates],
        }
        values.update(vals)
        return (env or cls.env)["party.election"].create(values)

    @contextlib.contextmanager
    def assert_refused(self, exception, *texts):
        """The block raises ``exception`` with ``texts`` in its message;
        what it wrote before raising is rolled back."""
        with self.assertRaises(exception) as caught:
            with self.env.cr.savepoint():
                yield
        for text in texts:
            self.assertIn(text, caught.exception.name)

    def _committee(self, organisation):
        return self.env["party.committee.member"].search(
            [("organisation_id", "=", organisation.id)])


class TestCommittee(CommitteeCase):
    """Committee lines entered directly: terms, the secretary, the
    constraints naming the record."""

    def test_the_secretary_line_in_office_is_the_organisation_secretary(self):
        self.assertEqual(self.org_a1.secretary_id, self.member_a1)

    def test_ending_the_secretary_term_clears_the_secretary(self):
        self.old_secretary.action_end_term()
        self.assertFalse(self.old_secretary.active)
        self.assertEqual(self.old_secretary.date_end, self.today)
        self.assertEqual(self.old_secretary.state, "ended")
        self.assertFalse(self.org_a1.secretary_id)

    def test_a_term_entered_as_ended_is_archived(self):
        line = self._create_line(
            self.branch_a1, self.member_a1_4, "member", self._day(years=-6),
            date_end=self._day(years=-1))
        self.assertFalse(line.active)

    def test_the_daily_cron_archives_the_lines_whose_term_ended(self):
        line = self._create_line(
            self.branch_a1, self.member_a1_4, "secretary", self._day(years=-5),
            date_end=self.today)
        self.assertTrue(line.active)
        self.assertEqual(self.branch_a1.secretary_id, self.member_a1_4)
        Line = self.env["party.committee.member"]
        self.assertNotIn(line, Line._archive_ended_terms())
        ended = Line._archive_ended_terms(today=self._day(days=1))
        self.assertEqual(ended & line, line)
        self.assertFalse(line.active)
        self.assertFalse(self.branch_a1.secretary_id)

    def test_an_ended_term_is_not_put_back_in_office(self):
        self.old_organisation.action_end_term()
        self.old_organisation.date_end = self._day(days=-1)
        with self.assert_refused(ValidationError, "Zhao Min"):
            self.old_organisation.active = True

    def test_a_term_cannot_end_before_it_starts(self):
        with self.assert_refused(ValidationError, "Sun Li"):
            self._create_line(self.branch_a1, self.member_a1_4, "member",
                              self.today, date_end=self._day(days=-1))

    def test_a_member_of_another_register_is_refused(self):
        with self.assert_refused(
                ValidationError, "Zhang Wei", "Community A2 party committee",
                "Community A1 party committee"):
            self._create_line(self.org_a1, self.member_a2, "member",
                              self.today)
        # a branch's committee does not take a member of a sibling branch
        with self.assert_refused(ValidationError, "Wang Jianguo"):
            self._create_line(self.grid_branch_a1, self.member_a1, "member",
                              self.today)

    def test_a_member_of_an_organisation_below_sits_on_its_committee(self):
        line = self._create_line(self.org_a1, self.member_a1_4, "member",
                                 self.today)
        self.assertTrue(line.active)

    def test_a_second_secretary_in_the_same_term_is_refused(self):
        with self.assert_refused(ValidationError, "Wang Jianguo", "Sun Li"):
            self._create_line(self.org_a1, self.member_a1_4, "secretary",
                              self._day(days=-10))
        # once the first secretary's term ends, the next one takes the post
        self.old_secretary.write({"date_end": self._day(days=-11),
                                  "active": False})
        line = self._create_line(self.org_a1, self.member_a1_4, "secretary",
                                 self._day(days=-10))
        self.assertEqual(self.org_a1.secretary_id, line.member_id)

    def test_a_member_holds_one_line_of_a_committee_at_a_time(self):
        with self.assert_refused(ValidationError, "Zhao Min"):
            self._create_line(self.org_a1, self.member_a1_3, "publicity",
                              self.today)


class TestElection(CommitteeCase):
    """Elections: the vote's rules, the approval and its effects."""

    def _new_committee_election(self, **vals):
        return self._create_election(self.org_a1, [
            (self.member_a1_4, "secretary", 40, True),
            (self.member_a1, "member", 38, True),
            (self.member_a1_3, "organisation", 10, False),
        ], **vals)

    def test_candidates_are_not_in_office_before_the_approval(self):
        election = self._new_committee_election()
        self.assertEqual(len(election.line_ids), 3)
        self.assertEqual(set(election.line_ids.mapped("state")), {"candidate"})
        self.assertEqual(self._committee(self.org_a1),
                         self.old_secretary | self.old_organisation)
        self.assertEqual(self.org_a1.secretary_id, self.member_a1)

    def test_an_approved_election_replaces_the_committee(self):
        election = self._new_committee_election()
        self.assertEqual(election.date_term_end, self._day(days=-21, years=5))
        election.sudo(self.party_officer).action_approve()
        election.invalidate_cache()
        self.assertEqual(election.state, "approved")
        # the previous term ends the day before the vote
        for line in self.old_secretary | self.old_organisation:
            self.assertFalse(line.active)
            self.assertEqual(line.date_end, self._day(days=-21))
            self.assertEqual(line.state, "ended")
        elected = election.line_ids.filtered("elected")
        self.assertEqual(self._committee(self.org_a1), elected)
        for line in elected:
            self.assertEqual(line.state, "in_office")
            self.assertEqual(line.date_start, election.date)
            self.assertEqual(line.date_end, election.date_term_end)
        self.assertEqual(self.org_a1.secretary_id, self.member_a1_4)
        not_elected = election.line_ids - elected
        self.assertEqual(not_elected.member_id, self.member_a1_3)
        self.assertEqual(not_elected.state, "not_elected")

    def test_an_approved_election_is_kept(self):
        election = self._new_committee_election()
        election.action_approve()
        with self.assert_refused(UserError):
            election.unlink()
        with self.assert_refused(UserError):
            election.line_ids[0].unlink()
        with self.assert_refused(UserError):
            election.action_approve()

    def test_the_approval_is_recorded_for_the_higher_organisation(self):
        # the street's working committee approves community A1's committee
        election = self._new_committee_election()
        with self.assert_refused(AccessError, "Street A working committee"):
            election.sudo(self.party_secretary).action_approve()
        self.assertEqual(election.state, "draft")
        # community A1's committee approves its branch's, recorded by A1's
        # secretary, who also records the vote
        branch_election = self._create_election(
            self.branch_a1, [(self.member_a1_4, "secretary", 30, True)],
            env=self.env(user=self.party_secretary.id),
            electorate=40, voters=35, votes_cast=35,
            approving_body="Community A1 party committee")
        branch_election.action_approve()
        self.assertEqual(branch_election.state, "approved")
        self.assertEqual(self.branch_a1.secretary_id, self.member_a1_4)

    def test_more_voters_than_the_electorate_is_refused(self):
        with self.assert_refused(
                ValidationError, "Community A1 party committee", "60"):
            self._new_committee_election(voters=60, votes_cast=60)

    def test_more_votes_than_ballots_is_refused(self):
        with self.assert_refused(ValidationError, "Sun Li"):
            self._create_election(self.org_a1, [
                (self.member_a1_4, "secretary", 46, True)])

    def test_a_vote_without_four_fifths_of_the_electorate_is_refused(self):
        election = self._new_committee_election(voters=40, votes_cast=40)
        with self.assert_refused(ValidationError, "four fifths"):
            election.action_approve()
        self.assertEqual(self.org_a1.secretary_id, self.member_a1)

    def test_a_candidate_without_a_majority_is_not_elected(self):
        election = self._create_election(self.org_a1, [
            (self.member_a1_4, "secretary", 40, True),
            (self.member_a1_3, "member", 22, True)])
        with self.assert_refused(ValidationError, "Zhao Min"):
            election.action_approve()

    def test_one_secretary_is_elected(self):
        election = self._create_election(self.org_a1, [
            (self.member_a1_4, "secretary", 40, True),
            (self.member_a1_3, "secretary", 30, True)])
        with self.assert_refused(ValidationError, "exactly one"):
            election.action_approve()

    def test_the_approval_needs_the_approving_body(self):
        election = self._new_committee_election(approving_body=False)
        with self.assert_refused(ValidationError, "approving body"):
            election.action_approve()

    def test_a_candidate_of_another_register_is_refused(self):
        with self.assert_refused(ValidationError, "Zhang Wei"):
            self._create_election(self.org_a1, [
                (self.member_a2, "secretary", 40, True)])

    def test_moving_a_draft_election_moves_its_candidates(self):
        election = self._new_committee_election()
        election.date = self._day(days=-10)
        self.assertEqual(set(election.line_ids.mapped("date_start")),
                         {self._day(days=-10)})
        self.assertEqual(set(election.line_ids.mapped("date_end")),
                         {self._day(days=-11, years=5)})
