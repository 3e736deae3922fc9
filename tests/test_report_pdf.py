"""The street's printouts rendered for real (issue 16, item 7): a running
Odoo server, Debian's wkhtmltopdf fetching the stylesheets from it, the PDF
read back with pdftotext.

For the resident record, the case form, the final accounts and the cover
page of the monthly report pack: the role the report is for gets a PDF in
Chinese with the street's layout (the street office, the title, the day
printed in the street's calendar and "第 x 页，共 y 页" on every page, the
seal at the end), the record's values, no company logo and no English
boilerplate; a role it is not for gets no PDF; personal data is masked for
a reader who is no clerk.

The data is prepared over XML-RPC as admin in a new street whose names
carry a fresh tag of digits (so that any Latin word left in a PDF is
boilerplate); the case goes through its six steps as the users of each
step. Every report of the addons × every role is swept by
tests/test_report_routes.py.
"""
import datetime
import re
import subprocess
import uuid
import xmlrpc.client
from zoneinfo import ZoneInfo

import pytest
import requests
from server_process import Rpc

ID_NUMBER = "11010519491231002X"  # GB 11643's own example
ID_MASKED = "110105********002X"
PHONE = "13812345678"
PHONE_MASKED = "138****5678"
REPORTER_PHONE = "13912345678"
REPORTER_PHONE_MASKED = "139****5678"
ROLES = {
    "community_clerk": "community_base.group_community_clerk",
    "street_clerk": "community_base.group_street_clerk",
    "leader": "community_base.group_leader",
    "grid_officer": "community_grid.group_grid_officer",
    "case_handler": "community_grid.group_case_handler",
    "finance_officer": "community_finance.group_finance_officer",
}
NAMES = {
    "community_clerk": "社区文书", "street_clerk": "街道文书", "leader": "领导",
    "grid_officer": "网格员", "case_handler": "处置人",
    "finance_officer": "财务人员",
}
#: what Odoo's own layouts print, which the street's must not
BOILERPLATE = ("Your logo", "YourLogo", "Page", "Printed on", "Seal",
               "Phone:", "Email:", "Web:", "Odoo")


class User:
    """A user's web session (for the report URLs) and XML-RPC."""

    def __init__(self, server, login):
        self.url, self.db, self.login = server["url"], server["db"], login
        self.http = requests.Session()
        answer = self.http.post(self.url + "/web/session/authenticate", json={
            "jsonrpc": "2.0", "method": "call", "params": {
                "db": self.db, "login": login, "password": login}}).json()
        self.uid = answer.get("result", {}).get("uid")
        assert self.uid, answer
        self.models = xmlrpc.client.ServerProxy(
            self.url + "/xmlrpc/2/object", allow_none=True)

    def __call__(self, model, method, *args, **kw):
        return self.models.execute_kw(self.db, self.uid, self.login, model,
                                      method, list(args), kw)

    def pdf(self, report_name, ids):
        """The answer to /report/pdf/...: the PDF's bytes, or None with the
        page's text."""
        answer = self.http.get("%s/report/pdf/%s/%s" % (
            self.url, report_name, ",".join(str(i) for i in ids)), timeout=300)
        if answer.content[:4] == b"%PDF":
            return answer.content, ""
        return None, answer.content.decode("utf-8", "replace")


def pdf_text(pdf):
    """The text of each page of ``pdf``, with pdftotext."""
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode()
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def flat(text):
    """``text`` without any white space (pdftotext spaces CJK freely)."""
    return re.sub(r"\s+", "", text)


def image_count(pdf, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(path)],
                             capture_output=True, check=True).stdout.decode()
    return len(listing.strip().splitlines()) - 2  # two header lines


def street_today():
    return datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


