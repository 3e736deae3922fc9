"""A community clerk's reception window on a phone (360 px) in zh_CN, in
Debian's chromium (issue 21: the service hall's ledger and its receipt).

A street, a community, an approved admission request and a service matter
it admits (with two required documents) and the clerk are prepared over
XML-RPC as the administrator. Through the web client at 360x740 the clerk
registers a walk-in request for the matter, ticks the documents received,
accepts it and prints its receipt (受理回执). The database must then hold
the accepted request, answered by its acceptance (the "123" promise), and
the PDF's text (pdftotext) must carry the Chinese title, the number, the
applicant and the matter. The screens' interface texts must be Chinese
(``zh_text``); any JavaScript error, console error or HTTP 5xx fails.
Buttons are found by the labels the server gives in zh_CN. Screenshots go
to artifacts/.
"""
import datetime
import re
import shutil
import subprocess
import uuid

import pytest
from server_process import Rpc
from test_browser_menus import NAVBAR, _interface_problems, watch_page
from test_browser_party import _idle, _labels, _many2one, _save, _wait
from zh_text import ZhText

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def street(odoo_server):
    rpc = Rpc(odoo_server)
    # digits only: a Latin letter in a name would read as untranslated text
    tag = str(uuid.uuid4().int)[:6]
    street_id = rpc.new_street("便民街道%s" % tag)
    community, _building = rpc.new_community(
        street_id, "幸福社区%s" % tag, "XF%s" % tag)
    department = rpc("hr.department", "create", {
        "name": "社会事务科%s" % tag, "company_id": street_id})
    year = datetime.date.today().year
    admission = rpc("community.admission.request", "create", {
        "name": "服务大厅事项%s" % tag, "department_id": department,
        "task_type": "task", "legal_basis": "《老年人权益保障法》",
        "community_ids": [(6, 0, [community])], "company_id": street_id,
        "date_start": "%s-01-01" % year})
    rpc("community.admission.request", "write", [admission],
        {"state": "approved"})
    item_name = "老年人优待证办理%s" % tag
    item = rpc("service.item", "create", {
        "name": item_name, "code": "LNYD%s" % tag, "window": "老龄窗口",
        "time_limit_days": 5, "reply_level": "street",
        "company_id": street_id, "admission_request_id": admission,
        "active": True,
        "document_ids": [(0, 0, {"name": "身份证", "sequence": 1}),
                         (0, 0, {"name": "近期免冠照片", "sequence": 2})]})
    login = "hall_clerk_%s" % tag
    rpc("res.users", "create", {
        "name": "窗口文书%s" % tag, "login": login, "password": login,
        "lang": "zh_CN", "tz": "Asia/Shanghai",
        "email": "%s@example.com" % login, "company_id": street_id,
        "company_ids": [(6, 0, [street_id])],
        "community_ids": [(6, 0, [community])],
        "groups_id": [(6, 0, [
            rpc.ref("community_base.group_community_clerk")])]})
    return {"rpc": rpc, "tag": tag, "login": login, "community": community,
            "item": item, "item_name": item_name}


def _login_phone(browser, server, login):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    problems = []
    watch_page(page, problems)
    page.goto(server["url"] + "/web/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", login)
    page.click("button[type=submit]")
    page.wait_for_selector(NAVBAR, timeout=120000)
    _idle(page)
    return context, page, problems


def _header_button(page, label, artifacts_dir):
    """Press the header button ``label``: on a phone web_responsive folds
    the buttons into the "操作" menu of the status bar."""
    bar = page.locator(".o_form_statusbar .o_statusbar_buttons_container")
    toggle = bar.locator(".o_statusbar_buttons_dropdown .dropdown-toggle")
    if toggle.count() and toggle.first.is_visible():
        toggle.first.click()
    button = bar.locator("button:visible",
                         has_text=re.compile("^%s$" % re.escape(label)))
    try:
        button.first.wait_for(timeout=60000)
    except Exception:
        page.screenshot(path=str(artifacts_dir / "service_failed.png"))
        raise
    button.first.click()
    _idle(page)


def test_clerk_registers_a_walk_in_request_and_prints_its_receipt(
        odoo_server, street, browser, artifacts_dir):
    data = street
    rpc = data["rpc"]
    checker = ZhText()
    english = []
    labels = _labels(rpc, "service.request")
    context, page, problems = _login_phone(browser, odoo_server,
                                           data["login"])

    # 1. the walk-in request, registered
    applicant = "王秀英%s" % data["tag"]
    page.goto(odoo_server["url"] + "/web#action=%d&model=service.request"
              "&view_type=form" % rpc.ref(
                  "community_service.service_request_action"))
    page.reload()
    _wait(page, ".o_form_view.o_form_editable", artifacts_dir,
          timeout=180000)
    _idle(page)
    _many2one(page, "item_id", data["item_name"])
    page.fill('.o_form_view input[name="applicant_name"]', applicant)
    page.fill('.o_form_view input[name="applicant_phone"]', "13912345678")
    page.screenshot(path=str(artifacts_dir / "service_request_form.png"))
    english += _interface_problems(page, checker, "service request form")
    assert page.evaluate(
        "document.documentElement.scrollWidth") <= PHONE["width"] + 1
    _save(page, artifacts_dir)
    requests = rpc("service.request", "search_read",
                   [("applicant_name", "=", applicant)],
                   fields=["name", "state", "community_id", "item_id",
                           "channel", "document_line_ids"])
    assert len(requests) == 1, requests
    request = requests[0]
    assert request["state"] == "received"
    assert request["channel"] == "walk_in"
    assert request["community_id"][0] == data["community"]
    assert request["item_id"][0] == data["item"]
    assert len(request["document_line_ids"]) == 2

    # 2. the documents ticked (at the window), accepted
    rpc("service.request.document", "write", request["document_line_ids"],
        {"received": True})
    page.reload()
    _wait(page, ".o_form_view.o_form_readonly", artifacts_dir)
    _header_button(page, labels["action_accept"], artifacts_dir)
    _wait(page, '.o_form_statusbar .o_statusbar_status '
          'button.btn-primary[data-value="accepted"]', artifacts_dir,
          state="attached")
    accepted = rpc("service.request", "read", [request["id"]],
                   ["state", "answer_channel", "reply_promise_kept"])[0]
    assert accepted["state"] == "accepted"
    assert accepted["answer_channel"] == "decision"
    assert accepted["reply_promise_kept"] is True
    page.screenshot(path=str(artifacts_dir / "service_request_accepted.png"))
    english += _interface_problems(page, checker, "service request accepted")

    # 3. the receipt
    with page.expect_download(timeout=300000) as download:
        _header_button(page, labels["action_print_receipt"], artifacts_dir)
    pdf = open(download.value.path(), "rb").read()
    assert pdf[:4] == b"%PDF"
    (artifacts_dir / "service_request_receipt.pdf").write_bytes(pdf)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf,
                              capture_output=True, check=True).stdout.decode()
        flat = re.sub(r"\s+", "", text)
        for expected in ("受理回执", request["name"], applicant,
                         data["item_name"], "身份证", "139****5678"):
            assert expected in flat, flat
    context.close()
    assert not problems, "\n".join(problems)
    assert not english, "interface texts in English or traditional " \
        "characters:\n%s" % "\n".join(english)
