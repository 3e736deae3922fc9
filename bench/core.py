"""What every benchmark case shares: the Odoo registry of the benchmark
database, timing (median of several runs with min and max), the result
format and the machine description.

A case module ``bench.cases.<name>`` defines ``TITLE`` and ``run(ctx)``; it
measures ours and the baseline in the same run on the same data and returns
``case_result(...)`` with one ``row(...)`` per figure. The runner stores it
as JSON and renders every stored result into RESULTS.md, so running one case
again replaces its section only.
"""
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"


class Stat:
    """Figures of several runs of one measure, in one unit."""

    def __init__(self, runs, unit="s"):
        if not runs:
            raise ValueError("a measure needs at least one run")
        self.runs = [float(value) for value in runs]
        self.unit = unit

    @property
    def median(self):
        return statistics.median(self.runs)

    @property
    def min(self):
        return min(self.runs)

    @property
    def max(self):
        return max(self.runs)

    def scaled(self, factor, unit):
        """The same runs in another unit (e.g. seconds to milliseconds, or
        seconds to rows per second with ``factor`` a function)."""
        if callable(factor):
            return Stat([factor(value) for value in self.runs], unit)
        return Stat([value * factor for value in self.runs], unit)

    def to_dict(self):
        return {"runs": self.runs, "unit": self.unit, "median": self.median,
                "min": self.min, "max": self.max}

    @classmethod
    def from_dict(cls, data):
        return cls(data["runs"], data["unit"]) if data else None


def timed(fn, repeat, setup=None, teardown=None, unit="s"):
    """Run ``fn`` ``repeat`` times and return the wall-clock Stat; ``setup``
    and ``teardown`` run around each run, untimed. ``fn``'s last return
    value is kept in ``Stat.last``."""
    runs, last = [], None
    for _index in range(repeat):
        if setup:
            setup()
        start = time.perf_counter()
        last = fn()
        elapsed = time.perf_counter() - start
        runs.append(elapsed * (1000 if unit == "ms" else 1))
        if teardown:
            teardown()
    stat = Stat(runs, unit)
    stat.last = last
    return stat


def row(measure, ours, baseline=None, ratio=None, limit=None, goal="",
        met=None, note=""):
    """One line of a case's table. ``ours``/``baseline``/``limit`` are Stats
    (or None); ``ratio`` is the case's own comparison (e.g. baseline time
    over ours); ``met`` says whether ``goal`` is reached (None: no goal)."""
    return {"measure": measure,
            "ours": ours.to_dict() if ours else None,
            "baseline": baseline.to_dict() if baseline else None,
            "ratio": ratio,
            "limit": limit.to_dict() if limit else None,
            "goal": goal, "met": met, "note": note}


def case_result(title, rows, sizes=None, baseline="", limit="", notes="",
                details=None):
    """What ``run(ctx)`` returns. ``baseline``/``limit`` say what the
    baseline and the limit columns are; ``details`` maps a heading to a
    preformatted text (EXPLAIN ANALYZE plans, profiles)."""
    return {"title": title, "rows": rows, "sizes": sizes or {},
            "baseline": baseline, "limit": limit, "notes": notes,
            "details": details or {}}


class Context:
    """The benchmark database and the run's options, handed to each case."""

    def __init__(self, conf, db, repeat=3, smoke=False):
        import odoo
        from odoo.tools import config

        config.parse_config(["-c", conf, "-d", db, "--log-level=warn",
                             "--max-cron-threads=0"])
        self.odoo = odoo
        self.conf = conf
        self.db = db
        self.repeat = repeat
        self.smoke = smoke
        self.work = WORK / ("smoke" if smoke else "full")
        self.work.mkdir(parents=True, exist_ok=True)
        self.registry = odoo.registry(db)

    def size(self, full, smoke):
        """The full size of a data set, or its tiny smoke-run size."""
        return smoke if self.smoke else full

    @contextlib.contextmanager
    def environment(self, commit=False, uid=None, context=None):
        """A superuser (or ``uid``) environment on a new cursor, rolled back
        at the end unless ``commit``."""
        odoo = self.odoo
        with odoo.api.Environment.manage():
            cr = self.registry.cursor()
            try:
                yield odoo.api.Environment(
                    cr, uid or odoo.SUPERUSER_ID, dict(context or {}))
                if commit:
                    cr.commit()
                else:
                    cr.rollback()
            finally:
                cr.close()

    def psql_dsn(self):
        """libpq keywords for the benchmark database (for COPY, psql)."""
        from odoo.tools import config

        return {"dbname": self.db, "host": config["db_host"] or None,
                "port": config["db_port"] or None,
                "user": config["db_user"] or None,
                "password": config["db_password"] or None}


def vacuum(ctx, *tables):
    """VACUUM (ANALYZE) ``tables`` outside any transaction: a bulk-loaded
    table has no visibility map yet (no index-only scan) until autovacuum
    gets to it, which a production database's has long done."""
    import psycopg2

    conn = psycopg2.connect(**{key: value for key, value in
                               ctx.psql_dsn().items() if value})
    try:
        conn.autocommit = True
        with conn.cursor() as cr:
            for table in tables:
                cr.execute('VACUUM (ANALYZE) "%s"' % table)
    finally:
        conn.close()


def machine(ctx):
    """Cores, memory, CPU model, PostgreSQL and Python versions."""
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with ctx.environment() as env:
        env.cr.execute("SHOW server_version")
        pg_version = env.cr.fetchone()[0]
        env.cr.execute("SHOW shared_buffers")
        shared_buffers = env.cr.fetchone()[0]
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "memory_gib": round(psutil.virtual_memory().total / 2 ** 30, 1),
        "postgresql": pg_version,
        "shared_buffers": shared_buffers,
        "python": platform.python_version(),
        "odoo": ctx.odoo.release.version,
        "os": platform.platform(),
    }


def data_sizes(ctx):
    """Row counts of the benchmark database's main tables."""
    sizes = {}
    with ctx.environment() as env:
        for table in ("community_household", "community_resident",
                      "grid_case", "grid_visit", "grid_grid",
                      "community_community"):
            env.cr.execute("SELECT count(*) FROM %s" % table)
            sizes[table.replace("_", ".", 1)] = env.cr.fetchone()[0]
    return sizes


def git_revision():
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        return subprocess.check_output(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
            text=True, stderr=subprocess.DEVNULL).strip()
    return ""


def save_result(directory, name, result, command):
    result = dict(result, case=name, command=command,
                  finished=time.strftime("%Y-%m-%d %H:%M:%S %Z"),
                  revision=git_revision())
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / ("%s.json" % name)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return path


def python_command():
    return " ".join([Path(sys.argv[0]).name] + sys.argv[1:])
