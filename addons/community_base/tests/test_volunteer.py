# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError

from .test_post import PostCase


class VolunteerCase(PostCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.team = Partner.create({
            "name": "Red Vest Volunteers", "is_company": True,
            "organisation_type": "volunteer_team",
            "community_id": cls.community_a1.id})
        cls.team_b = Partner.create({
            "name": "Riverside Volunteers", "is_company": True,
            "organisation_type": "volunteer_team",
            "community_id": cls.community_b1.id})
        cls.activity_a1 = cls._activity(
            cls.team, cls.resident_a1, 3.0, "2026-03-05")
        cls.activity_a1_bis = cls._activity(
            cls.team, cls.resident_a1, 2.5, "2026-04-10")
        cls.activity_a2 = cls._activity(
            cls.team, cls.resident_a2, 4.0, "2026-03-20")
        cls.activity_b1 = cls._activity(
            cls.team_b, cls.resident_b1, 1.5, "2026-03-08")

    @classmethod
    def _activity(cls, team, volunteer, hours, day):
        return cls.env["community.volunteer.activity"].create({
            "team_id": team.id,
            "volunteer_id": volunteer.id,
            "hours": hours,
            "date": day,
            "description": "Helped elderly residents",
        })


class TestVolunteer(VolunteerCase):

    def test_resident_total_hours(self):
        self.assertEqual(self.resident_a1.volunteer_hours, 5.5)
        self.assertEqual(self.resident_a2.volunteer_hours, 4.0)
        self.assertEqual(self.resident_a1_bis.volunteer_hours, 0.0)

    def test_team_total_hours(self):
        self.assertEqual(self.team.volunteer_hours, 9.5)
        self.assertEqual(self.team_b.volunteer_hours, 1.5)

    def test_totals_follow_changes(self):
        self.activity_a1.hours = 1.0
        self.assertEqual(self.resident_a1.volunteer_hours, 3.5)
        self.assertEqual(self.team.volunteer_hours, 7.5)
        self.activity_a1_bis.unlink()
        self.assertEqual(self.resident_a1.volunteer_hours, 1.0)
        self.assertEqual(self.team.volunteer_hours, 5.0)

    def test_activity_belongs_to_volunteer_community(self):
        self.assertEqual(self.activity_a2.community_id, self.community_a2)
        self.assertEqual(self.activity_b1.company_id, self.street_b)

    def test_zero_hours_refused(self):
        with self.assertRaisesRegex(ValidationError, "more than 0 hours"):
            self._activity(self.team, self.resident_a1, 0.0, "2026-05-01")

    def test_negative_hours_refused(self):
        with self.assertRaisesRegex(ValidationError, "Wang Wei"):
            self._activity(self.team, self.resident_a1, -2.0, "2026-05-01")

    def test_organisation_other_than_team_refused(self):
        unit = self.env["res.partner"].create({
            "name": "Power Supply Bureau", "is_company": True,
            "organisation_type": "resident_unit",
            "community_id": self.community_a1.id})
        with self.assertRaisesRegex(ValidationError, "Power Supply Bureau"):
            self._activity(unit, self.resident_a1, 1.0, "2026-05-01")

    def test_hours_per_team_and_month(self):
        groups = self.env["community.volunteer.activity"].read_group(
            [("team_id", "=", self.team.id)], ["hours", "date"],
            ["date:month"])
        self.assertEqual([group["hours"] for group in groups], [7.0, 2.5])

    def test_community_clerk_sees_own_community_only(self):
        activities = self.env["community.volunteer.activity"].sudo(
            self.community_clerk.id).search([])
        self.assertEqual(activities, self.activity_a1 | self.activity_a1_bis)

    def test_street_clerk_sees_own_street_only(self):
        activities = self.env["community.volunteer.activity"].sudo(
            self.street_clerk.id).search([])
        self.assertEqual(
            activities,
            self.activity_a1 | self.activity_a1_bis | self.activity_a2)

    def test_team_total_counts_activities_clerk_cannot_see(self):
        activity = self.env["community.volunteer.activity"].sudo(
            self.community_clerk.id).create({
                "team_id": self.team.id,
                "volunteer_id": self.resident_a1_bis.id,
                "hours": 2.0,
                "description": "Cleaned the stairs",
            })
        self.assertEqual(activity.community_id, self.community_a1)
        self.assertEqual(self.team.volunteer_hours, 11.5)
        self.assertEqual(self.resident_a1_bis.volunteer_hours, 2.0)

    def test_community_clerk_cannot_record_elsewhere(self):
        with self.assertRaises(AccessError):
            self.env["community.volunteer.activity"].sudo(
                self.community_clerk.id).create({
                    "team_id": self.team.id,
                    "volunteer_id": self.resident_a2.id,
                    "hours": 2.0,
                    "description": "Not my community",
                })

    def test_community_clerk_cannot_delete_records(self):
        with self.assertRaises(AccessError):
            self.activity_a1.sudo(self.community_clerk.id).unlink()

    def test_leader_cannot_write(self):
        activity = self.activity_a1.sudo(self.leader.id)
        self.assertEqual(activity.hours, 3.0)
        with self.assertRaises(AccessError):
            activity.write({"hours": 8.0})

    def test_community_clerk_opens_residents_with_their_service(self):
        action = self.env.ref("community_base.community_resident_action")
        residents = self.open_action(action, self.community_clerk)
        self.assertIn(self.resident_a1, residents)
        self.assertEqual(
            self.resident_a1.sudo(self.community_clerk.id)
            .volunteer_activity_ids,
            self.activity_a1 | self.activity_a1_bis)

    def test_leader_opens_pivot_of_hours(self):
        action = self.env.ref(
            "community_base.community_volunteer_activity_action")
        records = self.open_action(action, self.leader)
        self.assertIn(self.activity_a2, records)
        self.assertNotIn(self.activity_b1, records)
        # what the pivot shows the leader: hours per team and month, of
        # their street only
        groups = self.env["community.volunteer.activity"].sudo(
            self.leader.id).read_group(
                [], ["team_id", "date", "hours"], ["team_id", "date:month"],
                lazy=False)
        hours = {}
        for group in groups:
            day = next(leaf[2] for leaf in group["__domain"]
                       if leaf[0] == "date" and leaf[1] == ">=")
            hours[(group["team_id"][0], day[:7])] = group["hours"]
        self.assertEqual(hours, {(self.team.id, "2026-03"): 7.0,
                                 (self.team.id, "2026-04"): 2.5})
