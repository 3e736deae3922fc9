# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .meeting_common import MeetingCase


class TestMeetingAttendance(MeetingCase):
    """Attendance rates on a known data set: branch_a1 held three meetings
    (Zhao Min present at two, Sun Li at three, Wang Jianguo at none), one
    was cancelled and one is still planned (everybody absent there, so
    that counting them would change every rate)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        x, y = cls.member_x, cls.member_y
        cls.held = [
            cls._meeting("Congress Q1", "2026-03-10 06:00:00", "held"),
            cls._meeting("Lecture Q2", "2026-06-10 06:00:00", "held",
                         kind="lecture"),
            cls._meeting("Congress Q3", "2026-09-10 06:00:00", "held"),
        ]
        cls._present(cls.held[0], x, y)
        cls._present(cls.held[1], y)
        cls._present(cls.held[2], x, y)
        cls.cancelled = cls._meeting(
            "Congress postponed", "2026-04-10 06:00:00", "cancelled")
        cls.planned = cls._meeting("Congress Q4", "2026-12-20 06:00:00")
        for meeting in (cls.cancelled, cls.planned):
            cls._present(meeting)

    def test_fill_lists_the_register_once(self):
        members = self.held[0].attendance_ids.mapped("member_id")
        self.assertEqual(members, self.member_a1 | self.member_x
                         | self.member_y)
        self.held[0].action_fill_attendees()
        self.assertEqual(len(self.held[0].attendance_ids), 3)

    def test_fill_takes_the_members_below(self):
        meeting = self._meeting(
            "A1 party congress", "2026-03-01 06:00:00",
            organisation_id=self.org_a1.id)
        self.assertEqual(
            meeting.attendance_ids.mapped("member_id"),
            self.member_a1 | self.member_x | self.member_y
            | self.member_a1_probationary)

    def test_fill_leaves_out_members_transferred_out(self):
        self.member_y.state = "transferred_out"
        meeting = self._meeting("Congress Q5", "2026-03-01 06:00:00")
        self.assertNotIn(self.member_y,
                         meeting.attendance_ids.mapped("member_id"))

    def test_member_rates_count_held_meetings_only(self):
        members = (self.member_x | self.member_y | self.member_a1).sudo(
            self.party_secretary)
        by_name = {member.name: member for member in members}
        self.assertAlmostEqual(by_name["Zhao Min"].meeting_attendance_rate,
                               66.7)
        self.assertEqual(by_name["Zhao Min"].meeting_present_count, 2)
        self.assertEqual(by_name["Zhao Min"].meeting_expected_count, 3)
        self.assertEqual(by_name["Sun Li"].meeting_attendance_rate, 100.0)
        self.assertEqual(by_name["Wang Jianguo"].meeting_attendance_rate, 0.0)
        self.assertEqual(by_name["Wang Jianguo"].meeting_expected_count, 3)

    def test_member_without_meetings(self):
        self.assertEqual(self.member_a2.meeting_expected_count, 0)
        self.assertEqual(self.member_a2.meeting_attendance_rate, 0.0)

    def test_organisation_rate(self):
        branch = self.branch_a1.sudo(self.party_organiser)
        # 2 + 3 + 0 present of 9 expected at the three held meetings
        self.assertAlmostEqual(branch.meeting_attendance_rate, 55.6)
        self.assertEqual(branch.meeting_held_count, 3)
        self.assertEqual(self.org_a2.meeting_attendance_rate, 0.0)

    def test_holding_the_planned_meeting_counts_it(self):
        self.planned.write({"date": "2026-01-20 06:00:00"})
        self.planned.action_held()
        self.assertAlmostEqual(self.member_x.meeting_attendance_rate, 50.0)
        self.assertAlmostEqual(self.member_y.meeting_attendance_rate, 75.0)

    def test_meeting_rate(self):
        self.assertEqual(self.held[0].present_count, 2)
        self.assertEqual(self.held[0].attendance_count, 3)
        self.assertAlmostEqual(self.held[0].attendance_rate, 66.7)
        self.assertEqual(self.planned.attendance_rate, 0.0)

    def test_future_meeting_cannot_be_held(self):
        meeting = self._meeting("Congress 2099", "2099-01-01 06:00:00")
        with self.assertRaisesRegex(UserError, "Congress 2099"):
            meeting.action_held()
        meeting.action_cancel()
        self.assertEqual(meeting.state, "cancelled")
        with self.assertRaisesRegex(UserError, "Congress 2099"):
            meeting.action_fill_attendees()

    def test_council_meeting_lists_member_organisations(self):
        meeting = self._meeting(
            "Joint council Q1", "2026-03-15 06:00:00", kind="joint_council",
            organisation_id=False, council_id=self.council_a1.id)
        self.assertEqual(meeting.attendance_ids.mapped("partner_id"),
                         self.unit_tax | self.unit_school)
        self.assertEqual(meeting.community_id, self.community_a1)
        self.assertEqual(meeting.company_id, self.street_a)
        line = meeting.attendance_ids[0]
        line.attendee_name = "Deputy director Qian"
        self.assertIn("Deputy director Qian", line.display_name)
        with self.assertRaisesRegex(ValidationError, "Joint council Q1"):
            line.write({"member_id": self.member_x.id})

    def test_body_must_match_the_kind(self):
        with self.assertRaisesRegex(ValidationError, "Mixed meeting"):
            self.env["party.meeting"].create({
                "name": "Mixed meeting", "kind": "joint_council",
                "organisation_id": self.branch_a1.id})
        with self.assertRaisesRegex(ValidationError, "Branch without"):
            self.env["party.meeting"].create({
                "name": "Branch without", "kind": "congress",
                "council_id": self.council_a1.id})
