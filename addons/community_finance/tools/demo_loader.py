# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The budget part of the demo street (``scripts/generate_demo.py``).

For each demo street of community_base: the finance set-up (Chinese chart
of accounts, transfer journal, default funding standards, an analytic
account per community), the year's budget created from the standards by
the allocation wizard, approved, its allocations transferred, and some
posted expenses per community, so that the budget execution and the final
accounts have figures. Idempotent: a street whose XML id marker exists is
left alone.
"""
import datetime
import random

from odoo import SUPERUSER_ID, api, fields

MODULE = "community_finance"
STREET_XMLIDS = ("community_base.street_1_demo", "community_base.street_2_demo")
#: what the demo communities spend, as labels of their expense entries
EXPENSES = ["社区活动物料", "办公用品采购", "志愿者服务补贴", "宣传资料印刷",
            "社区环境整治", "便民服务设备维护"]


def load_demo(env, seed=1, scale=0.05, today=None):
    """Write the budget of each demo street (as superuser; the caller
    commits). Returns ``{"created": bool, "counts": {...}}``."""
    # names the code gives (budget, standards, journal) in the street's
    # language
    # sudo: the demo loader is run from the command line by the operator, not reachable
    #   by users
    env = api.Environment(env.cr, SUPERUSER_ID, dict(
        env.context, tracking_disable=True, mail_create_nolog=True,
        mail_notrack=True, lang="zh_CN"))
    created = False
    rng = random.Random(seed)
    streets = env["res.company"]
    for xmlid in STREET_XMLIDS:
        street = env.ref(xmlid, raise_if_not_found=False)
        if not street:
            continue
        streets |= street
        created = load_street(env, street, rng, today) or created
    return {"created": created, "counts": _counts(env, streets)}


def _marker(street):
    return "finance_budget_street_%d_demo" % street.id


def load_street(env, street, rng, today=None):
    """The finance of one street; False when it is already there."""
    marker = _marker(street)
    if env.ref("%s.%s" % (MODULE, marker), raise_if_not_found=False):
        return False
    today = today or datetime.date.today()
    year = today.year
    street._finance_setup()
    # households are counted as registered in the system: the demo
    # register was written today
    wizard = env["finance.allocation.wizard"].create({
        "company_id": street.id, "year": year,
        "count_date": fields.Date.context_today(env.user),
    })
    wizard.action_compute()
    wizard.action_create_budget_lines()
    budget = wizard.budget_id
    budget.action_budget_confirm()
    budget.action_budget_validate()
    wizard.action_confirm_transfers()
    _post_expenses(env, street, budget, rng, today)
    env["ir.model.data"].create({
        "module": MODULE, "name": marker, "model": budget._name,
        "res_id": budget.id, "noupdate": True,
    })
    return True


def _post_expenses(env, street, budget, rng, today):
    """Spend part of each community's budget: a few entries per
    community, from the street's bank on its expense account, dated in
    the first months of the year (up to the demo's today)."""
    journal = env["account.journal"].search([
        ("company_id", "=", street.id), ("type", "=", "bank")],
        order="sequence, id", limit=1)
    bank_account = street._finance_bank_account()
    expense_account = street.finance_expense_account_id
    start = datetime.date(today.year, 1, 1)
    span = max((today - start).days, 0) + 150
    moves = env["account.move"]
    for line in budget.crossovered_budget_line.filtered("community_id"):
        spend = line.planned_amount * rng.uniform(0.2, 0.6)
        for part in range(rng.randint(1, 3)):
            amount = line.currency_id.round(spend / (part + 1) / 2)
            if amount <= 0:
                continue
            label = "%s - %s" % (line.community_id.name, rng.choice(EXPENSES))
            date = min(start + datetime.timedelta(days=rng.randint(0, span)),
                       datetime.date(today.year, 12, 31))
            moves |= env["account.move"].create({
                "journal_id": journal.id,
                "date": fields.Date.to_string(date),
                "ref": label,
                "line_ids": [
                    (0, 0, {"name": label,
                            "account_id": (line.general_budget_id.account_ids[
                                :1] or expense_account).id,
                            "analytic_account_id":
                                line.analytic_account_id.id,
                            "debit": amount, "credit": 0.0}),
                    (0, 0, {"name": label, "account_id": bank_account.id,
                            "debit": 0.0, "credit": amount}),
                ],
            })
    moves.post()
    return moves


def _counts(env, streets):
    domain = [("company_id", "in", streets.ids)]
    return {
        "crossovered.budget": env["crossovered.budget"].search_count(domain),
        "crossovered.budget.lines": env[
            "crossovered.budget.lines"].search_count(domain),
        "finance.allocation": env["finance.allocation"].search_count(domain),
        "finance.fund.standard": env[
            "finance.fund.standard"].search_count(domain),
        "account.move": env["account.move"].search_count(domain),
    }
