# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees and changes which cases."""
from odoo.exceptions import AccessError, UserError

from .case_common import CaseLoopCase


class TestCaseAccess(CaseLoopCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_a1 = cls._create_case()
        cls.case_a2 = cls._create_case(household_id=cls.household_a2.id)
        cls.case_b1 = cls._create_case(household_id=cls.household_b1.id)
        cls.all_cases = cls.case_a1 | cls.case_a2 | cls.case_b1

    def _visible(self, user):
        return self.env["grid.case"].sudo(user.id).search([
            ("id", "in", self.all_cases.ids)])

    def test_grid_officer_sees_own_grid_only(self):
        self.assertEqual(self._visible(self.grid_officer), self.case_a1)
        self.assertEqual(self._visible(self.grid_officer_2), self.case_a2)

    def test_grid_deputy_sees_the_grid(self):
        self.grid_a2.deputy_ids = self.grid_officer
        self.assertEqual(self._visible(self.grid_officer),
                         self.case_a1 | self.case_a2)

    def test_grid_officer_reports_in_own_grid(self):
        case = self._create_case(user=self.grid_officer,
                                 household_id=self.household_a1b.id)
        self.assertEqual(case.grid_id, self.grid_a1)
        self.assertEqual(case.handler_user_id, self.grid_officer)

    def test_grid_officer_cannot_report_in_another_grid(self):
        with self.assertRaises(AccessError):
            self._create_case(user=self.grid_officer,
                              household_id=self.household_a2.id)

    def test_grid_officer_cannot_dispatch_nor_close(self):
        case = self.case_a1.sudo(self.grid_officer.id)
        with self.assertRaisesRegex(AccessError, self.case_a1.name):
            case.action_dispatch()
        self._move_to(self.case_a1, "verify")
        with self.assertRaisesRegex(AccessError, self.case_a1.name):
            case.action_close()

    def test_grid_officer_verifies_own_grid_case(self):
        self._move_to(self.case_a1, "handle")
        self.case_a1.sudo(self.grid_officer.id).action_verify()
        self.assertEqual(self.case_a1.state, "verify")

    def test_community_clerk_sees_own_community(self):
        self.assertEqual(self._visible(self.community_clerk), self.case_a1)
        self.assertEqual(self._visible(self.community_clerk_a2),
                         self.case_a2)

    def test_community_clerk_cannot_report_in_another_community(self):
        with self.assertRaises(AccessError):
            self._create_case(user=self.community_clerk,
                              household_id=self.household_a2.id)

    def test_community_clerk_reports_in_own_community(self):
        case = self._create_case(user=self.community_clerk,
                                 household_id=False, grid_id=False,
                                 address="Market gate")
        self.assertEqual(case.community_id, self.community_a1)

    def test_street_clerks_see_their_street(self):
        self.assertEqual(self._visible(self.street_clerk),
                         self.case_a1 | self.case_a2)
        self.assertEqual(self._visible(self.street_clerk_b), self.case_b1)

    def test_street_clerk_of_another_street_cannot_change_a_case(self):
        with self.assertRaises(AccessError):
            self.case_a1.sudo(self.street_clerk_b.id).write(
                {"address": "Elsewhere"})

    def test_leader_reads_the_street_but_changes_nothing(self):
        self.assertEqual(self._visible(self.leader),
                         self.case_a1 | self.case_a2)
        with self.assertRaises(AccessError):
            self.case_a1.sudo(self.leader.id).write({"address": "x"})
        with self.assertRaises(AccessError):
            self._create_case(user=self.leader)
        with self.assertRaises(AccessError):
            self.case_a1.sudo(self.leader.id).action_dispatch()

    def test_handler_sees_only_cases_dispatched_to_them(self):
        self.assertFalse(self._visible(self.handler))
        self.case_a2.handler_user_id = self.handler
        self.assertEqual(self._visible(self.handler), self.case_a2)
        self.assertFalse(self._visible(self.handler_2))

    def test_handler_cannot_create_cases(self):
        with self.assertRaises(AccessError):
            self._create_case(user=self.handler)

    def test_handler_writes_only_the_feedback(self):
        self.case_a1.handler_user_id = self.handler
        self._move_to(self.case_a1, "dispatch")
        case = self.case_a1.sudo(self.handler.id)
        case.handle_note = "Done"
        with self.assertRaisesRegex(AccessError, self.case_a1.name):
            case.write({"description": "<p>Changed</p>"})
        with self.assertRaisesRegex(UserError, self.case_a1.name):
            case.write({"state": "close"})

    def test_handler_cannot_dispatch_verify_or_close(self):
        self.case_a1.handler_user_id = self.handler
        case = self.case_a1.sudo(self.handler.id)
        with self.assertRaises(AccessError):
            case.action_dispatch()
        self._move_to(self.case_a1, "handle")
        with self.assertRaises(AccessError):
            case.action_verify()
        self._move_to(self.case_a1, "verify")
        with self.assertRaises(AccessError):
            case.action_close()

    def test_other_handler_cannot_feed_back(self):
        self._move_to(self.case_a1, "dispatch")
        with self.assertRaises(AccessError):
            self.case_a1.sudo(self.handler_2.id).write({"handle_note": "x"})

    def test_reporter_phone_only_for_clerks_others_see_the_mask(self):
        self.case_a1.reporter_phone = "13812345678"
        self.case_a1.handler_user_id = self.handler
        for user in (self.handler, self.grid_officer):
            case = self.case_a1.sudo(user.id)
            self.assertNotIn("reporter_phone", case.fields_get())
            self.assertEqual(case.reporter_phone_masked, "138****5678")
            with self.assertRaises(AccessError):
                case.read(["reporter_phone"])
        case = self.case_a1.sudo(self.community_clerk.id)
        self.assertEqual(case.read(["reporter_phone"])[0]["reporter_phone"],
                         "13812345678")

    def test_escalations_follow_their_case(self):
        self.case_a1.action_escalate(reason="x")
        self.case_b1.action_escalate(reason="y")
        Escalation = self.env["grid.case.escalation"]
        self.assertEqual(
            Escalation.sudo(self.community_clerk.id).search([]).mapped(
                "case_id"), self.case_a1)
        self.assertEqual(
            Escalation.sudo(self.street_clerk_b.id).search([]).mapped(
                "case_id"), self.case_b1)
        with self.assertRaises(AccessError):
            Escalation.sudo(self.street_clerk.id).create({
                "case_id": self.case_a1.id, "from_level": "street",
                "to_level": "district", "reason": "forged"})

    def test_only_the_street_admin_configures(self):
        Category = self.env["grid.case.category"]
        for user in (self.street_clerk, self.grid_officer, self.handler,
                     self.leader):
            self.assertTrue(Category.sudo(user.id).search([]))
            with self.assertRaises(AccessError):
                Category.sudo(user.id).create({
                    "name": "X", "code": "X-%s" % user.id,
                    "level": "street"})
            with self.assertRaises(AccessError):
                self.env["grid.case.reply"].sudo(user.id).create({
                    "name": "X", "step": "handle", "body": "x"})
            with self.assertRaises(AccessError):
                self.env["grid.workday"].sudo(user.id).create({
                    "calendar_id": self.calendar.id, "date": "2026-03-07",
                    "name": "x"})
        Category.sudo(self.street_admin.id).create({
            "name": "X", "code": "X-ADMIN", "level": "multi"})
        self.env["grid.workday"].sudo(self.street_admin.id).create({
            "calendar_id": self.calendar.id, "date": "2026-03-07",
            "name": "x"})

    def test_dispatch_board_opens_for_each_role(self):
        self.case_a1.handler_user_id = self.handler
        action = self.env.ref("community_grid.grid_case_action")
        for user, expected in (
                (self.handler, self.case_a1),
                (self.grid_officer, self.case_a1),
                (self.community_clerk_a2, self.case_a2),
                (self.leader, self.case_a1 | self.case_a2),
                (self.street_clerk_b, self.case_b1)):
            found = self.open_action(action, user)
            self.assertEqual(found & self.all_cases, expected, user.login)

    def test_case_menus_visible_to_the_case_roles(self):
        menu = self.env.ref("community_grid.grid_case_menu")
        for user in (self.handler, self.grid_officer, self.community_clerk,
                     self.leader):
            self.assertIn(menu, self.visible_menus(user), user.login)
        for xmlid in ("grid_case_category_menu", "grid_case_reply_menu",
                      "resource_calendar_menu",
                      "grid_case_request_tier_definition_menu"):
            config = self.env.ref("community_grid.%s" % xmlid)
            self.assertIn(config, self.visible_menus(self.street_admin))
            self.assertNotIn(config, self.visible_menus(self.street_clerk))

    def test_street_admin_opens_the_case_configuration(self):
        for xmlid in ("grid_case_category_action", "grid_case_reply_action",
                      "resource_calendar_action",
                      "grid_case_request_tier_definition_action"):
            action = self.env.ref("community_grid.%s" % xmlid)
            self.assertTrue(self.open_action(action, self.street_admin),
                            xmlid)
        calendar = self.calendar.sudo(self.street_admin.id)
        calendar.write({"workday_ids": [(0, 0, {
            "date": "2026-03-14", "name": "Make-up day"})]})
        self.assertEqual(calendar.working_days_add("2026-03-13", 1),
                         "2026-03-14")
