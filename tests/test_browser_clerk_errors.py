"""Errors a clerk can act on, in the real web client in zh_CN (issue 16,
item 4).

The street, community, grid, household, category and users are prepared
over XML-RPC; then, in Debian's chromium:

1. a grid officer saving a case without its household is told, before
   anything is saved, which field is missing (the form marks the household
   and the grid required), instead of a refusal "due to security
   restrictions" of the case it could not read back;
2. a clerk typing a member's ID number into the household's member list
   is warned at once of a bad number, and sees the birth date and sex of a
   good one before saving;
3. the member not saved yet shows no move button (they could only fail);
4. the ledger template downloads from a new import's form without saving
   an import;
5. a ledger workbook that passes its check says so, with its rows.

Any JavaScript error, console error or HTTP 5xx fails a test (watch_page);
every message is matched in Chinese. Screenshots go to artifacts/.
"""
import base64
import io
import re
import uuid
import xmlrpc.client

import openpyxl
import pytest
import requests
from server_process import Rpc
from test_browser_menus import NAVBAR, watch_page

from odoo.addons.community_base.tests import ledger_samples
from odoo.addons.community_base.tools.ledger_workbook import build_template

pytestmark = pytest.mark.browser

# 11010519491231002X: the GB 11643 example number (born 1949-12-31, female)
GOOD_ID = "11010519491231002X"
BAD_ID = "110105194912310021"  # the same with a wrong check character
MOVE_BUTTONS = ("户间迁移", "迁出", "登记死亡", "迁入")
TEMPLATE_URL = "/community_base/ledger_template"


@pytest.fixture(scope="module")
def street(odoo_server):
    """A street of its own with one community (a building with one
    household in a grid), a grid officer, a community clerk and a case
    category."""
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:6]
    street_id = rpc.new_street("纠错街道%s" % tag)
    community, building = rpc.new_community(
        street_id, "纠错社区%s" % tag, "E%s" % tag, households=(1,))
    household = rpc("community.household", "search", [
        ("building_id", "=", building)])[0]

    def user(role, group, **vals):
        login = "errors_%s_%s" % (role, tag)
        vals.update({
            "name": "纠错%s%s" % (role, tag), "login": login,
            "password": login, "lang": "zh_CN", "tz": "Asia/Shanghai",
            "email": "%s@example.com" % login, "company_id": street_id,
            "company_ids": [(6, 0, [street_id])],
            "groups_id": [(6, 0, [rpc.ref(group)])]})
        return {"id": rpc("res.users", "create", vals), "login": login}

    officer = user("officer", "community_grid.group_grid_officer")
    clerk = user("clerk", "community_base.group_community_clerk",
                 community_ids=[(6, 0, [community])])
    grid = rpc("grid.grid", "create", {
        "name": "纠错网格%s" % tag, "code": "EG%s" % tag,
        "community_id": community, "officer_id": officer["id"]})
    rpc("community.building", "write", [building], {"grid_id": grid})
    category = rpc("grid.case.category", "create", {
        "name": "纠错类别%s" % tag, "code": "ER-%s" % tag,
        "level": "street"})
    return {
        "rpc": rpc, "tag": tag, "street": street_id, "community": community,
        "household": household, "grid": grid, "category": category,
        "household_name": dict(rpc("community.household", "name_get",
                                   [household]))[household],
        "category_name": "纠错类别%s" % tag,
        "officer": officer, "clerk": clerk,
    }


def _login(browser, url, user, problems):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="zh-CN",
        accept_downloads=True)
    page = context.new_page()
    watch_page(page, problems)
    page.goto(url + "/web/login")
    page.fill("input[name=login]", user["login"])
    page.fill("input[name=password]", user["login"])
    page.click("button[type=submit]")
    page.wait_for_selector(NAVBAR, timeout=120000)
    return context, page


def _many2one(page, scope, field, text):
    page.locator('%s .o_field_widget[name="%s"] input' % (scope, field)).fill(
        text)
    item = page.locator(".ui-autocomplete:visible li a", has_text=text).first
    item.wait_for(timeout=30000)
    item.click()


def _no_refusal(page):
    """The dialog of a refusal by the record rules must not show."""
    refusals = page.locator(".modal:visible", has_text="安全限制")
    assert refusals.count() == 0, refusals.first.inner_text()


