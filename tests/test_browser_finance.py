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

import openpyxl
import pytest
import requests
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright
from server_process import Rpc
from test_browser_menus import CHROMIUM, CHROMIUM_ARGS, NAVBAR, watch_page

pytestmark = pytest.mark.browser

HOUSEHOLDS = 7
PASSWORD = "finance-browser-test"


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


# -- the first hour (issue 16, item 6) ---------------------------------------

def _login_as(browser, url, login, problems):
    page = browser.new_page(viewport={"width": 1366, "height": 900},
                            locale="zh-CN")
    watch_page(page, problems)
    page.goto(url + "/web/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector(NAVBAR, timeout=120000)
    return page


def _menu_texts(page, rpc):
    """(top-level entries, every entry) of the street office's menu bar as
    the page holds them (web_responsive's secondary menu of the app)."""
    root = rpc.ref("community_base.menu_root")
    page.goto(page.url.split("#")[0] + "#menu_id=%d" % root)
    page.reload()
    selector = 'ul.oe_secondary_menu[data-menu-parent="%d"]' % root
    page.wait_for_selector(selector, state="attached", timeout=60000)
    return page.eval_on_selector(selector, """menu => {
        const anchors = [...menu.querySelectorAll("a")];
        const text = node => node.textContent.trim();
        const headers = [...menu.querySelectorAll(".dropdown-header")].map(
            header => header.firstChild.textContent.trim());
        return [
            anchors.filter(a => !a.closest(".dropdown-menu")).map(text),
            anchors.map(text).concat(headers)];
    }""")


def _open_action(page, url, action):
    page.goto(url + "/web#action=%d" % action)
    page.reload()
    page.wait_for_selector(".o_content .o_list_view, .o_content .o_form_view",
                           timeout=60000)
    page.wait_for_selector(".o_loading", state="hidden", timeout=60000)


@pytest.fixture(scope="module")
def clerk(street):
    """A community clerk of the street's community (a finance role that
    proposes budgets)."""
    rpc = street["rpc"]
    login = "clerk_%s" % street["login"]
    rpc("res.users", "create", {
        "name": "社区文员%s" % street["login"][-6:], "login": login,
        "password": PASSWORD, "lang": "zh_CN",
        "company_id": street["street_id"],
        "company_ids": [(6, 0, [street["street_id"]])],
        "community_ids": [(6, 0, [street["community_id"]])],
        "groups_id": [(6, 0, [rpc.ref(
            "community_base.group_community_clerk")])]})
    return login


def _button(server, login, model, method, ids):
    """Click a button as ``login`` over JSON-RPC: a button that returns
    None has no XML-RPC answer."""
    http = requests.Session()
    answer = http.post(server["url"] + "/web/session/authenticate", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "db": server["db"], "login": login, "password": PASSWORD}})
    assert answer.json().get("result", {}).get("uid"), answer.text
    answer = http.post(server["url"] + "/web/dataset/call_kw", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "model": model, "method": method, "args": [ids], "kwargs": {}}})
    assert "error" not in answer.json(), answer.text


