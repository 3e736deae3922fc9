# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Write a year of evaluations into the demo street of community_base.

Called by ``scripts/generate_demo.py`` after community_base's loader, with
``today`` the day the street is dated from (the street's today by
default): the quarterly residents' survey of every community of the demo
streets for the four quarters before ``today``'s (answers drawn from a
seed, written by the batched path of the survey import, then computed and
closed, which awards and revokes the 和谐社区 title) and the survey of the
current quarter, open, about half answered; this year's rating of the
departments by the communities, open, with a sheet per department for the
demo evaluator; with community_grid installed, the monthly assessment of
the grid officers for the three months before ``today``'s, from rules on
their visits and cases next to the supervisor's marks.

Idempotent: the XML id ``community_eval.eval_demo_marker`` marks a loaded
database; when it exists nothing is written.
"""
import datetime
import random

from odoo import SUPERUSER_ID, api

from odoo.addons.community_base.tools import roles
from odoo.addons.community_base.tools.demo_data import DEPARTMENTS
from odoo.addons.community_base.tools.demo_loader import demo_today

MODULE = "community_eval"
MARKER_XMLID = "eval_demo_marker"
DISTRICT_XMLID = "community_base.district_demo"
SUMMARY_MODELS = ("eval.campaign", "eval.sheet", "eval.result",
                  "eval.title.award")
#: closed quarters of residents' surveys before the current, open one
PAST_QUARTERS = 4
#: closed months of the grid officers' assessment
PAST_MONTHS = 3


def load_demo(env, seed=1, scale=0.05, today=None):
    """Load the demo evaluations dated from ``today`` (default: the
    street's today; as superuser; the caller commits) and return
    ``{"created": bool, "counts": {model: count}}``."""
    # sudo: the demo loader is run from the command line by the operator, not reachable
    #   by users
    env = api.Environment(env.cr, SUPERUSER_ID, dict(
        env.context, tracking_disable=True, mail_create_nolog=True,
        mail_notrack=True))
    district = env.ref(DISTRICT_XMLID, raise_if_not_found=False)
    marker = env.ref("%s.%s" % (MODULE, MARKER_XMLID),
                     raise_if_not_found=False)
    if marker or not district:
        return {"created": False, "counts": _counts(env)}
    today = demo_today(env, today)
    streets = env["res.company"].search(
        [("parent_id", "=", district.id), ("is_street_office", "=", True)])
    rng = random.Random(seed)
    for street in streets:
        _resident_surveys(env, street, today, rng)
        _department_rating(env, street, today.year)
        if "grid.visit" in env and "grid.case" in env:
            _grid_staff_assessments(env, street, today, rng)
    env["ir.model.data"].create({
        "module": MODULE, "name": MARKER_XMLID, "model": "res.company",
        "res_id": district.id, "noupdate": True})
    return {"created": True, "counts": _counts(env)}


def _counts(env):
    return {model: env[model].search_count([]) for model in SUMMARY_MODELS}


def _range(env, type_xmlid, type_name, name, start, end):
    range_type = env.ref("%s.%s" % (MODULE, type_xmlid),
                         raise_if_not_found=False)
    if not range_type:
        range_type = env["date.range.type"].create(
            {"name": type_name, "company_id": False})
        env["ir.model.data"].create({
            "module": MODULE, "name": type_xmlid,
            "model": "date.range.type", "res_id": range_type.id,
            "noupdate": True})
    existing = env["date.range"].search([
        ("type_id", "=", range_type.id), ("date_start", "=", start),
        ("date_end", "=", end)], limit=1)
    return existing or env["date.range"].create({
        "name": name, "type_id": range_type.id, "date_start": start,
        "date_end": end, "company_id": False})


def _month_start(day, back):
    """The first day of the month ``back`` months before ``day``'s."""
    month = day.month - back
    return datetime.date(day.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _month_end(start, months=1):
    """The last day of the ``months`` months from ``start`` (a first of
    the month)."""
    return _month_start(start, -months) - datetime.timedelta(days=1)


def _quarters(today):
    """(year, quarter, first day, last day) of the ``PAST_QUARTERS``
    quarters before ``today``'s, oldest first, then of ``today``'s."""
    current = datetime.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    quarters = []
    for back in range(PAST_QUARTERS, -1, -1):
        start = _month_start(current, 3 * back)
        quarters.append((start.year, (start.month - 1) // 3 + 1, start,
                         _month_end(start, 3)))
    return quarters


def _resident_surveys(env, street, today, rng):
    scheme = env.ref("community_eval.eval_scheme_resident_community")
    indicators = scheme.indicator_ids.filtered(
        lambda indicator: indicator.source == "entered")
    points = scheme.answer_points()
    communities = env["community.community"].search(
        [("company_id", "=", street.id)])
    # each community's share of satisfied and basically satisfied answers,
    # drifting a little from quarter to quarter
    quality = {community.id: rng.uniform(0.55, 0.9)
               for community in communities}
    quarters = _quarters(today)
    for year, quarter, start, end in quarters:
        current = (year, quarter) == quarters[-1][:2]
        period = _range(env, "date_range_type_quarter_demo", "季度",
                        "%s年第%s季度" % (year, quarter), start, end)
        campaign = env["eval.campaign"].create({
            "name": "%s年第%s季度居民满意度测评" % (year, quarter),
            "scheme_id": scheme.id, "company_id": street.id,
            "date_range_id": period.id,
            "community_ids": [(6, 0, communities.ids)]})
        campaign.action_open()
        rows = []
        for community in communities:
            satisfied = min(0.97, max(0.3, quality[community.id]
                                      + rng.uniform(-0.12, 0.12)))
            basic = (1 - satisfied) * 0.8
            answered = rng.randint(scheme.min_sample, scheme.min_sample + 15)
            if current:
                # the quarter's survey is under way
                answered //= 2
            for number in range(answered):
                lines = []
                for indicator in indicators:
                    draw = rng.random()
                    answer = ("satisfied" if draw < satisfied else "basic"
                              if draw < satisfied + basic else "dissatisfied")
                    lines.append((indicator.id, answer, 0.0, points[answer]))
                rows.append((community.id, "%s-%s-%s-%03d" % (
                    community.code or community.id, year, quarter,
                    number + 1), lines))
        campaign._insert_done_sheets(rows, source="import")
        if current:
            campaign.action_compute()
        else:
            campaign.action_close()


def _departments(env):
    """The functional departments the communities rate: those of the
    database, or the demo district's (as partners, the targets of a
    department rating) when there are none."""
    Partner = env["res.partner"]
    departments = Partner.search(
        [("organisation_type", "=", "department")], limit=10)
    if departments:
        return departments
    for name in DEPARTMENTS:
        departments |= Partner.create({
            "name": name, "is_company": True,
            "organisation_type": "department", "company_id": False})
    return departments


def _department_rating(env, street, year):
    """This year's rating of the departments, open, with the demo
    evaluator's sheets to fill in: the work they land on."""
    evaluator = env["res.users"].search([("login", "=", "evaluator")],
                                        limit=1)
    if not evaluator:
        return
    departments = _departments(env)
    period = _range(env, "date_range_type_year_demo", "年度",
                    "%s年" % year, datetime.date(year, 1, 1),
                    datetime.date(year, 12, 31))
    campaign = env["eval.campaign"].create({
        "name": "%s年社区评议职能部门" % year,
        "scheme_id": env.ref(
            "community_eval.eval_scheme_community_department").id,
        "company_id": street.id, "date_range_id": period.id,
        "department_ids": [(6, 0, departments.ids)],
        "evaluator_ids": [(6, 0, evaluator.ids)]})
    campaign.action_open()


def _field(env, model, name):
    return env["ir.model.fields"].search(
        [("model", "=", model), ("name", "=", name)], limit=1)


def _rule(env, street, name, model, target, date, aggregate="count",
          field=None, domain="[]", denominator=None):
    return env["eval.rule"].create({
        "name": name, "company_id": street.id,
        "model_id": env["ir.model"]._get(model).id,
        "aggregate": aggregate,
        "field_id": field and _field(env, model, field).id,
        "target_field_id": _field(env, model, target).id,
        "date_field_id": _field(env, model, date).id,
        "domain": domain,
        "denominator_rule_id": denominator and denominator.id,
    })


def _grid_staff_assessments(env, street, today, rng):
    """The grid officers' monthly assessment of the ``PAST_MONTHS`` months
    before ``today``'s: what a street configures once community_grid is
    installed."""
    officers = env.ref(roles.GRID_OFFICER).users.filtered(
        lambda user: street in user.company_ids)
    if not officers:
        return
    visits = _rule(env, street, "网格员走访户次", "grid.visit", "officer_id",
                   "date")
    closed = _rule(env, street, "经办结案数", "grid.case", "handler_user_id",
                   "date_closed", domain="[('date_closed', '!=', False)]")
    on_time = _rule(env, street, "按时结案率", "grid.case", "handler_user_id",
                    "date_closed", domain="[('closed_on_time', '=', True)]",
                    denominator=closed)
    reopened = _rule(env, street, "重办次数", "grid.case", "handler_user_id",
                     "date_closed", aggregate="sum", field="reopen_count")
    dissatisfied = _rule(
        env, street, "不满意评价数", "grid.case", "handler_user_id",
        "date_closed", domain="[('satisfaction', '=', 'dissatisfied')]")
    scheme = env["eval.scheme"].create({
        "name": "网格员月度考核", "code": "GRID-STAFF-MONTHLY",
        "company_id": street.id, "evaluator_kind": "supervisor",
        "target_type": "staff", "period_type": "month",
        "indicator_ids": [
            (0, 0, {"name": "主管评分", "sequence": 1, "weight": 2,
                    "scale": "points"}),
            (0, 0, {"name": "走访户次", "sequence": 2, "weight": 1,
                    "source": "computed", "rule_id": visits.id,
                    "target_value": 30}),
            (0, 0, {"name": "按时结案率", "sequence": 3, "weight": 1,
                    "source": "computed", "rule_id": on_time.id}),
            (0, 0, {"name": "重办扣分", "sequence": 4, "kind": "deduction",
                    "source": "computed", "rule_id": reopened.id,
                    "points_per_unit": 2}),
            (0, 0, {"name": "不满意评价扣分", "sequence": 5,
                    "kind": "deduction", "source": "computed",
                    "rule_id": dissatisfied.id, "points_per_unit": 1}),
        ]})
    marks = scheme.indicator_ids.filtered(
        lambda indicator: indicator.source == "entered")
    for back in range(PAST_MONTHS, 0, -1):
        start = _month_start(today, back)
        end = _month_end(start)
        period = _range(env, "date_range_type_month_demo", "月度",
                        "%s年%s月" % (start.year, start.month), start, end)
        campaign = env["eval.campaign"].create({
            "name": "%s年%s月网格员考核" % (start.year, start.month),
            "scheme_id": scheme.id, "company_id": street.id,
            "date_range_id": period.id,
            "staff_ids": [(6, 0, officers.ids)]})
        campaign.action_open()
        rows = []
        for officer in officers:
            points = float(rng.randint(75, 98))
            rows.append((officer.id, None, [
                (indicator.id, None, points, points) for indicator in marks]))
        campaign._insert_done_sheets(rows, source="paper")
        campaign.action_close()
