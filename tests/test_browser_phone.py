"""The grid officer's phone: what a tester found at 360 px in zh_CN
(issue 16 item 5), each a check of its own.

A street with its own "months without a visit", a grid of a new grid
officer (that role only), a household visited four times, a long case
category and a dispatched case with a photo are made over XML-RPC; the
officer then logs in through the form in Debian's chromium at 360x740
and looks at the case form, the case list, the dispatch board and the
household. Any JavaScript error, console error, HTTP 5xx or error dialog
fails the test. No English text is matched: the officer reads zh_CN.
"""
import base64
import datetime
import io
import re
import uuid

import pytest
from server_process import Rpc
from test_browser_menus import NAVBAR, watch_page

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
STEPS = ["report", "dispatch", "handle", "verify", "close", "evaluate"]
MONTHS = 5
CJK = re.compile(r"[\u4e00-\u9fff]")

# visible elements of the page (or of ``root``) reaching past the
# viewport's edges, as "tag.class (left-right)" descriptions
OVERFLOWING = """(root) => {
    const width = document.documentElement.clientWidth;
    const out = [];
    const scope = root ? document.querySelector(root) : document.body;
    for (const el of scope.querySelectorAll('*')) {
        const rect = el.getBoundingClientRect();
        if (!rect.width || !rect.height) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden') continue;
        // inside a scrolled-away or clipped box: not on the screen
        let clipped = false;
        for (let box = el.parentElement; box && box !== document.body;
             box = box.parentElement) {
            const overflow = getComputedStyle(box).overflowX;
            if (overflow !== 'visible') {
                const outer = box.getBoundingClientRect();
                if (rect.left >= outer.right || rect.right <= outer.left) {
                    clipped = true;
                }
                break;
            }
        }
        // an off-canvas panel (the app drawer) waiting left of the screen
        if (clipped || rect.right <= 0) continue;
        if (rect.right > width + 1 || rect.left < -1) {
            out.push(el.tagName.toLowerCase() + '.' +
                     String(el.className).trim().replace(/\\s+/g, '.') +
                     ' (' + Math.round(rect.left) + '-' +
                     Math.round(rect.right) + ')');
        }
    }
    return out;
}"""


def _png(width=48, height=32):
    """A small red PNG image."""
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture(scope="module")
def street(odoo_server):
    """A street with ``MONTHS`` months without a visit, a grid officer's
    grid with a household visited four times, a long case category and a
    dispatched case of the household with a photo."""
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:6]
    street_id = rpc.new_street("手机街道%s" % tag)
    rpc("res.company", "write", [street_id],
        {"visit_overdue_months": MONTHS})
    community, building = rpc.new_community(
        street_id, "手机社区%s" % tag, "PH%s" % tag, (1,))

    def user(role, group):
        login = "phone_%s_%s" % (role, tag)
        uid = rpc("res.users", "create", {
            "name": "手机%s%s" % (role, tag), "login": login,
            "password": login, "lang": "zh_CN", "tz": "Asia/Shanghai",
            "email": "%s@example.com" % login, "company_id": street_id,
            "company_ids": [(6, 0, [street_id])],
            "groups_id": [(6, 0, [rpc.ref(group)])]})
        return {"id": uid, "login": login, "name": "手机%s%s" % (role, tag)}

    officer = user("officer", "community_grid.group_grid_officer")
    handler = user("handler", "community_grid.group_case_handler")
    grid = rpc("grid.grid", "create", {
        "name": "手机网格%s" % tag, "code": "PG%s" % tag,
        "community_id": community, "officer_id": officer["id"]})
    rpc("community.building", "write", [building], {"grid_id": grid})
    household = rpc("community.household", "search",
                    [("building_id", "=", building)])[0]
    rpc("community.household", "write", [household], {"grid_id": grid})
    today = datetime.date.today()
    visit_dates = [today - datetime.timedelta(days=days)
                   for days in (3, 40, 75, 110)]
    for index, date in enumerate(visit_dates):
        rpc("grid.visit", "create", {
            "household_id": household, "officer_id": officer["id"],
            "date": date.isoformat(), "purpose": "routine",
            "findings": "楼道整洁%d" % index})
    parent = rpc("grid.case.category", "create", {
        "name": "市容环境秩序管理类问题%s" % tag, "code": "PHP%s" % tag,
        "level": "street"})
    category_name = "占道经营与店外经营及流动摊贩乱摆乱放%s" % tag
    category = rpc("grid.case.category", "create", {
        "name": category_name, "code": "PHC%s" % tag, "level": "street",
        "parent_id": parent})
    case = rpc("grid.case", "create", {
        "category_id": category, "household_id": household,
        "description": "<p>楼道堆物%s</p>" % tag, "channel": "visit",
        "handler_user_id": handler["id"]})
    photo = rpc("ir.attachment", "create", {
        "name": "楼道照片%s.png" % tag, "datas_fname": "楼道照片%s.png" % tag,
        "datas": _png(), "mimetype": "image/png",
        "res_model": "grid.case", "res_id": case})
    rpc("grid.case", "write", [case], {"attachment_ids": [(6, 0, [photo])]})
    rpc("grid.case", "action_dispatch", [case])
    lang = rpc("res.lang", "search_read", [("code", "=", "zh_CN")],
               fields=["date_format"])[0]
    household_name = dict(rpc("community.household", "name_get",
                              [household]))[household]
    return {
        "rpc": rpc, "officer": officer, "household": household,
        "household_name": household_name, "case": case, "photo": photo,
        "category_name": category_name,
        "visit_dates": [date.strftime(lang["date_format"])
                        for date in visit_dates],
        "case_action": rpc.ref("community_grid.grid_case_action"),
        "household_action": rpc.ref(
            "community_grid.community_household_action_grid"),
    }


