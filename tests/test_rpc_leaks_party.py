"""No HTTP channel gives the party register to a role outside the party
roles and the leader, a raw ID number or phone of a party member to the
leader, or one community's members to another community's secretary.

Modelled on test_rpc_leaks.py (its ``Session`` logs a user in over JSON-RPC
and XML-RPC): a street of its own is prepared over XML-RPC as admin, every
name carrying a fresh tag. Communities C1 and C2 each have a resident, a
party committee and a member of it linked to the resident (with an ID
number, phone and birth date of their own); C1's committee has a branch
kept by the organiser, holding a second member; each member has a draft
transfer and a care follow-up whose texts carry markers. Users of every
role try each channel; every answer, refused or not, is searched for what
the role may not see:

- the non-party roles (clerk, grid officer, case handler, finance officer,
  evaluator): anything of the register (names, numbers, phones, birth
  dates, organisations, transfer and care texts) and the residents' party
  fields (their keys in any answer). The markers are ASCII: JSON-RPC
  answers escape other characters;
- the leader and the street administrator (a leader too): the members' raw
  numbers, phones (also an old phone kept by the audit trail) and birth
  dates;
- the secretary of C1: everything of C2's register; the organiser, who
  keeps C1's branch: also C1's committee member outside it.

The party affairs officer of the street reads everything of the register,
and a street administrator who is also one its audit trail: the positive
controls show that the same channels do carry the secrets to the roles
that may read them, so that the searches above can fail.
"""
import json
import re
import uuid

import pytest
from server_process import Rpc
from test_rpc_leaks import (
    Session,
    answers_by_channel,
    create_role_users,
    find_leaks,
    id_number,
)

ROLES = {
    "clerk": "community_base.group_community_clerk",
    "officer": "community_grid.group_grid_officer",
    "leader": "community_base.group_leader",
    "admin": "community_base.group_street_admin",
    "handler": "community_grid.group_case_handler",
    "finance": "community_finance.group_finance_officer",
    "evaluator": "community_eval.group_evaluator",
    "organiser": "community_party.group_party_organiser",
    "secretary": "community_party.group_party_secretary",
    "party_officer": "community_party.group_party_officer",
    # a street administrator of the party office: reads the register's
    # audit trail
    "admin_party": ("community_base.group_street_admin",
                    "community_party.group_party_officer"),
}
NON_PARTY_ROLES = ("clerk", "officer", "handler", "finance", "evaluator")
MASKED_ROLES = ("leader", "admin")
#: the keys of the residents' party fields in a JSON or XML-RPC answer
PARTY_KEYS = re.compile(r"[\"'](party_status|party_member_ids)[\"']\s*:")
ROSTER = "community_party.party_member_xlsx"


