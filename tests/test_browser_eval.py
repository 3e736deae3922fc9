"""Setting up and filling in an evaluation (issue 16, item 8), in Debian's
chromium, in zh_CN.

A street of its own is prepared over XML-RPC as the administrator: a
community, a quarterly scheme of the street with one satisfaction and one
points indicator (each with its scoring guidance), this month's, this
quarter's and this year's periods, an evaluator of the street holding that
role only, an evaluator of another street and a street clerk. A campaign
of the scheme is scoring with the evaluator; another is a draft.

The evaluator logs in through the login form and opens their sheet: the
campaign, the target and the source are read only for them (and a write
of them over JSON-RPC is refused, naming the sheet), every line's rating
column says something (the answer, or that it is still to answer) and
every line shows its scoring guidance. The period and evaluator pickers
of a campaign belong to its set-up, which an evaluator cannot edit: the
street clerk opens them on the draft campaign; they offer the quarters
and the street's evaluators only. Nothing is matched in English: the
checks look at field names, the records' Chinese names and the labels
the server gives in zh_CN. Any JavaScript error or HTTP 5xx fails.
"""
import datetime
import uuid

import pytest
import requests
from server_process import Rpc
from test_browser_landing import _button
from test_browser_menus import NAVBAR, watch_page

pytestmark = pytest.mark.browser

#: the cells of column ``name`` of the sheet's lines, null without it
COLUMN_JS = """name => {
    const table = $('.o_form_view [name=line_ids] table.o_list_view');
    let index = -1;
    table.find('thead th').each(function (i) {
        if ($(this).data('name') === name) { index = i; }
    });
    if (index < 0) { return null; }
    return table.find('tbody tr.o_data_row').map(function () {
        return $(this).children('td').eq(index).text().trim();
    }).get();
}"""


def _period(rpc, range_type, name, start, end):
    return rpc("date.range", "create", {
        "name": name, "type_id": range_type, "date_start": start.isoformat(),
        "date_end": end.isoformat(), "company_id": False})


@pytest.fixture(scope="module")
def street(odoo_server):
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:6]
    today = datetime.date.today()
    street_id = rpc.new_street("评测街道%s" % tag)
    other_street = rpc.new_street("外街道%s" % tag)
    community, _building = rpc.new_community(
        street_id, "评测社区%s" % tag, "E%s" % tag, (1,))

    def user(key, name, group, street):
        login = "eval_%s_%s" % (key, tag)
        rpc("res.users", "create", {
            "name": "%s%s" % (name, tag), "login": login, "password": login,
            "lang": "zh_CN", "tz": "Asia/Shanghai",
            "email": "%s@example.com" % login, "company_id": street,
            "company_ids": [(6, 0, [street])],
            "groups_id": [(6, 0, [rpc.ref(group)])]})
        return login

    logins = {
        "evaluator": user("evaluator", "评测评议人", "community_eval.group_evaluator",
                          street_id),
        "evaluator_other": user("other", "外街评议人",
                                "community_eval.group_evaluator", other_street),
        "clerk": user("clerk", "评测办事员", "community_base.group_street_clerk",
                      street_id),
    }
    uid = {key: rpc("res.users", "search", [("login", "=", login)])[0]
           for key, login in logins.items()}
    names = {key: rpc("res.users", "read", [uid[key]], ["name"])[0]["name"]
             for key in uid}

    range_type = rpc("date.range.type", "create", {
        "name": "评测期间%s" % tag, "allow_overlap": True})
    first_month = (today.month - 1) // 3 * 3 + 1
    quarter_start = datetime.date(today.year, first_month, 1)
    quarter_end = (datetime.date(today.year, first_month + 3, 1)
                   if first_month < 10 else datetime.date(today.year + 1, 1, 1)
                   ) - datetime.timedelta(days=1)
    month_start = today.replace(day=1)
    month_end = ((month_start + datetime.timedelta(days=32)).replace(day=1)
                 - datetime.timedelta(days=1))
    periods = {
        "quarter": _period(rpc, range_type, "评测本季%s" % tag, quarter_start,
                           quarter_end),
        "month": _period(rpc, range_type, "评测本月%s" % tag, month_start,
                         month_end),
        "year": _period(rpc, range_type, "评测本年%s" % tag,
                        datetime.date(today.year, 1, 1),
                        datetime.date(today.year, 12, 31)),
    }
    guidance = {"service": "窗口人员是否耐心热情%s" % tag,
                "facilities": "公共设施是否完好%s" % tag}
    scheme = rpc("eval.scheme", "create", {
        "name": "评测方案%s" % tag, "code": "EVAL-%s" % tag,
        "company_id": street_id, "evaluator_kind": "community",
        "target_type": "community", "period_type": "quarter",
        "indicator_ids": [
            (0, 0, {"name": "服务态度%s" % tag, "sequence": 1,
                    "description": guidance["service"]}),
            (0, 0, {"name": "设施维护%s" % tag, "sequence": 2,
                    "scale": "points", "max_points": 10,
                    "description": guidance["facilities"]})]})

    def campaign(name, evaluators):
        return rpc("eval.campaign", "create", {
            "name": "%s%s" % (name, tag), "scheme_id": scheme,
            "company_id": street_id, "date_range_id": periods["quarter"],
            "community_ids": [(6, 0, [community])],
            "evaluator_ids": [(6, 0, evaluators)]})

    scoring = campaign("评测活动", [uid["evaluator"]])
    _button(odoo_server, "eval.campaign", "action_open", [scoring])
    draft = campaign("评测草稿活动", [])
    community_name = rpc("community.community", "read", [community],
                         ["name"])[0]["name"]
    period_names = {key: rpc("date.range", "read", [period], ["name"])[0][
        "name"] for key, period in periods.items()}
    return {"rpc": rpc, "tag": tag, "logins": logins, "names": names,
            "community": community_name, "periods": period_names,
            "guidance": guidance, "draft": draft, "scoring": scoring}


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
    # the landing page fully loaded: a later goto to a record must not race
    # with the landing action (which then replaced the record's form)
    page.wait_for_selector(".o_control_panel .breadcrumb li",
                           timeout=120000)
    _idle(page)
    return page, problems


