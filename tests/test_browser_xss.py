"""Script typed into a case does not run in the browser (issue 9, item 4).

A grid officer reports a case through the web client (zh_CN) and types a
``<script>`` and an ``<img onerror>`` payload into its description (an Html
field, edited in the WYSIWYG editor) and into the chatter; the category's
name (set by an administrator) carries the same payloads, so that the list
and the kanban show them. Then, as the raw HTML an attacker would send
without the editor, the same payload is written to the description over
the officer's own JSON-RPC session. The form, the list, the kanban and the
chatter are opened afresh by the officer and by a community clerk: each
payload sets ``window.__xss`` or opens an ``alert``, so the flag must stay
undefined and no dialog may open; the server must have stored the
description without script, event handler or ``javascript:`` link, and the
typed text must read back as text. Screenshots go to artifacts/.
"""
import uuid

import pytest
from playwright.sync_api import sync_playwright
from server_process import Rpc
from test_browser_menus import CHROMIUM, CHROMIUM_ARGS, NAVBAR

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__xss = 1; alert('xss-script')</script>"
IMG = "<img src=x onerror=\"window.__xss = 2; alert('xss-img')\">"
LINK = "<a href=\"javascript:window.__xss = 3\">details</a>"
TYPED = "楼道漏水 %s %s" % (SCRIPT, IMG)
RAW = "<p>楼道漏水</p>%s%s%s" % (SCRIPT, IMG, LINK)
FLAG = "() => typeof window.__xss === 'undefined'"


@pytest.fixture(scope="module")
def street(odoo_server):
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:6]
    company_id = rpc("res.users", "read", [rpc.uid], ["company_id"])[0][
        "company_id"][0]
    community = rpc("community.community", "create", {
        "name": "安全社区%s" % tag, "code": "X%s" % tag,
        "company_id": company_id})
    compound = rpc("community.compound", "create", {
        "name": "安全小区%s" % tag, "community_id": community,
        "kind": "estate"})
    building = rpc("community.building", "create", {
        "name": "9号楼%s" % tag, "compound_id": compound})
    household = rpc("community.household", "create", {
        "building_id": building, "unit": "1", "room": "901"})

    def user(role, groups, **vals):
        login = "xss_%s_%s" % (role, tag)
        vals.update({
            "name": "%s%s" % (role, tag), "login": login, "password": login,
            "email": "%s@example.com" % login,
            "lang": "zh_CN", "tz": "Asia/Shanghai",
            "company_id": company_id, "company_ids": [(6, 0, [company_id])],
            "groups_id": [(6, 0, [
                rpc("ir.model.data", "xmlid_to_res_id", xmlid)
                for xmlid in groups])]})
        rpc("res.users", "create", vals)
        return login

    officer = user("officer", ["community_grid.group_grid_officer"])
    clerk = user("clerk", ["community_base.group_community_clerk"],
                 community_ids=[(6, 0, [community])])
    officer_id = rpc("res.users", "search", [("login", "=", officer)])[0]
    grid = rpc("grid.grid", "create", {
        "name": "安全网格%s" % tag, "code": "XG%s" % tag,
        "community_id": community, "officer_id": officer_id})
    rpc("community.building", "write", [building], {"grid_id": grid})
    rpc("community.household", "write", [household], {"grid_id": grid})
    category_name = "漏水%s %s" % (tag, IMG)
    category = rpc("grid.case.category", "create", {
        "name": category_name, "code": "XSS-%s" % tag, "level": "street"})
    return {
        "rpc": rpc, "tag": tag, "community_name": "安全社区%s" % tag,
        "household": household,
        "household_name": dict(rpc("community.household", "name_get",
                                   [household]))[household],
        "category": category, "category_name": "漏水%s" % tag,
        "officer": officer, "clerk": clerk,
    }


def _wait(page, selector, artifacts_dir, timeout=60000):
    """Wait for ``selector``; on a timeout keep a screenshot and report the
    dialog the web client shows (a refusal, a missing field)."""
    try:
        page.wait_for_selector(selector, timeout=timeout)
    except Exception:
        page.screenshot(path=str(artifacts_dir / "xss_failed.png"))
        dialogs = page.locator(".modal:visible .modal-body")
        message = dialogs.first.inner_text() if dialogs.count() else ""
        invalid = page.locator(".o_form_view .o_field_invalid").evaluate_all(
            "els => els.map(el => el.getAttribute('name'))")
        raise AssertionError("%s did not appear: %s %s" % (
            selector, message, invalid))


class Session:
    """One user's browser context, logged in; records JavaScript errors,
    HTTP 5xx and every dialog (a payload's alert) and dismisses them."""

    def __init__(self, browser, url, login, problems, dialogs):
        self.url = url
        self.context = browser.new_context(
            viewport={"width": 1366, "height": 900}, locale="zh-CN")
        page = self.page = self.context.new_page()
        page.on("pageerror", lambda exc: problems.append("JS error: %s" % exc))
        page.on("response", lambda resp: resp.status >= 500 and problems.append(
            "HTTP %s on %s" % (resp.status, resp.url)))

        def on_dialog(dialog):
            dialogs.append("%s: %s" % (login, dialog.message))
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(url + "/web/login")
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", login)
        page.click("button[type=submit]")
        page.wait_for_selector(NAVBAR, timeout=120000)

    def goto(self, fragment, selector):
        self.page.goto(self.url + "/web#" + fragment)
        self.page.reload()
        self.page.wait_for_selector(selector, timeout=120000)
        self.page.wait_for_selector(".o_loading", state="hidden",
                                    timeout=60000)
        # let images fail to load and their handlers (if any) run
        self.page.wait_for_timeout(1500)

    def assert_no_payload_ran(self, where):
        assert self.page.evaluate(FLAG), "payload ran in %s" % where
        live = self.page.evaluate("""() => [
            document.querySelectorAll('.o_content [onerror]').length,
            [...document.querySelectorAll('.o_content script')].filter(
                s => s.textContent.includes('__xss')).length,
            document.querySelectorAll('.o_content a[href^="javascript"]').length,
        ]""")
        assert live == [0, 0, 0], (where, live)


