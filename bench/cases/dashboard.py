"""The leader's dashboard and the monthly case statistics at a million
cases, against a naive ORM search with a Python loop.

Measured as the leader (not the superuser), so the record rules of every
model apply as they do in the web client:

- the dashboard as it opens: the kanban's ``search_read`` of
  ``community.kpi`` with every field of the kanban view, the call the web
  client makes (server time, without HTTP);
- each tile's figure alone: ours (``community.kpi._figure_on``: one SQL
  count or sum through the ORM's ``_where_calc`` with the rules) against
  ``len(search(domain))`` / ``sum(r.field for r in search(domain))``;
- the month's case statistics of the whole street (``grid.case.statistics``,
  one ``GROUPING SETS`` query) against searching the month's cases and
  counting, rating and taking the median in Python.

``details`` holds the profile of the kanban call and the EXPLAIN (ANALYZE,
BUFFERS) plans of the tiles' and the statistics' queries, with and without
each index the addons add for them (the index is dropped inside a
transaction that is rolled back).
"""
import contextlib
import datetime
import re
import statistics
import time

from .. import core

TITLE = ("Dashboard KPIs and case statistics at 1,000,000 cases, "
         "50,000 residents")
TILE_GOAL_MS = 300
KANBAN_GOAL_MS = 1000
STATISTICS_GOAL_S = 2
OPEN = ("report", "dispatch", "handle", "verify")
#: the indexes the addons add for these queries: (index, table, why)
INDEXES = [
    ("grid_case_company_state_index", "grid_case",
     "open cases of a street (tile Open cases, record rule company_id)"),
    ("grid_case_company_overdue_index", "grid_case",
     "partial index of the overdue cases (tile Overdue cases)"),
    ("grid_case_date_evaluated_index", "grid_case",
     "cases evaluated in a month (tile satisfaction, statistics): "
     "`index=True` on date_evaluated"),
]


def _leader(env):
    user = env["res.users"].search([("login", "=", "leader")], limit=1)
    if not user:
        user = env["res.users"].search([
            ("groups_id", "in", env.ref("community_base.group_leader").id),
            ("id", "!=", 1)], limit=1)
    if not user:
        raise RuntimeError("the benchmark database has no leader user")
    return user


def _context(user):
    return {"lang": user.lang or "zh_CN", "tz": user.tz or "Asia/Shanghai",
            "uid": user.id}


class QueryLog:
    """The SQL a cursor runs meanwhile (to EXPLAIN it afterwards)."""

    def __init__(self, cr):
        self.cr, self.queries = cr, []

    def __enter__(self):
        execute = self.execute = self.cr.execute

        def logged(query, params=None, log_exceptions=None):
            self.queries.append((query, params))
            if log_exceptions is None:
                return execute(query, params)
            return execute(query, params, log_exceptions)

        self.cr.execute = logged
        return self

    def __exit__(self, *exc):
        self.cr.execute = self.execute


def _explain(cr, query, params):
    cr.execute("EXPLAIN (ANALYZE, BUFFERS) " + query, params)
    return "\n".join(row[0] for row in cr.fetchall())


def _execution_ms(plan):
    match = re.search(r"Execution Time: ([0-9.]+) ms", plan)
    return float(match.group(1)) if match else None


def _naive_figure(kpi):
    """What a developer writes without SQL: search, then count or add up
    in Python (as the same user, so the record rules apply too)."""
    from odoo.osv import expression

    model = kpi.env[kpi.model_name]
    domain = kpi._records_domain()
    if kpi.aggregate == "count":
        return float(len(model.search(domain)))
    if kpi.aggregate == "ratio":
        period = kpi._period_domain(*kpi._bounds_on(kpi._today()))
        base = expression.AND([kpi._domain(kpi.ratio_domain), period])
        total = len(model.search(base))
        part = len(model.search(expression.AND([base, domain])))
        return 100.0 * part / total if total else None
    records = model.search(domain)
    values = [record[kpi.field_id.name] for record in records]
    if kpi.aggregate == "sum":
        return float(sum(values))
    if kpi.aggregate == "avg":
        return sum(values) / len(values) if values else None
    # a ratio of two sums (percent)
    part = sum(values)
    total = sum(record[kpi.ratio_field_id.name] for record in records)
    return 100.0 * part / total if total else None


def _data_day(env, company_id):
    """The last day the generated street has cases on (local date): the
    demo generator writes a calendar year of cases, which may end before
    today, and a dashboard over months without cases would measure empty
    ranges. The dashboard is opened as of that day (``kpi_today``)."""
    env.cr.execute("""
        SELECT max((date_reported AT TIME ZONE 'UTC'
                    AT TIME ZONE 'Asia/Shanghai')::date)
        FROM grid_case WHERE company_id = %s""", (company_id,))
    day = env.cr.fetchone()[0]
    return datetime.date.fromisoformat(day) if day else datetime.date.today()


