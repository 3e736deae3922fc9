"""``warm_assets`` (scripts/lib.sh, run by ``bin/run`` after an install or
upgrade) compiles the bundles the first login needs, under the checksum a
request computes: the login page and the web client then link exactly the
attachments it made and compile nothing (issue 16 item 10: the first login
waited for lessc and the concatenation of every bundle).

On a copy of the test database: its bundles are dropped, ``warm_assets``
runs, a server starts, the administrator opens the login page and /web;
no bundle attachment may be created after the warm-up. Nothing is timed
here (bench/RESULTS.md, board_landing, has the figures).
"""
import os
import re
import subprocess

import psycopg2
import pytest
import requests
from server_process import ROOT, copied_database, running_odoo

BUNDLES = ("web.assets_common", "web.assets_frontend", "web.assets_backend",
           "web_editor.summernote", "web_editor.assets_editor")
LINKED = re.compile(r'(?:href|src)="/web/content/(\d+)-[0-9a-f]+/([^"]+)"')


def _bundle_ids(options, name):
    conn = psycopg2.connect(
        host=options["db_host"], port=options["db_port"],
        user=options["db_user"], password=options.get("db_password") or "",
        dbname=name)
    try:
        with conn, conn.cursor() as cr:
            cr.execute("""
                SELECT id FROM ir_attachment
                WHERE res_model = 'ir.ui.view' AND url LIKE '/web/content/%%'
                ORDER BY id""")
            return [row[0] for row in cr.fetchall()]
    finally:
        conn.close()


@pytest.fixture()
def warm_db(odoo_conf, tmp_path):
    path, options = odoo_conf
    with copied_database(options, "warm") as name:
        conf = tmp_path / "odoo.conf"
        conf.write_text(re.sub(
            r"(?m)^(db_name|dbfilter) *=.*$",
            lambda match: "%s = %s" % (match.group(1), name if match.group(1)
                                       == "db_name" else "^%s$" % name),
            open(path).read()))
        yield str(conf), name


def test_first_login_serves_the_warmed_bundles(odoo_conf, warm_db, tmp_path):
    _path, options = odoo_conf
    conf, name = warm_db
    drop = ("env['ir.attachment'].search([('res_model', '=', 'ir.ui.view'), "
            "('url', '=like', '/web/content/%')]).unlink(); env.cr.commit()")
    env = dict(os.environ, PATH="%s:%s" % (ROOT / ".venv" / "bin",
                                           os.environ.get("PATH", "")))
    subprocess.run(
        ["bash", "-c", '. scripts/lib.sh && odoo shell -c "$0" -d "$1" '
         '--log-level=warn --no-http <<<"$2" && warm_assets "$0" "$1"',
         conf, name, drop], cwd=ROOT, env=env, check=True,
        capture_output=True, timeout=600)
    warmed = _bundle_ids(options, name)
    assert len(warmed) >= 2 * len(BUNDLES), warmed

    with running_odoo(conf, str(tmp_path / "odoo.log"), "-d", name) as url:
        http = requests.Session()
        login_page = http.get(url + "/web/login", timeout=300).text
        answer = http.post(url + "/web/session/authenticate", json={
            "jsonrpc": "2.0", "method": "call", "params": {
                "db": name, "login": "admin", "password": "admin"}},
            timeout=300)
        assert answer.json()["result"]["uid"], answer.text
        web_client = http.get(url + "/web", timeout=300).text

    linked = {int(number): bundle for page in (login_page, web_client)
              for number, bundle in LINKED.findall(page)}
    names = " ".join(linked.values())
    for bundle in BUNDLES:
        assert bundle in names, (bundle, names)
    assert set(linked) <= set(warmed), (linked, warmed)
    assert _bundle_ids(options, name) == warmed
