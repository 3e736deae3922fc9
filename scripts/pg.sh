#!/usr/bin/env bash
# The project's PostgreSQL: an embedded cluster in <repo>/.pgdata for
# development, tests and CI, or an external server named in config/db.env.
#
#   scripts/pg.sh start|stop|status|env
#   eval "$(scripts/pg.sh env)"      # DB_HOST DB_PORT DB_USER DB_PASSWORD
#
# Every subcommand is safe to rerun: start converges (installs, creates, starts
# and fixes the role, each only when needed); stop on a stopped cluster and
# status change nothing.
# Settings (see config/db.env.example): config/db.env when it exists, values
# there win over the environment; PG_SH_CONFIG names another file (tests).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONFIG=${PG_SH_CONFIG:-$REPO/config/db.env}

die() { echo "pg.sh: error: $*" >&2; exit 1; }
say() { echo "pg.sh: $*" >&2; }

# --- settings ---------------------------------------------------------------
# `env` marks its own output with PG_SH_EMBEDDED=1, so that a shell that ran
# eval "$(scripts/pg.sh env)" (and so has DB_HOST=127.0.0.1) still means the
# embedded cluster; a DB_HOST written in the config file always means external.
if [[ -f $CONFIG ]]; then
    # shellcheck source=/dev/null
    if [[ $(unset DB_HOST; . "$CONFIG"; echo "${DB_HOST+set}") == set ]]; then
        unset PG_SH_EMBEDDED
    fi
    set -a
    # shellcheck source=/dev/null
    . "$CONFIG"
    set +a
fi
if [[ -z ${DB_HOST:-} || (${PG_SH_EMBEDDED:-} == 1 && $DB_HOST == 127.0.0.1) ]]; then
    EMBEDDED=1
    DB_HOST=127.0.0.1                   # TCP, like Odoo will connect
    DB_PORT=${DB_PORT:-5433}            # not 5432: leave the system's default free
else
    EMBEDDED=0
    DB_PORT=${DB_PORT:-5432}
fi
DB_USER=${DB_USER:-odoo}
DB_PASSWORD=${DB_PASSWORD:-odoo}
PG_DATA_DIR=${PG_DATA_DIR:-$REPO/.pgdata}
PG_SYSTEM_USER=${PG_SYSTEM_USER:-odoo-pg}
# PostgreSQL refuses to run as root; as another user it runs as that user.
if [[ $EUID -ne 0 ]]; then PG_SYSTEM_USER=$(id -un); fi
SUPERUSER=postgres                      # bootstrap role, reached only by socket

case $PG_DATA_DIR in /*) ;; *) PG_DATA_DIR=$PWD/$PG_DATA_DIR ;; esac
PG_DATA_DIR=${PG_DATA_DIR%/}

# --- helpers ----------------------------------------------------------------
# Run as the cluster's owner; from / so that a cwd it cannot read is no issue.
# Fd 9 (the lock, see lock()) is closed for them: a postmaster that inherited
# it would hold the lock for as long as it runs.
as_pg() {
    if [[ $EUID -ne 0 ]]; then
        (cd / && "$@" 9<&-)
    elif command -v runuser >/dev/null; then
        (cd / && runuser -u "$PG_SYSTEM_USER" -- "$@" 9<&-)
    else
        (cd / && su -s /bin/sh -c "$(printf '%q ' "$@")" "$PG_SYSTEM_USER" 9<&-)
    fi
}

# The server binaries: PG_BIN_DIR; else those matching an existing cluster;
# else the highest /usr/lib/postgresql/*/bin; else pg_config --bindir.
find_bindir() {
    local d ver=""
    if [[ -n ${PG_BIN_DIR:-} ]]; then echo "$PG_BIN_DIR"; return; fi
    [[ -r $PG_DATA_DIR/PG_VERSION ]] && ver=$(<"$PG_DATA_DIR/PG_VERSION")
    if [[ -n $ver && -x /usr/lib/postgresql/$ver/bin/pg_ctl ]]; then
        echo "/usr/lib/postgresql/$ver/bin"; return
    fi
    # shellcheck disable=SC2012  # version directories are plain numbers
    d=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n1)
    if [[ -n $d ]]; then dirname "$d"; return; fi
    if command -v pg_config >/dev/null; then
        d=$(pg_config --bindir 2>/dev/null || true)
        if [[ -x $d/initdb && -x $d/pg_ctl ]]; then echo "$d"; return; fi
    fi
}

