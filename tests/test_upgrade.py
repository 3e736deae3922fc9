"""Upgrading a database of the last release (issue 15): the street's
database is made by the code in production, and the next release must
upgrade it in place with the README's ``UPDATE=1 bin/run``.

The baseline tree (``BASELINE``: addons, scripts, bin, config, compat,
requirements) is taken out of git into a temporary directory and builds a
small demo database the way its own ``bin/run`` does (``create_demo_db`` of
its scripts/lib.sh), with this tree's virtualenv (the pins must be the same)
and PostgreSQL. A few records the demo has none of are added (two subsidy
runs, a closed subsidy standard, a fund standard with an end date). Then this
tree runs exactly ``UPDATE=1 bin/run`` on that database; once it serves
/web/login the server is stopped, and the database must hold the current
module versions, the same numbers of records, and the same years and
validity dates per record id, whatever the migrations renamed or retyped
(Char years became Integers; ``date_from``/``date_to`` became
``date_start``/``date_end``).
"""
import ast
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

import psycopg2
import pytest
from psycopg2 import sql
from server_process import ROOT, free_port

from odoo.modules.module import adapt_version

pytestmark = pytest.mark.slow

# The last release: the commit production runs. Move it forward when a
# release lands (and its migrations then start from there).
BASELINE = "2085c02f6410e0eca215f8bd3dab41a16fc13aa2"
TREES = ("addons", "scripts", "bin", "config", "compat", "requirements")
# the addons this tree installs: community_party is new since the baseline,
# and UPDATE=1 bin/run must install it into the old database
ADDONS = ("community_base", "community_grid", "community_finance",
          "community_eval", "community_party", "community_service")
DEMO_SCALE = "0.02"  # ~400 households: enough rows, about a minute to build

# what must survive the upgrade unchanged: numbers of records ...
COUNTS = {
    "residents": "SELECT count(*) FROM community_resident",
    "households": "SELECT count(*) FROM community_household",
    "cases": "SELECT count(*) FROM grid_case",
    "budgets": "SELECT count(*) FROM crossovered_budget",
    "budget lines": "SELECT count(*) FROM crossovered_budget_lines",
    "allocations": "SELECT count(*) FROM finance_allocation",
    "allocation years": "SELECT count(DISTINCT year) FROM finance_allocation",
    "subsidy runs": "SELECT count(*) FROM finance_subsidy_run",
    "subsidy standards": "SELECT count(*) FROM finance_subsidy_standard",
    "fund standards": "SELECT count(*) FROM finance_fund_standard",
    "admission requests": "SELECT count(*) FROM community_admission_request",
}
# ... the year of every record of these tables ...
YEAR_TABLES = ("finance_allocation", "crossovered_budget",
               "finance_subsidy_run", "community_admission_request")
# ... and the validity dates: (start, end), each the first column of its
# names that the table has (the new name first)
VALIDITY = {
    table: (("date_start", "date_from"), ("date_end", "date_to"))
    for table in ("finance_subsidy_standard", "finance_subsidy_run",
                  "finance_fund_standard")
}

# run in the baseline's Odoo shell after its demo street: records the demo
# has none of, so that their columns' migration is checked too
SEED = """
for year, month in (("2025", "12"), ("2026", "1")):
    env["finance.subsidy.run"].create({"year": year, "month": month})
env["finance.subsidy.standard"].create({
    "name": "upgrade test", "post_code": "upgrade_test", "amount": 100,
    "date_from": "2018-01-01", "date_to": "2019-12-31"})
env["finance.fund.standard"].search([], order="id", limit=1).date_end = \\
    "2030-12-31"
env.cr.commit()
"""

# the baseline's own scripts/lib.sh (ROOT = the baseline tree), with this
# tree's virtualenv and database server: no setup-venv.sh or pg.sh of the
# baseline, which would point the shared virtualenv at the temporary tree
BUILD = """
set -euo pipefail
. "$BASE/scripts/lib.sh"
conf="$ROOT/var/odoo.conf"
write_odoo_conf "$conf" "$DB_NAME" 0
create_demo_db "$conf" "$DB_NAME"
odoo shell -c "$conf" -d "$DB_NAME" --log-level=warn --max-cron-threads=0 \\
    <"$BASE/seed.py"
"""

LOG_ERROR = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (ERROR|CRITICAL) .*"
    r"|Traceback \(most recent call last\)", re.MULTILINE)