def _month(day):
    """The month of ``day``: its first and last days."""
    first = day.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def _naive_statistics(env, company_id, first, last):
    """The month's figures of the street from the ORM: search the cases
    reported, closed or evaluated in the month, then count, rate and take
    the median in Python, per community and in total."""
    start, stop = env["grid.case.statistics"]._period_bounds(
        str(first), str(last))
    cases = env["grid.case"].search([
        ("company_id", "=", company_id),
        "|", "|",
        "&", ("date_reported", ">=", start), ("date_reported", "<", stop),
        "&", ("date_closed", ">=", start), ("date_closed", "<", stop),
        "&", ("date_evaluated", ">=", start), ("date_evaluated", "<", stop),
    ])
    groups = {}
    for case in cases:
        for key in (case.community_id.id, None):
            group = groups.setdefault(key, {
                "received": 0, "closed": 0, "on_time": 0, "days": [],
                "evaluated": 0, "satisfied": 0})
            if case.date_reported and start <= case.date_reported < stop:
                group["received"] += 1
            if case.date_closed and start <= case.date_closed < stop:
                group["closed"] += 1
                group["on_time"] += bool(case.closed_on_time)
                if case.days_to_close is not None:
                    group["days"].append(case.days_to_close)
            if (case.date_evaluated and start <= case.date_evaluated < stop
                    and case.satisfaction):
                group["evaluated"] += 1
                group["satisfied"] += case.satisfaction in (
                    "satisfied", "basic")
    for group in groups.values():
        group["median_days"] = (statistics.median(group["days"])
                                if group["days"] else None)
        group["on_time_rate"] = (group["on_time"] / group["closed"]
                                 if group["closed"] else None)
    return groups


@contextlib.contextmanager
def _unoptimised(ctx):
    """The tiles as computed before this benchmark's work, with the same
    indexes: each trend period by its own query (two for a share), and a
    many2many "is set" test as Odoo 11 builds it (the linked ids inlined)."""
    from odoo.addons.community_base.models.community_kpi import CommunityKpi

    with ctx.environment() as env:
        cls = type(env["community.kpi"])
    cls._figures_on = lambda self, days: [self._figure_on(day)
                                          for day in days]
    cls._query_domain = CommunityKpi._domain
    try:
        yield
    finally:
        del cls._figures_on
        del cls._query_domain


def _kanban_fields(env):
    view = env["community.kpi"].fields_view_get(view_type="kanban")
    return sorted(view["fields"])


def _kanban(ctx, leader_id, context, fields):
    """One opening of the dashboard: the web client's search_read."""
    with ctx.environment(uid=leader_id, context=context) as env:
        start = time.perf_counter()
        records = env["community.kpi"].search_read(
            [], fields, offset=0, limit=40, order=None)
        elapsed = time.perf_counter() - start
    return elapsed * 1000, records


def _profile(ctx, leader_id, context, fields):
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "pyinstrument is not installed (requirements/test.txt)"
    with ctx.environment(uid=leader_id, context=context) as env:
        profiler = Profiler(interval=0.001)
        profiler.start()
        env["community.kpi"].search_read([], fields, limit=40)
        profiler.stop()
    text = profiler.output_text(unicode=False, color=False)
    return "\n".join(text.splitlines()[:70])


#: the tables the tiles and the statistics read, vacuumed before measuring
TABLES = ("grid_case", "community_resident", "community_household",
          "community_care_group_resident_rel", "community_resident_move",
          "grid_visit", "crossovered_budget_lines", "account_analytic_line")


