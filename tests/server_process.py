"""Start and stop a real Odoo server process for the integration tests."""
import contextlib
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
    """XML-RPC as the administrator of a running server (the ``odoo_server``
    fixture): ``rpc(model, method, *args, **kwargs)``. Its logins succeed,
    so they never count towards a login ban."""

    def __init__(self, server):
        self.url, self.db = server["url"], server["db"]
        common = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/common")
        self.uid = common.authenticate(self.db, "admin", "admin", {})
        self.models = xmlrpc.client.ServerProxy(
            self.url + "/xmlrpc/2/object", allow_none=True)

    def __call__(self, model, method, *args, **kw):
        return self.models.execute_kw(self.db, self.uid, "admin", model, method,
                                      list(args), kw)


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
