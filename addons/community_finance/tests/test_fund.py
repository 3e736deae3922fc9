# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tools import mute_logger

from .fund_common import FundCase


class TestFund(FundCase):

    def test_fund_gets_its_own_analytic_account(self):
        analytic = self.fund.analytic_account_id
        self.assertTrue(analytic)
        self.assertEqual(analytic.company_id, self.street_a)
        self.assertEqual(analytic.code, "F-ELDER")
        other = self._create_fund("Youth fund", "F-YOUTH")
        self.assertNotEqual(other.analytic_account_id, analytic)

    def test_renaming_fund_renames_analytic_account(self):
        self.fund.name = "Elderly meals fund"
        self.assertEqual(
            self.fund.analytic_account_id.name, "Elderly meals fund")

    def test_fund_code_unique_per_street(self):
        self._create_fund("Same code elsewhere", "F-ELDER",
                          street=self.street_b,
                          income_account_id=False, journal_id=False)
        with self.assertRaises(IntegrityError), \
                mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self._create_fund("Duplicate", "F-ELDER")

    def test_receipt_is_an_entry_on_the_fund_analytic_account(self):
        move = self._receive(self.fund, 1000.0)
        fund_lines = move.line_ids.filtered(
            lambda line: line.analytic_account_id
            == self.fund.analytic_account_id)
        self.assertEqual(len(fund_lines), 1)
        self.assertEqual(fund_lines.account_id, self.income_account)
        self.assertEqual(
            self.currency.compare_amounts(fund_lines.credit, 1000.0), 0)
        self.fund.invalidate_cache()
        self.assertEqual(
            self.currency.compare_amounts(self.fund.received_amount, 1000.0), 0)
        self.assertEqual(
            self.currency.compare_amounts(self.fund.balance, 1000.0), 0)

    def test_expense_in_allowed_category_lowers_balance(self):
        self._receive(self.fund, 1000.0)
        move = self._spend_move(self.fund, 300.0, self.expense_account)
        move.post()
        self.assertEqual(move.state, "posted")
        spent = move.line_ids.filtered("analytic_account_id")
        self.assertEqual(spent.analytic_account_id,
                         self.fund.analytic_account_id)
        self.assertEqual(len(spent.analytic_line_ids), 1)
        self.fund.invalidate_cache()
        self.assertEqual(
            self.currency.compare_amounts(self.fund.spent_amount, 300.0), 0)
        self.assertEqual(
            self.currency.compare_amounts(self.fund.balance, 700.0), 0)

    def test_expense_outside_categories_refused(self):
        move = self._spend_move(
            self.fund, 300.0, self.other_expense_account,
            label="Banquet")
        with self.assertRaises(UserError) as refusal:
            move.post()
        message = refusal.exception.name
        self.assertIn("Elderly care fund", message)
        self.assertIn("Banquet", message)
        self.assertIn("560298", message)
        self.assertEqual(move.state, "draft")
        self.assertFalse(move.line_ids.mapped("analytic_line_ids"))

    def test_fund_without_categories_refuses_every_expense(self):
        fund = self._create_fund(
            "Unassigned fund", "F-NONE",
            categories=self.env["finance.expense.category"])
        move = self._spend_move(fund, 10.0, self.expense_account)
        with self.assertRaises(UserError):
            move.post()
        self.assertEqual(move.state, "draft")

    def test_category_accounts_of_other_street_not_allowed(self):
        self.assertEqual(self.fund.allowed_account_ids, self.expense_account)
        account_b = self.env["account.account"].create({
            "code": "B5602", "name": "Street B expenses",
            "user_type_id": self.env.ref(
                "account.data_account_type_expenses").id,
            "company_id": self.street_b.id})
        self.category_office.account_ids |= account_b
        self.fund.invalidate_cache()
        self.assertNotIn(account_b, self.fund.allowed_account_ids)

    def test_expense_without_fund_not_checked(self):
        move = self._post_expense(self.community_a1, 50.0,
                                  account=self.other_expense_account)
        self.assertEqual(move.state, "posted")

    def test_vendor_bill_outside_categories_refused(self):
        partner = self.env["res.partner"].create({"name": "Caterer"})
        bill = self.env["account.invoice"].create({
            "type": "in_invoice",
            "partner_id": partner.id,
            "company_id": self.street_a.id,
            "journal_id": self.env["account.journal"].search([
                ("company_id", "=", self.street_a.id),
                ("type", "=", "purchase")], limit=1).id,
            "account_id": partner.with_context(
                force_company=self.street_a.id
            ).property_account_payable_id.id,
            "invoice_line_ids": [(0, 0, {
                "name": "Wine for the banquet",
                "account_id": self.other_expense_account.id,
                "account_analytic_id": self.fund.analytic_account_id.id,
                "quantity": 1.0, "price_unit": 800.0})],
        })
        with self.assertRaises(UserError) as refusal:
            bill.action_invoice_open()
        self.assertIn("Wine for the banquet", refusal.exception.name)
        self.assertIn("Elderly care fund", refusal.exception.name)
        self.assertEqual(bill.state, "draft")

    def test_view_entries_action_filters_on_fund(self):
        action = self.fund.action_view_move_lines()
        self.assertEqual(action["domain"], [
            ("analytic_account_id", "=", self.fund.analytic_account_id.id)])

    def test_record_receipt_opens_entry_on_fund_account(self):
        action = self.fund.action_record_receipt()
        self.assertEqual(action["res_model"], "account.move")
        context = action["context"]
        self.assertEqual(context["default_journal_id"], self.finance_journal.id)
        line = context["default_line_ids"][0][2]
        self.assertEqual(line["analytic_account_id"],
                         self.fund.analytic_account_id.id)
        self.assertEqual(line["account_id"], self.income_account.id)
        move = self.env["account.move"].with_context(**context).create({
            "line_ids": [(0, 0, dict(line, credit=250.0, debit=0.0)),
                         (0, 0, {"name": "Bank",
                                 "account_id": self.bank_account.id,
                                 "debit": 250.0, "credit": 0.0})]})
        self.assertEqual(move.journal_id, self.finance_journal)
        move.post()
        self.fund.invalidate_cache()
        self.assertEqual(
            self.currency.compare_amounts(self.fund.balance, 250.0), 0)

    def test_officer_editing_categories_keeps_other_streets_accounts(self):
        """The categories are shared: an officer's form sends back only the
        accounts of their street, and the others' links must survive (the
        ORM's many2many write leaves the links it may not see)."""
        account_b = self.env["account.account"].create({
            "code": "B5602", "name": "Street B expenses",
            "user_type_id": self.env.ref(
                "account.data_account_type_expenses").id,
            "company_id": self.street_b.id})
        self.category_office.account_ids |= account_b
        category = self.category_office.sudo(self.finance_officer.id)
        visible = category.read(["account_ids"])[0]["account_ids"]
        self.assertNotIn(account_b.id, visible)
        category.write({"account_ids": [
            (6, 0, visible + [self.other_expense_account.id])]})
        self.assertIn(account_b, self.category_office.account_ids)
        self.assertIn(self.other_expense_account,
                      self.category_office.account_ids)

    def test_unused_fund_deleted_with_its_analytic_account(self):
        fund = self._create_fund("Short-lived", "F-SHORT")
        analytic = fund.analytic_account_id
        fund.unlink()
        self.assertFalse(analytic.exists())

    def test_fund_with_entries_cannot_be_deleted(self):
        self._receive(self.fund, 100.0)
        with self.assertRaises(UserError) as refusal:
            self.fund.unlink()
        self.assertIn("Elderly care fund", refusal.exception.name)
        self.assertTrue(self.fund.exists())
