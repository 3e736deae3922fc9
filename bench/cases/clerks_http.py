"""20 concurrent community clerks over HTTP: Odoo in prefork mode with 2
and 4 workers against the threaded server (workers=0), on the same
database in the same run.

For each mode the case starts ``bin/odoo-server`` on a free loopback port
(production's limits, cron off), logs the 20 clerks in, warms the server
up with the clerks' own loop (every prefork worker loads the registry),
then measures the clerks' loop for a fixed time and stops the server. The
load generator is ours (bench/cases/_http_client.py says why not Locust):
one thread and one HTTP/1.1 session per clerk, closed loop with a think
time, every request's latency and outcome recorded.
"""
import contextlib
import logging
import os
import socket
import statistics
import subprocess
import sys
import threading
import time

from .. import core
from . import _http_clerk, _http_client, _http_profile

TITLE = "20 concurrent clerks over HTTP: prefork workers vs threaded"

_logger = logging.getLogger(__name__)

CLERKS = 20
PASSWORD = "Bench-Clerk#2026"
LOGIN = "bench_clerk_%02d"
MODES = [0, 2, 4]
#: a clerk's pause between two actions, seconds (uniform): a busy clerk
#: at the counter, a click every 3 s on average
THINK = (1.0, 5.0)
#: the phases measured on each server: the clerks as they work, then the
#: same clerks clicking without pause (the server's capacity)
PHASES = [("clerks", THINK), ("saturation", (0.0, 0.0))]
P95_GOAL_MS = 500.0
#: measured windows per mode: 3 modes x (2 min + 30 s + warm-up + start)
#: already take about 10 minutes, so one window per mode, not ctx.repeat
RUNS = 1

