# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The budget part of the demo street (``scripts/generate_demo.py``).

For each demo street of community_base: the finance set-up (Chinese chart
of accounts, transfer journal, default funding standards, an analytic
account per community, accounts for the shipped expense categories), the
transfers of the funds that the street's approved admission requests
opened before its finance existed, posted (the funds receive their money),
the budget of ``today``'s year created from the standards by the
allocation wizard, approved, its allocations transferred, some posted
expenses per community between 1 January and ``today`` and some open
commitments, so that the budget execution and the final accounts have
figures and a line's available amount differs from its variance; and the
staff subsidies of each community's head and deputy, paid every month of
the half year up to last month. ``today`` is the street's today unless
given. Idempotent: a street whose XML id marker exists is left alone.
"""
import datetime
import random

from odoo import SUPERUSER_ID, api, fields

from odoo.addons.community_base.tools.demo_loader import demo_today

MODULE = "community_finance"
STREET_XMLIDS = ("community_base.street_1_demo", "community_base.street_2_demo")
#: what the demo communities spend, as labels of their expense entries
EXPENSES = ["社区活动物料", "办公用品采购", "志愿者服务补贴", "宣传资料印刷",
            "社区环境整治", "便民服务设备维护"]
#: what the demo communities have committed and not yet been billed for
COMMITMENTS = ["重阳节敬老活动", "楼道照明改造", "社区图书角采购"]
#: the shipped staff subsidy standards each community pays
SUBSIDY_STANDARDS = ("community_finance.finance_subsidy_standard_head",
                     "community_finance.finance_subsidy_standard_deputy")
#: months of staff subsidies paid, up to last month
SUBSIDY_MONTHS = 6
SUBSIDY_BANK = "中国工商银行北京朝阳支行"


def load_demo(env, seed=1, scale=0.05, today=None):
    """Write the budget of each demo street for the year of ``today``
    (default: the street's today; as superuser; the caller commits).
    Returns ``{"created": bool, "counts": {...}}``."""
    # names the code gives (budget, standards, journal) in the street's
    # language
    # sudo: the demo loader is run from the command line by the operator, not reachable
    #   by users
    env = api.Environment(env.cr, SUPERUSER_ID, dict(
        env.context, tracking_disable=True, mail_create_nolog=True,
        mail_notrack=True, lang="zh_CN"))
    created = False
    rng = random.Random(seed)
    today = demo_today(env, today)
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
    today = demo_today(env, today)
    year = today.year
    street._finance_setup()
    _post_fund_transfers(env, street)
    # households are counted as registered in the system: the demo
    # register was written today (the real day, whatever day the street
    # is dated from)
    wizard = env["finance.allocation.wizard"].create({
        "company_id": street.id, "year": year,
        "count_date": fields.Date.context_today(env.user),
    })
    wizard.action_compute()
    wizard.action_create_budget_lines()
    budget = wizard.budget_id
    budget.action_budget_confirm()
    budget.action_budget_validate()
    # the wizard's transfers, on the day the street is dated from
    env["finance.allocation"].search([
        ("year", "=", year), ("company_id", "=", street.id),
        ("state", "=", "draft")])._transfer(date=fields.Date.to_string(today))
    _post_expenses(env, street, budget, rng, today)
    _commit_budget(env, budget, rng)
    _pay_subsidies(env, street, rng, today)
    env["ir.model.data"].create({
        "module": MODULE, "name": marker, "model": budget._name,
        "res_id": budget.id, "noupdate": True,
    })
    return True


def _post_expenses(env, street, budget, rng, today):
    """Spend part of each community's budget: a few entries per
    community, from the street's bank on its expense account, dated
    between 1 January and ``today``."""
    journal = env["account.journal"].search([
        ("company_id", "=", street.id), ("type", "=", "bank")],
        order="sequence, id", limit=1)
    bank_account = street._finance_bank_account()
    expense_account = street.finance_expense_account_id
    start = datetime.date(today.year, 1, 1)
    elapsed = (today - start).days
    moves = env["account.move"]
    for line in budget.crossovered_budget_line.filtered("community_id"):
        spend = line.planned_amount * rng.uniform(0.2, 0.6)
        for part in range(rng.randint(1, 3)):
            amount = line.currency_id.round(spend / (part + 1) / 2)
            if amount <= 0:
                continue
            label = "%s - %s" % (line.community_id.name, rng.choice(EXPENSES))
            date = start + datetime.timedelta(
                days=int(rng.random() * (elapsed + 1)))
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


def _post_fund_transfers(env, street):
    """Post the drafted transfers of the street's funds opened by admission
    requests (the set-up drafts those the approval could not)."""
    funds = env["finance.fund"].search([
        ("company_id", "=", street.id),
        ("admission_request_id", "!=", False),
        ("transfer_move_id.state", "=", "draft")])
    funds.action_post_transfer()
    return funds


def _commit_budget(env, budget, rng):
    """Open commitments on half the community lines: spending approved
    whose bills are not posted yet."""
    Commitment = env["finance.commitment"]
    lines = budget.crossovered_budget_line.filtered("community_id")
    for line in lines.sorted("id")[::2]:
        amount = line.currency_id.round(
            line.planned_amount * rng.uniform(0.05, 0.15))
        if amount <= 0:
            continue
        Commitment |= Commitment.commit_budget(
            line, amount, name="%s - %s" % (
                line.community_id.name, rng.choice(COMMITMENTS)))
    return Commitment


def _pay_subsidies(env, street, rng, today):
    """A head and a deputy per community, paid the shipped standards from
    their bank accounts by a posted run for each of the
    ``SUBSIDY_MONTHS`` months before ``today``'s month."""
    standards = [env.ref(xmlid, raise_if_not_found=False)
                 for xmlid in SUBSIDY_STANDARDS]
    payable = env["account.account"].search([
        ("company_id", "=", street.id), ("internal_type", "=", "payable")],
        order="code", limit=1)
    if not all(standards) or not payable:
        return env["finance.subsidy.run"]
    bank = env["res.bank"].search([("name", "=", SUBSIDY_BANK)], limit=1) \
        or env["res.bank"].create({"name": SUBSIDY_BANK})
    communities = env["community.community"].search(
        [("company_id", "=", street.id)], order="code, id")
    for community in communities:
        residents = env["community.resident"].search([
            ("community_id", "=", community.id),
            ("relation", "in", ("head", "spouse"))], order="id")
        for standard in standards:
            name = rng.choice(residents).name if residents else "%s%s" % (
                community.name, standard.name)
            partner = env["res.partner"].create({"name": name})
            account = env["res.partner.bank"].create({
                "acc_number": "6222%015d" % rng.randint(0, 10 ** 15 - 1),
                "partner_id": partner.id, "bank_id": bank.id})
            env["finance.subsidy.holder"].create({
                "partner_id": partner.id, "standard_id": standard.id,
                "community_id": community.id,
                "bank_account_id": account.id,
                "date_start": fields.Date.to_string(
                    today - datetime.timedelta(days=rng.randint(400, 1400))),
            })
    runs = env["finance.subsidy.run"]
    for back in range(SUBSIDY_MONTHS, 0, -1):
        month = today.month - back
        year = today.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        runs |= runs.create({
            "company_id": street.id, "year": year, "month": str(month),
            "journal_id": street.finance_journal_id.id,
            "expense_account_id": street.finance_expense_account_id.id,
            "payable_account_id": payable.id,
        })
    runs.action_post()
    return runs


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
        "finance.subsidy.run": env["finance.subsidy.run"].search_count(
            domain),
        "finance.commitment": env["finance.commitment"].search_count(
            domain),
    }
