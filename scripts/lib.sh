# Shared by bin/run and bin/test: paths, the virtualenv, the database server
# and the Odoo configuration file. Source it; it defines functions only.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
ADDONS="community_base,community_grid,community_finance,community_eval,community_party,community_service"

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }

# The virtualenv (pinned deps, compat layer, lessc) and the database server;
# afterwards DB_HOST, DB_PORT, DB_USER, DB_PASSWORD are exported.
prepare_runtime() {
    "$ROOT/scripts/setup-venv.sh" "$@"
    "$ROOT/scripts/pg.sh" start
    eval "$("$ROOT/scripts/pg.sh" env)"
    export DB_HOST DB_PORT DB_USER DB_PASSWORD
    export PATH="$VENV/bin:$PATH"
}

# write_odoo_conf FILE DBNAME HTTP_PORT: an Odoo config for this checkout.
write_odoo_conf() {
    local file=$1 db=$2 port=$3 data_dir
    data_dir="$ROOT/var/data"
    mkdir -p "$(dirname "$file")" "$data_dir"
    sed -e "s|@ROOT@|$ROOT|g" -e "s|@DATA_DIR@|$data_dir|g" \
        -e "s|@DB_HOST@|$DB_HOST|g" -e "s|@DB_PORT@|$DB_PORT|g" \
        -e "s|@DB_USER@|$DB_USER|g" -e "s|@DB_PASSWORD@|$DB_PASSWORD|g" \
        -e "s|@DB_NAME@|$db|g" -e "s|@HTTP_PORT@|$port|g" \
        "$ROOT/config/odoo.conf.in" >"$file"
}

odoo() { "$VENV/bin/python" "$ROOT/bin/odoo-server" "$@"; }

# installed_addons DB: our addons installed in DB, comma-separated (empty
# when DB does not exist or holds none of them).
installed_addons() {
    PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
        -d "$1" -tAc "SELECT string_agg(name, ',' ORDER BY name)
                      FROM ir_module_module WHERE state = 'installed'
                       AND name = ANY(string_to_array('$ADDONS', ','))" \
        2>/dev/null || true
}

# missing_addons DB: our addons not installed in DB, comma-separated (an
# addon added by a release, such as community_party, on a database of the
# release before).
missing_addons() {
    local installed
    installed=",$(installed_addons "$1"),"
    tr ',' '\n' <<<"$ADDONS" | while read -r addon; do
        [[ $installed == *",$addon,"* ]] || printf '%s\n' "$addon"
    done | paste -sd, -
}

# db_has_addons DB: true when DB exists with all our addons installed.
db_has_addons() {
    [ -z "$(missing_addons "$1")" ]
}

drop_db() {
    PGPASSWORD=$DB_PASSWORD dropdb -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
        --if-exists "$1"
    rm -rf "$ROOT/var/data/filestore/$1"
}

# copy_db SOURCE TARGET: TARGET becomes a copy of SOURCE (database and
# filestore); nobody may be connected to SOURCE.
copy_db() {
    drop_db "$2"
    PGPASSWORD=$DB_PASSWORD createdb -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" \
        -T "$1" "$2"
    if [ -d "$ROOT/var/data/filestore/$1" ]; then
        mkdir -p "$ROOT/var/data/filestore"
        cp -a "$ROOT/var/data/filestore/$1" "$ROOT/var/data/filestore/$2"
    fi
}

# create_demo_db CONF DB: install the five addons with zh_CN into a fresh
# database DB and generate the demo street (DEMO_SEED, DEMO_SCALE), dated
# from the day it is built (DEMO_TODAY=YYYY-MM-DD to date it otherwise), as
# the product's first start does (bin/run; the benchmarks at scale 1.0
# too). Without Odoo's and OCA's demo data: the street is all generated.
create_demo_db() {
    local conf=$1 db=$2
    drop_db "$db"
    odoo -c "$conf" -d "$db" -i "$ADDONS" --without-demo=all \
        --load-language=zh_CN \
        --stop-after-init --log-level=warn --max-cron-threads=0
    odoo shell -c "$conf" -d "$db" --log-level=warn --max-cron-threads=0 \
        <"$ROOT/scripts/init_demo_db.py"
    log "generating the demo street (seed ${DEMO_SEED:-1}, scale ${DEMO_SCALE:-0.05})"
    DEMO_SEED=${DEMO_SEED:-1} DEMO_SCALE=${DEMO_SCALE:-0.05} \
        odoo shell -c "$conf" -d "$db" --log-level=warn --max-cron-threads=0 \
        <"$ROOT/scripts/generate_demo.py"
    warm_assets "$conf" "$db"
}

# warm_assets CONF DB: compile the login page's and the web client's asset
# bundles (lessc, concatenation) into DB now, as the first request after an
# install or upgrade would: otherwise the first user to log in waits for
# them (bench/RESULTS.md, board_landing). The bundle's list of modules is
# the one a request computes (module_boot), so that the request finds the
# same checksum and serves these attachments instead of compiling again.
# Not fatal: without it the first login compiles them, as before.
warm_assets() {
    odoo shell -c "$1" -d "$2" --log-level=warn --max-cron-threads=0 \
        --no-http <"$ROOT/scripts/warm_assets.py" \
        || log "asset bundles not compiled now: the first login will"
}
