# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models

from odoo.addons.community_base.tools import batch, street_time

from ..tools import working_days
from .grid_case import OPEN_STATES


class GridCase(models.Model):
    """The scheduled actions of the cases: the daily one (deadlines moved
    by calendar changes, overdue flags, reminders, escalations) and the
    deadline recompute after a calendar change. Each works on the street's
    day of every street (``community_base/tools/street_time.py``) and, over
    a street's million cases, in batches committed one by one
    (``community_base/tools/batch.py``); the method names are those of
    ``data/grid_case_cron_data.xml``."""

    _inherit = "grid.case"

    @api.model
    def _cron_daily(self, today=None, auto_commit=None):
        """The daily scheduled action: deadlines after calendar changes,
        overdue flags, reminders, escalations. Run as a scheduled action,
        the reminders and the escalations each run on a cursor of their own
        too, whose snapshot sees the deadlines and flags just committed."""
        if auto_commit is None:
            auto_commit = batch.auto_commit()
        self._cron_refresh_deadlines(today, auto_commit)
        self._cron_refresh_answer_overdue(today)
        for step in ("_cron_remind", "_cron_escalate"):

            def run(cr, step=step):
                getattr(self.with_env(self.env(cr=cr)), step)(today)

            batch.run_batch(self.env, auto_commit, run)

    @api.model
    def _cron_refresh_deadlines(self, today=None, auto_commit=None):
        """Deadlines moved by calendar changes, then the overdue flags.

        Run as a scheduled action (``auto_commit`` None outside tests), each
        batch is committed on its own: a street's million cases are never
        locked by one long transaction, and a clerk moving a case meanwhile
        waits at most for one batch. Returns the ids of the cases whose
        deadline or flag changed."""
        if auto_commit is None:
            auto_commit = batch.auto_commit()
        changed = self._cron_recompute_deadlines(today, auto_commit)
        changed += self._cron_refresh_overdue(today, auto_commit=auto_commit)
        return changed

    @api.model
    def _street_days(self, today=None, company_ids=None):
        """``[(day, [company ids])]``: the streets ``company_ids`` (by
        default all), one group per time zone, each with the day it is
        there; ``today`` (tests, a replayed run) is the day of every
        group."""
        if company_ids is None:
            # sudo: the ids of every street, whose day the scheduled action
            #   works on; nothing else is read
            company_ids = self.env["res.company"].sudo().search([]).ids
        Company = self.env["res.company"]
        return sorted(
            (today or street_time.street_today(
                self.env, Company.browse(ids[0])), ids)
            for ids in street_time.companies_by_tz(
                self.env, company_ids).values())

    @api.model
    def _cron_refresh_overdue(self, today=None, batch_size=batch.BATCH_SIZE,
                              auto_commit=False):
        """Flip the overdue flag of the open cases whose deadline passed (or
        moved), in SQL batches of ``batch_size`` consecutive ids: each batch
        reads one range of the primary key and writes only the rows whose
        flag changes, so a street's million cases take one pass. With
        ``auto_commit`` each batch is a transaction of its own (scheduled
        action only: a test's or a user's transaction is never committed).
        Each street's cases are compared with the street's day (``today``,
        in tests, is the same day everywhere). Return the ids of the cases
        changed."""
        # sql: the range of case ids for the scheduled action's batches; no data shown
        self.env.cr.execute("SELECT MIN(id), MAX(id) FROM grid_case")
        first, last = self.env.cr.fetchone()
        changed = []
        for day, company_ids in self._street_days(today):
            for start, stop in batch.id_ranges(first, last, batch_size):

                def flip(cr, start=start, stop=stop, day=day,
                         company_ids=company_ids):
                    # sql: the scheduled action flips the overdue flag of a million
                    #   cases in batches
                    cr.execute("""
                        UPDATE grid_case SET is_overdue = NOT COALESCE(
                            is_overdue, FALSE)
                        WHERE id BETWEEN %s AND %s AND company_id = ANY(%s)
                          AND state IN %s AND date_deadline IS NOT NULL
                          AND (date_deadline < %s::date)
                              IS DISTINCT FROM COALESCE(is_overdue, FALSE)
                        RETURNING id""", (start, stop, company_ids,
                                          OPEN_STATES, day))
                    return [row[0] for row in cr.fetchall()]

                changed += batch.run_batch(self.env, auto_commit, flip)
        if changed:
            self.invalidate_cache(["is_overdue"], changed)
        return changed

    @api.model
    def _cron_recompute_deadlines(self, today=None, auto_commit=None,
                                  batch_size=batch.BATCH_SIZE):
        """Recompute the deadlines of the open cases on the calendars a
        holiday, an adjusted working day or the weekly hours changed on
        (``resource.calendar.deadline_recompute_from``), then clear the
        mark, unless the calendar changed again meanwhile. Returns the ids
        of the cases whose deadline moved."""
        if auto_commit is None:
            auto_commit = batch.auto_commit()
        changed = []
        # sudo: the scheduled action recomputes the deadlines of every street
        calendars = self.env["resource.calendar"].sudo().with_context(
            active_test=False).search(
                [("deadline_recompute_from", "!=", False)])
        for calendar in calendars:
            # sql: the calendar's write date, read to clear its flag only if unchanged
            self.env.cr.execute("SELECT write_date FROM resource_calendar "
                                "WHERE id = %s", (calendar.id,))
            stamp = self.env.cr.fetchone()[0]
            changed += self._recompute_deadlines(
                calendar, calendar.deadline_recompute_from, today,
                auto_commit, batch_size)
            # the "123" answer deadlines of what is not answered yet
            self._recompute_answer_deadlines(
                self._companies_of_calendar(calendar),
                calendar.deadline_recompute_from, auto_commit)

            def clear(cr, calendar_id=calendar.id, stamp=stamp):
                # sql: clears the calendar's recompute flag unless changed meanwhile
                cr.execute("""
                    UPDATE resource_calendar
                    SET deadline_recompute_from = NULL
                    WHERE id = %s AND write_date IS NOT DISTINCT FROM %s""",
                           (calendar_id, stamp))

            batch.run_batch(self.env, auto_commit, clear)
            calendar.invalidate_cache(["deadline_recompute_from"])
        return changed

    @api.model
    def _recompute_deadlines(self, calendar, since, today, auto_commit=False,
                             batch_size=batch.BATCH_SIZE):
        """Recompute, in SQL batches of ``batch_size`` consecutive ids, the
        deadline of the open, never extended cases of the streets using
        ``calendar`` that are due on ``since`` or later (a change on day D
        moves only the deadlines of cases reported before D and due on D
        or later). An extended deadline is a date approved by a person and
        stays. The working days are counted in Python once per (day of
        report, category) of a batch, not once per case; the new deadline
        and its overdue flag are written by one UPDATE per batch, only
        where they change. The day of the report and the overdue flag are
        those of each street's time zone; ``today`` (tests) overrides the
        street's day."""
        changed = []
        for day, companies in self._street_days(
                today, self._companies_of_calendar(calendar)):
            changed += self._recompute_deadlines_of(
                calendar, since, day, companies, auto_commit, batch_size)
        if changed:
            self.invalidate_cache(
                ["date_deadline", "date_deadline_original", "is_overdue"],
                changed)
        return changed

    @api.model
    def _recompute_deadlines_of(self, calendar, since, today, companies,
                                auto_commit, batch_size):
        """``_recompute_deadlines`` for the streets ``companies`` of one
        time zone, whose day is ``today``."""
        params = calendar._working_days_params()
        # sudo: the deadlines in days of every category, configuration
        sla = {category.id: category.sla_days for category in
               self.env["grid.case.category"].sudo().with_context(
                   active_test=False).search([])}
        cr = self.env.cr
        scope = {"companies": tuple(companies), "open": OPEN_STATES,
                 "since": since, "today": today,
                 "tz": street_time.street_tz_name(
                     self.env, self.env["res.company"].browse(companies[0]))}
        # sql: the range of open case ids of the calendar's streets, for the batches
        cr.execute("SELECT MIN(id), MAX(id) FROM grid_case c WHERE "
                   "c.company_id IN %(companies)s AND c.state IN %(open)s",
                   scope)
        first, last = cr.fetchone()
        deadlines, changed = {}, []
        for start, stop in batch.id_ranges(first, last, batch_size):
            scope.update(start=start, stop=stop)
            changed += batch.run_batch(
                self.env, auto_commit, lambda cr, scope=dict(scope):
                self._recompute_deadlines_batch(
                    cr, scope, sla, params, deadlines))
        return changed

    @api.model
    def _recompute_deadlines_batch(self, cr, scope, sla, params, deadlines):
        """One batch of ``_recompute_deadlines``: the ids in ``scope``'s
        range; ``deadlines`` caches the deadline per (day, category)."""
        where = """
            c.company_id IN %(companies)s AND c.state IN %(open)s
            AND COALESCE(c.extension_count, 0) = 0
            AND c.category_id IS NOT NULL AND c.date_deadline >= %(since)s
            AND c.id BETWEEN %(start)s AND %(stop)s"""
        local_day = ("(c.date_reported AT TIME ZONE 'UTC' "
                     "AT TIME ZONE %(tz)s)::date")
        # sql: the (day, category) pairs of a batch, to count working days once per pair
        cr.execute("SELECT DISTINCT %s, c.category_id FROM grid_case c "
                   "WHERE %s" % (local_day, where), scope)
        keys = cr.fetchall()
        if not keys:
            return []
        for day, category_id in keys:
            if (day, category_id) not in deadlines:
                # Odoo's cursor reads dates as strings
                deadlines[day, category_id] = working_days.add_working_days(
                    fields.Date.from_string(day), sla.get(category_id, 0),
                    **params)
        values = dict(
            scope, days=[day for day, _category in keys],
            categories=[category for _day, category in keys],
            deadlines=[deadlines[key] for key in keys])
        # sql: writes the new deadlines of a batch in one UPDATE, only where they change
        cr.execute("""
            UPDATE grid_case c SET date_deadline = v.deadline,
                date_deadline_original = v.deadline,
                is_overdue = v.deadline < %%(today)s::date
            FROM unnest(%%(days)s::date[], %%(categories)s::int[],
                        %%(deadlines)s::date[])
                 AS v(day, category_id, deadline)
            WHERE %s AND c.category_id = v.category_id
              AND %s = v.day
              AND (c.date_deadline IS DISTINCT FROM v.deadline
                   OR c.date_deadline_original IS DISTINCT FROM v.deadline)
            RETURNING c.id""" % (where, local_day), values)
        return [row[0] for row in cr.fetchall()]

    @api.model
    def _companies_of_calendar(self, calendar):
        """The streets whose case deadlines ``calendar`` counts: those that
        chose it, and those without a choice when it is the shipped one."""
        domain = [("case_calendar_id", "=", calendar.id)]
        if calendar == self.env.ref("community_grid.resource_calendar_street",
                                    raise_if_not_found=False):
            domain = ["|", ("case_calendar_id", "=", False)] + domain
        # sudo: the streets that use the calendar, for the deadline recompute; ids only
        return self.env["res.company"].sudo().search(domain).ids

    @api.model
    def _cron_remind(self, today=None):
        """Chase (催办) the handlers of dispatched cases due within the
        street's reminder days, and their superior once the case is the
        configured working days past its deadline; once a day at most,
        the street's day (``today`` in tests)."""
        # sudo: the scheduled action chases the cases of every street
        cases = self.sudo().search([
            ("state", "=", "dispatch"), ("handler_user_id", "!=", False),
            ("date_deadline", "!=", False)])
        params = {}
        reminded = self.browse()
        days = {}
        for case in cases:
            company = case.company_id
            if company not in days:
                days[company] = today or case._street_today(company)
            day = days[company]
            calendar = self._calendar_of(company)
            if calendar.id not in params:
                params[calendar.id] = calendar._working_days_params()
            left = calendar.working_days_between(
                day, case.date_deadline, params[calendar.id])
            if left <= company.case_remind_days and (
                    case.date_handler_reminded != day):
                case._remind(case.handler_user_id, _(
                    "Reminder: the case %(case)s is due on %(deadline)s.") % {
                        "case": case.name, "deadline": case.date_deadline})
                case._transition({"date_handler_reminded": day})
                reminded |= case
            if -left >= company.case_superior_remind_days and (
                    case.date_superior_reminded != day):
                case._remind(case._superior_users(), _(
                    "Reminder to the superior: the case %(case)s handled by "
                    "%(handler)s is %(days)s working day(s) past its "
                    "deadline %(deadline)s.") % {
                        "case": case.name,
                        "handler": case.handler_user_id.name,
                        "days": -left, "deadline": case.date_deadline})
                case._transition({"date_superior_reminded": day})
                reminded |= case
        return reminded

    @api.multi
    def _remind(self, users, body):
        """Post the reminder to the users and put it on their to-do list
        (one open reminder per user and case)."""
        self.ensure_one()
        self.message_subscribe_users(users.ids)
        self.message_post(body=body, subtype="mail.mt_comment",
                          partner_ids=users.mapped("partner_id").ids)
        summary = _("Chased: %s") % self.name
        for user in users:
            # sudo: whether the user already has this reminder on their to-do list
            if not self.env["mail.activity"].sudo().search_count([
                    ("res_model", "=", self._name), ("res_id", "=", self.id),
                    ("user_id", "=", user.id), ("summary", "=", summary)]):
                self._schedule_activity(user, summary)

    @api.model
    def _cron_escalate(self, today=None):
        """Escalate the open cases overdue by more than the street's
        threshold, one loop at a time: a case escalated waits the same
        number of working days in its new loop before going further up.
        Counted to the street's day (``today`` in tests). Return the cases
        escalated."""
        days = dict((company_id, day) for day, company_ids in
                    self._street_days(today) for company_id in company_ids)
        # sudo: the scheduled action escalates the cases of every street
        cases = self.sudo().search([
            ("state", "in", OPEN_STATES), ("loop_level", "!=", "district"),
            ("date_deadline", "<", max(days.values(), default=today))])
        params = {}
        escalated = self.browse()
        for case in cases:
            company = case.company_id
            day = days.get(company.id) or case._street_today(company)
            if case.date_deadline >= day:
                continue
            calendar = self._calendar_of(company)
            if calendar.id not in params:
                params[calendar.id] = calendar._working_days_params()
            since = case.date_deadline
            if case.escalation_ids:
                since = max(since, max(case.escalation_ids.mapped("date")))
            past = calendar.working_days_between(
                since, day, params[calendar.id])
            if past > company.case_escalate_days:
                case._escalate(_(
                    "%(days)s working day(s) past the deadline %(deadline)s "
                    "without being closed.") % {
                        "days": calendar.working_days_between(
                            case.date_deadline, day, params[calendar.id]),
                        "deadline": case.date_deadline},
                    automatic=True, today=day)
                escalated |= case
        return escalated
