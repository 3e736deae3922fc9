"""Production runs Odoo in prefork mode (workers > 0): it must serve.

On Python 3.10+ every prefork worker died at start (setrlimit with a float)
and was respawned forever while the threaded mode worked; only a real
multi-process server shows it.
"""
import urllib.request

from server_process import free_port, running_odoo


def test_prefork_workers_serve_requests(odoo_conf, artifacts_dir):
    conf_path, _options = odoo_conf
    log_path = artifacts_dir / "odoo-prefork.log"
    with running_odoo(conf_path, log_path, "--workers=2",
                      "--longpolling-port=%d" % free_port()) as url:
        for _ in range(10):
            with urllib.request.urlopen(url + "/web/login", timeout=30) as resp:
                assert resp.status == 200
                assert b"login" in resp.read()
    log = log_path.read_text()
    assert "Traceback" not in log, log[-3000:]
    assert "cannot be interpreted as an integer" not in log