@pytest.fixture(scope="module")
def street(odoo_server):
    rpc = Rpc(odoo_server)
    tag = uuid.uuid4().hex[:8]
    digits = "".join(str(int(char, 16) % 10) for char in tag)
    street_id = rpc.new_street("党建泄漏测试街道%s" % tag)
    data = {"tag": tag, "street": street_id, "rpc": rpc}
    users = data["users"] = create_role_users(rpc, street_id, ROLES, "pleak",
                                              tag)
    for index, key in enumerate(("c1", "c2")):
        community = rpc("community.community", "create", {
            "name": "党建泄漏社区%s-%s" % (tag, key),
            "code": "P%s%d" % (tag, index), "company_id": street_id})
        compound = rpc("community.compound", "create", {
            "name": "小区%s-%s" % (tag, key), "community_id": community})
        building = rpc("community.building", "create", {
            "name": "1号楼", "compound_id": compound})
        household = rpc("community.household", "create", {
            "building_id": building, "unit": "1", "room": "101"})
        resident_name = "Residentleak%s%s" % (tag, key)
        resident = rpc("community.resident", "create", {
            "name": resident_name, "household_id": household,
            "relation": "head", "id_number": id_number(
                "110107%s%s%d" % (("19700101", "19710202")[index],
                                  digits[:2], index))})
        committee_name = "Committeeorgleak%s%s" % (tag, key)
        committee = rpc("party.organisation", "create", {
            "name": committee_name, "kind": "community_committee",
            "company_id": street_id, "community_id": community})
        birth = ("19560317", "19620611")[index]
        member = {
            "name": "Memberleak%s%s" % (tag, key),
            "number": id_number("110108%s%s%d" % (birth, digits[2:4], index)),
            "phone": "139%s%d5432" % (digits[4:7], index),
            "birth": "%s-%s-%s" % (birth[:4], birth[4:6], birth[6:]),
        }
        part = {"community": community, "household": household,
                "resident": resident, "resident_name": resident_name,
                "committee": committee, "committee_name": committee_name,
                "member": member, "markers": [committee_name]}
        holder = committee
        if key == "c1":
            # the organiser keeps C1's branch, which holds C1's member;
            # C1's committee holds a second member outside the branch
            part["branch_name"] = "Branchorgleak%s%s" % (tag, key)
            holder = part["branch"] = rpc("party.organisation", "create", {
                "name": part["branch_name"], "kind": "branch",
                "company_id": street_id, "community_id": community,
                "parent_id": committee})
            part["markers"].append(part["branch_name"])
            outside = {
                "name": "Committeeleak%s" % tag,
                "number": id_number("110109%s%s9" % ("19580808",
                                                     digits[4:6])),
                "phone": "136%s98765" % digits[5:8],
                "birth": "1958-08-08",
            }
            outside["id"] = rpc("party.member", "create", {
                "name": outside["name"], "organisation_id": committee,
                "id_number": outside["number"], "phone": outside["phone"],
                "birth_date": outside["birth"], "category": "elderly"})
            part["outside"] = outside
        member["id"] = rpc("party.member", "create", {
            "name": member["name"], "organisation_id": holder,
            "resident_id": resident, "id_number": member["number"],
            "phone": member["phone"], "birth_date": member["birth"],
            "category": "hardship", "date_joined": "1980-07-01"})
        transfer_marker = "Transferleak%s%s" % (key, tag)
        care_marker = "Careleak%s%s" % (key, tag)
        part["transfer"] = rpc("party.member.transfer", "create", {
            "member_id": member["id"], "direction": "out",
            "to_text": "外地支部", "reason": transfer_marker,
            "date": "2026-03-01"})
        part["care"] = rpc("party.member.care", "create", {
            "member_id": member["id"], "description": care_marker,
            "date": "2026-03-01", "next_date": "2026-04-01",
            "kind": "subsidy", "amount": 300})
        part["markers"] += [transfer_marker, care_marker]
        data[key] = part
    # a change of the phone: the audit trail keeps the old and new value
    c1 = data["c1"]["member"]
    c1["phone_old"] = c1["phone"][:-4] + "1111"
    rpc("party.member", "write", [c1["id"]], {"phone": c1["phone_old"]})
    rpc("party.member", "write", [c1["id"]], {"phone": c1["phone"]})
    for role in ("clerk", "secretary"):
        rpc("res.users", "write", [users[role]], {
            "community_ids": [(6, 0, [data["c1"]["community"]])]})
    rpc("res.users", "write", [users["organiser"]], {
        "party_organisation_ids": [(6, 0, [data["c1"]["branch"]])]})
    yield data
    rpc("res.users", "write", list(users.values()), {"active": False})


def _members(street):
    return [street["c1"]["member"], street["c1"]["outside"],
            street["c2"]["member"]]


def _raw(person):
    """What only the party roles read of a member."""
    values = [person["number"], person["phone"], person["birth"]]
    if "phone_old" in person:
        values.append(person["phone_old"])
    return values


def _all_of(person):
    return [person["name"]] + _raw(person)