@pytest.fixture(scope="module")
def street(odoo_server):
    admin = Rpc(odoo_server)
    tag = str(uuid.uuid4().int)[:8]
    company = admin.new_street("打印街道%s" % tag)
    community = admin("community.community", "create", {
        "name": "打印社区%s" % tag, "code": "PDF%s" % tag,
        "company_id": company})
    users = {}
    for role, group in ROLES.items():
        login = "pdf_%s_%s" % (role, tag)
        users[role] = admin("res.users", "create", {
            "name": "%s%s" % (NAMES[role], tag), "login": login,
            "password": login, "lang": "zh_CN", "tz": "Asia/Shanghai",
            "company_id": company, "company_ids": [(6, 0, [company])],
            "community_ids": [(6, 0, [community])],
            "groups_id": [(6, 0, [admin.ref(group)])]})
    compound = admin("community.compound", "create", {
        "name": "打印小区%s" % tag, "community_id": community})
    building = admin("community.building", "create", {
        "name": "%s号楼" % tag[:3], "compound_id": compound})
    grid = admin("grid.grid", "create", {
        "name": "打印网格%s" % tag, "code": "8%s" % tag,
        "community_id": community, "officer_id": users["grid_officer"]})
    admin("community.building", "write", [building], {"grid_id": grid})
    households = [admin("community.household", "create", {
        "building_id": building, "unit": "1", "room": room})
        for room in ("101", "202")]
    residents = [admin("community.resident", "create", {
        "name": "居民甲%s" % tag, "household_id": households[0],
        "relation": "head", "id_number": ID_NUMBER, "phone": PHONE,
        "registered_address": "户籍路%s号" % tag}),
        admin("community.resident", "create", {
            "name": "居民乙%s" % tag, "household_id": households[0],
            "relation": "spouse"})]
    admin("community.resident.move", "create", {
        "resident_id": residents[0], "move_type": "transfer",
        "to_household_id": households[1], "date": "2026-02-01",
        "note": "迁居%s" % tag})
    # moved in from another community, whose household the clerk of this
    # one may not read
    elsewhere = admin("community.household", "create", {
        "building_id": admin("community.building", "create", {
            "name": "外区楼%s" % tag[:3],
            "compound_id": admin("community.compound", "create", {
                "name": "外区小区%s" % tag,
                "community_id": admin("community.community", "create", {
                    "name": "外区社区%s" % tag, "code": "PDFO%s" % tag,
                    "company_id": company})})}),
        "unit": "3", "room": "303"})
    residents.append(admin("community.resident", "create", {
        "name": "居民丙%s" % tag, "household_id": elsewhere,
        "relation": "head"}))
    admin("community.resident.move", "create", {
        "resident_id": residents[2], "move_type": "transfer",
        "to_household_id": households[0], "date": "2026-03-01"})
    sessions = {role: User(odoo_server, "pdf_%s_%s" % (role, tag))
                for role in ROLES}
    case = _case(admin, sessions, tag, users, households[1])
    admin("res.company", "action_finance_setup", [company])
    budget = admin("crossovered.budget", "create", {
        "name": "预算%s" % tag, "date_from": "2026-01-01",
        "date_to": "2026-12-31", "company_id": company})
    pack = sessions["street_clerk"]("community.report.pack", "create", {
        "company_id": company, "month": "2026-01-01"})
    sessions["street_clerk"]("community.report.pack", "action_generate_job",
                             [pack])
    yield {"admin": admin, "tag": tag, "company": "打印街道%s" % tag,
           "residents": residents, "households": households, "case": case,
           "budget": budget, "pack": pack, "users": users,
           "sessions": sessions}
    admin("res.users", "write", list(users.values()), {"active": False})


def _case(admin, sessions, tag, users, household):
    """A case reported by the community clerk and through its six steps,
    each done by the user of the step; a long description makes the form
    two pages or more."""
    category = admin("grid.case.category", "create", {
        "name": "打印类别%s" % tag, "code": "PC%s" % tag, "level": "street"})
    description = "".join("<p>第%d段：楼道堆物%s。</p>" % (n, tag)
                          for n in range(1, 90))
    clerk, handler, officer = (sessions["community_clerk"],
                               sessions["case_handler"],
                               sessions["grid_officer"])
    case = clerk("grid.case", "create", {
        "category_id": category, "household_id": household,
        "description": description, "channel": "hotline",
        "reporter_name": "反映人%s" % tag, "reporter_phone": REPORTER_PHONE,
        "handler_user_id": users["case_handler"]})
    clerk("grid.case", "action_dispatch", [case])
    handler("grid.case", "write", [case], {"handle_note": "已清理%s" % tag})
    handler("grid.case", "action_handle", [case])
    officer("grid.case", "action_verify", [case])
    clerk("grid.case", "action_close", [case])
    officer("grid.case", "write", [case], {"satisfaction": "satisfied"})
    officer("grid.case", "action_evaluate", [case])
    return case