def _approved_line(server, street):
    """A budget line of the street's approved budget with a commitment and
    a posted expense: made over XML-RPC by the finance officer unless the
    first test left an approved budget."""
    officer = street["officer"]
    budgets = officer("crossovered.budget", "search_read", [
        ("company_id", "=", street["street_id"])], fields=["state"])
    if not budgets:
        wizard = officer("finance.allocation.wizard", "create", {
            "company_id": street["street_id"]})
        officer("finance.allocation.wizard", "action_compute", [wizard])
        officer("finance.allocation.wizard", "action_create_budget_lines",
                [wizard])
        budget = officer("finance.allocation.wizard", "read", [wizard],
                         ["budget_id"])[0]["budget_id"][0]
        for method in ("action_budget_confirm", "action_budget_validate"):
            _button(server, street["login"], "crossovered.budget", method,
                    [budget])
        accounts = _expense_accounts(officer, street)
        ids = {row["code"]: row["id"] for row in officer(
            "account.account", "search_read", [
                ("company_id", "=", street["street_id"]),
                ("code", "in", [accounts["expense"], accounts["bank"]])],
            fields=["code"])}
        analytic = officer("community.community", "read", [
            street["community_id"]], ["analytic_account_id"])[0][
                "analytic_account_id"][0]
        journal = officer("account.journal", "search", [
            ("company_id", "=", street["street_id"]), ("type", "=", "bank")],
            limit=1)[0]
        move = officer("account.move", "create", {
            "journal_id": journal, "ref": "社区活动物料", "line_ids": [
                (0, 0, {"name": "社区活动物料", "debit": 60.0, "credit": 0.0,
                        "account_id": ids[accounts["expense"]],
                        "analytic_account_id": analytic}),
                (0, 0, {"name": "社区活动物料", "debit": 0.0, "credit": 60.0,
                        "account_id": ids[accounts["bank"]]})]})
        officer("account.move", "post", [move])
    standard = officer("finance.fund.standard", "search_read", [
        ("company_id", "=", street["street_id"]), ("code", "=", "CWF")],
        fields=["budget_post_id"])[0]
    line = officer("crossovered.budget.lines", "search", [
        ("company_id", "=", street["street_id"]),
        ("general_budget_id", "=", standard["budget_post_id"][0])])[0]
    officer("finance.commitment", "create", {
        "name": "重阳节敬老活动", "budget_line_id": line, "amount": 30.0})
    return line


def test_finance_officer_first_hour_in_chinese(odoo_server, street, clerk,
                                               browser, artifacts_dir):
    """One finance root, each menu name once, a budget line that opens
    its commitments and expenses, and the office funds shown by bands."""
    rpc, url = street["rpc"], odoo_server["url"]
    line = _approved_line(odoo_server, street)
    problems = []

    page = _login_as(browser, url, street["login"], problems)
    tops, every = _menu_texts(page, rpc)
    page.screenshot(path=str(artifacts_dir / "finance_menus.png"))
    assert tops.count("准财政") == 1, tops
    assert "预算编制" not in tops and "专款与购买服务" not in tops, tops
    for name in ("预算执行", "经费分配"):
        assert every.count(name) == 1, (name, every)

    # the budget lines list opens a line, whose buttons open its
    # commitments and its expenses
    _open_action(page, url, rpc.ref(
        "community_finance.crossovered_budget_lines_action"))
    headers = page.inner_text(".o_list_view thead")
    assert "预算科目" in headers and "预算状况" not in headers, headers
    page.goto(url + "/web#action=%d&model=crossovered.budget.lines"
              "&view_type=form&id=%d" % (rpc.ref(
                  "community_finance.crossovered_budget_lines_action"), line))
    page.reload()
    buttons = page.locator(".o_form_view .oe_button_box")
    buttons.wait_for(timeout=60000)
    page.screenshot(path=str(artifacts_dir / "finance_budget_line.png"))
    box = ".o_form_view .oe_button_box button"
    page.locator(box).filter(has_text="预算占用").first.click()
    page.wait_for_selector(
        '.o_list_view td:has-text("重阳节敬老活动")', timeout=60000)
    page.locator(".o_control_panel .breadcrumb li a").nth(1).click()
    items = page.locator(box).filter(has_text="支出明细").first
    items.wait_for(timeout=60000)
    items.click()
    page.wait_for_selector(".o_list_view tbody tr.o_data_row", timeout=60000)
    page.screenshot(path=str(artifacts_dir / "finance_line_expenses.png"))

    # the office funds: by bands, no rate per household of 0
    _open_action(page, url, rpc.ref(
        "community_finance.finance_fund_standard_action"))
    row = page.locator(".o_list_view tbody tr.o_data_row").filter(
        has_text="OFF").first
    text = row.inner_text()
    assert "按档次" in text and "¥ 0.00" not in text, text
    assert "每户标准" not in page.inner_text(".o_list_view thead")
    page.screenshot(path=str(artifacts_dir / "finance_standards.png"))
    page.close()

    # a clerk meets the same root, with the budget proposals under it
    page = _login_as(browser, url, clerk, problems)
    tops, every = _menu_texts(page, rpc)
    page.screenshot(path=str(artifacts_dir / "finance_menus_clerk.png"))
    assert tops.count("准财政") == 1, tops
    assert "预算编制" not in tops and "预算编制" in every, every
    page.close()
    assert not problems, "\n".join(problems)
