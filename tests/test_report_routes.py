"""Every report of the five addons and every HTTP route they define, called
as every role and anonymously (issue 14, finding 4 and its sweep).

The reports are enumerated from the database (the ``ir.actions.report``
records whose XML id belongs to one of the five addons) and the routes from
the source (every ``http.route`` decorator under ``addons/``): a report or a
route without a case in ``REPORT_CASES`` / ``ROUTE_CASES`` fails the test,
so a new one is swept as soon as it exists.

Each report is called over ``/report/<converter>/<name>/<ids>`` (and
``/report/download`` for PDFs) and over XML-RPC (``ir.actions.report.render``
and, for workbooks, the report model's ``create_xlsx_report`` with an
``active_model`` of the caller's choosing):

- on a record of another street (and, for the community clerk, another
  community of the street): refused for every role, i.e. no file in the
  answer and no name of that place in it;
- on a record of the role's own place: the file, for the roles the report
  is for; refused for the others.

The monthly report pack's workbook is swept the same way through its
download paths (``/web/content``). The data is prepared over XML-RPC as
admin in two new streets whose names carry a fresh tag; every user logs in
once.
"""
import ast
import base64
import io
import json
import uuid
import xmlrpc.client

import openpyxl
import pytest
import requests
from server_process import ROOT, Rpc

MODULES = ("community_base", "community_grid", "community_finance",
           "community_eval", "community_party", "community_service")
ROLES = {
    "leader": ["community_base.group_leader"],
    "community_clerk": ["community_base.group_community_clerk"],
    "street_clerk": ["community_base.group_street_clerk"],
    "street_admin": ["community_base.group_street_admin"],
    "grid_officer": ["community_grid.group_grid_officer"],
    "case_handler": ["community_grid.group_case_handler"],
    "finance_officer": ["community_finance.group_finance_officer"],
    "evaluator": ["community_eval.group_evaluator"],
    "party_organiser": ["community_party.group_party_organiser"],
    "party_secretary": ["community_party.group_party_secretary"],
    "party_officer": ["community_party.group_party_officer"],
    "internal": ["base.group_user"],
    "portal": ["base.group_portal"],
}
ANONYMOUS = "anonymous"
LEDGER = {"leader", "community_clerk", "street_clerk", "street_admin"}
GRID = LEDGER | {"grid_officer"}
CASES = GRID | {"case_handler"}
FINANCE = {"leader", "street_admin", "finance_officer"}
EVAL = {"leader", "street_clerk", "street_admin"}
PARTY = {"leader", "street_admin", "party_organiser", "party_secretary",
         "party_officer"}
#: the roles held to part of a street, and the kinds of record they are
#: refused in a2 (another community, another party organisation) as well
NARROW = {
    "community_clerk": {"community", "compound", "building", "household",
                        "resident", "inbound", "service_request"},
    "party_organiser": {"party_member", "inservice"},
    "party_secretary": {"party_member", "inservice"},
}
#: report XML id: (record kind of the fixture, roles entitled to print a
#: record of their own place)
REPORT_CASES = {
    "community_base.community_community_ledger_xlsx": ("community", LEDGER),
    "community_base.community_compound_ledger_xlsx": ("compound", LEDGER),
    "community_base.community_building_ledger_xlsx": ("building", LEDGER),
    "community_base.community_household_ledger_xlsx": ("household", LEDGER),
    "community_grid.grid_case_list_xlsx": ("case", GRID),
    # a wizard: each role prints their own, never another user's
    "community_grid.grid_case_statistics_xlsx": ("statistics", CASES),
    "community_grid.grid_visit_statistics_xlsx": ("visit_report", GRID),
    "community_finance.crossovered_budget_final_accounts_xlsx": (
        "budget", FINANCE),
    "community_finance.crossovered_budget_final_accounts_pdf": (
        "budget", FINANCE),
    "community_finance.finance_subsidy_run_bank_xlsx": (
        "subsidy_run", {"finance_officer"}),
    "community_eval.eval_campaign_xlsx": ("campaign", EVAL),
    "community_eval.eval_result_xlsx": ("results", EVAL),
    "community_base.community_resident_record_pdf": ("resident", LEDGER),
    "community_base.community_task_inbound_refusal_pdf": ("inbound", LEDGER),
    "community_base.community_report_pack_cover_pdf": (
        "pack", {"leader", "street_clerk", "street_admin"}),
    "community_grid.grid_case_form_pdf": ("case", CASES),
    "community_party.party_member_roster_xlsx": ("party_member", PARTY),
    "community_party.party_inservice_feedback_xlsx": ("inservice", PARTY),
    "community_party.party_inservice_ledger_xlsx": ("inservice", PARTY),
    "community_service.service_request_receipt_pdf": (
        "service_request", LEDGER),
}


