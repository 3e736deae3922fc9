"""A finance officer's year in the web client, in zh_CN: the year's budget
created from the funding standards, approved, some expenses posted, and
the final-accounts workbook exported and read back.

The street, its community and households and the finance officer are
prepared over XML-RPC as the administrator. In Debian's chromium the
finance officer opens the allocation wizard, computes the allocations from
the standards (35 and 50 yuan per household, office funds by size),
creates the budget lines, submits and approves the budget. The expenses
are posted over XML-RPC with the finance officer's own credentials; the
workbook is downloaded from the budget's Print menu and its figures are
checked against the journal entries.
"""
import io
import re
import uuid
import xmlrpc.client

import pytest

pytest.importorskip("playwright.sync_api")
openpyxl = pytest.importorskip("openpyxl")
from playwright.sync_api import sync_playwright  # noqa: E402
from test_browser_menus import CHROMIUM, CHROMIUM_ARGS, NAVBAR  # noqa: E402

pytestmark = pytest.mark.browser

HOUSEHOLDS = 7
PASSWORD = "finance-browser-test"


class Rpc:
    def __init__(self, server, login="admin", password="admin"):
        self.url, self.db, self.password = server["url"], server["db"], password
        common = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/common")
        self.uid = common.authenticate(self.db, login, password, {})
        assert self.uid, login
        self.models = xmlrpc.client.ServerProxy(self.url + "/xmlrpc/2/object")

    def __call__(self, model, method, *args, **kw):
        return self.models.execute_kw(self.db, self.uid, self.password, model,
                                      method, list(args), kw)


@pytest.fixture(scope="module")
def street(odoo_server):
    """A new street with one community of HOUSEHOLDS households, its
    finance set up, and a finance officer working in it."""
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:6]
    street_id = rpc("res.company", "create", {
        "name": "浏览器街道%s" % tag, "is_street_office": True})
    community = rpc("community.community", "create", {
        "name": "财务社区%s" % tag, "code": "F%s" % tag,
        "company_id": street_id})
    compound = rpc("community.compound", "create", {
        "name": "和平小区%s" % tag, "community_id": community,
        "kind": "estate"})
    building = rpc("community.building", "create", {
        "name": "1号楼", "compound_id": compound})
    for room in range(HOUSEHOLDS):
        rpc("community.household", "create", {
            "building_id": building, "unit": "1", "room": "10%d" % room})
    rpc("res.company", "action_finance_setup", [street_id])
    login = "finance_browser_%s" % tag
    group = rpc("ir.model.data", "xmlid_to_res_id",
                "community_finance.group_finance_officer")
    rpc("res.users", "create", {
        "name": "浏览器财务%s" % tag, "login": login, "password": PASSWORD,
        "email": "%s@example.com" % login,
        "lang": "zh_CN", "company_id": street_id,
        "company_ids": [(6, 0, [street_id])],
        "groups_id": [(6, 0, [group])]})
    return {"rpc": rpc, "officer": Rpc(odoo_server, login, PASSWORD),
            "login": login, "street_id": street_id, "community_id": community}


def _post_expense(officer, street, amount, label):
    """Post an expense on the community's analytic account, as the
    finance officer (only finance officers post)."""
    # the community work funds' own expense account
    standard = officer("finance.fund.standard", "search_read", [
        ("company_id", "=", street["street_id"]), ("code", "=", "CWF")],
        fields=["budget_post_id"])[0]
    account = officer("account.budget.post", "read", [
        standard["budget_post_id"][0]], ["account_ids"])[0]["account_ids"][0]
    analytic = officer("community.community", "read", [
        street["community_id"]], ["analytic_account_id"])[0][
            "analytic_account_id"][0]
    journal = officer("account.journal", "search", [
        ("company_id", "=", street["street_id"]), ("type", "=", "bank")],
        limit=1)[0]
    bank = officer("account.journal", "read", [journal], [
        "default_credit_account_id"])[0]["default_credit_account_id"][0]
    move = officer("account.move", "create", {
        "journal_id": journal, "ref": label,
        "line_ids": [
            (0, 0, {"name": label,
                    "account_id": account,
                    "analytic_account_id": analytic,
                    "debit": amount, "credit": 0.0}),
            (0, 0, {"name": label, "account_id": bank,
                    "debit": 0.0, "credit": amount})]})
    officer("account.move", "post", [move])
    return move