def channels(session, street):
    """Every channel tried, as (name, answer text)."""
    c1, c2 = street["c1"], street["c2"]
    member_ids = [person["id"] for person in _members(street)]
    residents = [c1["resident"], c2["resident"]]
    mem, res = "party.member", "community.resident"
    kw = session.call_kw
    # the register
    yield "member search_read", kw(mem, "search_read", [[]], {"fields": []})
    yield "member search_read archived", kw(mem, "search_read", [
        [("active", "in", [True, False])]], {"fields": []})
    yield "member read", kw(mem, "read", [member_ids], {})
    for person in _members(street):
        yield "member read one", kw(mem, "read", [[person["id"]]], {})
    yield "member name_get", kw(mem, "name_get", [member_ids])
    for probe in [c2["member"]["name"]] + [
            value for person in _members(street)
            for value in (person["number"], person["number"][:10],
                          person["phone"])]:
        yield "member name_search", kw(mem, "name_search", [], {
            "name": probe})
    for groupby in ("organisation_id", "category", "community_id",
                    "id_number", "phone", "birth_date:year"):
        field = groupby.split(":")[0]
        yield "member read_group %s" % groupby, kw(
            mem, "read_group", [[], [field], [groupby]], {"lazy": False})
    yield "member search by id", kw(mem, "search_read", [
        [("id_number", "=", c1["member"]["number"])]], {"fields": ["name"]})
    yield "member search by phone", kw(mem, "search_count", [
        [("phone", "like", c2["member"]["phone"][:7])]])
    yield "member order by id", kw(mem, "search_read", [[]], {
        "fields": ["name"], "order": "id_number"})
    yield "member export_data", kw(mem, "export_data", [
        member_ids, ["name", "id_number", "phone", "birth_date",
                     "organisation_id/name"]])
    yield "member export masked", kw(mem, "export_data", [
        member_ids, ["name", "id_number_masked", "phone_masked"]])
    yield "member load_views", kw(mem, "load_views", [
        [[False, "form"], [False, "list"], [False, "search"]]], {})
    yield "member search_read route", session.json(
        "/web/dataset/search_read", {
            "model": mem, "fields": [], "domain": [], "context": {}})
    for route in ("/web/export/xls", "/web/export/csv"):
        for ids in (member_ids, []):
            yield route, session.get(route, token="1", data=json.dumps({
                "model": mem, "ids": ids, "domain": [],
                "import_compat": False,
                "fields": [{"name": "name", "label": "name"},
                           {"name": "id_number", "label": "id"},
                           {"name": "phone", "label": "phone"},
                           {"name": "birth_date", "label": "birth"}]}))
    yield "organisation search_read", kw(
        "party.organisation", "search_read", [[]], {"fields": []})
    transfers = [c1["transfer"], c2["transfer"]]
    cares = [c1["care"], c2["care"]]
    yield "transfer search_read", kw("party.member.transfer", "search_read",
                                     [[]], {"fields": []})
    yield "transfer read", kw("party.member.transfer", "read", [transfers],
                              {})
    yield "transfer export", kw("party.member.transfer", "export_data", [
        transfers, ["member_id/name", "reason", "member_id/id_number"]])
    yield "care search_read", kw("party.member.care", "search_read", [[]],
                                 {"fields": []})
    yield "care read", kw("party.member.care", "read", [cares], {})
    yield "care read_group", kw("party.member.care", "read_group", [
        [], ["member_id", "amount"], ["member_id"]], {})
    # the residents' party fields
    yield "resident search_read", kw(res, "search_read", [[]],
                                     {"fields": []})
    yield "resident read", kw(res, "read", [residents], {})
    yield "resident read party", kw(res, "read", [residents], {
        "fields": ["name", "party_status", "party_member_ids"]})
    yield "resident read party own", kw(res, "read", [residents[:1]], {
        "fields": ["name", "party_status", "party_member_ids"]})
    yield "resident read_group party", kw(res, "read_group", [
        [], ["party_status"], ["party_status"]], {"lazy": False})
    yield "resident search party", kw(res, "search_read", [
        [("party_status", "=", "member")]], {"fields": ["name"]})
    yield "resident count party", kw(res, "search_count", [
        [("party_status", "!=", False)]])
    yield "resident search member name", kw(res, "search_read", [
        [("party_member_ids.name", "ilike", "Memberleak")]],
        {"fields": ["name"]})
    yield "resident order party", kw(res, "search_read", [[]], {
        "fields": ["name"], "order": "party_status"})
    yield "resident export party", kw(res, "export_data", [
        residents, ["name", "party_status", "party_member_ids/name",
                    "party_member_ids/id_number"]])
    yield "household via residents", kw("community.household", "search_read",
                                        [[("resident_ids.party_status", "=",
                                           "member")]], {"fields": ["name"]})
    yield "resident onchange", kw(res, "onchange", [
        [], {"name": "x", "party_member_ids": [(6, 0, member_ids)]},
        "party_member_ids",
        {"name": "", "party_status": "", "party_member_ids": "",
         "party_member_ids.name": "", "party_member_ids.id_number": ""}])
    yield "resident load_views", kw(res, "load_views", [
        [[False, "form"], [False, "list"], [False, "search"]]], {})
    yield "resident fields_get", kw(res, "fields_get", [], {})
    for route in ("/web/export/xls", "/web/export/csv"):
        yield "resident " + route, session.get(route, token="1", data=json.dumps({
            "model": res, "ids": residents, "domain": [],
            "import_compat": False,
            "fields": [{"name": "name", "label": "name"},
                       {"name": "party_status", "label": "status"},
                       {"name": "party_member_ids/name", "label": "m"}]}))
    # chatter, tracking and the audit trail of the register
    yield "mail.message", kw("mail.message", "search_read", [
        [("model", "in", [mem, "party.member.transfer"])]], {"fields": []})
    yield "message_fetch", kw("mail.message", "message_fetch", [
        [("model", "=", mem)]], {})
    yield "mail.tracking.value", kw("mail.tracking.value", "search_read", [
        []], {"fields": []})
    yield "auditlog logs", kw("auditlog.log", "search_read", [
        [("model_id.model", "like", "party.")]], {"fields": []})
    yield "auditlog lines", kw("auditlog.log.line", "search_read", [[]], {
        "fields": ["old_value", "new_value", "old_value_text",
                   "new_value_text", "field_name"]})
    # the roster workbook, of all members and of each
    ids = ",".join(str(id_) for id_ in member_ids)
    yield "/report/xlsx roster", session.get(
        "/report/xlsx/%s/%s" % (ROSTER, ids))
    for person in _members(street):
        yield "/report/xlsx roster one", session.get(
            "/report/xlsx/%s/%d" % (ROSTER, person["id"]))
    yield "roster render_xlsx", kw("ir.actions.report", "render_xlsx", [
        [session_report(session)], member_ids, {}])
    # XML-RPC, the same calls
    ex = session.execute_kw
    yield "xmlrpc member search_read", ex(mem, "search_read", [[]],
                                          {"fields": []})
    yield "xmlrpc member read", ex(mem, "read", [member_ids])
    yield "xmlrpc member read_group id", ex(mem, "read_group", [
        [], ["id_number"], ["id_number"]])
    yield "xmlrpc member name_search", ex(mem, "name_search", [
        c1["member"]["number"]])
    yield "xmlrpc member export", ex(mem, "export_data", [
        member_ids, ["name", "id_number", "phone"]])
    yield "xmlrpc transfer read", ex("party.member.transfer", "read", [
        [c1["transfer"], c2["transfer"]]])
    yield "xmlrpc care search_read", ex("party.member.care", "search_read",
                                        [[]], {"fields": []})
    yield "xmlrpc resident search_read", ex(res, "search_read", [[]],
                                            {"fields": []})
    yield "xmlrpc resident read_group party", ex(res, "read_group", [
        [], ["party_status"], ["party_status"]])
    yield "xmlrpc resident read party", ex(res, "read", [
        residents, ["name", "party_status"]])
    yield "xmlrpc create_xlsx_report", ex(
        "report.%s" % ROSTER, "create_xlsx_report", [member_ids, {}])