def check_layout(pages, street, title, values=()):
    """The street's layout on every page of one document of ``pages``
    pages, and no English boilerplate or Latin word beyond ``values``."""
    problems = []
    count = len(pages)
    for number, page in enumerate(pages, start=1):
        text = flat(page)
        for expected in (street["company"], flat(title), "打印日期",
                         "第%d页，共%d页" % (number, count)):
            if expected not in text:
                problems.append("page %d: no %s" % (number, expected))
        if street_today() not in text and (
                datetime.date.fromisoformat(street_today())
                - datetime.timedelta(days=1)).isoformat() not in text:
            problems.append("page %d: not printed today" % number)
    whole = "\n".join(pages)
    if "盖章处" not in flat(pages[-1]):
        problems.append("no seal on the last page")
    for word in BOILERPLATE:
        if word in whole:
            problems.append("boilerplate %r" % word)
    rest = whole
    for value in values:
        rest = rest.replace(value, "")
    latin = re.findall(r"[A-Za-z]{2,}", rest)
    if latin:
        problems.append("Latin words %s" % sorted(set(latin)))
    return problems


def refused(session, report_name, ids, secret):
    pdf, text = session.pdf(report_name, ids)
    return pdf is None and secret not in text


# -- the resident record ------------------------------------------------------

RESIDENT = "community_base.report_resident_record"


def test_resident_record_in_clear_for_a_clerk(street, tmp_path):
    pdf, text = street["sessions"]["community_clerk"].pdf(
        RESIDENT, street["residents"][:1])
    assert pdf, text
    assert image_count(pdf, tmp_path) == 0, "a logo or image in the record"
    pages = pdf_text(pdf)
    assert len(pages) == 1
    assert not check_layout(pages, street, "居民信息登记表", [ID_NUMBER])
    text = flat(pages[0])
    tag = street["tag"]
    for expected in ("姓名", "居民甲%s" % tag, "性别", "女", "出生日期",
                     "1949", "身份证号码", ID_NUMBER, "电话", PHONE,
                     "户籍地址", "户籍路%s号" % tag, "实际居住地址",
                     "迁入迁出记录", "迁居%s" % tag, "1单元101", "1单元202",
                     "打印社区%s" % tag):
        assert expected in text, expected
    assert ID_MASKED not in text


def test_resident_record_masked_for_a_leader(street):
    pdf, text = street["sessions"]["leader"].pdf(
        RESIDENT, street["residents"][:1])
    assert pdf, text
    text = flat(pdf_text(pdf)[0])
    assert "居民甲%s" % street["tag"] in text
    assert ID_MASKED in text and PHONE_MASKED in text
    assert ID_NUMBER not in text and PHONE not in text
    assert "1949" not in text, "the birth date gives the ID number back"


def test_each_resident_record_counts_its_own_pages(street):
    pdf, text = street["sessions"]["street_clerk"].pdf(
        RESIDENT, street["residents"][:2])
    assert pdf, text
    pages = pdf_text(pdf)
    assert len(pages) == 2
    for page, name in zip(pages, ("居民甲", "居民乙")):
        assert "第1页，共1页" in flat(page)
        assert name + street["tag"] in flat(page)


def test_resident_record_names_a_household_of_another_community(street):
    """The clerk of the community a resident moved into prints the move
    from a household of another community, which the clerk may not open."""
    pdf, text = street["sessions"]["community_clerk"].pdf(
        RESIDENT, street["residents"][2:])
    assert pdf, text
    text = flat(pdf_text(pdf)[0])
    assert "外区小区%s" % street["tag"] in text
    assert "1单元101" in text


@pytest.mark.parametrize("role", ["grid_officer", "finance_officer",
                                  "case_handler"])