def run(ctx):
    repeat = ctx.repeat
    start = time.perf_counter()
    core.vacuum(ctx, *TABLES)
    vacuum_seconds = time.perf_counter() - start
    with ctx.environment() as env:
        leader = _leader(env)
        leader_id = leader.id
        context = _context(leader)
        fields = _kanban_fields(env)
        company_id = leader.company_id.id
        env.cr.execute("SELECT count(*) FROM grid_case")
        cases = env.cr.fetchone()[0]
        env.cr.execute("SELECT count(*) FROM community_resident")
        residents = env.cr.fetchone()[0]
        env.cr.execute("SELECT count(*) FROM grid_case WHERE company_id = %s",
                       (company_id,))
        street_cases = env.cr.fetchone()[0]
        data_day = _data_day(env, company_id)
        context["kpi_today"] = str(data_day)

    rows, details, notes = [], {}, []

    # -- the dashboard as it opens --------------------------------------------
    _kanban(ctx, leader_id, context, fields)   # warm the caches
    runs, tiles = [], []
    for _index in range(repeat):
        elapsed, tiles = _kanban(ctx, leader_id, context, fields)
        runs.append(elapsed)
    kanban = core.Stat(runs, "ms")
    with _unoptimised(ctx):
        before = core.Stat([_kanban(ctx, leader_id, context, fields)[0]
                            for _index in range(repeat)], "ms")
    rows.append(core.row(
        "dashboard opened by the leader: kanban search_read of %s tiles "
        "(values and 6-period trends)" % len(tiles), kanban,
        baseline=before, ratio=before.median / kanban.median,
        goal="< %s ms" % KANBAN_GOAL_MS, met=kanban.max < KANBAN_GOAL_MS,
        note="issue 7 asks < 1 s at 100,000 cases; measured at %s cases, "
        "so it holds there too" % "{:,}".format(cases)))
    details["profile of the kanban call (pyinstrument)"] = _profile(
        ctx, leader_id, context, fields)

    # -- each tile's figure --------------------------------------------------
    tile_queries = {}
    with ctx.environment(uid=leader_id, context=context) as env:
        kpis = env["community.kpi"].search([])
        for kpi in kpis:
            today = kpi._today()
            ours = core.timed(lambda: kpi._figure_on(today), repeat,
                              setup=_invalidator(env), unit="ms")
            naive = core.timed(lambda: _naive_figure(kpi), repeat,
                               setup=_invalidator(env), unit="ms")
            with QueryLog(env.cr) as log:
                kpi._figure_on(today)
            table = 'FROM "%s"' % env[kpi.model_name]._table
            tile_queries[kpi.name] = [
                (query, params) for query, params in log.queries
                if table in query and ("count" in query or "sum(" in query)]
            agree = _same(ours.last, naive.last)
            rows.append(core.row(
                "tile %s (%s)" % (kpi.name, kpi.model_name), ours,
                baseline=naive, ratio=naive.median / ours.median,
                goal="< %s ms" % TILE_GOAL_MS,
                met=ours.max < TILE_GOAL_MS and agree,
                note="figure %s; naive %s%s" % (
                    kpi._format(ours.last), kpi._format(naive.last),
                    "" if agree else " (DIFFERENT)")))

    # -- the month's case statistics ------------------------------------------
    with ctx.environment(uid=leader_id, context=context) as env:
        first, last = _month(data_day)
        Statistics = env["grid.case.statistics"]
        ours = core.timed(lambda: Statistics.compute(
            str(first), str(last), "community", company_ids=[company_id]),
            repeat, setup=_invalidator(env))
        naive = core.timed(lambda: _naive_statistics(
            env, company_id, first, last), repeat, setup=_invalidator(env))
        with QueryLog(env.cr) as log:
            Statistics.compute(str(first), str(last), "community",
                               company_ids=[company_id])
        statistics_query = [item for item in log.queries
                            if "GROUPING SETS" in item[0]]
        total, naive_total = ours.last["total"], naive.last.get(None, {})
        agree = (total["received"] == naive_total.get("received", 0)
                 and total["closed"] == naive_total.get("closed", 0)
                 and total["on_time"] == naive_total.get("on_time", 0)
                 and _same(total["median_days"],
                           naive_total.get("median_days")))
        rows.append(core.row(
            "case statistics of %s for the street (per community + total)"
            % first.strftime("%Y-%m"), ours, baseline=naive,
            ratio=naive.median / ours.median,
            goal="< %s s" % STATISTICS_GOAL_S,
            met=ours.max < STATISTICS_GOAL_S and agree,
            note="received %s, closed %s, on-time rate %s, median %s "
            "working days; naive figures %s" % (
                total["received"], total["closed"],
                "%.1f%%" % (100 * total["on_time_rate"])
                if total["on_time_rate"] is not None else "—",
                total["median_days"], "agree" if agree else "DIFFER")))

        # -- plans, with and without the indexes -------------------------------
        explained = []
        for name, queries in tile_queries.items():
            for query, params in queries:
                explained.append(("tile %s" % name, query, params))
        for query, params in statistics_query:
            explained.append(("case statistics", query, params))
        cr = env.cr
        cr.execute("SELECT indexname FROM pg_indexes WHERE indexname IN %s",
                   (tuple(name for name, _table, _why in INDEXES),))
        present = {row[0] for row in cr.fetchall()}
        summary, others = [], []
        for label, query, params in explained:
            plan = _explain(cr, query, params)
            text = ["query: %s" % _one_line(query), "", "with the indexes:",
                    plan]
            used = [name for name, _table, _why in INDEXES
                    if name in present and name in plan]
            for index in used:
                cr.execute("SAVEPOINT bench_index")
                cr.execute('DROP INDEX "%s"' % index)
                without = _explain(cr, query, params)
                cr.execute("ROLLBACK TO SAVEPOINT bench_index")
                text += ["", "without %s:" % index, without]
                summary.append("| %s | %s | %s | %s |" % (
                    label, index, _ms(_execution_ms(plan)),
                    _ms(_execution_ms(without))))
            if not used:
                others.append(_execution_ms(plan) or 0.0)
            details["EXPLAIN ANALYZE: %s" % label] = "\n".join(text)
        cr.execute("SELECT count(DISTINCT resident_id) "
                   "FROM community_care_group_resident_rel")
        linked = cr.fetchone()[0]
    notes.append(
        "Indexes and what they change (execution time of the query as "
        "EXPLAIN ANALYZE reports it, with the index and with it dropped "
        "inside a rolled-back transaction; plans in the details):\n\n"
        "| query | index | with | without |\n|---|---|---|---|\n"
        + "\n".join(summary) + "\n\nThe %s other tile queries use none "
        "of these indexes; the slowest takes %s." % (
            len(others), _ms(max(others) if others else None)))
    notes.append(
        "The demo street's cases end on %s (a generated calendar year, "
        "copied back year by year up to the total): the dashboard is opened "
        "as of that day (context `kpi_today`, the tiles' own switch for "
        "\"today\"), so the monthly tiles and the statistics of its month "
        "count real cases rather than an empty month." % data_day)
    notes.insert(0, (
        "Profiled first (pyinstrument, the kanban call as the leader, on "
        "the 1,000,000-case benchmark database during development; the "
        "profile of the final code is in the details): 2.4 s, 84%% of it "
        "in `_figure_on` -> `search_count` -> `Cursor.execute`, i.e. "
        "PostgreSQL, not Python. "
        "What changed:\n\n"
        "1. Indexes (table below, each with its plan with and without it): "
        "`(company_id, state)` for the open cases, a partial `(company_id) "
        "WHERE is_overdue` for the overdue ones, `index=True` on "
        "`date_evaluated` (the satisfaction tile and the statistics read a "
        "month of evaluations; without it both scan the table).\n"
        "2. A tile's value and trend in one query "
        "(`community.kpi._figures_on`): the domain and the record rules "
        "once, each period a `FILTER` clause, the span of the periods in "
        "`WHERE`; before, 6 queries per tile (12 for a share), the current "
        "period computed twice.\n"
        "3. A many2many \"is set\" test (`care_group_ids != False`, the care "
        "tile) queried as \"linked to one of the comodel's records\": Odoo "
        "11 fetches every linked id first and inlines them (%s "
        "parameters here); now a subquery PostgreSQL joins.\n\n"
        "The kanban's baseline column is the same call with 2. and 3. "
        "switched off in this run (same indexes): %.0f ms against %.0f ms."
        % ("{:,}".format(linked), before.median, kanban.median)))
    notes.append(
        "Before measuring, the tables read are vacuumed and analysed "
        "(`VACUUM (ANALYZE)`, %.0f s, untimed): the benchmark's cases are "
        "bulk-copied and a fresh table has no visibility map, so PostgreSQL "
        "could not use index-only scans, which autovacuum makes possible on "
        "a street's database in daily use." % vacuum_seconds)
    notes.append(
        "The leader reads the whole street (record rule `company_id in "
        "user.company_ids`), the widest view: a community clerk's tiles "
        "filter further on their communities. Tiles are computed by "
        "`community.kpi._compute_figures` as the reading user; the kanban "
        "figure includes each tile's trend (6 periods).")
    return core.case_result(
        TITLE, rows,
        sizes={"grid.case": cases, "grid.case of the leader's street":
               street_cases, "community.resident": residents,
               "tiles": len(tiles)},
        baseline="tiles and statistics: naive ORM, `search` then count / "
        "add up / take the median in Python, as the same user; the "
        "dashboard row: the same kanban call with the one-query trend and "
        "the many2many rewrite switched off (same indexes)",
        notes="\n\n".join(notes), details=details)


def _same(left, right):
    if left is None or right is None:
        return left is None and right is None
    return abs(float(left) - float(right)) < 1e-6


def _ms(value):
    return "%.1f ms" % value if value is not None else ""


def _one_line(query):
    return " ".join(query.split())


def _invalidator(env):
    """Empty the environment's record cache before each run (Odoo 11:
    ``invalidate_cache`` without arguments clears every model's)."""
    return lambda: env["res.users"].invalidate_cache()
