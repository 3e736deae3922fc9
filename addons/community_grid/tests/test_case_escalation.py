# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Escalation of overdue cases and the reminders (催办)."""
from odoo.exceptions import AccessError, UserError

from .case_common import CaseLoopCase


class TestCaseEscalation(CaseLoopCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Case = cls.env["grid.case"]
        # deadline Tuesday 3 March
        cls.case = cls._create_case()
        cls.district_officer = cls._create_user(
            "district_officer", "community_base.group_leader")
        cls._set_street(cls.district_officer, cls.district)

    def test_not_escalated_on_or_before_the_deadline(self):
        self.assertFalse(self.Case._cron_escalate("2026-03-03"))
        self.assertEqual(self.case.loop_level, "community")

    def test_escalated_to_the_street_the_day_after_the_deadline(self):
        escalated = self.Case._cron_escalate("2026-03-04")
        self.assertIn(self.case, escalated)
        self.assertEqual(self.case.loop_level, "street")
        escalation = self.case.escalation_ids
        self.assertEqual(len(escalation), 1)
        self.assertEqual(escalation.from_level, "community")
        self.assertEqual(escalation.to_level, "street")
        self.assertEqual(escalation.date, "2026-03-04")
        self.assertTrue(escalation.automatic)
        self.assertIn("2026-03-03", escalation.reason)

    def test_escalation_notifies_the_street_clerks(self):
        self.Case._cron_escalate("2026-03-04")
        message = self.case.message_ids[0]
        self.assertIn(self.street_clerk.partner_id, message.partner_ids)
        self.assertNotIn(self.street_clerk_b.partner_id, message.partner_ids)
        self.assertIn(self.street_clerk.partner_id,
                      self.case.message_follower_ids.mapped("partner_id"))

    def test_street_threshold_in_working_days(self):
        self.street_a.case_escalate_days = 2
        # Wed 4 and Thu 5 March are 1 and 2 working days late: kept
        self.assertFalse(self.Case._cron_escalate("2026-03-04"))
        self.assertFalse(self.Case._cron_escalate("2026-03-05"))
        # Friday 6 March is 3 working days late
        self.assertIn(self.case, self.Case._cron_escalate("2026-03-06"))

    def test_one_loop_per_run_then_district_then_stop(self):
        self.Case._cron_escalate("2026-03-04")
        # the same day again: the street loop has its own working day
        self.assertFalse(self.Case._cron_escalate("2026-03-04"))
        self.assertEqual(self.case.loop_level, "street")
        self.assertIn(self.case, self.Case._cron_escalate("2026-03-05"))
        self.assertEqual(self.case.loop_level, "district")
        self.assertIn(self.district_officer.partner_id,
                      self.case.message_ids[0].partner_ids)
        self.assertFalse(self.Case._cron_escalate("2026-03-20"))
        self.assertEqual(len(self.case.escalation_ids), 2)

    def test_closed_cases_are_not_escalated(self):
        self._move_to(self.case, "close")
        self.assertFalse(self.Case._cron_escalate("2026-03-10"))

    def test_manual_escalation_with_reason(self):
        clerk_case = self.case.sudo(self.community_clerk.id)
        action = clerk_case.action_escalate()
        self.assertEqual(action["res_model"], "grid.case.escalate.wizard")
        wizard = self.env[action["res_model"]].sudo(
            self.community_clerk.id).with_context(**action["context"]).create(
                {"reason": "Needs the urban management team"})
        wizard.action_confirm()
        self.assertEqual(self.case.loop_level, "street")
        escalation = self.case.escalation_ids
        self.assertFalse(escalation.automatic)
        self.assertEqual(escalation.user_id, self.community_clerk)
        self.assertEqual(escalation.reason, "Needs the urban management team")

    def test_manual_escalation_needs_a_reason(self):
        with self.assertRaisesRegex(UserError, self.case.name):
            self.case.sudo(self.community_clerk.id).action_escalate(
                reason=" ")
        self.assertEqual(self.case.loop_level, "community")

    def test_manual_escalation_refused_to_a_handler(self):
        case = self._dispatched_case()
        with self.assertRaisesRegex(AccessError, case.name):
            case.sudo(self.handler.id).action_escalate(reason="Help")
        self.assertEqual(case.loop_level, "community")

    def test_no_escalation_beyond_the_district(self):
        self.case.action_escalate(reason="one")
        self.case.action_escalate(reason="two")
        with self.assertRaisesRegex(UserError, "district"):
            self.case.action_escalate(reason="three")

    def test_handler_reminded_when_the_deadline_nears(self):
        case = self._dispatched_case()
        # remind 1 working day ahead: on Monday 2 March for Tuesday 3
        reminded = self.Case._cron_remind("2026-03-02")
        self.assertIn(case, reminded)
        message = case.message_ids[0]
        self.assertIn(self.handler.partner_id, message.partner_ids)
        self.assertIn(case.name, message.body)
        activities = case.activity_ids.filtered(
            lambda activity: activity.user_id == self.handler
            and activity.summary.startswith("Chased"))
        self.assertEqual(len(activities), 1)
        self.assertEqual(case.date_handler_reminded, "2026-03-02")

    def test_handler_not_reminded_early_nor_twice_a_day(self):
        case = self._dispatched_case(
            category_id=self.category_multi.id)   # deadline Thu 5 March
        self.assertNotIn(case, self.Case._cron_remind("2026-03-02"))
        self.assertIn(case, self.Case._cron_remind("2026-03-04"))
        self.assertNotIn(case, self.Case._cron_remind("2026-03-04"))

    def test_superior_reminded_past_the_configured_days(self):
        case = self._dispatched_case(
            category_id=self.category_department.id)   # deadline Wed 4
        self.assertEqual(case.handler_department_id, self.section)
        # one working day late: the handler only
        self.Case._cron_remind("2026-03-05")
        self.assertNotIn(self.section_head.partner_id,
                         case.message_ids.mapped("partner_ids"))
        # two working days late (Friday 6): the section head too
        self.Case._cron_remind("2026-03-06")
        self.assertIn(self.section_head.partner_id,
                      case.message_ids[0].partner_ids)
        self.assertIn(self.section_head, case.activity_ids.mapped("user_id"))
        self.assertEqual(case.date_superior_reminded, "2026-03-06")

    def test_superior_without_section_is_the_street_clerks(self):
        case = self._dispatched_case()   # no handling section
        self.Case._cron_remind("2026-03-05")
        self.assertIn(self.street_clerk.partner_id,
                      case.message_ids[0].partner_ids)

    def test_daily_cron_runs_all_three(self):
        self._move_to(self.case, "dispatch")
        self.Case._cron_daily("2026-03-04")
        self.assertTrue(self.case.is_overdue)
        self.assertEqual(self.case.loop_level, "street")
        self.assertEqual(self.case.date_handler_reminded, "2026-03-04")
        cron = self.env.ref("community_grid.grid_case_cron_daily")
        self.assertEqual(cron.code, "model._cron_daily()")
