"""Where each role lands after login (issue 16), in Debian's chromium.

A street of its own is prepared over XML-RPC as the administrator: two
communities with households and residents, a grid over the first
community's building, an approved budget of this year, a residents' survey
scoring now, and one user per role, each given the role only (the landing
page comes from the role, not from the test). Each user logs in through
the login form in zh_CN; the page they land on must be their work, not the
Discuss inbox: its title (the breadcrumb) is the role's landing action, and
a record of that work is on it with the figure the user's rights give
(leader and street administrator: the dashboard's residents tile; clerks:
their work page's residents tile; the grid officer: the households of
their grid to visit; the finance officer: the budget line of their
community; the evaluator: their score sheet of the community; the case
handler: the case dispatched to them on the dispatch board). The time from
the login button to that record is printed per role (``-s`` shows it) and
any JavaScript error or HTTP 5xx fails the test.
"""
import datetime
import re
import time
import uuid

import pytest
import requests
from server_process import Rpc
from test_browser_menus import NAVBAR, watch_page

pytestmark = pytest.mark.browser

DASHBOARD = "community_base.community_kpi_dashboard_action"
MY_WORK = "community_base.community_kpi_my_work_action"
RESIDENTS_TILE = "community_base.community_kpi_residents"
TO_VISIT_TILE = "community_grid.community_kpi_households_to_visit"
# the Discuss client action of Odoo 11 (the inbox)
DISCUSS = ".o_mail_chat"


def _button(server, model, method, ids):
    """Click a button as the administrator over JSON-RPC: a button that
    returns None has no XML-RPC answer."""
    http = requests.Session()
    answer = http.post(server["url"] + "/web/session/authenticate", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "db": server["db"], "login": "admin", "password": "admin"}})
    assert answer.json().get("result", {}).get("uid"), answer.text
    answer = http.post(server["url"] + "/web/dataset/call_kw", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "model": model, "method": method, "args": [ids], "kwargs": {}}})
    assert "error" not in answer.json(), answer.text


@pytest.fixture(scope="module")
def street(odoo_server):
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:6]
    today = datetime.date.today()
    year = today.year
    street_id = rpc.new_street("落地街道%s" % tag)
    communities, buildings = [], []
    for index, households in enumerate(((2, 2, 2), (1, 1))):
        community, building = rpc.new_community(
            street_id, "落地社区%s-%d" % (tag, index), "L%s%d" % (tag, index),
            households)
        communities.append(community)
        buildings.append(building)

    def user(role, group, community_ids=()):
        login = "landing_%s_%s" % (role, tag)
        rpc("res.users", "create", {
            "name": "落地%s%s" % (role, tag), "login": login,
            "password": login, "lang": "zh_CN", "tz": "Asia/Shanghai",
            "email": "%s@example.com" % login, "company_id": street_id,
            "company_ids": [(6, 0, [street_id])],
            "community_ids": [(6, 0, list(community_ids))],
            "groups_id": [(6, 0, [
                rpc.ref(group)])]})
        return login

    logins = {
        "leader": user("leader", "community_base.group_leader"),
        "admin_street": user("admin", "community_base.group_street_admin",
                             communities),
        "clerk_street": user("street", "community_base.group_street_clerk",
                             communities),
        "clerk_community": user(
            "community", "community_base.group_community_clerk",
            communities[:1]),
        "grid_officer": user("grid", "community_grid.group_grid_officer"),
        "finance_officer": user(
            "finance", "community_finance.group_finance_officer"),
        "evaluator": user("evaluator", "community_eval.group_evaluator"),
        "case_handler": user("handler", "community_grid.group_case_handler"),
    }
    uid = {role: rpc("res.users", "search", [("login", "=", login)])[0]
           for role, login in logins.items()}

    # the grid officer's grid holds the first community's building
    grid = rpc("grid.grid", "create", {
        "name": "落地网格%s" % tag, "code": "LG%s" % tag,
        "community_id": communities[0], "officer_id": uid["grid_officer"]})
    rpc("community.building", "write", [buildings[0]], {"grid_id": grid})

    # this year's approved budget of the first community
    rpc("res.company", "action_finance_setup", [street_id])
    post = rpc("res.company", "read", [street_id],
               ["finance_budget_post_id"])[0]["finance_budget_post_id"][0]
    budget = rpc("crossovered.budget", "create", {
        "name": "落地预算%s" % tag, "company_id": street_id,
        "date_from": "%d-01-01" % year, "date_to": "%d-12-31" % year,
        "crossovered_budget_line": [(0, 0, {
            "community_id": communities[0], "general_budget_id": post,
            "planned_amount": 10000.0, "date_from": "%d-01-01" % year,
            "date_to": "%d-12-31" % year})]})
    _button(odoo_server, "crossovered.budget", "action_budget_confirm",
            [budget])
    _button(odoo_server, "crossovered.budget", "action_budget_validate",
            [budget])

    # a residents' survey of the first community this quarter, scoring now
    range_type = rpc("date.range.type", "create", {
        "name": "落地期间%s" % tag, "allow_overlap": True})
    first_month = (today.month - 1) // 3 * 3 + 1
    end = (datetime.date(year, first_month + 3, 1) if first_month < 10
           else datetime.date(year + 1, 1, 1)) - datetime.timedelta(days=1)
    period = rpc("date.range", "create", {
        "name": "落地%s" % tag, "type_id": range_type,
        "date_start": "%d-%02d-01" % (year, first_month),
        "date_end": end.isoformat(), "company_id": False})
    campaign = rpc("eval.campaign", "create", {
        "name": "落地测评%s" % tag,
        "scheme_id": rpc.ref("community_eval.eval_scheme_resident_community"),
        "company_id": street_id, "date_range_id": period,
        "community_ids": [(6, 0, communities[:1])],
        "evaluator_ids": [(6, 0, [uid["evaluator"]])]})
    _button(odoo_server, "eval.campaign", "action_open", [campaign])

    # a case of the first community dispatched to the case handler
    category = rpc("grid.case.category", "create", {
        "name": "落地类别%s" % tag, "code": "LC%s" % tag, "level": "street"})
    household = rpc("community.household", "search", [
        ("building_id", "=", buildings[0])], limit=1)[0]
    case = rpc("grid.case", "create", {
        "category_id": category, "household_id": household,
        "description": "<p>楼道堆物%s</p>" % tag, "channel": "visit",
        "handler_user_id": uid["case_handler"]})
    rpc("grid.case", "action_dispatch", [case])
    case_name = rpc("grid.case", "read", [case], ["name"])[0]["name"]

    def tile_name(xmlid):
        return rpc("community.kpi", "read", [
            rpc.ref(xmlid)], ["name"],
            context={"lang": "zh_CN"})[0]["name"]

    def living(*domain):
        return rpc("community.resident", "search_count",
                   [("state", "=", "living")] + list(domain))

    community_names = {row["id"]: row["name"] for row in rpc(
        "community.community", "read", communities, ["name"])}
    street_residents = living(("company_id", "=", street_id))
    assert street_residents == 8
    residents = tile_name(RESIDENTS_TILE)
    # role: (landing action, the record of its work, the figure on it)
    expected = {
        "leader": (DASHBOARD, residents, street_residents),
        "admin_street": (DASHBOARD, residents, street_residents),
        "clerk_street": (MY_WORK, residents, street_residents),
        "clerk_community": (MY_WORK, residents, living(
            ("community_id", "=", communities[0]))),
        "grid_officer": (MY_WORK, tile_name(TO_VISIT_TILE), 3),
        "finance_officer": (
            "community_finance.finance_budget_execution_report_action",
            community_names[communities[0]], None),
        "evaluator": ("community_eval.eval_sheet_my_action",
                      community_names[communities[0]], None),
        "case_handler": ("community_grid.grid_case_action", case_name, None),
    }
    return rpc, logins, expected


