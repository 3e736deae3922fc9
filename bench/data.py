"""The benchmark database beyond the demo street: a million cases.

``bench/run`` builds the demo street at scale 1.0 with the product's own
generator (about 40,000 cases: a year of two per household). A street that
has run the system for years holds far more, so the cases are topped up to
the requested total by copying that year back in time, one year per copy,
in SQL: every date and timestamp column moves back by whole years, the
case numbers get a suffix, and the states stay as generated (the old copies
of open cases are the long-overdue backlog a dashboard must still count).
"""
import logging

_logger = logging.getLogger(__name__)

PARAM = "bench.data"


def ensure_cases(ctx, total):
    """Top ``grid_case`` up to at least ``total`` rows; return the count."""
    with ctx.environment(commit=True) as env:
        cr = env.cr
        cr.execute("SELECT count(*) FROM grid_case")
        count = cr.fetchone()[0]
        cr.execute("SELECT count(*) FROM grid_case WHERE name NOT LIKE '%%-Y%%'")
        year = cr.fetchone()[0]
        if count >= total or not year:
            return count
        cr.execute("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_name = 'grid_case' AND column_name <> 'id'""")
        columns = cr.fetchall()
        names = [name for name, _type in columns]
        select = []
        for name, data_type in columns:
            if name == "name":
                select.append("name || '-Y' || %(copy)s")
            elif data_type in ("date", "timestamp without time zone"):
                select.append(
                    "%s - make_interval(years => %%(copy)s)" % name)
            else:
                select.append(name)
        copy = 0
        cr.execute("SELECT COALESCE(MAX(substring(name from '-Y([0-9]+)$')"
                   "::int), 0) FROM grid_case")
        copy = cr.fetchone()[0]
        while count < total:
            copy += 1
            limit = min(year, total - count)
            cr.execute(
                "INSERT INTO grid_case (%s) SELECT %s FROM grid_case "
                "WHERE name NOT LIKE '%%%%-Y%%%%' ORDER BY id LIMIT %%(limit)s"
                % (", ".join('"%s"' % name for name in names),
                   ", ".join(select)),
                {"copy": copy, "limit": limit})
            count += cr.rowcount
            cr.commit()
            _logger.info("bench data: %s cases", count)
        cr.execute("ANALYZE grid_case")
        return count
