"""No HTTP channel leaks another community's or grid's residents, nor a raw
ID number or phone to a role that reads the masks.

A street of its own is prepared over XML-RPC as admin (committed: the
server is another process), every name carrying a fresh tag so that reruns
never meet old data: communities C1 and C2, one grid in each, a visible
resident in C1 and a *secret* one in C2 (both with ID number and phone), a
case in each grid with a chatter message and an attachment, an attachment
on the secret resident and a ledger import of C1 with its workbook. Users of
every role log in over JSON-RPC (the web client's session) and XML-RPC and
try each channel; every answer, refused or not, is searched for the
secrets. The users are archived at the end.
"""
import base64
import io
import json
import uuid
import xmlrpc.client

import openpyxl
import pytest
import requests
from server_process import Rpc

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(first17):
    """A valid GB 11643 ID number from its first 17 digits."""
    total = sum(int(digit) * weight
                for digit, weight in zip(first17, WEIGHTS))
    return first17 + "10X98765432"[total % 11]


ROLES = {
    "clerk": "community_base.group_community_clerk",
    "officer": "community_grid.group_grid_officer",
    "leader": "community_base.group_leader",
    "handler": "community_grid.group_case_handler",
    "finance": "community_finance.group_finance_officer",
    "evaluator": "community_eval.group_evaluator",
}
# the roles that read masks only (every role but the clerk)
MASKED_ROLES = ("officer", "leader", "handler", "finance", "evaluator")
# the roles scoped below the street: they must not see C2 at all
SCOPED_ROLES = ("clerk", "officer", "handler", "finance", "evaluator")


