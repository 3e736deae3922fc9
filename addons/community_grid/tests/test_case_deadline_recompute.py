# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Open case deadlines follow changes of their calendar, in batches."""
from datetime import timedelta

from odoo import fields

from odoo.addons.community_base.tools import batch

from .case_common import CaseLoopCase

# Friday 6 March 2026, 10:00 in Beijing
FRIDAY = "2026-03-06 02:00:00"


class TestCaseDeadlineRecompute(CaseLoopCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the holidays of the test calendar marked it when it was made
        cls.env["grid.case"]._cron_recompute_deadlines(auto_commit=False)

    def _recompute(self, **kwargs):
        return self.env["grid.case"]._cron_recompute_deadlines(
            "2026-03-04", auto_commit=False, **kwargs)

    def _holiday(self, day, calendar=None):
        # a day off entered in Beijing time, like the shipped holidays
        return self.env["resource.calendar.leaves"].create({
            "name": "Extra holiday", "tz": "Asia/Shanghai",
            "calendar_id": (calendar or self.calendar).id,
            "date_from": "%s 16:00:00" % day,
            "date_to": "%s 15:59:59" % _next_day(day)})

    def test_holiday_marks_the_calendar_from_the_day_before(self):
        self.assertFalse(self.calendar.deadline_recompute_from)
        self._holiday("2026-03-02")   # 3 March in Beijing
        self.assertEqual(self.calendar.deadline_recompute_from, "2026-03-01")
        self._holiday("2026-06-01")
        self.assertEqual(self.calendar.deadline_recompute_from, "2026-03-01")

    def test_holiday_moves_open_deadlines_only(self):
        case = self._create_case()
        extended = self._create_case()
        extended._transition({"extension_count": 1,
                              "date_deadline": "2026-03-03"})
        closed = self._move_to(self._create_case(), "close")
        other_street = self._create_case(household_id=self.household_b1.id)
        self.assertEqual(case.date_deadline, "2026-03-03")
        self._holiday("2026-03-02")
        changed = self._recompute()
        self.assertEqual(changed, [case.id])
        self.assertEqual(case.date_deadline, "2026-03-04")
        self.assertEqual(case.date_deadline_original, "2026-03-04")
        self.assertFalse(case.is_overdue)   # due 4 March, today 4 March
        self.assertEqual(extended.date_deadline, "2026-03-03")
        self.assertEqual(closed.date_deadline, "2026-03-03")
        self.assertEqual(other_street.date_deadline, "2026-03-03")
        # done: the mark is cleared and a second run changes nothing
        self.assertFalse(self.calendar.deadline_recompute_from)
        self.assertEqual(self._recompute(), [])

    def test_removed_holiday_moves_deadlines_back(self):
        holiday = self._holiday("2026-03-02")
        case = self._create_case()
        self.assertEqual(case.date_deadline, "2026-03-04")
        self._recompute()
        holiday.unlink()
        self.assertEqual(self.calendar.deadline_recompute_from, "2026-03-01")
        self.assertEqual(self._recompute(), [case.id])
        self.assertEqual(case.date_deadline, "2026-03-03")
        self.assertTrue(case.is_overdue)

    def test_adjusted_working_day_brings_deadline_forward(self):
        case = self._create_case(date_reported=FRIDAY)
        self.assertEqual(case.date_deadline, "2026-03-09")
        workday = self.env["grid.workday"].create({
            "calendar_id": self.calendar.id, "date": "2026-03-07",
            "name": "Worked Saturday"})
        self.assertEqual(self.calendar.deadline_recompute_from, "2026-03-07")
        self._recompute()
        self.assertEqual(case.date_deadline, "2026-03-07")
        workday.date = "2026-03-14"
        self._recompute()
        self.assertEqual(case.date_deadline, "2026-03-09")

    def test_weekly_hours_change_recomputes_every_open_deadline(self):
        case = self._create_case(date_reported=FRIDAY)
        self.env["resource.calendar.attendance"].create({
            "calendar_id": self.calendar.id, "name": "Saturday",
            "dayofweek": "5", "hour_from": 8, "hour_to": 12})
        self.assertTrue(self.calendar.deadline_recompute_from)
        self._recompute()
        self.assertEqual(case.date_deadline, "2026-03-07")

    def test_batches_give_the_same_deadlines(self):
        cases = self.env["grid.case"]
        for dummy in range(5):
            cases |= self._create_case()
        self._holiday("2026-03-02")
        changed = self._recompute(batch_size=2)
        self.assertEqual(sorted(changed), sorted(cases.ids))
        self.assertEqual(set(cases.mapped("date_deadline")), {"2026-03-04"})

    def test_calendar_of_other_streets_moves_nothing_here(self):
        case = self._create_case()
        shipped = self.env.ref("community_grid.resource_calendar_street")
        self._holiday("2026-03-02", calendar=shipped)
        self.assertEqual(self._recompute(), [])
        self.assertEqual(case.date_deadline, "2026-03-03")
        self.assertFalse(shipped.deadline_recompute_from)

    def test_refresh_from_the_daily_action_covers_deadlines(self):
        case = self._create_case()
        self._holiday("2026-03-02")
        changed = self.env["grid.case"]._cron_refresh_deadlines(
            "2026-03-04", auto_commit=False)
        self.assertIn(case.id, changed)
        self.assertEqual(case.date_deadline, "2026-03-04")

    def test_tests_never_commit(self):
        # the scheduled action commits per batch, except in tests
        self.assertFalse(batch.auto_commit())


def _next_day(day):
    return fields.Date.to_string(
        fields.Date.from_string(day) + timedelta(days=1))
