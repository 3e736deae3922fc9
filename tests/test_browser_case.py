"""A case on a phone: reported by a grid officer, taken through the six
steps of the loop by the people whose step it is, in zh_CN on a 360x740
viewport.

The street, community, grid, household, category and users are prepared
over XML-RPC; every step is a button of the case form pressed in Debian's
chromium by the user of that step (grid officer: report, verify,
evaluate; clerk: dispatch, close; handler: feed back), and after each the
statusbar and the database must show the new step. Any JavaScript error,
console error or HTTP 5xx fails the test. Screenshots go to artifacts/.
"""
import re
import uuid
from xml.etree import ElementTree

import pytest
from playwright.sync_api import sync_playwright
from server_process import Rpc
from test_browser_menus import CHROMIUM, CHROMIUM_ARGS, NAVBAR

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
STEPS = ["report", "dispatch", "handle", "verify", "close", "evaluate"]


@pytest.fixture(scope="module")
def street(odoo_server):
    """A community with a grid (officer: a new grid officer), a household
    in it, a category, a community clerk and a case handler."""
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:6]
    company_id = rpc("res.users", "read", [rpc.uid], ["company_id"])[0][
        "company_id"][0]
    community = rpc("community.community", "create", {
        "name": "手机社区%s" % tag, "code": "P%s" % tag,
        "company_id": company_id})
    compound = rpc("community.compound", "create", {
        "name": "幸福小区%s" % tag, "community_id": community,
        "kind": "estate"})
    building = rpc("community.building", "create", {
        "name": "8号楼%s" % tag, "compound_id": compound})
    household = rpc("community.household", "create", {
        "building_id": building, "unit": "1", "room": "502"})

    def user(role, name, groups, **vals):
        login = "case_%s_%s" % (role, tag)
        vals.update({
            "name": name, "login": login, "password": login,
            "email": "%s@example.com" % login,
            "lang": "zh_CN", "tz": "Asia/Shanghai",
            "company_id": company_id, "company_ids": [(6, 0, [company_id])],
            "groups_id": [(6, 0, [
                rpc("ir.model.data", "xmlid_to_res_id", xmlid)
                for xmlid in groups])],
        })
        return {"id": rpc("res.users", "create", vals), "login": login,
                "name": name}

    officer = user("officer", "网格员%s" % tag,
                   ["community_grid.group_grid_officer"])
    clerk = user("clerk", "社区办事员%s" % tag,
                 ["community_base.group_community_clerk"],
                 community_ids=[(6, 0, [community])])
    handler = user("handler", "处置人员%s" % tag,
                   ["community_grid.group_case_handler"])
    grid = rpc("grid.grid", "create", {
        "name": "第一网格%s" % tag, "code": "G%s" % tag,
        "community_id": community, "officer_id": officer["id"]})
    rpc("community.building", "write", [building], {"grid_id": grid})
    rpc("community.household", "write", [household], {"grid_id": grid})
    category = rpc("grid.case.category", "create", {
        "name": "楼道堆物%s" % tag, "code": "PH-%s" % tag,
        "level": "street", "sla_days": 1})
    names = dict(rpc("community.household", "name_get", [household]))
    return {
        "rpc": rpc, "community": community, "grid": grid,
        "community_name": "手机社区%s" % tag,
        "household": household, "household_name": names[household],
        "category": category, "category_name": "楼道堆物%s" % tag,
        "officer": officer, "clerk": clerk, "handler": handler,
    }


def _watch(page, problems):
    page.on("pageerror", lambda exc: problems.append("JS error: %s" % exc))
    page.on("console", lambda msg: msg.type == "error" and problems.append(
        "console error: %s" % msg.text))
    page.on("response", lambda resp: resp.status >= 500 and problems.append(
        "HTTP %s on %s" % (resp.status, resp.url)))


