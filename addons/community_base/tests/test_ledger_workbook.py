# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Plain tests of the ledger workbook reader: no database, workbooks built
with openpyxl in a temporary directory."""
import datetime
import io
import os
import shutil
import tempfile
import unittest

import openpyxl

from odoo.addons.community_base.tools.ledger_workbook import (
    MESSAGES,
    SHEETS,
    KnownRecords,
    build_template,
    read_ledger,
)

from .ledger_samples import good_rows, make_id_number, workbook_bytes


class LedgerWorkbookCase(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.directory = tempfile.mkdtemp(prefix="ledger_test_")
        self.addCleanup(shutil.rmtree, self.directory)

    def read_rows(self, rows, known=None, **kwargs):
        return read_ledger(workbook_bytes(self.directory, rows, **kwargs),
                           known)

    def codes(self, errors):
        return [(error.sheet, error.row, error.code) for error in errors]


class TestLedgerWorkbookGood(LedgerWorkbookCase):

    def test_good_workbook_gives_rows_and_no_error(self):
        rows, errors = self.read_rows(good_rows(residents=4))
        self.assertEqual(errors, [])
        self.assertEqual([len(rows[key]) for key in (
            "compound", "building", "household", "resident")], [1, 2, 2, 4])
        resident = rows["resident"][0]
        self.assertEqual(resident["_row"], 2)
        self.assertEqual(resident["relation"], "head")
        self.assertEqual(resident["residence_type"], "floating")
        self.assertEqual(resident["arrival_date"], datetime.date(2024, 1, 5))
        self.assertEqual(resident["care_groups"], ["独居老人"])
        self.assertEqual(rows["compound"][0]["kind"], "estate")
        self.assertIs(rows["household"][0]["is_party_member"], True)
        self.assertIs(rows["household"][1]["is_party_member"], False)
        self.assertEqual(rows["building"][0]["floor_count"], 6)

    def test_dates_as_text_are_read(self):
        rows = good_rows(residents=3)
        for index, text in enumerate(["2024-01-05", "2024/1/5", "20240105"]):
            rows["居民"][index][11] = text
        result, errors = self.read_rows(rows)
        self.assertEqual(errors, [])
        self.assertEqual({r["arrival_date"] for r in result["resident"]},
                         {datetime.date(2024, 1, 5)})

    def test_fifteen_digit_id_number_is_converted(self):
        rows = good_rows(residents=1)
        rows["居民"][0][1] = "110105491231002"
        result, errors = self.read_rows(rows)
        self.assertEqual(errors, [])
        self.assertEqual(result["resident"][0]["id_number"],
                         "11010519491231002X")

    def test_header_hints_and_extra_columns_are_accepted(self):
        headers = {
            "小区": ["小区名称*", "类型（小区/院落/居民小组）", "编码", "备注"],
        }
        rows = good_rows(residents=1)
        rows["小区"][0].append("a note")
        result, errors = self.read_rows(rows, headers=headers)
        self.assertEqual(errors, [])
        self.assertEqual(result["compound"][0]["kind"], "estate")

    def test_empty_rows_are_skipped_and_row_numbers_kept(self):
        rows = good_rows(residents=2)
        rows["居民"].insert(1, [None] * 13)
        rows["居民"][2][1] = "123"
        _result, errors = self.read_rows(rows)
        self.assertEqual(self.codes(errors), [("居民", 4, "bad_id_format")])

    def test_references_to_known_records_are_accepted(self):
        rows = good_rows(residents=2)
        rows["小区"] = []
        rows["楼栋"] = []
        known = KnownRecords(compounds=["幸福小区"],
                             buildings=[("幸福小区", "1")])
        _result, errors = self.read_rows(rows, known)
        self.assertEqual(errors, [])

    def test_template_reads_back_empty_without_error(self):
        rows, errors = read_ledger(build_template())
        self.assertEqual(errors, [])
        self.assertFalse(any(rows.values()))
        workbook = openpyxl.load_workbook(io.BytesIO(build_template()))
        for sheet in SHEETS:
            headers = [cell.value for cell in workbook[sheet.name][1]]
            self.assertEqual(headers, [col.header for col in sheet.columns])

    def test_every_message_formats_with_its_parameters(self):
        rows = good_rows(residents=2)
        rows["居民"][1][1] = rows["居民"][0][1]
        _result, errors = self.read_rows(rows)
        self.assertEqual(len(errors), 1)
        self.assertEqual(
            errors[0].message(),
            "ID number %s is already used in row 2 of this sheet."
            % rows["居民"][0][1])
        self.assertEqual(errors[0].column, "身份证号 (B)")
        self.assertTrue(all(isinstance(text, str)
                            for text in MESSAGES.values()))


class TestLedgerWorkbookRefusals(LedgerWorkbookCase):

    def test_not_a_zip_is_refused(self):
        rows, errors = read_ledger(b"name,id\nzhang,1\n")
        self.assertEqual(self.codes(errors), [("", None, "not_xlsx")])
        self.assertFalse(any(rows.values()))

    def test_zip_without_workbook_is_refused(self):
        path = os.path.join(self.directory, "empty.zip")
        shutil.make_archive(path[:-4], "zip", self.directory)
        with open(path, "rb") as archive:
            _rows, errors = read_ledger(archive.read())
        self.assertEqual([error.code for error in errors], ["not_xlsx"])

    def test_wrong_sheet_names_are_refused(self):
        _rows, errors = self.read_rows(good_rows(), sheet_names=["小区", "楼栋"])
        self.assertEqual(self.codes(errors), [
            ("户", None, "missing_sheet"), ("居民", None, "missing_sheet")])
        self.assertIn("户", errors[0].message())

    def test_missing_header_is_refused_with_its_name(self):
        headers = {
            "居民": [
                "姓名", "电话", "小区名称", "楼栋号", "单元", "室",
                "与户主关系", "户籍地址", "人口类型",
            ],
        }
        _rows, errors = self.read_rows({}, headers=headers)
        self.assertEqual(self.codes(errors), [("居民", 1, "missing_header")])
        self.assertIn("身份证号", errors[0].message())

    def test_duplicate_header_is_refused(self):
        headers = {"小区": ["小区名称", "类型", "小区名称"]}
        _rows, errors = self.read_rows({}, headers=headers)
        self.assertEqual(self.codes(errors), [("小区", 1, "duplicate_header")])
        self.assertEqual(errors[0].column, "小区名称 (C)")

    def test_ten_thousand_character_cell_is_refused(self):
        rows = good_rows(residents=1)
        rows["居民"][0][8] = "长" * 10000
        _rows, errors = self.read_rows(rows)
        self.assertEqual(self.codes(errors), [("居民", 2, "too_long")])
        self.assertIn("10000", errors[0].message())
        self.assertEqual(errors[0].column, "户籍地址 (I)")

    def test_bad_date_is_refused(self):
        rows = good_rows(residents=2)
        rows["居民"][0][11] = "2024/13/45"
        rows["居民"][1][11] = "next week"
        _rows, errors = self.read_rows(rows)
        self.assertEqual(self.codes(errors), [
            ("居民", 2, "bad_date"), ("居民", 3, "bad_date")])

    def test_bad_checksum_is_refused(self):
        rows = good_rows(residents=1)
        good = rows["居民"][0][1]
        rows["居民"][0][1] = good[:17] + ("0" if good[17] != "0" else "1")
        _rows, errors = self.read_rows(rows)
        self.assertEqual(self.codes(errors), [("居民", 2, "bad_id_checksum")])

    def test_id_number_typed_as_number_is_refused(self):
        rows = good_rows(residents=1)
        rows["居民"][0][1] = 1.10105194912310e17
        _rows, errors = self.read_rows(rows)
        self.assertEqual(self.codes(errors), [("居民", 2, "id_as_number")])

    def test_duplicate_id_and_id_already_in_street_are_refused(self):
        rows = good_rows(residents=3)
        rows["居民"][2][1] = rows["居民"][0][1]
        known = KnownRecords(id_numbers=[rows["居民"][1][1]])
        _rows, errors = self.read_rows(rows, known)
        self.assertEqual(self.codes(errors), [
            ("居民", 3, "id_exists"), ("居民", 4, "duplicate_id")])

    def test_duplicate_rows_are_refused(self):
        rows = good_rows(residents=2)
        rows["楼栋"].append(list(rows["楼栋"][0]))
        rows["户"].append(list(rows["户"][0]))
        _rows, errors = self.read_rows(rows)
        self.assertEqual(self.codes(errors), [
            ("楼栋", 4, "duplicate_row"), ("户", 3, "duplicate_row")])
        self.assertIn("row 2", errors[0].message())

    def test_unknown_references_are_refused(self):
        rows = good_rows(residents=2)
        rows["楼栋"].append(["无名小区", "9", "", None, None])
        rows["户"].append(["幸福小区", "8", "1", "101", "户籍户", "否", "否"])
        rows["居民"][1][6] = "999"
        _rows, errors = self.read_rows(rows)
        self.assertEqual(self.codes(errors), [
            ("楼栋", 4, "unknown_compound"), ("户", 3, "unknown_building"),
            ("居民", 3, "unknown_household")])

    def test_missing_required_cells_and_bad_values_are_refused(self):
        rows = good_rows(residents=2)
        rows["居民"][0][0] = ""
        rows["居民"][0][7] = "邻居"
        rows["户"][0][5] = "也许"
        rows["楼栋"][0][4] = "六"
        rows["居民"][1][2] = "call me"
        _rows, errors = self.read_rows(rows)
        self.assertEqual(self.codes(errors), [
            ("楼栋", 2, "bad_integer"), ("户", 2, "bad_bool"),
            ("居民", 2, "required"), ("居民", 2, "bad_choice"),
            ("居民", 3, "bad_phone")])

    def test_two_heads_and_unknown_care_group_are_refused(self):
        rows = good_rows(residents=2)
        rows["居民"][1][7] = "户主"
        rows["居民"][1][12] = "独居老人，外星人"
        known = KnownRecords(care_groups=["独居老人", "低保"])
        _rows, errors = self.read_rows(rows, known)
        self.assertEqual(self.codes(errors), [
            ("居民", 3, "two_heads"), ("居民", 3, "unknown_care_group")])

    def test_error_list_is_capped(self):
        rows = good_rows(residents=1)
        rows["居民"] = [["", make_id_number(1)] for _index in range(30)]
        _rows, errors = read_ledger(
            workbook_bytes(self.directory, rows), max_errors=10)
        self.assertEqual(len(errors), 11)
        self.assertEqual(errors[-1].code, "too_many_errors")