@pytest.fixture(scope="module")
def street(odoo_server):
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:8]
    digits = "".join(str(int(char, 16) % 10) for char in tag)[:3]
    street_id = rpc.new_street("泄漏测试街道%s" % tag)
    data = {"tag": tag, "street": street_id, "rpc": rpc}
    users = data["users"] = create_role_users(rpc, street_id, ROLES, "leak",
                                              tag)
    category = rpc("grid.case.category", "create", {
        "name": "泄漏测试%s" % tag, "code": "LEAK%s" % tag, "level": "street"})
    service_item = _service_item(rpc, street_id, tag)
    for index, key in enumerate(("c1", "c2")):
        community = rpc("community.community", "create", {
            "name": "泄漏社区%s-%s" % (tag, key), "code": "L%s%d" % (tag, index),
            "company_id": street_id})
        compound = rpc("community.compound", "create", {
            "name": "小区%s-%s" % (tag, key), "community_id": community})
        building = rpc("community.building", "create", {
            "name": "1号楼", "compound_id": compound})
        household = rpc("community.household", "create", {
            "building_id": building, "unit": "1", "room": "101"})
        grid = rpc("grid.grid", "create", {
            "name": "泄漏网格%s-%s" % (tag, key), "code": "G%s%d" % (tag, index),
            "community_id": community,
            "officer_id": users["officer"] if key == "c1" else False})
        rpc("community.building", "write", [building], {"grid_id": grid})
        name = ("Visibleleak%s" if key == "c1" else "Secretleak%s") % tag
        birth = ("19781215", "19800316")[index]
        number = id_number("110106%s%s%d" % (birth, digits[:2], index))
        phone = "137%s%d4321" % (digits, index)
        resident = rpc("community.resident", "create", {
            "name": name, "household_id": household, "id_number": number,
            "phone": phone, "relation": "head"})
        case = rpc("grid.case", "create", {
            "category_id": category, "household_id": household,
            "description": "<p>%s 报告</p>" % name, "channel": "visit",
            "reporter_resident_id": resident, "reporter_name": name,
            "reporter_phone": phone,
            "handler_user_id": users["handler"] if key == "c1" else False})
        # the service hall: the resident's request, with the phone
        request = rpc("service.request", "create", {
            "item_id": service_item, "community_id": community,
            "resident_id": resident, "applicant_name": name,
            "applicant_phone": phone})
        # what a clerk types into C2's chatter and files is C2's secret (the
        # leader of the street may read it; it is free text, not the
        # register's personal fields, so it holds a marker, not the number)
        marker = "机密%s%s" % (key, tag)
        content = "%s %s" % (name, marker)
        rpc("grid.case", "message_post", [case], body="联系 %s" % content,
            message_type="comment", subtype="mail.mt_comment")
        attachments = [rpc("ir.attachment", "create", {
            "name": "%s.txt" % name, "datas_fname": "%s.txt" % name,
            "res_model": model, "res_id": res_id, "datas": _b64(content)})
            for model, res_id in (("grid.case", case),
                                  ("community.resident", resident))]
        data[key] = {"community": community, "household": household,
                     "grid": grid, "resident": resident, "case": case,
                     "request": request,
                     "name": name, "number": number, "phone": phone,
                     "marker": marker,
                     "birth": "%s-%s-%s" % (birth[:4], birth[4:6], birth[6:]),
                     "attachments": attachments}
    # a change of the phone: the audit trail (where installed) keeps the
    # old and the new value, for the street administrator only
    c1 = data["c1"]
    c1["phone_old"] = c1["phone"][:-4] + "8765"
    rpc("community.resident", "write", [c1["resident"]],
        {"phone": c1["phone_old"]})
    rpc("community.resident", "write", [c1["resident"]],
        {"phone": c1["phone"]})
    rpc("res.users", "write", [users["clerk"]], {
        "community_ids": [(6, 0, [data["c1"]["community"]])]})
    data["import"] = rpc("community.ledger.import", "create", {
        "community_id": data["c1"]["community"], "filename": "台账.xlsx",
        "file": _b64("workbook %s %s" % (data["c1"]["number"],
                                         data["c1"]["phone"]))})
    data["kpi"] = rpc("community.kpi", "create", {
        "name": "泄漏测试%s" % tag, "domain": "[]",
        "model_id": rpc("ir.model.data", "xmlid_to_res_id",
                        "community_base.model_community_resident")})
    yield data
    # clean up what can go (the street stays, archived users point to it)
    rpc("res.users", "write", list(users.values()), {"active": False})
    parts = [data["c1"], data["c2"]]
    for model, ids in (
            ("community.kpi", [data["kpi"]]),
            ("community.ledger.import", [data["import"]]),
            ("ir.attachment", sum((part["attachments"] for part in parts),
                                  [])),
            ("grid.case", [part["case"] for part in parts]),
            ("service.request", [part["request"] for part in parts]),
            ("grid.case.category", [category]),
            ("community.resident", [part["resident"] for part in parts])):
        try:
            rpc(model, "unlink", ids)
        except xmlrpc.client.Fault:  # kept for the record: names are unique
            pass


def _b64(text):
    return base64.b64encode(text.encode()).decode()


class Session:
    """One user's web client session (JSON-RPC over HTTP) and XML-RPC."""

    def __init__(self, server, login):
        self.url, self.db, self.login = server["url"], server["db"], login
        self.http = requests.Session()
        answer = self.http.post(self.url + "/web/session/authenticate", json={
            "jsonrpc": "2.0", "method": "call", "params": {
                "db": self.db, "login": login, "password": login}}).json()
        assert answer.get("result", {}).get("uid"), answer
        self.uid = answer["result"]["uid"]
        self.xmlrpc = xmlrpc.client.ServerProxy(
            self.url + "/xmlrpc/2/object", allow_none=True)

    def call_kw(self, model, method, args, kwargs=None):
        response = self.http.post(
            "%s/web/dataset/call_kw/%s/%s" % (self.url, model, method),
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "model": model, "method": method, "args": args,
                "kwargs": kwargs or {}}})
        return response.text

    def json(self, path, params):
        return self.http.post(self.url + path, json={
            "jsonrpc": "2.0", "method": "call", "params": params}).text

    def get(self, path, **params):
        response = self.http.get(self.url + path, params=params)
        if response.content[:2] == b"PK":  # an xlsx workbook
            book = openpyxl.load_workbook(io.BytesIO(response.content))
            return "\n".join(str(cell) for sheet in book.worksheets
                             for row in sheet.iter_rows(values_only=True)
                             for cell in row if cell is not None)
        return response.content.decode("utf-8", "replace")

    def execute_kw(self, model, method, args, kwargs=None):
        try:
            return json.dumps(self.xmlrpc.execute_kw(
                self.db, self.uid, self.login, model, method, args,
                kwargs or {}), default=str, ensure_ascii=False)
        except xmlrpc.client.Fault as fault:
            return fault.faultString