def _new_form(page, url, rpc, xmlid, model):
    action = rpc.ref(xmlid)
    page.goto(url + "/web#action=%d&model=%s&view_type=form" % (
        action, model))
    page.reload()
    # the first form of a fresh database builds its assets: be patient
    page.wait_for_selector(".o_form_view.o_form_editable", timeout=180000)
    page.wait_for_selector(".o_loading", state="hidden", timeout=60000)


def test_case_without_household_names_the_missing_field(
        odoo_server, street, browser, artifacts_dir):
    rpc, url = street["rpc"], odoo_server["url"]
    problems = []
    context, page = _login(browser, url, street["officer"], problems)
    _new_form(page, url, rpc, "community_grid.grid_case_action", "grid.case")
    form = ".o_form_view"
    for field in ("household_id", "grid_id"):
        classes = page.locator('%s .o_field_widget[name="%s"]' % (
            form, field)).get_attribute("class")
        assert "o_required_modifier" in classes, (field, classes)
    _many2one(page, form, "category_id", street["category_name"])
    page.click('.o_field_widget[name="description"] .note-editable')
    page.keyboard.type("垃圾堆在市场门口")
    page.click(".o_form_button_save")
    # the web client names the missing fields (their zh_CN labels) and
    # keeps the form open: nothing went to the server
    notice = page.locator(".o_notification", has_text="住户")
    notice.wait_for(timeout=30000)
    assert "网格" in notice.inner_text()
    page.screenshot(path=str(artifacts_dir / "errors_case_missing.png"))
    _no_refusal(page)
    assert page.locator(".o_form_view.o_form_editable").count() == 1
    assert not rpc("grid.case", "search", [
        ("category_id", "=", street["category"])])

    # with the household, the grid follows and the case is saved
    _many2one(page, form, "household_id", street["household_name"])
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_view.o_form_readonly", timeout=60000)
    _no_refusal(page)
    cases = rpc("grid.case", "search_read", [
        ("category_id", "=", street["category"])], fields=["grid_id"])
    assert len(cases) == 1 and cases[0]["grid_id"][0] == street["grid"]
    context.close()
    assert not problems, "\n".join(problems)

    # a client that skips the form meets the same words from the server
    officer = Rpc(odoo_server, street["officer"]["login"],
                  street["officer"]["login"])
    with pytest.raises(xmlrpc.client.Fault) as refused:
        officer("grid.case", "create", {
            "category_id": street["category"], "address": "市场门口",
            "description": "<p>垃圾</p>"}, context={"lang": "zh_CN"})
    assert "新事件没有住户或网格" in refused.value.faultString
    assert "安全限制" not in refused.value.faultString