def _header_button(page, label):
    """The visible status-bar button whose label matches ``label`` (a
    regular expression: Chinese once the translations are merged)."""
    return page.locator(".o_form_statusbar button:visible").filter(
        has_text=re.compile(label)).first


def _click(page, label):
    button = _header_button(page, label)
    button.wait_for(timeout=60000)
    button.click()


def test_finance_officer_budgets_spends_and_exports_in_chinese(
        odoo_server, street, artifacts_dir):
    rpc, officer = street["rpc"], street["officer"]
    url = odoo_server["url"]
    problems = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900},
                                locale="zh-CN", accept_downloads=True)
        page.on("pageerror", lambda exc: problems.append("JS error: %s" % exc))
        page.on("response", lambda r: r.status >= 500 and problems.append(
            "HTTP %s on %s" % (r.status, r.url)))
        page.goto(url + "/web/login")
        page.fill("input[name=login]", street["login"])
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_selector(NAVBAR, timeout=120000)

        # the allocation wizard, from the funding standards
        action = rpc("ir.model.data", "xmlid_to_res_id",
                     "community_finance.finance_allocation_wizard_action")
        page.goto(url + "/web#action=%d" % action)
        page.reload()
        page.wait_for_selector('.modal button[name="action_compute"]',
                               timeout=60000)
        page.click('.modal button[name="action_compute"]')
        rows = page.locator(
            '.modal .o_field_one2many[name="line_ids"] .o_data_row')
        rows.nth(2).wait_for(timeout=60000)
        assert rows.count() == 3
        assert "%d" % HOUSEHOLDS in rows.first.inner_text()
        page.screenshot(path=str(artifacts_dir / "finance_allocation.png"))
        page.click('.modal button[name="action_create_budget_lines"]')

        # the budget form: submit, then approve
        _click(page, "^(提交|Submit)$")
        _click(page, "^(批准|Approve)$")
        _header_button(page, "结束|Close").wait_for(timeout=60000)
        budget = rpc("crossovered.budget", "search_read", [
            ("company_id", "=", street["street_id"])],
            fields=["state", "total_planned"])
        assert len(budget) == 1, budget
        budget = budget[0]
        assert budget["state"] == "validate"
        assert budget["total_planned"] == HOUSEHOLDS * 35 + \
            HOUSEHOLDS * 50 + 8000

        # expenses, then the final accounts from the Print menu
        _post_expense(officer, street, 120.0, "社区活动物料")
        _post_expense(officer, street, 80.5, "办公用品采购")
        page.reload()
        _header_button(page, "结束|Close").wait_for(timeout=60000)
        page.click('.o_cp_sidebar .o_dropdown_toggler_btn:has-text("打印")')
        item = page.locator('.o_cp_sidebar .dropdown-menu a').filter(
            has_text=re.compile("预算决算表|Final accounts"))
        with page.expect_download(timeout=120000) as download_info:
            item.first.click()
        download = download_info.value
        path = artifacts_dir / "finance_final_accounts.xlsx"
        download.save_as(str(path))
        page.screenshot(path=str(artifacts_dir / "finance_budget.png"))
        browser.close()
    assert not problems, "\n".join(problems)

    workbook = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    rows = [list(row) for row in workbook["决算明细"].iter_rows(
        values_only=True)]
    total = rows[-1]
    assert total[0] == "合计"
    entries = officer("account.move.line", "search_read", [
        ("company_id", "=", street["street_id"]),
        ("move_id.state", "=", "posted"),
        ("analytic_account_id", "!=", False),
        ("account_id.code", "=like", "5602%")],
        fields=["debit", "credit", "company_id", "move_id"])
    spent = sum(entry["debit"] - entry["credit"] for entry in entries)
    assert spent == pytest.approx(200.5), entries
    assert total[8] == pytest.approx(spent)           # 实际支出
    assert total[6] == budget["total_planned"]        # 调整后预算
    assert total[10] == pytest.approx(budget["total_planned"] - spent)
