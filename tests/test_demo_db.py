"""The README's first command, as a new user runs it: ``bin/run`` creates
the demo database (the four addons without Odoo's and OCA's demo data,
Chinese, the generated street) and serves it.

Only this path builds the street the way a new user gets it: dated from
the day it is built (this month has visits and a visit rate, open cases
fall due in the coming days, this year's budget has expenses), with the
database's own company as the street office and none of Odoo's sample
records in the street's pickers.
"""
import datetime
import os
import signal
import subprocess
import time
import urllib.request
import xmlrpc.client

import pytest
import pytz
from server_process import ROOT, free_port

DEMO_MODELS = {
    "community.resident": 100,
    "community.household": 20,
    "grid.grid": 1,
    "grid.visit": 1,
    "grid.case": 10,
    "crossovered.budget": 1,
    "eval.campaign": 1,
    "community.selfgov.proposal": 6,
    "community.selfgov.decision": 1,
    "service.item": 7,
    "service.request": 10,
    "service.duty": 1,
}
#: the logins of the README (password = login, except admin / admin)
DEMO_LOGINS = ("admin_street", "clerk_street", "clerk_community1",
               "clerk_community2", "leader", "grid_officer",
               "finance_officer", "evaluator")
#: names of Odoo's and OCA's own demo (or placeholder) records: none may be
#: seen in the street's pickers
UPSTREAM_NAMES = ("YourCompany", "My Company", "Demo User",
                  "Demo Portal User", "Administration",
                  "Research & Development", "Budget 20", "Agrolait")
#: where they would show
UPSTREAM_MODELS = ("res.company", "res.partner", "res.users",
                   "hr.department", "crossovered.budget")


def _drop(options, name):
    env = dict(os.environ, PGPASSWORD=options.get("db_password") or "")
    subprocess.run(
        ["dropdb", "--if-exists", "-h", options["db_host"], "-p",
         str(options["db_port"]), "-U", options["db_user"], name],
        env=env, check=True)
    subprocess.run(["rm", "-rf", str(ROOT / "var/data/filestore" / name)],
                   check=False)


def _check_dated_today(call):
    """The street is dated from the day it was built: today, in the
    street's time zone."""
    today = datetime.datetime.now(pytz.timezone("Asia/Shanghai")).date()
    month = str(today.replace(day=1))
    visits = call("grid.visit", "search_count",
                  [("date", ">=", month), ("date", "<=", str(today))])
    assert visits > 0, "no visit this month"
    assert not call("grid.visit", "search_count", [("date", ">", str(today))])
    rates = call("grid.visit.report", "read_group", [("month", "=", month)],
                 ["household_visited", "target"], [])
    assert rates and rates[0]["target"] > 0, rates
    assert rates[0]["household_visited"] > 0, rates
    still_open = [("state", "not in", ("close", "evaluate"))]
    due = call("grid.case", "search_count", still_open + [
        ("date_deadline", ">=", str(today)),
        ("date_deadline", "<=", str(today + datetime.timedelta(days=7)))])
    assert due > 0, "no open case due in the coming days"
    budgets = call("crossovered.budget", "search_read",
                   [("date_from", "=", "%d-01-01" % today.year)],
                   fields=["name", "total_actual"])
    assert budgets, "no budget of %d" % today.year
    assert budgets[0]["total_actual"] > 0, budgets


def _check_finance(call):
    """The funds the demo's admission requests opened received their
    money, and committed budget keeps a line's available amount (可用余额)
    below its variance (预算差异)."""
    funds = call("finance.fund", "search_read",
                 [("admission_request_id", "!=", False)],
                 fields=["name", "received_amount"])
    assert funds, "no fund opened by an admission request"
    assert all(fund["received_amount"] > 0 for fund in funds), funds
    lines = call("crossovered.budget.lines", "search_read", [],
                 fields=["available_amount", "variance_amount"])
    assert any(line["available_amount"] < line["variance_amount"]
               for line in lines), "no line with open commitments"


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
                                  [[uid]], {"fields": ["lang", "company_id"]})
        assert admin[0]["lang"] == "zh_CN"
        assert admin[0]["company_id"][1] == "阳光街道办事处"
        for login in DEMO_LOGINS:
            assert common.authenticate(name, login, login, {}), login

        def call(model, method, *args, **kwargs):
            return models.execute_kw(name, uid, "admin", model, method,
                                     list(args), kwargs)

        _check_dated_today(call)
        _check_finance(call)
        # the demo evaluator lands on sheets to fill in
        assert call("eval.sheet", "search_count", [
            ("evaluator_user_id.login", "=", "evaluator"),
            ("state", "=", "draft"), ("campaign_id.state", "=", "open")])
        found = {
            model: [record["name"] for record in call(
                model, "search_read", [], fields=["name"],
                context={"active_test": False})
                if any(upstream in record["name"]
                       for upstream in UPSTREAM_NAMES)]
            for model in UPSTREAM_MODELS}
        assert found == {model: [] for model in UPSTREAM_MODELS}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        _drop(options, name)
