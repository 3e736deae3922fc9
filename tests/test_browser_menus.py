"""The real web client in Debian's chromium: every menu of our four addons.

Logs in as admin through the login form, opens each menu under the
"Street Office" root that carries an action, waits for its view, and fails
on any JavaScript error, console error or HTTP 5xx, and on any text of the
interface (control panel, column headers, form labels, buttons, help) in
English or in traditional characters (``zh_text``, the check of
tests/test_zh_crawl.py, which crawls the same server-side as every role).
A phone-sized form is read the same way. Screenshots are kept in
artifacts/ (git-ignored) for a person to look at.
"""
import re
import xmlrpc.client

import playwright.sync_api  # noqa: F401  (a missing Playwright fails the run)
import pytest
from zh_text import ZhText

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
ROOT_MENU_NAME = "街道社区治理"
# the navbar of Odoo 11's web client with OCA web_responsive (app drawer)
NAVBAR = "header[role=banner] nav.main-nav"
# the root element of each view type in Odoo 11's web client
VIEWS = ", ".join(".o_content %s" % selector for selector in (
    ".o_list_view", ".o_form_view", ".o_kanban_view", ".o_graph",
    ".o_pivot", ".o_calendar_view",
    ".oe_view_nocontent")) + (  # an empty list shows its help text
    ", .modal .o_form_view")  # a wizard opened from a menu is a dialog
CJK = re.compile(r"[\u4e00-\u9fff]")
# what the client writes of its own on a screen, not the records' data
INTERFACE_TEXT = ", ".join((
    ".o_control_panel", ".o_content thead", ".o_content .o_form_label",
    ".o_content .oe_view_nocontent", ".o_content button",
    ".o_content .o_horizontal_separator", ".o_content .nav-tabs",
    ".o_content .o_statusbar_status", ".modal-title", ".modal-footer",
))

pytestmark = pytest.mark.browser


def _menus_under_root(server):
    """(id, name, action) of every menu below our root, as admin sees it."""
    common = xmlrpc.client.ServerProxy(server["url"] + "/xmlrpc/2/common")
    uid = common.authenticate(server["db"], "admin", "admin", {})
    assert uid, "admin cannot log in over XML-RPC"
    models = xmlrpc.client.ServerProxy(server["url"] + "/xmlrpc/2/object")

    def call(model, method, *args, **kw):
        return models.execute_kw(server["db"], uid, "admin", model, method,
                                 list(args), kw)

    root_id = call("ir.model.data", "xmlid_to_res_id", "community_base.menu_root")
    menus = call("ir.ui.menu", "search_read", [("id", "child_of", root_id)],
                 fields=["name", "action", "parent_id", "complete_name"],
                 context={"lang": "zh_CN"})
    return root_id, menus


def _action_id(server, xmlid):
    common = xmlrpc.client.ServerProxy(server["url"] + "/xmlrpc/2/common")
    uid = common.authenticate(server["db"], "admin", "admin", {})
    models = xmlrpc.client.ServerProxy(server["url"] + "/xmlrpc/2/object")
    return models.execute_kw(server["db"], uid, "admin", "ir.model.data",
                             "xmlid_to_res_id", [xmlid])


def watch_page(page, problems):
    """Record on ``problems`` every JavaScript error, console error and
    HTTP 5xx of ``page``: any of them fails a browser test."""
    page.on("pageerror", lambda exc: problems.append("JS error: %s" % exc))
    page.on("console", lambda msg: msg.type == "error" and problems.append(
        "console error: %s" % msg.text))
    page.on("response", lambda resp: resp.status >= 500 and problems.append(
        "HTTP %s on %s" % (resp.status, resp.url)))


def _login(page, url):
    page.goto(url + "/web/login")
    page.fill("input[name=login]", "admin")
    page.fill("input[name=password]", "admin")
    page.click("button[type=submit]")
    page.wait_for_selector(NAVBAR, timeout=120000)


def _interface_problems(page, checker, where):
    """Visible interface texts of the page a zh_CN user must not read."""
    texts = page.eval_on_selector_all(
        INTERFACE_TEXT, "nodes => nodes.map(n => n.innerText)")
    problems = []
    for line in sorted({line.strip() for text in texts
                        for line in text.splitlines() if line.strip()}):
        issues = checker.problems(line)
        if issues:
            problems.append("%s: %r %s" % (where, line, issues))
    return problems


def _wait_view(page):
    page.wait_for_selector(VIEWS, timeout=60000)
    page.wait_for_selector(".o_loading", state="hidden", timeout=60000)


def test_admin_opens_every_street_office_menu(odoo_server, browser,
                                              artifacts_dir):
    root_id, menus = _menus_under_root(odoo_server)
    with_action = [m for m in menus if m["action"]]
    tops = [m for m in menus if m["parent_id"] and m["parent_id"][0] == root_id]
    # one sub-menu per addon, each leading somewhere
    assert len(tops) >= 4, [m["complete_name"] for m in menus]
    assert with_action, "no menu of ours opens anything"
    for menu in menus:
        assert CJK.search(menu["name"]), "menu not in Chinese: %s" % menu["name"]

    page = browser.new_page(viewport={"width": 1366, "height": 900},
                            locale="zh-CN")
    problems = []
    watch_page(page, problems)
    _login(page, odoo_server["url"])
    # the root menu is on the home screen / app switcher, in Chinese
    page.goto(odoo_server["url"] + "/web#menu_id=%d" % root_id)
    page.wait_for_selector(NAVBAR, timeout=60000)
    page.screenshot(path=str(artifacts_dir / "menu_root.png"))
    assert ROOT_MENU_NAME in page.content()

    opened = []
    checker = ZhText()
    english = []
    for menu in with_action:
        action_id = int(menu["action"].split(",")[1])
        page.goto(odoo_server["url"] + "/web#menu_id=%d&action=%d"
                  % (menu["id"], action_id))
        page.reload()  # a hash change alone does not reload the client
        try:
            _wait_view(page)
        except Exception:
            page.screenshot(path=str(artifacts_dir / "failed_menu.png"))
            raise AssertionError("menu %s (action %d) shows no view; problems: %s"
                                 % (menu["complete_name"], action_id, problems))
        if page.locator(".modal .o_form_view").count():
            title = page.inner_text(".modal .modal-title")
        else:
            title = page.inner_text(".o_control_panel .breadcrumb")
        assert title.strip(), "menu %s opened no view" % menu["complete_name"]
        page.screenshot(path=str(artifacts_dir / ("menu_%d.png" % menu["id"])))
        english += _interface_problems(page, checker, menu["complete_name"])
        opened.append(menu["complete_name"])
    # a form on a phone: web_responsive's button menu
    page.set_viewport_size({"width": 360, "height": 740})
    resident_action = [m for m in with_action if m["action"].endswith(
        ",%d" % _action_id(odoo_server, "community_base.community_resident_action"))]
    if resident_action:
        page.goto(odoo_server["url"] + "/web#action=%s&view_type=form"
                  % resident_action[0]["action"].split(",")[1])
        page.reload()
        _wait_view(page)
        page.screenshot(path=str(artifacts_dir / "menu_phone_form.png"))
        english += _interface_problems(page, checker, "phone form")
    page.close()
    assert not problems, "\n".join(problems)
    assert len(opened) == len(with_action)
    assert resident_action, "no resident menu to open on a phone"
    assert not english, "interface texts in English or traditional " \
        "characters:\n%s" % "\n".join(english)
