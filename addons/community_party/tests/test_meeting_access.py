# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .meeting_common import MeetingCase


class TestMeetingAccess(MeetingCase):
    """Who reads and keeps which meeting, attendance line and decision:
    organisers through the organisations they keep, secretaries through
    their communities (councils included), the officer the street."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.branch_meeting = cls._meeting(
            "Branch congress", "2026-03-10 06:00:00", "held")
        cls.a2_meeting = cls._meeting(
            "A2 congress", "2026-03-10 06:00:00", "held",
            organisation_id=cls.org_a2.id)
        cls.council_meeting = cls._meeting(
            "A1 joint council", "2026-03-12 06:00:00", "held",
            kind="joint_council", organisation_id=False,
            council_id=cls.council_a1.id)
        cls.street_meeting = cls._meeting(
            "Working committee", "2026-03-13 06:00:00", "held",
            kind="committee", organisation_id=cls.org_street_a.id)
        cls.b1_meeting = cls._meeting(
            "B1 congress", "2026-03-14 06:00:00", "held",
            organisation_id=cls.org_b1.id)
        Decision = cls.env["party.meeting.decision"]
        for meeting in (cls.branch_meeting, cls.a2_meeting,
                        cls.council_meeting, cls.street_meeting,
                        cls.b1_meeting):
            Decision.create({"meeting_id": meeting.id,
                             "name": "Decision of %s" % meeting.name})

    def _meetings(self, user):
        return self.env["party.meeting"].sudo(user).search([])

    def _check_children(self, user, meetings):
        self.assertEqual(
            self.env["party.meeting.decision"].sudo(user).search([]),
            meetings.mapped("decision_ids"))
        self.assertEqual(
            self.env["party.meeting.attendance"].sudo(user).search([]),
            meetings.mapped("attendance_ids"))

    def test_officer_reads_the_street(self):
        meetings = (self.branch_meeting | self.a2_meeting
                    | self.council_meeting | self.street_meeting)
        self.assertEqual(self._meetings(self.party_officer), meetings)
        self._check_children(self.party_officer, meetings)

    def test_secretary_reads_own_community_and_its_council(self):
        meetings = self.branch_meeting | self.council_meeting
        self.assertEqual(self._meetings(self.party_secretary), meetings)
        self._check_children(self.party_secretary, meetings)
        self.assertEqual(
            self.env["community.council"].sudo(self.party_secretary).search(
                []), self.council_a1)
        self.assertEqual(self._meetings(self.party_secretary_a2),
                         self.a2_meeting)

    def test_secretary_records_a_council_meeting(self):
        Meeting = self.env["party.meeting"].sudo(self.party_secretary)
        meeting = Meeting.create({
            "name": "A1 joint council, fourth quarter",
            "kind": "joint_council", "council_id": self.council_a1.id,
            "date": "2026-11-10 06:00:00",
            "decision_ids": [(0, 0, {"name": "Open the canteen"})]})
        self.assertEqual(meeting.community_id, self.community_a1)
        meeting.action_fill_attendees()
        meeting.attendance_ids[0].write({"attendee_name": "Director Zhou"})
        meeting.action_held()
        self.assertEqual(meeting.decision_ids.community_id,
                         self.community_a1)
        with self.assertRaises(AccessError):
            Meeting.create({
                "name": "A2 council", "kind": "joint_council",
                "council_id": self.council_a2.id})

    def test_organiser_keeps_the_branch_only(self):
        self.assertEqual(self._meetings(self.party_organiser),
                         self.branch_meeting)
        self._check_children(self.party_organiser, self.branch_meeting)
        Meeting = self.env["party.meeting"].sudo(self.party_organiser)
        meeting = Meeting.create({
            "name": "Party lecture", "kind": "lecture",
            "organisation_id": self.branch_a1.id,
            "date": "2026-11-10 06:00:00"})
        meeting.action_fill_attendees()
        self.assertEqual(len(meeting.attendance_ids), 3)
        with self.assertRaises(AccessError):
            Meeting.create({"name": "Not mine", "kind": "congress",
                            "organisation_id": self.org_a2.id})
        with self.assertRaises(AccessError):
            self.council_meeting.sudo(
                self.party_organiser).action_fill_attendees()
        with self.assertRaises(AccessError):
            meeting.unlink()

    def test_fill_is_refused_out_of_reach_before_writing(self):
        lines = self.a2_meeting.attendance_ids
        lines.unlink()
        with self.assertRaises(AccessError):
            self.a2_meeting.sudo(self.party_secretary).action_fill_attendees()
        self.assertFalse(self.a2_meeting.attendance_ids)

    def test_leader_reads_only(self):
        self.assertEqual(len(self._meetings(self.leader)), 4)
        with self.assertRaises(AccessError):
            self.branch_meeting.sudo(self.leader).action_plan()
        with self.assertRaises(AccessError):
            self.branch_meeting.decision_ids.sudo(self.leader).action_done()

    def test_other_roles_see_nothing(self):
        for user in (self.community_clerk, self.street_clerk,
                     self.grid_officer, self.internal_user):
            for model in ("party.meeting", "party.meeting.attendance",
                          "party.meeting.decision"):
                with self.assertRaises(AccessError, msg=(model, user.login)):
                    self.env[model].sudo(user).search([])
