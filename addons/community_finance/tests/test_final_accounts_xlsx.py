# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo.exceptions import AccessError

from .common import FinanceCase

REPORT = "community_finance.crossovered_budget_final_accounts_xlsx"


class FinalAccountsCase(FinanceCase):
    """A year of street A: A1 planned 10,000 then increased by 1,000,
    A2 planned 4,000; expenses of 2,500 + 1,500 (A1) and 1,000 (A2); an
    open commitment of 500 on A2."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._create_budget(name="Street A 2026")
        cls.line_a1 = cls._create_budget_line(
            cls.budget, cls.community_a1, 10000.0)
        cls.line_a2 = cls._create_budget_line(
            cls.budget, cls.community_a2, 4000.0)
        cls._approve_budget(cls.budget)
        adjustment = cls.env["finance.budget.adjustment"].create({
            "budget_id": cls.budget.id, "adjustment_type": "increase",
            "reason": "Flood relief",
            "line_ids": [(0, 0, {"budget_line_id": cls.line_a1.id,
                                 "amount": 1000.0})]})
        adjustment.action_submit()
        adjustment.sudo(cls.finance_officer.id).action_approve()
        cls.moves = cls._post_expense(cls.community_a1, 2500.0) | \
            cls._post_expense(cls.community_a1, 1500.0, date="2026-09-30") | \
            cls._post_expense(cls.community_a2, 1000.0)
        cls.env["finance.commitment"].commit_budget(cls.line_a2, 500.0)

    def export(self, user=None):
        report = self.env.ref(REPORT).sudo((user or self.finance_officer).id)
        content, file_type = report.render_xlsx(self.budget.ids, {})
        self.assertEqual(file_type, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(values_only=True)]


class TestFinalAccountsXlsx(FinalAccountsCase):

    def test_sheets_title_and_headers(self):
        workbook = self.export()
        self.assertEqual(workbook.sheetnames, ["决算明细", "按社区", "按专款"])
        sheet = workbook["决算明细"]
        self.assertIn("Test Street A2026年度预算决算表", sheet["A1"].value)
        self.assertIn("A1:L1", [str(rng) for rng in sheet.merged_cells.ranges])
        self.assertIn("E3:G3", [str(rng) for rng in sheet.merged_cells.ranges])
        self.assertEqual(sheet["E3"].value, "预算")
        self.assertEqual(sheet["H3"].value, "执行")
        self.assertEqual(
            self.rows(sheet)[3],
            ["序号", "社区", "专款", "预算科目", "批复预算", "预算调整",
             "调整后预算", "已占用", "实际支出", "可用余额", "预算差异", "执行率"])
        self.assertEqual(sheet.freeze_panes, "C5")
        self.assertEqual(sheet.page_setup.orientation, "landscape")
        self.assertEqual(str(sheet.page_setup.paperSize), "9")
        self.assertGreater(sheet.column_dimensions["B"].width, 10)

    def test_line_figures_and_totals(self):
        sheet = self.export()["决算明细"]
        rows = self.rows(sheet)
        a1, a2, total = rows[4], rows[5], rows[6]
        self.assertEqual(a1[1], "Community A1")
        self.assertEqual(a1[4:11], [10000, 1000, 11000, 0, 4000, 7000, 7000])
        self.assertAlmostEqual(a1[11], 4000 / 11000)
        self.assertEqual(a2[1], "Community A2")
        self.assertEqual(a2[4:11], [4000, 0, 4000, 500, 1000, 2500, 3000])
        self.assertAlmostEqual(a2[11], 0.25)
        self.assertEqual(total[0], "合计")
        self.assertEqual(total[4:11],
                         [14000, 1000, 15000, 500, 5000, 9500, 10000])
        self.assertAlmostEqual(total[11], 5000 / 15000)
        self.assertEqual(sheet.cell(row=5, column=9).number_format,
                         "#,##0.00")
        self.assertEqual(sheet.cell(row=5, column=12).number_format, "0.00%")

    def test_actual_matches_journal_entries(self):
        rows = self.rows(self.export()["决算明细"])
        entries = self.env["account.move.line"].search([
            ("move_id.state", "=", "posted"),
            ("account_id", "in", self.budget_post.account_ids.ids),
            ("analytic_account_id", "in", (
                self.community_a1 | self.community_a2
            ).mapped("analytic_account_id").ids),
            ("date", ">=", self.budget.date_from),
            ("date", "<=", self.budget.date_to)])
        self.assertEqual(entries.mapped("move_id"), self.moves)
        by_community = {}
        for entry in entries:
            name = entry.analytic_account_id.name
            by_community[name] = by_community.get(name, 0.0) + \
                entry.debit - entry.credit
        self.assertEqual({row[1]: row[8] for row in rows[4:6]}, by_community)
        self.assertEqual(rows[6][8], sum(entries.mapped("debit")))

    def test_summary_by_community_and_fund(self):
        workbook = self.export()
        rows = self.rows(workbook["按社区"])
        self.assertEqual(rows[2], ["序号", "社区", "调整后预算", "实际支出",
                                   "预算差异", "执行率"])
        self.assertEqual(rows[3][1:5], ["Community A1", 11000, 4000, 7000])
        self.assertEqual(rows[4][1:5], ["Community A2", 4000, 1000, 3000])
        self.assertEqual(rows[5][0], "合计")
        self.assertEqual(rows[5][2:5], [15000, 5000, 10000])
        self.assertEqual(workbook["按社区"].freeze_panes, "C4")
        funds = self.rows(workbook["按专款"])
        self.assertEqual(funds[3][1:4], ["（非专款）", 15000, 5000])

    def test_leader_exports(self):
        rows = self.rows(self.export(self.leader)["决算明细"])
        self.assertEqual(rows[6][8], 5000)

    def test_clerk_cannot_export(self):
        with self.assertRaises(AccessError):
            self.export(self.street_clerk)

    def test_other_street_cannot_export(self):
        with self.assertRaises(AccessError):
            self.export(self.finance_officer_b)


class TestFinalAccountsReport(FinalAccountsCase):
    """The printed final accounts show the same figures as the workbook."""

    def test_printed_report_shows_lines_and_groups(self):
        report = self.env.ref(
            "community_finance.crossovered_budget_final_accounts_pdf")
        html = report.sudo(self.finance_officer.id).render_qweb_html(
            self.budget.ids)[0].decode()
        for text in ("Community A1", "Community A2", "11,000.00",
                     "5,000.00", "36.36%", "25.00%", "33.33%"):
            self.assertIn(text, html)
        groups = self.budget._final_accounts_groups("community_id")
        self.assertEqual([(group["name"], group["planned"], group["actual"])
                          for group in groups],
                         [("Community A1", 11000.0, 4000.0),
                          ("Community A2", 4000.0, 1000.0)])
        self.assertEqual(
            self.budget._final_accounts_groups("fund_id")[0]["actual"],
            5000.0)

    def test_budget_form_shows_execution_by_community_and_fund(self):
        summary = self.budget.sudo(self.leader.id).execution_summary
        for text in ("Community A1", "11,000.00", "4,000.00", "36.36%",
                     "Community A2", "25.00%", "No fund", "33.33%"):
            self.assertIn(text, summary)
