"""bin/backup and bin/restore (issue 9, item 7): the test database with a
few attachments of its own is backed up, restored into a new database, and
the copy must hold the same number of rows in every table of the four
addons' models and of ir_attachment, and every stored attachment's file
with the checksum its row records. Restoring over an existing database is
refused, and a broken archive leaves no half-restored database behind.
"""
import base64
import hashlib
import os
import subprocess
import tarfile
import uuid

import pytest
from server_process import ROOT

import odoo
from odoo import SUPERUSER_ID, api

ADDONS = ("community_base", "community_grid", "community_finance",
          "community_eval", "community_party", "community_service")


@pytest.fixture(scope="module")
def db(request):
    return request.config.getoption("--odoo-database")


@pytest.fixture(scope="module")
def script_env(odoo_conf):
    _path, options = odoo_conf
    env = dict(os.environ)
    env.update({
        "DB_HOST": options["db_host"], "DB_PORT": options["db_port"],
        "DB_USER": options["db_user"],
        "DB_PASSWORD": options["db_password"],
        "FILESTORE_DIR": os.path.join(options["data_dir"], "filestore"),
    })
    return env


def run(script_env, *args):
    return subprocess.run(
        [str(ROOT / "bin" / args[0]), *args[1:]], env=script_env,
        capture_output=True, text=True, timeout=600)


def table_counts(db, source=None):
    """Rows of every table of the addons' models (as the test database's
    registry knows them) and of ir_attachment, in ``db``."""
    registry = odoo.registry(source or db)
    tables = {"ir_attachment"}
    for model in registry.models.values():
        if model._original_module in ADDONS and model._auto \
                and not model._abstract and not model._transient:
            tables.add(model._table)
    counts = {}
    with odoo.sql_db.db_connect(db).cursor() as cr:
        for table in sorted(tables):
            cr.execute('SELECT count(*) FROM "%s"' % table)
            counts[table] = cr.fetchone()[0]
    return counts


def stored_files(db):
    with odoo.sql_db.db_connect(db).cursor() as cr:
        cr.execute("""
            SELECT id, store_fname, checksum FROM ir_attachment
            WHERE store_fname IS NOT NULL ORDER BY id
        """)
        return cr.fetchall()


def drop(db_name, script_env):
    subprocess.run(
        ["dropdb", "-h", script_env["DB_HOST"], "-p", script_env["DB_PORT"],
         "-U", script_env["DB_USER"], "--if-exists", db_name],
        env=dict(script_env, PGPASSWORD=script_env["DB_PASSWORD"]),
        check=True, timeout=120)
    filestore = os.path.join(script_env["FILESTORE_DIR"], db_name)
    subprocess.run(["rm", "-rf", filestore], check=True)


@pytest.fixture(scope="module")
def backup(db, script_env, tmp_path_factory):
    """Three attachments committed to the test database, then its backup."""
    tag = uuid.uuid4().hex[:8]
    with api.Environment.manage(), odoo.registry(db).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        for index in range(3):
            env["ir.attachment"].create({
                "name": "backup-test-%s-%d.txt" % (tag, index),
                "datas": base64.b64encode(
                    ("备份测试 %s %d\n" % (tag, index)).encode() * (index + 1)),
                "datas_fname": "backup-test-%d.txt" % index,
            })
            ids = env["ir.attachment"].search([
                ("name", "like", "backup-test-%s-" % tag)]).ids
    directory = tmp_path_factory.mktemp("backups")
    result = run(script_env, "backup", db, str(directory))
    assert result.returncode == 0, result.stderr
    archive = result.stdout.strip().splitlines()[-1]
    assert os.path.dirname(archive) == str(directory)
    yield {"archive": archive, "tag": tag}
    with api.Environment.manage(), odoo.registry(db).cursor() as cr:
        api.Environment(cr, SUPERUSER_ID, {})["ir.attachment"].browse(
            ids).unlink()


@pytest.fixture
def restored(db, script_env):
    name = "%s_restore_%s" % (db, uuid.uuid4().hex[:6])
    yield name
    odoo.sql_db.close_db(name)
    drop(name, script_env)


def test_backup_archive_holds_dump_files_and_manifest(db, backup):
    archive = backup["archive"]
    assert os.stat(archive).st_mode & 0o077 == 0, "readable by its owner only"
    with tarfile.open(archive) as tar:
        members = tar.getmembers()
        manifest = tar.extractfile("manifest.txt").read().decode()
    assert "dump.pgc" in [member.name for member in members]
    assert "database=%s" % db in manifest.splitlines()
    files = [member.name for member in members
             if member.name.startswith("filestore/") and member.isfile()]
    assert len(files) >= 3
    assert "files=%d" % len(files) in manifest.splitlines()


def test_restore_gives_the_same_counts_and_files(db, backup, restored,
                                                 script_env):
    result = run(script_env, "restore", backup["archive"], restored)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == restored

    source, copy = table_counts(db), table_counts(restored, source=db)
    assert copy == source
    assert source["ir_attachment"] >= 3
    assert len(source) > 40  # the addons' tables were all compared

    files = stored_files(restored)
    assert files == stored_files(db)
    ours = 0
    filestore = os.path.join(script_env["FILESTORE_DIR"], restored)
    for _id, store_fname, checksum in files:
        with open(os.path.join(filestore, store_fname), "rb") as stored:
            assert hashlib.sha1(stored.read()).hexdigest() == checksum
        ours += 1
    assert ours == len(files) >= 3
    with odoo.sql_db.db_connect(restored).cursor() as cr:
        cr.execute("SELECT count(*) FROM ir_attachment WHERE name LIKE %s",
                   ("backup-test-%s-%%" % backup["tag"],))
        assert cr.fetchone()[0] == 3


def test_restore_refuses_an_existing_database(db, backup, script_env):
    before = table_counts(db)
    result = run(script_env, "restore", backup["archive"], db)
    assert result.returncode == 1
    assert "exists already" in result.stderr and "--force" in result.stderr
    assert table_counts(db) == before


def test_broken_archive_leaves_no_database(backup, restored, script_env,
                                           tmp_path):
    broken = tmp_path / "broken.tar.gz"
    (tmp_path / "dump.pgc").write_bytes(b"PGDMP not really a dump")
    (tmp_path / "filestore").mkdir()
    with tarfile.open(str(broken), "w:gz") as tar:
        tar.add(str(tmp_path / "dump.pgc"), "dump.pgc")
        tar.add(str(tmp_path / "filestore"), "filestore")
    result = run(script_env, "restore", str(broken), restored)
    assert result.returncode != 0
    exists = subprocess.run(
        ["psql", "-h", script_env["DB_HOST"], "-p", script_env["DB_PORT"],
         "-U", script_env["DB_USER"], "-d", "postgres", "-XtAc",
         "SELECT count(*) FROM pg_database WHERE datname = '%s'" % restored],
        env=dict(script_env, PGPASSWORD=script_env["DB_PASSWORD"]),
        capture_output=True, text=True, check=True)
    assert exists.stdout.strip() == "0"
    assert not os.path.exists(
        os.path.join(script_env["FILESTORE_DIR"], restored))