def test_resident_record_refused_to_other_roles(street, role):
    assert refused(street["sessions"][role], RESIDENT, street["residents"][:1],
                   "居民甲%s" % street["tag"])


# -- the case form ---------------------------------------------------------------

CASE = "community_grid.report_grid_case"


def _case_pages(street, role):
    pdf, text = street["sessions"][role].pdf(CASE, [street["case"]])
    assert pdf, text
    return pdf_text(pdf)


def test_case_form_for_a_grid_officer(street):
    pages = _case_pages(street, "grid_officer")
    assert len(pages) >= 2, "the long description fits one page?"
    number = street["admin"]("grid.case", "read", [street["case"]], [
        "name"])[0]["name"]
    assert not check_layout(pages, street, "事件处置单", [number])
    text = flat("".join(pages))
    tag = street["tag"]
    for expected in (number, "事件类别", "打印类别%s" % tag, "地点",
                     "1单元202", "反映人%s" % tag, REPORTER_PHONE_MASKED,
                     "第89段：楼道堆物%s" % tag, "已清理%s" % tag, "办结时限",
                     "反映人满意度"):
        assert expected in text, expected
    assert REPORTER_PHONE not in text


def test_case_form_lists_the_six_steps_with_who_did_them(street):
    text = flat("".join(_case_pages(street, "community_clerk")))
    assert REPORTER_PHONE in text
    steps = text[text.index("处置环节"):]
    tag = street["tag"]
    dated = re.findall(r"20\d\d-\d\d-\d\d\d\d:\d\d", steps)
    assert len(dated) == 6, steps[:400]
    for role in ("community_clerk", "case_handler", "grid_officer"):
        assert NAMES[role] + tag in steps, role


@pytest.mark.parametrize("role", ["finance_officer", "street_clerk"])
def test_case_form_refused_to_roles_it_is_not_for(street, role):
    """A finance officer is no case role; a street clerk (a clerk of the
    street) prints it, as a check that the refusal is not everybody's."""
    session = street["sessions"][role]
    if role == "street_clerk":
        pdf, text = session.pdf(CASE, [street["case"]])
        assert pdf, text
    else:
        assert refused(session, CASE, [street["case"]],
                       "反映人%s" % street["tag"])


# -- the final accounts -------------------------------------------------------

FINAL_ACCOUNTS = "community_finance.report_final_accounts"


def test_final_accounts_for_a_finance_officer(street, tmp_path):
    pdf, text = street["sessions"]["finance_officer"].pdf(
        FINAL_ACCOUNTS, [street["budget"]])
    assert pdf, text
    assert image_count(pdf, tmp_path) == 0, "a logo on the final accounts"
    pages = pdf_text(pdf)
    assert not check_layout(pages, street, "预算决算表")
    text = flat("".join(pages))
    for expected in ("预算%s" % street["tag"], "预算明细", "按社区", "合计"):
        assert expected in text, expected


@pytest.mark.parametrize("role", ["street_clerk", "community_clerk",
                                  "grid_officer"])
def test_final_accounts_refused_to_other_roles(street, role):
    assert refused(street["sessions"][role], FINAL_ACCOUNTS,
                   [street["budget"]], "预算%s" % street["tag"])


# -- the cover page of the monthly report pack --------------------------------

PACK_COVER = "community_base.report_pack_cover"


def test_pack_cover_for_a_leader(street, tmp_path):
    pdf, text = street["sessions"]["leader"].pdf(PACK_COVER, [street["pack"]])
    assert pdf, text
    assert image_count(pdf, tmp_path) == 0
    pages = pdf_text(pdf)
    assert len(pages) == 1
    assert not check_layout(pages, street, "街道办事处月度工作报表")
    text = flat(pages[0])
    for expected in ("月份", "2026-01", "编制人", NAMES["street_clerk"]
                     + street["tag"], "目录", "1封面"):
        assert expected in text, expected


@pytest.mark.parametrize("role", ["community_clerk", "grid_officer",
                                  "finance_officer"])
def test_pack_cover_refused_to_other_roles(street, role):
    assert refused(street["sessions"][role], PACK_COVER, [street["pack"]],
                   street["company"])