class Phone:
    """One user's phone: a fresh browser context at 360x740, logged in."""

    def __init__(self, browser, url, user, problems, labels):
        self.url = url
        self.labels = labels
        self.context = browser.new_context(viewport=PHONE, locale="zh-CN")
        self.page = self.context.new_page()
        _watch(self.page, problems)
        page = self.page
        page.goto(url + "/web/login")
        page.fill("input[name=login]", user["login"])
        page.fill("input[name=password]", user["login"])
        page.click("button[type=submit]")
        page.wait_for_selector(NAVBAR, timeout=120000)

    def close(self):
        self.context.close()

    def open_case(self, case_id):
        self.page.goto(self.url + "/web#id=%d&model=grid.case&view_type=form"
                       % case_id)
        self.page.reload()
        self.page.wait_for_selector(".o_form_view.o_form_readonly",
                                    timeout=60000)

    def many2one(self, field, text):
        box = self.page.locator(
            '.o_form_view .o_field_widget[name="%s"] input' % field)
        box.fill(text)
        item = self.page.locator(".ui-autocomplete:visible li a",
                                 has_text=text).first
        item.wait_for(timeout=30000)
        item.click()

    def show_field(self, field):
        """Open the notebook page holding ``field``, if it is on one."""
        pane = self.page.evaluate(
            """(name) => {
                const el = document.querySelector(
                    '.o_form_view [name="' + name + '"]');
                const pane = el && el.closest('.tab-pane');
                return pane ? pane.id : null;
            }""", field)
        if pane:
            self.page.click('.o_notebook a[href="#%s"]' % pane)

    def edit(self):
        self.page.click(".o_form_button_edit")
        self.page.wait_for_selector(".o_form_view.o_form_editable",
                                    timeout=60000)

    def press(self, button, state, shot, artifacts_dir):
        """Press a step's button and wait for the statusbar to show
        ``state``."""
        page = self.page
        # on a phone web_responsive folds the header buttons into a
        # dropdown next to the statusbar; Odoo 11 renders them without
        # their method name, so they are found by their (zh_CN) label
        page.click(".o_statusbar_buttons_dropdown .dropdown-toggle")
        item = page.locator(
            ".o_statusbar_buttons_dropdown .dropdown-menu button").filter(
                has_text=re.compile("^%s$" % re.escape(
                    self.labels[button])))
        try:
            item.wait_for(timeout=60000)
        except Exception:
            page.screenshot(path=str(artifacts_dir / "case_phone_failed.png"))
            raise
        item.click()
        _wait(page, '.o_form_statusbar .o_statusbar_status '
              'button.btn-primary[data-value="%s"]' % state, artifacts_dir,
              state="attached")
        # a button pressed in edit mode saves first and stays in edit mode
        page.wait_for_selector(".o_loading", state="hidden", timeout=60000)
        page.screenshot(path=str(artifacts_dir / ("case_phone_%s.png" % shot)))


def _wait(page, selector, artifacts_dir, timeout=60000, **kw):
    """Wait for ``selector``; on a timeout keep a screenshot and report
    the dialog the web client shows (a refusal, a missing field)."""
    try:
        page.wait_for_selector(selector, timeout=timeout, **kw)
    except Exception:
        page.screenshot(path=str(artifacts_dir / "case_phone_failed.png"))
        dialogs = page.locator(".modal:visible .modal-body")
        message = dialogs.first.inner_text() if dialogs.count() else ""
        raise AssertionError("%s did not appear: %s" % (selector, message))


def _button_labels(rpc):
    """{method: label} of the case form's header buttons, in zh_CN."""
    arch = rpc("grid.case", "fields_view_get", view_type="form",
               context={"lang": "zh_CN"})["arch"]
    header = ElementTree.fromstring(arch).find("header")
    return {button.get("name"): button.get("string")
            for button in header.iter("button")}


def _state(rpc, case_id):
    return rpc("grid.case", "read", [case_id], [
        "state", "date_dispatched", "date_handled", "date_verified",
        "date_closed", "date_evaluated", "satisfaction", "handler_user_id",
        "community_id", "grid_id", "closed_on_time", "days_to_close"])[0]


