"""A clerk's day in the web client, in zh_CN: a new household, then a resident.

The street, community, compound and building are prepared over XML-RPC;
the household and the resident are typed into the forms in Debian's
chromium, and the database is checked afterwards: the household carries the
resident, the birth date and sex come from the ID number, and the counts
rolled up to the community moved by one.
"""
import uuid

import pytest
from playwright.sync_api import sync_playwright
from server_process import Rpc
from test_browser_menus import CHROMIUM, CHROMIUM_ARGS, NAVBAR

pytestmark = pytest.mark.browser

# 11010519491231002X: the GB 11643 example number (born 1949-12-31, female)
ID_NUMBER = "11010519491231002X"


@pytest.fixture(scope="module")
def building(odoo_server):
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:6]
    company_id = rpc("res.users", "read", [rpc.uid], ["company_id"])[0][
        "company_id"][0]
    rpc("res.users", "write", [rpc.uid], {"lang": "zh_CN"})
    community = rpc("community.community", "create", {
        "name": "浏览器社区%s" % tag, "code": "B%s" % tag,
        "company_id": company_id})
    rpc("res.users", "write", [rpc.uid], {"community_ids": [(4, community)]})
    compound = rpc("community.compound", "create", {
        "name": "阳光花园%s" % tag, "community_id": community, "kind": "estate"})
    building_id = rpc("community.building", "create", {
        "name": "3号楼%s" % tag, "compound_id": compound})
    return rpc, community, rpc("community.building", "read", [building_id],
                               ["name"])[0]


def _open_action(page, url, xmlid, rpc):
    action_id = rpc("ir.model.data", "xmlid_to_res_id", xmlid)
    page.goto(url + "/web#action=%d" % action_id)
    page.reload()
    page.wait_for_selector(".o_control_panel .o_list_button_add, "
                           ".o_control_panel .o-kanban-button-new",
                           timeout=60000)


def _create(page):
    page.click(".o_control_panel .o_list_button_add, "
               ".o_control_panel .o-kanban-button-new")
    page.wait_for_selector(".o_form_view.o_form_editable", timeout=60000)


def _many2one(page, field, text):
    box = page.locator('.o_form_view .o_field_widget[name="%s"] input' % field)
    box.fill(text)
    item = page.locator(".ui-autocomplete:visible li a", has_text=text).first
    item.wait_for(timeout=30000)
    item.click()


def _save(page):
    page.click(".o_form_button_save")
    page.wait_for_selector(".o_form_view.o_form_readonly", timeout=60000)


def test_clerk_creates_household_and_resident_in_chinese(
        odoo_server, building, artifacts_dir):
    rpc, community_id, bld = building
    before = rpc("community.community", "read", [community_id],
                 ["household_count", "resident_count"])[0]
    problems = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900},
                                locale="zh-CN")
        page.on("pageerror", lambda exc: problems.append("JS error: %s" % exc))
        page.on("response", lambda r: r.status >= 500 and problems.append(
            "HTTP %s on %s" % (r.status, r.url)))
        page.goto(odoo_server["url"] + "/web/login")
        page.fill("input[name=login]", "admin")
        page.fill("input[name=password]", "admin")
        page.click("button[type=submit]")
        page.wait_for_selector(NAVBAR, timeout=120000)

        _open_action(page, odoo_server["url"],
                     "community_base.community_household_action", rpc)
        assert "户" in page.inner_text(".o_control_panel .breadcrumb")
        _create(page)
        _many2one(page, "building_id", bld["name"])
        page.fill('.o_form_view input[name="unit"]', "2")
        page.fill('.o_form_view input[name="room"]', "301")
        _save(page)
        page.screenshot(path=str(artifacts_dir / "household_created.png"))

        household = rpc("community.household", "search_read",
                        [("building_id", "=", bld["id"])], fields=["name"])
        assert len(household) == 1, household
        household = household[0]

        _open_action(page, odoo_server["url"],
                     "community_base.community_resident_action", rpc)
        _create(page)
        page.fill('.o_form_view input[name="name"]', "王秀英")
        page.fill('.o_form_view input[name="id_number"]', ID_NUMBER)
        _many2one(page, "household_id", household["name"])
        page.select_option('.o_form_view select[name="relation"]', '"head"')
        _save(page)
        page.screenshot(path=str(artifacts_dir / "resident_created.png"))
        browser.close()
    assert not problems, "\n".join(problems)

    resident = rpc("community.resident", "search_read",
                   [("id_number", "=", ID_NUMBER),
                    ("household_id", "=", household["id"])],
                   fields=["name", "birth_date", "sex", "relation",
                           "community_id"])
    assert len(resident) == 1, resident
    resident = resident[0]
    assert resident["name"] == "王秀英"
    assert resident["birth_date"] == "1949-12-31"
    assert resident["sex"] == "female"
    assert resident["relation"] == "head"
    assert resident["community_id"][0] == community_id
    after = rpc("community.community", "read", [community_id],
                ["household_count", "resident_count"])[0]
    assert after["household_count"] == before["household_count"] + 1
    assert after["resident_count"] == before["resident_count"] + 1
