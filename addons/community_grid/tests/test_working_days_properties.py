# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Properties of the working-day arithmetic (tools/working_days.py and the
resource.calendar that feeds it) on calendars hypothesis makes up: random
weekends, public holidays and adjusted working days (调休).

The oracle is ``naive_working_days`` below: it lists, day by day, every
working day after the start, with the definition written out once more
(an adjusted working day is worked; else a day is worked when it is
neither a weekend day nor a holiday). The tool must agree with it.
"""
import unittest
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.tests.common import SavepointCase

from ..tools import working_days

FIRST = date(2025, 1, 1)
LAST = date(2027, 12, 31)
HORIZON = 400  # days the oracle looks ahead; > any deadline tested

PROPERTY_SETTINGS = settings(max_examples=120, deadline=None, database=None)

days = st.dates(min_value=FIRST, max_value=LAST)


@st.composite
def calendars(draw):
    """Keyword arguments of the tool's functions: a weekend of 0 to 3 days,
    holidays and adjusted working days in 2025-2027 (some of them on the
    same day, which data entry might do)."""
    weekend = frozenset(draw(st.sets(st.integers(0, 6), max_size=3)))
    holidays = draw(st.sets(days, max_size=60))
    workdays = draw(st.sets(days, max_size=15))
    return {"weekend": weekend, "holidays": holidays, "workdays": workdays}


def naive_is_worked(day, weekend, holidays, workdays):
    if day in workdays:
        return True
    if day in holidays:
        return False
    return day.weekday() not in weekend


def naive_working_days(start, weekend, holidays, workdays, horizon=HORIZON):
    """The working days after ``start``, in order, for ``horizon`` days."""
    return [start + timedelta(days=offset)
            for offset in range(1, horizon + 1)
            if naive_is_worked(start + timedelta(days=offset), weekend,
                               holidays, workdays)]


class TestWorkingDaysProperties(unittest.TestCase):

    @PROPERTY_SETTINGS
    @given(days, st.integers(0, 60), calendars())
    def test_add_agrees_with_the_oracle(self, start, count, calendar):
        result = working_days.add_working_days(start, count, **calendar)
        if count == 0:
            self.assertEqual(result, start)
        else:
            self.assertEqual(
                result, naive_working_days(start, **calendar)[count - 1])

    @PROPERTY_SETTINGS
    @given(days, days, calendars())
    def test_between_agrees_with_the_oracle(self, start, end, calendar):
        first, last = sorted((start, end))
        expected = sum(
            1 for day in naive_working_days(
                first, horizon=(last - first).days, **calendar))
        if end < start:
            expected = -expected
        self.assertEqual(
            working_days.working_days_between(start, end, **calendar),
            expected)

    @PROPERTY_SETTINGS
    @given(days, st.integers(0, 60), calendars())
    def test_adding_then_counting_back_gives_the_count(self, start, count,
                                                       calendar):
        end = working_days.add_working_days(start, count, **calendar)
        self.assertEqual(
            working_days.working_days_between(start, end, **calendar), count)
        self.assertEqual(
            working_days.working_days_between(end, start, **calendar),
            -count)

    @PROPERTY_SETTINGS
    @given(days, st.integers(1, 60), calendars())
    def test_deadline_is_a_working_day(self, start, count, calendar):
        end = working_days.add_working_days(start, count, **calendar)
        self.assertGreater(end, start)
        self.assertTrue(working_days.is_working_day(end, **calendar))
        if end not in calendar["workdays"]:
            self.assertNotIn(end, calendar["holidays"])
            self.assertNotIn(end.weekday(), calendar["weekend"])

    @PROPERTY_SETTINGS
    @given(days, st.integers(0, 40), st.integers(1, 20), calendars())
    def test_more_working_days_end_strictly_later(self, start, count, more,
                                                  calendar):
        earlier = working_days.add_working_days(start, count, **calendar)
        later = working_days.add_working_days(start, count + more, **calendar)
        self.assertGreater(later, earlier)
        self.assertEqual(
            working_days.add_working_days(earlier, more, **calendar), later)

    @PROPERTY_SETTINGS
    @given(days, days, days, calendars())
    def test_between_adds_up_over_a_middle_day(self, first, middle, last,
                                               calendar):
        def between(a, b):
            return working_days.working_days_between(a, b, **calendar)
        self.assertEqual(between(first, middle) + between(middle, last),
                         between(first, last))
        self.assertEqual(between(first, last), -between(last, first))

    @PROPERTY_SETTINGS
    @given(days, st.integers(-1000, -1), calendars())
    def test_negative_count_is_refused(self, start, count, calendar):
        with self.assertRaises(ValueError):
            working_days.add_working_days(start, count, **calendar)

    @PROPERTY_SETTINGS
    @given(days, st.integers(0, 30))
    def test_week_without_working_day_is_refused(self, start, count):
        with self.assertRaises(ValueError):
            working_days.add_working_days(
                start, count, weekend=frozenset(range(7)))


class TestCalendarWorkingDaysProperties(SavepointCase):
    """The same oracle against a resource.calendar whose holidays are
    global leaves entered in Beijing time and whose adjusted working days
    are grid.workday records: the model must hand the tool exactly the
    days the street entered."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create({
            "name": "Property test calendar",
            "attendance_ids": [
                (0, 0, {"name": "Day %s" % day, "dayofweek": str(day),
                        "hour_from": 8.5, "hour_to": 17.5})
                for day in range(5)],
        })

    @settings(max_examples=10, deadline=None, database=None)
    @given(st.sets(days, max_size=12), st.sets(days, max_size=6),
           days, st.integers(0, 25))
    def test_calendar_agrees_with_the_oracle(self, holidays, saturdays,
                                             start, count):
        # adjusted working days must be weekend days (a constraint)
        workdays = {day + timedelta(days=(5 - day.weekday()) % 7)
                    for day in saturdays}
        workdays = {day for day in workdays if day <= LAST}
        calendar = {"weekend": frozenset([5, 6]), "holidays": holidays,
                    "workdays": workdays}
        with _rolled_back(self.env):
            self._enter(holidays, workdays)
            self.assertEqual(self.calendar._working_days_params(), calendar)
            expected = (start if count == 0 else
                        naive_working_days(start, **calendar)[count - 1])
            self.assertEqual(
                self.calendar.working_days_add(start, count),
                expected.strftime("%Y-%m-%d"))
            self.assertEqual(self.calendar.working_days_between(
                start, expected), count)

    def _enter(self, holidays, workdays):
        """Each holiday a whole day 00:00-24:00 in Beijing time (16:00 UTC
        the day before, up to 16:00 UTC that day)."""
        Leave = self.env["resource.calendar.leaves"]
        for day in holidays:
            start = datetime.combine(day, time()) - timedelta(hours=8)
            Leave.create({
                "name": "Holiday %s" % day, "calendar_id": self.calendar.id,
                "date_from": start.strftime("%Y-%m-%d %H:%M:%S"),
                "date_to": (start + timedelta(days=1)).strftime(
                    "%Y-%m-%d %H:%M:%S"),
                "tz": "Asia/Shanghai"})
        for day in workdays:
            self.env["grid.workday"].create({
                "calendar_id": self.calendar.id, "name": "调休上班",
                "date": day.strftime("%Y-%m-%d")})
        self.calendar.invalidate_cache()


class _rolled_back(object):
    """Undo what the block wrote, so that each hypothesis example starts
    from the same calendar (the test's own savepoint spans all of them)."""

    def __init__(self, env):
        self.env = env

    def __enter__(self):
        self.env.cr.execute("SAVEPOINT working_days_example")
        return self

    def __exit__(self, exc_type, exc, traceback):
        self.env.cr.execute("ROLLBACK TO SAVEPOINT working_days_example")
        self.env.cr.execute("RELEASE SAVEPOINT working_days_example")
        self.env.clear()
        return False
