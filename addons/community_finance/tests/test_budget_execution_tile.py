# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dashboard's budget execution rate (预算执行率): executed ÷ budgeted
of this fiscal year's approved budget lines, with the reader's rights."""
from odoo.exceptions import AccessError, ValidationError

from .common import FinanceCase


class TestBudgetExecutionTile(FinanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tile = cls.env.ref("community_finance.community_kpi_budget_execution")
        cls.grid_officer = cls._create_user(
            "exec_grid_officer", "base.group_user")
        cls._set_street(cls.grid_officer, cls.street_a)
        cls.budget = cls._create_budget()
        cls.line_a1 = cls._create_budget_line(
            cls.budget, cls.community_a1, 1000.0)
        cls.leader_b = cls._create_user(
            "exec_leader_b", "community_base.group_leader")
        cls._set_street(cls.leader_b, cls.street_b)

    def figure(self, user, today="2026-11-25"):
        return self.tile.sudo(user).with_context(kpi_today=today).read(
            ["value", "value_display", "state", "trend_display"])[0]

    def test_rate_of_posted_expenses_over_the_budget(self):
        self._approve_budget(self.budget)
        self._post_expense(self.community_a1, 250.0)
        figure = self.figure(self.leader)
        self.assertAlmostEqual(figure["value"], 25.0)
        self.assertEqual(figure["value_display"], "25.0%")
        # the same figure as the budget line's own execution rate
        self.line_a1.invalidate_cache()
        self.assertAlmostEqual(self.line_a1.execution_rate, 25.0)
        row = self.env["finance.budget.execution.report"].search([
            ("budget_line_id", "=", self.line_a1.id)])
        self.assertEqual(row.planned_amount, 1000.0)
        self.assertEqual(row.actual_amount, 250.0)

    def test_rate_is_of_the_sums_not_an_average_of_rates(self):
        line_a2 = self._create_budget_line(
            self.budget, self.community_a2, 3000.0)
        self._approve_budget(self.budget)
        self._post_expense(self.community_a1, 500.0)    # 50% of 1,000
        self._post_expense(self.community_a2, 300.0)    # 10% of 3,000
        # (500 + 300) / (1,000 + 3,000), not (50% + 10%) / 2
        self.assertAlmostEqual(self.figure(self.leader)["value"], 20.0)
        self.assertTrue(line_a2)

    def test_draft_budget_and_other_years_do_not_count(self):
        self._post_expense(self.community_a1, 250.0)
        figure = self.figure(self.leader)
        self.assertEqual(figure["value_display"], "—")
        self._approve_budget(self.budget)
        self.assertAlmostEqual(self.figure(self.leader)["value"], 25.0)
        # in 2027 the 2026 budget is no longer this fiscal year's
        self.assertEqual(self.figure(self.leader, today="2027-02-01")[
            "value_display"], "—")
        # the trend shows the fiscal years, this one last
        self.assertTrue(self.figure(self.leader)["trend_display"].endswith(
            "25.0%"))

    def test_expense_outside_the_line_does_not_count(self):
        self._approve_budget(self.budget)
        self._post_expense(self.community_a1, 250.0)
        self._post_expense(self.community_a1, 100.0, date="2027-01-05")
        self._post_expense(self.community_a1, 100.0, account=self.bank_account)
        self.assertAlmostEqual(self.figure(self.leader)["value"], 25.0)

    def test_each_reader_sees_the_rate_of_what_they_may_read(self):
        line_a2 = self._create_budget_line(
            self.budget, self.community_a2, 3000.0)
        self._approve_budget(self.budget)
        self._post_expense(self.community_a1, 250.0)
        self._post_expense(self.community_a2, 1500.0)
        self.assertAlmostEqual(self.figure(self.leader)["value"], 43.75)
        self.assertAlmostEqual(
            self.figure(self.finance_officer)["value"], 43.75)
        self.assertAlmostEqual(
            self.figure(self.community_clerk)["value"], 25.0)
        self.assertAlmostEqual(
            self.figure(self.community_clerk_a2)["value"], 50.0)
        # street B reads none of street A's budget
        self.assertEqual(self.figure(self.leader_b)["value_display"], "—")
        self.assertTrue(line_a2)

    def test_users_without_a_finance_role_neither_see_nor_read_it(self):
        Kpi = self.env["community.kpi"].sudo(self.grid_officer)
        self.assertNotIn(self.tile, Kpi.search([]))
        with self.assertRaises(AccessError):
            self.env["finance.budget.execution.report"].sudo(
                self.grid_officer).search([])
        with self.assertRaises(AccessError):
            self.env["finance.budget.execution.report"].sudo(
                self.leader).create({})

    def test_drill_down_opens_the_budget_lines_counted(self):
        self._approve_budget(self.budget)
        action = self.tile.sudo(self.leader).with_context(
            kpi_today="2026-11-25").action_open_records()
        self.assertEqual(action["res_model"], "finance.budget.execution.report")
        rows = self.env[action["res_model"]].sudo(self.leader).search(
            action["domain"])
        self.assertEqual(rows.mapped("budget_line_id"), self.line_a1)
        line_action = rows.action_open_budget_line()
        self.assertEqual(line_action["res_model"], "crossovered.budget.lines")
        self.assertEqual(line_action["res_id"], self.line_a1.id)

    def test_sum_ratio_needs_the_measure_it_is_a_share_of(self):
        with self.assertRaisesRegex(ValidationError, "Half-made rate"):
            self.env["community.kpi"].create({
                "name": "Half-made rate",
                "model_id": self.tile.model_id.id,
                "aggregate": "sum_ratio",
                "field_id": self.tile.field_id.id})
