"""A finance officer's year in the web client, in zh_CN: the year's budget
created from the funding standards, approved, some expenses posted, and
the final-accounts workbook exported and read back.

The street, its community and households and the finance officer are
prepared over XML-RPC as the administrator. In Debian's chromium the
finance officer opens the allocation wizard, computes the allocations from
the standards (35 and 50 yuan per household, office funds by size),
creates the budget lines, submits and approves the budget, types two
expenses into journal entries and posts them; the workbook is downloaded
from the budget's Print menu and its figures are checked against the
journal entries.
"""
import io
import re
import uuid
import xmlrpc.client

import openpyxl
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright
from test_browser_menus import CHROMIUM, CHROMIUM_ARGS, NAVBAR

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


def _expense_accounts(officer, street):
    """What an expense of the community work funds is booked on: the
    standard's expense account, the community's analytic account, the
    street's bank journal and its account (as the finance officer reads
    them)."""
    standard = officer("finance.fund.standard", "search_read", [
        ("company_id", "=", street["street_id"]), ("code", "=", "CWF")],
        fields=["budget_post_id"])[0]
    account = officer("account.budget.post", "read", [
        standard["budget_post_id"][0]], ["account_ids"])[0]["account_ids"][0]
    analytic = officer("community.community", "read", [
        street["community_id"]], ["analytic_account_id"])[0][
            "analytic_account_id"][0]
    # the code: what a clerk types, and unique where names may repeat
    analytic = officer("account.analytic.account", "read", [analytic],
                       ["code"])[0]["code"]
    journal = officer("account.journal", "search_read", [
        ("company_id", "=", street["street_id"]), ("type", "=", "bank")],
        fields=["name", "default_credit_account_id"], limit=1)[0]
    codes = {row["id"]: row["code"] for row in officer(
        "account.account", "read",
        [account, journal["default_credit_account_id"][0]], ["code"])}
    return {"expense": codes[account], "analytic": analytic,
            "journal": journal["name"],
            "bank": codes[journal["default_credit_account_id"][0]]}


def _pick(page, scope, field, text):
    """Type ``text`` into the many2one ``field`` inside ``scope`` and pick
    the first existing record suggested (never "Create ...")."""
    item = page.locator(
        ".ui-autocomplete:visible li:not(.o_m2o_dropdown_option) a",
        has_text=text).first
    for attempt in range(3):
        # the row re-renders after each onchange: type once the client is
        # idle, and type again when a re-render swallowed the first typing
        # (the suggestions then never open)
        page.wait_for_selector(".o_loading", state="hidden", timeout=30000)
        box = page.locator(
            '%s .o_field_widget[name="%s"] input' % (scope, field)).first
        box.fill("")
        box.type(text, delay=20)
        try:
            item.wait_for(timeout=15000)
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    item.click()


def _post_expense(page, url, rpc, accounts, amount, label):
    """A journal entry typed into the form by the finance officer, then
    posted with the form's button: debit the expense on the community's
    analytic account, credit the bank."""
    action = rpc("ir.model.data", "xmlid_to_res_id",
                 "account.action_move_journal_line")
    page.goto(url + "/web#action=%d&view_type=form" % action)
    page.reload()
    page.wait_for_selector(".o_form_view.o_form_editable", timeout=60000)
    _pick(page, ".o_form_view", "journal_id", accounts["journal"])
    page.fill('.o_form_view input[name="ref"]', label)
    for account, analytic, column, value in (
            (accounts["expense"], accounts["analytic"], "debit", amount),
            (accounts["bank"], None, "credit", amount)):
        page.click('.o_field_widget[name="line_ids"] '
                   '.o_field_x2many_list_row_add a')
        row = '.o_field_widget[name="line_ids"] tr.o_selected_row'
        page.wait_for_selector(row, timeout=30000)
        _pick(page, row, "account_id", account)
        page.fill('%s input[name="name"]' % row, label)
        if analytic:
            _pick(page, row, "analytic_account_id", analytic)
        # a monetary field is an input inside the named widget
        box = page.locator('%(row)s input[name="%(col)s"], '
                           '%(row)s .o_field_widget[name="%(col)s"] input'
                           % {"row": row, "col": column})
        box.first.fill("%.2f" % value)
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_view.o_form_readonly", timeout=60000)
    _click(page, "^(过账|Post)$")
    page.wait_for_selector(
        '.o_statusbar_status button.btn-primary:has-text("已过账"), '
        '.o_statusbar_status button.btn-primary:has-text("Posted")',
        timeout=60000)


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
        budget_url = page.url
        accounts = _expense_accounts(officer, street)
        _post_expense(page, url, rpc, accounts, 120.0, "社区活动物料")
        page.screenshot(path=str(artifacts_dir / "finance_expense.png"))
        _post_expense(page, url, rpc, accounts, 80.5, "办公用品采购")
        page.goto(budget_url)
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