def session_report(session):
    """The id of the roster's report action (read as admin, cached)."""
    if not hasattr(session_report, "id"):
        session_report.id = Rpc({"url": session.url, "db": session.db}).ref(
            "community_party.party_member_roster_xlsx")
    return session_report.id


def _secrets(street, role):
    c1, c2 = street["c1"], street["c2"]
    every_member = [value for person in _members(street)
                    for value in _all_of(person)]
    if role in NON_PARTY_ROLES:
        return every_member + c1["markers"] + c2["markers"]
    if role in MASKED_ROLES:
        return [value for person in _members(street)
                for value in _raw(person)]
    if role == "secretary":
        return _all_of(c2["member"]) + c2["markers"]
    if role == "organiser":
        # (the committee's name is the branch's parent: not a secret)
        return (_all_of(c2["member"]) + c2["markers"]
                + _all_of(c1["outside"]))
    return []


def _check(session, street, role):
    def party_keys(answer):
        if role in NON_PARTY_ROLES and PARTY_KEYS.search(answer):
            return "a resident's party field"
        return None
    return find_leaks(session, channels(session, street),
                      _secrets(street, role), party_keys)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_no_channel_reveals_the_register_beyond_the_role(
        odoo_server, street, role):
    session = Session(odoo_server, "pleak_%s_%s" % (role, street["tag"]))
    count, problems = _check(session, street, role)
    assert count >= 70
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", sorted(NON_PARTY_ROLES))
def test_roster_route_is_refused_to_non_party_roles(
        odoo_server, street, role):
    session = Session(odoo_server, "pleak_%s_%s" % (role, street["tag"]))
    response = session.http.get("%s/report/xlsx/%s/%d" % (
        session.url, ROSTER, street["c1"]["member"]["id"]))
    assert response.content[:2] != b"PK", role
    assert street["c1"]["member"]["name"] not in response.text