def create_role_users(rpc, street_id, roles, prefix, tag):
    """One user of each role of ``roles`` ({role: group xmlid or a tuple of
    them}) in the street, logging in as ``<prefix>_<role>_<tag>`` with the
    login as password, in zh_CN: {role: user id}."""
    users = {}
    for role, groups in roles.items():
        groups = (groups,) if isinstance(groups, str) else groups
        login = "%s_%s_%s" % (prefix, role, tag)
        users[role] = rpc("res.users", "create", {
            "name": login, "login": login, "password": login,
            "lang": "zh_CN", "tz": "Asia/Shanghai", "company_id": street_id,
            "company_ids": [(6, 0, [street_id])],
            "groups_id": [(6, 0, [rpc("ir.model.data", "xmlid_to_res_id",
                                      group) for group in groups])]})
    return users


def find_leaks(session, answers, secrets, also=None):
    """Search every (channel, answer) of ``answers`` for ``secrets``;
    ``also(answer)``, when given, names another leak in an answer (or
    None). Returns (channels tried, problems)."""
    problems, count = [], 0
    for name, answer in answers:
        count += 1
        for secret in secrets:
            if secret in answer:
                problems.append("%s: %s revealed %r" % (
                    session.login, name, secret))
        found = also(answer) if also else None
        if found:
            problems.append("%s: %s revealed %s" % (
                session.login, name, found))
    return count, problems


def _service_item(rpc, street_id, tag):
    """A service matter of the street, admitted by an approved request."""
    admission = rpc("community.admission.request", "create", {
        "name": "泄漏测试事项%s" % tag,
        "department_id": rpc("hr.department", "create", {
            "name": "泄漏测试科%s" % tag, "company_id": street_id}),
        "task_type": "task", "legal_basis": "泄漏测试",
        "company_id": street_id, "date_start": "2026-01-01"})
    rpc("community.admission.request", "write", [admission],
        {"state": "approved"})
    return rpc("service.item", "create", {
        "name": "泄漏测试事项%s" % tag, "code": "LEAK%s" % tag,
        "company_id": street_id, "admission_request_id": admission,
        "active": True})


def answers_by_channel(answers):
    """{channel: all its answers joined} of (channel, answer) pairs."""
    joined = {}
    for name, answer in answers:
        joined[name] = joined.get(name, "") + answer
    return joined