def test_case_through_six_steps_on_a_phone(odoo_server, street,
                                           artifacts_dir):
    rpc = street["rpc"]
    url = odoo_server["url"]
    problems = []
    description = "五楼楼道堆放纸箱，影响消防通道。"
    labels = _button_labels(rpc)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=CHROMIUM_ARGS)

        # 1. the grid officer reports the case through the form
        officer = Phone(browser, url, street["officer"], problems, labels)
        action_id = rpc("ir.model.data", "xmlid_to_res_id",
                        "community_grid.grid_case_action")
        page = officer.page
        page.goto(url + "/web#action=%d&model=grid.case&view_type=form"
                  % action_id)
        page.reload()
        # the first form of a fresh database builds its assets: be patient
        _wait(page, ".o_form_view.o_form_editable", artifacts_dir,
              timeout=180000)
        officer.many2one("category_id", street["category_name"])
        # the form offers the households of the chosen community
        officer.many2one("community_id", street["community_name"])
        officer.many2one("household_id", street["household_name"])
        officer.show_field("description")
        page.click('.o_field_widget[name="description"] .note-editable')
        page.keyboard.type(description)
        page.screenshot(path=str(artifacts_dir / "case_phone_form.png"))
        page.click(".o_form_button_save")
        _wait(page, ".o_form_view.o_form_readonly", artifacts_dir)
        _wait(page, '.o_statusbar_status button.btn-primary'
              '[data-value="report"]', artifacts_dir, state="attached")
        page.screenshot(path=str(artifacts_dir / "case_phone_report.png"))
        cases = rpc("grid.case", "search_read",
                    [("category_id", "=", street["category"])],
                    fields=["name", "description"])
        assert len(cases) == 1, cases
        case_id = cases[0]["id"]
        assert description in cases[0]["description"]
        case = _state(rpc, case_id)
        assert case["state"] == "report"
        assert case["community_id"][0] == street["community"]
        assert case["grid_id"][0] == street["grid"]

        # 2. the clerk chooses the handler and dispatches
        clerk = Phone(browser, url, street["clerk"], problems, labels)
        clerk.open_case(case_id)
        clerk.edit()
        clerk.show_field("handler_user_id")
        clerk.page.locator(
            '.o_form_view .o_field_widget[name="handler_user_id"] input'
        ).fill("")
        clerk.many2one("handler_user_id", street["handler"]["name"])
        clerk.press("action_dispatch", "dispatch", "dispatch", artifacts_dir)
        case = _state(rpc, case_id)
        assert case["state"] == "dispatch" and case["date_dispatched"]
        assert case["handler_user_id"][0] == street["handler"]["id"]

        # 3. the handler feeds back
        handler = Phone(browser, url, street["handler"], problems, labels)
        handler.open_case(case_id)
        handler.edit()
        handler.show_field("handle_note")
        handler.page.fill('.o_form_view textarea[name="handle_note"]',
                          "已联系物业清理纸箱，通道已畅通。")
        handler.press("action_handle", "handle", "handle", artifacts_dir)
        case = _state(rpc, case_id)
        assert case["state"] == "handle" and case["date_handled"]
        handler.close()

        # 4. the grid officer verifies on site
        officer.open_case(case_id)
        officer.press("action_verify", "verify", "verify", artifacts_dir)
        case = _state(rpc, case_id)
        assert case["state"] == "verify" and case["date_verified"]

        # 5. the clerk closes
        clerk.open_case(case_id)
        clerk.press("action_close", "close", "close", artifacts_dir)
        case = _state(rpc, case_id)
        assert case["state"] == "close" and case["date_closed"]
        assert case["closed_on_time"] is True
        assert case["days_to_close"] == 0
        clerk.close()

        # 6. the grid officer records the reporter's satisfaction
        officer.open_case(case_id)
        officer.edit()
        officer.show_field("satisfaction")
        officer.page.select_option('.o_form_view select[name="satisfaction"]',
                                   '"satisfied"')
        officer.press("action_evaluate", "evaluate", "evaluate",
                      artifacts_dir)
        case = _state(rpc, case_id)
        assert case["state"] == "evaluate" and case["date_evaluated"]
        assert case["satisfaction"] == "satisfied"
        officer.close()
        browser.close()
    assert not problems, "\n".join(problems)
    stamps = [case[name] for name in (
        "date_dispatched", "date_handled", "date_verified", "date_closed",
        "date_evaluated")]
    assert stamps == sorted(stamps)
