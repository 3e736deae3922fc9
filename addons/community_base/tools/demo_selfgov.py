# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo street's residents' self-government (居民自治, 议事协商): in
each community a residents' council whose members are residents, its
meetings and a hearing of the last months and the next one, residents'
proposals at every step (submitted, taken up, rejected, decided, carried
out) and the decisions with their owners and deadlines, some overdue, some
published (居务公开) this month and last.

Called once by ``tools/demo_loader.py`` after the workers, as superuser;
every date counted back from ``today`` and every draw from ``rng``, so a
seed gives the same deliberations.
"""
import datetime
import random

from odoo import fields

from . import roles

#: what residents propose: (proposal, what it asks in full)
PROPOSALS = [
    ("增设非机动车充电棚", "楼下电动车充电乱拉电线，建议在小区空地增设集中充电棚。"),
    ("规范小区停车秩序", "晚间车辆占用消防通道，建议划线并实行错时停车。"),
    ("开办老年助餐点", "独居老人用餐不便，建议引入社会组织开办助餐点。"),
    ("加装电梯意见征询", "老旧楼栋居民希望加装电梯，请议事会组织征询。"),
    ("垃圾分类投放点调整", "投放点离住户过近有异味，建议调整位置和时间。"),
    ("修缮小区健身器材", "健身器材损坏多处，存在安全隐患，建议维修更换。"),
    ("设立楼道文明公约", "楼道堆物现象严重，建议各楼栋制定文明公约。"),
    ("增设儿童游乐区", "小区缺少儿童活动场所，建议利用闲置绿地建设。"),
]
#: the hearing of each community
HEARINGS = ["停车收费方案听证会", "物业服务费调整听证会", "老旧小区改造方案听证会"]
#: the members' roles, in seat order
ROLES = ["chair", "deputy", "member", "member", "member", "member", "member"]


def rng(seed):
    """The random draws of the self-government demo, apart from the
    register's and the workers'."""
    return random.Random("selfgov-%s" % seed)


def _day(today, days):
    return fields.Date.to_string(today + datetime.timedelta(days=days))


def _at(today, days, hour=2):
    """A meeting's time (UTC) ``days`` from ``today``: 10:00 in Beijing."""
    return fields.Datetime.to_string(datetime.datetime.combine(
        today + datetime.timedelta(days=days), datetime.time(hour, 0)))


def _owners(env, community):
    """The users who follow the community's decisions up: its clerks,
    else the superuser."""
    clerks = env["res.users"].search([
        ("community_ids", "in", community.ids),
        ("groups_id", "in", env.ref(roles.COMMUNITY_CLERK).ids)])
    return clerks or env.user


def load_selfgov_demo(env, rng, today, communities):
    """One residents' council per community of ``communities`` with its
    meetings, proposals and decisions, dated from ``today`` (a date).
    Return the proposals created."""
    if not isinstance(rng, random.Random):
        rng = random.Random(rng)
    Proposal = env["community.selfgov.proposal"]
    proposals = Proposal.browse()
    for community in communities:
        residents = env["community.resident"].search(
            [("community_id", "=", community.id), ("state", "=", "living")],
            limit=40)
        if not residents:
            continue
        seats = rng.sample(list(residents), min(len(residents), len(ROLES)))
        body = env["community.selfgov.body"].create({
            "name": "%s居民议事会" % community.name,
            "kind": "residents_council",
            "community_id": community.id,
            "date_start": _day(today, -rng.randint(400, 900)),
            "member_ids": [(0, 0, {
                "resident_id": resident.id, "name": resident.name,
                "role": role, "date_start": _day(today, -rng.randint(
                    200, 600))}) for resident, role in zip(seats, ROLES)],
        })
        owners = _owners(env, community)
        meetings = []
        for days, kind, name in (
                (-rng.randint(45, 60), "meeting", "季度议事会"),
                (-rng.randint(10, 20), "hearing", rng.choice(HEARINGS)),
                (rng.randint(3, 10), "meeting", "月度议事会")):
            meeting = env["community.selfgov.meeting"].create({
                "name": name, "kind": kind, "body_id": body.id,
                "date": _at(today, days), "location": "社区议事厅",
                "chair": seats[0].name,
                "agenda": "审议居民提案；通报上次决定落实情况。"})
            meeting.action_fill_attendees()
            if days < 0:
                for line in meeting.attendance_ids:
                    if rng.random() < 0.15:
                        line.write({"present": False,
                                    "absence_reason": "外出"})
                # held as written (not ``action_held``): a demo dated from
                # a later ``today`` than the clock's holds them all the same
                meeting.write({
                    "minutes": "与会成员逐项审议提案并表决，形成决定。",
                    "state": "held"})
            meetings.append(meeting)
        first, hearing, planned = meetings
        steps = ["carried_out", "decided", "decided", "rejected",
                 "taken_up", "submitted"]
        for step, (name, text) in zip(steps, rng.sample(PROPOSALS, 6)):
            held = rng.choice((first, hearing))
            meeting = planned if step == "taken_up" else held
            proposal = Proposal.create({
                "name": name, "description": text,
                "community_id": community.id,
                "resident_id": rng.choice(residents).id,
                "proposer_name": "%s等居民" % rng.choice(residents).name,
                "supporters": rng.randint(5, 60),
                "date": _day(today, -rng.randint(60, 90)
                             if meeting == first else -rng.randint(21, 40)),
                "meeting_id": meeting.id if step != "submitted" else False,
            })
            proposals |= proposal
            if step == "submitted":
                continue
            proposal.action_take_up()
            if step == "taken_up":
                continue
            present = meeting.present_count
            if step == "rejected":
                votes_for = rng.randint(0, present // 2)
            else:
                votes_for = present - rng.randint(0, present // 3)
            proposal.write({"votes_for": votes_for,
                            "votes_against": present - votes_for,
                            "votes_abstain": 0})
            proposal.action_vote()
            if proposal.state != "adopted":
                continue
            meeting_day = fields.Date.from_string(meeting.date[:10])
            proposal.write({
                "decision_owner_id": rng.choice(owners).id,
                "decision_deadline": fields.Date.to_string(
                    meeting_day + datetime.timedelta(
                        days=rng.choice((20, 30, 60))))})
            proposal.action_decide()
            decision = proposal.decision_id
            published = rng.choice((-35, -3, -1))
            decision.write({"to_publish": True,
                            "date_published": _day(today, published)})
            if step == "carried_out":
                decision.action_done()
    return proposals
