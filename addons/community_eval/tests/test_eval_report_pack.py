# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import datetime
import io

import openpyxl

from .common import EvalCase


class TestEvalReportPack(EvalCase):
    """The evaluation sheet of the monthly report pack and the evaluation
    tiles of the dashboard, on the known campaign of EvalCase."""

    def setUp(self):
        super().setUp()
        self.campaign = self._scored_campaign(1)
        self.campaign.sudo(self.street_clerk.id).action_close()

    def sheet(self, month):
        pack = self.env["community.report.pack"].with_context(
            test_queue_job_no_delay=True, lang="en_US").sudo(
                self.street_clerk.id).create({
                    "company_id": self.street_a.id, "month": month})
        pack.action_generate()
        self.assertEqual(pack.state, "done", pack.error)
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(pack.attachment_id.datas)))
        self.assertEqual(book.sheetnames[-1], "Evaluation")
        return book["Evaluation"]

    def test_results_of_campaigns_closed_for_the_year(self):
        sheet = self.sheet("2026-04-01")
        rows = [[cell.value for cell in row]
                for row in sheet.iter_rows(min_row=4, max_row=6)]
        # ranked: A2 (67.5) before A1 (65.0); two answers each, 75 % satisfied
        self.assertEqual(
            [row[:4] for row in rows[:2]],
            [["Survey 2026Q1", datetime.datetime(2026, 3, 31),
              "Community A2", 2],
             ["Survey 2026Q1", datetime.datetime(2026, 3, 31),
              "Community A1", 2]])
        self.assertEqual([row[5:] for row in rows[:2]],
                         [[67.5, 1], [65.0, 2]])
        for row in rows[:2]:
            self.assertAlmostEqual(row[4], 0.75)
        self.assertEqual(rows[2][0], "Street total")
        self.assertEqual(rows[2][3], 4)

    def test_period_not_over_yet_is_not_reported(self):
        sheet = self.sheet("2026-02-01")
        self.assertEqual(sheet["A4"].value, "Street total")
        self.assertEqual(sheet["D4"].value, 0)

    def test_satisfaction_tile(self):
        tile = self.env.ref("community_eval.community_kpi_satisfaction_year")
        for user in (self.street_clerk, self.leader):
            self.assertAlmostEqual(tile.sudo(user).with_context(
                kpi_today="2026-05-01").value, 75.0, msg=user.login)
        self.assertEqual(tile.sudo(self.street_clerk_b).with_context(
            kpi_today="2026-05-01").value_display, "—")
