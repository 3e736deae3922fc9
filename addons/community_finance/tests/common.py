# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.community_base.tests.common import CommunityCase, StreetRoleCase


class FinanceRoleCase(StreetRoleCase):
    """The street roles plus a finance officer, and one budget set against
    one budgetary position."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance_officer = cls._create_user(
            "finance_officer", "community_finance.group_finance_officer")
        cls.expense_account = cls.env["account.account"].create({
            "code": "STREET6001",
            "name": "Community work funds",
            "user_type_id": cls.env.ref("account.data_account_type_expenses").id,
        })
        cls.budget_post = cls.env["account.budget.post"].create({
            "name": "Community work funds",
            "account_ids": [(6, 0, cls.expense_account.ids)],
        })
        cls.budget = cls.env["crossovered.budget"].create({
            "name": "Street budget",
            "date_from": "2026-01-01",
            "date_to": "2026-12-31",
        })


class FinanceCase(CommunityCase):
    """CommunityCase (streets A and B, communities A1, A2 and B1 with their
    households, a user per street role) plus finance: street A's chart of
    accounts and finance set-up, a finance officer in each street and
    helpers to build budgets and post expenses. Built without demo data;
    the tests of both finance parts build on it.

    Street A's set-up gives ``expense_account`` (5602), ``funds_account``
    (1012), ``bank_account``, ``budget_post`` (on the expense account),
    ``finance_journal`` (FIN) and ``expense_journal`` (a general journal
    for the expenses the tests post). Households: A1 has 2, A2 has 1, B1
    has 1 (``_add_households`` adds more in bulk).
    """

    YEAR = 2026

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance_officer = cls._create_user(
            "finance_officer", "community_finance.group_finance_officer")
        cls._set_street(cls.finance_officer, cls.street_a)
        cls.finance_officer_b = cls._create_user(
            "finance_officer_b", "community_finance.group_finance_officer")
        cls._set_street(cls.finance_officer_b, cls.street_b)
        cls.street_a._finance_setup()
        cls.currency = cls.street_a.currency_id
        cls.expense_account = cls.street_a.finance_expense_account_id
        cls.funds_account = cls.street_a.finance_funds_account_id
        cls.bank_account = cls.street_a._finance_bank_account()
        cls.budget_post = cls.street_a.finance_budget_post_id
        cls.finance_journal = cls.street_a.finance_journal_id
        cls.expense_journal = cls.env["account.journal"].create({
            "name": "Test expenses", "code": "TEXP", "type": "general",
            "company_id": cls.street_a.id})

    @classmethod
    def _add_households(cls, building, count, unit="9"):
        """Add ``count`` households to ``building``."""
        Household = cls.env["community.household"]
        for number in range(count):
            Household |= Household.create({
                "building_id": building.id, "unit": unit,
                "room": "%s%03d" % (unit, number)})
        return Household

    @classmethod
    def _create_budget(cls, street=None, year=None, name=None):
        street = street or cls.street_a
        year = year or cls.YEAR
        return cls.env["crossovered.budget"].create({
            "name": name or "Budget %s %s" % (street.name, year),
            "date_from": "%s-01-01" % year,
            "date_to": "%s-12-31" % year,
            "company_id": street.id,
        })

    @classmethod
    def _create_budget_line(cls, budget, community, amount, post=None,
                            **vals):
        vals.update({
            "crossovered_budget_id": budget.id,
            "community_id": community.id,
            "general_budget_id": (post or cls.budget_post).id,
            "planned_amount": amount,
        })
        vals.setdefault("date_from", budget.date_from)
        vals.setdefault("date_to", budget.date_to)
        return cls.env["crossovered.budget.lines"].create(vals)

    @classmethod
    def _approve_budget(cls, budget, user=None):
        """Submit and approve ``budget`` as a finance officer."""
        budget = budget.sudo((user or cls.finance_officer).id)
        budget.action_budget_confirm()
        budget.action_budget_validate()
        budget.invalidate_cache()
        return budget.sudo(cls.env.uid)

    @classmethod
    def _post_expense(cls, community, amount, date=None, account=None,
                      analytic=None, ref="Test expense"):
        """Post an expense of ``amount`` (positive) booked on the
        community's analytic account: debit the expense account, credit
        the bank."""
        date = date or "%s-03-15" % cls.YEAR
        analytic = analytic or community.analytic_account_id
        move = cls.env["account.move"].create({
            "journal_id": cls.expense_journal.id,
            "date": date,
            "ref": ref,
            "line_ids": [
                (0, 0, {"name": ref,
                        "account_id": (account or cls.expense_account).id,
                        "analytic_account_id": analytic.id,
                        "debit": amount, "credit": 0.0}),
                (0, 0, {"name": ref, "account_id": cls.bank_account.id,
                        "debit": 0.0, "credit": amount}),
            ],
        })
        move.post()
        return move
