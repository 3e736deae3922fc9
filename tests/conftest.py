"""Fixtures of the integration tests: a real Odoo server on the test database.

bin/test installs the four addons into a fresh test database and exports
ODOO_TEST_CONF (the Odoo config it wrote); these fixtures start the server
from that config in a subprocess, as production runs it.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from configparser import ConfigParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    """Base URL of an Odoo server (threaded, no cron) on a free port."""
    conf_path, options = odoo_conf
    port = _free_port()
    log_path = artifacts_dir / "odoo-server.log"
    cmd = [
        sys.executable, str(ROOT / "bin" / "odoo-server"), "-c", conf_path,
        "--http-port=%d" % port, "--max-cron-threads=0", "--workers=0",
        "--logfile=%s" % log_path,
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT)
    url = "http://127.0.0.1:%d" % port
    deadline = time.time() + 180
    while True:
        try:
            with urllib.request.urlopen(url + "/web/login", timeout=10) as resp:
                if resp.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            pytest.fail("Odoo did not serve /web/login; see %s" % log_path)
        time.sleep(1)
    yield {"url": url, "db": options["db_name"], "log": log_path}
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
