"""The README's first command, as a new user runs it: ``bin/run`` creates
the demo database (the four addons with their demo data, Chinese, the
generated street) and serves it.

The test database is installed without demo data; the demo database is not,
and Odoo's demo data brings other charts of accounts that once made the
finance demo fail (another chart's default taxes). Only this path shows it.
"""
import os
import signal
import subprocess
import time
import urllib.request
import xmlrpc.client

import pytest
from server_process import ROOT, free_port

DEMO_MODELS = {
    "community.resident": 100,
    "community.household": 20,
    "grid.grid": 1,
    "grid.visit": 1,
    "grid.case": 10,
    "crossovered.budget": 1,
    "eval.campaign": 1,
}


def _drop(options, name):
    env = dict(os.environ, PGPASSWORD=options.get("db_password") or "")
    subprocess.run(
        ["dropdb", "--if-exists", "-h", options["db_host"], "-p",
         str(options["db_port"]), "-U", options["db_user"], name],
        env=env, check=True)
    subprocess.run(["rm", "-rf", str(ROOT / "var/data/filestore" / name)],
                   check=False)


def test_bin_run_creates_and_serves_the_demo_street(odoo_conf, artifacts_dir):
    _path, options = odoo_conf
    name = "%s_demo" % options["db_name"]
    port = free_port()
    log_path = artifacts_dir / "bin-run.log"
    _drop(options, name)
    env = dict(os.environ, DB_NAME=name, HTTP_PORT=str(port),
               DEMO_SCALE="0.01", DEMO_SEED="1")
    with open(log_path, "w") as log:
        proc = subprocess.Popen([str(ROOT / "bin" / "run")], cwd=ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    url = "http://127.0.0.1:%d" % port
    try:
        deadline = time.time() + 1200
        while True:
            try:
                with urllib.request.urlopen(url + "/web/login", timeout=10) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail("bin/run did not serve: %s"
                            % log_path.read_text()[-6000:])
            time.sleep(2)
        common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common")
        uid = common.authenticate(name, "admin", "admin", {})
        assert uid, "admin / admin must log in to the demo database"
        models = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/object")
        counts = {
            model: models.execute_kw(name, uid, "admin", model,
                                     "search_count", [[]])
            for model in DEMO_MODELS}
        for model, least in DEMO_MODELS.items():
            assert counts[model] >= least, counts
        admin = models.execute_kw(name, uid, "admin", "res.users", "read",
                                  [[uid]], {"fields": ["lang"]})
        assert admin[0]["lang"] == "zh_CN"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        _drop(options, name)
