# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .fund_common import FundCase


class TestAdmissionFunding(FundCase):
    """费随事转: the approval of a request carrying money opens a fund and
    drafts the transfer to its communities; a finance officer posts it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({
            "name": "Civil affairs bureau", "company_id": cls.street_a.id})

    def _approved_request(self, amount, communities=None):
        request = self.env["community.admission.request"].create({
            "name": "Elderly survey",
            "department_id": self.department.id,
            "task_type": "survey",
            "legal_basis": "Statistics Law, article 7",
            "community_ids": [(6, 0, (
                communities or self.community_a1 | self.community_a2).ids)],
            "funding_amount": amount,
            "company_id": self.street_a.id,
            "currency_id": self.currency.id,
            "date_start": "2026-04-01",
        })
        request.action_submit()
        request.sudo(self.street_admin.id).action_approve()
        self.assertEqual(request.state, "approved")
        return request

    def test_approval_opens_fund_for_request(self):
        request = self._approved_request(1000.0)
        fund = request.fund_ids
        self.assertEqual(len(fund), 1)
        self.assertEqual(fund.source, "department")
        self.assertEqual(fund.company_id, self.street_a)
        self.assertEqual(fund.admission_request_id, request)
        self.assertTrue(fund.analytic_account_id)
        self.assertIn(self.category_transfer, fund.expense_category_ids)

    def test_approval_drafts_transfer_split_per_community(self):
        request = self._approved_request(100.01)
        move = request.fund_ids.transfer_move_id
        self.assertEqual(move.state, "draft")
        self.assertEqual(move.journal_id, self.finance_journal)
        credit = move.line_ids.filtered(lambda line: line.credit > 0)
        self.assertEqual(
            self.currency.compare_amounts(credit.credit, 100.01), 0)
        shares = {line.community_id: line.debit
                  for line in move.line_ids if line.debit > 0}
        self.assertEqual(set(shares),
                         {self.community_a1, self.community_a2})
        # 100.01 / 2 rounds to 50.01; the last community takes the rest
        self.assertEqual(
            self.currency.compare_amounts(shares[self.community_a1], 50.01), 0)
        self.assertEqual(
            self.currency.compare_amounts(shares[self.community_a2], 50.0), 0)
        for line in move.line_ids:
            self.assertEqual(line.analytic_account_id,
                             request.fund_ids.analytic_account_id)

    def test_finance_officer_posts_transfer_on_fund_account(self):
        request = self._approved_request(1000.0)
        fund = request.fund_ids
        fund.sudo(self.finance_officer.id).action_post_transfer()
        self.assertEqual(fund.transfer_move_id.state, "posted")
        analytic_lines = self.env["account.analytic.line"].search([
            ("account_id", "=", fund.analytic_account_id.id)])
        self.assertEqual(len(analytic_lines), 3)
        fund.invalidate_cache()
        self.assertEqual(
            self.currency.compare_amounts(fund.received_amount, 1000.0), 0)
        self.assertEqual(
            self.currency.compare_amounts(fund.spent_amount, 1000.0), 0)
        self.assertEqual(self.currency.compare_amounts(fund.balance, 0.0), 0)

    def test_street_admin_cannot_post_transfer(self):
        request = self._approved_request(1000.0)
        fund = request.fund_ids
        with self.assertRaises(AccessError):
            fund.sudo(self.street_admin.id).action_post_transfer()
        self.assertEqual(fund.transfer_move_id.state, "draft")

    def test_request_without_funding_opens_no_fund(self):
        request = self._approved_request(0.0)
        self.assertFalse(request.sudo().fund_ids)

    def test_missing_transfer_account_opens_fund_and_explains(self):
        self.category_transfer.account_ids = False
        request = self._approved_request(500.0)
        fund = request.fund_ids
        self.assertTrue(fund)
        self.assertFalse(fund.transfer_move_id)
        # the request's chatter names the fund left without its transfer
        self.assertIn(fund.name, request.message_ids[0].body)
        with self.assertRaises(UserError):
            fund.action_prepare_transfer()

    def test_transfer_prepared_once(self):
        request = self._approved_request(300.0)
        with self.assertRaises(UserError):
            request.fund_ids.action_prepare_transfer()

    def test_transfer_outside_fund_categories_refused(self):
        """The fund of a request pays transfers only: taking the transfer
        category away makes its posting fail."""
        request = self._approved_request(300.0)
        fund = request.fund_ids
        fund.expense_category_ids = self.category_office
        with self.assertRaises(UserError):
            fund.sudo(self.finance_officer.id).action_post_transfer()
        self.assertEqual(fund.transfer_move_id.state, "draft")

    def test_fund_code_taken_by_hand_does_not_block_approval(self):
        taken = self.env["ir.sequence"].search([
            ("code", "=", "community.admission.request")]).get_next_char(
                self.env["ir.sequence"].search([
                    ("code", "=", "community.admission.request")]
                ).number_next_actual)
        self._create_fund("Typed by hand", taken)
        request = self._approved_request(200.0)
        self.assertEqual(request.reference, taken)
        self.assertEqual(request.fund_ids.code,
                         "%s-%d" % (taken, request.id))

    def test_reviewer_validating_last_tier_opens_fund(self):
        request = self.env["community.admission.request"].create({
            "name": "Flood drill", "department_id": self.department.id,
            "task_type": "task", "legal_basis": "Flood Control Law",
            "community_ids": [(6, 0, self.community_a1.ids)],
            "funding_amount": 800.0, "company_id": self.street_a.id,
            "currency_id": self.currency.id, "date_start": "2026-05-01"})
        request.action_submit()
        request.sudo(self.street_admin.id).validate_tier()
        self.assertEqual(request.state, "approved")
        move = request.fund_ids.transfer_move_id
        self.assertEqual(move.line_ids.filtered(
            lambda line: line.debit > 0).community_id, self.community_a1)
