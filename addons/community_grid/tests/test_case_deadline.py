# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Case deadlines on the street's calendar, and the overdue flag."""
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .case_common import CaseLoopCase


class TestCaseDeadline(CaseLoopCase):

    def test_calendar_weekend_is_days_without_attendance(self):
        self.assertEqual(self.calendar._working_days_weekend(), {5, 6})

    def test_calendar_holidays_read_in_their_timezone(self):
        holidays = {str(day) for day in
                    self.calendar._working_days_holidays()}
        self.assertEqual(holidays, {
            "2026-04-04", "2026-04-05", "2026-04-06", "2026-05-01",
            "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05"})

    def test_calendar_add_and_between(self):
        self.assertEqual(
            self.calendar.working_days_add("2026-04-30", 1), "2026-05-06")
        self.assertEqual(
            self.calendar.working_days_add("2026-05-08", 1), "2026-05-09")
        self.assertEqual(self.calendar.working_days_between(
            "2026-04-30", "2026-05-11"), 5)

    def test_deadline_is_next_working_day_for_street_level(self):
        case = self._create_case()
        self.assertEqual(case.date_deadline, "2026-03-03")
        self.assertEqual(case.date_deadline_original, "2026-03-03")

    def test_deadline_counts_in_beijing_time(self):
        # Monday 2 March 23:30 in Beijing is still 2 March there
        case = self._create_case(date_reported="2026-03-02 15:30:00")
        self.assertEqual(case.date_deadline, "2026-03-03")
        # but 16:30 UTC is already Tuesday 3 March in Beijing
        case = self._create_case(date_reported="2026-03-02 16:30:00")
        self.assertEqual(case.date_deadline, "2026-03-04")

    def test_deadline_across_a_weekend(self):
        # reported on Friday 6 March, two working days: Tuesday 10 March
        case = self._create_case(
            category_id=self.category_department.id,
            date_reported="2026-03-06 02:00:00")
        self.assertEqual(case.date_deadline, "2026-03-10")

    def test_deadline_across_a_public_holiday(self):
        # reported Thursday 2 April, three working days: Fri 3, Tue 7, Wed 8
        case = self._create_case(
            category_id=self.category_multi.id,
            date_reported="2026-04-02 02:00:00")
        self.assertEqual(case.date_deadline, "2026-04-08")

    def test_deadline_on_an_adjusted_working_saturday(self):
        # reported Friday 8 May, one working day: Saturday 9 May is worked
        case = self._create_case(date_reported="2026-05-08 02:00:00")
        self.assertEqual(case.date_deadline, "2026-05-09")

    def test_deadline_across_labour_day(self):
        # reported Thursday 30 April, two days: Wed 6 and Thu 7 May
        case = self._create_case(
            category_id=self.category_department.id,
            date_reported="2026-04-30 02:00:00")
        self.assertEqual(case.date_deadline, "2026-05-07")

    def test_street_without_calendar_uses_the_shipped_one(self):
        self.assertFalse(self.street_b.case_calendar_id)
        # National Day on the shipped calendar: reported Wednesday 30
        # September, 3 days: Thu 8, Fri 9 and the worked Saturday 10 October
        case = self._create_case(
            household_id=self.household_b1.id,
            category_id=self.category_multi.id,
            date_reported="2026-09-30 02:00:00")
        self.assertEqual(case.date_deadline, "2026-10-10")

    def test_shipped_calendar_spring_festival(self):
        calendar = self.env.ref("community_grid.resource_calendar_street")
        self.assertEqual(calendar.working_days_add("2026-02-13", 1),
                         "2026-02-14")
        self.assertEqual(calendar.working_days_add("2026-02-13", 2),
                         "2026-02-24")
        self.assertEqual(calendar.working_days_add("2025-12-31", 1),
                         "2026-01-04")

    def test_category_change_moves_the_deadline_before_handling(self):
        case = self._create_case()
        case.category_id = self.category_multi
        self.assertEqual(case.date_deadline, "2026-03-05")
        self.assertEqual(case.date_deadline_original, "2026-03-05")

    def test_category_sla_defaults_by_level(self):
        self.assertEqual(self.category_street.sla_days, 1)
        self.assertEqual(self.category_department.sla_days, 2)
        self.assertEqual(self.category_multi.sla_days, 3)

    def test_category_sla_below_one_refused(self):
        with self.assertRaisesRegex(ValidationError, "Test litter"):
            self.category_street.sla_days = 0

    def test_category_code_unique(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["grid.case.category"].create({
                "name": "Duplicate", "code": "T-ENV", "level": "street"})

    def test_category_cannot_be_its_own_ancestor(self):
        child = self.env["grid.case.category"].create({
            "name": "Child", "code": "T-ENV-1", "level": "street",
            "parent_id": self.category_street.id})
        self.assertEqual(child.complete_name, "Test litter / Child")
        with self.assertRaisesRegex(ValidationError, "Test litter"):
            self.category_street.parent_id = child

    def test_workday_on_a_weekday_refused(self):
        with self.assertRaisesRegex(ValidationError, "2026-05-11"):
            self.env["grid.workday"].create({
                "calendar_id": self.calendar.id, "date": "2026-05-11",
                "name": "Not a weekend"})

    def test_overdue_flag_from_the_deadline(self):
        case = self._create_case()
        # the deadline 3 March 2026 is behind the real today
        self.assertTrue(case.is_overdue)

    def test_cron_refreshes_overdue_flag_on_given_day(self):
        case = self._create_case()
        other = self._create_case(date_reported="2026-03-04 02:00:00")
        changed = self.env["grid.case"]._cron_refresh_overdue("2026-03-03")
        self.assertIn(case.id, changed)
        self.assertIn(other.id, changed)
        self.assertFalse(case.is_overdue)
        self.assertFalse(other.is_overdue)
        changed = self.env["grid.case"]._cron_refresh_overdue("2026-03-04")
        self.assertIn(case.id, changed)
        self.assertNotIn(other.id, changed)
        self.assertTrue(case.is_overdue)
        self.assertFalse(other.is_overdue)
        self.assertEqual(self.env["grid.case"].search_count([
            ("id", "in", (case | other).ids), ("is_overdue", "=", True)]), 1)

    def test_cron_refresh_writes_only_changed_rows_in_batches(self):
        cases = self.env["grid.case"]
        for dummy in range(5):
            cases |= self._create_case()
        changed = self.env["grid.case"]._cron_refresh_overdue(
            "2026-03-02", batch_size=2)
        self.assertEqual(sorted(changed), sorted(cases.ids))
        self.assertFalse(any(cases.mapped("is_overdue")))
        self.assertEqual(
            self.env["grid.case"]._cron_refresh_overdue("2026-03-02"), [])

    def test_cron_leaves_closed_cases_alone(self):
        case = self._move_to(self._create_case(), "close")
        self.assertTrue(case.is_overdue)   # closed after its deadline
        self.assertFalse(case.closed_on_time)
        changed = self.env["grid.case"]._cron_refresh_overdue("2026-03-02")
        self.assertNotIn(case.id, changed)
        self.assertTrue(case.is_overdue)

    def test_close_on_time_counts_working_days(self):
        case = self._create_case(date_reported=self._now_minus_days(0))
        self._move_to(case, "close")
        self.assertTrue(case.closed_on_time)
        self.assertFalse(case.is_overdue)
        self.assertEqual(case.days_to_close, 0)

    def _now_minus_days(self, days):
        from datetime import datetime, timedelta
        return (datetime.utcnow() - timedelta(days=days)).strftime(
            "%Y-%m-%d %H:%M:%S")

    def test_leave_ending_at_midnight_does_not_cover_the_next_day(self):
        calendar = self.env["resource.calendar"].create({
            "name": "Midnight calendar",
            "global_leave_ids": [(0, 0, {
                "name": "Dragon Boat", "tz": "Asia/Shanghai",
                # Friday 19 June 00:00 to Saturday 20 June 00:00, Beijing
                "date_from": "2026-06-18 16:00:00",
                "date_to": "2026-06-19 16:00:00"})],
        })
        self.assertEqual({str(day) for day in
                          calendar._working_days_holidays()}, {"2026-06-19"})
        self.assertEqual(calendar.working_days_add("2026-06-18", 1),
                         "2026-06-22")
