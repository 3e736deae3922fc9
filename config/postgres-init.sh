#!/bin/bash
# Run once by the postgres image when its data volume is first initialised
# (mounted into /docker-entrypoint-initdb.d by docker-compose.yml): Odoo's
# own role, which may create databases but is no superuser.
set -e  # also right when the image sources this file instead of running it
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres \
    -v user="$ODOO_DB_USER" -v pass="$ODOO_DB_PASSWORD" <<'EOSQL'
CREATE ROLE :"user" LOGIN CREATEDB PASSWORD :'pass';
-- Odoo 11 parses floats as PostgreSQL < 12 printed them (999.9975, not
-- 999.9975000000001).
ALTER ROLE :"user" SET extra_float_digits = 0;
EOSQL
