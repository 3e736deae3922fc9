"""scripts/pg.sh: syntax, settings, external mode; the embedded cluster for
real when PG_SH_LIVE=1 (it may install PostgreSQL and create a system user)."""
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PG_SH = REPO / "scripts" / "pg.sh"


def _env(**settings):
    # A caller that ran eval "$(scripts/pg.sh env)" has DB_* and the embedded
    # marker exported: drop them, and any config/db.env, so each test says
    # exactly what it means.
    env = {
        k: v
        for k, v in os.environ.items()
        if not (k.startswith("DB_") or k.startswith("PG_"))
    }
    env["PG_SH_CONFIG"] = "/nonexistent/db.env"
    env.update(settings)
    return env


def _pg_sh(*args, **settings):
    return subprocess.run(
        ["bash", str(PG_SH), *args],
        env=_env(**settings),
        capture_output=True,
        text=True,
        timeout=300,
    )


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return str(s.getsockname()[1])


@pytest.fixture
def base_dir():
    # Not pytest's tmp_path: its parent is mode 700 and the cluster's system
    # user must be able to enter every parent of the data dir.
    path = Path(tempfile.mkdtemp(prefix="pgsh-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_syntax():
    subprocess.run(["bash", "-n", str(PG_SH)], check=True)


def test_env_prints_external_settings():
    result = _pg_sh("env", DB_HOST="db.example", DB_PORT="6000")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "export DB_HOST=db.example" in lines
    assert "export DB_PORT=6000" in lines
    assert "export DB_USER=odoo" in lines
    assert "export DB_PASSWORD=odoo" in lines
    assert not any("PG_SH_EMBEDDED" in line for line in lines)


def test_env_prints_embedded_defaults():
    result = _pg_sh("env")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "export DB_HOST=127.0.0.1",
        "export DB_PORT=5433",
        "export DB_USER=odoo",
        "export DB_PASSWORD=odoo",
        "export PG_SH_EMBEDDED=1",
    ]


def test_config_file_wins_over_environment(base_dir):
    config = base_dir / "db.env"
    config.write_text("DB_HOST=db.internal\nDB_PASSWORD=\"it's secret\"\n")
    result = _pg_sh(
        "env",
        PG_SH_CONFIG=str(config),
        DB_HOST="127.0.0.1",
        PG_SH_EMBEDDED="1",
        DB_PASSWORD="other",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "export DB_HOST=db.internal" in lines
    assert "export DB_PORT=5432" in lines
    assert "export DB_PASSWORD=it\\'s\\ secret" in lines
    assert not any("PG_SH_EMBEDDED" in line for line in lines)


def test_external_start_and_stop_create_no_cluster(base_dir):
    # 127.0.0.1 on a port nobody listens on: an external server (DB_HOST is
    # set, no embedded marker) that is down, reached without any network.
    data = base_dir / "pgdata"
    settings = dict(DB_HOST="127.0.0.1", DB_PORT=_free_port(), PG_DATA_DIR=str(data))
    start = _pg_sh("start", **settings)
    assert "external server" in start.stderr
    assert start.returncode == 1, start.stderr
    stop = _pg_sh("stop", **settings)
    assert stop.returncode == 0, stop.stderr
    assert "nothing to stop" in stop.stderr
    assert not data.exists()


@pytest.mark.skipif(os.environ.get("PG_SH_LIVE") != "1", reason="set PG_SH_LIVE=1")
def test_embedded_cluster_lifecycle(base_dir):
    port = str(_free_port())  # another run may hold any fixed port
    settings = dict(PG_DATA_DIR=str(base_dir / "pgdata"), DB_PORT=port)
    try:
        first = _pg_sh("start", **settings)
        assert first.returncode == 0, first.stderr
        again = _pg_sh("start", **settings)
        assert again.returncode == 0, again.stderr
        assert "already running" in again.stderr
        assert _pg_sh("status", **settings).returncode == 0

        psql = shutil.which("psql")
        if psql:
            show = subprocess.run(
                [psql, "-X", "-Atc", "SHOW extra_float_digits",
                 "-h", "127.0.0.1", "-p", port, "-U", "odoo", "-d", "postgres"],
                env=_env(PGPASSWORD="odoo"),
                capture_output=True, text=True, timeout=30,
            )
            assert show.stdout.strip() == "0", show.stderr

        stop = _pg_sh("stop", **settings)
        assert stop.returncode == 0, stop.stderr
        assert _pg_sh("status", **settings).returncode == 3
    finally:
        _pg_sh("stop", **settings)


@pytest.mark.skipif(os.environ.get("PG_SH_LIVE") != "1", reason="set PG_SH_LIVE=1")
@pytest.mark.skipif(os.geteuid() != 0, reason="the traversal check matters for root")
def test_unreachable_data_dir_is_explained(base_dir):
    base_dir.chmod(0o700)
    result = _pg_sh("start", PG_DATA_DIR=str(base_dir / "pgdata"),
                    DB_PORT=str(_free_port()))
    assert result.returncode == 1
    assert f"cannot enter {base_dir}" in result.stderr
    assert not (base_dir / "pgdata").exists()