def test_script_in_a_case_does_not_run(odoo_server, street, artifacts_dir):
    rpc = street["rpc"]
    url = odoo_server["url"]
    problems, dialogs = [], []
    action = rpc("ir.model.data", "xmlid_to_res_id",
                 "community_grid.grid_case_action")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=CHROMIUM_ARGS)
        officer = Session(browser, url, street["officer"], problems, dialogs)
        page = officer.page
        # 1. the officer reports a case and types the payloads
        officer.goto("action=%d&model=grid.case&view_type=form" % action,
                     ".o_form_view.o_form_editable")
        for field, text in (("category_id", street["category_name"]),
                            ("community_id", street["community_name"]),
                            ("household_id", street["household_name"])):
            page.locator('.o_form_view .o_field_widget[name="%s"] input'
                         % field).fill(text)
            item = page.locator(".ui-autocomplete:visible li a",
                                has_text=text).first
            item.wait_for(timeout=30000)
            item.click()
        page.click('.o_form_view .o_field_widget[name="reporter_name"]')
        page.keyboard.type(SCRIPT)
        pane = page.evaluate("""() => document.querySelector(
            '.o_form_view [name="description"]').closest('.tab-pane').id""")
        page.click('.o_notebook a[href="#%s"]' % pane)
        page.click('.o_field_widget[name="description"] .note-editable')
        page.keyboard.type(TYPED)
        page.click(".o_form_button_save")
        _wait(page, ".o_form_view.o_form_readonly", artifacts_dir)
        cases = rpc("grid.case", "search_read",
                    [("category_id", "=", street["category"])],
                    fields=["description", "reporter_name"])
        assert len(cases) == 1, cases
        case_id = cases[0]["id"]
        # typed into the editor, the payload is text, stored escaped
        assert "&lt;script&gt;" in cases[0]["description"]
        assert "<script" not in cases[0]["description"]
        assert cases[0]["reporter_name"] == SCRIPT
        officer.assert_no_payload_ran("the form after saving")
        # 2. the chatter: a note typed with the payloads
        page.click(".o_chatter_button_log_note")
        page.fill(".o_chatter .o_composer_text_field", TYPED)
        page.click(".o_chatter .o_composer_button_send")
        page.locator(".o_thread_message", has_text="楼道漏水").first.wait_for(
            timeout=60000)
        officer.assert_no_payload_ran("the chatter after posting")
        # 3. raw HTML, sent over the officer's session without the editor
        page.evaluate("""([caseId, html]) => fetch('/web/dataset/call_kw', {
            method: 'POST', credentials: 'same-origin',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({jsonrpc: '2.0', method: 'call', params: {
                model: 'grid.case', method: 'write',
                args: [[caseId], {description: html}], kwargs: {}}})
        }).then(r => r.json())""", [case_id, RAW])
        stored = rpc("grid.case", "read", [case_id], ["description"])[0][
            "description"]
        assert "楼道漏水" in stored
        for needle in ("<script", "onerror", "javascript:"):
            assert needle not in stored.lower(), stored

        # 4. every view of the case, afresh, by the officer and a clerk
        clerk = Session(browser, url, street["clerk"], problems, dialogs)
        for who, session in (("officer", officer), ("clerk", clerk)):
            session.goto("id=%d&action=%d&model=grid.case&view_type=form"
                         % (case_id, action), ".o_form_view.o_form_readonly")
            text = session.page.inner_text(".o_form_view")
            assert SCRIPT in text  # the reporter's name, shown as text
            session.page.locator(".o_thread_message",
                                 has_text="楼道漏水").first.wait_for(
                timeout=60000)
            session.assert_no_payload_ran("%s: form and chatter" % who)
            session.page.screenshot(path=str(
                artifacts_dir / ("xss_form_%s.png" % who)))
            session.goto("action=%d&model=grid.case&view_type=list" % action,
                         ".o_list_view")
            assert session.page.locator(
                ".o_list_view tbody tr.o_data_row",
                has_text=street["category_name"]).count() >= 1
            session.assert_no_payload_ran("%s: list" % who)
            session.page.screenshot(path=str(
                artifacts_dir / ("xss_list_%s.png" % who)))
            session.goto("action=%d&model=grid.case&view_type=kanban"
                         % action, ".o_kanban_view")
            session.page.locator(".o_kanban_record",
                                 has_text=street["category_name"]).first.wait_for(
                timeout=60000)
            session.assert_no_payload_ran("%s: kanban" % who)
            session.page.screenshot(path=str(
                artifacts_dir / ("xss_kanban_%s.png" % who)))
        browser.close()
    assert not dialogs, dialogs
    assert not problems, "\n".join(problems)
