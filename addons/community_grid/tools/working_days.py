# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Working-day arithmetic of the case deadlines, without a database.

A day is a working day when it is an adjusted working day (调休上班日, a
weekend day worked instead of a holiday), or when it is neither a weekend day
nor a public holiday. The "123" promise of a case reported on day D with an
SLA of n working days ends on the n-th working day *after* D: the day of the
report does not count, whatever the hour.

The calendar of 2026 used in the examples: Sat 14 and Sat 28 February are
worked, 15-23 February are the Spring Festival holidays.

>>> from datetime import date
>>> holidays = {date(2026, 2, 15) + timedelta(days=i) for i in range(9)}
>>> workdays = {date(2026, 2, 14), date(2026, 2, 28)}
>>> add_working_days(date(2026, 2, 13), 1, holidays=holidays,
...                  workdays=workdays)
datetime.date(2026, 2, 14)
>>> add_working_days(date(2026, 2, 13), 2, holidays=holidays,
...                  workdays=workdays)
datetime.date(2026, 2, 24)
>>> working_days_between(date(2026, 2, 13), date(2026, 2, 24),
...                      holidays=holidays, workdays=workdays)
2
"""
from datetime import timedelta

# Monday is 0: Saturday and Sunday
DEFAULT_WEEKEND = frozenset([5, 6])


def is_working_day(day, weekend=DEFAULT_WEEKEND, holidays=(), workdays=()):
    """Whether ``day`` (a ``datetime.date``) is worked.

    An adjusted working day wins over the weekend and over a holiday (the
    State Council never lists a day as both, but data entry might).

    >>> from datetime import date
    >>> is_working_day(date(2026, 1, 2))          # a Friday
    True
    >>> is_working_day(date(2026, 1, 3))          # a Saturday
    False
    >>> is_working_day(date(2026, 1, 2), holidays={date(2026, 1, 2)})
    False
    >>> is_working_day(date(2026, 1, 4), workdays={date(2026, 1, 4)})
    True
    """
    if day in workdays:
        return True
    return day.weekday() not in weekend and day not in holidays


def add_working_days(start, count, weekend=DEFAULT_WEEKEND, holidays=(),
                     workdays=()):
    """The ``count``-th working day after ``start``; ``start`` itself for a
    count of 0 (a case to be handled the same day).

    >>> from datetime import date
    >>> add_working_days(date(2026, 1, 9), 1)     # Friday -> Monday
    datetime.date(2026, 1, 12)
    >>> add_working_days(date(2026, 1, 9), 0)
    datetime.date(2026, 1, 9)
    >>> add_working_days(date(2026, 1, 9), -1)
    Traceback (most recent call last):
    ...
    ValueError: the number of working days cannot be negative: -1
    """
    if count < 0:
        raise ValueError(
            "the number of working days cannot be negative: %s" % count)
    _check_weekend(weekend)
    day = start
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day, weekend, holidays, workdays):
            remaining -= 1
    return day


def working_days_between(start, end, weekend=DEFAULT_WEEKEND, holidays=(),
                         workdays=()):
    """The working days after ``start`` up to and including ``end``; negative
    when ``end`` is before ``start``, so that
    ``working_days_between(d, add_working_days(d, n)) == n``.

    >>> from datetime import date
    >>> working_days_between(date(2026, 1, 9), date(2026, 1, 12))
    1
    >>> working_days_between(date(2026, 1, 12), date(2026, 1, 9))
    -1
    >>> working_days_between(date(2026, 1, 10), date(2026, 1, 11))
    0
    """
    if end < start:
        return -working_days_between(end, start, weekend, holidays, workdays)
    _check_weekend(weekend)
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, weekend, holidays, workdays):
            count += 1
    return count


def _check_weekend(weekend):
    """A week without any working day would loop for ever (unless adjusted
    working days are entered, which a calendar cannot count on)."""
    if len(set(weekend)) >= 7:
        raise ValueError("a calendar needs at least one working weekday")
