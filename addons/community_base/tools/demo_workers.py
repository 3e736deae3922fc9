# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The community workers of the demo street: each community's roster
(committee members, party committee members, hired workers, grid officers,
seconded staff), their posts with the one-person-two-posts cases, training
hours, and the last residents' committee election, every date counted back
from ``today``.

Called once by ``tools/demo_loader.py`` after the register is loaded; the
random draws come from ``rng`` so a seed gives the same roster. About one
full-time worker per 330 households: some communities fall below the
street's norm of 300, as in the reports.
"""
import datetime
import random

from odoo import fields

from .id_number import check_char

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["秀英", "桂兰", "建国", "丽娟", "志强", "海燕", "晓东", "静", "敏",
         "伟", "磊", "娜", "芳", "军", "洋", "勇", "艳", "杰", "涛", "明"]
SUBJECTS = ["社区治理与居民自治", "社会工作实务", "网格化管理", "矛盾纠纷调解",
            "养老服务政策", "安全生产与消防", "党建引领基层治理"]
#: households per full-time worker the demo aims at
HOUSEHOLDS_PER_WORKER = 330


def rng(seed):
    """The random draws of the roster of the demo street of ``seed``
    (apart from the register's, so that adding workers does not change
    the residents)."""
    return random.Random("workers-%s" % seed)


def _name(rng):
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _id_number(rng, today):
    birth = today - datetime.timedelta(days=rng.randint(25 * 365, 58 * 365))
    first17 = "110105%s%03d" % (birth.strftime("%Y%m%d"), rng.randint(1, 999))
    return first17 + check_char(first17)


def _day(today, days_ago):
    return fields.Date.to_string(today - datetime.timedelta(days=days_ago))


def load_workers_demo(env, rng, today, communities, users=None):
    """Create the roster of ``communities`` (a recordset), dated from
    ``today`` (a date); ``users`` (optional recordset) are linked to the
    first workers of the first community. Return the workers created."""
    Worker = env["community.worker"]
    Post = env["community.worker.post"]
    Training = env["community.worker.training"]
    users = list(users or [])
    workers = Worker.browse()
    for index, community in enumerate(communities):
        households = community.household_count or env[
            "community.household"].search_count(
                [("community_id", "=", community.id)])
        full_time = max(3, int(round(
            households / float(HOUSEHOLDS_PER_WORKER) * rng.uniform(0.8,
                                                                    1.15))))
        roster = []
        categories = (["committee"] * 5 + ["party_committee"] * 2
                      + ["hired"] * max(full_time - 7, 0))[:full_time]
        categories += ["grid_officer"] * rng.randint(2, 5)
        categories += ["seconded"] * rng.randint(1, 2)
        for category in categories:
            number = _id_number(rng, today)
            worker = Worker.create({
                "name": _name(rng), "community_id": community.id,
                "category": category, "id_number": number,
                "phone": "1%d%09d" % (rng.choice((3, 5, 8)),
                                      rng.randint(0, 10 ** 9 - 1)),
                "hire_date": _day(today, rng.randint(90, 15 * 365)),
                "qualification": rng.choice(
                    ["none", "none", "assistant", "assistant",
                     "social_worker", "senior"]),
                "monthly_pay": rng.choice((4800.0, 5200.0, 5600.0, 6100.0)),
                "seconding_body": "区城管委" if category == "seconded"
                else False,
                "user_id": users.pop(0).id if users and index == 0 else False,
            })
            roster.append(worker)
            for _count in range(rng.randint(1, 4)):
                Training.create({
                    "worker_id": worker.id,
                    "date": _day(today, rng.randint(5, 500)),
                    "subject": rng.choice(SUBJECTS),
                    "hours": rng.choice((2.0, 4.0, 8.0, 16.0)),
                    "organiser": "街道社区建设办",
                })
        workers |= Worker.concat(*roster)
        committee = [worker for worker in roster
                     if worker.category == "committee"]
        party = [worker for worker in roster
                 if worker.category == "party_committee"]
        # the last election, three to four years ago: the committee's term
        elected_on = today - datetime.timedelta(days=rng.randint(1000, 1500))
        election = env["community.committee.election"].create({
            "community_id": community.id,
            "date": fields.Date.to_string(elected_on),
            "method": rng.choice(["direct", "household", "representative"]),
            "electorate": max(households * 2, 60),
            "voters": int(max(households * 2, 60) * rng.uniform(0.75, 0.95)),
        })
        voters = election.voters
        for position, worker in enumerate(committee):
            env["community.committee.candidate"].create({
                "election_id": election.id, "worker_id": worker.id,
                "post": ("director" if position == 0 else "deputy_director"
                         if position == 1 else "committee_member"),
                "votes": int(voters * rng.uniform(0.6, 0.95)),
                "elected": True,
            })
        env["community.committee.candidate"].create({
            "election_id": election.id, "worker_id": roster[-1].id,
            "post": "committee_member",
            "votes": int(voters * rng.uniform(0.1, 0.4))})
        election.action_approve()
        # the director is also the party secretary (一肩挑) in most
        # communities; one in three has a secretary of its own, one in
        # five none in office (a vacant post)
        draw = rng.random()
        start = fields.Date.to_string(elected_on)
        if draw < 0.6:
            secretary = committee[0]
        elif draw < 0.8 and party:
            secretary = party[0]
        else:
            secretary = None
        if secretary:
            Post.create({"worker_id": secretary.id, "post": "party_secretary",
                         "date_start": start})
        for worker in party[1:]:
            Post.create({"worker_id": worker.id, "post": "party_member",
                         "date_start": start})
        # a deputy who left a month ago (an ended term, archived)
        if len(committee) > 2:
            Post.search([("worker_id", "=", committee[2].id)]).write(
                {"date_end": _day(today, 30)})
    return workers
