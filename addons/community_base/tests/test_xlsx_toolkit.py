# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import doctest
import io
import os
import re

import openpyxl

from ..tools import report_sheet
from ..tools.report_sheet import Book, Column, Formula, Span
from .common import StreetRoleCase

ADDONS = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
ID_NUMBER = "11010519491231002X"
ID_NUMBER_DIGITS = "110105194912310021"
COLUMNS = [
    Column("名称", "text", 18), Column("代码", "text", 8),
    Column("身份证号", "id_number", 20), Column("电话", "phone", 14),
    Column("出生日期", "birth_date", 11), Column("人数", "int", 8),
    Column("户均", "float", 8), Column("天数", "float", 8, 1),
    Column("金额", "money", 12), Column("比例", "percent", 8),
    Column("执行率", "percent", 8, 2), Column("日期", "date", 11),
]


class TestXlsxToolkit(StreetRoleCase):
    """``tools/report_sheet.py`` written with xlsxwriter, read back with
    openpyxl as a superior's Excel reads it."""

    def build(self, user, write=None, **table_options):
        """A workbook of one table written as ``user``, read back."""
        buffer = io.BytesIO()
        workbook = report_sheet.new_workbook(buffer, in_memory=True)
        book = Book(workbook, self.env(user=user.id))
        table = book.table("测试", COLUMNS, "标题", subtitle="街道，2026年11月",
                           **table_options)
        if write:
            write(table)
        else:
            table.write_row([
                "=HYPERLINK(\"http://x\")", "000123", ID_NUMBER,
                "13812345678", datetime.date(1949, 12, 31), 3, 2.5, 1.5,
                1234.5, 0.25, 0.3333, datetime.date(2026, 11, 30)])
            table.write_row(["第二行", None, ID_NUMBER_DIGITS, "", None, 0])
            table.write_totals(["合计", None, None, None, None, 3,
                                Formula("=AVERAGE(G4:G5)", 2.5)])
        workbook.close()
        return openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))["测试"]

    def test_doctests_pass(self):
        failures, tried = doctest.testmod(report_sheet)
        self.assertGreater(tried, 0)
        self.assertEqual(failures, 0)

    def test_title_and_subtitle_are_merged_over_the_table(self):
        sheet = self.build(self.community_clerk)
        merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
        self.assertIn("A1:L1", merged)
        self.assertIn("A2:L2", merged)
        self.assertEqual(sheet["A1"].value, "标题")
        self.assertTrue(sheet["A1"].font.b)
        self.assertEqual(sheet["A2"].value, "街道，2026年11月")

    def test_header_is_frozen_repeated_and_printed_a4_landscape(self):
        sheet = self.build(self.community_clerk)
        self.assertEqual([cell.value for cell in sheet[3]][:3],
                         ["名称", "代码", "身份证号"])
        self.assertTrue(sheet["A3"].font.b)
        self.assertEqual(sheet.freeze_panes, "B4")
        self.assertEqual(sheet.print_title_rows, "$3:$3")
        self.assertEqual(sheet.page_setup.orientation, "landscape")
        self.assertEqual(int(sheet.page_setup.paperSize), 9)
        self.assertGreater(sheet.column_dimensions["C"].width, 19)
        self.assertLess(sheet.column_dimensions["B"].width, 10)

    def test_group_headers_span_their_columns(self):
        sheet = self.build(
            self.community_clerk, write=lambda table: None,
            groups=[("居民", 2, 4), ("统计", 5, 11)], freeze_cols=2)
        merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
        self.assertIn("C3:E3", merged)
        self.assertIn("F3:L3", merged)
        # a column of no group: its header over both header rows
        self.assertIn("A3:A4", merged)
        self.assertEqual(sheet["A3"].value, "名称")
        self.assertEqual(sheet["C4"].value, "身份证号")
        self.assertEqual(sheet.freeze_panes, "C5")

    def test_number_formats_follow_the_column_kinds(self):
        sheet = self.build(self.community_clerk)
        formats = [cell.number_format for cell in sheet[4]]
        self.assertEqual(formats, [
            "@", "@", "@", "@", "yyyy-mm-dd", "0", "0.00", "0.0",
            "#,##0.00", "0.0%", "0.00%", "yyyy-mm-dd"])
        values = [cell.value for cell in sheet[4]]
        self.assertEqual(values[5:11], [3, 2.5, 1.5, 1234.5, 0.25, 0.3333])
        self.assertEqual(values[11], datetime.datetime(2026, 11, 30))

    def test_text_stays_text(self):
        """ID numbers, codes and phones are strings, with their leading
        zeros and their X; a formula typed as a name is not a formula."""
        sheet = self.build(self.community_clerk)
        self.assertEqual(sheet["A4"].value, "=HYPERLINK(\"http://x\")")
        self.assertEqual(sheet["A4"].data_type, "s")
        self.assertEqual(sheet["B4"].value, "000123")
        self.assertEqual(sheet["C4"].value, ID_NUMBER)
        self.assertEqual(sheet["C5"].value, ID_NUMBER_DIGITS)
        self.assertEqual(sheet["C5"].data_type, "s")
        self.assertEqual(sheet["D4"].value, "13812345678")
        self.assertEqual(sheet["D4"].data_type, "s")

    def test_empty_values_leave_empty_cells(self):
        sheet = self.build(self.community_clerk)
        self.assertIsNone(sheet["B5"].value)
        self.assertIsNone(sheet["D5"].value)
        self.assertEqual(sheet["F5"].value, 0)
        # the columns after the last value are empty, framed cells
        self.assertIsNone(sheet["L5"].value)
        self.assertEqual(sheet["L5"].border.left.style, "thin")

    def test_personal_data_is_masked_for_a_reader_without_the_right(self):
        sheet = self.build(self.leader)
        self.assertEqual(sheet["C4"].value, "110105********002X")
        self.assertEqual(sheet["C5"].value, "110105********0021")
        self.assertEqual(sheet["D4"].value, "138****5678")
        # the birth date would complete the masked number
        self.assertIsNone(sheet["E4"].value)
        self.assertEqual(sheet["F4"].value, 3)

    def test_personal_data_is_clear_for_a_clerk(self):
        sheet = self.build(self.community_clerk)
        self.assertEqual(sheet["E4"].value, datetime.datetime(1949, 12, 31))

    def test_totals_row_is_bold_on_grey_with_its_formulas(self):
        sheet = self.build(self.community_clerk)
        self.assertEqual(sheet["A6"].value, "合计")
        self.assertTrue(sheet["A6"].font.b)
        self.assertTrue(sheet["F6"].font.b)
        self.assertEqual(sheet["F6"].fill.fgColor.rgb, "FFF2F2F2")
        self.assertEqual(sheet["F6"].value, 3)
        self.assertEqual(sheet["F6"].number_format, "0")
        self.assertEqual(sheet["G6"].value, "=AVERAGE(G4:G5)")
        self.assertFalse(sheet["F4"].font.b)

    def test_a_span_merges_the_rest_of_a_totals_row(self):
        def write(table):
            table.write_totals(["合计", "2人", Span("男1人，女1人", 10)])
        sheet = self.build(self.community_clerk, write=write)
        merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
        self.assertIn("C4:L4", merged)
        self.assertEqual(sheet["C4"].value, "男1人，女1人")

    def test_styles_are_created_once_per_workbook(self):
        workbook = report_sheet.new_workbook(io.BytesIO(), in_memory=True)
        book = Book(workbook, self.env)
        self.assertIs(Book(workbook, self.env).styles, book.styles)
        table = book.table("一", COLUMNS, "标题")
        table.write_row(["a", "b", "c", "d", None, 1, 2.0])
        count = len(workbook.formats)
        for index in range(50):
            table.write_row(["a", "b", "c", "d", None, index, 2.0])
        book.table("二", COLUMNS, "标题").write_totals(["合计", None])
        self.assertEqual(len(workbook.formats), count)
        workbook.close()

    def test_sheet_names_are_valid_and_unique(self):
        book = Book(report_sheet.new_workbook(io.BytesIO(), in_memory=True),
                    self.env)
        self.assertEqual(book.sheet_name("A/B:C"), "A B C")
        self.assertEqual(book.sheet_name("a b c"), "a b c(2)")
        self.assertEqual(book.sheet_name("x" * 40, "居民"),
                         "x" * 25 + " 居民")
        self.assertLessEqual(len(book.sheet_name("x" * 40, "居民")), 31)

    def test_only_the_toolkit_creates_cell_formats(self):
        """No report keeps a style dict of its own: xlsx styles and tables
        are done once, in tools/report_sheet.py."""
        toolkit = os.path.join(ADDONS, "community_base", "tools",
                               "report_sheet.py")
        offenders = []
        for root, _dirs, files in os.walk(ADDONS):
            if os.sep + "tests" in root:
                continue
            for name in files:
                path = os.path.join(root, name)
                if not name.endswith(".py") or path == toolkit:
                    continue
                with open(path, encoding="utf-8") as source:
                    if re.search(r"\.add_format\(", source.read()):
                        offenders.append(os.path.relpath(path, ADDONS))
        self.assertEqual(offenders, [])
