# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service hall part of the demo street (``scripts/generate_demo.py``).

Called after the other addons' parts, with ``today`` the day the street is
dated from. For each street of the demo district it writes:

- the hall's catalogue: the seven usual matters (低保, 残疾证, 老年优待证,
  居住证, 计生, 就业登记, 开具证明) with their documents, windows and time
  limits, admitted by one approved admission request of the street;
- a year of requests up to ``today`` in every community (about 3,000 a
  community a year at full scale): walk-ins mostly, phone, portal and 12345
  transfers; the old ones done and mostly collected, some late, a few
  rejected; the recent ones at every step; each answered by its decision;
- the duty roster of the last two weeks and the next one, a duty cadre a
  day per community, the past days handed over in order.

Everything goes through the ORM (a few thousand rows at the default
scale). Idempotent: the XML id ``community_service.service_demo_marker``
marks a loaded database; when it exists (or there is no demo street)
nothing is written.
"""
import datetime
import random

from odoo import SUPERUSER_ID, api, fields

from odoo.addons.community_base.tools.demo_loader import demo_today

MODULE = "community_service"
MARKER_XMLID = "service_demo_marker"
DISTRICT_XMLID = "community_base.district_demo"
SUMMARY_MODELS = ("service.item", "service.request", "service.duty")
#: requests a community receives in a year at scale 1
REQUESTS_PER_COMMUNITY = 3000

#: (code, name, window, time limit, level, can be done on behalf,
#:  documents (name, required))
CATALOGUE = [
    ("DB", "最低生活保障（低保）申请", "民政窗口", 20, "department", True,
     [("身份证", True), ("户口簿", True), ("家庭收入证明", True),
      ("银行卡复印件", False)]),
    ("CJZ", "残疾人证办理", "残联窗口", 15, "department", True,
     [("身份证", True), ("户口簿", True), ("近期免冠照片", True),
      ("医院诊断证明", False)]),
    ("LNYD", "老年人优待证办理", "老龄窗口", 5, "street", True,
     [("身份证", True), ("近期免冠照片", True)]),
    ("JZZ", "居住证办理", "综合窗口", 15, "multi", False,
     [("身份证", True), ("居住证明（租房合同或房产证）", True),
      ("近期免冠照片", True)]),
    ("JS", "计划生育服务登记", "卫健窗口", 3, "street", True,
     [("夫妻双方身份证", True), ("结婚证", True)]),
    ("JYDJ", "就业失业登记", "人社窗口", 5, "department", True,
     [("身份证", True), ("劳动合同解除证明", False)]),
    ("KJZM", "开具证明", "综合窗口", 1, "street", False,
     [("身份证", True)]),
]
#: the channels and their weights
CHANNELS = [("walk_in", 70), ("phone", 12), ("portal", 10), ("hotline", 8)]


def load_demo(env, seed=1, scale=0.05, today=None):
    """Load the service hall of the demo street dated from ``today``
    (default: the street's today; as superuser; the caller commits) and
    return ``{"created": bool, "counts": {model: count}}``."""
    # sudo: the demo loader is run from the command line by the operator,
    #   not reachable by users
    env = api.Environment(env.cr, SUPERUSER_ID, dict(
        env.context, tracking_disable=True, mail_create_nolog=True,
        mail_notrack=True))
    district = env.ref(DISTRICT_XMLID, raise_if_not_found=False)
    marker = env.ref("%s.%s" % (MODULE, MARKER_XMLID),
                     raise_if_not_found=False)
    if marker or not district:
        return {"created": False, "counts": _counts(env)}
    today = demo_today(env, today)
    rng = random.Random("service-%s-%s" % (seed, scale))
    streets = env["res.company"].search(
        [("parent_id", "=", district.id), ("is_street_office", "=", True)],
        order="id")
    for street in streets:
        _ServiceStreet(env, street, rng, today, scale).load()
    env["ir.model.data"].create({
        "module": MODULE, "name": MARKER_XMLID, "model": "res.company",
        "res_id": district.id, "noupdate": True})
    return {"created": True, "counts": _counts(env)}


def _counts(env):
    return {model: env[model].with_context(active_test=False).search_count(
        []) for model in SUMMARY_MODELS if model in env}


class _ServiceStreet:
    """The hall of one street."""

    def __init__(self, env, street, rng, today, scale):
        self.env = env
        self.street = street
        self.rng = rng
        self.today = today
        self.scale = scale
        self.communities = env["community.community"].search(
            [("company_id", "=", street.id)], order="code, id")

    def load(self):
        items = self._catalogue()
        for community in self.communities:
            self._roster(community)
            self._requests(community, items)
        self._hand_over()

    def _catalogue(self):
        department = self.env["hr.department"].create({
            "name": "社会事务科", "company_id": self.street.id})
        admission = self.env["community.admission.request"].create({
            "name": "社区服务大厅公共服务事项", "department_id": department.id,
            "task_type": "task",
            "legal_basis": "《城市居民委员会组织法》及民政、人社、卫健、公安等部门"
                           "公共服务下沉社区的规定",
            "community_ids": [(6, 0, self.communities.ids)],
            "company_id": self.street.id,
            "date_start": str(self.today.replace(month=1, day=1)
                              - datetime.timedelta(days=366))})
        admission.write({"state": "approved"})
        items = self.env["service.item"]
        for sequence, (code, name, window, limit, level, delegate,
                       documents) in enumerate(CATALOGUE, 1):
            items |= items.create({
                "name": name, "code": code, "window": window,
                "time_limit_days": limit, "reply_level": level,
                "can_delegate": delegate, "sequence": sequence,
                "fee": "免费", "company_id": self.street.id,
                "department_id": department.id,
                "conditions": "本街道户籍居民或持有效居住证的常住居民。",
                "admission_request_id": admission.id, "active": True,
                "document_ids": [
                    (0, 0, {"name": document, "required": required,
                            "sequence": index})
                    for index, (document, required) in enumerate(
                        documents, 1)]})
        return items

    def _cadres(self, community):
        users = self.env["res.users"].search([
            ("community_ids", "in", community.id), ("share", "=", False)])
        return users or self.env.user

    def _roster(self, community):
        cadres = self._cadres(community)
        for offset in range(-14, 8):
            day = self.today + datetime.timedelta(days=offset)
            self.env["service.duty"].create({
                "community_id": community.id, "date": str(day),
                "user_id": cadres[offset % len(cadres)].id,
                "note": "接待来访、电话回访，走访辖区。" if offset < 0 else False})

    def _requests(self, community, items):
        rng = self.rng
        residents = self.env["community.resident"].search(
            [("community_id", "=", community.id)], limit=200)
        count = max(10, int(REQUESTS_PER_COMMUNITY * self.scale))
        channels = [channel for channel, weight in CHANNELS
                    for dummy in range(weight)]
        Request = self.env["service.request"]
        for dummy in range(count):
            age = int(rng.triangular(0, 365, 0))
            day = self.today - datetime.timedelta(days=age)
            # 9:00 to 17:00 in Beijing
            received = datetime.datetime.combine(
                day, datetime.time(1 + rng.randrange(8), rng.randrange(60)))
            if received > datetime.datetime.utcnow():
                received = datetime.datetime.utcnow() - datetime.timedelta(
                    minutes=5)
            item = items[rng.randrange(len(items))]
            resident = residents[rng.randrange(len(residents))] \
                if residents else residents
            channel = rng.choice(channels)
            values = {
                "item_id": item.id, "community_id": community.id,
                "channel": channel,
                "resident_id": resident.id,
                "applicant_name": resident.name or "居民",
                "applicant_phone": resident.phone or False,
                "on_behalf": item.can_delegate and rng.random() < 0.2,
                "date_received": fields.Datetime.to_string(received),
            }
            if channel == "hotline":
                values["hotline_ticket"] = "12345-%s-%04d" % (
                    day.strftime("%Y%m%d"), rng.randrange(10000))
            request = Request.create(values)
            self._progress(request, received, age)

    def _progress(self, request, received, age):
        """Move the request along as the hall would have by today."""
        rng = self.rng
        now = datetime.datetime.utcnow()
        request.document_line_ids.write({"received": True})
        if age == 0 and rng.random() < 0.5:
            return  # still at the window
        # most decided the same or the next day, some days later (the
        # "123" promise missed)
        hours = rng.uniform(0.1, 30) if rng.random() < 0.9 \
            else rng.uniform(30, 150)
        decided = min(received + datetime.timedelta(hours=hours), now)
        answer = {"date_first_answer": fields.Datetime.to_string(decided),
                  "answer_channel": "decision"}
        if rng.random() < 0.05:
            request.write(dict(answer, state="rejected",
                               date_decided=answer["date_first_answer"],
                               reject_reason="材料不符合办理条件，已告知居民补齐后再办。"))
            return
        values = dict(answer, state="accepted",
                      date_decided=answer["date_first_answer"],
                      date_accepted=answer["date_first_answer"])
        limit = request.item_id.time_limit_days
        # most on time, some late: elapsed days, roughly 7/5 of working days
        days = rng.uniform(0.2, limit * 1.4) * (1.5 if rng.random() < 0.1
                                                else 1.0)
        done = decided + datetime.timedelta(days=days)
        if done > now:
            values["state"] = "in_progress" if rng.random() < 0.7 \
                else "accepted"
            request.write(values)
            return
        done_day = fields.Date.to_string(done.date())
        values.update(state="done", date_done=fields.Datetime.to_string(done),
                      done_on_time=not request.date_deadline
                      or done_day <= request.date_deadline)
        collected = done + datetime.timedelta(days=rng.uniform(0.1, 6))
        if collected < now and rng.random() < 0.9:
            values.update(state="collected",
                          date_collected=fields.Datetime.to_string(collected))
        request.write(values)

    def _hand_over(self):
        """The past days of the roster handed over in order."""
        duties = self.env["service.duty"].search([
            ("company_id", "=", self.street.id),
            ("date", "<", str(self.today)), ("state", "=", "open")],
            order="date, community_id")
        for duty in duties:
            duty.action_hand_over()