def _ledger_template(world, role, session):
    """The empty ledger workbook (no record behind it): for the roles that
    import ledgers, refused to the others and anonymously."""
    path = "/community_base/ledger_template"
    is_file, _text = session.get(path)
    allowed = role in LEDGER - {"leader"}
    if allowed and not is_file:
        return ["%s: %s: no file" % (role, path)]
    if is_file and not allowed:
        return ["%s: %s: downloaded" % (role, path)]
    return []


#: route path of the addons: a function(world, role, session) returning the
#: problems found calling it as ``role`` on the records of world["places"]
#: (refused outside the role's scope, answered inside it where the role is
#: entitled). A new route fails ``test_every_report_and_route_has_a_case``
#: until it has one.
ROUTE_CASES = {"/community_base/ledger_template": _ledger_template}
PACK_ROLES = {"leader", "street_clerk", "street_admin"}


class Admin(Rpc):
    """XML-RPC as admin, to prepare the data, with XML ids."""

    def ref(self, xmlid):
        return self("ir.model.data", "xmlid_to_res_id", xmlid)


class Session:
    """One user's web session and XML-RPC; anonymous without a login."""

    def __init__(self, server, login=None):
        self.url, self.db, self.login = server["url"], server["db"], login
        self.http = requests.Session()
        self.uid = None
        if login:
            answer = self.http.post(
                self.url + "/web/session/authenticate", json={
                    "jsonrpc": "2.0", "method": "call", "params": {
                        "db": self.db, "login": login,
                        "password": login}}).json()
            self.uid = answer.get("result", {}).get("uid")
            assert self.uid, answer
        self.xmlrpc = xmlrpc.client.ServerProxy(
            self.url + "/xmlrpc/2/object", allow_none=True)

    def get(self, path):
        return _answer(self.http.get(self.url + path).content)

    def download(self, url, report_type):
        return _answer(self.http.post(self.url + "/report/download", data={
            "data": json.dumps([url, report_type]), "token": "1"}).content)

    def call(self, model, method, args, kwargs=None):
        """(result, None) or (None, the fault's text)."""
        try:
            return self.xmlrpc.execute_kw(
                self.db, self.uid, self.login, model, method, args,
                kwargs or {}), None
        except xmlrpc.client.Fault as fault:
            return None, fault.faultString

    def rpc(self, model, method, args, kwargs=None):
        """(is a file, text) of an XML-RPC call, read from the raw answer:
        Odoo writes a file's bytes into the XML as they are (not a valid
        document, yet the workbook is there)."""
        if not self.uid:
            return False, ""
        body = xmlrpc.client.dumps((
            self.db, self.uid, self.login, model, method, args,
            kwargs or {}), "execute_kw", allow_none=True)
        raw = self.http.post(self.url + "/xmlrpc/2/object", data=body.encode(),
                             headers={"Content-Type": "text/xml"}).content
        text = raw.decode("utf-8", "replace")
        return ("PK\x03\x04" in text or "%PDF" in text), text


