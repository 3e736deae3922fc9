"""The dashboard in the browser, as a leader and as a community clerk.

A street of its own is prepared over XML-RPC: two communities with
households and residents, a leader of the street and a clerk of the first
community, and a tile counting living residents. Each user logs in to
chromium in zh_CN, opens the dashboard and reads the tile: the leader's
figure is the street's, the clerk's is their community's, both equal to
what the register holds, and the tile's records button opens exactly those
residents.
"""
import re
import uuid

import pytest
from playwright.sync_api import sync_playwright
from server_process import Rpc
from test_browser_menus import CHROMIUM, CHROMIUM_ARGS, NAVBAR

pytestmark = pytest.mark.browser

TILE = "浏览器测试：在册居民"


@pytest.fixture(scope="module")
def street(odoo_server):
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:6]
    street_id = rpc.new_street("浏览器街道%s" % tag)
    communities = [rpc.new_community(
        street_id, "浏览器社区%s-%d" % (tag, index), "D%s%d" % (tag, index),
        households)[0] for index, households in enumerate(((2, 2, 2), (1, 1)))]
    # a moved-out resident does not count
    moved = rpc("community.resident", "search", [
        ("community_id", "=", communities[0])], limit=1)
    rpc("community.resident", "write", moved, {"state": "moved_out"})

    def user(login, group, community_ids):
        group_id = rpc("ir.model.data", "xmlid_to_res_id", group)
        return rpc("res.users", "create", {
            "name": login, "login": login, "password": login, "lang": "zh_CN",
            "tz": "Asia/Shanghai", "company_id": street_id,
            "company_ids": [(6, 0, [street_id])],
            "community_ids": [(6, 0, community_ids)],
            "groups_id": [(6, 0, [group_id])]})

    leader = "leader_%s" % tag
    clerk = "clerk_%s" % tag
    user(leader, "community_base.group_leader", [])
    user(clerk, "community_base.group_community_clerk", communities[:1])
    if not rpc("community.kpi", "search", [("name", "=", TILE)]):
        rpc("community.kpi", "create", {
            "name": TILE, "sequence": 0,
            "model_id": rpc("ir.model.data", "xmlid_to_res_id",
                            "community_base.model_community_resident"),
            "domain": "[('state', '=', 'living')]", "unit": "人"})
    return rpc, street_id, communities, leader, clerk


def _tile_figure(page, url, rpc):
    action = rpc("ir.model.data", "xmlid_to_res_id",
                 "community_base.community_kpi_dashboard_action")
    page.goto(url + "/web#action=%d" % action)
    page.reload()
    tile = page.locator(".o_kanban_record", has_text=TILE).first
    tile.wait_for(timeout=60000)
    text = tile.locator(".o_community_kpi_value").inner_text()
    return tile, int(re.sub(r"[^0-9]", "", text))


def test_dashboard_figures_follow_each_users_access(
        odoo_server, street, artifacts_dir):
    rpc, street_id, communities, leader, clerk = street
    living = [("state", "=", "living")]
    expected = {
        leader: rpc("community.resident", "search_count",
                    living + [("company_id", "=", street_id)]),
        clerk: rpc("community.resident", "search_count",
                   living + [("community_id", "=", communities[0])]),
    }
    # 3 households x 2 + 2 x 1, one moved out; the clerk's community: 5
    assert expected == {leader: 7, clerk: 5}
    problems = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=CHROMIUM_ARGS)
        for login in (leader, clerk):
            page = browser.new_page(viewport={"width": 1366, "height": 900},
                                    locale="zh-CN")
            page.on("pageerror",
                    lambda exc: problems.append("JS error: %s" % exc))
            page.on("response", lambda r: r.status >= 500 and problems.append(
                "HTTP %s on %s" % (r.status, r.url)))
            page.goto(odoo_server["url"] + "/web/login")
            page.fill("input[name=login]", login)
            page.fill("input[name=password]", login)
            page.click("button[type=submit]")
            page.wait_for_selector(NAVBAR, timeout=120000)
            tile, figure = _tile_figure(page, odoo_server["url"], rpc)
            page.screenshot(path=str(artifacts_dir / (
                "dashboard_%s.png" % login.split("_")[0])))
            assert figure == expected[login], login
            # the records behind the figure, one click away
            tile.locator(".o_community_kpi_records").click()
            page.wait_for_selector(".o_content .o_list_view", timeout=60000)
            rows = page.locator(".o_content .o_list_view tbody tr.o_data_row")
            assert rows.count() == expected[login], login
            assert "居民" in page.inner_text(".o_control_panel .breadcrumb")
            page.close()
        browser.close()
    assert not problems, "\n".join(problems)
