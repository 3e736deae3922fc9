# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl

from odoo.exceptions import AccessError, UserError

from .common import EvalCase

HEADER = ["评议对象", "问卷编号", "Service", "Overall", "Facilities"]


def workbook(sheets):
    """An xlsx as a survey company returns it: ``{title: rows}``."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return base64.b64encode(stream.getvalue())


class TestScoreImport(EvalCase):
    """Scores from a survey company's workbook: all or nothing, every bad
    row reported with its sheet and row."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._create_campaign()
        cls.campaign.action_open()

    def _import(self, content, user=None):
        wizard = self.env["eval.score.import"].sudo(
            (user or self.street_clerk).id).create({
                "campaign_id": self.campaign.id, "file": content,
                "filename": "survey.xlsx"})
        wizard.action_import()
        return wizard

    def test_import_creates_submitted_sheets_and_scores(self):
        content = workbook({
            "A1": [HEADER,
                   ["Community A1", "Q-001", "满意", "满意", 8],
                   ["A1", "Q-002", "基本满意", "不满意", 6],
                   [None, None, None, None, None]],
            "A2": [HEADER,
                   ["Community A2", "Q-101", "基本满意", "基本满意", 10],
                   ["A2", "Q-102", "不满意", "基本满意", 4]],
        })
        wizard = self._import(content)
        self.assertEqual(wizard.imported_count, 4)
        sheets = self.campaign.sheet_ids
        self.assertEqual(len(sheets), 4)
        self.assertEqual(set(sheets.mapped("state")), {"done"})
        self.assertEqual(set(sheets.mapped("source")), {"import"})
        self.assertEqual(set(sheets.mapped("company_id").ids),
                         {self.street_a.id})
        q2 = sheets.filtered(lambda sheet: sheet.respondent == "Q-002")
        self.assertEqual(q2.target_community_id, self.community_a1)
        self.assertEqual(q2.line_ids.mapped("answer"),
                         ["basic", "dissatisfied", False])
        self.assertEqual(q2.line_ids.mapped("score"), [80.0, 0.0, 60.0])
        self.campaign.action_compute()
        a1 = self.result_of(self.campaign, self.community_a1)
        self.assertAlmostEqual(a1.weighted_score, 65.0)
        self.assertAlmostEqual(a1.satisfaction_rate, 75.0)
        self.assertAlmostEqual(
            self.result_of(self.campaign, self.community_a2).weighted_score,
            67.5)

    def test_every_bad_row_reported_and_nothing_written(self):
        content = workbook({
            "A1": [HEADER,
                   ["Community A1", "Q-001", "满意", "满意", 8],
                   ["Community B1", "Q-002", "满意", "满意", 8],
                   ["A1", "Q-003", "很好", "满意", 8]],
            "A2": [HEADER,
                   ["A2", "Q-101", "满意", "满意", 12],
                   ["A2", "Q-102", "满意", None, 5]],
        })
        with self.assertRaises(UserError) as caught:
            self._import(content)
        message = str(caught.exception.name)
        self.assertIn("4", message)
        self.assertIn("Sheet A1, row 3: Community B1", message)
        self.assertIn("Sheet A1, row 4, Service: 很好", message)
        self.assertIn("Sheet A2, row 2, Facilities: 12", message)
        self.assertIn("Sheet A2, row 3, Overall: -", message)
        self.assertFalse(self.campaign.sheet_ids)

    def test_unknown_and_missing_columns_reported(self):
        content = workbook({"Data": [
            ["评议对象", "Service", "Overall", "Speed"],
            ["A1", "满意", "满意", "满意"]]})
        with self.assertRaises(UserError) as caught:
            self._import(content)
        message = str(caught.exception.name)
        self.assertIn("Sheet Data, row 1: column Speed", message)
        self.assertIn("Sheet Data, row 1: no column for Facilities",
                      message)
        self.assertFalse(self.campaign.sheet_ids)

    def test_not_a_workbook_refused(self):
        with self.assertRaisesRegex(UserError, "survey.xlsx"):
            self._import(base64.b64encode(b"not a workbook"))

    def test_closed_campaign_refuses_import(self):
        self.campaign.action_close()
        content = workbook({"A1": [HEADER, ["A1", "1", "满意", "满意", 8]]})
        with self.assertRaisesRegex(UserError, self.campaign.name):
            self._import(content)

    def test_import_of_another_street_refused(self):
        content = workbook({"A1": [HEADER, ["A1", "1", "满意", "满意", 8]]})
        with self.assertRaises(AccessError):
            self._import(content, user=self.street_clerk_b)
        self.assertFalse(self.campaign.sheet_ids)