def _answer(content):
    """(is a file, its text): a workbook's cells, or the page's text."""
    if content[:2] == b"PK":
        book = openpyxl.load_workbook(io.BytesIO(content))
        return True, "\n".join(
            str(cell) for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row if cell is not None)
    if content[:4] == b"%PDF":
        return True, ""
    return False, content.decode("utf-8", "replace")


def _b64(text):
    return base64.b64encode(text.encode()).decode()


#: what the route scanner must find in a controller, as a check of itself
SAMPLE_CONTROLLER = """
from odoo import http
from odoo.http import route


class Sample(http.Controller):
    @http.route(["/street/a", "/street/b/<int:id>"], type="http", auth="user")
    def a(self, **kw):
        pass

    @route(route="/street/c", auth="public")
    def c(self):
        pass

    @http.route()
    def overridden(self):
        pass
"""


def addon_routes():
    """(file, path) of every ``http.route`` / ``route`` decorator in the
    Python files of the addons."""
    found = []
    for path in sorted((ROOT / "addons").glob("*/**/*.py")):
        found += [(str(path.relative_to(ROOT)), value) for value in
                  routes_in(path.read_text(encoding="utf-8"), path.name)]
    return found


def routes_in(source, filename):
    """The paths routed in ``source``; ``<file.method>`` for a ``route()``
    without paths (an override of a parent's routes)."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for decorator in node.decorator_list:
            call = decorator if isinstance(decorator, ast.Call) else None
            func = call.func if call else decorator
            name = getattr(func, "attr", None) or getattr(func, "id", None)
            if name != "route":
                continue
            paths = call.args[0] if call and call.args else next(
                (keyword.value for keyword in (call.keywords if call else [])
                 if keyword.arg == "route"), None)
            if isinstance(paths, (ast.List, ast.Tuple)):
                values = [elt.value for elt in paths.elts
                          if isinstance(elt, ast.Constant)]
            elif isinstance(paths, ast.Constant):
                values = [paths.value]
            else:  # route() of an override: the parent's paths
                values = ["<%s.%s>" % (filename, node.name)]
            found += values
    return found


@pytest.fixture(scope="module")
def world(odoo_server):
    admin = Admin(odoo_server)
    tag = uuid.uuid4().hex[:8]
    secret = {place: "R%s%s" % (tag, place) for place in ("a1", "a2", "b1")}
    district = admin("res.users", "read", [admin.uid], ["company_id"])[0][
        "company_id"][0]
    streets = {}
    for key, name in (("a", "路由街道%s" % tag), ("b", "路由街道%s" % secret[
            "b1"])):
        streets[key] = admin("res.company", "create", {
            "name": name, "parent_id": district, "is_street_office": True})
    admin("res.users", "write", [admin.uid], {
        "company_ids": [(4, street) for street in streets.values()]})
    users = {}
    for role, groups in ROLES.items():
        login = "route_%s_%s" % (role, tag)
        users[role] = admin("res.users", "create", {
            "name": login, "login": login, "password": login,
            "company_id": streets["a"],
            "company_ids": [(6, 0, [streets["a"]])],
            "groups_id": [(6, 0, [admin.ref(group) for group in groups])]})
    officer_b = admin("res.users", "create", {
        "name": "route_officer_b_%s" % tag, "login": "route_officer_b_%s" % tag,
        "company_id": streets["b"], "company_ids": [(6, 0, [streets["b"]])],
        "groups_id": [(6, 0, [admin.ref("community_grid.group_grid_officer")])]})
    admin("res.company", "action_finance_setup", list(streets.values()))
    category = admin("grid.case.category", "create", {
        "name": "路由测试%s" % tag, "code": "RT%s" % tag, "level": "street"})
    places = {}
    for index, (place, street) in enumerate(
            (("a1", "a"), ("a2", "a"), ("b1", "b"))):
        p = {"street": streets[street]}
        p["community"] = admin("community.community", "create", {
            "name": "社区%s" % secret[place], "code": "RT%s%d" % (tag, index),
            "company_id": streets[street]})
        p["compound"] = admin("community.compound", "create", {
            "name": "小区%s" % secret[place], "community_id": p["community"]})
        p["building"] = admin("community.building", "create", {
            "name": "楼%s" % secret[place], "compound_id": p["compound"]})
        p["household"] = admin("community.household", "create", {
            "building_id": p["building"], "unit": "1", "room": "101"})
        p["resident"] = admin("community.resident", "create", {
            "name": "居民%s" % secret[place], "household_id": p["household"],
            "relation": "head"})
        officer = {"a1": users["grid_officer"], "b1": officer_b}.get(place)
        p["grid"] = admin("grid.grid", "create", {
            "name": "网格%s" % secret[place], "code": "RG%s%d" % (tag, index),
            "community_id": p["community"], "officer_id": officer or False})
        admin("community.building", "write", [p["building"]],
              {"grid_id": p["grid"]})
        p["case"] = admin("grid.case", "create", {
            "category_id": category, "household_id": p["household"],
            "description": "<p>%s</p>" % secret[place], "channel": "visit",
            "handler_user_id": users["case_handler"] if place == "a1"
            else False})
        # a refused inbound item: its refusal note
        p["inbound"] = admin("community.task.inbound", "create", {
            "name": "事项%s" % secret[place], "kind": "meeting",
            "department_id": admin("hr.department", "create", {
                "name": "部门%s" % secret[place], "company_id": False}),
            "community_id": p["community"], "date_received": "2026-03-02",
            "refuse_reason": "理由%s" % secret[place]})
        admin("community.task.inbound", "action_refuse", [p["inbound"]])
        if officer:
            admin("grid.visit", "create", {
                "officer_id": officer, "household_id": p["household"],
                "date": "2026-03-02"})
        places[place] = p
    for place in ("a1", "b1"):
        p = places[place]
        p["visit_report"] = admin("grid.visit.report", "search", [
            ("community_id", "=", p["community"])], limit=1)[0]
    admin("res.users", "write", [users["community_clerk"]], {
        "community_ids": [(6, 0, [places["a1"]["community"]])]})
    _finance(admin, tag, secret, streets, places)
    _evaluation(admin, tag, secret, streets, places)
    _party(admin, secret, places, users)
    _service(admin, secret, places)
    for place, street in (("a1", "a"), ("b1", "b")):
        pack = admin("community.report.pack", "create", {
            "company_id": streets[street], "month": "2026-01-01"})
        admin("community.report.pack", "action_generate_job", [pack])
        places[place]["pack"] = pack
        places[place]["pack_attachment"] = admin(
            "community.report.pack", "read", [pack], ["attachment_id"])[0][
                "attachment_id"][0]
    sessions = {role: Session(odoo_server, "route_%s_%s" % (role, tag))
                for role in ROLES}
    sessions[ANONYMOUS] = Session(odoo_server)
    yield {"admin": admin, "tag": tag, "secret": secret, "places": places,
           "users": users, "sessions": sessions, "streets": streets}
    admin("res.users", "write", list(users.values()) + [officer_b],
          {"active": False})
    # campaigns are global figures (the demo loader's test counts them):
    # back to draft, which may be deleted, with their sheets and results
    campaigns = [p["campaign"] for p in places.values() if "campaign" in p]
    admin("eval.campaign", "write", campaigns, {"state": "draft"})
    admin("eval.campaign", "unlink", campaigns)


def _finance(admin, tag, secret, streets, places):
    streets_read = {
        key: admin("res.company", "read", [street], [
            "finance_journal_id", "finance_expense_account_id"])[0]
        for key, street in streets.items()}
    head = admin.ref("community_finance.finance_subsidy_standard_head")
    bank = admin("res.bank", "create", {"name": "银行%s" % tag})
    for place, street in (("a1", "a"), ("b1", "b")):
        p = places[place]
        p["budget"] = admin("crossovered.budget", "create", {
            "name": "预算%s" % secret[place], "date_from": "2026-01-01",
            "date_to": "2026-12-31", "company_id": streets[street]})
        partner = admin("res.partner", "create", {
            "name": "收款人%s" % secret[place]})
        account = admin("res.partner.bank", "create", {
            "acc_number": "6222%s%s" % (tag, place), "partner_id": partner,
            "bank_id": bank})
        admin("finance.subsidy.holder", "create", {
            "partner_id": partner, "standard_id": head,
            "community_id": p["community"], "bank_account_id": account,
            "date_start": "2026-01-01"})
        payable = admin("account.account", "search", [
            ("company_id", "=", streets[street]),
            ("internal_type", "=", "payable")], limit=1)[0]
        company = streets_read[street]
        p["subsidy_run"] = admin("finance.subsidy.run", "create", {
            "company_id": streets[street], "year": 2026, "month": "5",
            "journal_id": company["finance_journal_id"][0],
            "expense_account_id": company["finance_expense_account_id"][0],
            "payable_account_id": payable})
        admin("finance.subsidy.run", "action_post", [p["subsidy_run"]])


def _evaluation(admin, tag, secret, streets, places):
    range_type = admin("date.range.type", "create", {
        "name": "季度%s" % tag, "allow_overlap": True, "company_id": False})
    quarter = admin("date.range", "create", {
        "name": "2026Q1-%s" % tag, "type_id": range_type,
        "date_start": "2026-01-01", "date_end": "2026-03-31",
        "company_id": False})
    scheme = admin("eval.scheme", "create", {
        "name": "路由测评%s" % tag, "code": "RT-%s" % tag, "company_id": False,
        "evaluator_kind": "resident", "target_type": "community",
        "period_type": "quarter", "min_sample": 0,
        "indicator_ids": [(0, 0, {"name": "分数", "scale": "points",
                                  "max_points": 10})]})
    for place, street, state in (("a1", "a", "closed"), ("b1", "b", "closed"),
                                 ("a2", "a", "open")):
        p = places[place]
        campaign = admin("eval.campaign", "create", {
            "name": "测评%s" % secret[place], "scheme_id": scheme,
            "company_id": streets[street], "date_range_id": quarter,
            "community_ids": [(6, 0, [p["community"]])]})
        admin("eval.campaign", "action_open", [campaign])
        admin("eval.campaign", "action_compute", [campaign])
        if state == "closed":
            admin("eval.campaign", "action_close", [campaign])
        p["campaign"] = campaign
        p["results"] = admin("eval.result", "search", [
            ("campaign_id", "=", campaign)])


def _party(admin, secret, places, users):
    """A community party committee in each place, with an in-service member
    of a unit registered there; the organiser keeps a1's committee, the
    community party secretary serves a1's community."""
    for place in ("a1", "a2", "b1"):
        p = places[place]
        p["party_organisation"] = admin("party.organisation", "create", {
            "name": "党委%s" % secret[place], "kind": "community_committee",
            "company_id": p["street"], "community_id": p["community"]})
        unit = admin("res.partner", "create", {
            "name": "单位%s" % secret[place], "is_company": True})
        p["party_member"] = admin("party.member", "create", {
            "name": "党员%s" % secret[place], "category": "in_service",
            "organisation_id": p["party_organisation"], "work_unit_id": unit})
        p["inservice"] = admin("party.inservice.registration", "create", {
            "member_id": p["party_member"], "community_id": p["community"],
            "unit_id": unit, "date_registered": "2026-01-15"})
    admin("res.users", "write", [users["party_organiser"]], {
        "party_organisation_ids": [(6, 0, [
            places["a1"]["party_organisation"]])]})
    admin("res.users", "write", [users["party_secretary"]], {
        "community_ids": [(6, 0, [places["a1"]["community"]])]})


