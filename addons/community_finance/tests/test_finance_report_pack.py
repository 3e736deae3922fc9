# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl

from .test_final_accounts_xlsx import FinalAccountsCase


class TestFinanceReportPack(FinalAccountsCase):
    """The budget sheet of the monthly report pack: execution per community
    up to the end of the pack's month, from the posted entries."""

    def sheet(self, month, user):
        pack = self.env["community.report.pack"].with_context(
            test_queue_job_no_delay=True, lang="en_US").sudo(user.id).create({
                "company_id": self.street_a.id, "month": month})
        pack.action_generate()
        self.assertEqual(pack.state, "done", pack.error)
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(pack.attachment_id.datas)))
        return book["Budget execution"]

    @staticmethod
    def rows(sheet):
        return [[cell.value for cell in row]
                for row in sheet.iter_rows(min_row=4, max_row=6)]

    def test_execution_to_the_end_of_march(self):
        a1, a2, total = self.rows(self.sheet("2026-03-10", self.street_clerk))
        self.assertEqual(a1[:5], ["Street A 2026", "Community A1", 11000,
                                  2500, 8500])
        self.assertAlmostEqual(a1[5], 2500 / 11000)
        self.assertEqual(a2[:5], ["Street A 2026", "Community A2", 4000,
                                  1000, 3000])
        self.assertAlmostEqual(a2[5], 0.25)
        self.assertEqual(total[:5], ["Street total", None, 15000, 3500, 11500])
        self.assertAlmostEqual(total[5], 3500 / 15000)

    def test_september_counts_the_later_expense(self):
        a1, _a2, total = self.rows(
            self.sheet("2026-09-01", self.street_clerk))
        self.assertEqual(a1[3], 4000)
        self.assertEqual(total[3], 5000)

    def test_month_before_the_budget_is_empty(self):
        sheet = self.sheet("2025-12-01", self.street_clerk)
        self.assertEqual(sheet["A4"].value, "Street total")
        self.assertEqual(sheet["C4"].value, 0)
