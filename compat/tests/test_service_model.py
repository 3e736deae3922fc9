"""RPC retries: a retried call starts from fresh environments.

``odoo.service.model.check`` runs ``execute`` again after a serialization
failure, on a new cursor; the failed try's environments (their records to
recompute, bound to the closed cursor) must not reach the retry. The tests
drive the real ``check``/``execute``/``execute_cr`` with a fake registry
and cursor (no database); ``tests/test_rpc_retry.py`` proves it on a server.
"""
import threading

import psycopg2
import pytest
from psycopg2 import errorcodes

from odoo import api
from odoo.service import model as service_model


class SerializationFailure(psycopg2.OperationalError):
    pgcode = errorcodes.SERIALIZATION_FAILURE


class FakeCursor:
    dbname = "compat_fake"

    def __init__(self):
        self.closed = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.closed = True


class FakeModel:
    _name = "compat.fake"

    @classmethod
    def _browse(cls, ids, env):
        record = cls()
        record.env = env
        return record


class FakeRegistry:
    _init = False

    def __getitem__(self, name):
        return FakeModel

    def cursor(self):
        return FakeCursor()


@pytest.fixture
def fake_odoo(monkeypatch):
    registry = FakeRegistry()
    monkeypatch.setattr("odoo.registry", lambda dbname: registry)
    monkeypatch.setattr(api, "Registry", lambda dbname: registry)
    monkeypatch.setattr(service_model.time, "sleep", lambda seconds: None)
    # the fake records must not stay in the set of environments of the
    # test runner's thread, where later Odoo tests would recompute them
    local = api.Environment._local
    saved = getattr(local, "environments", None)
    if saved is not None:
        del local.environments
    yield registry
    if hasattr(local, "environments"):
        del local.environments
    if saved is not None:
        local.environments = saved


def failing_once(tries):
    """``api.call_kw`` whose first try leaves its record to recompute (as a
    recompute interrupted by PostgreSQL does) and fails; later tries note
    what their environments still hold and succeed."""

    def call_kw(recs, method, args, kwargs):
        tries.append({
            "cursor": recs.env.cr,
            "todo": [todo for todos in recs.env.all.todo.values()
                     for todo in todos],
        })
        if len(tries) == 1:
            recs.env.all.todo.setdefault("field", []).append(recs)
            raise SerializationFailure("could not serialize access")
        return "done"

    return call_kw


def test_execute_cr_is_patched():
    assert service_model.execute_cr._odoo11_compat
    assert service_model.execute_cr.__wrapped__ is not service_model.execute_cr


def test_retry_starts_without_the_failed_try_s_records(fake_odoo, monkeypatch):
    tries = []
    monkeypatch.setattr(api, "call_kw", failing_once(tries))
    with api.Environment.manage():
        assert service_model.execute_kw(
            "compat_fake", 1, "compat.fake", "create", [{}]) == "done"
    assert len(tries) == 2
    first, retry = tries
    assert first["cursor"].closed and retry["cursor"] is not first["cursor"]
    assert retry["todo"] == []


def test_unpatched_retry_inherits_records_of_a_closed_cursor(fake_odoo,
                                                             monkeypatch):
    """Why the patch exists: Odoo 11's own ``execute_cr``."""
    tries = []
    monkeypatch.setattr(api, "call_kw", failing_once(tries))
    monkeypatch.setattr(service_model, "execute_cr",
                        service_model.execute_cr.__wrapped__)
    with api.Environment.manage():
        service_model.execute_kw("compat_fake", 1, "compat.fake", "create", [{}])
    stale, = tries[1]["todo"]
    assert stale.env.cr.closed


def test_no_environments_are_left_outside_manage(fake_odoo, monkeypatch):
    """Without ``Environment.manage()`` the call fails as before, and leaves
    no set of environments on the thread for a later request to inherit."""
    monkeypatch.setattr(api, "call_kw", failing_once([]))
    seen = {}

    def request():
        # a thread of its own: the test runner's thread may hold a set of
        # environments from earlier tests
        seen["before"] = hasattr(api.Environment._local, "environments")
        try:
            service_model.execute_kw(
                "compat_fake", 1, "compat.fake", "create", [{}])
        except AttributeError as error:
            seen["error"] = error
        seen["after"] = hasattr(api.Environment._local, "environments")

    thread = threading.Thread(target=request)
    thread.start()
    thread.join()
    assert seen["before"] is False
    assert isinstance(seen.get("error"), AttributeError)
    assert seen["after"] is False