def _service(admin, secret, places):
    """A service matter admitted in each place's street and a request of
    the place's community: its receipt."""
    for place in ("a1", "a2", "b1"):
        p = places[place]
        admission = admin("community.admission.request", "create", {
            "name": "服务事项%s" % secret[place],
            "department_id": admin("hr.department", "create", {
                "name": "科室%s" % secret[place], "company_id": p["street"]}),
            "task_type": "task", "legal_basis": "依据%s" % secret[place],
            "community_ids": [(6, 0, [p["community"]])],
            "company_id": p["street"], "date_start": "2026-01-01"})
        admin("community.admission.request", "write", [admission],
              {"state": "approved"})
        item = admin("service.item", "create", {
            "name": "事项%s" % secret[place], "code": "S%s" % secret[place],
            "company_id": p["street"], "admission_request_id": admission,
            "active": True})
        p["service_request"] = admin("service.request", "create", {
            "item_id": item, "community_id": p["community"],
            "applicant_name": "申请人%s" % secret[place]})


def _records(world, kind, role, place):
    """The ids to print of ``kind`` in ``place`` as ``role``: the fixture's,
    or for the statistics wizard, one of the role's own (None when the role
    may not even make one) or of admin's for another place."""
    p = world["places"][place]
    if kind == "statistics":
        street = p["street"]
        if place != "a1":
            return [world["admin"]("grid.case.statistics.wizard", "create", {
                "company_id": street, "date_start": "2026-01-01",
                "date_end": "2026-12-31", "grouping": "community"})]
        wizard, _fault = world["sessions"][role].call(
            "grid.case.statistics.wizard", "create", [{
                "company_id": street, "date_start": "2026-01-01",
                "date_end": "2026-12-31", "grouping": "community"}])
        return [wizard] if wizard else None
    ids = p[kind]
    return ids if isinstance(ids, list) else [ids]