# bin/run updates with --log-level=warn: a clean update prints no warning
# either (a column Odoo could not convert, a missing access rule, ...)
LOG_WARNING = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ WARNING .*", re.MULTILINE)
#: what bin/run prints between the update and the server
SERVING = "[run] serving http://"


def pg_env(options):
    return dict(os.environ, DB_HOST=options["db_host"],
                DB_PORT=str(options["db_port"]), DB_USER=options["db_user"],
                DB_PASSWORD=options.get("db_password") or "",
                PGPASSWORD=options.get("db_password") or "")


def connect(options, name):
    return psycopg2.connect(
        host=options["db_host"], port=options["db_port"],
        user=options["db_user"], password=options.get("db_password") or "",
        dbname=name)


def drop(options, name, *filestores):
    subprocess.run(
        ["dropdb", "--if-exists", "-h", options["db_host"], "-p",
         str(options["db_port"]), "-U", options["db_user"], name],
        env=pg_env(options), check=True, timeout=120)
    for filestore in filestores:
        subprocess.run(["rm", "-rf", str(filestore / name)], check=True)


def extract_baseline(directory):
    """The baseline's trees in ``directory``; fails (never skips) when the
    clone lacks the commit, so that CI cannot pass without the check."""
    known = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", BASELINE + "^{commit}"],
        capture_output=True, text=True)
    if known.returncode:
        pytest.fail(
            "the baseline commit %s is not in this clone (%s): the upgrade "
            "test needs the history; fetch it (git fetch --unshallow) or "
            "clone without --depth" % (BASELINE, known.stderr.strip()))
    archive = subprocess.Popen(
        ["git", "-C", str(ROOT), "archive", BASELINE, *TREES],
        stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(directory)], stdin=archive.stdout,
                   check=True)
    archive.stdout.close()
    assert archive.wait() == 0, "git archive %s failed" % BASELINE
    return directory


def check_same_requirements(base):
    """The baseline runs on this tree's virtualenv: only valid if it pins
    exactly the same packages."""
    mine = ROOT / "requirements"
    names = sorted({path.name for path in mine.iterdir()}
                   | {path.name for path in (base / "requirements").iterdir()})
    differ = [name for name in names
              if not (mine / name).exists()
              or not (base / "requirements" / name).exists()
              or (mine / name).read_bytes()
              != (base / "requirements" / name).read_bytes()]
    if differ:
        pytest.fail(
            "requirements/%s of the baseline %s differ from this tree's: the "
            "upgrade test builds the baseline's database with this tree's "
            "virtualenv, which is then not what the baseline ran on. Give the "
            "baseline a virtualenv of its own pins here, or move BASELINE to "
            "the release that brought the new pins."
            % (", requirements/".join(differ), BASELINE))


def build_baseline_db(options, base, name, log_path):
    (base / "seed.py").write_text(SEED)
    env = pg_env(options)
    env.update(BASE=str(base), DB_NAME=name, VENV=sys.prefix,
               # the baseline's compat layer, before this tree's .pth one
               PYTHONPATH=str(base / "compat"),
               DEMO_SCALE=DEMO_SCALE, DEMO_SEED="1")
    with open(log_path, "w") as log:
        result = subprocess.run(["bash", "-c", BUILD], cwd=base, env=env,
                                stdout=log, stderr=subprocess.STDOUT,
                                timeout=1200)
    if result.returncode:
        pytest.fail("the baseline %s could not build its demo database:\n%s"
                    % (BASELINE, log_path.read_text()[-6000:]))


def columns(cr, table):
    cr.execute("""
        SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = %s
    """, (table,))
    return {row[0] for row in cr.fetchall()}


def as_year(value):
    """A year as an int whether stored as Char ('2026') or Integer."""
    if value is None or not str(value).strip().isdigit():
        return value
    return int(value)


def snapshot(options, name):
    with connect(options, name) as conn, conn.cursor() as cr:
        counts = {}
        for label, query in COUNTS.items():
            cr.execute(query)
            counts[label] = cr.fetchone()[0]
        years = {}
        for table in YEAR_TABLES:
            cr.execute(sql.SQL("SELECT id, year FROM {}").format(
                sql.Identifier(table)))
            years[table] = {id_: as_year(year) for id_, year in cr.fetchall()}
        validity, used = {}, {}
        for table, candidates in VALIDITY.items():
            present = columns(cr, table)
            names = [next((column for column in names if column in present),
                          None) for names in candidates]
            assert None not in names, "%s has no validity columns %s: %s" % (
                table, candidates, sorted(present))
            used[table] = names
            cr.execute(sql.SQL("SELECT id, {}, {} FROM {}").format(
                sql.Identifier(names[0]), sql.Identifier(names[1]),
                sql.Identifier(table)))
            validity[table] = {row[0]: row[1:] for row in cr.fetchall()}
    conn.close()
    return {"counts": counts, "years": years, "validity": validity,
            "columns": used}


