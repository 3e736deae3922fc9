"""Lint is part of the test run: flake8, isort and pylint-odoo (STYLE.md)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYTHON_TREES = ["addons", "compat", "tests", "scripts", "bench", "bin/odoo-server"]
ADDONS = sorted(m.parent.name for m in (ROOT / "addons").glob("*/__manifest__.py"))


def _run(*args):
    proc = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True
    )
    return proc.returncode, proc.stdout + proc.stderr


def test_flake8_is_clean():
    code, out = _run("flake8", *PYTHON_TREES)
    assert code == 0, out


def test_isort_is_clean():
    code, out = _run("isort", "--check-only", "--diff", *PYTHON_TREES)
    assert code == 0, out


def test_the_six_addons_are_linted():
    assert ADDONS == [
        "community_base", "community_eval", "community_finance", "community_grid",
        "community_party", "community_service",
    ]


@pytest.mark.parametrize("addon", ADDONS)
def test_pylint_odoo_mandatory_checks(addon):
    code, out = _run(
        "pylint", "--rcfile=.pylintrc-mandatory", "addons/%s" % addon
    )
    assert code == 0, out