def _channels(world, xmlid, report, session, ids):
    """(channel, (is a file, text)) of every way to print ``ids``."""
    path = ",".join(str(i) for i in ids)
    if report["report_type"] == "xlsx":
        yield "GET xlsx", session.get("/report/xlsx/%s/%s" % (
            report["report_name"], path))
        yield "xmlrpc report model", session.rpc(
            "report.%s" % report["report_name"], "create_xlsx_report",
            [[], ids, {}], {"context": {"active_model": report["model"]}})
    else:
        for converter in ("html", "pdf"):
            yield "GET %s" % converter, session.get("/report/%s/%s/%s" % (
                converter, report["report_name"], path))
        yield "report/download", session.download("/report/pdf/%s/%s" % (
            report["report_name"], path), "qweb-pdf")
    yield "xmlrpc render", session.rpc(
        "ir.actions.report", "render", [[report["id"]], ids])


def street_reports(admin):
    data = admin("ir.model.data", "search_read", [
        ("model", "=", "ir.actions.report"), ("module", "in", MODULES)],
        fields=["module", "name", "res_id"])
    reports = {}
    for row in data:
        report = admin("ir.actions.report", "read", [row["res_id"]], [
            "report_name", "report_type", "model"])[0]
        reports["%s.%s" % (row["module"], row["name"])] = report
    return reports


