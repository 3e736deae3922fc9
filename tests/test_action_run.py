"""A user who is not an administrator cannot run a scheduled job's server
action through the web client's ``/web/action/run`` (nor ``run`` over
RPC): Odoo 11 ran any server action for any user who knew its id.

An evaluator (the narrowest role) and a street administrator (the widest
street role, not a system administrator) log in over JSON-RPC and ask for
the server action behind the post-archiving job; both are refused with an
AccessError and the job's action is not run. The users are archived at the
end.
"""
import uuid

import pytest
import requests
from server_process import Rpc

CRON = "community_base.community_post_cron_archive_ended"
ROLES = ("community_eval.group_evaluator", "community_base.group_street_admin")


@pytest.fixture(scope="module")
def users(odoo_server):
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:8]
    logins = {}
    for group in ROLES:
        login = "action_run_%s_%s" % (group.split(".")[1], tag)
        logins[login] = rpc("res.users", "create", {
            "name": login, "login": login, "password": login,
            "groups_id": [(6, 0, [rpc("ir.model.data", "xmlid_to_res_id",
                                      group)])]})
    cron = rpc("ir.model.data", "xmlid_to_res_id", CRON)
    action = rpc("ir.cron", "read", [cron], ["ir_actions_server_id"])[0][
        "ir_actions_server_id"][0]
    yield {"logins": list(logins), "action": action}
    rpc("res.users", "write", list(logins.values()), {"active": False})


def _session(server, login):
    http = requests.Session()
    answer = http.post(server["url"] + "/web/session/authenticate", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "db": server["db"], "login": login, "password": login}}).json()
    assert answer.get("result", {}).get("uid"), answer
    return http


def _call(http, url, params):
    return http.post(url, json={
        "jsonrpc": "2.0", "method": "call", "params": params}).json()


def test_non_admin_cannot_run_a_scheduled_job(odoo_server, users):
    url = odoo_server["url"]
    for login in users["logins"]:
        http = _session(odoo_server, login)
        answer = _call(http, url + "/web/action/run",
                       {"action_id": users["action"]})
        assert "error" in answer, (login, answer)
        assert answer["error"]["data"]["name"] == \
            "odoo.exceptions.AccessError", (login, answer)
        answer = _call(
            http, url + "/web/dataset/call_kw/ir.actions.server/run", {
                "model": "ir.actions.server", "method": "run",
                "args": [[users["action"]]], "kwargs": {}})
        assert "error" in answer, (login, answer)
        assert answer["error"]["data"]["name"] == \
            "odoo.exceptions.AccessError", (login, answer)
