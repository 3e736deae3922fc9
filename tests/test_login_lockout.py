"""Login lock-out (OCA auth_brute_force) over HTTP, on a real server.

A throw-away user fails to log in ``auth_brute_force.max_by_ip_user`` times
from 127.0.0.1 through the web login form; from then on even the right
password is refused, in the web client and over XML-RPC, while other users
of the same address still log in (the ban is per address and login, so the
other tests sharing this server are not locked out). The attempts of the
throw-away user are deleted and the user archived afterwards.
"""
import re
import time
import uuid
import xmlrpc.client

import pytest
import requests
from server_process import Rpc

PASSWORD = "Lockout#2026a"


@pytest.fixture
def throwaway_user(odoo_server):
    rpc = Rpc(odoo_server)
    login = "lockout_%s" % uuid.uuid4().hex[:8]
    user_id = rpc("res.users", "create", {
        "name": "锁定测试 %s" % login, "login": login, "password": PASSWORD,
        "groups_id": [(6, 0, [rpc("ir.model.data", "xmlid_to_res_id",
                                  "base.group_user")])]})
    yield rpc, login
    attempts = rpc("res.authentication.attempt", "search",
                   [("login", "=", login)])
    rpc("res.authentication.attempt", "unlink", attempts)
    rpc("res.users", "write", [user_id], {"active": False})


def web_login(url, login, password):
    """Post the login form as a browser does; True when the session that
    comes back is logged in as ``login``."""
    session = requests.Session()
    page = session.get(url + "/web/login", timeout=60)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = session.post(url + "/web/login", data={
        "login": login, "password": password, "csrf_token": token,
        "redirect": ""}, timeout=60)
    assert response.status_code == 200, response.status_code
    info = session.post(url + "/web/session/get_session_info", json={
        "jsonrpc": "2.0", "method": "call", "params": {}}, timeout=60).json()
    result = info.get("result") or {}
    return bool(result.get("uid")) and result.get("username") == login


def pause():
    """auth_brute_force counts the failures created after the last success
    compared to the second (Odoo 11 reads datetimes without fractions), so
    failures in the same second as a success, before or after it, still
    count. A person does not type that fast; the test waits as they would."""
    time.sleep(1.1)


def test_login_is_locked_after_failures_from_one_address(
        odoo_server, throwaway_user):
    rpc, login = throwaway_user
    url = odoo_server["url"]
    limit = int(rpc("ir.config_parameter", "get_param",
                    "auth_brute_force.max_by_ip_user"))
    assert limit == 5
    assert web_login(url, login, PASSWORD)
    for attempt in range(limit):
        assert not web_login(url, login, "wrong-%d" % attempt)
    # the right password no longer opens the door, by any channel
    assert not web_login(url, login, PASSWORD)
    common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common")
    assert not common.authenticate(odoo_server["db"], login, PASSWORD, {})
    results = rpc("res.authentication.attempt", "search_read",
                  [("login", "=", login)], ["result", "remote"],
                  order="id")
    assert [r["result"] for r in results] == (
        ["successful"] + ["failed"] * limit + ["banned", "banned"])
    assert {r["remote"] for r in results} == {"127.0.0.1"}
    # other users of the same address are not locked out
    assert web_login(url, "admin", "admin")


def test_wrong_passwords_below_the_limit_do_not_lock(
        odoo_server, throwaway_user):
    rpc, login = throwaway_user
    url = odoo_server["url"]
    limit = int(rpc("ir.config_parameter", "get_param",
                    "auth_brute_force.max_by_ip_user"))
    for attempt in range(limit - 1):
        assert not web_login(url, login, "wrong-%d" % attempt)
    pause()
    assert web_login(url, login, PASSWORD)
    # a success starts the count again
    pause()
    for attempt in range(limit - 1):
        assert not web_login(url, login, "wrong-again-%d" % attempt)
    pause()
    assert web_login(url, login, PASSWORD)
