"""Faults (issue 9, item 6): a server killed in the middle of a ledger import
or of a monthly report pack leaves no partial data and the job runs again;
PostgreSQL restarted under a running server: the server goes on serving
without a restart of its own.

The kill tests run a real Odoo server (threaded, with queue_job's runner) on
a copy of the test database, so that no other server of the test session
serves it. They make the job stop half-way on purpose: its progress row
(``community.job.progress``, written through a side connection) is locked by
the test, so the job waits there with its first rows inserted in its
uncommitted transaction; the test checks PostgreSQL shows those pending
inserts, then kills the server's process group with SIGKILL. After the
kill: nothing of the file or of the workbook is in the database, the record
still says it is being worked on and queue_job still says "started" (what
queue_job 11.0 leaves behind). A new server requeues such jobs when it
loads the registry (``community.job.progress._requeue_interrupted``: a job is
dead when nobody holds its advisory lock) and the job completes with the
right counts, once.

The PostgreSQL test starts a throw-away cluster of its own with
scripts/pg.sh (the shared cluster of the test run is never restarted),
restores the test database into it with bin/backup and bin/restore, serves
it, restarts PostgreSQL (fast shutdown: every connection is cut) and asks
again: at most the first request after the restart may fail, every one
after it must succeed.
"""
import base64
import configparser
import contextlib
import datetime
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
import xmlrpc.client
from pathlib import Path

import openpyxl
import psycopg2
import pytest
from server_process import ROOT, Rpc, free_port

pytestmark = pytest.mark.slow

PG_SH = ROOT / "scripts" / "pg.sh"


# -- plumbing -----------------------------------------------------------------

def pg_env(options, **extra):
    env = dict(os.environ, PGPASSWORD=options["db_password"])
    env.update(extra)
    return env


def pg_args(options):
    return ["-h", options["db_host"], "-p", str(options["db_port"]),
            "-U", options["db_user"]]


def connect(options, db):
    return psycopg2.connect(
        host=options["db_host"], port=options["db_port"],
        user=options["db_user"], password=options["db_password"], dbname=db)


def query(options, db, sql, params=()):
    conn = connect(options, db)
    try:
        with conn, conn.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall()
    finally:
        conn.close()


def write_conf(source, target, **changes):
    parser = configparser.ConfigParser()
    parser.read(source)
    for key, value in changes.items():
        parser.set("options", key, str(value))
    with open(target, "w") as handle:
        parser.write(handle)
    return str(target)


@contextlib.contextmanager
def odoo_process(conf_path, log_path):
    """A threaded Odoo server (with queue_job's runner) in a process group
    of its own; yield (process, base URL); stop it unless killed."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "bin" / "odoo-server"), "-c", conf_path,
         "--http-port=%d" % port, "--max-cron-threads=0", "--workers=0",
         "--logfile=%s" % log_path],
        cwd=ROOT, start_new_session=True,
        env=dict(os.environ, ODOO_QUEUE_JOB_PORT=str(port)))
    url = "http://127.0.0.1:%d" % port
    try:
        deadline = time.time() + 180
        while True:
            try:
                xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common").version()
                break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail("Odoo did not start; see %s" % log_path)
            time.sleep(0.5)
        yield proc, url
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def kill(proc):
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def wait_for(what, predicate, timeout=180, step=0.5):
    deadline = time.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.time() > deadline:
            pytest.fail("timed out waiting for %s" % what)
        time.sleep(step)


# -- the database the kill tests break ----------------------------------------

@pytest.fixture(scope="module")
def fault_db(odoo_conf, artifacts_dir, tmp_path_factory):
    """A copy of the test database (and its filestore) that only the
    servers of these tests serve; dropped at the end."""
    conf_path, options = odoo_conf
    source = options["db_name"]
    name = "%s_faults" % source
    filestore = Path(options["data_dir"]) / "filestore"
    env = pg_env(options)

    def drop():
        subprocess.run(["dropdb", *pg_args(options), "--if-exists", name],
                       env=env, check=True, timeout=120)
        shutil.rmtree(filestore / name, ignore_errors=True)

    drop()
    template = "%s_template" % source
    if query(options, "postgres",
             "SELECT 1 FROM pg_database WHERE datname = %s", (template,)):
        # bin/test leaves a pristine copy nobody connects to
        subprocess.run(["createdb", *pg_args(options), "-T", template, name],
                       env=env, check=True, timeout=300)
        origin = template
    else:
        dump = tmp_path_factory.mktemp("faults") / "dump.pgc"
        subprocess.run(["pg_dump", *pg_args(options), "-Fc", "-f", str(dump),
                        source], env=env, check=True, timeout=600)
        subprocess.run(["createdb", *pg_args(options), name], env=env,
                       check=True, timeout=120)
        subprocess.run(["pg_restore", *pg_args(options), "-d", name,
                        "--no-owner", str(dump)], env=env, check=True,
                       timeout=600)
        origin = source
    if (filestore / origin).is_dir():
        shutil.copytree(filestore / origin, filestore / name)
    conf = write_conf(conf_path, tmp_path_factory.mktemp("conf") / "odoo.conf",
                      db_name=name, dbfilter="^%s$" % name)
    try:
        yield {"name": name, "conf": conf, "options": options,
               "log": artifacts_dir / "odoo-faults.log"}
    finally:
        drop()


def street_of_admin(rpc, tag):
    """A street and a community of its own, in the administrator's reach."""
    street = rpc.new_street("故障街道%s" % tag)
    community = rpc("community.community", "create", {
        "name": "故障社区%s" % tag, "code": "F%s" % tag, "company_id": street})
    rpc("res.users", "write", [rpc.uid], {"community_ids": [(4, community)]})
    return street, community


