# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo.exceptions import AccessError

from .common import EvalCase


class TestReport(EvalCase):
    """The rankings workbook, read back."""

    def _render(self, xmlid, records, user):
        report = self.env.ref(xmlid).sudo(user.id)
        content, file_type = report.render_xlsx(records.ids, {})
        self.assertEqual(file_type, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_rankings_workbook(self):
        campaign = self._scored_campaign()
        campaign.action_close()
        book = self._render("community_eval.eval_campaign_xlsx", campaign,
                            self.leader)
        sheet = book.worksheets[0]
        self.assertIn(campaign.name, sheet["A1"].value)
        self.assertEqual(
            [cell.value for cell in sheet[2]],
            ["排名", "评议对象", "综合得分", "满意率", "样本量", "扣分",
             "Service", "Overall", "Facilities"])
        self.assertEqual(sheet.freeze_panes, "C3")
        self.assertEqual(
            [cell.value for cell in sheet[3]][:9],
            [1, "Community A2", 67.5, 0.75, 2, 0, 40, 80, 70])
        self.assertEqual(
            [cell.value for cell in sheet[4]][:9],
            [2, "Community A1", 65, 0.75, 2, 0, 90, 50, 70])
        self.assertEqual(sheet["D3"].number_format, "0.00%")
        self.assertEqual(sheet["C3"].number_format, "0.00")
        self.assertEqual(sheet["A5"].value, "合计")
        self.assertEqual(sheet["C5"].value, "=AVERAGE(C3:C4)")
        self.assertEqual(sheet["E5"].value, "=SUM(E3:E4)")
        self.assertAlmostEqual(sheet["D5"].value, 0.75)
        self.assertGreater(sheet.column_dimensions["B"].width, 20)

    def test_cached_totals(self):
        campaign = self._scored_campaign()
        campaign.action_close()
        report = self.env.ref("community_eval.eval_campaign_xlsx")
        content, _type = report.render_xlsx(campaign.ids, {})
        sheet = openpyxl.load_workbook(
            io.BytesIO(content), data_only=True).worksheets[0]
        self.assertAlmostEqual(sheet["C5"].value, 66.25)
        self.assertEqual(sheet["E5"].value, 4)

    def test_results_workbook_per_target(self):
        campaign = self._scored_campaign()
        campaign.action_close()
        book = self._render("community_eval.eval_result_xlsx",
                            campaign.result_ids, self.street_clerk)
        self.assertEqual(book.sheetnames, ["Community A1", "Community A2"])
        sheet = book["Community A1"]
        self.assertEqual(sheet["A2"].value, "期间")
        self.assertEqual(sheet["B3"].value, campaign.name)
        self.assertEqual(sheet["D3"].value, 2)
        self.assertEqual(sheet["E3"].value, 65)

    def test_other_street_cannot_print(self):
        campaign = self._scored_campaign()
        with self.assertRaises(AccessError):
            self._render("community_eval.eval_campaign_xlsx", campaign,
                         self.street_clerk_b)
