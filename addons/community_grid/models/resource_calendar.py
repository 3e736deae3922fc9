# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

import pytz

from odoo import api, fields, models

from ..tools import working_days


class ResourceCalendar(models.Model):
    """The working-day calendar of the case deadlines.

    Its weekdays without attendance are the weekend, its global leaves
    (leaves without a resource) the public holidays, and its adjusted working
    days (``grid.workday``) the weekends worked instead (调休). The
    arithmetic itself is ``tools/working_days.py``; this model only feeds it.
    """

    _inherit = "resource.calendar"

    # translatable, as the shipped 街道工作日历 is data in English
    name = fields.Char(translate=True)
    workday_ids = fields.One2many(
        comodel_name="grid.workday", inverse_name="calendar_id",
        string="Adjusted working days", copy=True,
        help="Weekend days worked in exchange for a public holiday (调休).")
    deadline_recompute_from = fields.Date(
        string="Recompute deadlines from", readonly=True, copy=False,
        help="Set when a holiday, an adjusted working day or the weekly "
        "hours of the calendar change: the scheduled action recomputes, in "
        "batches, the deadlines of the open cases due on this day or later, "
        "then clears it.")

    @api.multi
    def _mark_deadlines_stale(self, day=None):
        """Ask the scheduled action to recompute the deadlines of the open
        cases due on ``day`` (a date or date string) or later; every open
        deadline when ``day`` is None (the weekly hours changed). Written in
        the changing user's transaction, so it stays only if the change
        does; recomputing there could lock a million cases."""
        if day is None:
            # sql: the earliest open deadline, one figure that is not shown; an ORM
            #   search would read every case
            self.env.cr.execute(
                "SELECT MIN(date_deadline) FROM grid_case WHERE state IN %s",
                (("report", "dispatch", "handle", "verify"),))
            day = self.env.cr.fetchone()[0]
            if not day:
                return
        day = fields.Date.to_string(fields.Date.from_string(str(day)))
        # sudo: a calendar change marks deadlines to recompute; only the date is
        #   written, by whoever may change the calendar
        for calendar in self.sudo():
            current = calendar.deadline_recompute_from
            calendar.write({"deadline_recompute_from": min(current, day)
                            if current else day})

    @api.multi
    def _working_days_weekend(self):
        """The weekdays (Monday = 0) without any attendance; Saturday and
        Sunday for a calendar without attendances at all."""
        self.ensure_one()
        worked = {int(day) for day in self.attendance_ids.mapped("dayofweek")}
        if not worked:
            return working_days.DEFAULT_WEEKEND
        return frozenset(set(range(7)) - worked)

    @api.multi
    def _working_days_holidays(self):
        """The days covered by the global leaves, in the timezone each leave
        was entered in (a holiday of 1 January entered in Beijing time starts
        on 31 December in UTC)."""
        self.ensure_one()
        days = set()
        # sudo: public holidays of the calendar, which every role computing a deadline
        #   needs
        leaves = self.env["resource.calendar.leaves"].sudo().search([
            ("calendar_id", "=", self.id), ("resource_id", "=", False)])
        for leave in leaves:
            tz = pytz.timezone(leave.tz or "UTC")
            start = _local(leave.date_from, tz)
            end = _local(leave.date_to, tz)
            day = start.date()
            last = end.date()
            if end.time() == end.time().min and last > day:
                # a leave ending at midnight does not cover the next day
                last -= timedelta(days=1)
            while day <= last:
                days.add(day)
                day += timedelta(days=1)
        return days

    @api.multi
    def _working_days_params(self):
        """The keyword arguments of the functions of
        ``tools/working_days.py`` for this calendar; callers that compute
        many deadlines read them once."""
        self.ensure_one()
        # sudo: adjusted working days of the calendar, which every role computing a
        #   deadline needs
        return {
            "weekend": self._working_days_weekend(),
            "holidays": self._working_days_holidays(),
            "workdays": {fields.Date.from_string(day) for day in
                         self.sudo().workday_ids.mapped("date")},
        }

    @api.multi
    def working_days_add(self, date, count, params=None):
        """The ``count``-th working day after ``date`` (a date string or a
        ``datetime.date``), as a date string."""
        if isinstance(date, str):
            date = fields.Date.from_string(date)
        params = params or self._working_days_params()
        return fields.Date.to_string(
            working_days.add_working_days(date, count, **params))

    @api.multi
    def working_days_between(self, date_from, date_to, params=None):
        """Working days after ``date_from`` up to ``date_to`` (negative when
        ``date_to`` comes first)."""
        if isinstance(date_from, str):
            date_from = fields.Date.from_string(date_from)
        if isinstance(date_to, str):
            date_to = fields.Date.from_string(date_to)
        params = params or self._working_days_params()
        return working_days.working_days_between(date_from, date_to, **params)


def _local(value, tz):
    """A UTC datetime string of the database as a naive local datetime."""
    utc = pytz.utc.localize(fields.Datetime.from_string(value))
    return utc.astimezone(tz).replace(tzinfo=None)
