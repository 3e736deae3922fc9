# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import datetime
import doctest
import io
import unittest

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import demo_selfgov, selfgov_vote, street_time
from .common import CommunityCase


class TestSelfgovVote(unittest.TestCase):

    def test_doctests_pass(self):
        failures, tried = doctest.testmod(selfgov_vote)
        self.assertGreater(tried, 0)
        self.assertEqual(failures, 0)

    def test_abstentions_count_in_the_half(self):
        self.assertFalse(selfgov_vote.is_adopted(4, 2, 2))
        self.assertTrue(selfgov_vote.is_adopted(5, 2, 2))

    def test_more_votes_than_present_is_impossible(self):
        self.assertEqual(
            selfgov_vote.check_counts(3, 2, 1, present=5),
            "more_than_present")
        self.assertIsNone(selfgov_vote.check_counts(3, 2, 0, present=5))


class SelfgovCase(CommunityCase):
    """A residents' council of community A1 with three members (one whose
    term is over), a meeting held yesterday and a proposal of A1."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.from_string(
            street_time.street_today(cls.env, cls.street_a))
        cls.yesterday = cls.day(-1)
        cls.body = cls.env["community.selfgov.body"].create({
            "name": "Residents' council A1",
            "community_id": cls.community_a1.id,
            "member_ids": [
                (0, 0, {"name": "Wang Jianguo", "role": "chair",
                        "resident_id": cls.resident_a1.id,
                        "date_start": cls.day(-400)}),
                (0, 0, {"name": "Li Xiuying", "role": "member",
                        "date_start": cls.day(-400)}),
                (0, 0, {"name": "Former member", "role": "member",
                        "date_start": cls.day(-800),
                        "date_end": cls.day(-30)}),
            ]})
        cls.meeting = cls.env["community.selfgov.meeting"].create({
            "name": "Council meeting on bicycle sheds",
            "body_id": cls.body.id,
            "date": fields.Datetime.to_string(datetime.datetime.combine(
                cls.today - datetime.timedelta(days=1),
                datetime.time(2, 0)))})

    @classmethod
    def day(cls, offset):
        return fields.Date.to_string(
            cls.today + datetime.timedelta(days=offset))

    def new_proposal(self, user=None, **vals):
        Proposal = self.env["community.selfgov.proposal"]
        if user:
            Proposal = Proposal.sudo(user)
        return Proposal.create(dict({
            "name": "Bicycle sheds in compound 1",
            "community_id": self.community_a1.id,
            "proposer_name": "Residents of building 1",
            "meeting_id": self.meeting.id}, **vals))


class TestSelfgovMeeting(SelfgovCase):

    def test_scope_follows_the_body(self):
        self.assertEqual(self.meeting.community_id, self.community_a1)
        self.assertEqual(self.meeting.company_id, self.street_a)

    def test_ended_seat_is_archived_and_not_expected(self):
        members = self.body.member_ids
        self.assertEqual(sorted(members.mapped("name")),
                         ["Li Xiuying", "Wang Jianguo"])
        self.meeting.action_fill_attendees()
        self.assertEqual(self.meeting.attendance_ids.mapped("member_id"),
                         members)
        self.meeting.attendance_ids[0].present = False
        self.assertEqual(self.meeting.attendance_count, 2)
        self.assertEqual(self.meeting.present_count, 1)
        self.assertEqual(self.meeting.attendance_rate, 50.0)

    def test_meeting_of_a_later_day_cannot_be_held(self):
        meeting = self.meeting.copy({"date": fields.Datetime.to_string(
            datetime.datetime.combine(
                self.today + datetime.timedelta(days=3),
                datetime.time(2, 0)))})
        with self.assertRaisesRegex(UserError, "later day"):
            meeting.with_context(lang="en_US").action_held()

    def test_clerk_of_the_community_keeps_its_meetings(self):
        meeting = self.env["community.selfgov.meeting"].sudo(
            self.community_clerk).create({
                "name": "Hearing on parking", "kind": "hearing",
                "body_id": self.body.id})
        self.assertEqual(meeting.community_id, self.community_a1)
        with self.assertRaises(AccessError):
            self.meeting.sudo(self.community_clerk_a2).read(["name"])
        with self.assertRaises(AccessError):
            self.meeting.sudo(self.street_clerk_b).read(["name"])


class TestSelfgovProposal(SelfgovCase):

    def test_proposal_is_voted_decided_and_carried_out(self):
        self.meeting.action_held()
        proposal = self.new_proposal(self.community_clerk)
        proposal.action_take_up()
        proposal.write({"votes_for": 5, "votes_against": 1,
                        "votes_abstain": 1})
        proposal.action_vote()
        self.assertEqual(proposal.state, "adopted")
        proposal.write({"decision_owner_id": self.community_clerk.id,
                        "decision_deadline": self.day(30)})
        proposal.action_decide()
        decision = proposal.decision_id
        self.assertEqual(proposal.state, "decided")
        self.assertEqual(decision.meeting_id, self.meeting)
        self.assertEqual(decision.owner_id, self.community_clerk)
        self.assertEqual(decision.community_id, self.community_a1)
        decision.action_done()
        self.assertEqual(proposal.state, "carried_out")
        self.assertEqual(decision.date_done, fields.Date.context_today(
            decision))
        decision.action_reopen()
        self.assertEqual(proposal.state, "decided")

    def test_half_of_the_votes_is_not_a_majority(self):
        self.meeting.action_held()
        proposal = self.new_proposal()
        proposal.action_take_up()
        proposal.write({"votes_for": 3, "votes_against": 2,
                        "votes_abstain": 1})
        proposal.action_vote()
        self.assertEqual(proposal.state, "rejected")
        with self.assertRaisesRegex(UserError, "Rejected"):
            proposal.action_decide()

    def test_vote_waits_for_the_meeting(self):
        proposal = self.new_proposal()
        proposal.action_take_up()
        with self.assertRaisesRegex(UserError, "has not been held"):
            proposal.action_vote()

    def test_more_votes_than_attendees_present_is_refused(self):
        self.meeting.action_fill_attendees()
        self.meeting.action_held()
        proposal = self.new_proposal()
        proposal.action_take_up()
        proposal.votes_for = 3
        with self.assertRaisesRegex(ValidationError, "more than the 2"):
            proposal.action_vote()

    def test_decision_needs_owner_and_deadline(self):
        self.meeting.action_held()
        proposal = self.new_proposal(votes_for=2)
        proposal.action_take_up()
        proposal.action_vote()
        with self.assertRaisesRegex(UserError, "owner and the deadline"):
            proposal.action_decide()

    def test_meeting_of_another_community_is_refused(self):
        body_a2 = self.body.copy({"community_id": self.community_a2.id,
                                  "member_ids": []})
        meeting_a2 = self.meeting.copy({"body_id": body_a2.id})
        with self.assertRaisesRegex(ValidationError, "Community A1"):
            self.new_proposal(meeting_id=meeting_a2.id)

    def test_clerk_of_another_community_does_not_see_it(self):
        proposal = self.new_proposal()
        Proposal = self.env["community.selfgov.proposal"]
        self.assertFalse(Proposal.sudo(self.community_clerk_a2).search(
            [("id", "=", proposal.id)]))
        self.assertTrue(Proposal.sudo(self.leader).search(
            [("id", "=", proposal.id)]))


class TestSelfgovDecision(SelfgovCase):

    def new_decision(self, **vals):
        return self.env["community.selfgov.decision"].create(dict({
            "meeting_id": self.meeting.id, "name": "Repair the gate",
            "date_deadline": self.day(10)}, **vals))

    def test_overdue_is_open_and_past_its_deadline(self):
        late = self.new_decision(date_deadline=self.day(-2))
        due = self.new_decision()
        done_late = self.new_decision(date_deadline=self.day(-2))
        done_late.action_done()
        Decision = self.env["community.selfgov.decision"]
        overdue = Decision.search([("is_overdue", "=", True),
                                   ("meeting_id", "=", self.meeting.id)])
        self.assertEqual(overdue, late)
        self.assertEqual(Decision.search([
            ("is_overdue", "=", False),
            ("meeting_id", "=", self.meeting.id)]), due | done_late)

    def test_done_twice_is_refused(self):
        decision = self.new_decision()
        decision.action_done()
        with self.assertRaisesRegex(UserError, "already done"):
            decision.action_done()

    def test_to_publish_needs_a_date(self):
        with self.assertRaisesRegex(ValidationError, "publication date"):
            self.new_decision(to_publish=True)

    def test_publish_today_and_withdraw(self):
        decision = self.new_decision()
        decision.action_publish()
        self.assertTrue(decision.to_publish)
        self.assertEqual(decision.date_published,
                         fields.Date.to_string(self.today))
        decision.action_unpublish()
        self.assertFalse(decision.date_published)


class TestSelfgovPublicationPack(SelfgovCase):

    def test_pack_lists_what_was_published_in_its_month(self):
        Decision = self.env["community.selfgov.decision"]
        published = Decision.create({
            "meeting_id": self.meeting.id, "name": "Bicycle sheds",
            "to_publish": True, "date_published": "2026-11-05"})
        Decision.create({
            "meeting_id": self.meeting.id, "name": "Next month's",
            "to_publish": True, "date_published": "2026-12-01"})
        Decision.create({
            "meeting_id": self.meeting.id, "name": "Not published"})
        pack = self.env["community.report.pack"].with_context(
            test_queue_job_no_delay=True, lang="en_US").sudo(
                self.street_clerk).create({
                    "company_id": self.street_a.id, "month": "2026-11-01"})
        rows = pack._publication_rows()
        self.assertEqual(rows, [(datetime.date(2026, 11, 5),
                                 "Deliberation decision",
                                 published.display_name, "Community A1")])
        pack.action_generate()
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(pack.attachment_id.datas)))
        sheet = book["Public disclosure"]
        self.assertEqual([cell.value for cell in sheet[4]][1:],
                         ["Deliberation decision", "Bicycle sheds",
                          "Community A1"])

    def test_no_sheet_when_nothing_was_published(self):
        pack = self.env["community.report.pack"].with_context(
            test_queue_job_no_delay=True, lang="en_US").create({
                "company_id": self.street_a.id, "month": "2026-10-01"})
        pack.action_generate()
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(pack.attachment_id.datas)))
        self.assertNotIn("Public disclosure", book.sheetnames)

    def test_other_streets_publications_are_left_out(self):
        body_b = self.body.copy({"community_id": self.community_b1.id,
                                 "member_ids": []})
        meeting_b = self.meeting.copy({"body_id": body_b.id})
        self.env["community.selfgov.decision"].create({
            "meeting_id": meeting_b.id, "name": "Street B",
            "to_publish": True, "date_published": "2026-11-05"})
        pack = self.env["community.report.pack"].create({
            "company_id": self.street_a.id, "month": "2026-11-01"})
        self.assertEqual(pack._publication_rows(), [])


class TestSelfgovDemo(CommunityCase):

    def test_demo_puts_proposals_at_every_step(self):
        today = datetime.date(2026, 11, 20)
        proposals = demo_selfgov.load_selfgov_demo(
            self.env, demo_selfgov.rng(1), today, self.community_a1)
        self.assertEqual(len(proposals), 6)
        self.assertEqual(
            len(proposals.filtered(lambda p: p.state == "submitted")), 1)
        self.assertEqual(
            len(proposals.filtered(lambda p: p.state == "taken_up")), 1)
        self.assertEqual(proposals.filtered(
            lambda p: p.state == "taken_up").meeting_id.state, "planned")
        decided = proposals.filtered("decision_id")
        self.assertTrue(decided)
        for proposal in decided:
            decision = proposal.decision_id
            self.assertTrue(decision.owner_id)
            self.assertGreater(decision.date_deadline,
                               decision.meeting_date[:10])
            self.assertTrue(decision.to_publish)
            self.assertEqual(proposal.state == "carried_out",
                             decision.state == "done")
        body = proposals.mapped("meeting_id.body_id")
        self.assertEqual(len(body), 1)
        self.assertEqual(body.member_ids.mapped("resident_id"),
                         self.resident_a1 | self.resident_a1_spouse)
