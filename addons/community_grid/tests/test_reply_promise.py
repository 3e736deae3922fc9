# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The "123" reply promise on cases: the answer deadline by level on the
working-day calendar, the first answer whichever channel gives it, and
whether the promise was kept.

The test calendar (see ``case_common``) has Qingming on 4-6 April and
Labour Day on 1-5 May 2026. Every case below is reported the day before a
holiday, so a deadline counted in calendar days would be wrong."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError

from .case_common import CaseLoopCase

# Thursday 30 April 2026, 10:00 in Beijing: Labour Day is 1-5 May
BEFORE_LABOUR_DAY = "2026-04-30 02:00:00"
# Thursday 2 April 2026, 10:00 in Beijing: Qingming is 4-6 April
BEFORE_QINGMING = "2026-04-02 02:00:00"


class TestReplyPromise(CaseLoopCase):

    def _case(self, category, reported):
        return self._create_case(category_id=category.id,
                                 date_reported=reported)

    def _answer_by_phone(self, case, when, user=None):
        """Log a phone answer at ``when`` (UTC) as ``user`` (the street
        clerk)."""
        wizard = self.env["grid.reply.phone.wizard"].sudo(
            (user or self.street_clerk).id).create({
                "res_model": "grid.case", "res_id": case.id,
                "date": when, "note": "Told the reporter it is in hand"})
        wizard.action_confirm()
        case.invalidate_cache()
        return case

    # the deadline: 1, 2, 3 working days after the day of the report

    def test_street_level_is_answered_the_first_working_day_after_labour_day(
            self):
        case = self._case(self.category_street, BEFORE_LABOUR_DAY)
        self.assertEqual(case.reply_level, "street")
        self.assertEqual(case.date_answer_deadline, "2026-05-06")

    def test_department_level_gets_two_working_days_across_labour_day(self):
        case = self._case(self.category_department, BEFORE_LABOUR_DAY)
        self.assertEqual(case.date_answer_deadline, "2026-05-07")

    def test_multi_level_gets_three_working_days_across_qingming(self):
        # Fri 3, (Sat 4 to Mon 6 off), Tue 7, Wed 8 April
        case = self._case(self.category_multi, BEFORE_QINGMING)
        self.assertEqual(case.date_answer_deadline, "2026-04-08")

    def test_answer_deadline_is_apart_from_the_closing_deadline(self):
        self.category_street.sla_days = 5
        case = self._case(self.category_street, BEFORE_LABOUR_DAY)
        self.assertEqual(case.date_deadline, "2026-05-11")
        self.assertEqual(case.date_answer_deadline, "2026-05-06")

    # kept and missed, for each level

    def test_street_level_kept_on_the_deadline_and_missed_the_day_after(self):
        kept = self._case(self.category_street, BEFORE_LABOUR_DAY)
        # Wednesday 6 May, 17:00 in Beijing
        self._answer_by_phone(kept, "2026-05-06 09:00:00")
        self.assertTrue(kept.reply_promise_kept)
        self.assertFalse(kept.is_answer_overdue)
        missed = self._case(self.category_street, BEFORE_LABOUR_DAY)
        # Thursday 7 May, 08:30 in Beijing (still 6 May in UTC)
        self._answer_by_phone(missed, "2026-05-07 00:30:00")
        self.assertFalse(missed.reply_promise_kept)
        self.assertTrue(missed.is_answer_overdue)

    def test_department_level_kept_and_missed(self):
        kept = self._case(self.category_department, BEFORE_LABOUR_DAY)
        self._answer_by_phone(kept, "2026-05-07 09:00:00")
        self.assertTrue(kept.reply_promise_kept)
        missed = self._case(self.category_department, BEFORE_LABOUR_DAY)
        self._answer_by_phone(missed, "2026-05-08 02:00:00")
        self.assertFalse(missed.reply_promise_kept)
        self.assertTrue(missed.is_answer_overdue)

    def test_multi_level_kept_and_missed(self):
        kept = self._case(self.category_multi, BEFORE_QINGMING)
        # Tuesday 7 April: a calendar-day count would call it late
        self._answer_by_phone(kept, "2026-04-07 02:00:00")
        self.assertTrue(kept.reply_promise_kept)
        missed = self._case(self.category_multi, BEFORE_QINGMING)
        self._answer_by_phone(missed, "2026-04-09 02:00:00")
        self.assertFalse(missed.reply_promise_kept)
        self.assertTrue(missed.is_answer_overdue)

    def test_unanswered_case_is_flagged_by_the_daily_action_after_deadline(
            self):
        # reported now: its deadline is still ahead
        case = self._case(self.category_street, fields.Datetime.now())
        self.assertFalse(case.is_answer_overdue)
        deadline = fields.Date.from_string(case.date_answer_deadline)
        Case = self.env["grid.case"]
        Case._cron_refresh_answer_overdue(today=str(deadline))
        self.assertFalse(case.is_answer_overdue)
        flagged = Case._cron_refresh_answer_overdue(
            today=str(deadline + timedelta(days=1)))
        self.assertIn(case, flagged)
        self.assertTrue(case.is_answer_overdue)
        self.assertFalse(case.reply_promise_kept)

    # the channels of the first answer

    def test_reply_message_is_the_first_answer(self):
        case = self._case(self.category_street, BEFORE_LABOUR_DAY)
        case.sudo(self.street_clerk.id).message_post(
            body="We have sent someone", message_type="comment",
            subtype="mail.mt_comment")
        self.assertTrue(case.date_first_answer)
        self.assertEqual(case.answer_channel, "message")

    def test_internal_note_and_loop_messages_are_no_answer(self):
        case = self._dispatched_case()
        case.sudo(self.street_clerk.id).message_post(
            body="Check the gate first", message_type="comment",
            subtype="mail.mt_note")
        self.assertFalse(case.date_first_answer)
        self._move_to(case, "handle")
        self.assertEqual(case.answer_channel, "feedback")
        answered = case.date_first_answer
        # the send-back's message is the loop's own, no second answer
        case.sudo(self.street_clerk.id).action_send_back(reason="Not done")
        self.assertEqual(case.date_first_answer, answered)

    def test_feedback_is_the_first_answer_when_nothing_came_before(self):
        case = self._dispatched_case()
        self._move_to(case, "handle")
        self.assertEqual(case.answer_channel, "feedback")
        self.assertEqual(case.date_first_answer, case.date_handled)

    def test_first_answer_wins_over_later_ones(self):
        case = self._dispatched_case()
        self._answer_by_phone(case, "2026-03-02 03:00:00")
        self._move_to(case, "handle")
        self.assertEqual(case.answer_channel, "phone")
        self.assertEqual(case.date_first_answer, "2026-03-02 03:00:00")
        self.assertTrue(case.reply_promise_kept)

    def test_handler_answers_by_phone_a_case_dispatched_to_them(self):
        case = self._dispatched_case()
        self._answer_by_phone(case, "2026-03-02 03:00:00", user=self.handler)
        self.assertEqual(case.answer_channel, "phone")

    def test_phone_answer_refused_on_a_case_the_user_cannot_read(self):
        case = self._dispatched_case()
        with self.assertRaises(AccessError):
            self._answer_by_phone(case, "2026-03-02 03:00:00",
                                  user=self.handler_2)
        self.assertFalse(case.date_first_answer)

    def test_phone_answer_in_the_future_is_refused(self):
        case = self._case(self.category_street, BEFORE_LABOUR_DAY)
        with self.assertRaises(UserError):
            self._answer_by_phone(case, "2099-01-01 00:00:00")

    def test_statistics_count_the_promise_beside_closing_on_time(self):
        kept = self._case(self.category_street, BEFORE_LABOUR_DAY)
        self._answer_by_phone(kept, "2026-05-06 09:00:00")
        late = self._case(self.category_department, BEFORE_LABOUR_DAY)
        self._answer_by_phone(late, "2026-05-08 02:00:00")
        # unanswered, its deadline (8 May) long past: the promise is missed
        self._case(self.category_multi, BEFORE_LABOUR_DAY)
        # reported in May: outside the period
        self._case(self.category_street, "2026-05-06 02:00:00")
        result = self.env["grid.case.statistics"].sudo(
            self.street_clerk.id).compute(
                "2026-04-01", "2026-04-30", "community",
                company_ids=self.street_a.ids)
        total = result["total"]
        self.assertEqual(total["received"], 3)
        self.assertEqual(total["reply_due"], 3)
        self.assertEqual(total["reply_kept"], 1)
        self.assertAlmostEqual(total["reply_rate"], 1 / 3)

    def test_holiday_added_later_moves_only_unanswered_answer_deadlines(self):
        waiting = self._case(self.category_street, BEFORE_LABOUR_DAY)
        answered = self._case(self.category_street, BEFORE_LABOUR_DAY)
        self._answer_by_phone(answered, "2026-05-06 02:00:00")
        self.assertEqual(waiting.date_answer_deadline, "2026-05-06")
        # Wednesday 6 May becomes a day off
        self.env["resource.calendar.leaves"].create({
            "name": "Extra day off", "calendar_id": self.calendar.id,
            "tz": "Asia/Shanghai", "date_from": "2026-05-05 16:00:00",
            "date_to": "2026-05-06 15:59:59"})
        self.env["grid.case"]._cron_recompute_deadlines(auto_commit=False)
        waiting.invalidate_cache()
        answered.invalidate_cache()
        self.assertEqual(waiting.date_answer_deadline, "2026-05-07")
        self.assertEqual(answered.date_answer_deadline, "2026-05-06")
        self.assertTrue(answered.reply_promise_kept)
