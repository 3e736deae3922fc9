# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .fund_common import FundCase


class TestServiceProject(FundCase):
    """Purchase of services: a clerk proposes, a finance officer approves
    (committing the budget), milestones are accepted and paid by vendor
    bills on the fund, never above the milestone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls.env["res.partner"].create({
            "name": "Sunshine Social Work Centre", "is_company": True,
            "organisation_type": "social_org",
            "social_org_status": "registered"})
        category = cls.env.ref(
            "community_finance.finance_expense_category_service_purchase")
        category.account_ids = cls.expense_account
        cls.service_fund = cls._create_fund(
            "Service purchase fund", "F-SERV", categories=category)
        cls.budget = cls._create_budget()
        cls.budget_line = cls._create_budget_line(
            cls.budget, cls.community_a1, 10000.0)
        cls.budget = cls._approve_budget(cls.budget)

    def _project(self, user=None, **vals):
        values = {
            "name": "Elderly day care",
            "project_type": "purchase",
            "partner_id": self.provider.id,
            "company_id": self.street_a.id,
            "community_id": self.community_a1.id,
            "contract_amount": 6000.0,
            "fund_id": self.service_fund.id,
            "expense_account_id": self.expense_account.id,
            "budget_line_id": self.budget_line.id,
            "milestone_ids": [
                (0, 0, {"name": "Needs survey", "amount": 2000.0}),
                (0, 0, {"name": "Day care services", "amount": 4000.0}),
            ],
        }
        values.update(vals)
        return self.env["finance.service.project"].sudo(
            (user or self.community_clerk).id).create(values)

    def _approved_project(self):
        project = self._project()
        project.action_submit()
        project = project.sudo(self.finance_officer.id)
        project.action_approve()
        return project

    def _bill(self, milestone, amount=None):
        action = milestone.action_create_bill(amount)
        return self.env["account.invoice"].sudo(
            self.finance_officer.id).browse(action["res_id"])

    def test_provider_must_be_social_organisation(self):
        company = self.env["res.partner"].create({
            "name": "Catering Ltd", "is_company": True})
        with self.assertRaises(ValidationError) as refusal:
            self._project(user=self.finance_officer, partner_id=company.id)
        self.assertIn("Catering Ltd", refusal.exception.name)

    def test_contract_amount_must_be_positive(self):
        with self.assertRaises(ValidationError):
            self._project(user=self.finance_officer, contract_amount=0.0,
                          milestone_ids=[])

    def test_milestones_above_contract_refused(self):
        with self.assertRaises(ValidationError):
            self._project(user=self.finance_officer, contract_amount=5000.0)

    def test_negative_milestone_refused(self):
        with self.assertRaises(ValidationError):
            self._project(user=self.finance_officer, milestone_ids=[
                (0, 0, {"name": "Refund", "amount": -100.0})])

    def test_submit_needs_milestones_sharing_whole_contract(self):
        project = self._project(milestone_ids=[
            (0, 0, {"name": "Needs survey", "amount": 2000.0})])
        with self.assertRaises(UserError):
            project.action_submit()
        self.assertEqual(project.state, "draft")

    def test_expense_account_outside_fund_refused(self):
        with self.assertRaises(ValidationError):
            self._project(user=self.finance_officer,
                          expense_account_id=self.other_expense_account.id)

    def test_clerk_proposes_finance_officer_approves(self):
        project = self._project()
        project.action_submit()
        self.assertEqual(project.state, "submitted")
        with self.assertRaises(UserError):
            project.action_approve()
        project.sudo(self.finance_officer.id).action_approve()
        self.assertEqual(project.state, "approved")

    def test_approval_commits_contract_on_budget_line(self):
        project = self._approved_project()
        commitment = project.commitment_id
        self.assertEqual(commitment.state, "committed")
        self.assertEqual(commitment.budget_line_id, self.budget_line)
        self.assertEqual(self.currency.compare_amounts(
            commitment.amount, 6000.0), 0)

    def test_bill_before_acceptance_refused(self):
        project = self._approved_project()
        with self.assertRaises(UserError):
            project.milestone_ids[0].action_create_bill()

    def test_accepted_milestone_paid_by_bill_on_fund(self):
        project = self._approved_project()
        milestone = project.milestone_ids.sorted("sequence")[0]
        milestone.action_accept()
        bill = self._bill(milestone)
        self.assertEqual(bill.partner_id, self.provider)
        self.assertEqual(bill.type, "in_invoice")
        self.assertEqual(bill.invoice_line_ids.account_analytic_id,
                         self.service_fund.analytic_account_id)
        bill.action_invoice_open()
        self.assertEqual(bill.state, "open")
        fund_lines = bill.move_id.line_ids.filtered(
            lambda line: line.analytic_account_id
            == self.service_fund.analytic_account_id)
        self.assertEqual(len(fund_lines), 1)
        self.assertEqual(self.currency.compare_amounts(
            fund_lines.debit, 2000.0), 0)
        self.service_fund.invalidate_cache()
        self.assertEqual(self.currency.compare_amounts(
            self.service_fund.spent_amount, 2000.0), 0)
        self.assertEqual(self.currency.compare_amounts(
            milestone.billed_amount, 2000.0), 0)
        self.assertEqual(self.currency.compare_amounts(
            project.commitment_id.open_amount, 4000.0), 0)

    def test_payment_above_milestone_refused(self):
        project = self._approved_project()
        milestone = project.milestone_ids.sorted("sequence")[0]
        milestone.action_accept()
        with self.assertRaises(UserError) as refusal:
            milestone.action_create_bill(2500.0)
        self.assertIn("Needs survey", refusal.exception.name)
        self.assertFalse(milestone.invoice_ids)

    def test_bill_raised_above_milestone_refused_at_validation(self):
        project = self._approved_project()
        milestone = project.milestone_ids.sorted("sequence")[0]
        milestone.action_accept()
        bill = self._bill(milestone, 1500.0)
        bill.action_invoice_open()
        second = self._bill(milestone, 500.0)
        second.invoice_line_ids.price_unit = 900.0
        second.compute_taxes()
        with self.assertRaises(UserError):
            second.action_invoice_open()
        self.assertEqual(second.state, "draft")

    def test_close_needs_evaluation_and_releases_commitment(self):
        project = self._approved_project()
        project.milestone_ids.action_accept()
        with self.assertRaises(UserError):
            project.action_done()
        project.evaluation = "good"
        project.action_done()
        self.assertEqual(project.state, "done")
        self.assertEqual(project.commitment_id.state, "released")

    def test_approved_contract_amounts_locked(self):
        project = self._approved_project()
        with self.assertRaises(UserError):
            project.milestone_ids[0].amount = 1.0

    def test_leader_reads_but_cannot_change(self):
        project = self._project()
        as_leader = project.sudo(self.leader.id)
        self.assertEqual(as_leader.name, "Elderly day care")
        with self.assertRaises(AccessError):
            as_leader.write({"name": "Changed"})

    def test_clerk_of_other_community_cannot_see(self):
        project = self._project()
        with self.assertRaises(AccessError):
            project.sudo(self.community_clerk_a2.id).read(["name"])

    def test_clerk_and_leader_open_approved_project(self):
        """The form shows the commitment and the amounts billed: roles
        without finance rights still open it."""
        project = self._approved_project()
        milestone = project.milestone_ids.sorted("sequence")[0]
        milestone.action_accept()
        self._bill(milestone).action_invoice_open()
        action = self.env.ref("community_finance.finance_service_project_action")
        for user in (self.community_clerk, self.leader):
            self.assertIn(project, self.open_action(action, user))
            project.sudo(user.id).milestone_ids.read(
                ["billed_amount", "paid_amount", "state"])
