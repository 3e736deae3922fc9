"""A community clerk's inbound register in zh_CN, in Debian's chromium
(issue 18, part 3: admission enforced where work arrives).

A street, a community, a department of the district (linked to the partner
the communities rate) and the clerk are prepared over XML-RPC as the
administrator, with one earlier item of the department that the admission
catalogue admits (a task), and the department's rating of this year open: its
inbound indicator is then 100. Through the web client the clerk registers
what the department asks for (a form, which no request admits), sees it
flagged as not admitted, writes the reason, refuses it and prints the
refusal note, whose PDF names the reason. The database must then hold the
refused item with its reason, and the department's indicator must have
dropped to 50. The screens' interface texts must be Chinese (``zh_text``);
any JavaScript error, console error or HTTP 5xx fails. Nothing is matched
in English: buttons are found by the labels the server gives in zh_CN.
Screenshots go to artifacts/.
"""
import datetime
import re
import shutil
import subprocess
import uuid

import pytest
from server_process import Rpc
from test_browser_menus import _interface_problems
from test_browser_party import (
    _header_button,
    _labels,
    _login,
    _many2one,
    _new_form,
    _save,
    _wait,
)
from zh_text import ZhText

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def street(odoo_server):
    rpc = Rpc(odoo_server)
    # digits only: a Latin letter in a name would read as untranslated text
    tag = str(uuid.uuid4().int)[:6]
    street_id = rpc.new_street("准入街道%s" % tag)
    community_name = "和平社区%s" % tag
    community, _building = rpc.new_community(
        street_id, community_name, "HP%s" % tag)
    department_name = "区城市管理委员会%s" % tag
    partner = rpc("res.partner", "create", {
        "name": department_name, "is_company": True,
        "organisation_type": "department"})
    # the district's departments belong to no street (as the demo's)
    department = rpc("hr.department", "create", {
        "name": department_name, "partner_id": partner, "company_id": False})
    year = datetime.date.today().year
    request = rpc("community.admission.request", "create", {
        "name": "门前三包责任书签订%s" % tag, "department_id": department,
        "task_type": "task", "legal_basis": "《城市市容和环境卫生管理条例》",
        "community_ids": [(6, 0, [community])], "company_id": street_id,
        "date_start": "%s-01-01" % year, "date_end": "%s-12-31" % year})
    rpc("community.admission.request", "write", [request],
        {"state": "approved"})
    today = datetime.date.today().isoformat()
    admitted = rpc("community.task.inbound", "create", {
        "name": "门前三包责任书签订%s" % tag, "kind": "task",
        "department_id": department, "community_id": community,
        "date_received": today})
    range_type = rpc("date.range.type", "create", {
        "name": "准入测试年度%s" % tag, "allow_overlap": True})
    period = rpc("date.range", "create", {
        "name": "%s年%s" % (year, tag), "type_id": range_type,
        "date_start": "%s-01-01" % year, "date_end": "%s-12-31" % year})
    campaign = rpc("eval.campaign", "create", {
        "name": "社区评议职能部门%s" % tag,
        "scheme_id": rpc.ref("community_eval.eval_scheme_community_department"),
        "company_id": street_id, "date_range_id": period,
        "department_ids": [(6, 0, [partner])]})
    rpc("eval.campaign", "action_open", [campaign])
    login = "inbound_clerk_%s" % tag
    rpc("res.users", "create", {
        "name": "社区文书%s" % tag, "login": login, "password": login,
        "lang": "zh_CN", "tz": "Asia/Shanghai",
        "email": "%s@example.com" % login, "company_id": street_id,
        "company_ids": [(6, 0, [street_id])],
        "community_ids": [(6, 0, [community])],
        "groups_id": [(6, 0, [
            rpc.ref("community_base.group_community_clerk")])]})
    return {
        "rpc": rpc, "tag": tag, "login": login, "community": community,
        "department": department, "department_name": department_name,
        "partner": partner, "admitted": admitted, "campaign": campaign,
    }


