"""The security promises of the production configuration (issue 9, item 3):
no database manager, one database pinned by an anchored filter, a master
password that is set and not a default, the proxy trusted for the client's
address (which the login lock-out counts by), each documented in
docs/deploy.md. Read from config/odoo.production.conf as Odoo reads it and
from the config scripts/docker-entrypoint.sh renders (no Docker needed)."""
import configparser
import os
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ENTRYPOINT = REPO / "scripts" / "docker-entrypoint.sh"
PROD_CONF = REPO / "config" / "odoo.production.conf"
DEPLOY_DOC = REPO / "docs" / "deploy.md"
# Odoo's default master password and what example files suggest
DEFAULT_MASTERS = ["", "admin", "odoo", "changeme", "change-me",
                   "CHANGE-ME-please", "Admin"]


def render(tmp_path, **env):
    """Run the entrypoint's rendering step with ``env``; return the result
    and the options of the rendered config (None when refused)."""
    conf = tmp_path / "odoo.conf"
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("DB_", "ODOO_"))}
    base.update(ODOO_CONF_TEMPLATE=str(PROD_CONF), ODOO_CONF=str(conf),
                DB_PASSWORD="db-s3cret", **env)
    result = subprocess.run(["bash", str(ENTRYPOINT), "true"], env=base,
                            capture_output=True, text=True, timeout=60)
    if not conf.exists():
        return result, None
    parser = configparser.RawConfigParser()
    parser.read(conf)
    return result, parser["options"]


def test_template_turns_off_the_database_manager_and_trusts_the_proxy():
    parser = configparser.RawConfigParser()
    parser.read(PROD_CONF)
    options = parser["options"]
    assert options["list_db"] == "False"
    assert options["proxy_mode"] == "True"
    assert options["without_demo"] == "all"
    # the master password comes from the environment, never from the file
    assert re.fullmatch(r"\$\{ODOO_ADMIN_PASSWORD\}", options["admin_passwd"])


def test_rendered_dbfilter_is_anchored_to_the_one_database(tmp_path):
    result, options = render(tmp_path, DB_NAME="street_prod",
                             ODOO_ADMIN_PASSWORD="Xk3-9vQ!m2Lp-77")
    assert result.returncode == 0, result.stderr
    dbfilter = options["dbfilter"]
    assert dbfilter.startswith("^") and dbfilter.endswith("$")
    # not derived from the Host header (%h/%d): a forged Host picks nothing
    assert "%h" not in dbfilter and "%d" not in dbfilter
    assert re.match(dbfilter, "street_prod")
    for other in ("street_prod_copy", "street", "xstreet_prod", "postgres"):
        assert not re.match(dbfilter, other), other
    assert options["db_name"] == "street_prod"
    assert options["list_db"] == "False"
    assert options["admin_passwd"] == "Xk3-9vQ!m2Lp-77"


@pytest.mark.parametrize("master", DEFAULT_MASTERS + ["elevenchars"])
def test_entrypoint_refuses_a_weak_master_password(tmp_path, master):
    result, options = render(tmp_path, ODOO_ADMIN_PASSWORD=master)
    assert result.returncode != 0
    assert options is None
    assert "ODOO_ADMIN_PASSWORD" in result.stderr


def test_entrypoint_accepts_a_hashed_master_password(tmp_path):
    hashed = "$pbkdf2-sha512$25000$abc$def"
    result, options = render(tmp_path, ODOO_ADMIN_PASSWORD=hashed)
    assert result.returncode == 0, result.stderr
    assert options["admin_passwd"] == hashed


def test_deploy_doc_explains_each_setting():
    text = DEPLOY_DOC.read_text()
    section = text[text.index("## Security"):]
    for needle in ("list_db = False", "dbfilter", "ODOO_ADMIN_PASSWORD",
                   "proxy_mode = True", "auth_brute_force",
                   "password_security", "auditlog"):
        assert needle in section, needle


def test_lockout_trusts_the_compose_network_of_the_proxy():
    """Odoo believes X-Forwarded-For (for the login lock-out) only from the
    network nginx talks to it on: the subnet docker-compose.yml pins must be
    the default of the template's trusted_proxies and of the variable the
    compose file passes to Odoo, or every user would count as nginx."""
    compose = (REPO / "docker-compose.yml").read_text()
    subnet = re.search(r"subnet: \$\{COMPOSE_SUBNET:-([0-9./]+)\}", compose)
    assert subnet, "docker-compose.yml pins no subnet"
    assert "TRUSTED_PROXIES: ${COMPOSE_SUBNET:-%s}" % subnet.group(1) in compose
    parser = configparser.RawConfigParser()
    parser.read(PROD_CONF)
    assert parser["options"]["trusted_proxies"] == (
        "${TRUSTED_PROXIES:-%s}" % subnet.group(1))