#: the production configuration's limits (config/odoo.production.conf)
SERVER_LIMITS = [
    "--limit-memory-soft=1073741824", "--limit-memory-hard=1610612736",
    "--limit-time-cpu=600", "--limit-time-real=1200",
    "--limit-request=8192",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_clerks(ctx, count):
    """The bench clerks, created once and committed: each a community
    clerk of one community of the demo street (round robin), zh_CN, with
    an e-mail address (the chatter of a new case needs its author's)."""
    with ctx.environment(commit=True) as env:
        admin = env.ref("base.user_root")
        street = admin.company_id
        communities = env["community.community"].search(
            [("company_id", "=", street.id)], order="id")
        if not communities:
            raise RuntimeError("the benchmark database has no community in "
                               "the street %s" % street.name)
        group = env.ref("community_base.group_community_clerk")
        lang = "zh_CN" if env["res.lang"].search(
            [("code", "=", "zh_CN")]) else "en_US"
        users = env["res.users"].with_context(no_reset_password=True)
        logins = []
        for index in range(count):
            login = LOGIN % (index + 1)
            logins.append(login)
            user = users.search([("login", "=", login)])
            if user:
                if not user.email:
                    user.email = "%s@example.com" % login
                continue
            community = communities[index % len(communities)]
            users.create({
                "name": "压测社区办事员%02d" % (index + 1),
                "login": login, "password": PASSWORD,
                "email": "%s@example.com" % login,
                "lang": lang, "tz": "Asia/Shanghai",
                "company_id": street.id,
                "company_ids": [(6, 0, [street.id])],
                "community_ids": [(6, 0, community.ids)],
                "groups_id": [(6, 0, [group.id])],
            })
        return logins, len(communities)


def prepare_database(ctx):
    """The product's case indexes (a database built before they were
    added has not run ``init`` since), then VACUUM ANALYZE of the tables
    the clerks read: a freshly topped-up table has no visibility map and
    stale statistics, which autovacuum would have fixed on a street's
    server. Returns the seconds it took."""
    from psycopg2 import errors as pg_errors

    start = time.time()
    try:
        with ctx.environment(commit=True) as env:
            # an index build waits for open transactions on the table:
            # give up after a while rather than hang the run
            env.cr.execute("SET LOCAL lock_timeout = '120s'")
            env["grid.case"].init()
    except pg_errors.LockNotAvailable:
        _logger.warning("clerks_http: the case indexes could not be "
                        "created (grid_case locked); measuring without")
    core.vacuum(ctx, "grid_case", "community_resident", "community_household")
    return time.time() - start


def remove_cases(ctx, logins):
    """Delete the cases the clerks created (and their chatter), so that
    the benchmark database keeps the case count the other cases assume."""
    with ctx.environment(commit=True) as env:
        env.cr.execute("""
            SELECT c.id FROM grid_case c JOIN res_users u ON u.id = c.create_uid
            WHERE u.login = ANY(%s)""", [list(logins)])
        ids = [row[0] for row in env.cr.fetchall()]
        if not ids:
            return 0
        env.cr.execute("DELETE FROM mail_message WHERE model = 'grid.case' "
                       "AND res_id = ANY(%s)", [ids])
        env.cr.execute("DELETE FROM mail_followers WHERE res_model = "
                       "'grid.case' AND res_id = ANY(%s)", [ids])
        env.cr.execute("DELETE FROM mail_activity WHERE res_model = "
                       "'grid.case' AND res_id = ANY(%s)", [ids])
        env.cr.execute("DELETE FROM grid_case WHERE id = ANY(%s)", [ids])
        return len(ids)


@contextlib.contextmanager
def odoo_server(ctx, workers, log_path):
    """bin/odoo-server on a free loopback port; yield (host, port)."""
    port = free_port()
    cmd = [sys.executable, str(core.ROOT / "bin" / "odoo-server"),
           "-c", ctx.conf, "-d", ctx.db, "--http-interface=127.0.0.1",
           "--http-port=%d" % port, "--longpolling-port=%d" % free_port(),
           "--workers=%d" % workers, "--max-cron-threads=0",
           "--logfile=%s" % log_path] + SERVER_LIMITS
    proc = subprocess.Popen(cmd, cwd=str(core.ROOT),
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    probe = _http_client.OdooClient("127.0.0.1", port,
                                    _http_client.Recorder(), timeout=30)
    deadline = time.time() + 180
    try:
        while True:
            # a JSON-RPC route without login or assets: answers as soon as
            # the server serves requests
            try:
                probe.rpc("version", "/web/webclient/version_info", {})
                break
            except _http_client.RpcError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("Odoo (workers=%d) did not answer; see %s"
                                   % (workers, log_path))
            time.sleep(0.5)
        probe.close()
        yield "127.0.0.1", port, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def percentile(values, fraction):
    """Nearest-rank percentile of sorted ``values``."""
    if not values:
        return 0.0
    rank = max(1, int(-(-fraction * len(values) // 1)))
    return values[min(rank, len(values)) - 1]


def summarize(samples, start, end):
    """Figures of the requests that started in [start, end)."""
    window = [item for item in samples if start <= item[1] < end]
    latencies = sorted(item[2] * 1000 for item in window)
    errors = [item for item in window if item[3] is not None]
    by_label = {}
    for label, _start, seconds, _error in window:
        by_label.setdefault(label, []).append(seconds * 1000)
    duration = end - start
    return {
        "requests": len(window),
        "errors": len(errors),
        "error_samples": sorted({"%s: %s" % (item[0], item[3])
                                 for item in errors})[:10],
        "seconds": duration,
        "rps": len(window) / duration if duration else 0.0,
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "max": latencies[-1] if latencies else 0.0,
        "mean": statistics.mean(latencies) if latencies else 0.0,
        "labels": {label: {"count": len(values),
                           "p50": percentile(sorted(values), 0.50),
                           "p95": percentile(sorted(values), 0.95),
                           "max": max(values)}
                   for label, values in sorted(by_label.items())},
    }


def cpu_seconds(pid):
    """CPU seconds used so far by the Odoo server (the process and its
    workers), by the whole machine (busy, all processes) and by this
    process (the load generator)."""
    import psutil

    machine = psutil.cpu_times()
    busy = sum(machine) - machine.idle - getattr(machine, "iowait", 0.0)
    total = 0.0
    with contextlib.suppress(psutil.Error):
        process = psutil.Process(pid)
        total = sum(process.cpu_times()[:2])
        for child in process.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += sum(child.cpu_times()[:2])
    own = sum(psutil.Process().cpu_times()[:2])
    return total, busy, own


def _start_clerks(clerks, workers):
    """Log the clerks in and load their views, all at once."""
    failures = []

    def start(clerk):
        try:
            clerk.start()
        except Exception as exc:  # pylint: disable=broad-except
            failures.append("%s: %s" % (clerk.login, exc))

    threads = [threading.Thread(target=start, args=(clerk,))
               for clerk in clerks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError("clerks could not log in (workers=%d): %s"
                           % (workers, "; ".join(failures[:5])))


def _phase(clerks, recorder, pid, think, warmup, duration):
    """Run every clerk until the window [now + warmup, + duration) ends;
    return the window's summary. Clerks finish their last action."""
    for clerk in clerks:
        clerk.think = think
    begin = time.time() + warmup
    end = begin + duration
    threads = [threading.Thread(target=clerk.run, args=(end,))
               for clerk in clerks]
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, begin - time.time()))
    cpu_begin, wall_begin = cpu_seconds(pid), time.time()
    time.sleep(max(0.0, end - time.time()))
    cpu_end, wall_end = cpu_seconds(pid), time.time()
    for thread in threads:
        thread.join()
    summary = summarize(recorder.samples, begin, end)
    elapsed = max(wall_end - wall_begin, 1e-6)
    summary["server_cpu"] = (cpu_end[0] - cpu_begin[0]) / elapsed
    summary["machine_cpu"] = (cpu_end[1] - cpu_begin[1]) / elapsed
    summary["generator_cpu"] = (cpu_end[2] - cpu_begin[2]) / elapsed
    summary["warmup_errors"] = len([
        item for item in recorder.samples
        if begin - warmup <= item[1] < begin and item[3] is not None])
    return summary


def run_mode(ctx, workers, logins, warmup, durations, seed):
    """Start the server with ``workers``, log the clerks in, warm it up,
    measure each phase; return ``{phase: summary}``."""
    log_path = ctx.work / ("clerks_http-workers%d.log" % workers)
    with contextlib.suppress(OSError):
        os.remove(str(log_path))
    recorder = _http_client.Recorder()
    summaries = {}
    with odoo_server(ctx, workers, log_path) as (host, port, pid):
        clerks = [
            _http_clerk.Clerk(
                _http_client.OdooClient(host, port, recorder), ctx.db,
                login, PASSWORD, _http_clerk.make_rng(seed, index))
            for index, login in enumerate(logins)]
        _start_clerks(clerks, workers)
        for index, (phase, think) in enumerate(PHASES):
            summaries[phase] = _phase(
                clerks, recorder, pid, think, warmup if not index else 0.0,
                durations[phase])
            _logger.info(
                "clerks_http: %s, %s: %.1f req/s, p95 %.0f ms, %d errors",
                mode_name(workers), phase, summaries[phase]["rps"],
                summaries[phase]["p95"], summaries[phase]["errors"])
        for clerk in clerks:
            clerk.client.close()
    return summaries


def mode_name(workers):
    return ("threaded (workers=0)" if not workers
            else "%d workers (prefork)" % workers)


def run(ctx):
    # the smoke run only proves the case works: few clerks, short windows
    clerks = ctx.size(CLERKS, 4)
    logins, communities = ensure_clerks(ctx, clerks)
    prepared = prepare_database(ctx)
    _logger.info("clerks_http: indexes and VACUUM ANALYZE in %.0f s",
                 prepared)
    durations = {"clerks": ctx.size(120.0, 3.0),
                 "saturation": ctx.size(30.0, 2.0)}
    warmup = ctx.size(20.0, 1.0)
    results = {workers: [] for workers in MODES}
    try:
        for run_index in range(RUNS):
            for workers in MODES:
                _logger.info("clerks_http: %s, run %d", mode_name(workers),
                             run_index + 1)
                results[workers].append(run_mode(
                    ctx, workers, logins, warmup, durations,
                    seed=run_index))
    finally:
        removed = remove_cases(ctx, logins)
    server = profile_server(ctx, logins[0])
    return build_result(results, clerks, durations, warmup, communities,
                        removed, server)


def profile_server(ctx, login):
    """The clerk's requests in-process (see _http_profile): server time
    per request type, a pyinstrument profile, the lists' plans."""
    with ctx.environment() as env:
        user = env["res.users"].search([("login", "=", login)])
        uid, context = user.id, dict(user.context_get())
    times, profile = _http_profile.server_times(
        ctx, uid, context, repeat=ctx.size(5, 1))
    plans = _http_profile.explain_lists(ctx, uid, context)
    return {"times": times, "profile": profile, "plans": plans}


def stat(summaries, phase, key, unit):
    return core.Stat([summary[phase][key] for summary in summaries], unit)


def build_result(results, clerks, durations, warmup, communities, removed,
                 server):
    threaded = results[0]
    base_p95 = stat(threaded, "clerks", "p95", "ms")
    base_errors = core.Stat([sum(summary[phase]["errors"]
                                 for phase in summary)
                             for summary in threaded], "errors")
    base_rps = stat(threaded, "clerks", "rps", "req/s")
    base_capacity = stat(threaded, "saturation", "rps", "req/s")
    rows = []
    for workers in MODES[1:]:
        runs = results[workers]
        name = mode_name(workers)
        p95 = stat(runs, "clerks", "p95", "ms")
        errors = core.Stat([sum(summary[phase]["errors"]
                                for phase in summary)
                            for summary in runs], "errors")
        rps = stat(runs, "clerks", "rps", "req/s")
        capacity = stat(runs, "saturation", "rps", "req/s")

        def median(summaries, phase, key):
            return stat(summaries, phase, key, "").median

        rows.append(core.row(
            "%s: p95 latency, %d clerks" % (name, clerks), p95,
            baseline=base_p95,
            ratio=base_p95.median / p95.median if p95.median else None,
            goal="< %.0f ms" % P95_GOAL_MS, met=p95.max < P95_GOAL_MS,
            note="p50 %.0f, p99 %.0f, max %.0f ms (threaded: p50 %.0f, "
                 "p99 %.0f, max %.0f)" % (
                     median(runs, "clerks", "p50"),
                     median(runs, "clerks", "p99"),
                     median(runs, "clerks", "max"),
                     median(threaded, "clerks", "p50"),
                     median(threaded, "clerks", "p99"),
                     median(threaded, "clerks", "max"))))
        rows.append(core.row(
            "%s: errors" % name, errors, baseline=base_errors,
            goal="0", met=errors.max == 0,
            note="of %d requests, both phases (threaded: %d)" % (
                sum(median(runs, phase, "requests") for phase in durations),
                sum(median(threaded, phase, "requests")
                    for phase in durations))))
        rows.append(core.row(
            "%s: throughput, %d clerks" % (name, clerks), rps,
            baseline=base_rps,
            ratio=rps.median / base_rps.median if base_rps.median else None,
            goal="ratio to threaded reported", met=None,
            note="Odoo CPU %.2f cores (threaded %.2f)" % (
                median(runs, "clerks", "server_cpu"),
                median(threaded, "clerks", "server_cpu"))))
        rows.append(core.row(
            "%s: capacity (no think time)" % name, capacity,
            baseline=base_capacity,
            ratio=(capacity.median / base_capacity.median
                   if base_capacity.median else None),
            goal="ratio to threaded reported", met=None,
            note="p95 %.0f ms (threaded %.0f); Odoo CPU %.2f cores "
                 "(threaded %.2f), machine %.2f" % (
                     median(runs, "saturation", "p95"),
                     median(threaded, "saturation", "p95"),
                     median(runs, "saturation", "server_cpu"),
                     median(threaded, "saturation", "server_cpu"),
                     median(runs, "saturation", "machine_cpu"))))
    details_ = details(results)
    details_.update(server_details(server))
    return core.case_result(
        TITLE, rows,
        sizes={"clerks": clerks, "communities they work in": communities,
               "seconds measured with think time": int(durations["clerks"]),
               "seconds measured without": int(durations["saturation"]),
               "seconds of warm-up": int(warmup),
               "runs per mode": len(results[0]),
               "cases created and removed afterwards": removed},
        baseline="the same clerks against Odoo's threaded server "
                 "(workers=0), started the same way, in the same run.",
        notes=notes(clerks, durations) + "\n\n" + goals(results),
        details=details_)


def notes(clerks, durations):
    weights = ", ".join("%s %d%%" % item for item in _http_clerk.WEIGHTS)
    return """\
**Load.** %(clerks)d clerks, each a community clerk of one community of the
demo street (`bench_clerk_NN`, created once), one thread and one HTTP/1.1
session (cookie jar) per clerk; the load generator is ours
(`bench/cases/_http_client.py`: Locust needs Werkzeug >= 2, which cannot
share the virtualenv with Odoo 11's 0.16, and buckets its latencies).
Closed loop: a clerk waits for each answer, then thinks %(low).0f–%(high).0f
s (uniform, mean %(mean).0f s: a busy clerk at the counter) before the next
action. Actions, drawn at random with these weights: %(weights)s. They post
what the web client posts: `search residents` is `/web/dataset/search_read`
on `community.resident` with the list view's fields, `name ilike` a typed
character, limit 80, then the tags' `read`; `open` is `read` of the form
view's fields by `call_kw`, plus one `read` per non-empty x2many field with
its embedded list's fields (at most 40 lines); `create a case` is
`default_get` of the form's fields, `create` with a household the clerk saw
and a category, then the form's `read`; `move a case` saves the form
(`write` of the handler or the feedback), clicks the button
(`/web/dataset/call_button` `action_dispatch` / `action_handle`) and
reloads the form; the case list is `search_read` on `grid.case`. The views'
fields come from `load_views` at login, as in the web client. Not
simulated: the chatter's `message_format` and the menus' `load_action`.
Every response is checked: HTTP 200 and no JSON-RPC `error`.

**Measure.** Before the modes, once: the product's case indexes (`init`)
and `VACUUM ANALYZE` of cases, residents and households (the topped-up
table has no visibility map and stale statistics until autovacuum passes,
as it would have on a street's server). Each mode: a fresh
`bin/odoo-server` on a free loopback port (cron off, production's memory
and time limits and `limit_request`), the clerks log in, warm up with
their own loop (unmeasured; every prefork worker has the registry
preloaded), then two windows: %(clerks_s)d s of the
clerks as above, then %(sat_s)d s of the same clerks without think time
(the capacity: every clerk always has a request in flight). Latency is from
sending a request to the last byte of its answer, over every request that
started in the window. One window per mode and phase (`runs per mode`):
its p95 is the figure. The load generator shares the 2 cores with Odoo and
PostgreSQL; its own CPU is in the details ("load generator"), "machine"
counts all three and whatever else runs.""" % {
        "clerks": clerks, "low": THINK[0], "high": THINK[1],
        "mean": (THINK[0] + THINK[1]) / 2, "weights": weights,
        "clerks_s": durations["clerks"], "sat_s": durations["saturation"]}


OPTIMISATIONS = """\
**Profiled, and what changed.** The clerks' requests were run in-process
as a clerk under pyinstrument on the full database (1,000,000 cases,
114,501 residents; the profile of this run is below), and the list
searches explained:

- *Case list*: 60% of its Python time was `agency_responsible` (a column
  of the list): reading the handler of each case prefetched every column
  of the 80 cases (descriptions, notes, ...) only to use three. It now
  reads the handler fields alone (`prefetch_fields=False`), still one
  query per page: Python CPU 37 → 19 ms, wall 82 → 53 ms per list
  (in-process medians, old and new compute swapped in the same process).
- *Case list, SQL*: a community clerk's list (`community_id = X` from the
  record rule, ordered by priority, date, id) was a backward scan of the
  priority index filtered by community and sorted: 52 ms warm, 554 ms
  cold at 125,000 cases per community. The index
  `grid_case_community_list_index (community_id, priority DESC,
  date_reported DESC, id DESC)` reads the page off the index: 0.06 ms
  (plan below). The list's count (the web client asks for it) remains: an
  index-only scan of the community's 125,000 entries, about 40 ms.
- *Resident search*: `age` and the ID/phone masks (columns of the list)
  read the birth date, ID number and phone as superuser, which prefetched
  every column of the page of residents: they now read those columns
  alone. Python CPU 34 → 24 ms, wall 67 → 43 ms per search.
- Statistics: the resident table had grown (114,501 rows) since its last
  ANALYZE, and the planner walked the name index for `name ilike` over
  the whole street (5.4 s cold); with fresh statistics it filters the
  community first (9 ms). The case prepares the tables with VACUUM
  ANALYZE, as autovacuum would.
- Not changed: creating and moving a case is Odoo's mail machinery
  (tracking, followers, the activity's "done" message rendered by QWeb):
  about 50–100 ms of CPU per request, the slowest requests of the mix."""


def goals(results):
    """The p95 goal per prefork mode: met, or missed by how much."""
    lines = ["**Goals in this run.**"]
    threaded = results[0][0]
    for workers in MODES[1:]:
        summary = results[workers][0]
        p95 = summary["clerks"]["p95"]
        errors = sum(item["errors"] for item in summary.values())
        lines.append(
            "- %s: p95 %.0f ms, %s; %d errors; %.1f req/s with think time "
            "(threaded %.1f), capacity %.1f req/s (threaded %.1f, %.2f×)."
            % (mode_name(workers), p95,
               "under the %.0f ms goal" % P95_GOAL_MS if p95 < P95_GOAL_MS
               else "**over the %.0f ms goal by %.0f ms (%.1f×)**" % (
                   P95_GOAL_MS, p95 - P95_GOAL_MS, p95 / P95_GOAL_MS),
               errors, summary["clerks"]["rps"],
               threaded["clerks"]["rps"], summary["saturation"]["rps"],
               threaded["saturation"]["rps"],
               summary["saturation"]["rps"] / threaded["saturation"]["rps"]
               if threaded["saturation"]["rps"] else 0.0))
    lines.append(
        "- threaded: p95 %.0f ms with think time, %.0f ms at capacity." % (
            threaded["clerks"]["p95"], threaded["saturation"]["p95"]))
    return "\n".join(lines) + "\n\n" + OPTIMISATIONS


def details(results):
    lines = []
    for workers in MODES:
        for index, summaries in enumerate(results[workers]):
            for phase, summary in summaries.items():
                lines.append(
                    "%s, run %d, %s: %d requests in %.0f s = %.1f req/s; "
                    "p50 %.0f, p95 %.0f, p99 %.0f, max %.0f ms; %d errors "
                    "(%d in warm-up); CPU: Odoo %.2f, load generator %.2f, "
                    "machine %.2f cores" % (
                        mode_name(workers), index + 1, phase,
                        summary["requests"], summary["seconds"],
                        summary["rps"], summary["p50"], summary["p95"],
                        summary["p99"], summary["max"], summary["errors"],
                        summary["warmup_errors"], summary["server_cpu"],
                        summary["generator_cpu"], summary["machine_cpu"]))
                lines.append("  %-18s %7s %8s %8s %8s" % (
                    "request", "count", "p50 ms", "p95 ms", "max ms"))
                for label, figures in summary["labels"].items():
                    lines.append("  %-18s %7d %8.0f %8.0f %8.0f" % (
                        label, figures["count"], figures["p50"],
                        figures["p95"], figures["max"]))
                for sample in summary["error_samples"]:
                    lines.append("  error: %s" % sample)
                lines.append("")
    return {"Latency per request type, mode and phase": "\n".join(lines)}


def server_details(server):
    lines = ["%-32s %8s %8s" % ("operation", "wall ms", "CPU ms")]
    lines += ["%-32s %8.1f %8.1f" % (label, wall, cpu)
              for label, (wall, cpu) in sorted(server["times"].items())]
    details_ = {"Server time per request type (in-process, one clerk, "
                "no load from the clerks; median)": "\n".join(lines)}
    if server["profile"]:
        details_["pyinstrument profile of the clerk's requests "
                 "(in-process)"] = server["profile"]
    for label, plan in sorted(server["plans"].items()):
        details_["EXPLAIN ANALYZE of the clerk's %s" % label] = plan
    return details_
