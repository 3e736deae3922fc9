# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A year of cases in the demo street (``scripts/generate_demo.py``).

About two cases per household and year, reported in the demo households
(and so in their grids) over the year before ``today`` and on ``today``
itself, with categories of the shipped catalogue and every channel. Most
are closed and evaluated, the last days' cases are still open (today's
are all open, due in the next working days; some of the last weeks' are
overdue); about 87% are closed on time, a few are escalated to the street
or the district, returned, extended or reopened; residents are mostly
satisfied. Seeded: the same every time for the same ``today``.

Why not the ORM: a case created through ``grid.case.create`` costs its
sequence, its deadline, its tracking messages and its followers, about
30 ms; 40,000 cases would take twenty minutes. The rows are generated
here with every stored field the loop would have set (state, the steps'
timestamps, deadlines from the street's working-day calendar, flags,
counts, loop level, escalations) and written by community_base's batched
write path (:mod:`odoo.addons.community_base.tools.bulk_register`), in
pages of SQL inserts; the numbers follow the model's sequence (prefix and
padding per month), which is moved past them.

Idempotent: the first case gets the XML id ``community_grid.grid_case_demo``;
when it exists, :func:`load` writes nothing and returns the counts.
"""
import datetime
import logging
import random

from odoo import fields

from odoo.addons.community_base.tools.bulk_register import BulkRegister
from odoo.addons.community_base.tools.demo_loader import demo_today

from . import working_days

_logger = logging.getLogger(__name__)

MODULE = "community_grid"
MARKER = "grid_case_demo"
SEQUENCE_CODE = "grid.case"
#: cases per household and year at any scale (the households scale)
CASES_PER_HOUSEHOLD = 2.0
#: of these, reported today (the day under way): about half a day's cases,
#: at least this many
TODAY_CASES = 2
#: Beijing time is UTC+8 all year: the demo's local office hours in UTC
UTC_OFFSET = datetime.timedelta(hours=8)

STEP_STATES = ["report", "dispatch", "handle", "verify", "close", "evaluate"]
STEP_FIELDS = ["date_reported", "date_dispatched", "date_handled",
               "date_verified", "date_closed", "date_evaluated"]
CHANNELS = [("visit", 40), ("hotline", 25), ("walk_in", 13), ("online", 17),
            ("referral", 5)]
PRIORITIES = [("0", 88), ("1", 10), ("2", 2)]
#: share of the closed cases closed on time
ON_TIME_SHARE = 0.87
ESCALATE_STREET, ESCALATE_DISTRICT = 0.025, 0.006
#: closed cases of the past that are in fact still open, long overdue
STUCK_SHARE = 0.01
RETURN_SHARE, EXTENSION_SHARE, REOPEN_SHARE = 0.04, 0.035, 0.015
SATISFACTION_ON_TIME = [("satisfied", 88), ("basic", 10), ("dissatisfied", 2)]
SATISFACTION_LATE = [("satisfied", 55), ("basic", 30), ("dissatisfied", 15)]
#: what residents report, by the first letters of a category's code, and
#: generic matters for the others
DESCRIPTIONS = [
    "楼道堆放杂物，影响通行和消防安全。",
    "小区路灯损坏，夜间出行不便。",
    "单元门禁损坏，外来人员随意进出。",
    "楼上住户噪音扰民，多次协商未果。",
    "绿化带内垃圾长期未清运，有异味。",
    "下水管道堵塞，污水外溢。",
    "小区内车辆乱停乱放，占用消防通道。",
    "邻里因漏水问题产生纠纷，请求调解。",
    "独居老人近日未见出门，请求上门查看。",
    "路面破损，雨天积水严重。",
    "居民反映楼顶违章搭建。",
    "流浪犬在小区内游荡，居民担心安全。",
    "电动车楼道内充电，存在火灾隐患。",
    "物业服务不到位，居民要求协调。",
    "占道经营，影响行人通行。",
]
ESCALATION_REASONS = {
    "street": "社区协调无果，需街道职能科室处理。",
    "district": "涉及多个区级部门，街道无法解决，上报区级处理。",
}
NOTES = [
    "已现场处置完毕。", "已协调相关单位处理。", "已联系物业整改。",
    "已调解，双方达成一致。", "已维修恢复。", "已清理完毕。",
]


def load(env, seed=1, scale=0.05, today=None):
    """Write a year of demo cases up to ``today`` (default: the street's
    today) into the demo street of ``env`` (a superuser
    environment; the caller commits). Returns ``{"created": bool,
    "counts": {"grid.case": n, "grid.case.escalation": n}}``; writes
    nothing when the demo cases are there, or when there is no demo street
    or no case category to draw from."""
    today = demo_today(env, today)
    if env.ref("%s.%s" % (MODULE, MARKER), raise_if_not_found=False):
        _logger.info("demo cases already loaded, nothing written")
        return {"created": False, "counts": _counts(env)}
    district = env.ref("community_base.district_demo",
                       raise_if_not_found=False)
    categories = env["grid.case.category"].search(
        [("child_ids", "=", False)], order="code")
    if not district or not categories:
        _logger.info("no demo street or no case category: no demo cases")
        return {"created": False, "counts": _counts(env)}
    streets = env["res.company"].search([("parent_id", "=", district.id)])
    writer = _DemoCases(env, random.Random("cases-%s" % seed), today,
                        streets, categories)
    writer.load()
    return {"created": True, "counts": _counts(env)}


def _counts(env):
    streets = env["res.company"].browse()
    district = env.ref("community_base.district_demo",
                       raise_if_not_found=False)
    if district:
        streets = env["res.company"].search([("parent_id", "=", district.id)])
    return {
        "grid.case": env["grid.case"].search_count(
            [("company_id", "in", streets.ids)]),
        "grid.case.escalation": env["grid.case.escalation"].search_count(
            [("case_id.company_id", "in", streets.ids)]),
    }


def _weighted(rng, pairs):
    total = sum(weight for _value, weight in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


class _DemoCases(object):

    def __init__(self, env, rng, today, streets, categories):
        self.env = env
        self.rng = rng
        self.today = today
        self.streets = streets
        self.categories = categories
        self.calendar = {}

    # -- inputs -------------------------------------------------------------

    def _households(self):
        """(id, community, company, building, compound, grid, grid officer,
        address, resident id, name, phone) of the demo households, the head
        or a member as the reporter."""
        cr = self.env.cr
        # sql: the demo loader is run from the command line by the operator; bulk reads
        #   for speed
        cr.execute("""
            SELECT h.id, h.community_id, h.company_id, h.building_id,
                   h.compound_id, h.grid_id, g.officer_id, h.address, r.id,
                   r.name, r.phone
            FROM community_household h
            LEFT JOIN grid_grid g ON g.id = h.grid_id
            LEFT JOIN LATERAL (
                SELECT id, name, phone FROM community_resident
                WHERE household_id = h.id AND state = 'living'
                ORDER BY relation = 'head' DESC, id LIMIT 1) r ON TRUE
            WHERE h.company_id = ANY(%s) AND h.active
            ORDER BY h.id""", (self.streets.ids,))
        return cr.fetchall()

    def _calendar_params(self, company_id):
        """The working-day calendar of a street, read once."""
        if company_id not in self.calendar:
            company = self.env["res.company"].browse(company_id)
            calendar = self.env["grid.case"]._calendar_of(company)
            self.calendar[company_id] = calendar._working_days_params()
        return self.calendar[company_id]

    # -- the cases ----------------------------------------------------------

    def load(self):
        households = self._households()
        if not households:
            return
        count = int(round(len(households) * CASES_PER_HOUSEHOLD))
        first_day = self.today - datetime.timedelta(days=365)
        days = [first_day + datetime.timedelta(days=index)
                for index in range(365)]
        # fewer reports at weekends, more in summer (a believable curve)
        weights = [(0.45 if day.weekday() >= 5 else 1.0)
                   * (1.2 if day.month in (6, 7, 8) else 1.0) for day in days]
        # today's reports are there whatever the draw: the open cases due
        # in the next days
        today_count = min(count, max(TODAY_CASES, count // 730))
        reported = sorted(self.rng.choices(
            days, weights=weights, k=count - today_count)) + [
                self.today] * today_count
        cases = [self._case(day, self.rng.choice(households))
                 for day in reported]
        # numbered in the order of the reports, as the sequence would have
        cases.sort(key=lambda case: case[0]["date_reported"])
        rows = [row for row, _escalations in cases]
        escalations = [escalation for _row, escalation in cases]
        self._number(rows)
        bulk = BulkRegister(self.env)
        cases = bulk.insert("grid.case", rows)
        escalation_rows = []
        for case_id, case_escalations in zip(cases.ids, escalations):
            for values in case_escalations:
                values["case_id"] = case_id
                escalation_rows.append(values)
        bulk.insert("grid.case.escalation", escalation_rows)
        bulk.flush_computed()
        self.env["ir.model.data"].create({
            "module": MODULE, "name": MARKER, "model": "grid.case",
            "res_id": cases.ids[0], "noupdate": True,
        })
        _logger.info("demo cases: %s cases, %s escalations", len(cases),
                     len(escalation_rows))

    def _case(self, day, household):
        rng = self.rng
        (household_id, community_id, company_id, building_id, compound_id,
         grid_id, officer_id, address, resident_id, resident_name,
         phone) = household
        category = rng.choice(self.categories)
        params = self._calendar_params(company_id)
        channel = _weighted(rng, CHANNELS)
        reported_at = datetime.datetime.combine(
            day, datetime.time(8)) + datetime.timedelta(
                minutes=rng.randint(0, 9 * 60)) - UTC_OFFSET
        sla = category.sla_days
        deadline_original = working_days.add_working_days(day, sla, **params)
        deadline = deadline_original
        extension_count = int(rng.random() < EXTENSION_SHARE)
        if extension_count:
            deadline = working_days.add_working_days(
                deadline_original, rng.randint(2, 5), **params)
        on_time = rng.random() < ON_TIME_SHARE
        if on_time:
            days_to_close = rng.randint(0, working_days.working_days_between(
                day, deadline, **params))
        else:
            days_to_close = working_days.working_days_between(
                day, deadline, **params) + rng.randint(1, 8)
        closed_day = working_days.add_working_days(day, days_to_close,
                                                   **params)
        state = self._state(closed_day)
        if state in ("close", "evaluate") and rng.random() < STUCK_SHARE:
            # a few cases are still stuck at the handler months later
            state = _weighted(rng, [("dispatch", 2), ("handle", 1)])
        row = {
            "category_id": category.id,
            "service_code": category.code,
            "channel": channel,
            "priority": _weighted(rng, PRIORITIES),
            "reporter_resident_id": resident_id or False,
            "reporter_name": resident_name or "",
            "reporter_phone": phone or "",
            "household_id": household_id,
            "building_id": building_id,
            "compound_id": compound_id,
            "community_id": community_id,
            "company_id": company_id,
            "grid_id": grid_id or False,
            "address": address or "",
            "description": "<p>%s</p>" % rng.choice(DESCRIPTIONS),
            "handler_department_id": category.department_id.id,
            "handler_partner_id": category.partner_id.id,
            # the officer of the grid, as the case's auto-dispatch does
            "handler_user_id": officer_id or self.env.uid,
            "state": state,
            "date_reported": fields.Datetime.to_string(reported_at),
            "date_deadline": fields.Date.to_string(deadline),
            "date_deadline_original": fields.Date.to_string(
                deadline_original),
            "extension_count": extension_count,
            "return_count": int(rng.random() < RETURN_SHARE),
            "reopen_count": 0,
            "loop_level": "community",
            "is_overdue": False,
            "closed_on_time": False,
            "days_to_close": 0,
        }
        self._timestamps(row, reported_at, closed_day, state)
        if row["date_closed"]:
            row["closed_on_time"] = on_time
            row["days_to_close"] = days_to_close
            row["reopen_count"] = int(rng.random() < REOPEN_SHARE)
            row["status_notes"] = rng.choice(NOTES)
            # closed late stays overdue (``grid.case._compute_is_overdue``)
            row["is_overdue"] = closed_day > deadline
        else:
            row["is_overdue"] = deadline < self.today
        if state == "evaluate":
            row["satisfaction"] = _weighted(
                rng, SATISFACTION_ON_TIME if on_time else SATISFACTION_LATE)
        escalations = self._escalations(row, reported_at)
        return row, escalations

    def _state(self, closed_day):
        """The step a case has reached by ``today``: closed cases are mostly
        evaluated; the ones due to close after today are still open, at a
        step that depends on how far they are from closing."""
        rng = self.rng
        if closed_day < self.today - datetime.timedelta(days=7):
            return _weighted(rng, [("evaluate", 90), ("close", 9),
                                   ("verify", 1)])
        if closed_day < self.today:
            return _weighted(rng, [("evaluate", 40), ("close", 35),
                                   ("verify", 25)])
        return _weighted(rng, [("report", 15), ("dispatch", 30),
                               ("handle", 40), ("verify", 15)])

    def _timestamps(self, row, reported_at, closed_day, state):
        """The steps' times: dispatched within hours, handled and verified
        before the closing (or, for an open case, before now), closed on
        the closing day, evaluated within days; the steps not reached yet
        have none."""
        rng = self.rng
        reached = STEP_STATES.index(state)
        now = self._now()
        closed_at = max(
            datetime.datetime.combine(closed_day, datetime.time(9))
            + datetime.timedelta(minutes=rng.randint(0, 8 * 60))
            - UTC_OFFSET,
            reported_at + datetime.timedelta(hours=3))
        end = closed_at if reached >= STEP_STATES.index("close") else now
        dispatched = min(
            reported_at + datetime.timedelta(minutes=rng.randint(10, 180)),
            reported_at + (end - reported_at) / 5)
        handled = dispatched + (end - dispatched) * rng.uniform(0.5, 0.8)
        verified = handled + (end - handled) * rng.uniform(0.3, 0.9)
        evaluated = min(
            closed_at + datetime.timedelta(hours=rng.randint(2, 72)), now)
        times = [reported_at, dispatched, handled, verified, closed_at,
                 evaluated]
        for index, name in enumerate(STEP_FIELDS):
            row[name] = (fields.Datetime.to_string(times[index])
                         if index <= reached else False)

    def _now(self):
        return datetime.datetime.combine(
            self.today, datetime.time(23, 59)) - UTC_OFFSET

    def _escalations(self, row, reported_at):
        """A few cases go up a loop: to the street, rarely on to the
        district; some of them by the scheduled action (overdue)."""
        rng = self.rng
        pick = rng.random()
        if pick >= ESCALATE_STREET + ESCALATE_DISTRICT:
            return []
        levels = [("community", "street")]
        if pick < ESCALATE_DISTRICT:
            levels.append(("street", "district"))
        escalations = []
        when = reported_at
        for from_level, to_level in levels:
            when = when + datetime.timedelta(hours=rng.randint(4, 30))
            escalations.append({
                "from_level": from_level, "to_level": to_level,
                "date": fields.Date.to_string((when + UTC_OFFSET).date()),
                "community_id": row["community_id"],
                "company_id": row["company_id"],
                "user_id": self.env.uid,
                "reason": ESCALATION_REASONS[to_level],
                "automatic": rng.random() < 0.3,
            })
            row["loop_level"] = to_level
        return escalations

    def _number(self, rows):
        """Number the cases as the model's sequence would, month by month
        in the order they were reported, and move the sequence past them."""
        sequence = self.env["ir.sequence"].search(
            [("code", "=", SEQUENCE_CODE)], limit=1)
        by_month = {}
        counter = sequence.number_next_actual if sequence else 1
        for row in rows:
            when = fields.Datetime.from_string(row["date_reported"])
            local = when + UTC_OFFSET
            month = local.strftime("%Y%m")
            if sequence and sequence.use_date_range:
                counter = by_month.get(month, 1)
            row["name"] = self._format(sequence, local, counter)
            counter += 1
            by_month[month] = counter
        if not sequence:
            return
        if sequence.use_date_range:
            ranges = self.env["ir.sequence.date_range"]
            for month, next_number in by_month.items():
                start = datetime.date(int(month[:4]), int(month[4:]), 1)
                stop = (start + datetime.timedelta(days=32)).replace(
                    day=1) - datetime.timedelta(days=1)
                existing = ranges.search([
                    ("sequence_id", "=", sequence.id),
                    ("date_from", "<=", fields.Date.to_string(start)),
                    ("date_to", ">=", fields.Date.to_string(start))],
                    limit=1)
                if existing:
                    existing.number_next_actual = max(
                        existing.number_next_actual, next_number)
                else:
                    ranges.create({
                        "sequence_id": sequence.id,
                        "date_from": fields.Date.to_string(start),
                        "date_to": fields.Date.to_string(stop),
                        "number_next_actual": next_number,
                    })
        else:
            sequence.number_next_actual = counter

    @staticmethod
    def _format(sequence, local, number):
        """The name the sequence gives on the local day ``local``; the
        documented format SJ<yyyymm>-<nnnnn> without a sequence."""
        if not sequence:
            return "SJ%s-%05d" % (local.strftime("%Y%m"), number)
        values = {
            "year": local.strftime("%Y"), "y": local.strftime("%y"),
            "month": local.strftime("%m"), "day": local.strftime("%d"),
            "range_year": local.strftime("%Y"),
            "range_y": local.strftime("%y"),
            "range_month": local.strftime("%m"),
            "range_day": local.strftime("%d"),
            "doy": local.strftime("%j"), "woy": local.strftime("%W"),
            "weekday": local.strftime("%w"), "h24": local.strftime("%H"),
            "h12": local.strftime("%I"), "min": local.strftime("%M"),
            "sec": local.strftime("%S"),
        }
        prefix = (sequence.prefix or "") % values
        suffix = (sequence.suffix or "") % values
        return "%s%0*d%s" % (prefix, sequence.padding, number, suffix)
