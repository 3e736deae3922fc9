# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import random

from ..tools import demo_loader
from .common import FinanceCase


class TestDemoLoader(FinanceCase):

    def test_street_gets_approved_budget_transfers_and_expenses(self):
        today = datetime.date(2026, 6, 30)
        self.assertTrue(demo_loader.load_street(
            self.env, self.street_a, random.Random(1), today))
        budget = self.env["crossovered.budget"].search([
            ("company_id", "=", self.street_a.id), ("year", "=", 2026)])
        self.assertEqual(budget.state, "validate")
        # A1 and A2, three default standards each
        self.assertEqual(len(budget.crossovered_budget_line), 6)
        allocations = self.env["finance.allocation"].search([
            ("company_id", "=", self.street_a.id)])
        self.assertEqual(set(allocations.mapped("state")), {"transferred"})
        self.assertGreater(budget.total_actual, 0.0)
        self.assertLess(budget.total_actual, budget.total_planned)

    def _check_dated_from(self, today):
        demo_loader.load_street(
            self.env, self.street_a, random.Random(1), today)
        budget = self.env["crossovered.budget"].search([
            ("company_id", "=", self.street_a.id)])
        self.assertEqual(len(budget), 1)
        self.assertEqual(budget.date_from, "%d-01-01" % today.year)
        expenses = budget.crossovered_budget_line.mapped(
            "analytic_account_id.line_ids")
        self.assertTrue(expenses)
        dates = expenses.mapped("date")
        self.assertGreaterEqual(min(dates), budget.date_from)
        self.assertLessEqual(max(dates), str(today))
        # the subsidies of the half year up to last month, paid
        runs = self.env["finance.subsidy.run"].search([
            ("company_id", "=", self.street_a.id)])
        self.assertEqual(
            sorted((int(run.year), int(run.month)) for run in runs),
            _months_before(today, demo_loader.SUBSIDY_MONTHS))
        self.assertEqual(set(runs.mapped("state")), {"posted"})
        self.assertTrue(all(run.amount_total > 0 for run in runs))

    def test_dated_from_a_day_in_winter(self):
        self._check_dated_from(datetime.date(2026, 12, 5))

    def test_dated_from_a_day_in_spring(self):
        # the half year of subsidies reaches into the year before
        self._check_dated_from(datetime.date(2027, 3, 2))

    def test_rerun_writes_nothing(self):
        today = datetime.date(2026, 6, 30)
        demo_loader.load_street(
            self.env, self.street_a, random.Random(1), today)
        moves = self.env["account.move"].search_count([
            ("company_id", "=", self.street_a.id)])
        self.assertFalse(demo_loader.load_street(
            self.env, self.street_a, random.Random(1), today))
        self.assertEqual(self.env["account.move"].search_count([
            ("company_id", "=", self.street_a.id)]), moves)

    def test_load_demo_without_demo_street_creates_nothing(self):
        if self.env.ref("community_base.street_1_demo",
                        raise_if_not_found=False):
            self.skipTest("the database holds the demo street")
        result = demo_loader.load_demo(self.env)
        self.assertFalse(result["created"])


def _months_before(day, count):
    """(year, month) of the ``count`` months before ``day``'s, oldest
    first."""
    months = []
    year, month = day.year, day.month
    for _index in range(count):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        months.insert(0, (year, month))
    return months
