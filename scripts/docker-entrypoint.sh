#!/usr/bin/env bash
# Entrypoint of the production image (see Dockerfile, docs/deploy.md).
# Renders the Odoo config from its template and the environment, refuses an
# unsafe one, waits for PostgreSQL, then runs Odoo. Arguments:
#   (none) or --options...   Odoo server with those options (-i, -u, ...)
#   shell [--options...]     Odoo shell on the configured database
#   warm-assets              compile the web client's asset bundles now (after
#                            -i/-u, so that the first login does not wait)
#   anything else            run as is (a debugging shell, tar for backups)
set -euo pipefail

TEMPLATE=${ODOO_CONF_TEMPLATE:-/etc/odoo/odoo.production.conf}
CONF=${ODOO_CONF:-/etc/odoo/odoo.conf}
PYTHON=${ODOO_PYTHON:-/opt/venv/bin/python}
SERVER=${ODOO_SERVER:-/app/bin/odoo-server}

die() { echo "docker-entrypoint: $*" >&2; exit 1; }

[[ -r $TEMPLATE ]] || die "no config template at $TEMPLATE"

# ${NAME} must be set (or NAME_FILE must name a file holding it, as Docker
# secrets do); ${NAME:-default} falls back. Plain python3: the venv's would
# load Odoo's compat layer for nothing.
python3 - "$TEMPLATE" "$CONF" <<'EOF' || exit 1
import configparser, os, re, sys

template, target = sys.argv[1:]
missing, bad = [], []

def lookup(match):
    name, default = match.group(1), match.group(3)
    value = os.environ.get(name, "")
    if not value and os.environ.get(name + "_FILE"):
        with open(os.environ[name + "_FILE"]) as f:
            value = f.read().strip()
    if not value:
        if default is None:
            missing.append(name)
            return ""
        value = default
    if "\n" in value or "\r" in value:
        bad.append(name)
    return value

pattern = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}")
with open(template) as f:
    # Comment lines are left alone: they may show the syntax itself.
    text = "".join(
        line if line.lstrip().startswith((";", "#")) else pattern.sub(lookup, line)
        for line in f
    )
if missing:
    sys.exit("docker-entrypoint: set " + ", ".join(sorted(set(missing)))
             + " (see .env.example)")
if bad:
    sys.exit("docker-entrypoint: newline in " + ", ".join(bad))

parser = configparser.RawConfigParser()  # as Odoo reads it
parser.read_string(text)
options = parser["options"]
master = options.get("admin_passwd", "")
# Odoo's default and the placeholders people copy from examples.
if master.lower() in {"", "admin", "change-me", "changeme", "odoo"} \
        or "change-me" in master.lower() \
        or (len(master) < 12 and not master.startswith("$pbkdf2")):
    sys.exit("docker-entrypoint: refusing to start with a default or short "
             "master password (admin_passwd): set ODOO_ADMIN_PASSWORD to 12+ "
             "random characters, e.g. openssl rand -base64 24")
if "change-me" in options.get("db_password", ""):
    print("docker-entrypoint: warning: DB_PASSWORD is the compose default; "
          "set it in .env", file=sys.stderr)
if options.get("db_user") == "postgres":
    sys.exit("docker-entrypoint: db_user is 'postgres': use a CREATEDB role")

# Holds the passwords: readable by the odoo user only.
fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
with os.fdopen(fd, "w") as f:
    f.write(text)
EOF

wait_for_db() {
    # compose waits for the db healthcheck, other orchestrators may not.
    local host port deadline
    host=$(sed -n 's/^db_host *= *//p' "$CONF")
    port=$(sed -n 's/^db_port *= *//p' "$CONF")
    deadline=$((SECONDS + ${DB_WAIT_SECONDS:-60}))
    until pg_isready -q -h "$host" -p "$port" -t 2; do
        ((SECONDS < deadline)) || die "PostgreSQL at $host:$port does not answer"
        sleep 1
    done
}

if [[ $# -eq 0 || $1 == -* ]]; then
    wait_for_db
    exec "$PYTHON" "$SERVER" -c "$CONF" "$@"
elif [[ $1 == warm-assets ]]; then
    wait_for_db
    exec "$PYTHON" "$SERVER" shell -c "$CONF" --no-http --log-level=warn \
        --max-cron-threads=0 <"$(dirname "${BASH_SOURCE[0]}")/warm_assets.py"
elif [[ $1 == shell ]]; then
    shift
    wait_for_db
    exec "$PYTHON" "$SERVER" shell -c "$CONF" "$@"
else
    exec "$@"
fi