def _answers(session, street):
    return answers_by_channel(channels(session, street))


def test_the_party_roles_do_get_their_raw_data(odoo_server, street):
    """The checks above can fail: the same channels give the party roles
    the raw data of their scope, and the leader the names and masks."""
    c1, c2 = street["c1"], street["c2"]
    member = c1["member"]
    secretary = Session(odoo_server, "pleak_secretary_%s" % street["tag"])
    answers = _answers(secretary, street)
    for name in ("member read one", "xmlrpc member search_read",
                 "/report/xlsx roster one", "/web/export/xls"):
        assert member["number"] in answers[name], name
    # found by number (the probes are numbers, phones and C2's name)
    assert member["name"] in answers["member name_search"]
    assert member["phone"] in answers["member read one"]
    assert c1["markers"][-1] in answers["care search_read"]
    assert PARTY_KEYS.search(answers["resident read party own"])
    party_officer = Session(odoo_server,
                            "pleak_party_officer_%s" % street["tag"])
    answers = _answers(party_officer, street)
    assert c2["member"]["number"] in answers["/report/xlsx roster"]
    assert "error" in answers["auditlog lines"]
    # the audit right is the street administrator's: the register's trail
    # is for one who is also a party affairs officer (not for "admin")
    auditor = Session(odoo_server, "pleak_admin_party_%s" % street["tag"])
    answers = _answers(auditor, street)
    assert member["phone_old"] in answers["auditlog lines"]
    leader = Session(odoo_server, "pleak_leader_%s" % street["tag"])
    answers = _answers(leader, street)
    assert c2["member"]["name"] in answers["member search_read"]
    number = member["number"]
    masked = number[:6] + "*" * 8 + number[-4:]
    assert masked in answers["member search_read"]
    assert masked in answers["/report/xlsx roster"]
    assert c2["member"]["name"] in answers["/report/xlsx roster"]
    assert '"member"' in answers["resident read_group party"]
    assert PARTY_KEYS.search(answers["resident search_read"])
    clerk = Session(odoo_server, "pleak_clerk_%s" % street["tag"])
    answers = _answers(clerk, street)
    # the clerk does read the resident, without the party fields
    assert c1["resident_name"] in answers["resident search_read"]
    assert "error" in answers["resident read_group party"]
    assert "error" in answers["member search_read"]