def big_ledger(path, tag, residents):
    """A correct ledger of ``residents`` residents, two per household, in
    one compound of four buildings; every ID number distinct."""
    from odoo.addons.community_base.tests import ledger_samples

    compound = "故障小区%s" % tag
    rows = {"小区": [[compound, "小区", "G%s" % tag]], "楼栋": [], "户": [],
            "居民": []}
    for building in range(1, 5):
        address = "故障路%d号" % building
        rows["楼栋"].append([compound, str(building), address, 6, 30])
    households = (residents + 1) // 2
    for index in range(households):
        building, room = index % 4 + 1, 1000 + index // 4
        rows["户"].append([compound, str(building), "1", str(room), "户籍户",
                          "否", "否"])
    birth = datetime.date(1950, 1, 1)
    for index in range(residents):
        household = index // 2
        building, room = household % 4 + 1, 1000 + household // 4
        day = birth + datetime.timedelta(days=index // 900)
        rows["居民"].append([
            "居民%d" % index,
            ledger_samples.make_id_number(index % 900 + 1,
                                          birth=day.strftime("%Y%m%d")),
            "", compound, str(building), "1", str(room),
            "户主" if index % 2 == 0 else "配偶", "", "户籍", "", "", ""])
    ledger_samples.write_workbook(str(path), rows)
    return {"compound": 1, "building": 4, "household": households,
            "resident": residents}


@contextlib.contextmanager
def progress_held(options, db, model, res_id):
    """Hold the progress row of ``model``/``res_id`` locked: the job that
    reports its progress waits there, half-way."""
    rows = query(options, db, """
        INSERT INTO community_job_progress
            (res_model, res_id, done, total, create_date, write_date)
        VALUES (%s, %s, 0, 0, now() at time zone 'UTC',
                now() at time zone 'UTC')
        ON CONFLICT (res_model, res_id) DO UPDATE SET done = 0
        RETURNING id
    """, (model, res_id))
    conn = connect(options, db)
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT id FROM community_job_progress WHERE id = %s "
                       "FOR UPDATE", (rows[0][0],))
            yield conn
    finally:
        conn.rollback()
        conn.close()


def job_waits_halfway(options, db, holder, res_id, table=None):
    """The job's progress report waits on the test's lock, the job's
    transaction holds its record's advisory lock (it is running) and, with
    ``table``, uncommitted inserts into it."""
    holder_pid = holder.get_backend_pid()

    def waiting():
        return query(options, db, """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = %s AND wait_event_type = 'Lock' AND pid <> %s
        """, (db, holder_pid))[0][0]

    wait_for("the job to reach its first progress report", waiting)
    claimed = query(options, db, """
        SELECT count(*) FROM pg_locks
        WHERE locktype = 'advisory' AND objid = %s AND objsubid = 2
          AND granted
    """, (res_id,))[0][0]
    assert claimed, "the job holds no claim on its record"
    if not table:
        return
    inserting = query(options, db, """
        SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE c.relname = %s AND l.mode = 'RowExclusiveLock' AND l.granted
    """, (table,))[0][0]
    assert inserting, "the job has not written into %s yet" % table