def _indicator(rpc, campaign, partner):
    """The department's value of the shipped inbound indicator, computed
    again."""
    rpc("eval.campaign", "action_compute", [campaign])
    indicator = rpc.ref(
        "community_eval.eval_indicator_department_inbound_admitted")
    lines = rpc("eval.result.line", "search_read", [
        ("result_id.campaign_id", "=", campaign),
        ("result_id.target_partner_id", "=", partner),
        ("indicator_id", "=", indicator)], fields=["value", "has_value"])
    assert len(lines) == 1 and lines[0]["has_value"], lines
    return lines[0]["value"]


def test_clerk_refuses_an_item_not_admitted_and_prints_the_note(
        odoo_server, street, browser, artifacts_dir):
    data = street
    rpc = data["rpc"]
    assert data["admitted"]
    assert rpc("community.task.inbound", "read", [data["admitted"]],
               ["admitted"])[0]["admitted"]
    assert _indicator(rpc, data["campaign"], data["partner"]) == 100.0
    checker = ZhText()
    english = []
    labels = _labels(rpc, "community.task.inbound")
    page, problems = _login(browser, odoo_server, data["login"])

    # 1. the department's request, registered: flagged as not admitted
    item_name = "辖区商户消防安全情况统计表%s" % data["tag"]
    _new_form(page, odoo_server, rpc,
              "community_base.community_task_inbound_action",
              "community.task.inbound", artifacts_dir)
    page.fill('.o_form_view input[name="name"]', item_name)
    page.select_option('.o_form_view select[name="kind"]', '"form"')
    _many2one(page, "department_id", data["department_name"])
    page.fill('.o_form_view input[name="effort_hours"]', "3")
    page.screenshot(path=str(artifacts_dir / "inbound_form.png"))
    english += _interface_problems(page, checker, "inbound form")
    _save(page, artifacts_dir)
    _wait(page, ".o_form_view .o_inbound_not_admitted"
          ":not(.o_invisible_modifier)", artifacts_dir)
    warning = page.inner_text(".o_form_view .o_inbound_not_admitted")
    assert re.search(r"[\u4e00-\u9fff]", warning), warning
    page.screenshot(path=str(artifacts_dir / "inbound_not_admitted.png"))
    english += _interface_problems(page, checker, "inbound not admitted")
    items = rpc("community.task.inbound", "search_read",
                [("name", "=", item_name)],
                fields=["admitted", "state", "community_id", "department_id",
                        "kind", "create_uid"])
    assert len(items) == 1, items
    item = items[0]
    assert item["admitted"] is False
    assert item["state"] == "received"
    assert item["community_id"][0] == data["community"]
    assert item["department_id"][0] == data["department"]
    assert item["kind"] == "form"
    assert item["create_uid"][1].startswith("社区文书")

    # 2. refused, with the reason
    reason = "该事项不在本年度准入目录内%s" % data["tag"]
    page.click(".o_form_button_edit")
    _wait(page, ".o_form_view.o_form_editable", artifacts_dir)
    page.fill('.o_form_view textarea[name="refuse_reason"]', reason)
    _save(page, artifacts_dir)
    _header_button(page, labels["action_refuse"], artifacts_dir)
    _wait(page, '.o_form_statusbar .o_statusbar_status '
          'button.btn-primary[data-value="refused"]', artifacts_dir,
          state="attached")
    state = rpc("community.task.inbound", "read", [item["id"]],
                ["state", "refuse_reason"])[0]
    assert state["state"] == "refused"
    assert state["refuse_reason"] == reason
    english += _interface_problems(page, checker, "inbound refused")

    # 3. the refusal note
    with page.expect_download(timeout=300000) as download:
        _header_button(page, labels["action_print_refusal"], artifacts_dir)
    pdf = open(download.value.path(), "rb").read()
    assert pdf[:4] == b"%PDF"
    (artifacts_dir / "inbound_refusal_note.pdf").write_bytes(pdf)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf,
                              capture_output=True, check=True).stdout.decode()
        flat = re.sub(r"\s+", "", text)
        for expected in (reason, item_name, data["department_name"],
                         "不予受理告知单"):
            assert expected in flat, flat

    # 4. the department's indicator dropped: one item of two went through
    assert _indicator(rpc, data["campaign"], data["partner"]) == 50.0
    page.close()
    assert not problems, "\n".join(problems)
    assert not english, "interface texts in English or traditional " \
        "characters:\n%s" % "\n".join(english)
