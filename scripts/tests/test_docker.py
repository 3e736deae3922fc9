"""The production Docker files, checked without a Docker engine: the compose
file against Compose's schema (`docker compose config` or Debian's
docker-compose, which need no engine for it), the rest by reading them."""
import configparser
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile"
ENTRYPOINT = REPO / "scripts" / "docker-entrypoint.sh"
PROD_CONF = REPO / "config" / "odoo.production.conf"

COMPOSE_PLUGINS = (
    "/usr/libexec/docker/cli-plugins/docker-compose",
    "/usr/lib/docker/cli-plugins/docker-compose",
)


def _compose_command():
    docker = shutil.which("docker")
    if docker:
        probe = subprocess.run(
            [docker, "compose", "version"], capture_output=True, timeout=30
        )
        if probe.returncode == 0:
            return [docker, "compose"]
    for candidate in (shutil.which("docker-compose"), *COMPOSE_PLUGINS):
        if candidate and os.access(candidate, os.X_OK):
            return [candidate]
    pytest.fail(
        "no Compose validator: install one with `apt-get install -y "
        "docker-compose` (Debian), or the Docker Compose plugin"
    )


def _compose(*args):
    return subprocess.run(
        [*_compose_command(), "-f", str(COMPOSE), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_compose_file_is_valid():
    result = _compose("config", "-q")
    assert result.returncode == 0, result.stderr


def test_compose_services():
    result = _compose("config", "--services")
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) == {"db", "odoo", "proxy"}


def test_compose_bind_mounts_exist():
    mounts = re.findall(r"-\s+\./(\S+?):", COMPOSE.read_text())
    assert mounts
    for source in mounts:
        assert (REPO / source).is_file(), source


def test_dockerfile_installs_through_setup_venv():
    text = DOCKERFILE.read_text()
    assert re.search(r"^FROM python:3\.11-slim-bookworm\b", text, re.M)
    run_steps = re.findall(r"^RUN .*?(?<!\\)$", text, re.M | re.S)
    assert any("VENV=/opt/venv scripts/setup-venv.sh" in s for s in run_steps)
    assert re.search(r"^USER odoo$", text, re.M)
    assert re.search(r"^EXPOSE 8069 8072$", text, re.M)
    assert "scripts/docker-entrypoint.sh" in text


def test_dockerfile_copies_existing_paths():
    for line in re.findall(r"^COPY (.+)$", DOCKERFILE.read_text(), re.M):
        for source in line.split()[:-1]:
            assert (REPO / source).exists(), source


def test_build_context_leaves_out_local_state():
    ignored = (REPO / ".dockerignore").read_text().split()
    for path in (".pgdata", ".venv", "node_modules", ".env", "config/db.env"):
        assert path in ignored


def test_production_conf_reads_as_odoo_reads_it():
    parser = configparser.RawConfigParser()  # Odoo 11's parser
    parser.read(PROD_CONF)
    options = parser["options"]
    # Odoo takes "4 ; why" whole as the value: comments on their own lines.
    for key, value in options.items():
        assert not re.search(r"\s[;#]", value), key
    assert options["proxy_mode"] == "True"
    assert options["list_db"] == "False"
    assert options["data_dir"] == "/var/lib/odoo"
    assert options["longpolling_port"] == "8072"
    assert "queue_job" in options["server_wide_modules"].split(",")
    assert options["admin_passwd"] == "${ODOO_ADMIN_PASSWORD}"
    assert parser["queue_job"]["channels"] == "root:2"


def test_proxy_routes_longpolling():
    text = (REPO / "config" / "nginx.conf").read_text()
    route = r"location /longpolling\s*{\s*proxy_pass http://odoo_longpolling;"
    assert re.search(route, text)
    assert "server odoo:8072;" in text
    assert "server odoo:8069;" in text


def _entrypoint(tmp_path, **env):
    conf = tmp_path / "odoo.conf"
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("DB_", "ODOO_"))}
    base.update(ODOO_CONF_TEMPLATE=str(PROD_CONF), ODOO_CONF=str(conf), **env)
    # A command other than Odoo's: the config is rendered, nothing waits.
    result = subprocess.run(
        ["bash", str(ENTRYPOINT), "true"], env=base,
        capture_output=True, text=True, timeout=60,
    )
    return result, conf


def test_entrypoint_renders_config(tmp_path):
    result, conf = _entrypoint(
        tmp_path, DB_PASSWORD="s3cret", ODOO_ADMIN_PASSWORD="a-long-master-pw"
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(conf.stat().st_mode) == 0o600
    parser = configparser.RawConfigParser()
    parser.read(conf)
    options = parser["options"]
    assert options["db_host"] == "db"
    assert options["db_password"] == "s3cret"
    assert options["workers"] == "4"
    assert options["dbfilter"] == "^street$"
    assert not re.search(r"^[^;#]*\$\{", conf.read_text(), re.M)


def test_entrypoint_requires_db_password(tmp_path):
    result, conf = _entrypoint(tmp_path, ODOO_ADMIN_PASSWORD="a-long-master-pw")
    assert result.returncode != 0
    assert "DB_PASSWORD" in result.stderr
    assert not conf.exists()


@pytest.mark.parametrize("master", ["", "admin", "CHANGE-ME", "short"])
def test_entrypoint_refuses_default_master_password(tmp_path, master):
    result, conf = _entrypoint(
        tmp_path, DB_PASSWORD="s3cret", ODOO_ADMIN_PASSWORD=master
    )
    assert result.returncode != 0
    assert "master password" in result.stderr or "ODOO_ADMIN_PASSWORD" in result.stderr
    assert not conf.exists()


def test_entrypoint_reads_secret_files(tmp_path):
    secret = tmp_path / "master"
    secret.write_text("from-a-docker-secret\n")
    result, conf = _entrypoint(
        tmp_path, DB_PASSWORD="s3cret", ODOO_ADMIN_PASSWORD_FILE=str(secret)
    )
    assert result.returncode == 0, result.stderr
    assert "admin_passwd = from-a-docker-secret" in conf.read_text()


def test_entrypoint_warm_assets_runs_the_script_in_an_odoo_shell(tmp_path):
    """``warm-assets`` waits for the database, then feeds
    scripts/warm_assets.py (the file bin/run's warm_assets runs, checked by
    tests/test_warm_assets.py) to an Odoo shell on the rendered config."""
    record = tmp_path / "record"
    fake = tmp_path / "python"
    fake.write_text('#!/bin/sh\necho "$@" >"%s.args"\ncat >"%s.stdin"\n'
                    % (record, record))
    fake.chmod(0o755)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    ready = bin_dir / "pg_isready"
    ready.write_text("#!/bin/sh\nexit 0\n")
    ready.chmod(0o755)
    conf = tmp_path / "odoo.conf"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DB_", "ODOO_"))}
    env.update(ODOO_CONF_TEMPLATE=str(PROD_CONF), ODOO_CONF=str(conf),
               ODOO_PYTHON=str(fake), ODOO_SERVER="/app/bin/odoo-server",
               DB_PASSWORD="s3cret", ODOO_ADMIN_PASSWORD="a-long-master-pw",
               PATH="%s:%s" % (bin_dir, env.get("PATH", "")))
    result = subprocess.run(["bash", str(ENTRYPOINT), "warm-assets"],
                            env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    args = (tmp_path / "record.args").read_text().split()
    assert args[:4] == ["/app/bin/odoo-server", "shell", "-c", str(conf)]
    assert "--no-http" in args
    script = ENTRYPOINT.parent / "warm_assets.py"
    assert (tmp_path / "record.stdin").read_text() == script.read_text()
