"""Login lock-out (OCA auth_brute_force, community_base's rules) over HTTP,
on a real server started with ``proxy_mode`` on, as production runs it.

Each attempt carries ``X-Forwarded-For`` with an address of its own
(10.x.y.z), as nginx would write it, and the settings make the server
(127.0.0.1) a trusted proxy: the tests thus come from many addresses
without locking out 127.0.0.1, which the administrator's XML-RPC calls of
all tests use. Settings are shortened per test through the system
parameters and restored afterwards; every test makes its own users and
addresses and deletes their attempts at the end.
"""
import random
import re
import time
import uuid
import xmlrpc.client

import pytest
import requests
from server_process import Rpc, running_odoo

PASSWORD = "Lockout#2026a"


@pytest.fixture(scope="module")
def server(odoo_conf, artifacts_dir):
    """Base URL of a server with ``proxy_mode`` on."""
    conf_path, options = odoo_conf
    log_path = artifacts_dir / "odoo-lockout-server.log"
    with running_odoo(conf_path, log_path, "--workers=0",
                      "--proxy-mode") as url:
        yield {"url": url, "db": options["db_name"]}


@pytest.fixture
def rpc(server):
    return Rpc(server)


@pytest.fixture
def settings(rpc):
    """``settings(max_by_ip=3, ...)`` sets ``auth_brute_force.*`` system
    parameters for one test; 127.0.0.1 is a trusted proxy unless a test
    says otherwise."""
    saved = {}

    def put(**values):
        for name, value in values.items():
            key = "auth_brute_force." + name
            saved.setdefault(key, rpc("ir.config_parameter", "get_param", key))
            rpc("ir.config_parameter", "set_param", key, str(value))

    put(trusted_proxies="127.0.0.1")
    yield put
    for key, value in saved.items():
        rpc("ir.config_parameter", "set_param", key, value)


@pytest.fixture
def world(rpc, settings):
    """Makes throw-away users and addresses; deletes their attempts and
    archives the users afterwards."""
    made = {"logins": [], "users": [], "addresses": []}

    class World:
        def user(self):
            login = "lockout_%s" % uuid.uuid4().hex[:8]
            made["logins"].append(login)
            made["users"].append(rpc("res.users", "create", {
                "name": "锁定测试 %s" % login, "login": login,
                "password": PASSWORD, "groups_id": [(6, 0, [rpc(
                    "ir.model.data", "xmlid_to_res_id", "base.group_user")])]}))
            return login

        def ghost(self):
            """A login nobody has."""
            login = "ghost_%s" % uuid.uuid4().hex[:8]
            made["logins"].append(login)
            return login

        def address(self):
            address = "10.%d.%d.%d" % tuple(
                random.randint(1, 254) for _ in range(3))
            made["addresses"].append(address)
            return address

    yield World()
    attempts = rpc("res.authentication.attempt", "search",
                   ["|", ("login", "in", made["logins"]),
                    ("remote", "in", made["addresses"])])
    rpc("res.authentication.attempt", "unlink", attempts)
    rpc("res.users", "write", made["users"], {"active": False})


def forwarded(url, address):
    """The headers nginx adds (config/nginx.conf)."""
    return {"X-Forwarded-For": address,
            "X-Forwarded-Host": url.split("//", 1)[1]}


def web_login(server, login, password, address):
    """Post the login form as a browser behind the proxy does; return
    whether the session that comes back is logged in as ``login``, and the
    error the page shows."""
    url = server["url"]
    session = requests.Session()
    session.headers.update(forwarded(url, address))
    page = session.get(url + "/web/login", timeout=60)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = session.post(url + "/web/login", data={
        "login": login, "password": password, "csrf_token": token,
        "redirect": ""}, timeout=60)
    assert response.status_code == 200, response.status_code
    error = re.search(r'alert-danger"[^>]*>\s*([^<]*?)\s*<', response.text)
    info = session.post(url + "/web/session/get_session_info", json={
        "jsonrpc": "2.0", "method": "call", "params": {}}, timeout=60).json()
    result = info.get("result") or {}
    logged_in = bool(result.get("uid")) and result.get("username") == login
    return logged_in, error and error.group(1)