def _action_title(rpc, xmlid):
    return rpc("ir.actions.act_window", "read", [
        rpc.ref(xmlid)], ["name"],
        context={"lang": "zh_CN"})[0]["name"]


@pytest.mark.parametrize("role", [
    "leader", "admin_street", "clerk_street", "clerk_community",
    "grid_officer", "finance_officer", "evaluator", "case_handler"])
def test_each_role_lands_on_its_work(odoo_server, street, browser, role,
                                     artifacts_dir):
    rpc, logins, expected = street
    xmlid, record, figure = expected[role]
    title = _action_title(rpc, xmlid)
    login = logins[role]
    problems = []
    page = browser.new_page(viewport={"width": 1366, "height": 900},
                            locale="zh-CN")
    watch_page(page, problems)
    page.goto(odoo_server["url"] + "/web/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", login)
    started = time.monotonic()
    page.click("button[type=submit]")
    page.wait_for_selector(NAVBAR, timeout=120000)
    if figure is None:   # a list or a board: the row or card of the record
        item = page.locator(".o_content .o_data_row, .o_content "
                            ".o_kanban_record", has_text=record).first
    else:                # a dashboard: the tile of exactly that name
        item = page.locator(".o_content .o_kanban_record").filter(
            has=page.locator(".o_community_kpi_name", has_text=re.compile(
                "^%s$" % re.escape(record)))).first
    item.wait_for(timeout=120000)
    page.wait_for_selector(".o_loading", state="hidden", timeout=60000)
    elapsed = time.monotonic() - started
    print("\nlanding %-16s %-12s %.2f s" % (role, title, elapsed))
    page.screenshot(path=str(artifacts_dir / ("landing_%s.png" % role)))
    breadcrumb = page.inner_text(".o_control_panel .breadcrumb").strip()
    assert breadcrumb == title, (role, breadcrumb)
    assert page.locator(DISCUSS).count() == 0, role
    if figure is not None:
        text = item.locator(".o_community_kpi_value").inner_text()
        assert int(re.sub(r"[^0-9]", "", text)) == figure, (role, text)
    page.close()
    assert not problems, "\n".join(problems)