def test_member_id_number_checked_while_typing(
        odoo_server, street, browser, artifacts_dir):
    rpc, url = street["rpc"], odoo_server["url"]
    problems = []
    context, page = _login(browser, url, street["clerk"], problems)
    page.goto(url + "/web#id=%d&model=community.household&view_type=form"
              % street["household"])
    page.reload()
    page.wait_for_selector(".o_form_view.o_form_readonly", timeout=180000)
    page.click(".o_form_button_edit")
    page.wait_for_selector(".o_form_view.o_form_editable", timeout=60000)
    page.click('.o_field_widget[name="resident_ids"] '
               '.o_field_x2many_list_row_add a')
    dialog = page.locator(".modal:visible", has=page.locator(
        ".o_form_view")).first
    dialog.wait_for(timeout=60000)
    member = ".modal:visible .o_form_view"
    page.wait_for_selector(member + ' input[name="name"]', timeout=60000)

    # 3. a member not saved yet offers no move: it could only fail
    for label in MOVE_BUTTONS:
        shown = page.locator(member + " .o_statusbar_buttons button:visible",
                             has_text=re.compile("^%s$" % label))
        assert shown.count() == 0, "%s shown on an unsaved member" % label

    # 2. a bad number is named at once, with the reason
    page.fill(member + ' input[name="name"]', "李雷")
    page.fill(member + ' input[name="id_number"]', BAD_ID)
    page.keyboard.press("Tab")
    warning = page.locator(".modal:visible", has_text="校验码错误")
    warning.wait_for(timeout=30000)
    text = warning.inner_text()
    assert BAD_ID in text and "身份证号码" in text, text
    page.screenshot(path=str(artifacts_dir / "errors_member_bad_id.png"))
    warning.locator(".modal-footer button").first.click()
    warning.wait_for(state="hidden", timeout=30000)

    # a good number shows the birth date and sex before anything is saved
    page.fill(member + ' input[name="id_number"]', GOOD_ID)
    page.keyboard.press("Tab")
    birth = page.locator(member + ' .o_field_widget[name="birth_date"]')
    page.wait_for_function(
        "el => el.innerText.includes('1949')", arg=birth.element_handle(),
        timeout=30000)
    assert "12" in birth.inner_text() and "31" in birth.inner_text()
    assert page.locator(member + ' .o_field_widget[name="sex"]').inner_text(
    ).strip() == "女"
    assert page.locator(member + ' .o_field_widget[name="age"]').inner_text(
    ).strip() not in ("", "0")
    page.screenshot(path=str(artifacts_dir / "errors_member_good_id.png"))
    page.click(".modal:visible .modal-footer .btn-primary")
    page.wait_for_selector(member, state="detached", timeout=30000)
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_view.o_form_readonly", timeout=60000)
    context.close()
    assert not problems, "\n".join(problems)
    resident = rpc("community.resident", "search_read", [
        ("household_id", "=", street["household"]), ("name", "=", "李雷")],
        fields=["id_number", "birth_date", "sex"])
    assert len(resident) == 1, resident
    assert resident[0]["id_number"] == GOOD_ID
    assert resident[0]["birth_date"] == "1949-12-31"
    assert resident[0]["sex"] == "female"


def test_member_of_a_new_household_is_saved_with_it(
        odoo_server, street, browser, artifacts_dir):
    """A member added before the household is saved: the member's form
    does not ask for the household (it has no id yet) and offers no move;
    both are saved together."""
    rpc, url = street["rpc"], odoo_server["url"]
    problems = []
    context, page = _login(browser, url, street["clerk"], problems)
    _new_form(page, url, rpc, "community_base.community_household_action",
              "community.household")
    _many2one(page, ".o_form_view", "building_id", "1号楼")
    page.fill('.o_form_view input[name="room"]', "909")
    page.click('.o_field_widget[name="resident_ids"] '
               '.o_field_x2many_list_row_add a')
    member = ".modal:visible .o_form_view"
    page.wait_for_selector(member + ' input[name="name"]', timeout=60000)
    for label in MOVE_BUTTONS:
        shown = page.locator(member + " .o_statusbar_buttons button:visible",
                             has_text=re.compile("^%s$" % label))
        assert shown.count() == 0, "%s shown on an unsaved member" % label
    page.fill(member + ' input[name="name"]', "韩梅梅")
    page.fill(member + ' input[name="id_number"]',
              ledger_samples.make_id_number(8, birth="19491231"))
    page.keyboard.press("Tab")
    page.wait_for_function(
        "el => el.innerText.includes('1949')", arg=page.locator(
            member + ' .o_field_widget[name="birth_date"]').element_handle(),
        timeout=30000)
    page.click(".modal:visible .modal-footer .btn-primary")
    page.wait_for_selector(member, state="detached", timeout=30000)
    # nothing refused the member ("invalid field: household")
    assert page.locator(".o_notification:visible").count() == 0, \
        page.locator(".o_notification:visible").all_inner_texts()
    page.screenshot(path=str(artifacts_dir / "errors_new_household.png"))
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_view.o_form_readonly", timeout=60000)
    context.close()
    assert not problems, "\n".join(problems)
    residents = rpc("community.resident", "search_read", [
        ("name", "=", "韩梅梅"), ("community_id", "=", street["community"])],
        fields=["household_id", "birth_date"])
    assert len(residents) == 1, residents
    assert residents[0]["household_id"][1].endswith("909")
    assert residents[0]["birth_date"] == "1949-12-31"


def _imports_of(rpc, user):
    return rpc("community.ledger.import", "search", [
        ("user_id", "=", user["id"])])


