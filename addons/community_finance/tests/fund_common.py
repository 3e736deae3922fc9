# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import FinanceCase


class FundCase(FinanceCase):
    """FinanceCase plus what the dedicated funds need: an income account
    for money received, a transfer account and a second expense account
    outside the office category, the categories wired to street A's
    accounts, and a fund of street A allowed office expenses only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]
        expense_type = cls.env.ref("account.data_account_type_expenses")
        cls.income_account = Account.create({
            "code": "530199", "name": "Grants received",
            "user_type_id": cls.env.ref(
                "account.data_account_type_other_income").id,
            "company_id": cls.street_a.id})
        cls.transfer_account = Account.create({
            "code": "560299", "name": "Transfers to communities",
            "user_type_id": expense_type.id, "company_id": cls.street_a.id})
        cls.other_expense_account = Account.create({
            "code": "560298", "name": "Entertainment",
            "user_type_id": expense_type.id, "company_id": cls.street_a.id})
        cls.category_office = cls.env.ref(
            "community_finance.finance_expense_category_office")
        cls.category_office.account_ids = cls.expense_account
        cls.category_transfer = cls.env.ref(
            "community_finance.finance_expense_category_community_transfer")
        cls.category_transfer.account_ids = cls.transfer_account
        cls.fund = cls._create_fund("Elderly care fund", "F-ELDER")

    @classmethod
    def _create_fund(cls, name, code, categories=None, street=None, **vals):
        vals.update({
            "name": name, "code": code,
            "company_id": (street or cls.street_a).id,
            "purpose": "Meals for the elderly living alone",
            "source": "treasury",
            "income_account_id": cls.income_account.id,
            "journal_id": cls.finance_journal.id,
            "expense_category_ids": [(6, 0, (
                categories if categories is not None
                else cls.category_office).ids)],
        })
        return cls.env["finance.fund"].create(vals)

    @classmethod
    def _receive(cls, fund, amount, date="2026-02-01"):
        """Post the receipt of ``amount`` into ``fund``: debit the bank,
        credit the fund's income on its analytic account."""
        move = cls.env["account.move"].create({
            "journal_id": cls.finance_journal.id,
            "date": date,
            "ref": "Receipt %s" % fund.code,
            "line_ids": [
                (0, 0, {"name": "Bank", "account_id": cls.bank_account.id,
                        "debit": amount, "credit": 0.0}),
                (0, 0, {"name": "Grant %s" % fund.code,
                        "account_id": fund.income_account_id.id,
                        "analytic_account_id": fund.analytic_account_id.id,
                        "debit": 0.0, "credit": amount}),
            ],
        })
        move.post()
        return move

    @classmethod
    def _spend_move(cls, fund, amount, account, label="Meals in March"):
        """A draft entry spending ``amount`` of ``fund`` on ``account``."""
        return cls.env["account.move"].create({
            "journal_id": cls.expense_journal.id,
            "date": "2026-03-15",
            "ref": label,
            "line_ids": [
                (0, 0, {"name": label, "account_id": account.id,
                        "analytic_account_id": fund.analytic_account_id.id,
                        "debit": amount, "credit": 0.0}),
                (0, 0, {"name": "Bank", "account_id": cls.bank_account.id,
                        "debit": 0.0, "credit": amount}),
            ],
        })