def connections_gone(options, db):
    """Wait until the killed server's connections have ended (their
    transactions rolled back, their locks released)."""
    def gone():
        return not query(options, db, """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = %s AND pid <> pg_backend_pid()
        """, (db,))[0][0]
    wait_for("the killed server's connections to end", gone, timeout=60)


def job_state(options, db, uuid_):
    rows = query(options, db, "SELECT state FROM queue_job WHERE uuid = %s",
                 (uuid_,))
    return rows[0][0] if rows else None


# -- the tests ------------------------------------------------------------------

def test_server_killed_during_a_ledger_import(fault_db, tmp_path):
    db, options = fault_db["name"], fault_db["options"]
    tag = uuid.uuid4().hex[:6]
    path = tmp_path / "ledger.xlsx"
    expected = big_ledger(path, tag, residents=2400)
    data = base64.b64encode(path.read_bytes()).decode()

    def counts(community):
        result = {}
        for level in ("compound", "building", "household", "resident"):
            result[level] = query(
                options, db, "SELECT count(*) FROM community_%s "
                "WHERE community_id = %%s" % level, (community,))[0][0]
        return result

    with odoo_process(fault_db["conf"], fault_db["log"]) as (proc, url):
        rpc = Rpc({"url": url, "db": db})
        _street, community = street_of_admin(rpc, tag)
        import_id = rpc("community.ledger.import", "create", {
            "community_id": community, "file": data,
            "filename": "ledger.xlsx"})
        with progress_held(options, db, "community.ledger.import",
                           import_id) as holder:
            rpc("community.ledger.import", "action_import", [import_id])
            job_uuid = rpc("community.ledger.import", "read", [import_id],
                           ["job_uuid"])[0]["job_uuid"]
            assert job_uuid, "a file this big is imported by a job"
            job_waits_halfway(options, db, holder, import_id,
                              "community_compound")
            kill(proc)
    connections_gone(options, db)

    # nothing of the file is in the register; the import can run again
    assert counts(community) == dict.fromkeys(expected, 0)
    assert query(options, db, "SELECT state FROM community_ledger_import "
                 "WHERE id = %s", (import_id,))[0][0] == "importing"
    assert job_state(options, db, job_uuid) == "started"

    with odoo_process(fault_db["conf"], fault_db["log"]) as (proc, url):
        rpc = Rpc({"url": url, "db": db})

        def finished():
            record = rpc("community.ledger.import", "read", [import_id], [
                "state", "resident_created", "household_created"])[0]
            return record if record["state"] not in ("importing",) else None

        record = wait_for("the requeued import", finished, timeout=300,
                          step=1)
        assert record["state"] == "done", record
        assert record["resident_created"] == expected["resident"]
        assert record["household_created"] == expected["household"]
        assert counts(community) == expected
        assert job_state(options, db, job_uuid) == "done"


def test_server_killed_during_a_report_pack(fault_db):
    db, options = fault_db["name"], fault_db["options"]
    tag = uuid.uuid4().hex[:6]

    def attachments(pack_id):
        return query(options, db, """
            SELECT id, store_fname FROM ir_attachment
            WHERE res_model = 'community.report.pack' AND res_id = %s
        """, (pack_id,))

    with odoo_process(fault_db["conf"], fault_db["log"]) as (proc, url):
        rpc = Rpc({"url": url, "db": db})
        street, _community = street_of_admin(rpc, tag)
        pack_id = rpc("community.report.pack", "create", {
            "company_id": street, "month": "2026-10-01"})
        with progress_held(options, db, "community.report.pack",
                           pack_id) as holder:
            rpc("community.report.pack", "action_generate", [pack_id])
            job_uuid = rpc("community.report.pack", "read", [pack_id],
                           ["job_uuid"])[0]["job_uuid"]
            assert job_uuid
            wait_for("the pack's job to start", lambda: job_state(
                options, db, job_uuid) == "started")
            job_waits_halfway(options, db, holder, pack_id)
            kill(proc)
    connections_gone(options, db)

    assert attachments(pack_id) == []
    assert query(options, db, "SELECT state FROM community_report_pack "
                 "WHERE id = %s", (pack_id,))[0][0] == "queued"
    assert job_state(options, db, job_uuid) == "started"

    with odoo_process(fault_db["conf"], fault_db["log"]) as (proc, url):
        rpc = Rpc({"url": url, "db": db})

        def finished():
            pack = rpc("community.report.pack", "read", [pack_id],
                       ["state", "attachment_id", "error"])[0]
            return pack if pack["state"] != "queued" else None

        pack = wait_for("the requeued pack", finished, timeout=300, step=1)
        assert pack["state"] == "done", pack
        files = attachments(pack_id)
        assert len(files) == 1 and pack["attachment_id"][0] == files[0][0]
        store = Path(options["data_dir"]) / "filestore" / db / files[0][1]
        workbook = openpyxl.load_workbook(io.BytesIO(store.read_bytes()))
        assert workbook.sheetnames, "the rebuilt workbook opens"
        assert job_state(options, db, job_uuid) == "done"


