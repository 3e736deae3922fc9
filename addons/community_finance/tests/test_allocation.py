# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common import FinanceCase


class TestAllocation(FinanceCase):
    """A known data set: on 31 December 2025 community A1 had 35
    households and A2 had 10; five more households of A1 arrived in
    February 2026 and must not be counted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._add_households(cls.building_a1, 38)   # A1: 2 + 38 = 40
        cls._add_households(cls.building_a2, 9)    # A2: 1 + 9 = 10
        households = cls.env["community.household"].search([
            ("company_id", "=", cls.street_a.id)], order="id")
        cls.env.cr.execute(
            "UPDATE community_household SET create_date = '2025-12-01' "
            "WHERE id IN %s", (tuple(households.ids),))
        late = households.filtered(
            lambda household: household.community_id == cls.community_a1
        )[-5:]
        cls.env.cr.execute(
            "UPDATE community_household SET create_date = '2026-02-01' "
            "WHERE id IN %s", (tuple(late.ids),))
        households.invalidate_cache()
        Standard = cls.env["finance.fund.standard"]
        cls.work_funds = Standard.search([
            ("company_id", "=", cls.street_a.id), ("code", "=", "CWF")])
        cls.service_funds = Standard.search([
            ("company_id", "=", cls.street_a.id), ("code", "=", "MSF")])
        cls.office_funds = Standard.search([
            ("company_id", "=", cls.street_a.id), ("code", "=", "OFF")])

    def _wizard(self, standards=None, count_date="2025-12-31", **vals):
        vals.update({
            "company_id": self.street_a.id, "year": self.YEAR,
            "count_date": count_date,
            "standard_ids": [(6, 0, (standards or self.work_funds).ids)],
        })
        return self.env["finance.allocation.wizard"].sudo(
            self.finance_officer.id).create(vals)

    def _amounts(self, wizard):
        return {(line.standard_id.code, line.community_id.code):
                (line.household_count, line.amount)
                for line in wizard.line_ids}

    def test_households_counted_on_the_date_times_rate(self):
        wizard = self._wizard(self.work_funds | self.service_funds)
        wizard.action_compute()
        self.assertEqual(self._amounts(wizard), {
            ("CWF", "A1"): (35, 1225.0),
            ("CWF", "A2"): (10, 350.0),
            ("MSF", "A1"): (35, 1750.0),
            ("MSF", "A2"): (10, 500.0),
        })
        self.assertEqual(wizard.amount_total, 3825.0)
        line = wizard.line_ids.filtered(
            lambda line: line.community_id == self.community_a1
            and line.standard_id == self.work_funds)
        self.assertIn("35", line.computation)
        self.assertIn("1225.00", line.computation)

    def test_later_count_date_counts_new_households(self):
        wizard = self._wizard(count_date="2026-03-01")
        wizard.action_compute()
        self.assertEqual(self._amounts(wizard)[("CWF", "A1")], (40, 1400.0))

    def test_fixed_amount_by_size_band(self):
        standard = self.env["finance.fund.standard"].create({
            "name": "Small office funds", "code": "SOF",
            "company_id": self.street_a.id, "method": "fixed",
            "date_start": "2026-01-01",
            "band_ids": [
                (0, 0, {"households_from": 0, "households_to": 20,
                        "amount": 8000.0}),
                (0, 0, {"households_from": 21, "households_to": 0,
                        "amount": 10000.0}),
            ]})
        wizard = self._wizard(standard)
        wizard.action_compute()
        self.assertEqual(self._amounts(wizard), {
            ("SOF", "A1"): (35, 10000.0), ("SOF", "A2"): (10, 8000.0)})

    def test_default_office_funds_band(self):
        wizard = self._wizard(self.office_funds)
        wizard.action_compute()
        self.assertEqual(self._amounts(wizard)[("OFF", "A1")], (35, 8000.0))

    def test_creates_budget_lines_and_allocations(self):
        wizard = self._wizard(self.work_funds | self.service_funds)
        wizard.action_compute()
        wizard.action_create_budget_lines()
        budget = wizard.budget_id
        self.assertEqual(budget.state, "draft")
        self.assertEqual(budget.year, self.YEAR)
        self.assertEqual(budget.company_id, self.street_a)
        self.assertEqual(len(budget.crossovered_budget_line), 4)
        self.assertEqual(budget.total_planned, 3825.0)
        allocations = self.env["finance.allocation"].search([
            ("year", "=", self.YEAR), ("company_id", "=", self.street_a.id)])
        self.assertEqual(len(allocations), 4)
        a1_work = allocations.filtered(
            lambda allocation: allocation.community_id == self.community_a1
            and allocation.standard_id == self.work_funds)
        self.assertEqual(a1_work.household_count, 35)
        self.assertEqual(a1_work.amount, 1225.0)
        self.assertEqual(a1_work.budget_line_id.planned_amount, 1225.0)
        self.assertEqual(a1_work.budget_line_id.analytic_account_id,
                         self.community_a1.analytic_account_id)

    def test_rerun_updates_instead_of_duplicating(self):
        wizard = self._wizard()
        wizard.action_create_budget_lines()
        budget = wizard.budget_id
        lines = budget.crossovered_budget_line
        rerun = self._wizard(count_date="2026-03-01")
        rerun.action_compute()
        rerun.action_create_budget_lines()
        self.assertEqual(rerun.budget_id, budget)
        self.assertEqual(budget.crossovered_budget_line, lines)
        allocations = self.env["finance.allocation"].search([
            ("year", "=", self.YEAR), ("company_id", "=", self.street_a.id)])
        self.assertEqual(len(allocations), 2)
        self.assertEqual(budget.total_planned, 40 * 35.0 + 10 * 35.0)

    def test_year_without_households_refused(self):
        wizard = self._wizard(count_date="2020-01-01")
        with self.assertRaisesRegex(UserError, "Test Street A"):
            wizard.action_compute()
        self.assertFalse(wizard.line_ids)

    def test_invalid_year_refused(self):
        wizard = self._wizard()
        for year in (206, 1999, 0):
            wizard.year = year
            with self.assertRaisesRegex(UserError, "valid budget year"):
                wizard.action_compute()

    def test_year_without_standards_refused(self):
        wizard = self.env["finance.allocation.wizard"].sudo(
            self.finance_officer.id).create({
                "company_id": self.street_a.id, "year": 2019,
                "count_date": "2026-03-01"})
        with self.assertRaisesRegex(UserError, "2019"):
            wizard.action_compute()

    def test_transfers_need_an_approved_budget(self):
        wizard = self._wizard()
        wizard.action_create_budget_lines()
        with self.assertRaisesRegex(UserError, "approved"):
            wizard.action_confirm_transfers()
        self.assertFalse(self.env["finance.allocation"].search([
            ("company_id", "=", self.street_a.id),
            ("state", "=", "transferred")]))

    def test_confirm_posts_transfer_entries(self):
        wizard = self._wizard()
        wizard.action_create_budget_lines()
        self._approve_budget(wizard.budget_id)
        wizard.action_confirm_transfers()
        allocations = self.env["finance.allocation"].search([
            ("year", "=", self.YEAR), ("company_id", "=", self.street_a.id)])
        self.assertEqual(set(allocations.mapped("state")), {"transferred"})
        a1 = allocations.filtered(
            lambda allocation: allocation.community_id == self.community_a1)
        move = a1.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.finance_journal)
        debit = move.line_ids.filtered("debit")
        self.assertEqual(debit.account_id, self.funds_account)
        self.assertEqual(debit.analytic_account_id,
                         self.community_a1.analytic_account_id)
        self.assertEqual(debit.debit, 1225.0)
        self.assertEqual(move.line_ids.filtered("credit").account_id,
                         self.bank_account)
        # a transfer is not an expense: the line's budget stays available
        self.assertEqual(a1.budget_line_id.actual_amount, 0.0)
        # nothing left to transfer, and a transferred year is not recomputed
        with self.assertRaises(UserError):
            wizard.action_confirm_transfers()
        with self.assertRaises(UserError):
            self._wizard().action_create_budget_lines()

    def test_transferred_allocation_cannot_be_deleted(self):
        wizard = self._wizard()
        wizard.action_create_budget_lines()
        self._approve_budget(wizard.budget_id)
        wizard.action_confirm_transfers()
        with self.assertRaises(UserError):
            self.env["finance.allocation"].search([
                ("company_id", "=", self.street_a.id)]).unlink()


class TestFundStandard(FinanceCase):

    def _standard(self, **vals):
        values = {"name": "Work funds 2027", "code": "CWF",
                  "company_id": self.street_a.id, "method": "per_household",
                  "rate": 40.0, "date_start": "2027-01-01"}
        values.update(vals)
        return self.env["finance.fund.standard"].create(values)

    def test_overlapping_standard_refused(self):
        with self.assertRaisesRegex(ValidationError, "Work funds 2027"):
            self._standard(date_start="2026-07-01")

    def test_successive_standards_accepted(self):
        current = self.env["finance.fund.standard"].search([
            ("company_id", "=", self.street_a.id), ("code", "=", "CWF")])
        current.date_end = "2026-12-31"
        new = self._standard()
        self.assertEqual(
            self.env["finance.fund.standard"]._valid_on(
                "2027-03-01", [("company_id", "=", self.street_a.id)]).filtered(
                    lambda standard: standard.code == "CWF"), new)

    def test_same_code_in_other_street_accepted(self):
        self.assertTrue(self._standard(
            company_id=self.street_b.id, date_start="2026-01-01"))

    def test_zero_rate_refused(self):
        with self.assertRaises(ValidationError):
            self._standard(code="ZERO", rate=0.0)

    def test_fixed_standard_without_bands_refused(self):
        with self.assertRaises(ValidationError):
            self._standard(code="FIX", method="fixed", rate=0.0)

    def test_overlapping_bands_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlap"):
            self._standard(code="FIX", method="fixed", band_ids=[
                (0, 0, {"households_from": 0, "households_to": 100,
                        "amount": 8000.0}),
                (0, 0, {"households_from": 100, "households_to": 0,
                        "amount": 9000.0})])

    def test_negative_band_amount_refused(self):
        with self.assertRaises(ValidationError):
            self._standard(code="FIX", method="fixed", band_ids=[
                (0, 0, {"households_from": 0, "households_to": 0,
                        "amount": -1.0})])
