# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo street's inbound work (收件登记): what the district's
departments asked each community to do over the last three months, some
of it through the admission catalogue and much of it not, with the
communities' decisions (taken on, taken on under protest, refused with a
reason).

Called by :mod:`.demo_loader` once the admission requests are in, as
superuser; dated back from ``today`` and drawn from ``rng`` so that one
seed gives the same register. The departments are linked to the partners
the evaluation rates (created when missing, by the same names as
``community_eval``'s demo), so that the departments' rating counts them.
"""
import datetime
import random

from odoo import fields

#: items a department asks for outside the catalogue: (kind, name)
NOT_ADMITTED = [
    ("form", "辖区商户消防安全情况统计表"),
    ("form", "社区志愿者信息汇总表"),
    ("meeting", "创卫工作推进会（社区书记参加）"),
    ("meeting", "垃圾分类督导员培训会"),
    ("certificate", "居民无犯罪记录证明"),
    ("certificate", "亲属关系证明"),
    ("seal", "企业经营场所证明盖章"),
    ("sign", "社区“健康小屋”挂牌"),
    ("campaign", "“最美楼门”评选材料报送"),
    ("task", "辖区共享单车停放巡查"),
    ("other", "部门公众号关注量任务"),
]
#: why a community refuses an item not admitted
REFUSE_REASONS = [
    "该事项不在本年度社区工作准入目录内，且无相应经费和依据。",
    "证明事项已列入取消清单，请申请人到有关部门办理。",
    "属于部门自身职责，不应转嫁社区承担。",
]
#: why a community takes an item on under protest
PROTEST_NOTES = [
    "事项未经准入，考虑居民需要先行办理，已报街道备案。",
    "时限过短、未随附经费，社区先行配合并提出异议。",
]


def _department_partners(env, departments):
    """Link each department to the partner the evaluation rates (by name),
    creating the partner when the database has none."""
    Partner = env["res.partner"]
    for department in departments:
        if department.partner_id:
            continue
        partner = Partner.search([("name", "=", department.name),
                                  ("organisation_type", "=", "department")],
                                 limit=1)
        if not partner:
            partner = Partner.create({
                "name": department.name, "is_company": True,
                "organisation_type": "department", "company_id": False})
        department.partner_id = partner


def load_inbound_demo(env, rng, today, communities, departments,
                      per_community=8):
    """Register ``per_community`` inbound items (about) in each of
    ``communities`` (``community.community``), sent by ``departments``
    (``hr.department``) within the 90 days before ``today`` (a date); return
    the number of items written. ``rng`` is a ``random.Random`` or the
    seed of one."""
    if not communities or not departments:
        return 0
    if not isinstance(rng, random.Random):
        rng = random.Random(rng)
    _department_partners(env, departments)
    Inbound = env["community.task.inbound"]
    approved = env["community.admission.request"].search(
        [("state", "=", "approved")])
    kind_of = {"task": "task", "survey": "form", "sign": "sign",
               "campaign": "campaign"}
    count = 0
    for community in communities:
        admitting = approved.filtered(
            lambda request: community in request.community_ids)
        for _number in range(per_community + rng.randint(-2, 2)):
            received = today - datetime.timedelta(days=rng.randint(0, 89))
            date = fields.Date.to_string(received)
            usable = admitting.filtered(
                lambda request: request.date_start <= date and (
                    not request.date_end or request.date_end >= date))
            if usable and rng.random() < 0.45:
                request = rng.choice(usable)
                kind, name = kind_of[request.task_type], request.name
                department = request.department_id
            else:
                kind, name = rng.choice(NOT_ADMITTED)
                department = rng.choice(departments)
            deadline = received + datetime.timedelta(days=rng.randint(3, 20))
            item = Inbound.create({
                "name": name, "kind": kind, "department_id": department.id,
                "community_id": community.id, "date_received": date,
                "deadline": fields.Date.to_string(deadline),
                "effort_hours": float(rng.choice((1, 2, 4, 6, 8, 16))),
            })
            count += 1
            if received > today - datetime.timedelta(days=5):
                continue                     # still to decide
            _decide(item, rng)
            if item.state != "received":
                item.date_decided = fields.Date.to_string(
                    received + datetime.timedelta(days=rng.randint(1, 4)))
    return count


def _decide(item, rng):
    """The community's decision on a demo item: an admitted item is mostly
    taken on; one not admitted refused, taken on under protest or taken
    on, or left to decide."""
    draw = rng.random()
    if item.admitted:
        if draw < 0.9:
            item.action_accept()
    elif draw < 0.45:
        item.refuse_reason = rng.choice(REFUSE_REASONS)
        item.action_refuse()
    elif draw < 0.7:
        item.protest_note = rng.choice(PROTEST_NOTES)
        item.action_accept_protest()
    elif draw < 0.9:
        item.action_accept()