def logs_in(server, login, password, address):
    return web_login(server, login, password, address)[0]


def rpc_authenticate(server, login, password, address):
    """XML-RPC ``authenticate`` through the proxy: the uid or False."""
    body = xmlrpc.client.dumps((server["db"], login, password, {}),
                               "authenticate")
    headers = dict(forwarded(server["url"], address),
                   **{"Content-Type": "text/xml"})
    response = requests.post(server["url"] + "/xmlrpc/2/common", data=body,
                             headers=headers, timeout=60)
    return xmlrpc.client.loads(response.content)[0][0]


def results(rpc, domain):
    return [(r["result"], r["remote"]) for r in rpc(
        "res.authentication.attempt", "search_read", domain,
        ["result", "remote"], order="id")]


def pause():
    """OCA's count compared dates to the second (Odoo 11 reads datetimes
    without fractions): a success reset only the failures of earlier
    seconds. The waits keep the success apart, so that a test of the reset
    fails on OCA's rules for the reset itself."""
    time.sleep(1.1)


def fail(server, login, address, times):
    for attempt in range(times):
        assert not logs_in(server, login, "wrong-%d" % attempt, address)


# -- per login ----------------------------------------------------------------

def test_login_is_locked_after_failures_from_one_address(
        server, rpc, world):
    login, address = world.user(), world.address()
    limit = int(rpc("ir.config_parameter", "get_param",
                    "auth_brute_force.max_by_login"))
    assert limit == 5
    assert logs_in(server, login, PASSWORD, address)
    fail(server, login, address, limit)
    # the right password no longer opens the door, by any channel
    assert not logs_in(server, login, PASSWORD, address)
    assert not rpc_authenticate(server, login, PASSWORD, address)
    assert results(rpc, [("login", "=", login)]) == [
        (result, address) for result in
        ["successful"] + ["failed"] * limit + ["banned", "banned"]]
    # other users of the same address are not locked out
    assert logs_in(server, world.user(), PASSWORD, address)


def test_login_is_locked_across_addresses(server, rpc, world):
    """An attacker with many addresses (a botnet, or a proxy that forwards
    anything) gets ``max_by_login`` guesses, not that many per address."""
    login = world.user()
    for attempt in range(5):
        assert not logs_in(server, login, "wrong-%d" % attempt,
                           world.address())
    address = world.address()
    locked, locked_error = web_login(server, login, PASSWORD, address)
    wrong, wrong_error = web_login(server, login, "wrong", address)
    assert not locked and not wrong
    # the page does not tell that the password was right
    assert locked_error and locked_error == wrong_error
    assert not rpc_authenticate(server, login, PASSWORD, world.address())


def test_login_pause_grows_with_each_failure_and_ends_by_itself(
        server, rpc, world, settings):
    settings(login_backoff_seconds=2, login_backoff_max_seconds=4)
    login, address = world.user(), world.address()
    fail(server, login, address, 5)
    assert not logs_in(server, login, PASSWORD, address)
    time.sleep(2.5)
    # the 2 s pause is over: one more wrong password pauses for 4 s
    fail(server, login, address, 1)
    time.sleep(2.5)
    assert not logs_in(server, login, PASSWORD, address)
    time.sleep(2)
    assert logs_in(server, login, PASSWORD, address)
    assert [r for r, _ in results(rpc, [("login", "=", login)])] == (
        ["failed"] * 5 + ["banned", "failed", "banned", "successful"])


