# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The working-day arithmetic of tools/working_days.py, without a database,
on the 2026 calendar of the State Council."""
import doctest
import unittest
from datetime import date, timedelta

from ..tools import working_days


def _days(first, last):
    return {first + timedelta(days=i) for i in range((last - first).days + 1)}


HOLIDAYS = (_days(date(2026, 1, 1), date(2026, 1, 3))
            | _days(date(2026, 2, 15), date(2026, 2, 23))
            | _days(date(2026, 4, 4), date(2026, 4, 6))
            | _days(date(2026, 5, 1), date(2026, 5, 5))
            | _days(date(2026, 10, 1), date(2026, 10, 7)))
WORKDAYS = {date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28),
            date(2026, 5, 9), date(2026, 9, 20), date(2026, 10, 10)}
CALENDAR = {"holidays": HOLIDAYS, "workdays": WORKDAYS}


class TestWorkingDays(unittest.TestCase):

    def test_doctests_pass(self):
        failures, tried = doctest.testmod(working_days)
        self.assertTrue(tried)
        self.assertEqual(failures, 0)

    def test_next_working_day_of_a_tuesday_is_wednesday(self):
        self.assertEqual(
            working_days.add_working_days(date(2026, 3, 3), 1, **CALENDAR),
            date(2026, 3, 4))

    def test_deadline_skips_the_weekend(self):
        # reported on Friday 6 March: Monday 9, Tuesday 10
        self.assertEqual(
            working_days.add_working_days(date(2026, 3, 6), 1, **CALENDAR),
            date(2026, 3, 9))
        self.assertEqual(
            working_days.add_working_days(date(2026, 3, 6), 2, **CALENDAR),
            date(2026, 3, 10))

    def test_report_on_a_saturday_counts_from_monday(self):
        self.assertEqual(
            working_days.add_working_days(date(2026, 3, 7), 1, **CALENDAR),
            date(2026, 3, 9))

    def test_deadline_skips_public_holidays(self):
        # Thursday 30 April: 1-5 May are Labour Day holidays
        self.assertEqual(
            working_days.add_working_days(date(2026, 4, 30), 1, **CALENDAR),
            date(2026, 5, 6))
        # Thursday 2 April: Friday 3, then Tuesday 7 after Qingming
        self.assertEqual(
            working_days.add_working_days(date(2026, 4, 2), 2, **CALENDAR),
            date(2026, 4, 7))

    def test_adjusted_working_saturday_counts(self):
        # Friday 8 May: Saturday 9 May is worked (调休)
        self.assertEqual(
            working_days.add_working_days(date(2026, 5, 8), 1, **CALENDAR),
            date(2026, 5, 9))
        self.assertEqual(
            working_days.add_working_days(date(2026, 5, 8), 2, **CALENDAR),
            date(2026, 5, 11))

    def test_adjusted_working_sunday_after_new_year(self):
        # Wednesday 31 December 2025: 1-3 January off, Sunday 4 worked
        self.assertEqual(
            working_days.add_working_days(date(2025, 12, 31), 1, **CALENDAR),
            date(2026, 1, 4))

    def test_spring_festival_with_both_adjusted_saturdays(self):
        # Friday 13 Feb: Sat 14 worked, 15-23 off, Tue 24...Fri 27, Sat 28
        deadlines = [working_days.add_working_days(
            date(2026, 2, 13), n, **CALENDAR) for n in range(1, 7)]
        self.assertEqual(deadlines, [
            date(2026, 2, 14), date(2026, 2, 24), date(2026, 2, 25),
            date(2026, 2, 26), date(2026, 2, 27), date(2026, 2, 28)])

    def test_national_day_week(self):
        # Friday 25 Sept, 3 days: Sun 20 is behind; Mon 28, Tue 29, Wed 30
        self.assertEqual(
            working_days.add_working_days(date(2026, 9, 25), 3, **CALENDAR),
            date(2026, 9, 30))
        # Wednesday 30 Sept, 2 days: 1-7 Oct off, Thu 8, Fri 9
        self.assertEqual(
            working_days.add_working_days(date(2026, 9, 30), 2, **CALENDAR),
            date(2026, 10, 9))
        # and the third is the adjusted Saturday 10 October
        self.assertEqual(
            working_days.add_working_days(date(2026, 9, 30), 3, **CALENDAR),
            date(2026, 10, 10))

    def test_between_inverts_add(self):
        start = date(2026, 1, 1)
        for count in (0, 1, 2, 3, 7, 30, 250):
            end = working_days.add_working_days(start, count, **CALENDAR)
            self.assertEqual(
                working_days.working_days_between(start, end, **CALENDAR),
                count)

    def test_between_counts_holidays_out(self):
        # Labour Day week: Thursday 30 April to Monday 11 May:
        # Wed 6, Thu 7, Fri 8, Sat 9 (worked), Mon 11
        self.assertEqual(working_days.working_days_between(
            date(2026, 4, 30), date(2026, 5, 11), **CALENDAR), 5)

    def test_between_is_negative_backwards(self):
        self.assertEqual(working_days.working_days_between(
            date(2026, 5, 11), date(2026, 4, 30), **CALENDAR), -5)

    def test_is_working_day(self):
        self.assertTrue(working_days.is_working_day(
            date(2026, 2, 28), **CALENDAR))
        self.assertFalse(working_days.is_working_day(
            date(2026, 2, 16), **CALENDAR))
        self.assertFalse(working_days.is_working_day(
            date(2026, 3, 1), **CALENDAR))

    def test_other_weekend(self):
        # a calendar working Saturdays, resting Sunday only
        self.assertEqual(working_days.add_working_days(
            date(2026, 3, 6), 1, weekend={6}), date(2026, 3, 7))

    def test_negative_count_is_refused(self):
        with self.assertRaises(ValueError):
            working_days.add_working_days(date(2026, 3, 6), -2)

    def test_week_without_working_day_is_refused(self):
        with self.assertRaises(ValueError):
            working_days.add_working_days(
                date(2026, 3, 6), 1, weekend=set(range(7)))