def update_with_bin_run(name, log_path):
    """``UPDATE=1 bin/run`` on ``name`` until it serves /web/login."""
    port = free_port()
    env = dict(os.environ, DB_NAME=name, HTTP_PORT=str(port), UPDATE="1")
    with open(log_path, "w") as log:
        proc = subprocess.Popen([str(ROOT / "bin" / "run")], cwd=ROOT,
                                env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    url = "http://127.0.0.1:%d/web/login" % port
    status = None
    try:
        deadline = time.time() + 900
        while status != 200:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    status = response.status
            except OSError:
                pass
            if status != 200 and (proc.poll() is not None
                                  or time.time() > deadline):
                pytest.fail("UPDATE=1 bin/run did not serve /web/login:\n%s"
                            % log_path.read_text()[-6000:])
            time.sleep(1)
    finally:
        stop(proc)
    return status


def stop(proc):
    """Stop bin/run's process group (the server it became), if still up."""
    for sig, timeout in ((signal.SIGTERM, 60), (signal.SIGKILL, 30)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break  # ended (the failed update exits by itself)
        try:
            proc.wait(timeout=timeout)
            break
        except subprocess.TimeoutExpired:
            continue
    proc.wait(timeout=30)


def manifest_version(addon):
    manifest = ROOT / "addons" / addon / "__manifest__.py"
    return adapt_version(ast.literal_eval(manifest.read_text())["version"])


def module_states(options, name):
    with connect(options, name) as conn, conn.cursor() as cr:
        cr.execute("""
            SELECT name, state, latest_version FROM ir_module_module
            WHERE name = ANY(%s)
        """, (list(ADDONS),))
        ours = {row[0]: row[1:] for row in cr.fetchall()}
        cr.execute("""
            SELECT name, state FROM ir_module_module
            WHERE state IN ('to install', 'to upgrade', 'to remove')
        """)
        pending = cr.fetchall()
    conn.close()
    return ours, pending


def refreshed_records(options, name):
    """The values of records shipped ``noupdate`` that the migrations bring
    up to date: the award rules of the street's staff, the grid-coverage
    tile's drill-down and the roles whose work page shows the clerk tiles."""
    conn = connect(options, name)
    with conn, conn.cursor() as cr:
        # sql: reads the upgraded test database's own rows
        cr.execute("""
            SELECT d.name, r.domain_force FROM ir_model_data d
              JOIN ir_rule r ON r.id = d.res_id
             WHERE d.module = 'community_eval' AND d.model = 'ir.rule'
               AND d.name LIKE 'eval_title_award_rule_%'""")
        rules = dict(cr.fetchall())
        # sql: reads the upgraded test database's own rows
        cr.execute("""
            SELECT k.drill_down FROM ir_model_data d
              JOIN community_kpi k ON k.id = d.res_id
             WHERE d.module = 'community_grid'
               AND d.name = 'community_kpi_grid_coverage'""")
        drill_down = cr.fetchone()[0]
        # sql: reads the upgraded test database's own rows
        cr.execute("""
            SELECT d.name, count(rel.*) FROM ir_model_data d
              LEFT JOIN community_kpi_work_group_rel rel
                     ON rel.kpi_id = d.res_id
             WHERE d.module = 'community_base' AND d.name IN (
                   'community_kpi_residents', 'community_kpi_moves_month')
             GROUP BY d.name""")
        work_groups = dict(cr.fetchall())
    conn.close()
    return rules, drill_down, work_groups


def post_cron_code(options, name):
    """The code of the volunteer posts' daily action, which community_base
    11.0.1.2.0 moves to ``community.term.mixin``'s method."""
    conn = connect(options, name)
    with conn, conn.cursor() as cr:
        # sql: reads the upgraded test database's own rows
        cr.execute("""
            SELECT s.code FROM ir_model_data d
              JOIN ir_cron c ON c.id = d.res_id
              JOIN ir_act_server s ON s.id = c.ir_actions_server_id
             WHERE d.module = 'community_base'
               AND d.name = 'community_post_cron_archive_ended'""")
        code = cr.fetchone()[0]
    conn.close()
    return code.strip()


def finance_setup_records(options, name):
    """What community_finance 11.0.1.2.0 completes in a street set up
    before: the streets lacking an account for a shipped expense category,
    the funds of approved admission requests still without a transfer
    entry, and the bases of the shipped office-fund standards."""
    conn = connect(options, name)
    with conn, conn.cursor() as cr:
        # sql: reads the upgraded test database's own rows
        cr.execute("""
            SELECT count(*) FROM res_company c
              JOIN ir_model_data d ON d.module = 'community_finance'
                   AND d.model = 'finance.expense.category'
             WHERE c.finance_expense_account_id IS NOT NULL
               AND NOT EXISTS (
                   SELECT 1 FROM finance_expense_category_account_rel r
                     JOIN account_account a ON a.id = r.account_id
                    WHERE r.category_id = d.res_id
                      AND a.company_id = c.id)""")
        streets_lacking = cr.fetchone()[0]
        # sql: reads the upgraded test database's own rows
        cr.execute("""
            SELECT count(*) FROM finance_fund
             WHERE admission_request_id IS NOT NULL
               AND transfer_move_id IS NULL""")
        waiting = cr.fetchone()[0]
        # sql: reads the upgraded test database's own rows
        cr.execute("""
            SELECT DISTINCT band_basis FROM finance_fund_standard
             WHERE code = 'OFF'""")
        bases = {row[0] for row in cr.fetchall()}
    conn.close()
    return streets_lacking, waiting, bases


def test_update_bin_run_upgrades_a_database_of_the_last_release(
        odoo_conf, artifacts_dir, tmp_path):
    _path, options = odoo_conf
    base = extract_baseline(tmp_path)
    check_same_requirements(base)
    name = "%s_upgrade" % options["db_name"]
    filestores = (base / "var" / "data" / "filestore",
                  ROOT / "var" / "data" / "filestore")
    drop(options, name, *filestores)
    try:
        build_baseline_db(options, base, name,
                          artifacts_dir / "upgrade-baseline.log")
        # the files of the database go along with it, as in scripts/lib.sh's
        # copy_db, to where this tree's bin/run keeps them
        filestores[1].mkdir(parents=True, exist_ok=True)
        if (filestores[0] / name).exists():
            subprocess.run(["mv", str(filestores[0] / name),
                            str(filestores[1] / name)], check=True)
        before = snapshot(options, name)
        empty = [label for label, count in before["counts"].items()
                 if not count]
        assert not empty, "the baseline's database has no %s" % empty

        log_path = artifacts_dir / "upgrade-bin-run.log"
        status = update_with_bin_run(name, log_path)
        assert status == 200

        text = log_path.read_text()
        errors = [match.group(0) for match in LOG_ERROR.finditer(text)]
        assert not errors, "errors in %s: %s" % (log_path, errors)
        assert SERVING in text
        warnings = [match.group(0) for match in
                    LOG_WARNING.finditer(text.split(SERVING)[0])]
        assert not warnings, "the update warned (%s): %s" % (log_path,
                                                             warnings)
        ours, pending = module_states(options, name)
        assert ours == {addon: ("installed", manifest_version(addon))
                        for addon in ADDONS}
        assert not pending, "modules left half-way: %s" % pending

        after = snapshot(options, name)
        assert after["counts"] == before["counts"]
        for table, years in before["years"].items():
            assert after["years"][table] == years, "the years of %s" % table
        for table, dates in before["validity"].items():
            assert after["validity"][table] == dates, (
                "the validity of %s (%s before the upgrade, %s after)"
                % (table, before["columns"][table], after["columns"][table]))
        rules, drill_down, work_groups = refreshed_records(options, name)
        for rule in ("leader", "street_clerk", "street_admin"):
            assert "campaign_id.company_id" in rules[
                "eval_title_award_rule_%s" % rule], rules
        assert drill_down == "missing"
        assert work_groups == {"community_kpi_residents": 1,
                               "community_kpi_moves_month": 1}
        assert post_cron_code(options, name) == (
            "model._archive_ended_terms()")
        streets_lacking, waiting, bases = finance_setup_records(
            options, name)
        assert streets_lacking == 0
        assert waiting == 0
        assert bases == {"residents"}
    finally:
        drop(options, name, *filestores)