def test_wrong_passwords_below_the_limit_do_not_lock(server, world):
    login, address = world.user(), world.address()
    fail(server, login, address, 4)
    assert logs_in(server, login, PASSWORD, address)
    # a success of the login starts its count again
    fail(server, login, address, 4)
    assert logs_in(server, login, PASSWORD, address)


# -- per address --------------------------------------------------------------

def test_address_limit_is_not_reset_by_a_success(
        server, world, settings):
    """Guessing other people's passwords from one address and logging in
    with one's own account in between does not clear the count."""
    settings(max_by_ip=4)
    own, address = world.user(), world.address()
    for _ in range(2):
        fail(server, world.ghost(), address, 1)
    pause()
    assert logs_in(server, own, PASSWORD, address)
    pause()
    for _ in range(2):
        fail(server, world.ghost(), address, 1)
    assert not logs_in(server, own, PASSWORD, address)
    # the address is locked, not the login
    assert logs_in(server, own, PASSWORD, world.address())


def test_address_lock_ends_after_its_window(server, world, settings):
    settings(max_by_ip=3, ip_window_seconds=2)
    own, address = world.user(), world.address()
    for _ in range(3):
        fail(server, world.ghost(), address, 1)
    assert not logs_in(server, own, PASSWORD, address)
    time.sleep(2.5)
    assert logs_in(server, own, PASSWORD, address)


# -- the client's address ---------------------------------------------------

def test_forwarded_for_counts_only_from_a_trusted_proxy(
        server, rpc, world, settings):
    """With ``proxy_mode`` on, Odoo believes X-Forwarded-For from anybody
    who reaches it; the lock-out believes it from the configured proxies
    only, or anyone could give each guess a new address."""
    login, forged = world.user(), world.address()
    settings(trusted_proxies="192.0.2.1")
    assert logs_in(server, login, PASSWORD, forged)
    settings(trusted_proxies="127.0.0.0/8, 192.0.2.1")
    assert logs_in(server, login, PASSWORD, forged)
    assert results(rpc, [("login", "=", login)]) == [
        ("successful", "127.0.0.1"), ("successful", forged)]


# -- unlocking ----------------------------------------------------------------

def test_administrator_unlocks_a_login(server, rpc, world):
    login, address = world.user(), world.address()
    user_id = rpc("res.users", "search", [("login", "=", login)])[0]
    fail(server, login, address, 5)
    assert not logs_in(server, login, PASSWORD, address)
    [user] = rpc("res.users", "read", [user_id], ["login_locked_until"])
    assert user["login_locked_until"]
    # a colleague cannot lift it
    colleague = world.user()
    uid = rpc_authenticate(server, colleague, PASSWORD, world.address())
    models = xmlrpc.client.ServerProxy(server["url"] + "/xmlrpc/2/object")
    # refused, naming the locked login (in the colleague's language)
    with pytest.raises(xmlrpc.client.Fault, match=re.escape(login)):
        models.execute_kw(server["db"], uid, PASSWORD, "res.users",
                          "action_unlock_login", [[user_id]])
    assert not logs_in(server, login, PASSWORD, address)
    rpc("res.users", "action_unlock_login", [user_id])
    [user] = rpc("res.users", "read", [user_id], ["login_locked_until"])
    assert not user["login_locked_until"]
    assert logs_in(server, login, PASSWORD, address)
    assert [r for r, _ in results(rpc, [("login", "=", login)])] == (
        ["failed"] * 5 + ["banned", "banned", "unlocked", "successful"])


def test_administrator_unlocks_an_address(server, rpc, world, settings):
    settings(max_by_ip=3)
    own, address = world.user(), world.address()
    for _ in range(3):
        fail(server, world.ghost(), address, 1)
    assert not logs_in(server, own, PASSWORD, address)
    attempt_ids = rpc("res.authentication.attempt", "search",
                      [("remote", "=", address)], limit=1)
    rpc("res.authentication.attempt", "action_unlock_remote", attempt_ids)
    assert logs_in(server, own, PASSWORD, address)
