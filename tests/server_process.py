"""Start and stop a real Odoo server process for the integration tests."""
import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import xmlrpc.client
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg(options, *args):
    """Run a PostgreSQL client program (dropdb, createdb…) on the test
    server of ``options`` (the parsed Odoo config)."""
    env = dict(os.environ, PGPASSWORD=options.get("db_password") or "")
    return subprocess.run(
        [*args, "-h", options["db_host"], "-p", str(options["db_port"]),
         "-U", options["db_user"]],
        env=env, check=True, capture_output=True, text=True)


@contextlib.contextmanager
def copied_database(options, suffix):
    """A copy of the fresh test database (bin/test keeps it as
    ``<db>_template``) named ``<db>_<suffix>``, dropped afterwards."""
    template = "%s_template" % options["db_name"]
    name = "%s_%s" % (options["db_name"], suffix)
    pg(options, "dropdb", "--if-exists", name)
    pg(options, "createdb", "-T", template, name)
    try:
        yield name
    finally:
        pg(options, "dropdb", "--if-exists", name)


@contextlib.contextmanager
def running_odoo(conf_path, log_path, *extra_args):
    """Start bin/odoo-server on a free port; yield its base URL; stop it."""
    port = free_port()
    cmd = [
        sys.executable, str(ROOT / "bin" / "odoo-server"), "-c", conf_path,
        "--http-port=%d" % port, "--max-cron-threads=0",
        "--logfile=%s" % log_path, *extra_args,
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT)
    url = "http://127.0.0.1:%d" % port
    deadline = time.time() + 180
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/web/login", timeout=10) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail("Odoo did not serve /web/login; see %s" % log_path)
            time.sleep(1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


class Rpc:
    """XML-RPC as the administrator (or ``login``) of a running server (the
    ``odoo_server`` fixture, or any ``{"url", "db"}``):
    ``rpc(model, method, *args, **kwargs)``. Its logins succeed, so they
    never count towards a login ban."""

    def __init__(self, server, login="admin", password="admin"):
        self.url, self.db = server["url"], server["db"]
        self.password = password
        common = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/common")
        self.uid = common.authenticate(self.db, login, password, {})
        assert self.uid, "cannot log in as %s" % login
        self.models = xmlrpc.client.ServerProxy(
            self.url + "/xmlrpc/2/object", allow_none=True)

    def __call__(self, model, method, *args, **kw):
        return self.models.execute_kw(self.db, self.uid, self.password, model,
                                      method, list(args), kw)

    def ref(self, xmlid):
        """The id of the record ``xmlid``."""
        return self("ir.model.data", "xmlid_to_res_id", xmlid)

    def new_street(self, name):
        """A street office of the administrator's district named ``name``,
        added to the administrator's companies: the test's own street."""
        district = self("res.users", "read", [self.uid], ["company_id"])[0][
            "company_id"][0]
        street = self("res.company", "create", {
            "name": name, "parent_id": district, "is_street_office": True})
        self("res.users", "write", [self.uid], {"company_ids": [(4, street)]})
        return street

    def new_community(self, street, name, code, households=(), building="1号楼"):
        """A community of ``street`` with one compound and building; the
        building gets one household per entry of ``households``, with that
        many residents named after ``name``. Returns (community, building).
        """
        community = self("community.community", "create", {
            "name": name, "code": code, "company_id": street})
        compound = self("community.compound", "create", {
            "name": "%s小区" % name, "community_id": community})
        building_id = self("community.building", "create", {
            "name": building, "compound_id": compound})
        for room, members in enumerate(households):
            household = self("community.household", "create", {
                "building_id": building_id, "unit": "1",
                "room": str(101 + room)})
            for member in range(members):
                self("community.resident", "create", {
                    "name": "%s居民%d-%d" % (name, room, member),
                    "household_id": household})
        return community, building_id


def at_once(calls, timeout=120):
    """Run the callables ``calls`` at the same moment, each in a thread of
    its own; return their outcomes in order (``{"result": ...}`` or
    ``{"error": ...}``): the concurrency tests race real requests."""
    barrier = threading.Barrier(len(calls))
    outcomes = [{} for _call in calls]

    def run(index, call):
        barrier.wait(timeout)
        try:
            outcomes[index]["result"] = call()
        except Exception as error:  # the outcome is what the test checks
            outcomes[index]["error"] = error

    threads = [threading.Thread(target=run, args=(index, call))
               for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes
