"""A community party secretary's day in zh_CN, in Debian's chromium
(issue 17): register an in-service member reported by a unit, record a
joint council meeting and turn one of its decisions into a case.

The street, community, unit, the unit's party branch, its in-service
member (who lives in the community), the joint party-building council and
the secretary (also the community's clerk: 一肩挑) are prepared over
XML-RPC as the administrator. Everything else is done through the web
client by the secretary: the registration form (the unit's branch reports
the member), the meeting form (the council's member organisations filled
in with one button, the delegates' names typed, a decision added, the
meeting marked held) and the decision's button that opens the new case.
The database must then hold the registration, the meeting and the case
made from the decision, with its text; the screens' interface texts must
be Chinese (``zh_text``), and any JavaScript error, console error or HTTP
5xx fails. Nothing is matched in English: buttons are found by the labels
the server gives in zh_CN. Screenshots go to artifacts/.
"""
import re
import uuid
from xml.etree import ElementTree

import pytest
from server_process import Rpc
from test_browser_menus import NAVBAR, _interface_problems, watch_page
from zh_text import ZhText

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def street(odoo_server):
    rpc = Rpc(odoo_server)
    # digits only: the texts the test checks for Chinese carry it
    tag = str(uuid.uuid4().int)[:6]
    street_id = rpc.new_street("党建街道%s" % tag)
    community_name = "红旗社区%s" % tag
    community, building = rpc.new_community(
        street_id, community_name, "HQ%s" % tag)
    household = rpc("community.household", "create", {
        "building_id": building, "unit": "2", "room": "301"})
    resident = rpc("community.resident", "create", {
        "name": "钱红%s" % tag, "household_id": household})

    def unit(name):
        return rpc("res.partner", "create", {
            "name": name, "is_company": True,
            "organisation_type": "resident_unit", "community_id": community})

    tax_office = unit("区税务局%s" % tag)
    school = unit("实验小学%s" % tag)
    unit_branch = rpc("party.organisation", "create", {
        "name": "区税务局%s机关党支部" % tag, "kind": "unit_branch",
        "company_id": street_id, "unit_id": tax_office})
    member = rpc("party.member", "create", {
        "name": "钱红%s" % tag, "organisation_id": unit_branch,
        "resident_id": resident, "category": "in_service",
        "work_unit_id": tax_office})
    council_name = "红旗社区%s党建联席会" % tag
    council = rpc("community.council", "create", {
        "name": council_name, "kind": "party_building",
        "community_id": community,
        "member_ids": [(6, 0, [tax_office, school])]})
    login = "party_secretary_%s" % tag
    rpc("res.users", "create", {
        "name": "社区书记%s" % tag, "login": login, "password": login,
        "lang": "zh_CN", "tz": "Asia/Shanghai",
        "email": "%s@example.com" % login, "company_id": street_id,
        "company_ids": [(6, 0, [street_id])],
        "community_ids": [(6, 0, [community])],
        "groups_id": [(6, 0, [
            rpc.ref("community_party.group_party_secretary"),
            rpc.ref("community_base.group_community_clerk")])]})
    return {
        "rpc": rpc, "tag": tag, "login": login, "community": community,
        "community_name": community_name, "member": member,
        "member_name": "钱红%s" % tag, "tax_office": tax_office,
        "unit_branch": unit_branch, "council": council,
        "council_name": council_name,
        "units": ["区税务局%s" % tag, "实验小学%s" % tag],
    }


def _labels(rpc, model):
    """{method: zh_CN label} of the buttons of ``model``'s form view and
    of the lists embedded in it."""
    view = rpc(model, "fields_view_get", view_type="form",
               context={"lang": "zh_CN"})
    arches = [view["arch"]] + [
        sub["arch"] for field in view["fields"].values()
        for sub in (field.get("views") or {}).values()]
    labels = {}
    for arch in arches:
        for button in ElementTree.fromstring(arch).iter("button"):
            if button.get("type") == "object":
                labels.setdefault(button.get("name"), button.get("string"))
    return labels


def _idle(page):
    page.wait_for_selector(".o_loading", state="hidden", timeout=60000)


def _wait(page, selector, artifacts_dir, timeout=60000, **kw):
    """Wait for ``selector``; on a timeout keep a screenshot and report
    the dialog the web client shows."""
    try:
        page.wait_for_selector(selector, timeout=timeout, **kw)
    except Exception:
        page.screenshot(path=str(artifacts_dir / "party_failed.png"))
        dialogs = page.locator(".modal:visible .modal-body")
        message = dialogs.first.inner_text() if dialogs.count() else ""
        raise AssertionError("%s did not appear: %s" % (selector, message))


def _login(browser, server, login):
    page = browser.new_page(viewport={"width": 1366, "height": 900},
                            locale="zh-CN")
    problems = []
    watch_page(page, problems)
    page.goto(server["url"] + "/web/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", login)
    page.click("button[type=submit]")
    page.wait_for_selector(NAVBAR, timeout=120000)
    # the landing page fully loaded before the next goto
    page.wait_for_selector(".o_control_panel .breadcrumb li",
                           timeout=120000)
    _idle(page)
    return page, problems


def _new_form(page, server, rpc, action_xmlid, model, artifacts_dir):
    page.goto(server["url"] + "/web#action=%d&model=%s&view_type=form"
              % (rpc.ref(action_xmlid), model))
    page.reload()
    _wait(page, ".o_form_view.o_form_editable", artifacts_dir,
          timeout=180000)
    _idle(page)


def _many2one(page, field, text):
    box = page.locator(
        '.o_form_view .o_field_widget[name="%s"] input' % field).first
    box.fill(text)
    item = page.locator(".ui-autocomplete:visible li a",
                        has_text=text).first
    item.wait_for(timeout=30000)
    item.click()
    _idle(page)


def _save(page, artifacts_dir):
    page.click(".o_form_button_save")
    _wait(page, ".o_form_view.o_form_readonly", artifacts_dir)
    _idle(page)


def _header_button(page, label, artifacts_dir):
    button = page.locator(".o_form_statusbar .o_statusbar_buttons button",
                          has_text=re.compile("^%s$" % re.escape(label)))
    try:
        button.first.wait_for(timeout=60000)
    except Exception:
        page.screenshot(path=str(artifacts_dir / "party_failed.png"))
        raise
    button.first.click()
    _idle(page)


def _show_page(page, field):
    """Open the notebook page holding ``field``."""
    page.evaluate("""(name) => {
        const pane = $('.o_form_view [name=' + name + ']').closest('.tab-pane');
        $('.o_notebook a[href="#' + pane.attr('id') + '"]').click();
    }""", field)


def _rows(page, field):
    return page.locator(".o_form_view [name=%s] tr.o_data_row" % field)


def test_secretary_registers_meets_and_raises_a_case(
        odoo_server, street, browser, artifacts_dir):
    data = street
    rpc = data["rpc"]
    checker = ZhText()
    english = []
    page, problems = _login(browser, odoo_server, data["login"])

    # 1. the in-service member reported by the unit's branch
    _new_form(page, odoo_server, rpc,
              "community_party.party_inservice_registration_action",
              "party.inservice.registration", artifacts_dir)
    _many2one(page, "member_id", data["member_name"])
    # the member's work unit and its branch come with the member
    page.wait_for_function(
        """(unit) => {
            const box = document.querySelector(
                '.o_form_view .o_field_widget[name="unit_id"] input');
            return box && box.value === unit;
        }""", arg=data["units"][0], timeout=30000)
    page.select_option('.o_form_view select[name="source"]', '"unit_batch"')
    page.screenshot(path=str(artifacts_dir / "party_registration_form.png"))
    english += _interface_problems(page, checker, "registration form")
    _save(page, artifacts_dir)
    registrations = rpc("party.inservice.registration", "search_read",
                        [("member_id", "=", data["member"])],
                        fields=["unit_id", "unit_organisation_id",
                                "community_id", "source", "state",
                                "date_registered", "create_uid"])
    assert len(registrations) == 1, registrations
    registration = registrations[0]
    assert registration["unit_id"][0] == data["tax_office"]
    assert registration["unit_organisation_id"][0] == data["unit_branch"]
    assert registration["community_id"][0] == data["community"]
    assert registration["source"] == "unit_batch"
    assert registration["state"] == "registered"
    assert registration["date_registered"]
    assert registration["create_uid"][1].startswith("社区书记")

    # 2. the joint council meeting, its attendees and a decision
    labels = _labels(rpc, "party.meeting")
    meeting_name = "%s第四季度党建联席会" % data["community_name"]
    decision_text = "清理%s2号楼楼道堆放的自行车" % data["tag"]
    _new_form(page, odoo_server, rpc, "community_party.party_meeting_action",
              "party.meeting", artifacts_dir)
    page.fill('.o_form_view input[name="name"]', meeting_name)
    page.select_option('.o_form_view select[name="kind"]',
                       '"joint_council"')
    _many2one(page, "council_id", data["council_name"])
    page.fill('.o_form_view input[name="location"]', "社区党群服务中心")
    _save(page, artifacts_dir)
    _header_button(page, labels["action_fill_attendees"], artifacts_dir)
    rows = _rows(page, "attendance_ids")
    rows.nth(1).wait_for(timeout=60000)
    assert rows.count() == 2
    listed = " ".join(rows.all_inner_texts())
    for unit in data["units"]:
        assert unit in listed, listed
    page.click(".o_form_button_edit")
    _wait(page, ".o_form_view.o_form_editable", artifacts_dir)
    for index, delegate in enumerate(("赵副局长", "孙校长")):
        _rows(page, "attendance_ids").nth(index).locator(
            "td.o_data_cell").first.click()
        box = page.locator(".o_form_view [name=attendance_ids] "
                           "tr.o_selected_row input[name=attendee_name]")
        box.wait_for(timeout=30000)
        box.fill(delegate)
    _show_page(page, "decision_ids")
    page.click(".o_form_view [name=decision_ids] "
               ".o_field_x2many_list_row_add a")
    box = page.locator(".o_form_view [name=decision_ids] "
                       "tr.o_selected_row input[name=name]")
    box.wait_for(timeout=30000)
    box.fill(decision_text)
    page.screenshot(path=str(artifacts_dir / "party_meeting_form.png"))
    english += _interface_problems(page, checker, "meeting form")
    _save(page, artifacts_dir)
    _header_button(page, labels["action_held"], artifacts_dir)
    _wait(page, '.o_form_statusbar .o_statusbar_status '
          'button.btn-primary[data-value="held"]', artifacts_dir,
          state="attached")
    meetings = rpc("party.meeting", "search_read",
                   [("council_id", "=", data["council"])],
                   fields=["name", "state", "community_id",
                           "attendance_count", "decision_ids"])
    assert len(meetings) == 1, meetings
    assert meetings[0]["name"] == meeting_name
    assert meetings[0]["state"] == "held"
    assert meetings[0]["community_id"][0] == data["community"]
    assert meetings[0]["attendance_count"] == 2
    attendees = rpc("party.meeting.attendance", "search_read",
                    [("meeting_id", "=", meetings[0]["id"])],
                    fields=["attendee_name", "present"])
    assert sorted(a["attendee_name"] for a in attendees) == sorted(
        ["赵副局长", "孙校长"])
    assert all(a["present"] for a in attendees)

    # 3. the decision becomes a case, whose form opens
    _show_page(page, "decision_ids")
    button = _rows(page, "decision_ids").first.locator(
        'button[title="%s"]' % labels["action_create_case"])
    button.wait_for(timeout=30000)
    button.click()
    _wait(page, ".o_form_view [name=description]", artifacts_dir)
    _idle(page)
    page.wait_for_function("() => location.hash.includes('model=grid.case')",
                           timeout=60000)
    page.screenshot(path=str(artifacts_dir / "party_decision_case.png"))
    shown = page.inner_text(".o_form_view [name=description]")
    assert decision_text in shown, shown
    english += _interface_problems(page, checker, "case form")
    decisions = rpc("party.meeting.decision", "search_read",
                    [("meeting_id", "=", meetings[0]["id"])],
                    fields=["name", "case_id"])
    assert len(decisions) == 1 and decisions[0]["name"] == decision_text
    assert decisions[0]["case_id"], decisions
    case = rpc("grid.case", "read", [decisions[0]["case_id"][0]],
               ["description", "community_id", "state", "create_uid"])[0]
    assert decision_text in case["description"]
    assert meeting_name in case["description"]
    assert case["community_id"][0] == data["community"]
    assert case["state"] == "report"
    assert case["create_uid"][1].startswith("社区书记")
    page.close()
    assert not problems, "\n".join(problems)
    assert not english, "interface texts in English or traditional " \
        "characters:\n%s" % "\n".join(english)
