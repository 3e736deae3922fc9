# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .fund_common import FundCase


class TestSubsidy(FundCase):
    """Staff subsidies: standards without overlaps, a monthly run paying
    every holder in one entry, once, and the bank list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = cls.env.ref("community_finance.finance_subsidy_standard_head")
        cls.deputy = cls.env.ref(
            "community_finance.finance_subsidy_standard_deputy")
        cls.bank = cls.env["res.bank"].create({"name": "ICBC Sunshine branch"})
        cls.holder_head_a1 = cls._create_holder(
            "Wang Jianguo", cls.head, cls.community_a1, "6222000000000001")
        cls.holder_deputy_a1 = cls._create_holder(
            "Li Xiuying", cls.deputy, cls.community_a1, "6222000000000002")
        cls.holder_head_a2 = cls._create_holder(
            "Zhang Wei", cls.head, cls.community_a2, "6222000000000003")
        # not paid in May 2026: term over, or another street
        cls._create_holder("Former head", cls.head, cls.community_a2,
                           "6222000000000004", date_start="2020-01-01",
                           date_end="2026-04-30")
        cls._create_holder("Liu Fang", cls.head, cls.community_b1,
                           "6222000000000005")

    @classmethod
    def _create_holder(cls, name, standard, community, account_number,
                       date_start="2026-01-01", date_end=False):
        partner = cls.env["res.partner"].create({"name": name})
        bank_account = cls.env["res.partner.bank"].create({
            "acc_number": account_number, "partner_id": partner.id,
            "bank_id": cls.bank.id})
        return cls.env["finance.subsidy.holder"].create({
            "partner_id": partner.id, "standard_id": standard.id,
            "community_id": community.id, "bank_account_id": bank_account.id,
            "date_start": date_start, "date_end": date_end})

    def _run(self, month="5", user=None):
        return self.env["finance.subsidy.run"].sudo(
            (user or self.finance_officer).id).create({
                "company_id": self.street_a.id, "year": 2026, "month": month,
                "journal_id": self.finance_journal.id,
                "expense_account_id": self.expense_account.id,
                "payable_account_id": self._payable_account().id,
            })

    def _payable_account(self):
        return self.env["account.account"].search([
            ("company_id", "=", self.street_a.id),
            ("internal_type", "=", "payable")], limit=1)

    def test_overlapping_standard_refused(self):
        Standard = self.env["finance.subsidy.standard"]
        Standard.create({"name": "Head A", "post_code": "head",
                         "company_id": self.street_a.id, "amount": 2200.0,
                         "date_start": "2026-01-01", "date_end": "2026-12-31"})
        with self.assertRaises(ValidationError) as refusal, \
                self.env.cr.savepoint():
            Standard.create({"name": "Head A 2026b", "post_code": "head",
                             "company_id": self.street_a.id,
                             "amount": 2300.0, "date_start": "2026-07-01"})
        self.assertIn("Head A 2026b", refusal.exception.name)
        Standard.create({"name": "Head A 2027", "post_code": "head",
                         "company_id": self.street_a.id, "amount": 2300.0,
                         "date_start": "2027-01-01"})

    def test_zero_standard_refused(self):
        with self.assertRaises(ValidationError):
            self.env["finance.subsidy.standard"].create({
                "name": "Nothing", "post_code": "nothing", "amount": 0.0,
                "date_start": "2026-01-01"})

    def test_run_posts_one_entry_with_a_line_per_person(self):
        run = self._run()
        self.assertEqual(run.holder_ids, self.holder_head_a1
                         | self.holder_deputy_a1 | self.holder_head_a2)
        run.action_post()
        self.assertEqual(run.state, "posted")
        move = run.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.date, "2026-05-31")
        payable = move.line_ids.filtered(lambda line: line.credit > 0)
        self.assertEqual(len(payable), 3)
        paid = {line.partner_id.name: line.credit for line in payable}
        self.assertEqual(set(paid), {"Wang Jianguo", "Li Xiuying", "Zhang Wei"})
        self.assertEqual(
            self.currency.compare_amounts(paid["Li Xiuying"], 1800.0), 0)
        self.assertEqual(
            self.currency.compare_amounts(paid["Wang Jianguo"], 2000.0), 0)
        expense = {line.community_id: line.debit
                   for line in move.line_ids if line.debit > 0}
        self.assertEqual(
            self.currency.compare_amounts(expense[self.community_a1], 3800.0), 0)
        self.assertEqual(
            self.currency.compare_amounts(expense[self.community_a2], 2000.0), 0)
        self.assertEqual(
            self.currency.compare_amounts(run.amount_total, 5800.0), 0)

    def test_street_standard_takes_precedence(self):
        self.env["finance.subsidy.standard"].create({
            "name": "Head A", "post_code": "head",
            "company_id": self.street_a.id, "amount": 2200.0,
            "date_start": "2026-05-01"})
        run = self._run()
        run.action_post()
        line = run.move_id.line_ids.filtered(
            lambda line: line.partner_id.name == "Zhang Wei")
        self.assertEqual(self.currency.compare_amounts(line.credit, 2200.0), 0)

    def test_rerun_of_month_refused(self):
        self._run().action_post()
        with self.assertRaises(IntegrityError), \
                mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self._run()

    def test_run_posted_once(self):
        run = self._run()
        run.action_post()
        with self.assertRaises(UserError):
            run.action_post()

    def test_month_without_holders_refused(self):
        self.env["finance.subsidy.holder"].search([
            ("company_id", "=", self.street_a.id)]).write({"active": False})
        run = self._run()
        with self.assertRaises(UserError):
            run.action_post()
        self.assertFalse(run.move_id)
        self.assertEqual(run.state, "draft")

    def test_run_paid_from_fund_is_an_entry_on_its_account(self):
        category = self.env.ref(
            "community_finance.finance_expense_category_staff_subsidy")
        category.account_ids = self.expense_account
        fund = self._create_fund("Staff fund", "F-STAFF", categories=category)
        run = self._run()
        run.fund_id = fund
        run.action_post()
        expense = run.move_id.line_ids.filtered(lambda line: line.debit > 0)
        self.assertEqual(expense.mapped("analytic_account_id"),
                         fund.analytic_account_id)

    def test_run_from_fund_outside_categories_refused(self):
        run = self._run()
        run.fund_id = self.fund.copy({"code": "F-OTHER",
                                      "expense_category_ids": [(5, 0, 0)]})
        with self.assertRaises(UserError):
            run.action_post()
        self.assertEqual(run.state, "draft")

    def test_clerk_cannot_run_subsidies(self):
        with self.assertRaises(AccessError):
            self._run(user=self.street_clerk)

    def test_clerk_proposes_holder_of_own_community_only(self):
        partner = self.env["res.partner"].create({"name": "New deputy"})
        Holder = self.env["finance.subsidy.holder"].sudo(
            self.community_clerk.id)
        holder = Holder.create({
            "partner_id": partner.id, "standard_id": self.deputy.id,
            "community_id": self.community_a1.id})
        self.assertEqual(holder.company_id, self.street_a)
        with self.assertRaises(AccessError):
            Holder.create({
                "partner_id": partner.id, "standard_id": self.deputy.id,
                "community_id": self.community_a2.id})

    def test_bank_list_reads_back(self):
        run = self._run()
        run.action_post()
        report = self.env.ref(
            "community_finance.finance_subsidy_run_bank_xlsx").sudo(
                self.finance_officer.id)
        content, file_type = report.render_xlsx(run.ids, {})
        self.assertEqual(file_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        self.assertIn("补贴发放银行清单", rows[0][0])
        self.assertEqual(rows[1], ["序号", "姓名", "社区", "岗位", "开户银行",
                                   "银行账号", "金额（元）"])
        people = rows[2:-1]
        self.assertEqual(len(people), 3)
        by_name = {row[1]: row for row in people}
        self.assertEqual(by_name["Li Xiuying"][5], "6222000000000002")
        self.assertEqual(by_name["Li Xiuying"][4], "ICBC Sunshine branch")
        self.assertEqual(self.currency.compare_amounts(
            by_name["Li Xiuying"][6], 1800.0), 0)
        self.assertIn("3", rows[-1][0])
        self.assertEqual(self.currency.compare_amounts(rows[-1][6], 5800.0), 0)
        self.assertEqual(sheet.freeze_panes, "A3")
        self.assertEqual(sheet["G3"].number_format, "#,##0.00")
        self.assertGreater(sheet.column_dimensions["F"].width, 20)

    def test_bank_list_of_draft_run_refused(self):
        run = self._run()
        report = self.env.ref(
            "community_finance.finance_subsidy_run_bank_xlsx")
        with self.assertRaises(UserError):
            report.render_xlsx(run.ids, {})

    def test_officer_of_other_street_does_not_see_street_standard(self):
        own = self.env["finance.subsidy.standard"].create({
            "name": "Head A", "post_code": "head",
            "company_id": self.street_a.id, "amount": 2200.0,
            "date_start": "2026-05-01"})
        Standard = self.env["finance.subsidy.standard"].sudo(
            self.finance_officer_b.id)
        seen = Standard.search([])
        self.assertNotIn(own, seen)
        self.assertIn(self.head, seen)
        self.assertIn(own, Standard.sudo(self.finance_officer.id).search([]))

    def test_implausible_year_refused(self):
        with self.assertRaises(ValidationError):
            self.env["finance.subsidy.run"].create({
                "company_id": self.street_a.id, "year": 1999, "month": "5",
                "journal_id": self.finance_journal.id,
                "expense_account_id": self.expense_account.id,
                "payable_account_id": self._payable_account().id})
