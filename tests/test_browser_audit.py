"""The change history of a resident in the web client (zh_CN).

Over XML-RPC a community clerk changes a resident's phone; a street
administrator opens the resident's form, presses 变更记录 (Change history)
and reads who changed the phone, with the old and the new number; the
clerk's form has no such button. Screenshots go to artifacts/.
"""
import uuid
import xmlrpc.client
from xml.etree import ElementTree

import pytest
from playwright.sync_api import sync_playwright
from server_process import Rpc
from test_browser_menus import CHROMIUM, CHROMIUM_ARGS, NAVBAR

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def street(odoo_server):
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:6]
    company_id = rpc("res.users", "read", [rpc.uid], ["company_id"])[0][
        "company_id"][0]
    community = rpc("community.community", "create", {
        "name": "审计社区%s" % tag, "code": "AU%s" % tag,
        "company_id": company_id})
    compound = rpc("community.compound", "create", {
        "name": "审计小区%s" % tag, "community_id": community,
        "kind": "estate"})
    building = rpc("community.building", "create", {
        "name": "1号楼", "compound_id": compound})
    household = rpc("community.household", "create", {
        "building_id": building, "unit": "1", "room": "101"})
    resident = rpc("community.resident", "create", {
        "name": "审计居民%s" % tag, "household_id": household,
        "phone": "13811112222"})

    def user(role, group):
        login = "audit_%s_%s" % (role, tag)
        rpc("res.users", "create", {
            "name": "%s%s" % (role, tag), "login": login, "password": login,
            "email": "%s@example.com" % login, "lang": "zh_CN",
            "tz": "Asia/Shanghai", "company_id": company_id,
            "company_ids": [(6, 0, [company_id])],
            "community_ids": [(6, 0, [community])],
            "groups_id": [(6, 0, [rpc("ir.model.data", "xmlid_to_res_id",
                                      group)])]})
        return login

    admin = user("admin", "community_base.group_street_admin")
    clerk = user("clerk", "community_base.group_community_clerk")
    # the clerk changes the phone over XML-RPC, as the web client would
    common = xmlrpc.client.ServerProxy(odoo_server["url"] + "/xmlrpc/2/common")
    clerk_uid = common.authenticate(odoo_server["db"], clerk, clerk, {})
    models = xmlrpc.client.ServerProxy(odoo_server["url"] + "/xmlrpc/2/object")
    models.execute_kw(odoo_server["db"], clerk_uid, clerk,
                      "community.resident", "write",
                      [[resident], {"phone": "13933334444"}])
    # the button's label as the administrator's zh_CN client shows it
    action = rpc("ir.model.data", "xmlid_to_res_id",
                 "community_base.auditlog_log_action_record")
    arch = rpc("community.resident", "fields_view_get", view_type="form",
               context={"lang": "zh_CN"})["arch"]
    label = ElementTree.fromstring(arch).find(
        ".//button[@name='%d']" % action).get("string")
    return {"resident": resident, "admin": admin, "clerk": clerk,
            "clerk_name": "clerk%s" % tag, "label": label}


def _login(browser, url, login, problems):
    page = browser.new_page(viewport={"width": 1366, "height": 900},
                            locale="zh-CN")
    page.on("pageerror", lambda exc: problems.append("JS error: %s" % exc))
    page.on("response", lambda resp: resp.status >= 500 and problems.append(
        "HTTP %s on %s" % (resp.status, resp.url)))
    page.goto(url + "/web/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", login)
    page.click("button[type=submit]")
    page.wait_for_selector(NAVBAR, timeout=120000)
    return page


def _open_resident(page, url, resident):
    page.goto(url + "/web#id=%d&model=community.resident&view_type=form"
              % resident)
    page.reload()
    page.wait_for_selector(".o_form_view.o_form_readonly", timeout=120000)


def test_street_admin_reads_a_residents_change_history(
        odoo_server, street, artifacts_dir):
    url = odoo_server["url"]
    problems = []
    button = ".o_form_view .oe_button_box button:has-text('%s')" % (
        street["label"])
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=CHROMIUM_ARGS)
        clerk = _login(browser, url, street["clerk"], problems)
        _open_resident(clerk, url, street["resident"])
        assert clerk.locator(button).count() == 0
        clerk.close()

        page = _login(browser, url, street["admin"], problems)
        _open_resident(page, url, street["resident"])
        page.click(button)
        rows = page.locator(".o_list_view tbody tr.o_data_row")
        rows.first.wait_for(timeout=60000)
        # the creation by the administrator over XML-RPC and the change
        assert rows.count() == 2
        change = rows.filter(has_text=street["clerk_name"])
        assert change.count() == 1
        page.screenshot(path=str(artifacts_dir / "audit_history_list.png"))
        change.click()
        page.wait_for_selector(".o_form_view .o_field_one2many",
                               timeout=60000)
        line = page.locator(".o_field_one2many tbody tr.o_data_row",
                            has_text="13933334444")
        assert line.count() == 1
        assert "13811112222" in line.inner_text()
        page.screenshot(path=str(artifacts_dir / "audit_history_form.png"))
        browser.close()
    assert not problems, "\n".join(problems)
