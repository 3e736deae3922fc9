"""Deadlines and overdue flags of every case, recomputed by the scheduled
action after a calendar change, against the per-record ORM compute.

The change: the street starts working Saturdays (an attendance added to its
case calendar), which moves the deadline of nearly every open case. Ours is
the scheduled action ``grid.case._cron_refresh_deadlines`` (deadlines of the
open cases due after the change, then the overdue flags of every case), in
SQL batches of consecutive ids, each committed on its own. The baseline is
what the ORM does per record: read the calendar, count the working days,
write the deadline, let the stored compute rewrite ``is_overdue``; it runs
on a sample of open cases in a rolled-back transaction and is extrapolated
to all the open cases the scheduled action covers.

Between runs the deadlines, flags and the calendar's mark are put back in
SQL from a snapshot (untimed), since the action commits as it goes.
"""
import threading
import time

import psycopg2

from .. import core

TITLE = ("Recompute deadlines/overdue for 1,000,000 cases after a calendar "
         "change")
OPEN = ("report", "dispatch", "handle", "verify")
SNAPSHOT = "bench_recompute_snapshot"
#: lock_timeout of the concurrent clerk's UPDATE, and the batch goal
LOCK_TIMEOUT_S = 5


def _connect(ctx):
    return psycopg2.connect(**{key: value for key, value in
                               ctx.psql_dsn().items() if value})


def _street(env):
    """The company holding most cases, and its case calendar."""
    env.cr.execute("SELECT company_id FROM grid_case GROUP BY company_id "
                   "ORDER BY count(*) DESC LIMIT 1")
    company = env["res.company"].browse(env.cr.fetchone()[0])
    return company, env["grid.case"]._calendar_of(company)


def _snapshot(ctx):
    """Keep the open cases' deadlines and flags; a snapshot left by an
    interrupted run is restored first, so each run starts from the data as
    generated."""
    with ctx.environment(commit=True) as env:
        cr = env.cr
        cr.execute("SELECT to_regclass(%s)", (SNAPSHOT,))
        if cr.fetchone()[0]:
            _restore_rows(cr)
            cr.execute("DROP TABLE %s" % SNAPSHOT)
        cr.execute("""
            CREATE UNLOGGED TABLE %s AS
            SELECT id, date_deadline, date_deadline_original, is_overdue
            FROM grid_case WHERE state IN %%s""" % SNAPSHOT, (OPEN,))
        cr.execute("ALTER TABLE %s ADD PRIMARY KEY (id)" % SNAPSHOT)


def _restore_rows(cr):
    cr.execute("""
        UPDATE grid_case c SET date_deadline = s.date_deadline,
            date_deadline_original = s.date_deadline_original,
            is_overdue = s.is_overdue
        FROM %s s
        WHERE c.id = s.id AND (c.date_deadline IS DISTINCT FROM s.date_deadline
            OR c.date_deadline_original IS DISTINCT FROM
               s.date_deadline_original
            OR c.is_overdue IS DISTINCT FROM s.is_overdue)""" % SNAPSHOT)


def _reset(ctx, calendar_id, since):
    """Deadlines and flags as in the snapshot, the calendar marked as the
    attendance change marks it; then VACUUM, so that every run meets the
    table in the same state."""
    with ctx.environment(commit=True) as env:
        _restore_rows(env.cr)
        env.cr.execute("UPDATE resource_calendar SET "
                       "deadline_recompute_from = %s WHERE id = %s",
                       (since, calendar_id))
    core.vacuum(ctx, "grid_case")


class Prober(threading.Thread):
    """A clerk's transaction updating one open case again and again while
    the action runs, with ``lock_timeout``: it must never fail, and waits
    at most for the batch holding the row."""

    def __init__(self, ctx, case_id):
        super().__init__(daemon=True)
        self.ctx, self.case_id = ctx, case_id
        self.stop = threading.Event()
        self.waits, self.failures = [], []

    def run(self):
        conn = _connect(self.ctx)
        try:
            with conn.cursor() as cr:
                cr.execute("SET lock_timeout = '%ss'" % LOCK_TIMEOUT_S)
            conn.commit()
            while not self.stop.is_set():
                start = time.perf_counter()
                try:
                    with conn.cursor() as cr:
                        cr.execute("UPDATE grid_case SET write_date = "
                                   "write_date WHERE id = %s",
                                   (self.case_id,))
                    conn.commit()
                    self.waits.append(time.perf_counter() - start)
                except psycopg2.Error as error:
                    conn.rollback()
                    self.failures.append(str(error).strip())
                self.stop.wait(0.1)
        finally:
            conn.close()


