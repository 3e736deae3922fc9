# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .common import GridCase


class TestSelfgovDecisionCase(GridCase):
    """A residents' deliberation decision becomes a case in one click,
    through the same ``grid.case.source.mixin`` as a party decision."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        body = cls.env["community.selfgov.body"].create({
            "name": "Residents' council A1",
            "community_id": cls.community_a1.id})
        cls.meeting = cls.env["community.selfgov.meeting"].create({
            "name": "Council meeting on the gate", "body_id": body.id,
            "date": "2026-03-02 02:00:00"})
        cls.decision = cls.env["community.selfgov.decision"].create({
            "meeting_id": cls.meeting.id, "name": "Repair the east gate",
            "description": "The lock is broken.\nResidents voted 12 to 1.",
            "owner_id": cls.community_clerk.id,
            "date_deadline": "2026-04-30", "grid_id": cls.grid_a1.id})

    def test_clerk_turns_the_decision_into_a_case(self):
        self.meeting.action_held()
        action = self.decision.sudo(self.community_clerk).with_context(
            lang="en_US").action_create_case()
        case = self.decision.case_id
        self.assertEqual(action["res_id"], case.id)
        self.assertEqual(case.community_id, self.community_a1)
        self.assertEqual(case.grid_id, self.grid_a1)
        self.assertEqual(case.channel, "referral")
        self.assertEqual(case.category_id, self.env.ref(
            "community_grid.grid_case_category_other"))
        self.assertIn("Repair the east gate", case.description)
        self.assertIn("Residents voted 12 to 1.", case.description)
        self.assertIn("Council meeting on the gate", case.description)
        self.assertIn(case.name, self.meeting.message_ids[0].body)

    def test_decision_of_a_meeting_not_held_is_refused(self):
        with self.assertRaisesRegex(UserError, "has not been held"):
            self.decision.with_context(lang="en_US").action_create_case()
        self.assertFalse(self.decision.case_id)

    def test_second_case_is_refused(self):
        self.meeting.action_held()
        self.decision.action_create_case()
        with self.assertRaisesRegex(UserError, "already followed"):
            self.decision.with_context(lang="en_US").action_create_case()

    def test_clerk_of_another_community_is_refused(self):
        self.meeting.action_held()
        with self.assertRaises(AccessError):
            self.decision.sudo(self.community_clerk_a2).action_create_case()
        self.assertFalse(self.decision.case_id)
