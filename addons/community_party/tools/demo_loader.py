# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The party building part of the demo street (``scripts/generate_demo.py``).

Called after the other addons' parts, with ``today`` the day the street is
dated from (the street's today by default). For each street of the demo
district it writes:

- the organisations: the street's party working committee (党工委), each
  community's party committee with two or three branches, a grid branch
  for about half the grids, party groups in some buildings; a joint
  committee of the street's office buildings (联合党委) and a branch of the
  social organisations of the first community (非建制性), not
  establishment; a party branch per resident unit (驻区单位), whose
  in-service members report to the communities;
- about 5% of the adult residents as members of the register (linked to
  their resident records), across the categories by age and residence,
  a few probationary; care follow-ups for those in difficulty and the
  seniors;
- the committees: an approved election of each community committee (its
  committee in office), committee lines of the branches and of the
  working committee;
- in-service reporting: most in-service members registered with the
  community where they live, with commitments, and volunteer service this
  past year for about two thirds of them;
- pairings of most resident units with their community, commitments
  partly fulfilled, one ended pairing; a party-building instructor per
  community;
- a year of organisation life up to ``today`` and the coming month:
  monthly committee and party group meetings, quarterly general meetings
  and party lectures, quarterly joint council meetings with decisions
  (some done, some open, one per community followed by a case); past
  meetings held (a few cancelled or still to record) with their
  attendance, future ones planned;
- demo users of the party roles (password = login).

Organisations, committees, pairings and instructors, a few hundred records,
go through the ORM (their constraints and the organisations' tree apply);
members, registrations, service, meetings, attendance, decisions and care
follow-ups, thousands at full scale, through community_base's batched
write path (:mod:`~odoo.addons.community_base.tools.bulk_register`). The
generator keeps what the skipped Python constraints check (one
registration per member, commitments in the member's community, decisions
of held meetings).

Idempotent: the XML id ``community_party.party_demo_marker`` marks a loaded
database; when it exists (or there is no demo street) nothing is written.
"""
import datetime
import logging
import random

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_base.tools import roles, street_time
from odoo.addons.community_base.tools.bulk_register import BulkRegister
from odoo.addons.community_base.tools.demo_data import (
    GIVEN_CHARS,
    SURNAMES,
    VOLUNTEER_TASKS,
)
from odoo.addons.community_base.tools.demo_loader import demo_today

_logger = logging.getLogger(__name__)

MODULE = "community_party"
MARKER_XMLID = "party_demo_marker"
DISTRICT_XMLID = "community_base.district_demo"
SUMMARY_MODELS = (
    "party.organisation", "party.member", "party.committee.member",
    "party.election", "party.inservice.registration",
    "party.inservice.commitment", "party.pairing",
    "party.pairing.commitment", "party.instructor", "party.meeting",
    "party.meeting.attendance", "party.meeting.decision", "party.member.care")

#: the share of the adult residents who are party members
MEMBER_SHARE = 0.05
#: the share of the buildings with a party group, of the grids with a
#: grid branch, of the resident units paired with their community
GROUP_SHARE = 0.15
GRID_BRANCH_SHARE = 0.5
PAIRED_SHARE = 0.7
#: months of organisation life before ``today``'s
PAST_MONTHS = 12
NUMERALS = "一二三四五六七八九十"

#: the demo users of the party roles: login (password = login), name,
#: roles, communities ("all" or the first one)
DEMO_USERS = [
    ("party_officer", "演示党建办干事", [roles.PARTY_OFFICER], "all"),
    ("party_secretary", "演示社区党委书记",
     [roles.PARTY_SECRETARY, roles.COMMUNITY_CLERK], "first"),
    ("party_organiser", "演示党务组织员", [roles.PARTY_ORGANISER], "first"),
]

PIONEER_POSTS = ["党员先锋岗：垃圾分类桶前值守", "党员先锋岗：文明引导",
                 "党员先锋岗：政策宣讲", "党员先锋岗：矛盾调解"]
PROJECTS = ["便民服务项目：义务维修", "便民服务项目：法律咨询",
            "关爱服务项目：结对帮扶困难家庭", "青少年服务项目：四点半课堂"]
PAIRING_COMMITMENTS = [
    ("money", "资助社区老年餐桌", (5000, 30000)),
    ("money", "捐建社区党群服务站设施", (10000, 50000)),
    ("premises", "开放单位会议室供居民议事", (40, 120)),
    ("premises", "开放内部停车场错时停车", (20, 80)),
    ("people", "派出党员志愿者参加社区服务", (5, 30)),
    ("people", "派驻专业人员开展义诊咨询", (2, 8)),
    ("project", "联合开展垃圾分类宣传", (2, 6)),
    ("project", "共建四点半课堂", (4, 12)),
    ("project", "开展困难党员结对帮扶", (2, 10)),
]
DECISIONS = [
    "协调驻区单位开放停车位缓解停车难",
    "共建社区养老驿站，驻区单位提供场地支持",
    "联合开展垃圾分类宣传进楼栋",
    "修缮老旧小区楼道照明",
    "组织党员志愿者开展楼栋清洁日",
    "驻区单位结对帮扶困难党员和困难家庭",
    "整治小区周边占道经营",
    "开展防范电信诈骗联合宣传",
    "增设社区便民服务点",
    "推动老旧小区加装电梯意见征集",
]
LECTURES = ["学习党章党规", "学习党的二十大精神", "弘扬伟大建党精神",
            "学习习近平新时代中国特色社会主义思想", "基层党建与社区治理",
            "党史学习教育专题党课"]
ABSENCE_REASONS = ["因公出差", "身体原因", "外出探亲", "工作冲突", "照顾家人"]
CARE = [
    ("visit", "走访慰问，了解生活和身体情况", (0, 0)),
    ("visit", "节日慰问，送去米面油", (200, 500)),
    ("subsidy", "发放困难党员生活补助", (500, 2000)),
    ("other", "协助办理医疗救助申请", (0, 0)),
]


def load_demo(env, seed=1, scale=0.05, today=None):
    """Load the party building of the demo street dated from ``today``
    (default: the street's today; as superuser; the caller commits) and
    return ``{"created": bool, "counts": {model: count}}``."""
    # sudo: the demo loader is run from the command line by the operator,
    #   not reachable by users
    env = api.Environment(env.cr, SUPERUSER_ID, dict(
        env.context, tracking_disable=True, mail_create_nolog=True,
        mail_notrack=True, no_reset_password=True))
    district = env.ref(DISTRICT_XMLID, raise_if_not_found=False)
    marker = env.ref("%s.%s" % (MODULE, MARKER_XMLID),
                     raise_if_not_found=False)
    if marker or not district:
        return {"created": False, "counts": _counts(env)}
    today = demo_today(env, today)
    streets = env["res.company"].search(
        [("parent_id", "=", district.id), ("is_street_office", "=", True)],
        order="id")
    rng = random.Random("party-%s-%s" % (seed, scale))
    users = _users(env, streets[:1])
    for street in streets:
        _PartyStreet(env, street, rng, today, users).load()
    env["ir.model.data"].create({
        "module": MODULE, "name": MARKER_XMLID, "model": "res.company",
        "res_id": district.id, "noupdate": True})
    return {"created": True, "counts": _counts(env),
            "logins": sorted(users)}


def _counts(env):
    return {model: env[model].with_context(active_test=False).search_count(
        []) for model in SUMMARY_MODELS if model in env}


def _users(env, streets):
    """The demo users of the party roles, in the first street: the
    officer of the whole street, the secretary (and clerk, 一肩挑) and the
    organiser of its first community. Returns them by login."""
    users = {}
    if not streets:
        return users
    street = streets[0]
    communities = env["community.community"].search(
        [("company_id", "=", street.id)], order="code, id")
    lang = "zh_CN" if env["res.lang"].search(
        [("code", "=", "zh_CN")]) else "en_US"
    for login, name, group_xmlids, scope in DEMO_USERS:
        user = env["res.users"].with_context(active_test=False).search(
            [("login", "=", login)])
        if not user:
            scoped = communities if scope == "all" else communities[:1]
            user = env["res.users"].create({
                "name": name, "login": login, "password": login,
                "email": "%s@example.com" % login,
                "lang": lang, "tz": "Asia/Shanghai",
                "company_id": street.id,
                "company_ids": [(6, 0, street.ids)],
                "community_ids": [(6, 0, scoped.ids)],
                "groups_id": [(6, 0, [env.ref(xmlid).id
                                      for xmlid in group_xmlids])],
            })
        users[login] = user
    return users


def _age(birth, today):
    return today.year - birth.year - (
        (today.month, today.day) < (birth.month, birth.day))


class _PartyStreet(object):
    """The party building of one street of the demo district."""

    def __init__(self, env, street, rng, today, users):
        self.env = env
        self.street = street
        self.rng = rng
        self.today = today
        self.today_text = fields.Date.to_string(today)
        self.users = users
        self.bulk = BulkRegister(env)
        self.tz = street_time.street_tz(env, street)
        self.communities = env["community.community"].search(
            [("company_id", "=", street.id)], order="code, id")
        self.short = street.name.replace("办事处", "")
        # per community id: committee, branches, grid branches, groups
        self.places = {}
        # the organisations' parents: {id: parent id}, for the trees
        self.parent_of = {}
        self.members = []       # dicts of the members written
        self.committees = {}    # organisation id -> member ids in office
        self.meetings = env["party.meeting"]

    def load(self):
        for step in (self._organisations, self._members, self._committees,
                     self._inservice, self._pairings, self._instructors,
                     self._meetings, self._care):
            step()
        self.bulk.flush_computed()
        # the batched path leaves the counts (``*_count``) to the caller
        attendance = ("attendance_count", "present_count", "attendance_rate")
        self.bulk.compute_stored(self.meetings, skip=[
            name for name in self.meetings._fields if name not in attendance])
        self.env.cache.invalidate()
        self._cases()
        organiser = self.users.get("party_organiser")
        if organiser and organiser.company_id == self.street \
                and self.communities:
            # the demo organiser keeps the first branch of the first
            # community
            organiser.party_organisation_ids = self.places[
                self.communities[0].id]["branches"][0]

    def _day(self, days_back):
        return self.today - datetime.timedelta(days=days_back)

    def _name(self, rng=None):
        rng = rng or self.rng
        surname = rng.choice(SURNAMES)[0]
        chars = GIVEN_CHARS[(rng.choice(("male", "female")), "young")]
        return surname + "".join(rng.choice(chars)
                                 for _i in range(rng.randint(1, 2)))

    # -- organisations ----------------------------------------------------------

    def _organisation(self, name, kind, parent=None, community=None,
                      **vals):
        vals.update({
            "name": name, "kind": kind, "company_id": self.street.id,
            "community_id": community.id if community else False,
            "parent_id": parent.id if parent else False,
            "date_founded": fields.Date.to_string(self._day(
                self.rng.randint(400, 6000))),
        })
        organisation = self.env["party.organisation"].create(vals)
        self.parent_of[organisation.id] = parent.id if parent else None
        return organisation

    def _organisations(self):
        rng, env = self.rng, self.env
        self.street_org = self._organisation(
            "%s党工委" % self.short, "street_committee")
        for community in self.communities:
            committee = self._organisation(
                "%s党委" % community.name, "community_committee",
                self.street_org, community)
            branches = [self._organisation(
                "%s第%s党支部" % (community.name, NUMERALS[index]), "branch",
                committee, community) for index in range(rng.randint(2, 3))]
            grid_branches = {}
            if "grid.grid" in env:
                grids = env["grid.grid"].search(
                    [("community_id", "=", community.id)], order="code, id")
                chosen = [grid for grid in grids
                          if rng.random() < GRID_BRANCH_SHARE] or grids[:1]
                for grid in chosen:
                    grid_branches[grid.id] = self._organisation(
                        "%s网格党支部" % grid.name, "grid_branch", committee,
                        community, grid_id=grid.id)
            groups = {}
            buildings = env["community.building"].search(
                [("community_id", "=", community.id)], order="id")
            for building in buildings:
                if rng.random() < GROUP_SHARE:
                    name = "%s%s党小组" % (
                        building.compound_id.name, building.name)
                    groups[building.id] = self._organisation(
                        name, "group", rng.choice(branches), community,
                        building_id=building.id)
            self.places[community.id] = {
                "committee": committee, "branches": branches,
                "grid_branches": grid_branches, "groups": groups}
        # beside the territorial chain (非建制性)
        joint = self._organisation(
            "%s商务楼宇联合党委" % self.short, "joint_committee",
            self.street_org)
        if self.communities:
            first = self.communities[0]
            self._organisation(
                "%s社会组织联合党支部" % first.name, "special_branch", joint,
                first)
        self.units = env["res.partner"].search([
            ("organisation_type", "=", "resident_unit"),
            ("community_id", "in", self.communities.ids)], order="id")
        self.unit_branches = {
            unit.id: self._organisation(
                "%s党支部" % unit.name, "unit_branch", self.street_org,
                unit_id=unit.id)
            for unit in self.units}

    def _within(self, organisation_id):
        """The ids of ``organisation_id`` and of those below it."""
        children = {}
        for child, parent in self.parent_of.items():
            children.setdefault(parent, []).append(child)
        result, todo = [], [organisation_id]
        while todo:
            current = todo.pop()
            result.append(current)
            todo.extend(children.get(current, ()))
        return set(result)

    # -- members ----------------------------------------------------------------

    def _category(self, age, floating):
        rng = self.rng
        draw = rng.random()
        if age >= 80:
            return "elderly"
        if age >= 60:
            return ("retired" if draw < 0.78 else "hardship" if draw < 0.9
                    else "elderly")
        if floating:
            return "mobile" if draw < 0.7 else "in_service"
        if age >= 55 and draw < 0.4:
            return "retired"
        return ("in_service" if draw < 0.78 else "hardship" if draw < 0.84
                else "direct" if draw < 0.9 else "mobile")

    def _members(self):
        env, rng, today = self.env, self.rng, self.today
        residents = env["community.resident"].search_read([
            ("company_id", "=", self.street.id), ("state", "=", "living"),
            ("birth_date", "!=", False)], [
                "name", "sex", "birth_date", "id_number", "phone",
                "residence_type", "community_id", "building_id",
                "household_id"], order="id")
        grid_of = {}
        if "grid.grid" in env:
            grid_of = {
                row["id"]: row["grid_id"] and row["grid_id"][0]
                for row in env["community.household"].search_read(
                    [("company_id", "=", self.street.id)], ["grid_id"])}
        rows = []
        for resident in residents:
            birth = fields.Date.from_string(resident["birth_date"])
            age = _age(birth, today)
            community = resident["community_id"] and \
                resident["community_id"][0]
            if age < 18 or community not in self.places \
                    or rng.random() >= MEMBER_SHARE:
                continue
            category = self._category(
                age, resident["residence_type"] == "floating")
            place = self.places[community]
            work_unit = False
            if category == "in_service" and self.units:
                work_unit = rng.choice(self.units).id
                organisation = self.unit_branches[work_unit]
            elif category == "direct":
                organisation = self.street_org
            elif category == "mobile":
                organisation = place["committee"]
            else:
                building = resident["building_id"] and \
                    resident["building_id"][0]
                grid = grid_of.get(resident["household_id"] and
                                   resident["household_id"][0])
                if building in place["groups"] and rng.random() < 0.7:
                    organisation = place["groups"][building]
                elif grid in place["grid_branches"] and rng.random() < 0.7:
                    organisation = place["grid_branches"][grid]
                else:
                    organisation = rng.choice(place["branches"])
            if age <= 40 and rng.random() < 0.08:
                status = "probationary"
                joined = self._day(rng.randint(30, 330))
                full = False
            else:
                status = "full"
                joined_age = rng.randint(18, max(18, min(age - 1, 40)))
                joined = min(birth + relativedelta(
                    years=joined_age, days=rng.randint(0, 300)),
                    self._day(400))
                full = joined + relativedelta(years=1)
            rows.append({
                "name": resident["name"],
                "resident_id": resident["id"],
                "gender": resident["sex"] or False,
                "id_number": resident["id_number"] or False,
                "phone": resident["phone"] or False,
                "birth_date": resident["birth_date"],
                "organisation_id": organisation.id,
                "company_id": self.street.id,
                "community_id": organisation.community_id.id or community,
                "category": category,
                "status": status,
                "date_joined": fields.Date.to_string(joined),
                "date_full": full and fields.Date.to_string(full),
                "work_unit_id": work_unit,
                "state": "active",
                "active": True,
            })
        records = self.bulk.insert("party.member", rows)
        self.bulk.flush_computed()
        # the residents' political status follows the register
        linked = env["community.resident"].browse(
            [row["resident_id"] for row in rows])
        if "party_status" in linked._fields:
            self.bulk.compute_stored(linked, skip=[
                name for name in linked._fields if name != "party_status"])
            env.cache.invalidate()
        buildings = {
            resident["id"]: resident["building_id"] and
            resident["building_id"][0] for resident in residents}
        for record, row in zip(records, rows):
            row["id"] = record.id
            row["building_id"] = buildings.get(row["resident_id"])
        self.members = rows

    def _members_in(self, organisation_id, full_only=False):
        within = self._within(organisation_id)
        return [row for row in self.members
                if row["organisation_id"] in within
                and (row["status"] == "full" or not full_only)]

    # -- committees ---------------------------------------------------------------

    def _committees(self):
        env, rng = self.env, self.rng
        Line = env["party.committee.member"]
        posts = ["secretary", "deputy_secretary", "organisation", "publicity",
                 "discipline", "member", "member"]
        for community in self.communities:
            committee = self.places[community.id]["committee"]
            candidates = self._members_in(committee.id, full_only=True)
            size = rng.choice((5, 7))
            if len(candidates) < size:
                continue
            chosen = rng.sample(candidates, size)
            electorate = len(self._members_in(committee.id))
            # valid when more than four fifths vote; elected with more than
            # half of the votes
            voters = min(electorate, max(
                electorate * 4 // 5 + 1,
                int(electorate * rng.uniform(0.85, 0.97))))
            elected = size if size == 5 else size - 1
            date = self._day(rng.randint(180, 1400))
            election = env["party.election"].create({
                "organisation_id": committee.id,
                "date": fields.Date.to_string(date),
                "method": rng.choice(("direct", "public_recommendation")),
                "term_years": 5,
                "electorate": electorate, "voters": voters,
                "votes_cast": voters,
                "approving_body": self.street_org.name,
                "approval_reference": "%s〔%s〕%s号" % (
                    self.short[:2] + "党工委", date.year, rng.randint(1, 40)),
                "date_approved": fields.Date.to_string(
                    date + datetime.timedelta(days=rng.randint(3, 20))),
                "line_ids": [(0, 0, {
                    "member_id": row["id"], "post": post,
                    "votes": rng.randint(voters // 2 + 1, voters)
                    if index < elected else rng.randint(1, voters // 2),
                    "elected": index < elected,
                }) for index, (row, post) in enumerate(zip(chosen, posts))],
            })
            election.action_approve()
            self.committees[committee.id] = [
                row["id"] for row in chosen[:elected]]
        # the branches' committees and the working committee's, recorded
        # as they stand
        branches = [self.street_org] + [
            branch for place in self.places.values()
            for branch in place["branches"]]
        for branch in branches:
            candidates = self._members_in(branch.id, full_only=True)
            size = 5 if branch == self.street_org else 3
            if len(candidates) < size:
                continue
            chosen = rng.sample(candidates, size)
            start = fields.Date.to_string(self._day(rng.randint(100, 1000)))
            for row, post in zip(chosen, ["secretary", "organisation",
                                          "publicity", "deputy_secretary",
                                          "member"]):
                Line.create({"organisation_id": branch.id,
                             "member_id": row["id"], "post": post,
                             "date_start": start})
            self.committees[branch.id] = [row["id"] for row in chosen]

    # -- in-service members reporting ------------------------------------------

    def _inservice(self):
        env, rng = self.env, self.rng
        teams = {}
        for team in env["res.partner"].search([
                ("organisation_type", "=", "volunteer_team"),
                ("community_id", "in", self.communities.ids)], order="id"):
            teams.setdefault(team.community_id.id, []).append(team.id)
        registrations, commitments, activities = [], [], []
        for row in self.members:
            if row["category"] != "in_service" or not row["work_unit_id"] \
                    or rng.random() >= 0.8:
                continue
            community = row["community_id"]
            registered = self._day(rng.randint(20, 700))
            ended = registered < self._day(120) and rng.random() < 0.05
            registrations.append({
                "member_id": row["id"], "community_id": community,
                "company_id": self.street.id,
                "unit_id": row["work_unit_id"],
                "unit_organisation_id": row["organisation_id"],
                "date_registered": fields.Date.to_string(registered),
                "source": "unit_batch" if rng.random() < 0.6 else "self",
                "state": "ended" if ended else "registered",
                "date_ended": ended and fields.Date.to_string(
                    self._day(rng.randint(1, 100))),
            })
            kinds = rng.sample(
                ["pioneer_post", "building_duty", "volunteer_post",
                 "project"], rng.randint(1, 2))
            for kind in kinds:
                line = {"kind": kind, "date": fields.Date.to_string(
                    registered), "index": len(registrations) - 1}
                if kind == "building_duty" and row["building_id"]:
                    line["description"] = "楼栋值守"
                    line["building_id"] = row["building_id"]
                elif kind == "volunteer_post" and teams.get(community):
                    line["team_id"] = rng.choice(teams[community])
                    line["description"] = rng.choice(VOLUNTEER_TASKS)
                elif kind == "project":
                    line["description"] = rng.choice(PROJECTS)
                else:
                    line.update(kind="pioneer_post",
                                description=rng.choice(PIONEER_POSTS))
                commitments.append(line)
            if ended or not teams.get(community) or rng.random() >= 0.65:
                continue
            since = max(registered, self._day(365))
            span = (self.today - since).days
            for _index in range(rng.randint(1, 6)):
                activities.append({
                    "date": fields.Date.to_string(
                        since + datetime.timedelta(
                            days=rng.randint(0, max(span, 0)))),
                    "team_id": rng.choice(teams[community]),
                    "volunteer_id": row["resident_id"],
                    "community_id": community,
                    "company_id": self.street.id,
                    "hours": rng.choice([1.0, 1.5, 2.0, 2.0, 3.0, 4.0]),
                    "description": rng.choice(VOLUNTEER_TASKS),
                })
        records = self.bulk.insert("party.inservice.registration",
                                   registrations)
        for line in commitments:
            line["registration_id"] = records[line.pop("index")].id
        self.bulk.insert("party.inservice.commitment", commitments)
        self.bulk.insert("community.volunteer.activity", activities)
        self.bulk.flush_computed()
        # the volunteers' and the teams' totals count the new service
        for model, key in (("community.resident", "volunteer_id"),
                           ("res.partner", "team_id")):
            records = env[model].browse(sorted({
                activity[key] for activity in activities}))
            self.bulk.compute_stored(records, skip=[
                name for name in records._fields if name != "volunteer_hours"])
        env.cache.invalidate()

    # -- pairing and instructors -------------------------------------------------

    def _pairings(self):
        env, rng = self.env, self.rng
        Pairing = env["party.pairing"]
        ended_done = False
        for unit in self.units:
            community = unit.community_id
            if rng.random() >= PAIRED_SHARE:
                if not ended_done:
                    # an agreement that ran its course
                    pairing = Pairing.create({
                        "name": "%s与%s结对共建" % (unit.name, community.name),
                        "unit_id": unit.id, "community_id": community.id,
                        "date_signed": fields.Date.to_string(self._day(1100)),
                        "date_end": fields.Date.to_string(self._day(370)),
                        "commitment_ids": self._pairing_lines(
                            self._day(1100), self._day(370), done=1.0)})
                    pairing.action_activate()
                    pairing.state = "ended"
                    ended_done = True
                continue
            signed = self._day(rng.randint(60, 900))
            pairing = Pairing.create({
                "name": "%s与%s结对共建" % (unit.name, community.name),
                "unit_id": unit.id, "community_id": community.id,
                "unit_contact": self._name(),
                "date_signed": fields.Date.to_string(signed),
                "commitment_ids": self._pairing_lines(
                    signed, self.today + datetime.timedelta(days=180)),
            })
            pairing.action_activate()

    def _pairing_lines(self, start, end, done=0.75):
        """3 to 5 commitments due between ``start`` and ``end``; those due
        by today fulfilled with the probability ``done``, a few early."""
        rng = self.rng
        lines = []
        for kind, text, (low, high) in rng.sample(
                PAIRING_COMMITMENTS, rng.randint(3, 5)):
            due = start + datetime.timedelta(
                days=rng.randint(30, max(31, (end - start).days)))
            vals = {"kind": kind, "description": text,
                    "date_due": fields.Date.to_string(due)}
            if kind == "money":
                vals["amount"] = float(rng.randrange(low, high, 1000))
            else:
                vals["quantity"] = float(rng.randint(low, high))
            if (due <= self.today and rng.random() < done) or (
                    due > self.today and rng.random() < 0.1):
                day = min(due - datetime.timedelta(
                    days=rng.randint(0, 20)), self.today)
                vals.update(state="done", date_done=fields.Date.to_string(
                    max(day, start)))
            lines.append((0, 0, vals))
        return lines

    def _instructors(self):
        """A party-building instructor (党建指导员) of the street per
        community, and one for a grid with a branch."""
        env, rng = self.env, self.rng
        street_members = self._members_in(self.street_org.id, full_only=True)
        for community in self.communities:
            appointed = self._day(rng.randint(60, 700))
            others = [row for row in street_members
                      if row["community_id"] != community.id] or \
                street_members
            vals = {
                "community_id": community.id,
                "work_unit": self.street.name,
                "date_appointed": fields.Date.to_string(appointed),
                "appointment_reference": "%s〔%s〕%s号" % (
                    self.short[:2] + "党工委", appointed.year,
                    rng.randint(1, 40)),
            }
            if others:
                row = rng.choice(others)
                vals.update(name=row["name"], member_id=row["id"])
            else:
                vals["name"] = self._name()
            env["party.instructor"].create(vals)
            grid_branches = self.places[community.id]["grid_branches"]
            if grid_branches:
                env["party.instructor"].create(dict(
                    vals, name=self._name(), member_id=False,
                    grid_id=rng.choice(list(grid_branches))))

    # -- organisation life ------------------------------------------------------

    def _at(self, day, hour):
        """The UTC datetime (string) of ``hour`` o'clock on the street's
        ``day``."""
        local = self.tz.localize(datetime.datetime.combine(
            day, datetime.time(hour, 30)))
        return fields.Datetime.to_string(local.astimezone(
            datetime.timezone.utc).replace(tzinfo=None))

    def _schedule(self):
        """(kind, organisation or council, first day of the month, name) of
        the year's meetings and the coming month's."""
        env = self.env
        start = self.today.replace(day=1)
        months = [start - relativedelta(months=back)
                  for back in range(PAST_MONTHS, -2, -1)]
        meetings = []
        for community in self.communities:
            place = self.places[community.id]
            bodies = [place["committee"]] + place["branches"] + list(
                place["grid_branches"].values())
            for month in months:
                label = "%s年%s月" % (month.year, month.month)
                quarter_month = month.month % 3 == 0
                for body in bodies:
                    meetings.append(("committee", body, month,
                                     "%s支委会" % label))
                    if quarter_month and body not in (place["committee"],):
                        meetings.append(("congress", body, month,
                                         "%s第%s季度支部党员大会" % (
                                             month.year, month.month // 3)))
                        meetings.append(("lecture", body, month, "党课：%s" % (
                            self.rng.choice(LECTURES))))
                for group in place["groups"].values():
                    meetings.append(("group", group, month,
                                     "%s党小组会" % label))
                if quarter_month:
                    for council in env["community.council"].search(
                            [("community_id", "=", community.id)]):
                        meetings.append(("joint_council", council, month,
                                         "%s第%s季度%s" % (
                                             month.year, month.month // 3,
                                             council.name)))
        return meetings

    def _meetings(self):
        rng = self.rng
        expected = {}
        rows, plans = [], []
        for kind, body, month, name in self._schedule():
            day = month + datetime.timedelta(days=rng.randint(4, 24))
            council = kind == "joint_council"
            if day <= self.today - datetime.timedelta(days=2):
                draw = rng.random()
                state = ("cancelled" if draw < 0.03 else "planned"
                         if draw < 0.06 else "held")
            else:
                state = "planned"
            rows.append({
                "name": name, "kind": kind,
                "organisation_id": False if council else body.id,
                "council_id": body.id if council else False,
                "company_id": self.street.id,
                "community_id": body.community_id.id,
                "date": self._at(day, rng.choice((9, 14, 19))),
                "location": "%s党群服务中心" % body.community_id.name,
                "state": state,
                "agenda": name,
                "minutes": "会议按议程进行，与会人员充分讨论，形成一致意见。"
                if state == "held" else False,
            })
            plans.append((kind, body, state))
        meetings = self.meetings = self.bulk.insert("party.meeting", rows)
        attendance, decisions = [], []
        owner = self.users.get("party_secretary") or self.env.user
        for meeting, (kind, body, state), row in zip(meetings, plans, rows):
            if state != "held":
                continue
            day = fields.Datetime.from_string(row["date"]).date()
            if kind == "joint_council":
                for partner in body.member_ids:
                    attendance.append({
                        "meeting_id": meeting.id, "partner_id": partner.id,
                        "attendee_name": self._name(),
                        "present": rng.random() < 0.9})
                count = rng.randint(2, 3)
            else:
                if kind == "committee" and body.id in self.committees:
                    members = self.committees[body.id]
                else:
                    if body.id not in expected:
                        expected[body.id] = [
                            member["id"] for member in self._members_in(
                                body.id)]
                    members = expected[body.id]
                for member in members:
                    present = rng.random() < 0.88
                    attendance.append({
                        "meeting_id": meeting.id, "member_id": member,
                        "present": present,
                        "absence_reason": False if present else rng.choice(
                            ABSENCE_REASONS)})
                count = 1 if kind == "congress" and rng.random() < 0.3 else 0
            for name in rng.sample(DECISIONS, count):
                deadline = day + datetime.timedelta(days=rng.randint(30, 75))
                done = deadline < self.today and rng.random() < 0.75
                decisions.append({
                    "meeting_id": meeting.id, "name": name,
                    "owner_id": owner.id,
                    "date_deadline": fields.Date.to_string(deadline),
                    "state": "done" if done else "open",
                    "date_done": done and fields.Date.to_string(
                        deadline - datetime.timedelta(
                            days=rng.randint(0, 25))),
                })
        self.bulk.insert("party.meeting.attendance", attendance)
        self.bulk.insert("party.meeting.decision", decisions)

    def _cases(self):
        """One open decision of a joint council per community followed by
        a case of the community's case loop, as a secretary does it."""
        if "grid.case" not in self.env:
            return
        Decision = self.env["party.meeting.decision"]
        for community in self.communities:
            decision = Decision.search([
                ("community_id", "=", community.id), ("state", "=", "open"),
                ("meeting_id.kind", "=", "joint_council")],
                order="meeting_date", limit=1)
            grids = self.env["grid.grid"].search(
                [("community_id", "=", community.id)], limit=1)
            if not decision:
                continue
            try:
                with self.env.cr.savepoint():
                    decision.grid_id = grids
                    decision.action_create_case()
            except (UserError, ValidationError) as error:
                _logger.warning("demo decision %s: no case (%s)",
                                decision.name, error)

    # -- care ---------------------------------------------------------------------

    def _care(self):
        rng = self.rng
        rows = []
        user = self.users.get("party_secretary") or self.env.user
        for row in self.members:
            if row["category"] not in ("hardship", "elderly"):
                continue
            for _index in range(rng.randint(1, 3)):
                kind, text, (low, high) = rng.choice(CARE)
                date = self._day(rng.randint(5, 365))
                rows.append({
                    "member_id": row["id"], "date": fields.Date.to_string(
                        date), "kind": kind, "description": text,
                    "amount": float(rng.randint(low, high)) if high else 0.0,
                    "user_id": user.id,
                    "next_date": fields.Date.to_string(
                        date + datetime.timedelta(days=90)),
                    "company_id": self.street.id,
                    "community_id": row["community_id"],
                })
        self.bulk.insert("party.member.care", rows)