install_server() {
    local pkg
    command -v apt-get >/dev/null || die "no PostgreSQL server binaries (looked in
  /usr/lib/postgresql/*/bin and pg_config --bindir) and no apt-get to install
  them: install a PostgreSQL server (12 or newer) and set PG_BIN_DIR to its bin/"
    [[ $EUID -eq 0 ]] || die "no PostgreSQL server binaries found; run this once
  as root so it can install them, or: sudo apt-get install postgresql"
    say "installing the PostgreSQL server with apt-get"
    # Only our own cluster is wanted: stop Debian from creating and starting
    # the system-wide 'main' cluster on port 5432.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false  # scripts/pg.sh runs its own cluster" \
        >/etc/postgresql-common/createcluster.d/50-pg-sh.conf
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 9<&- || die "apt-get update failed"
    if ! apt-get install -y -q --no-install-recommends postgresql >&2 9<&-; then
        # No metapackage: take the highest postgresql-NN the archive offers.
        pkg=$(apt-cache search --names-only '^postgresql-[0-9]+$' \
            | awk '{print $1}' | sort -V | tail -n1)
        [[ -n $pkg ]] || die "apt offers no PostgreSQL server package"
        apt-get install -y -q --no-install-recommends "$pkg" >&2 9<&- \
            || die "apt-get install $pkg failed"
    fi
}

ensure_system_user() {
    [[ $EUID -eq 0 ]] || return 0
    id -u "$PG_SYSTEM_USER" >/dev/null 2>&1 && return 0
    say "creating system user $PG_SYSTEM_USER"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$PG_SYSTEM_USER" \
        || die "could not create system user $PG_SYSTEM_USER"
}

# The server chdirs into its data dir: every parent must be enterable by the
# system user. A repo under /root (mode 700) is the usual trap.
check_traversal() {
    local d=${PG_DATA_DIR%/*} path=""
    (umask 022 && mkdir -p "${d:-/}")
    local IFS=/
    for part in $d; do
        [[ -z $part ]] && continue
        path+=/$part
        if ! as_pg test -x "$path"; then
            die "the PostgreSQL system user '$PG_SYSTEM_USER' cannot enter $path
  ($(stat -c '%A owner %U:%G' "$path")), so it cannot reach $PG_DATA_DIR.
  Fix one of: chmod o+x $path   or   PG_DATA_DIR=/var/lib/$PG_SYSTEM_USER/data"
        fi
    done
}

# "postgres (PostgreSQL) 15.18 (Debian ...)" -> 15, the PG_VERSION of a cluster.
server_major() { "$BIN/postgres" -V | sed -E 's/^[^0-9]*([0-9]+).*/\1/'; }

pick_locale() {
    # C.UTF-8 sorts like C (what Odoo's own CREATE DATABASE asks for) and keeps
    # UTF-8 character classes; every Debian glibc has it built in.
    if locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then echo C.UTF-8; else echo C; fi
}

init_cluster() {
    local locale log
    if [[ -e $PG_DATA_DIR && ! -e $PG_DATA_DIR/PG_VERSION ]] \
        && [[ -n $(ls -A "$PG_DATA_DIR") ]]; then
        die "$PG_DATA_DIR exists, is not empty and is no PostgreSQL cluster"
    fi
    mkdir -p "$PG_DATA_DIR"
    chown "$PG_SYSTEM_USER:" "$PG_DATA_DIR"
    chmod 700 "$PG_DATA_DIR"
    locale=$(pick_locale)
    log=$(mktemp)
    say "initdb $PG_DATA_DIR (PostgreSQL $(server_major), UTF8, $locale)"
    as_pg "$BIN/initdb" -D "$PG_DATA_DIR" -U "$SUPERUSER" --encoding=UTF8 \
        --locale="$locale" --auth-local=trust --auth-host=scram-sha-256 \
        >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; die "initdb failed"; }
    rm -f "$log"
    # The socket sits in the 0700 data dir, so 'trust' on it admits only the
    # system user (and root); everyone else comes by TCP with a password.
    as_pg tee "$PG_DATA_DIR/pg_hba.conf" >/dev/null <<'EOF'
# Written by scripts/pg.sh at initdb.
# TYPE  DATABASE USER ADDRESS       METHOD
local   all      all                trust
host    all      all  127.0.0.1/32  scram-sha-256
host    all      all  ::1/128       scram-sha-256
EOF
    echo "include_if_exists = 'pg_sh.conf'  # rewritten by scripts/pg.sh at each start" \
        | as_pg tee -a "$PG_DATA_DIR/postgresql.conf" >/dev/null
}

