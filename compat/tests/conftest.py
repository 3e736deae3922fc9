"""Shared helpers of the compat layer's tests.

The tests run in the project's virtualenv, where ``odoo11_compat.pth`` has
loaded the layer before pytest started. To prove that a patch is needed,
``pristine`` runs code in a fresh interpreter of the same Python with
``-I -S``: no site-packages, hence no ``.pth`` file and no patch.
"""
import subprocess
import sys

import pytest


def run_pristine(code):
    """Run ``code`` in an unpatched interpreter; return its stripped stdout."""
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code],
        check=True, capture_output=True, text=True,
    )
    return result.stdout.strip()


@pytest.fixture
def pristine():
    return run_pristine


@pytest.fixture(scope="session")
def load_registry():
    """Shadow pytest-odoo's autouse fixture: these tests need no database.

    pytest-odoo loads the registry of ``--odoo-database`` before the first
    test; run alone (``pytest compat/tests``) there is none, and the compat
    layer is tested without one.
    """
    yield


def pytest_sessionstart(session):
    if "odoo11_compat" not in sys.modules:
        raise pytest.UsageError(
            "odoo11_compat is not loaded: run pytest with the project's "
            "virtualenv (.venv/bin/python -m pytest), see scripts/setup-venv.sh")
