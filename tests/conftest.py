"""Fixtures of the integration tests: a real Odoo server on the test database.

bin/test installs the four addons into a fresh test database and exports
ODOO_TEST_CONF (the Odoo config it wrote); these fixtures start the server
from that config in a subprocess, as production runs it.
"""
import os
from configparser import ConfigParser
from pathlib import Path

import pytest
from server_process import ROOT, running_odoo

ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def odoo_conf():
    path = os.environ.get("ODOO_TEST_CONF")
    if not path or not Path(path).exists():
        pytest.fail("ODOO_TEST_CONF is not set: run the tests with bin/test")
    parser = ConfigParser()
    parser.read(path)
    return path, dict(parser["options"])


@pytest.fixture(scope="session")
def artifacts_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def odoo_server(odoo_conf, artifacts_dir):
    """Base URL of a threaded Odoo server on the test database."""
    conf_path, options = odoo_conf
    log_path = artifacts_dir / "odoo-server.log"
    with running_odoo(conf_path, log_path, "--workers=0") as url:
        yield {"url": url, "db": options["db_name"], "log": log_path}


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright, shared by a module's tests."""
    # imported here: only the browser tests need Playwright
    from playwright.sync_api import sync_playwright
    from test_browser_menus import CHROMIUM, CHROMIUM_ARGS
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=CHROMIUM_ARGS)
        yield browser
        browser.close()
