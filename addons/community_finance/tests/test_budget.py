# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import FinanceCase


class TestFinanceSetup(FinanceCase):

    def test_setup_loads_chinese_chart_and_cny(self):
        self.assertEqual(
            self.street_a.chart_template_id,
            self.env.ref(
                "l10n_cn_small_business.l10n_chart_china_small_business"))
        self.assertEqual(self.currency, self.env.ref("base.CNY"))
        self.assertTrue(self.expense_account.code.startswith("5602"))
        self.assertTrue(self.funds_account.code.startswith("1012"))
        self.assertEqual(self.finance_journal.type, "general")
        self.assertEqual(self.finance_journal.company_id, self.street_a)
        self.assertEqual(self.budget_post.account_ids, self.expense_account)

    def test_setup_is_idempotent(self):
        journal = self.finance_journal
        standards = self.env["finance.fund.standard"].search([
            ("company_id", "=", self.street_a.id)])
        self.street_a._finance_setup()
        self.assertEqual(self.street_a.finance_journal_id, journal)
        self.assertEqual(self.env["finance.fund.standard"].search([
            ("company_id", "=", self.street_a.id)]), standards)

    def test_every_community_has_its_analytic_account(self):
        for community in (self.community_a1, self.community_a2):
            account = community.analytic_account_id
            self.assertTrue(account, community.name)
            self.assertEqual(account.company_id, self.street_a)
            self.assertEqual(account.code, community.code)

    def test_new_community_gets_analytic_account_at_once(self):
        community = self._create_community("A3", self.street_a)
        self.assertTrue(community.analytic_account_id)
        self.assertEqual(community.analytic_account_id.name, community.name)


class TestBudget(FinanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._create_budget()
        cls.line_a1 = cls._create_budget_line(
            cls.budget, cls.community_a1, 10000.0)
        cls.line_a2 = cls._create_budget_line(
            cls.budget, cls.community_a2, 4000.0)

    def test_line_takes_community_analytic_account(self):
        self.assertEqual(self.line_a1.analytic_account_id,
                         self.community_a1.analytic_account_id)

    def test_zero_or_negative_planned_amount_refused(self):
        for amount in (0.0, -100.0):
            budget = self._create_budget(name="Other %s" % amount)
            with self.assertRaisesRegex(ValidationError, "positive"):
                self._create_budget_line(budget, self.community_a1, amount)

    def test_line_counting_same_expenses_twice_refused(self):
        with self.assertRaisesRegex(ValidationError, "same expenses"):
            self._create_budget_line(self.budget, self.community_a1, 100.0)

    def test_lines_of_one_community_on_own_positions_accepted(self):
        work_funds = self.env["finance.fund.standard"].search([
            ("company_id", "=", self.street_a.id), ("code", "=", "CWF")])
        line = self._create_budget_line(
            self.budget, self.community_a1, 100.0,
            post=work_funds.budget_post_id)
        self.assertNotEqual(line.general_budget_id.account_ids,
                            self.line_a1.general_budget_id.account_ids)

    def test_community_of_other_street_refused(self):
        with self.assertRaisesRegex(ValidationError, "Community B1"):
            self._create_budget_line(self.budget, self.community_b1, 100.0)

    def test_line_outside_budget_period_refused(self):
        with self.assertRaisesRegex(ValidationError, "period"):
            self._create_budget_line(
                self._create_budget(name="Other"), self.community_a1, 100.0,
                date_from="2025-12-01", date_to="2026-06-30")

    def test_submit_without_lines_refused(self):
        budget = self._create_budget(name="Empty")
        with self.assertRaisesRegex(UserError, "Empty"):
            budget.sudo(self.finance_officer.id).action_budget_confirm()

    def test_submit_creates_reviews_and_approval_freezes_amounts(self):
        budget = self.budget.sudo(self.street_clerk.id)
        budget.action_budget_confirm()
        self.assertEqual(self.budget.state, "confirm")
        self.assertTrue(self.budget.review_ids)
        self.assertEqual(self.budget.phase, "proposed")
        self.budget.sudo(self.finance_officer.id).action_budget_validate()
        self.assertEqual(self.budget.state, "validate")
        self.assertEqual(self.budget.phase, "approved")
        self.assertEqual(self.line_a1.approved_amount, 10000.0)
        self.assertEqual(self.budget.total_approved, 14000.0)

    def test_clerk_cannot_approve(self):
        self.budget.sudo(self.street_clerk.id).action_budget_confirm()
        with self.assertRaisesRegex(AccessError, "still waits"):
            self.budget.sudo(self.street_clerk.id).action_budget_validate()
        self.assertEqual(self.budget.state, "confirm")

    def test_clerk_cannot_change_submitted_budget(self):
        self.budget.sudo(self.street_clerk.id).action_budget_confirm()
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            self.line_a1.sudo(self.street_clerk.id).planned_amount = 1.0
        self.assertEqual(self.line_a1.planned_amount, 10000.0)

    def test_figures_from_posted_expenses(self):
        self._approve_budget(self.budget)
        self._post_expense(self.community_a1, 2500.0)
        self._post_expense(self.community_a1, 1500.0, date="2026-06-30")
        # another community's expense does not count on A1's line
        self._post_expense(self.community_a2, 1000.0)
        self.line_a1.invalidate_cache()
        self.assertEqual(self.line_a1.actual_amount, 4000.0)
        self.assertEqual(self.line_a1.available_amount, 6000.0)
        self.assertEqual(self.line_a1.variance_amount, 6000.0)
        self.assertAlmostEqual(self.line_a1.execution_rate, 40.0)
        self.assertAlmostEqual(self.line_a2.execution_rate, 25.0)
        self.assertEqual(self.budget.total_actual, 5000.0)
        self.assertAlmostEqual(
            self.budget.execution_rate, 5000.0 / 14000.0 * 100, places=2)

    def test_expense_outside_budget_year_not_counted(self):
        self._approve_budget(self.budget)
        self._post_expense(self.community_a1, 700.0, date="2027-01-05")
        self.assertEqual(self.line_a1.actual_amount, 0.0)
        self.assertEqual(self.line_a1.execution_rate, 0.0)

    def test_close_budget_is_executed_phase(self):
        self._approve_budget(self.budget)
        self.budget.sudo(self.finance_officer.id).action_budget_done()
        self.assertEqual(self.budget.phase, "executed")

    def test_clerk_cannot_close_budget(self):
        self._approve_budget(self.budget)
        with self.assertRaises(UserError):
            self.budget.sudo(self.street_clerk.id).action_budget_done()

    def test_reject_and_resubmit(self):
        self.budget.sudo(self.street_clerk.id).action_budget_confirm()
        self.budget.sudo(self.finance_officer.id).action_budget_cancel()
        self.assertEqual(self.budget.state, "cancel")
        self.budget.sudo(self.street_clerk.id).action_budget_draft()
        self.assertEqual(self.budget.state, "draft")
        self.assertFalse(self.budget.review_ids)

    def test_approved_line_cannot_be_deleted(self):
        self._approve_budget(self.budget)
        with self.assertRaises(UserError):
            self.line_a1.sudo(self.finance_officer.id).unlink()