# -- PostgreSQL restarted under a running server ------------------------------

def pg_sh(*args, **settings):
    env = {key: value for key, value in os.environ.items()
           if not (key.startswith("DB_") or key.startswith("PG_"))}
    env["PG_SH_CONFIG"] = "/nonexistent/db.env"
    env.update(settings)
    result = subprocess.run(["bash", str(PG_SH), *args], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def own_cluster():
    """A throw-away PostgreSQL cluster on a port of its own."""
    base = Path(tempfile.mkdtemp(prefix="faults-pg-"))
    base.chmod(0o755)  # the cluster's system user enters it
    settings = {"PG_DATA_DIR": str(base / "pgdata"),
                "DB_PORT": str(free_port())}
    try:
        pg_sh("start", **settings)
        yield base, settings
    finally:
        subprocess.run(["bash", str(PG_SH), "stop"], env=dict(
            {k: v for k, v in os.environ.items()
             if not (k.startswith("DB_") or k.startswith("PG_"))},
            PG_SH_CONFIG="/nonexistent/db.env", **settings),
            capture_output=True, timeout=300)
        shutil.rmtree(base, ignore_errors=True)


def test_postgresql_restarted_under_a_running_server(
        odoo_conf, own_cluster, artifacts_dir, tmp_path):
    conf_path, options = odoo_conf
    base, settings = own_cluster
    source = options["db_name"]
    filestore = base / "data" / "filestore"
    script_env = dict(os.environ, DB_HOST="127.0.0.1",
                      DB_USER="odoo", DB_PASSWORD="odoo")

    # the test database into the throw-away cluster, by the backup commands
    backup = subprocess.run(
        [str(ROOT / "bin" / "backup"), source, str(tmp_path)],
        env=dict(script_env, DB_HOST=options["db_host"],
                 DB_PORT=str(options["db_port"]), DB_USER=options["db_user"],
                 DB_PASSWORD=options["db_password"],
                 FILESTORE_DIR=str(Path(options["data_dir"]) / "filestore")),
        capture_output=True, text=True, timeout=600)
    assert backup.returncode == 0, backup.stderr
    restore = subprocess.run(
        [str(ROOT / "bin" / "restore"), backup.stdout.split()[-1], source],
        env=dict(script_env, DB_PORT=settings["DB_PORT"],
                 FILESTORE_DIR=str(filestore)),
        capture_output=True, text=True, timeout=600)
    assert restore.returncode == 0, restore.stderr

    conf = write_conf(conf_path, tmp_path / "odoo.conf",
                      db_host="127.0.0.1", db_port=settings["DB_PORT"],
                      db_user="odoo", db_password="odoo",
                      data_dir=str(base / "data"))
    log = artifacts_dir / "odoo-pg-restart.log"

    def ask(url):
        """One request that needs the database: log in and count."""
        try:
            rpc = Rpc({"url": url, "db": source})
            return rpc("res.partner", "search_count", []) > 0
        except (xmlrpc.client.Fault, OSError):
            return False

    with odoo_process(conf, str(log)) as (proc, url):
        assert all(ask(url) for _ in range(3))
        pg_sh("stop", **settings)
        assert not ask(url), "the database is down: the request fails"
        pg_sh("start", **settings)
        answers = [ask(url) for _ in range(12)]
        assert proc.poll() is None, "the server is still the same process"
    # at most the first request after the restart fails, then all succeed
    assert all(answers[1:]), answers
