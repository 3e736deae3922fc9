#!/usr/bin/env bash
# Run Odoo 11.0's own test suites on this interpreter (CPython 3.11 + the
# compat layer) and count, per module: tests run, failures, errors.
#
# Each argument is a group: a module, or modules joined by commas that must
# be tested together. Each group gets its own scratch database
# (compat_own_<group>), dropped and recreated on every run: the group's
# dependencies are installed first *without* tests, then the group is
# installed with --test-enable, so only the group's own tests run (at-install
# and post-install, plus its YAML tests). A group with base, or with a module
# base auto-installs (web, base_import, web_editor), is installed in one step
# on the new database and lists their tests too. `l10n_generic_coa` is installed
# with `account` (in the group with it, or before a group that needs it), so
# that the accounting tests have a chart.
#
# Not part of the default test run (bin/test): a few minutes per group.
#
#   DB_HOST=127.0.0.1 DB_PORT=5499 scripts/odoo-own-tests.sh base web mail
#
# Environment: DB_HOST, DB_PORT, DB_USER, DB_PASSWORD (127.0.0.1, 5433, odoo,
# odoo); JOBS groups run in parallel (1); HTTP_PORT first port for the
# HttpCase server, one per parallel group (8169); LOG_DIR where the logs go
# (/tmp/odoo-own-tests); KEEP_DB=1 keeps the databases afterwards.
# REPORT_ONLY=1 prints the table from the logs of a previous run.
# Exit status: 0 when every group installed and no test failed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-5433}
DB_USER=${DB_USER:-odoo}
DB_PASSWORD=${DB_PASSWORD:-odoo}
JOBS=${JOBS:-1}
HTTP_PORT=${HTTP_PORT:-8169}
LOG_DIR=${LOG_DIR:-/tmp/odoo-own-tests}
KEEP_DB=${KEEP_DB:-0}
# web, base_import and web_editor are auto-installed, hence tested, with base
DEFAULT_GROUPS=(base mail account account_budget hr project resource product)

log() { printf '[own-tests] %s\n' "$*" >&2; }