def _ours(ctx, today, case_id, runs):
    """One run of the scheduled action, with the duration of each of its
    batch transactions (a cursor of its own, from opening to commit) and a
    concurrent clerk."""
    prober = Prober(ctx, case_id)
    registry = ctx.registry
    batches = []
    cursor = registry.cursor

    def timed_cursor():
        cr = cursor()
        opened = time.perf_counter()
        commit = cr.commit

        def timed_commit():
            commit()
            batches.append(time.perf_counter() - opened)

        cr.commit = timed_commit
        return cr

    with ctx.environment() as env:
        registry.cursor = timed_cursor
        prober.start()
        try:
            start = time.perf_counter()
            Case = env["grid.case"]
            moved = Case._cron_recompute_deadlines(today, auto_commit=True)
            flagged = Case._cron_refresh_overdue(today, auto_commit=True)
            elapsed = time.perf_counter() - start
        finally:
            del registry.cursor
            prober.stop.set()
            prober.join()
    runs.append({"seconds": elapsed, "moved": len(set(moved)),
                 "flagged": len(set(flagged)), "batches": batches,
                 "probe_waits": prober.waits,
                 "probe_failures": prober.failures})
    return elapsed


def _baseline(ctx, sample_ids, today):
    """The per-record compute on the sample, rolled back."""
    with ctx.environment() as env:
        Case = env["grid.case"].with_context(grid_case_transition=True)
        start = time.perf_counter()
        for case in Case.browse(sample_ids):
            deadline = Case._deadline_for(
                case.date_reported, case.category_id.id, case.company_id)
            case.write({"date_deadline": deadline,
                        "date_deadline_original": deadline})
            # the stored compute of the flag, as the ORM recomputes it
            case.is_overdue = bool(deadline) and today > deadline
        elapsed = time.perf_counter() - start
        env.cr.rollback()
    return elapsed