def _idle(page):
    page.wait_for_selector(".o_loading", state="hidden", timeout=60000)


def _open_own_sheet(browser, server, data):
    """The evaluator's landing page, their sheet of the community, in
    edit mode."""
    page, problems = _login(browser, server, data["logins"]["evaluator"])
    row = page.locator(".o_content .o_data_row", has_text=data["community"])
    row.first.wait_for(timeout=120000)
    row.first.click()
    page.wait_for_selector(".o_form_view [name=line_ids] .o_data_row",
                           timeout=60000)
    page.click(".o_form_button_edit")
    page.wait_for_selector(".o_form_view.o_form_editable", timeout=60000)
    _idle(page)
    return page, problems


def _offered(page, field, typed, expected):
    """The entries the picker of ``field`` offers for ``typed``, once
    ``expected`` is among them."""
    box = page.locator(".o_form_view [name=%s] input" % field).first
    box.click()
    box.fill(typed)
    page.locator("ul.ui-autocomplete li", has_text=expected).first.wait_for(
        state="visible", timeout=60000)
    return page.eval_on_selector_all(
        "ul.ui-autocomplete li",
        "items => items.filter(i => i.offsetParent !== null)"
        ".map(i => i.innerText.trim())")


def test_campaign_pickers_offer_the_schemes_periods_and_evaluators(
        odoo_server, street, browser, artifacts_dir):
    """Item 8.1, as the street clerk who sets a campaign up (the
    evaluator reads campaigns, with no picker to open)."""
    data = street
    page, problems = _login(browser, odoo_server, data["logins"]["clerk"])
    page.goto(odoo_server["url"] + "/web#id=%d&model=eval.campaign"
              "&view_type=form" % data["draft"])
    page.wait_for_selector(".o_form_view", timeout=60000)
    _idle(page)
    page.click(".o_form_button_edit")
    page.wait_for_selector(".o_form_view.o_form_editable", timeout=60000)
    periods = _offered(page, "date_range_id", data["tag"],
                       data["periods"]["quarter"])
    page.screenshot(path=str(artifacts_dir / "eval_period_picker.png"))
    assert data["periods"]["month"] not in periods, periods
    assert data["periods"]["year"] not in periods, periods
    page.keyboard.press("Escape")
    # the evaluators' tab, found by the field it holds
    page.evaluate("""() => {
        const pane = $('.o_form_view [name=evaluator_ids]').closest('.tab-pane');
        $('.o_notebook a[href="#' + pane.attr('id') + '"]').click();
    }""")
    people = _offered(page, "evaluator_ids", data["tag"],
                      data["names"]["evaluator"])
    page.screenshot(path=str(artifacts_dir / "eval_evaluator_picker.png"))
    assert data["names"]["evaluator_other"] not in people, people
    assert data["names"]["clerk"] not in people, people
    page.close()
    assert not problems, "\n".join(problems)