[ $# -gt 0 ] && groups=("$@") || groups=("${DEFAULT_GROUPS[@]}")

# PostgreSQL 12 prints floats in their shortest exact form (999.9975000000001)
# unless extra_float_digits is 0, which Odoo 11 expects: scripts/pg.sh sets
# it on the role. Say so when this server's role lacks it, and set it for
# these runs so that the counts are about Python.
efd=$(PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
      -d postgres -Atc 'SHOW extra_float_digits' 2>/dev/null || echo "?")
if [ "$efd" != 0 ] && [ "${REPORT_ONLY:-0}" != 1 ]; then
    log "role $DB_USER has extra_float_digits=$efd, not 0 (see scripts/pg.sh);" \
        "using PGOPTIONS for this run"
    export PGOPTIONS="${PGOPTIONS:-} -c extra_float_digits=0"
fi
export PATH=$VENV/bin:$PATH
mkdir -p "$LOG_DIR"

odoo() {
    "$VENV/bin/python" "$ROOT/bin/odoo-server" \
        --db_host "$DB_HOST" --db_port "$DB_PORT" -r "$DB_USER" -w "$DB_PASSWORD" \
        --stop-after-init --max-cron-threads 0 "$@"
}

# Prints the comma-separated modules to install before the group (its
# dependency closure minus the group), and the group itself, one per line.
# A group that base installs by itself (auto_install modules such as web,
# base_import, web_editor) or that contains base is installed in one step on
# the new database: base's tests and those of everything it auto-installs
# then run too, and are listed under that group.
plan() {
    "$VENV/bin/python" - "$1" <<'EOF'
import sys
from odoo.modules.module import load_information_from_description_file as info

group = [m for m in sys.argv[1].split(",") if m]
closure, todo = set(), list(group)
while todo:
    name = todo.pop()
    if name not in closure:
        closure.add(name)
        todo.extend(info(name).get("depends", []))
# the accounting tests need a chart: install the generic one with account
# (account's post_init_hook would install it anyway, a country-less company
# gets it), before a group that only depends on account
if "account" in group and "l10n_generic_coa" not in group:
    group.append("l10n_generic_coa")
elif "account" in closure:
    closure.add("l10n_generic_coa")
# base is installed when the database is created: a group with base is
# installed in one step, so that base's own tests run.
one_step = "base" in group or any(info(m).get("auto_install") for m in group)
deps = [] if one_step else sorted(closure - set(group))
print(",".join(deps) or "-")
print(",".join(group))
EOF
}

run_group() {
    local group=$1 port=$2
    local db="compat_own_${group//,/_}" logfile="$LOG_DIR/${group//,/_}.log"
    local deps modules
    { read -r deps; read -r modules; } < <(plan "$group")
    : >"$logfile"
    log "$group: database $db, dependencies $deps (no tests)"
    PGPASSWORD=$DB_PASSWORD dropdb -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
        --if-exists "$db"
    if [ "$deps" != - ] && ! odoo -d "$db" -i "$deps" --http-port "$port" \
            --log-level=warn >>"$logfile" 2>&1; then
        echo "INSTALL-FAILED $deps" >>"$logfile"
    fi
    log "$group: installing $modules with --test-enable (log: $logfile)"
    odoo -d "$db" -i "$modules" --test-enable --log-level=test \
        --http-port "$port" >>"$logfile" 2>&1 || true
    [ "$KEEP_DB" = 1 ] || PGPASSWORD=$DB_PASSWORD dropdb -h "$DB_HOST" \
        -p "$DB_PORT" -U "$DB_USER" --if-exists "$db"
    log "$group: done"
}

i=0
[ "${REPORT_ONLY:-0}" = 1 ] && groups_to_run=() || groups_to_run=("${groups[@]}")
for group in "${groups_to_run[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do sleep 2; done
    run_group "$group" $((HTTP_PORT + i % JOBS)) &
    i=$((i + 1))
done
wait

logs=()
for group in "${groups[@]}"; do logs+=("$LOG_DIR/${group//,/_}.log"); done
"$VENV/bin/python" - "${logs[@]}" <<'EOF'
"""Count tests run / failures / errors per module in Odoo 11 test logs.

``run_unit_tests`` (odoo/modules/module.py) runs each ``tests/test_*.py``
with a TextTestRunner whose stream logs through the logger named after the
test module (``odoo.addons.<module>.tests.test_x``): "Ran N tests in",
"FAIL: ...", "ERROR: ...", "OK (skipped=N)". YAML test failures are logged
by ``odoo.tests`` as "module <m>: an exception occurred in a test", and test
modules that do not import by ``odoo.modules.module`` as "Can not `import
<m>`" (counted as errors).
"""
import collections
import os
import re
import sys

LINE = re.compile(r"^\S+ \S+ \d+ (?P<level>[A-Z_]+|\w+) \S+ (?P<logger>\S+): "
                  r"(?P<msg>.*)$")
TEST_LOGGER = re.compile(r"^odoo\.addons\.(?P<module>\w+)\.tests\b")
counts = collections.defaultdict(lambda: collections.Counter())
failed = False
for path in sys.argv[1:]:
    group = path.rsplit("/", 1)[-1][:-4]
    if not os.path.exists(path):
        counts[(group, "(no log)")]["errors"] += 1
        continue
    with open(path, errors="replace") as log:
        for line in log:
            if line.startswith("INSTALL-FAILED"):
                counts[(group, "(install deps)")]["errors"] += 1
            m = LINE.match(line.rstrip("\n"))
            if not m:
                continue
            logger, msg = m["logger"], m["msg"]
            t = TEST_LOGGER.match(logger)
            if t:
                c = counts[(group, t["module"])]
                ran = re.match(r"Ran (\d+) tests? in", msg)
                if ran:
                    c["run"] += int(ran[1])
                elif msg.startswith("FAIL:"):
                    c["failures"] += 1
                elif msg.startswith("ERROR:"):
                    c["errors"] += 1
                # "OK (skipped=2)", written in two pieces: "OK", " (skipped=2)"
                skipped = re.match(r"^(OK|FAILED)? *\(.*skipped=(\d+)", msg)
                if skipped:
                    c["skipped"] += int(skipped[2])
            elif logger == "odoo.tests":
                y = re.match(r"module (\w+): an exception occurred in a test", msg)
                if y:
                    counts[(group, y[1])]["yaml errors"] += 1
            elif msg.startswith("Can not `import"):
                counts[(group, msg.split("`")[1].split()[-1])]["errors"] += 1
            elif "Failed to initialize database" in msg:
                counts[(group, "(install)")]["errors"] += 1

cols = ("run", "failures", "errors", "yaml errors", "skipped")
print("%-24s %-22s %6s %9s %7s %12s %8s" % (("group", "module") + cols))
for (group, module), c in sorted(counts.items()):
    print("%-24s %-22s %6d %9d %7d %12d %8d"
          % ((group, module) + tuple(c[k] for k in cols)))
    failed |= bool(c["failures"] or c["errors"] or c["yaml errors"])
sys.exit(1 if failed else 0)
EOF
