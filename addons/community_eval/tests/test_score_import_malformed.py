# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The survey score import against malformed workbooks and random ones.

Every sheet of the survey company's workbook is read (the sheet names do
not matter; empty sheets are skipped, hidden sheets with data refused).
Every bad file is refused with a UserError naming the sheet, the row and
the column (indicator) of each bad cell, and nothing is written: the
counts of ``eval.sheet`` and ``eval.sheet.line`` are the same before and
after (the wizard writes no progress or error rows). A questionnaire
number seen twice, in the file or already in the campaign, is refused:
importing the same file twice must not count it twice.
"""
import base64
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import UserError

from odoo.addons.community_base.tests import malformed_workbooks as bad

from .common import EvalCase

HEADER = ["评议对象", "问卷编号", "Service", "Overall", "Facilities"]
ANSWERS = {"满意": "satisfied", "基本满意": "basic", "不满意": "dissatisfied"}


class ScoreImportCase(EvalCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._create_campaign()
        cls.campaign.action_open()

    def counts(self):
        return [self.env[model].sudo().search_count([])
                for model in ("eval.sheet", "eval.sheet.line")]

    def run_import(self, content):
        wizard = self.env["eval.score.import"].sudo(
            self.street_clerk.id).create({
                "campaign_id": self.campaign.id,
                "file": base64.b64encode(content),
                "filename": "survey.xlsx"})
        wizard.action_import()
        return wizard

    def refused(self, content, *expected):
        before = self.counts()
        with self.assertRaises(UserError) as refusal:
            self.run_import(content)
        message = refusal.exception.name
        for text in expected:
            self.assertIn(text, message)
        self.assertLess(len(message), 3000)
        self.assertEqual(self.counts(), before)
        return message


class TestScoreImportMalformed(ScoreImportCase):

    def test_files_that_are_no_workbook_are_refused(self):
        valid = bad.xlsx({"A1": [HEADER, ["A1", "Q-1", "满意", "满意", 8]]})
        for name, content in bad.not_workbooks(valid).items():
            if not content:
                continue  # the form's required field refuses no file
            with self.subTest(case=name):
                message = self.refused(content, "survey.xlsx")
                self.assertRegex(message, "not an Excel workbook|damaged|"
                                          "password-protected")
        self.refused(bad.not_workbooks(valid)["password-protected (OLE2)"],
                     "password")

    def test_missing_headers_are_named_with_the_sheet(self):
        self.refused(bad.xlsx({"问卷": [HEADER[1:], ["Q-1", "满意", "满意",
                                                   8]]}),
                     "Sheet 问卷: no column 评议对象")
        for position in (2, 3, 4):
            header = HEADER[:position] + HEADER[position + 1:]
            row = ["A1", "Q-1", "满意", "满意", 8]
            del row[position]
            with self.subTest(header=HEADER[position]):
                self.refused(bad.xlsx({"问卷": [header, row]}),
                             "Sheet 问卷, row 1: no column for %s"
                             % HEADER[position])

    def test_header_in_another_row_is_refused(self):
        self.refused(bad.xlsx({"问卷": [["2026年第一季度满意度测评"], HEADER,
                                      ["A1", "Q-1", "满意", "满意", 8]]}),
                     "Sheet 问卷: no column 评议对象")

    def test_duplicate_header_is_refused(self):
        self.refused(bad.xlsx({"问卷": [
            HEADER + ["Service"], ["A1", "Q-1", "满意", "满意", 8, "不满意"]]}),
            "Sheet 问卷, row 1: column Service appears twice")

    def test_only_empty_sheets_hold_no_questionnaire(self):
        self.refused(bad.xlsx({}, empty_sheets=["Sheet1", "Sheet2"]),
                     "holds no questionnaire")
        # an empty sheet beside a good one is skipped
        self.run_import(bad.xlsx(
            {"问卷": [HEADER, ["A1", "Q-1", "满意", "满意", 8]]},
            empty_sheets=["空表"]))
        self.assertEqual(len(self.campaign.sheet_ids), 1)

    def test_formula_without_saved_value_is_refused(self):
        content = bad.xlsx(
            {"问卷": [HEADER, ["A1", "Q-1", "满意", "满意", 8],
                    ["A2", "Q-2", "满意", "满意", 8]]},
            formulas={"问卷": {"C2": '=IF(1,"满意","")', "E3": "=4+4"}})
        self.refused(content, "Sheet 问卷, row 2, Service: -",
                     "Sheet 问卷, row 3, Facilities: -")

    def test_ten_thousand_character_cells_are_refused_by_cell(self):
        expected = ["Sheet 问卷, row 2: %s…" % ("长" * 40),
                    "Sheet 问卷, row 2, 问卷编号: %s… has 10000 characters"
                    % ("长" * 40),
                    "Sheet 问卷, row 2, Service: %s…" % ("长" * 40),
                    "Sheet 问卷, row 2, Overall: %s…" % ("长" * 40),
                    "Sheet 问卷, row 2, Facilities: %s…" % ("长" * 40)]
        for position in range(5):
            row = ["A1", "Q-1", "满意", "满意", 8]
            row[position] = bad.LONG_TEXT
            with self.subTest(column=HEADER[position]):
                message = self.refused(bad.xlsx({"问卷": [HEADER, row]}),
                                       expected[position])
                self.assertNotIn("长" * 41, message)

    def test_marks_and_answers_as_text_are_refused_by_cell(self):
        for text in ("nan", "inf", "-1", "11", "十", "2020/1/2") + \
                bad.NOT_DATES:
            with self.subTest(mark=text):
                self.refused(bad.xlsx({"问卷": [
                    HEADER, ["A1", "Q-1", "满意", "满意", text]]}),
                    "Sheet 问卷, row 2, Facilities: %s is not a mark" % text)
        for text in ("很满意", "是", "1", "2020年1月2日"):
            with self.subTest(answer=text):
                self.refused(bad.xlsx({"问卷": [
                    HEADER, ["A1", "Q-1", text, "满意", 8]]}),
                    "Sheet 问卷, row 2, Service: %s is not" % text)
        # a mark typed as text is a mark
        self.run_import(bad.xlsx({"问卷": [
            HEADER, ["A1", "Q-1", "满意", "满意", " 7.5 "]]}))
        line = self.campaign.sheet_ids.line_ids.filtered(
            lambda line: line.indicator_id == self.facilities)
        self.assertAlmostEqual(line.points, 7.5)

    def test_merged_cells_leave_the_lower_cells_empty(self):
        content = bad.xlsx({"问卷": [HEADER, ["A1", "Q-1", "满意", "满意", 8],
                                   ["A1", "Q-2", "满意", "满意", 8]]},
                           merged={"问卷": ["A2:A3"]})
        self.refused(content, "Sheet 问卷, row 3: - is not a target")

    def test_hidden_sheet_with_data_is_refused(self):
        content = bad.xlsx({"问卷": [HEADER, ["A1", "Q-1", "满意", "满意", 8]],
                            "旧数据": [HEADER, ["A2", "Q-9", "满意", "满意", 8]]},
                           hidden=["旧数据"])
        self.refused(content, "Sheet 旧数据 is hidden")

    def test_value_in_the_last_cell_of_the_sheet_is_quick(self):
        content = bad.with_cell(
            bad.xlsx({"问卷": [HEADER, ["A1", "Q-1", "满意", "满意", 8]]}),
            "问卷", "XFD1048576", "x")
        started = time.time()
        self.refused(content, "Sheet 问卷, row 1048576")
        self.assertLess(time.time() - started, 30)

    def test_duplicate_questionnaires_in_the_file_and_the_campaign(self):
        row = ["A1", "Q-1", "满意", "满意", 8]
        self.refused(bad.xlsx({"一": [HEADER, row], "二": [HEADER, row]}),
                     "Sheet 二, row 2: questionnaire Q-1 is also in sheet "
                     "一, row 2")
        self.run_import(bad.xlsx({"一": [HEADER, row]}))
        self.refused(bad.xlsx({"一": [HEADER, ["A2", "Q-2", "满意", "满意", 8],
                                     row]}),
                     "Sheet 一, row 3: questionnaire Q-1 is already "
                     "imported")
        self.assertEqual(len(self.campaign.sheet_ids), 1)


# -- hypothesis ---------------------------------------------------------

@st.composite
def survey_rows(draw):
    """1-8 questionnaires with distinct numbers, random targets, answers
    and marks (a number or text)."""
    numbers = draw(st.lists(st.integers(1, 9999), min_size=1, max_size=8,
                            unique=True))
    rows = []
    for number in numbers:
        mark = draw(st.integers(0, 100)) / 10.0
        rows.append([
            draw(st.sampled_from(["A1", "Community A1", "A2",
                                  "Community A2"])),
            "Q-%04d" % number,
            draw(st.sampled_from(sorted(ANSWERS))),
            draw(st.sampled_from(sorted(ANSWERS))),
            mark if draw(st.booleans()) else "%s" % mark])
    return rows


def corrupt(rows, kind, data):
    rows = [list(row) for row in rows]
    header = list(HEADER)
    index = data.draw(st.integers(0, len(rows) - 1))
    where = "Sheet 问卷, row %d" % (index + 2)
    if kind == "drop_indicator":
        position = data.draw(st.sampled_from([2, 3, 4]))
        name = header.pop(position)
        for row in rows:
            del row[position]
        return header, rows, "Sheet 问卷, row 1: no column for %s" % name
    if kind == "unknown_target":
        rows[index][0] = data.draw(st.sampled_from(["B1", "Community B1",
                                                    "X"]))
        return header, rows, where + ": %s is not a target" % rows[index][0]
    if kind == "bad_answer":
        rows[index][2] = data.draw(st.sampled_from(["很好", None, "差"]))
        return header, rows, where + ", Service:"
    if kind == "bad_mark":
        rows[index][4] = data.draw(st.sampled_from([10.5, -1, "x", None]))
        return header, rows, where + ", Facilities:"
    rows.append(list(rows[index]))
    return header, rows, "Sheet 问卷, row %d: questionnaire %s is also in" % (
        len(rows) + 1, rows[index][1])


class TestScoreImportProperties(ScoreImportCase):

    @settings(max_examples=10, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(survey_rows())
    def test_random_questionnaires_import_as_written(self, rows):
        with _rolled_back(self.env):
            wizard = self.run_import(bad.xlsx({"问卷": [HEADER] + rows}))
            self.assertEqual(wizard.imported_count, len(rows))
            sheets = {sheet.respondent: sheet
                      for sheet in self.campaign.sudo().sheet_ids}
            self.assertEqual(len(sheets), len(rows))
            for target, respondent, service, overall, mark in rows:
                sheet = sheets[respondent]
                self.assertEqual(sheet.target_community_id, (
                    self.community_a1 if target.endswith("A1")
                    else self.community_a2))
                lines = sheet.line_ids.sorted("sequence")
                self.assertEqual(lines.mapped("answer")[:2],
                                 [ANSWERS[service], ANSWERS[overall]])
                self.assertAlmostEqual(lines[2].points, float(mark))

    @settings(max_examples=12, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(survey_rows(), st.sampled_from(
        ["drop_indicator", "unknown_target", "bad_answer", "bad_mark",
         "duplicate_questionnaire"]), st.data())
    def test_corrupted_questionnaires_are_refused_by_cell(self, rows, kind,
                                                          data):
        header, rows, expected = corrupt(rows, kind, data)
        with _rolled_back(self.env):
            self.refused(bad.xlsx({"问卷": [header] + rows}), expected)


class _rolled_back(object):
    """Undo what the block wrote, so that each hypothesis example starts
    from the same campaign."""

    def __init__(self, env):
        self.env = env

    def __enter__(self):
        self.env.cr.execute("SAVEPOINT score_example")
        return self

    def __exit__(self, exc_type, exc, traceback):
        self.env.cr.execute("ROLLBACK TO SAVEPOINT score_example")
        self.env.cr.execute("RELEASE SAVEPOINT score_example")
        self.env.clear()
        return False
