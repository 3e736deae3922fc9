# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import FinanceCase


class TestAdjustment(FinanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._create_budget()
        cls.line_a1 = cls._create_budget_line(
            cls.budget, cls.community_a1, 10000.0)
        cls.line_a2 = cls._create_budget_line(
            cls.budget, cls.community_a2, 4000.0)
        cls._approve_budget(cls.budget)

    def _adjustment(self, kind, lines, user=None):
        return self.env["finance.budget.adjustment"].sudo(
            (user or self.street_clerk).id).create({
                "budget_id": self.budget.id,
                "adjustment_type": kind,
                "reason": "Test %s" % kind,
                "line_ids": [(0, 0, vals) for vals in lines],
            })

    def _approve(self, adjustment):
        adjustment.sudo(self.street_clerk.id).action_submit()
        adjustment.sudo(self.finance_officer.id).action_approve()

    def test_increase_changes_line_only_when_approved(self):
        adjustment = self._adjustment("increase", [
            {"budget_line_id": self.line_a1.id, "amount": 1500.0}])
        self.assertTrue(adjustment.name.startswith("TZ"))
        adjustment.sudo(self.street_clerk.id).action_submit()
        self.assertEqual(self.line_a1.planned_amount, 10000.0)
        adjustment.sudo(self.finance_officer.id).action_approve()
        self.assertEqual(adjustment.state, "approved")
        self.assertEqual(self.line_a1.planned_amount, 11500.0)
        self.assertEqual(self.line_a1.approved_amount, 10000.0)
        self.assertEqual(self.line_a1.adjusted_amount, 1500.0)
        self.assertEqual(self.budget.phase, "adjusted")
        self.assertEqual(self.line_a1.adjustment_line_ids,
                         adjustment.line_ids)

    def test_decrease(self):
        self._approve(self._adjustment("decrease", [
            {"budget_line_id": self.line_a2.id, "amount": 1000.0}]))
        self.assertEqual(self.line_a2.planned_amount, 3000.0)
        self.assertEqual(self.line_a2.adjusted_amount, -1000.0)

    def test_transfer_keeps_total(self):
        self._approve(self._adjustment("transfer", [
            {"budget_line_id": self.line_a1.id,
             "target_line_id": self.line_a2.id, "amount": 2500.0}]))
        self.assertEqual(self.line_a1.planned_amount, 7500.0)
        self.assertEqual(self.line_a2.planned_amount, 6500.0)
        self.assertEqual(self.budget.total_planned, 14000.0)
        self.assertEqual(self.line_a2.adjustment_in_line_ids.amount, 2500.0)

    def test_decrease_beyond_available_refused(self):
        self._post_expense(self.community_a2, 3500.0)
        adjustment = self._adjustment("decrease", [
            {"budget_line_id": self.line_a2.id, "amount": 600.0}])
        with self.assertRaisesRegex(UserError, "500.00"):
            adjustment.sudo(self.street_clerk.id).action_submit()
        self.assertEqual(adjustment.state, "draft")
        self.assertEqual(self.line_a2.planned_amount, 4000.0)

    def test_transfer_without_target_refused(self):
        adjustment = self._adjustment("transfer", [
            {"budget_line_id": self.line_a1.id, "amount": 100.0}])
        with self.assertRaisesRegex(UserError, adjustment.name):
            adjustment.sudo(self.street_clerk.id).action_submit()

    def test_zero_amount_refused(self):
        with self.assertRaises(ValidationError):
            self._adjustment("increase", [
                {"budget_line_id": self.line_a1.id, "amount": 0.0}])

    def test_line_of_other_budget_refused(self):
        other = self._create_budget(name="Other budget")
        line = self._create_budget_line(other, self.community_a1, 100.0)
        with self.assertRaisesRegex(ValidationError, "Other budget|%s" %
                                    self.budget.name):
            self._adjustment("increase", [
                {"budget_line_id": line.id, "amount": 10.0}])

    def test_draft_budget_cannot_be_adjusted(self):
        draft = self._create_budget(name="Draft budget")
        line = self._create_budget_line(draft, self.community_a1, 100.0)
        adjustment = self.env["finance.budget.adjustment"].create({
            "budget_id": draft.id, "adjustment_type": "increase",
            "reason": "x",
            "line_ids": [(0, 0, {"budget_line_id": line.id,
                                 "amount": 10.0})]})
        with self.assertRaisesRegex(UserError, "Draft budget"):
            adjustment.action_submit()

    def test_clerk_cannot_approve(self):
        adjustment = self._adjustment("increase", [
            {"budget_line_id": self.line_a1.id, "amount": 100.0}])
        adjustment.sudo(self.street_clerk.id).action_submit()
        with self.assertRaisesRegex(AccessError, "still waits"):
            adjustment.sudo(self.street_clerk.id).action_approve()
        self.assertEqual(adjustment.state, "submitted")
        self.assertEqual(self.line_a1.planned_amount, 10000.0)

    def test_reject_keeps_budget(self):
        adjustment = self._adjustment("increase", [
            {"budget_line_id": self.line_a1.id, "amount": 100.0}])
        adjustment.sudo(self.street_clerk.id).action_submit()
        adjustment.sudo(self.finance_officer.id).action_reject()
        self.assertEqual(adjustment.state, "rejected")
        self.assertEqual(self.line_a1.planned_amount, 10000.0)
        self.assertEqual(self.budget.phase, "approved")

    def test_submitted_adjustment_cannot_be_deleted(self):
        adjustment = self._adjustment("increase", [
            {"budget_line_id": self.line_a1.id, "amount": 100.0}])
        adjustment.sudo(self.street_clerk.id).action_submit()
        with self.assertRaises(UserError):
            adjustment.sudo(self.finance_officer.id).unlink()