def test_evaluator_cannot_move_their_sheet(odoo_server, street, browser,
                                           artifacts_dir):
    """Item 8.2: campaign, target and source are read only on the
    evaluator's own sheet; what they enter stays editable."""
    data = street
    page, problems = _open_own_sheet(browser, odoo_server, data)
    page.screenshot(path=str(artifacts_dir / "eval_own_sheet.png"))
    for field in ("campaign_id", "target_community_id", "source"):
        widget = page.locator(".o_form_view .o_group [name=%s]" % field)
        assert widget.count() == 1, field
        assert widget.locator("input, select").count() == 0, field
    assert page.locator(
        ".o_form_view .o_group input[name=respondent]").count() == 1
    page.close()
    assert not problems, "\n".join(problems)
    # and the server refuses it, naming the sheet
    http = requests.Session()
    login = data["logins"]["evaluator"]
    answer = http.post(odoo_server["url"] + "/web/session/authenticate",
                       json={"jsonrpc": "2.0", "method": "call", "params": {
                           "db": odoo_server["db"], "login": login,
                           "password": login}})
    assert answer.json()["result"]["uid"]
    sheet = data["rpc"]("eval.sheet", "search", [
        ("campaign_id", "=", data["scoring"])])
    answer = http.post(odoo_server["url"] + "/web/dataset/call_kw", json={
        "jsonrpc": "2.0", "method": "call", "params": {
            "model": "eval.sheet", "method": "write",
            "args": [sheet, {"campaign_id": data["draft"]}],
            "kwargs": {"context": {"lang": "zh_CN"}}}}).json()
    assert "error" in answer, answer
    message = answer["error"]["data"]["message"]
    assert data["community"] in message, message
    assert "campaign_id" not in message, message
    assert data["rpc"]("eval.sheet", "read", sheet, ["campaign_id"])[0][
        "campaign_id"][0] == data["scoring"]


def test_sheet_lines_show_the_rating_and_the_guidance(
        odoo_server, street, browser, artifacts_dir):
    """Items 8.3 and 8.4: the rating column of every line says something
    (the answer, or that it is still to answer) and follows the answer
    chosen; every line shows how it is scored."""
    data = street
    page, problems = _open_own_sheet(browser, odoo_server, data)
    ratings = page.evaluate(COLUMN_JS, "answer_summary")
    assert ratings is not None, "no rating column on the sheet's lines"
    assert len(ratings) == 2 and all(ratings), ratings
    assert "10" in ratings[1], ratings
    guidance = page.evaluate(COLUMN_JS, "guidance")
    assert guidance is not None, "no guidance on the sheet's lines"
    assert data["guidance"]["service"] in guidance[0], guidance
    assert data["guidance"]["facilities"] in guidance[1], guidance
    assert "10" in guidance[1], guidance
    # answering the first line fills its rating with the answer's label
    labels = dict(data["rpc"]("eval.sheet.line", "fields_get", ["answer"],
                              context={"lang": "zh_CN"})["answer"][
                                  "selection"])
    page.locator(".o_form_view [name=line_ids] tr.o_data_row").first.locator(
        "td.o_data_cell").nth(2).click()
    select = page.locator(".o_form_view [name=line_ids] tr.o_selected_row "
                          "select[name=answer]")
    select.wait_for(timeout=30000)
    select.select_option(value='"basic"')
    page.locator(".o_form_view [name=line_ids] tr.o_selected_row").locator(
        "[name=answer_summary]", has_text=labels["basic"]).wait_for(
            timeout=30000)
    page.screenshot(path=str(artifacts_dir / "eval_sheet_lines.png"))
    page.click(".o_form_button_cancel")
    page.close()
    assert not problems, "\n".join(problems)