@pytest.fixture(scope="module")
def phone(odoo_server, browser, street, artifacts_dir):
    """The grid officer's phone, logged in; fails the test on a JS error,
    an HTTP 5xx or an error dialog."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    problems = []
    watch_page(page, problems)
    page.goto(odoo_server["url"] + "/web/login")
    page.fill("input[name=login]", street["officer"]["login"])
    page.fill("input[name=password]", street["officer"]["login"])
    page.click("button[type=submit]")
    page.wait_for_selector(NAVBAR, timeout=120000)
    page.problems = problems
    page.shots = artifacts_dir
    yield page
    context.close()


@pytest.fixture
def officer(phone):
    """The officer's phone for one test: no problem left behind."""
    del phone.problems[:]
    yield phone
    dialogs = phone.locator(".modal:visible .modal-body")
    if dialogs.count():
        phone.problems.append("dialog: %s" % dialogs.first.inner_text())
    assert not phone.problems, phone.problems


def _open(page, url, fragment, selector):
    page.goto(url + "/web#" + fragment)
    page.reload()
    # the first page of a fresh database builds its assets: be patient
    page.wait_for_selector(selector, timeout=180000)
    page.wait_for_selector(".o_loading", state="hidden", timeout=60000)


def _open_case(page, url, street):
    _open(page, url, "id=%d&model=grid.case&view_type=form&action=%d" % (
        street["case"], street["case_action"]), ".o_form_view.o_form_readonly")


def _shot(page, name):
    page.screenshot(path=str(page.shots / ("phone_%s.png" % name)))


def test_case_steps_shown_without_a_menu(odoo_server, street, officer):
    _open_case(officer, odoo_server["url"], street)
    _shot(officer, "case_form")
    status = ".o_form_statusbar .o_statusbar_status"
    for step in STEPS:
        # web_responsive repeats the steps in its "more" menu
        button = officer.locator('%s > button[data-value="%s"]' % (
            status, step))
        assert button.count() == 1, step
        assert button.is_visible(), "step %s is hidden" % step
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (
            step, box)
    current = officer.locator(
        '%s button.btn-primary[data-value="dispatch"]' % status)
    assert current.is_visible()
    more = officer.locator("%s .dropdown-toggle" % status)
    assert not any(more.nth(index).is_visible()
                   for index in range(more.count()))


def test_household_visits_tab_shows_date_and_officer(odoo_server, street,
                                                     officer):
    _open(officer, odoo_server["url"],
          "id=%d&model=community.household&view_type=form&action=%d" % (
              street["household"], street["household_action"]),
          ".o_form_view.o_form_readonly")
    field = '.o_form_view .o_field_widget[name="visit_ids"]'
    pane = officer.evaluate(
        """(selector) => {
            const el = document.querySelector(selector);
            const pane = el && el.closest('.tab-pane');
            return pane ? pane.id : null;
        }""", field)
    assert pane, "no visits tab"
    officer.click('.o_notebook a[href="#%s"]' % pane)
    officer.wait_for_selector(field, state="visible")
    _shot(officer, "household_visits")
    text = officer.inner_text(field)
    for date in street["visit_dates"]:
        assert date in text, (date, text)
    assert text.count(street["officer"]["name"]) == 4, text
    assert street["household_name"] not in text, text
    assert "楼道整洁0" in text, text


def test_not_visited_filter_says_the_months(odoo_server, street, officer):
    _open(officer, odoo_server["url"], "action=%d" % (
        street["household_action"]), ".o_searchview .o_facet_values")
    # the action opens with the filter on: its facet names it
    facet = officer.locator(".o_searchview .o_facet_values").first
    label = facet.inner_text().strip()
    assert CJK.search(label), label
    # the filter's entry in the (folded) filters menu, with its tooltip
    helps = officer.evaluate(
        """(label) => Array.from(document.querySelectorAll(
                '.o_control_panel .o_filters_menu li'))
            .filter(li => li.textContent.trim() === label)
            .map(li => li.getAttribute('title') || '')""", label)
    assert len(helps) == 1, (label, helps)
    help_text = helps[0]
    shown = label + " " + help_text
    assert not re.search(r"(?<![0-9A-Za-z])N(?![A-Za-z])", shown), shown
    assert re.search(r"(?<!\d)%d(?!\d)" % MONTHS, shown), shown