def test_every_report_and_route_has_a_case(world):
    reports = street_reports(world["admin"])
    assert len(reports) >= 12
    missing = sorted(set(reports) - set(REPORT_CASES))
    assert not missing, "reports without a case in REPORT_CASES: %s" % missing
    assert routes_in(SAMPLE_CONTROLLER, "sample.py") == [
        "/street/a", "/street/b/<int:id>", "/street/c",
        "<sample.py.overridden>"]
    routes = addon_routes()
    unswept = [route for route in routes if route[1] not in ROUTE_CASES]
    assert not unswept, "routes without a case in ROUTE_CASES: %s" % unswept


@pytest.mark.parametrize("xmlid", sorted(REPORT_CASES))
def test_report_as_every_role(world, xmlid):
    reports = street_reports(world["admin"])
    report = reports[xmlid]
    kind, entitled = REPORT_CASES[xmlid]
    secret = world["secret"]
    # what a1's report shows of its record: the secret, or, on the cover
    # page of the report pack (which names no community), its street
    shown = "路由街道%s" % world["tag"] if kind == "pack" else secret["a1"]
    problems = []
    for role, session in world["sessions"].items():
        outside = [("b1", secret["b1"])]
        if kind in NARROW.get(role, ()):
            outside.append(("a2", secret["a2"]))
        for place, hidden in outside:
            ids = _records(world, kind, role, place)
            for channel, (is_file, text) in _channels(
                    world, xmlid, report, session, ids):
                if is_file or hidden in text:
                    problems.append("%s: %s of %s: %s" % (
                        role, channel, place,
                        "a file" if is_file else "names %s" % hidden))
        if role == ANONYMOUS:
            continue
        ids = _records(world, kind, role, "a1")
        if ids is None:
            if role in entitled:
                problems.append("%s: cannot make a wizard" % role)
            continue
        for channel, (is_file, text) in _channels(
                world, xmlid, report, session, ids):
            if channel in ("GET pdf", "report/download") or (
                    channel == "xmlrpc render"
                    and report["report_type"] == "qweb-pdf"):
                # refusals only (checked above); the PDFs are printed
                # and read back in tests/test_report_pdf.py
                continue
            if role in entitled:
                if channel == "GET html":
                    is_file = shown in text
                # the workbook of a GET is read back; an XML-RPC answer
                # holds it compressed
                if not is_file or (kind != "statistics"
                                   and channel.startswith("GET")
                                   and shown not in text):
                    problems.append("%s: %s of a1: no file (%s)" % (
                        role, channel, text[:200]))
            elif is_file or (channel == "GET html" and shown in text):
                problems.append("%s: %s of a1: printed" % (role, channel))
    assert not problems, "\n".join(problems)