def test_template_downloads_without_saving_an_import(
        odoo_server, street, browser, artifacts_dir, tmp_path):
    rpc, url = street["rpc"], odoo_server["url"]
    problems = []
    context, page = _login(browser, url, street["clerk"], problems)
    _new_form(page, url, rpc, "community_base.community_ledger_import_action",
              "community.ledger.import")
    assert page.locator(".o_statusbar_buttons button",
                        has_text="下载模板").count() == 0
    link = page.locator(".o_form_view a", has_text="下载模板")
    with page.expect_download(timeout=60000) as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "community_ledger_template.xlsx"
    path = tmp_path / "template.xlsx"
    download.save_as(str(path))
    book = openpyxl.load_workbook(str(path))
    assert {"小区", "楼栋", "户", "居民"} <= set(book.sheetnames)
    # still the new, unsaved form; no import was saved
    assert page.locator(".o_form_view.o_form_editable").count() == 1
    page.screenshot(path=str(artifacts_dir / "errors_template.png"))
    assert _imports_of(rpc, street["clerk"]) == []
    context.close()
    assert not problems, "\n".join(problems)

    # the address checks who calls it: no file without a login, nor for a
    # grid officer, who imports no ledger
    anonymous = requests.get(url + TEMPLATE_URL, allow_redirects=False)
    assert anonymous.content[:2] != b"PK", anonymous.status_code
    officer = requests.Session()
    answer = officer.post(url + "/web/session/authenticate", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "db": odoo_server["db"], "login": street["officer"]["login"],
            "password": street["officer"]["login"]}}).json()
    assert answer.get("result", {}).get("uid"), answer
    refused = officer.get(url + TEMPLATE_URL)
    assert refused.status_code == 403, refused.status_code
    assert refused.content[:2] != b"PK"


def test_validated_ledger_says_it_can_be_imported(
        odoo_server, street, browser, artifacts_dir, tmp_path):
    rpc, url = street["rpc"], odoo_server["url"]
    rows = ledger_samples.good_rows(residents=4, prefix=street["tag"])
    path = tmp_path / "ledger.xlsx"
    ledger_samples.write_workbook(str(path), rows)
    clerk = Rpc(odoo_server, street["clerk"]["login"],
                street["clerk"]["login"])
    ledger = clerk("community.ledger.import", "create", {
        "community_id": street["community"], "filename": "ledger.xlsx",
        "file": base64.b64encode(path.read_bytes()).decode()})
    problems = []
    context, page = _login(browser, url, street["clerk"], problems)
    page.goto(url + "/web#id=%d&model=community.ledger.import&view_type=form"
              % ledger)
    page.reload()
    page.wait_for_selector(".o_form_view.o_form_readonly", timeout=180000)
    assert page.locator(".o_form_view .alert-success:visible").count() == 0
    page.click(".o_statusbar_buttons button:has-text('校验')")
    notice = page.locator(".o_form_view .alert-success:visible",
                          has_text="可以导入")
    notice.wait_for(timeout=60000)
    assert "共 9 行" in notice.inner_text(), notice.inner_text()
    page.screenshot(path=str(artifacts_dir / "errors_ledger_ready.png"))
    context.close()
    assert not problems, "\n".join(problems)
    state = rpc("community.ledger.import", "read", [ledger], ["state"])[0]
    assert state["state"] == "ready"


def test_template_is_the_workbook_the_import_reads(street, odoo_server):
    """The template served is the one the import module builds (same
    sheets and headers), for a clerk's session."""
    session = requests.Session()
    login = street["clerk"]["login"]
    session.post(odoo_server["url"] + "/web/session/authenticate", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "db": odoo_server["db"], "login": login, "password": login}})
    answer = session.get(odoo_server["url"] + TEMPLATE_URL)
    assert answer.status_code == 200
    assert "attachment" in answer.headers.get("Content-Disposition", "")
    book = openpyxl.load_workbook(io.BytesIO(answer.content))
    expected = openpyxl.load_workbook(io.BytesIO(build_template()))
    assert book.sheetnames == expected.sheetnames
    for name in book.sheetnames:
        assert next(book[name].iter_rows(values_only=True)) == next(
            expected[name].iter_rows(values_only=True)), name