def test_case_form_fits_the_screen(odoo_server, street, officer):
    _open_case(officer, odoo_server["url"], street)
    wide = officer.evaluate(OVERFLOWING, ".o_main_content")
    assert not wide, "\n".join(wide)
    assert officer.evaluate(
        "document.documentElement.scrollWidth") <= PHONE["width"]
    officer.click(".o_form_button_edit")
    officer.wait_for_selector(".o_form_view.o_form_editable")
    _shot(officer, "case_form_edit")
    wide = officer.evaluate(OVERFLOWING, ".o_main_content")
    assert not wide, "\n".join(wide)
    assert officer.evaluate(
        "document.documentElement.scrollWidth") <= PHONE["width"]


def test_icons_and_buttons_not_clipped(odoo_server, street, officer):
    _open_case(officer, odoo_server["url"], street)
    officer.click(".o_form_button_edit")
    officer.wait_for_selector(".o_form_view.o_form_editable")
    # the icons and buttons of the navbar, the control panel and the
    # form (a many2one's "open" button) are whole on the screen
    clipped = officer.evaluate(
        """(width) => Array.from(document.querySelectorAll(
                'header[role=banner] .fa, .o_main_content .fa, ' +
                '.o_main_content button, .o_main_content .btn'))
            .map(el => el.getBoundingClientRect())
            .filter(rect => rect.width && rect.height && rect.right > 0)
            .filter(rect => rect.left < -1 || rect.right > width + 1)
            .map(rect => Math.round(rect.left) + '-' + Math.round(rect.right))
        """, PHONE["width"])
    officer.click(".o_form_button_cancel")
    assert not clipped, clipped


def test_category_dropdown_fits_the_screen(odoo_server, street, officer):
    _open_case(officer, odoo_server["url"], street)
    officer.click(".o_form_button_edit")
    officer.wait_for_selector(".o_form_view.o_form_editable")
    box = officer.locator(
        '.o_form_view .o_field_widget[name="category_id"] input')
    box.fill(street["category_name"][:6])
    menu = officer.locator(".ui-autocomplete:visible")
    menu.wait_for(timeout=30000)
    officer.locator(".ui-autocomplete:visible li").first.wait_for()
    _shot(officer, "category_dropdown")
    rect = menu.bounding_box()
    assert rect["x"] >= 0 and rect["x"] + rect["width"] <= PHONE["width"], (
        rect)
    assert officer.evaluate(
        "document.documentElement.scrollWidth") <= PHONE["width"]
    officer.keyboard.press("Escape")
    officer.click(".o_form_button_cancel")


def test_case_list_fits_the_screen(odoo_server, street, officer):
    _open(officer, odoo_server["url"], "action=%d&view_type=list" % (
        street["case_action"]), ".o_content .o_list_view")
    officer.wait_for_selector(".o_list_view .o_data_row")
    _shot(officer, "case_list")
    table = officer.locator(".o_content .o_list_view").bounding_box()
    assert table["x"] + table["width"] <= PHONE["width"] + 1, table
    assert officer.evaluate(
        "document.documentElement.scrollWidth") <= PHONE["width"]
    wide = officer.evaluate(OVERFLOWING, ".o_content")
    assert not wide, "\n".join(wide)


def test_case_photo_is_a_thumbnail(odoo_server, street, officer):
    _open_case(officer, odoo_server["url"], street)
    field = '.o_form_view .o_field_widget[name="attachment_ids"]'
    pane = officer.evaluate(
        """(selector) => {
            const el = document.querySelector(selector);
            const pane = el && el.closest('.tab-pane');
            return pane ? pane.id : null;
        }""", field)
    if pane:
        officer.click('.o_notebook a[href="#%s"]' % pane)
    image = officer.locator("%s img" % field).first
    image.wait_for(timeout=30000)
    image.scroll_into_view_if_needed()
    officer.wait_for_function(
        "(img) => img.complete", arg=image.element_handle())
    _shot(officer, "case_photo")
    assert image.evaluate("img => img.naturalWidth") > 0
    link = officer.locator("%s a:has(img)" % field).first
    assert str(street["photo"]) in (link.get_attribute("href") or "")
    # the officer can still add a photo from the phone
    officer.click(".o_form_button_edit")
    officer.wait_for_selector(".o_form_view.o_form_editable")
    assert officer.locator("%s input[type=file]" % field).count() == 1
    officer.click(".o_form_button_cancel")


def test_empty_board_column_says_what_waits(odoo_server, street, officer):
    _open(officer, odoo_server["url"], "action=%d&view_type=kanban" % (
        street["case_action"]), ".o_content .o_kanban_view")
    # the phone shows one step at a time, the first one first: nothing
    # waits to be dispatched, the case is being handled
    column = officer.locator(".o_kanban_view .o_kanban_group").first
    column.wait_for()
    officer.wait_for_selector(".o_kanban_mobile_tab.o_current")
    _shot(officer, "board")
    text = column.inner_text()
    title = column.locator(".o_kanban_header").inner_text()
    hint = text.replace(title, "").strip()
    assert CJK.search(hint), text
    assert column.is_visible()