def channels(session, street):
    """Every channel tried, as (name, answer text)."""
    c1, c2 = street["c1"], street["c2"]
    residents = [c1["resident"], c2["resident"]]
    cases = [c1["case"], c2["case"]]
    res = "community.resident"
    kw = session.call_kw
    yield "call_kw search_read", kw(res, "search_read", [[]], {"fields": []})
    yield "call_kw read", kw(res, "read", [residents], {})
    yield "call_kw read own", kw(res, "read", [residents[:1]], {})
    for probe in (c2["name"], c2["number"], c1["number"], c1["phone"]):
        yield "call_kw name_search", kw(res, "name_search", [], {
            "name": probe})
        yield "call_kw search_text", kw(res, "search_read", [
            [("search_text", "ilike", probe)]], {"fields": ["name"]})
    yield "call_kw name_get", kw(res, "name_get", [residents])
    for groupby in ("community_id", "household_id", "name", "id_number",
                    "phone", "birth_date:year"):
        field = groupby.split(":")[0]
        yield "call_kw read_group %s" % groupby, kw(
            res, "read_group", [[], [field], [groupby]], {"lazy": False})
    yield "call_kw search by id", kw(res, "search_read", [
        [("id_number", "=", c1["number"])]], {"fields": ["name"]})
    yield "call_kw order by id", kw(res, "search_read", [[]], {
        "fields": ["name"], "order": "id_number"})
    yield "call_kw export_data", kw(res, "export_data", [
        residents, ["name", "id_number", "phone", "household_id/name"]])
    yield "call_kw export_data masked", kw(res, "export_data", [
        residents[:1], ["name", "id_number_masked", "phone_masked"]])
    yield "call_kw load_views", kw(res, "load_views", [
        [[False, "form"], [False, "list"], [False, "search"]]], {})
    yield "call_kw household read", kw(
        "community.household", "search_read", [[]],
        {"fields": ["name", "resident_ids", "head_id"]})
    yield "search_read", session.json("/web/dataset/search_read", {
        "model": res, "fields": [], "domain": [], "context": {}})
    for route in ("/web/export/xls", "/web/export/csv"):
        for ids in (residents, []):
            yield route, session.get(route, token="1", data=json.dumps({
                "model": res, "ids": ids, "domain": [], "import_compat": False,
                "fields": [{"name": "name", "label": "name"},
                           {"name": "id_number", "label": "id"},
                           {"name": "phone", "label": "phone"}]}))
    # grid: cases, their chatter and attachments, visits
    yield "case search_read", kw("grid.case", "search_read", [[]], {
        "fields": []})
    yield "case read", kw("grid.case", "read", [cases], {})
    yield "case read_group phone", kw("grid.case", "read_group", [
        [], ["reporter_phone"], ["reporter_phone"]], {})
    yield "case read_group reporter", kw("grid.case", "read_group", [
        [], ["reporter_resident_id"], ["reporter_resident_id"]], {})
    yield "mail.message", kw("mail.message", "search_read", [
        [("model", "in", ["grid.case", res])]], {"fields": []})
    yield "message_fetch", kw("mail.message", "message_fetch", [
        [("model", "=", "grid.case")]], {})
    yield "mail.tracking.value", kw("mail.tracking.value", "search_read", [
        []], {"fields": []})
    yield "auditlog lines", kw("auditlog.log.line", "search_read", [[]], {
        "fields": ["old_value", "new_value", "old_value_text",
                   "new_value_text"]})
    yield "auditlog logs", kw("auditlog.log", "search_read", [
        [("model_id.model", "=", res)]], {"fields": []})
    yield "mail.followers", kw("mail.followers", "search_read", [
        [("res_model", "=", "grid.case")]], {"fields": []})
    yield "ir.attachment", kw("ir.attachment", "search_read", [
        [("res_model", "in", ["grid.case", res])]],
        {"fields": ["name", "datas", "res_name"]})
    for attachment in c1["attachments"] + c2["attachments"]:
        yield "/web/content", session.get("/web/content/%d" % attachment)
        yield "/web/image", session.get(
            "/web/image/ir.attachment/%d/datas" % attachment)
    yield "/web/content field", session.get(
        "/web/content/community.ledger.import/%d/file" % street["import"])
    yield "import read", kw("community.ledger.import", "read", [
        [street["import"]]], {})
    yield "import attachment", kw("ir.attachment", "search_read", [
        [("res_model", "=", "community.ledger.import"),
         ("res_field", "=", "file")]], {"fields": ["datas"]})
    # the service hall: requests, grouped by the phone, their receipt
    requests_ = [c1["request"], c2["request"]]
    yield "request search_read", kw("service.request", "search_read", [[]],
                                    {"fields": []})
    yield "request read", kw("service.request", "read", [requests_], {})
    yield "request read_group phone", kw("service.request", "read_group", [
        [], ["applicant_phone"], ["applicant_phone"]], {})
    yield "request search by phone", kw("service.request", "search_read", [
        [("applicant_phone", "=", c1["phone"])]], {"fields": ["name"]})
    yield "request export_data", kw("service.request", "export_data", [
        requests_, ["applicant_name", "applicant_phone"]])
    yield "duty read", kw("service.duty", "search_read", [[]], {
        "fields": []})
    for request in requests_:
        yield "/report/html receipt", session.get(
            "/report/html/community_service.report_service_request_receipt"
            "/%d" % request)
    # reports
    for community in (c1["community"], c2["community"]):
        yield "/report/xlsx ledger", session.get(
            "/report/xlsx/community_base.ledger_xlsx/%d" % community)
    for case in cases:
        yield "/report/xlsx cases", session.get(
            "/report/xlsx/community_grid.case_list_xlsx/%d" % case)
    # the dashboard: the tile's figure and its drill-down
    yield "kpi read", kw("community.kpi", "read", [[street["kpi"]]], {
        "fields": ["value", "value_display", "trend_display"]})
    action = session.call_kw("community.kpi", "action_open_records", [
        [street["kpi"]]])
    yield "kpi action", action
    try:
        domain = json.loads(action)["result"]["domain"]
    except (KeyError, TypeError, ValueError):
        domain = None
    if domain is not None:
        yield "kpi drill-down", kw(res, "search_read", [domain], {
            "fields": ["name"]})
    # XML-RPC, the same calls
    ex = session.execute_kw
    yield "xmlrpc search_read", ex(res, "search_read", [[]], {"fields": []})
    yield "xmlrpc read", ex(res, "read", [residents])
    yield "xmlrpc read_group", ex(res, "read_group", [
        [], ["community_id"], ["community_id"]])
    yield "xmlrpc read_group id", ex(res, "read_group", [
        [], ["id_number"], ["id_number"]])
    yield "xmlrpc name_search", ex(res, "name_search", [c2["name"]])
    yield "xmlrpc case read", ex("grid.case", "read", [cases])
    yield "xmlrpc export_data", ex(res, "export_data", [
        residents, ["name", "id_number", "phone"]])