def test_scoring_campaign_rankings_for_its_clerks_only(world):
    """A campaign still being scored: its clerks print the rankings, the
    leader does not yet."""
    report = street_reports(world["admin"])["community_eval.eval_campaign_xlsx"]
    campaign = world["places"]["a2"]["campaign"]
    url = "/report/xlsx/%s/%d" % (report["report_name"], campaign)
    is_file, text = world["sessions"]["street_clerk"].get(url)
    assert is_file and world["secret"]["a2"] in text
    for role in ("leader", "community_clerk", "evaluator"):
        is_file, _text = world["sessions"][role].get(url)
        assert not is_file, role


def test_report_pack_download(world):
    """The monthly pack's workbook downloads for the street's leader and
    clerks, from their own street only, whichever the path."""
    problems = []
    for role, session in world["sessions"].items():
        for place in ("a1", "b1"):
            p = world["places"][place]
            paths = (
                "/web/content/community.report.pack/%d/datas" % p["pack"],
                "/web/content/%d" % p["pack_attachment"],
                "/web/content?model=community.report.pack&id=%d&field=datas"
                "&download=true" % p["pack"])
            for path in paths:
                is_file, text = session.get(path)
                allowed = place == "a1" and role in PACK_ROLES
                if allowed and not is_file:
                    problems.append("%s: %s: no file" % (role, path))
                if not allowed and (is_file or world["secret"]["b1"] in text):
                    problems.append("%s: %s: downloaded" % (role, path))
    assert not problems, "\n".join(problems)


def test_routes_as_every_role(world):
    """Every route of the addons, as every role and anonymously (one test
    for all of them, so that no route means no call rather than a skip;
    test_every_report_and_route_has_a_case checks that each has a case)."""
    problems = []
    for path in sorted(ROUTE_CASES):
        for role, session in world["sessions"].items():
            problems += ROUTE_CASES[path](world, role, session)
    assert not problems, "\n".join(problems)
