# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A budget line's actual amount and execution rate have one definition
(crossovered_budget_lines.py): the line, the budget execution view behind
the dashboard tile and the final accounts workbook give the same figures
on the same data."""
from odoo.addons.community_finance.report.finance_final_accounts_xlsx import (
    FinanceFinalAccountsXlsx,
)

from .common import FinanceCase


class TestBudgetActualDefinition(FinanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._create_budget()
        cls.line_a1 = cls._create_budget_line(
            cls.budget, cls.community_a1, 1000.0)
        cls.line_a2 = cls._create_budget_line(
            cls.budget, cls.community_a2, 3000.0)
        cls._approve_budget(cls.budget)
        # a line without any entry: next year's budget of community A1
        cls.budget_next = cls._create_budget(year=cls.YEAR + 1)
        cls.line_empty = cls._create_budget_line(
            cls.budget_next, cls.community_a1, 800.0)
        cls._approve_budget(cls.budget_next)
        # A1: an expense, an open commitment (not actual), an expense on a
        # later date and entries outside the line (another account, a date
        # outside the budget)
        cls._post_expense(cls.community_a1, 250.0)
        cls._post_expense(cls.community_a1, 100.0, date="2026-09-01")
        cls._post_expense(cls.community_a1, 70.0, account=cls.bank_account)
        cls.env["finance.commitment"].sudo(
            cls.finance_officer.id).commit_budget(cls.line_a1, 300.0)
        # A2, another community: its own expense and an approved increase
        cls._post_expense(cls.community_a2, 1500.0)
        adjustment = cls.env["finance.budget.adjustment"].sudo(
            cls.street_clerk.id).create({
                "budget_id": cls.budget.id,
                "adjustment_type": "increase",
                "reason": "More activities",
                "line_ids": [(0, 0, {"budget_line_id": cls.line_a2.id,
                                     "amount": 1000.0})],
            })
        adjustment.sudo(cls.street_clerk.id).action_submit()
        adjustment.sudo(cls.finance_officer.id).action_approve()
        cls.lines = cls.line_a1 | cls.line_a2 | cls.line_empty
        cls.lines.invalidate_cache()

    def rows(self):
        rows = self.env["finance.budget.execution.report"].search([
            ("budget_line_id", "in", self.lines.ids)])
        return {row.budget_line_id: row for row in rows}

    def test_line_figures_on_known_data(self):
        # the figures the definition must give, so the comparison below
        # cannot pass on two equally wrong sides
        self.assertEqual(self.line_a1.actual_amount, 350.0)
        self.assertEqual(self.line_a1.committed_amount, 300.0)
        self.assertAlmostEqual(self.line_a1.execution_rate, 35.0)
        self.assertEqual(self.line_a2.planned_amount, 4000.0)
        self.assertEqual(self.line_a2.adjusted_amount, 1000.0)
        self.assertEqual(self.line_a2.actual_amount, 1500.0)
        self.assertAlmostEqual(self.line_a2.execution_rate, 37.5)
        self.assertEqual(self.line_empty.actual_amount, 0.0)
        self.assertEqual(self.line_empty.execution_rate, 0.0)
        # Odoo's practical amount is the same sum, with an expense's sign
        for line in self.lines:
            self.assertEqual(line.actual_amount, -line.practical_amount)

    def test_view_actual_and_rate_equal_the_lines(self):
        rows = self.rows()
        self.assertEqual(set(rows), set(self.lines))
        for line in self.lines:
            row = rows[line]
            self.assertEqual(row.planned_amount, line.planned_amount)
            self.assertEqual(row.actual_amount, line.actual_amount)
            self.assertEqual(row.execution_rate, line.execution_rate)
        self.assertEqual(rows[self.line_a1].actual_amount, 350.0)
        self.assertEqual(rows[self.line_a2].actual_amount, 1500.0)
        self.assertEqual(rows[self.line_empty].actual_amount, 0.0)

    def test_view_follows_new_entries_like_the_line(self):
        self._post_expense(self.community_a2, 500.0)
        self.lines.invalidate_cache()
        row = self.rows()[self.line_a2]
        self.assertEqual(self.line_a2.actual_amount, 2000.0)
        self.assertEqual(row.actual_amount, self.line_a2.actual_amount)
        self.assertAlmostEqual(row.execution_rate, 50.0)

    def test_report_period_narrows_the_line_actual(self):
        """Reports up to a date (the monthly pack) narrow the line's
        period as Odoo's practical amount does."""
        line = self.line_a1.with_context(wizard_date_to="2026-06-30")
        self.assertEqual(line.actual_amount, 250.0)
        self.assertEqual(line.actual_amount, -line.practical_amount)

    def test_workbook_rate_is_the_lines(self):
        xlsx = FinanceFinalAccountsXlsx._rate
        currency = self.budget.currency_id
        for line in self.line_a1 | self.line_a2:
            self.assertAlmostEqual(
                xlsx(line.actual_amount, line.planned_amount, currency) * 100,
                line.execution_rate, places=2)
        self.assertEqual(xlsx(0.0, 0.0, currency), 0.0)
        # the totals row: the rate of the sums, the budget's own rate
        self.assertAlmostEqual(
            xlsx(self.budget.total_actual, self.budget.total_planned,
                 currency) * 100, self.budget.execution_rate, places=2)
        self.assertAlmostEqual(self.budget.execution_rate, 1850.0 / 50.0)