def _profile_baseline(ctx, sample_ids, today):
    """pyinstrument's view of the per-record compute (rolled back)."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "pyinstrument is not installed (requirements/test.txt)"
    profiler = Profiler(interval=0.001)
    profiler.start()
    _baseline(ctx, sample_ids, today)
    profiler.stop()
    text = profiler.output_text(unicode=False, color=False)
    return "\n".join(text.splitlines()[:60])


def run(ctx):
    sample_size = ctx.size(2000, 100)
    _snapshot(ctx)
    with ctx.environment(commit=True) as env:
        Case = env["grid.case"]
        today = Case._street_today()
        company, calendar = _street(env)
        cr = env.cr
        cr.execute("SELECT count(*) FROM grid_case")
        total = cr.fetchone()[0]
        cr.execute("""
            SELECT count(*), count(*) FILTER (
                WHERE COALESCE(extension_count, 0) = 0
                  AND category_id IS NOT NULL)
            FROM grid_case WHERE state IN %s AND company_id = %s""",
                   (OPEN, company.id))
        open_count, recomputable = cr.fetchone()
        cr.execute("""
            SELECT id FROM grid_case
            WHERE state IN %s AND company_id = %s
              AND COALESCE(extension_count, 0) = 0
              AND category_id IS NOT NULL ORDER BY id""", (OPEN, company.id))
        open_ids = [row[0] for row in cr.fetchall()]
        if not open_ids:
            raise RuntimeError("the benchmark street %s has no open case to "
                               "recompute" % company.name)
        step = max(1, len(open_ids) // sample_size)
        sample_ids = open_ids[::step][:sample_size]
        probe_id = open_ids[len(open_ids) // 2]
        # the calendar change, through the ORM: it marks the calendar
        attendance = env["resource.calendar.attendance"].create({
            "calendar_id": calendar.id, "name": "Bench: Saturday",
            "dayofweek": "5", "hour_from": 8.0, "hour_to": 12.0})
        since = calendar.deadline_recompute_from
    if not since:
        raise RuntimeError("the attendance did not mark the calendar %s"
                           % calendar.name)
    runs = []
    try:
        ours = core.Stat([
            _run_once(ctx, calendar.id, since, today, probe_id, runs)
            for _index in range(ctx.repeat)])
        baseline_runs = [_baseline(ctx, sample_ids, today)
                         for _index in range(ctx.repeat)]
        profile = _profile_baseline(ctx, sample_ids[:200], today)
    finally:
        with ctx.environment(commit=True) as env:
            env["resource.calendar.attendance"].browse(
                attendance.id).unlink()
            _restore_rows(env.cr)
            env.cr.execute("UPDATE resource_calendar SET "
                           "deadline_recompute_from = NULL WHERE id = %s",
                           (calendar.id,))
            env.cr.execute("DROP TABLE IF EXISTS %s" % SNAPSHOT)
    per_case = [value / len(sample_ids) for value in baseline_runs]
    baseline = core.Stat([value * recomputable for value in per_case])
    max_batch = core.Stat([max(item["batches"]) for item in runs])
    probe_waits = [wait for item in runs for wait in item["probe_waits"]]
    probe_failures = [error for item in runs
                      for error in item["probe_failures"]]
    probe = core.Stat([max(probe_waits) * 1000 if probe_waits else 0.0],
                      "ms")
    batch_goal = LOCK_TIMEOUT_S
    rows = [
        core.row(
            "scheduled action: deadlines + overdue flags of %s cases"
            % "{:,}".format(total), ours, baseline=baseline,
            ratio=baseline.median / ours.median, goal="< 60 s",
            met=ours.max < 60,
            note="baseline: per-record compute of %s sampled open cases, "
            "extrapolated to the %s open cases recomputed" % (
                "{:,}".format(len(sample_ids)),
                "{:,}".format(recomputable))),
        core.row(
            "longest transaction (one batch, its cursor opened to committed)",
            max_batch, goal="no batch > %s s" % batch_goal,
            met=max_batch.max <= batch_goal,
            note="%s transactions per run" % len(runs[-1]["batches"])),
        core.row(
            "a clerk's UPDATE of an open case during the run "
            "(lock_timeout %s s): longest wait" % LOCK_TIMEOUT_S,
            probe, goal="all succeed",
            met=bool(probe_waits) and not probe_failures,
            note="%s updates, %s failed" % (
                len(probe_waits), len(probe_failures))),
    ]
    last = runs[-1]
    notes = (
        "The calendar change is a Saturday attendance added to the street's "
        "case calendar through the ORM (`resource.calendar.attendance` "
        "marks the calendar: `deadline_recompute_from` = the earliest open "
        "deadline), so every open, never-extended case is recomputed: "
        "%(recomputable)s of %(open)s open cases; %(moved)s deadlines moved "
        "and %(flagged)s overdue flags flipped in the last run.\n\n"
        "How ours works (`grid.case._cron_refresh_deadlines`: the "
        "deadlines part runs every hour and every day, the overdue flags "
        "every day): per batch of 50,000 "
        "consecutive ids, one `SELECT DISTINCT (local day of report, "
        "category)` of the batch's open cases, the working days counted in "
        "Python once per distinct pair (cached across batches) instead of "
        "once per case, and one `UPDATE ... FROM "
        "unnest(days, categories, deadlines)` writing deadline, original "
        "deadline and overdue flag only where they change; then the "
        "overdue flags of all cases by id range. Each batch runs on a cursor "
        "of its own, committed when the batch is done (`auto_commit`: on "
        "in the scheduled actions, off in tests), so no transaction holds "
        "the rows for the whole run; the longest one is in the table.\n\n"
        "Before: `_cron_refresh_overdue` ran its batches in the cron's one "
        "transaction (every changed row locked until the end) and nothing "
        "recomputed deadlines after a calendar change (holidays and "
        "adjusted working days only reached new cases).\n\n"
        "Profile of the per-record baseline (details): about half of its "
        "time is the ORM `write` of the deadline (mail tracking, then the "
        "stored compute of `is_overdue` it triggers), a fifth the "
        "calendar's `_working_days_params` read again for every case "
        "(global leaves searched, converted to local days), a fifth the "
        "write of the flag. Ours reads the calendar once, counts working "
        "days once per (day, category) and writes in SQL; its time is "
        "PostgreSQL's (the transactions below).\n\n"
        "Baseline: %(sample)s open cases evenly spread over the ids, "
        "per-record `_deadline_for` + `write` + flag, rolled back; its time "
        "per case times the %(recomputable)s cases recomputed (the flags of "
        "the closed cases need no per-record work, so the extrapolation "
        "favours the baseline).") % {
            "recomputable": "{:,}".format(recomputable),
            "open": "{:,}".format(open_count),
            "moved": "{:,}".format(last["moved"]),
            "flagged": "{:,}".format(last["flagged"]),
            "sample": "{:,}".format(len(sample_ids))}
    details = {
        "profile of the per-record baseline (pyinstrument, 200 cases)":
            profile,
        "transactions of the last run (s)": "\n".join(
            "%3d  %.3f" % (index + 1, value)
            for index, value in enumerate(last["batches"])),
    }
    return core.case_result(
        TITLE, rows,
        sizes={"grid.case": total, "open cases of the street": open_count,
               "open cases recomputed": recomputable,
               "baseline sample": len(sample_ids)},
        baseline="per-record ORM compute (deadline via the calendar, write, "
        "overdue flag) on a sample, extrapolated",
        notes=notes, details=details)


def _run_once(ctx, calendar_id, since, today, probe_id, runs):
    _reset(ctx, calendar_id, since)
    return _ours(ctx, today, probe_id, runs)