@pytest.mark.parametrize("role", sorted(ROLES))
def test_no_channel_reveals_what_the_role_may_not_see(
        odoo_server, street, role):
    c1, c2 = street["c1"], street["c2"]
    session = Session(odoo_server, "leak_%s_%s" % (role, street["tag"]))
    secrets = []
    if role in SCOPED_ROLES:
        # nothing of the other community: name, number, phone
        secrets += [c2["name"], c2["number"], c2["phone"], c2["marker"]]
    if role in MASKED_ROLES:
        # no raw personal data of anyone, nor the birth date that would
        # complete the masked number
        secrets += [c1["number"], c1["phone"], c1["phone_old"],
                    c2["number"], c2["phone"], c1["birth"], c2["birth"]]
    count, problems = find_leaks(session, channels(session, street), secrets)
    assert count >= 50
    assert not problems, "\n".join(problems)


def test_the_clerk_does_get_the_own_raw_data(odoo_server, street):
    """The checks above can fail: the same channels give the clerk the raw
    data of their own community, and the leader every resident's name."""
    c1, c2 = street["c1"], street["c2"]
    clerk = Session(odoo_server, "leak_clerk_%s" % street["tag"])
    answers = answers_by_channel(channels(clerk, street))
    for name in ("call_kw read own", "xmlrpc search_read",
                 "/report/xlsx ledger", "/web/content field",
                 "/web/export/xls"):
        assert c1["number"] in answers[name], name
    assert c1["phone"] in answers["case search_read"]
    assert c1["phone"] in answers["request search_read"]
    leader = Session(odoo_server, "leak_leader_%s" % street["tag"])
    answers = dict(channels(leader, street))
    assert c2["name"] in answers["call_kw search_read"]
    assert c1["number"][:6] + "********" in answers["call_kw search_read"]