# Rewritten at each start, so a changed DB_PORT or PG_DATA_DIR takes effect.
write_settings() {
    as_pg tee "$PG_DATA_DIR/pg_sh.conf" >/dev/null <<EOF
# Written by scripts/pg.sh at each start; edits here are lost.
listen_addresses = '127.0.0.1'        # this machine only
port = $DB_PORT
unix_socket_directories = '${PG_DATA_DIR//\'/\'\'}'  # /var/run/postgresql may not exist
password_encryption = 'scram-sha-256'
EOF
}

is_running() {
    [[ -n $BIN && -e $PG_DATA_DIR/PG_VERSION ]] || return 1
    as_pg "$BIN/pg_ctl" status -D "$PG_DATA_DIR" >/dev/null 2>&1
}

running_port() { sed -n 4p "$PG_DATA_DIR/postmaster.pid" 2>/dev/null || true; }

# Odoo connects as DB_USER by TCP: a plain role that may create databases
# (Odoo's database manager and tests create them), never a superuser.
ensure_role() {
    local port=$1 lit=${DB_USER//\'/\'\'} ident=\"${DB_USER//\"/\"\"}\"
    local pass=${DB_PASSWORD//\'/\'\'}
    # SQL comes on stdin, so the password shows in no process list.
    as_pg "$BIN/psql" -X -q -h "$PG_DATA_DIR" -p "$port" -U "$SUPERUSER" \
        -d postgres -v ON_ERROR_STOP=1 >/dev/null <<EOF || die "could not set up role $DB_USER"
SELECT format('CREATE ROLE %I', '$lit') WHERE NOT EXISTS
    (SELECT 1 FROM pg_roles WHERE rolname = '$lit') \gexec
ALTER ROLE $ident WITH LOGIN CREATEDB NOSUPERUSER PASSWORD '$pass';
-- Odoo 11 parses floats as PostgreSQL <12 printed them; 12+ prints
-- 999.9975000000001 where 11 printed 999.9975.
ALTER ROLE $ident SET extra_float_digits = 0;
EOF
}

lock() {
    # Serialise concurrent starts/stops (bin/test and bin/run at once) on
    # the data dir's parent, which always exists and leaves no lock file.
    exec 9<"${PG_DATA_DIR%/*}/"
    flock -w 600 9 || die "timed out waiting for another pg.sh on $PG_DATA_DIR"
}

# --- subcommands --------------------------------------------------------------
cmd_env() {
    printf 'export DB_HOST=%q\nexport DB_PORT=%q\nexport DB_USER=%q\nexport DB_PASSWORD=%q\n' \
        "$DB_HOST" "$DB_PORT" "$DB_USER" "$DB_PASSWORD"
    if [[ $EMBEDDED -eq 1 ]]; then echo "export PG_SH_EMBEDDED=1"; fi
}

external_ready() {
    local isready
    isready=$(command -v pg_isready || true)
    [[ -z $isready && -n $BIN ]] && isready=$BIN/pg_isready
    if [[ -z $isready || ! -x $isready ]]; then
        say "pg_isready not found: cannot check $DB_HOST:$DB_PORT"; return 0
    fi
    "$isready" -q -t 5 -h "$DB_HOST" -p "$DB_PORT"
}

cmd_start() {
    if [[ $EMBEDDED -eq 0 ]]; then
        say "external server $DB_HOST:$DB_PORT (DB_HOST is set): nothing to start"
        external_ready || die "external server $DB_HOST:$DB_PORT is not accepting connections"
        return 0
    fi
    [[ $DB_USER != postgres ]] || die "DB_USER=postgres: Odoo refuses to run as 'postgres'"
    [[ -n $DB_PASSWORD ]] || die "DB_PASSWORD is empty: TCP logins need a password"
    local sock=$PG_DATA_DIR/.s.PGSQL.$DB_PORT
    (( ${#sock} < 108 )) || die "socket path $sock is too long (max 107): use a shorter PG_DATA_DIR"
    ensure_system_user
    check_traversal
    lock
    [[ -n $BIN ]] || { install_server; BIN=$(find_bindir); }
    [[ -n $BIN && -x $BIN/pg_ctl ]] || die "PostgreSQL server binaries still not found after install"
    if [[ -r $PG_DATA_DIR/PG_VERSION ]]; then
        local have want
        have=$(<"$PG_DATA_DIR/PG_VERSION")
        want=$(server_major)
        [[ $have == "$want" ]] || die "$PG_DATA_DIR was made by PostgreSQL $have but
  only $want is installed: apt-get install postgresql-$have, or remove the dir (loses its data)"
        local owner
        owner=$(stat -c %U "$PG_DATA_DIR")
        [[ $owner == "$PG_SYSTEM_USER" ]] || die "$PG_DATA_DIR belongs to $owner,
  not to $PG_SYSTEM_USER: set PG_SYSTEM_USER=$owner or chown -R $PG_SYSTEM_USER: $PG_DATA_DIR"
    else
        init_cluster
    fi
    if is_running; then
        local port
        port=$(running_port)
        [[ $port == "$DB_PORT" ]] || die "the cluster in $PG_DATA_DIR already runs on
  port $port, not $DB_PORT: scripts/pg.sh stop first"
        say "already running on 127.0.0.1:$DB_PORT"
    else
        if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$DB_PORT"; then
            die "another server already listens on 127.0.0.1:$DB_PORT: set DB_PORT"
        fi
        write_settings
        say "starting PostgreSQL on 127.0.0.1:$DB_PORT (log $PG_DATA_DIR/server.log)"
        # 9<&-: the server must not inherit the lock, or it holds it forever
        as_pg "$BIN/pg_ctl" start -D "$PG_DATA_DIR" -l "$PG_DATA_DIR/server.log" \
            -w -t 60 >/dev/null 9<&- || {
            tail -n 20 "$PG_DATA_DIR/server.log" >&2 || true
            die "PostgreSQL did not start (log above)"
        }
    fi
    for _ in $(seq 60); do
        "$BIN/pg_isready" -q -h 127.0.0.1 -p "$DB_PORT" && break
        sleep 0.5
    done
    "$BIN/pg_isready" -q -h 127.0.0.1 -p "$DB_PORT" \
        || die "PostgreSQL runs but does not answer on 127.0.0.1:$DB_PORT"
    ensure_role "$DB_PORT"
    say "ready: role $DB_USER on 127.0.0.1:$DB_PORT"
}

cmd_stop() {
    if [[ $EMBEDDED -eq 0 ]]; then
        say "external server $DB_HOST:$DB_PORT (DB_HOST is set): nothing to stop"
        return 0
    fi
    [[ -d ${PG_DATA_DIR%/*} ]] || { say "no cluster in $PG_DATA_DIR"; return 0; }
    lock
    if is_running; then
        as_pg "$BIN/pg_ctl" stop -D "$PG_DATA_DIR" -m fast -w -t 60 >/dev/null \
            || die "pg_ctl stop failed (see $PG_DATA_DIR/server.log)"
        say "stopped"
    else
        say "not running ($PG_DATA_DIR)"
    fi
}

cmd_status() {
    if [[ $EMBEDDED -eq 0 ]]; then
        if external_ready; then say "external server $DB_HOST:$DB_PORT accepts connections"; return 0; fi
        say "external server $DB_HOST:$DB_PORT does not answer"; return 3
    fi
    if is_running; then
        say "running on 127.0.0.1:$(running_port) (data $PG_DATA_DIR)"
    else
        say "not running ($PG_DATA_DIR)"; return 3
    fi
}

BIN=$(find_bindir)
case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    env) cmd_env ;;
    *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
