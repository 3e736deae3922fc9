# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ledger import against malformed workbooks and random ones.

Every bad file must end in the state "Errors found" with each finding
naming its sheet, row and column, and leave the register untouched: the
counts of compounds, buildings, households and residents of the
community are the same before and after. The findings themselves
(``community.ledger.import.error``) are written on purpose: they are
what the clerk reads to correct the file.

Formulas are read as the values Excel saved with them (``data_only``): a
formula a program wrote without calculating reads as an empty cell, and a
required empty cell is refused. Text that starts with "=" is text: it is
imported as typed and our exports write it back as text, never as a
formula (see ``test_formula_injection_comes_back_as_text``).
"""
import datetime
import io
import time

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.addons.community_base.tools import ledger_workbook
from odoo.addons.community_base.tools.ledger_workbook import SHEETS

from . import malformed_workbooks as bad
from .ledger_samples import good_rows, make_id_number
from .test_ledger_import import LedgerImportCase

HEADERS = {sheet.name: [col.header for col in sheet.columns]
           for sheet in SHEETS}
REGISTER = ("community.compound", "community.building",
            "community.household", "community.resident")


def sheets_of(rows):
    """{sheet name: header + rows} of ``good_rows``-style rows."""
    return {name: [list(HEADERS[name])] + [list(row) for row in
                                           rows.get(name, ())]
            for name in HEADERS}


class MalformedLedgerCase(LedgerImportCase):

    def counts(self):
        """Records of every model the import writes, in the whole
        database (an import must not write into another community
        either)."""
        return [self.env[model].sudo().with_context(
            active_test=False).search_count([]) for model in REGISTER]

    def refused(self, content, **kwargs):
        """Import ``content``; check that it is refused and writes nothing
        into the register; return the import with its findings."""
        before = self.counts()
        ledger_import = self.new_import(content, **kwargs)
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "error",
                         ledger_import.failure)
        self.assertTrue(ledger_import.error_ids)
        self.assertEqual(self.counts(), before)
        for error in ledger_import.error_ids:
            self.assertTrue(error.reason)
            self.assertLess(len(error.reason), 600, error.reason)
        return ledger_import

    def findings(self, ledger_import):
        return [(error.sheet or "", error.row, error.column or "",
                 error.code) for error in ledger_import.error_ids]

    def imported(self, content):
        ledger_import = self.new_import(content)
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)
        return ledger_import


class TestLedgerImportMalformed(MalformedLedgerCase):

    def test_files_that_are_no_workbook_are_refused(self):
        valid = bad.xlsx(sheets_of(good_rows(2)))
        cases = bad.not_workbooks(valid)
        self.assertEqual(len(cases), 10)
        for name, content in cases.items():
            if not content:
                continue  # the form refuses an empty upload itself
            with self.subTest(case=name):
                ledger_import = self.refused(content)
                self.assertEqual(self.findings(ledger_import),
                                 [("", 0, "", "not_xlsx")])
                self.assertIn(".xlsx", ledger_import.error_ids.reason)
        ledger_import = self.refused(cases["password-protected (OLE2)"])
        self.assertIn("password", ledger_import.error_ids.reason)
        _rows, errors = ledger_workbook.read_ledger(b"")
        self.assertIn("empty", errors[0].message())

    def test_empty_upload_is_refused_before_reading(self):
        ledger_import = self.new_import(b"")
        with self.assertRaisesRegex(Exception, "Upload the ledger"):
            ledger_import.action_import()

    def test_wrong_sheet_names_are_refused_by_name(self):
        sheets = sheets_of(good_rows(2))
        sheets = {"Sheet%d" % index: rows
                  for index, rows in enumerate(sheets.values(), 1)}
        ledger_import = self.refused(bad.xlsx(sheets))
        self.assertEqual(self.findings(ledger_import), [
            (name, 0, "", "missing_sheet") for name in HEADERS])
        self.assertIn('Sheet "小区" is missing',
                      ledger_import.error_ids[0].reason)

    def test_each_missing_required_header_is_named(self):
        for sheet in SHEETS:
            for position, col in enumerate(sheet.columns):
                if not col.required:
                    continue
                sheets = sheets_of(good_rows(2))
                del sheets[sheet.name][0][position]
                with self.subTest(sheet=sheet.name, column=col.header):
                    ledger_import = self.refused(bad.xlsx(sheets))
                    self.assertIn(
                        (sheet.name, 1, col.header, "missing_header"),
                        self.findings(ledger_import))
                    self.assertIn(col.header,
                                  ledger_import.error_ids[0].reason)

    def test_header_in_another_row_is_refused(self):
        sheets = sheets_of(good_rows(2))
        sheets["居民"].insert(0, ["幸福社区居民台账"])
        ledger_import = self.refused(bad.xlsx(sheets))
        findings = self.findings(ledger_import)
        self.assertIn(("居民", 1, "姓名", "missing_header"), findings)
        self.assertEqual({finding[0] for finding in findings}, {"居民"})

    def test_empty_sheet_is_refused(self):
        sheets = sheets_of(good_rows(2))
        del sheets["居民"]
        ledger_import = self.refused(bad.xlsx(sheets, empty_sheets=["居民"]))
        self.assertIn(("居民", 1, "身份证号", "missing_header"),
                      self.findings(ledger_import))

    def test_workbook_without_data_rows_is_refused(self):
        ledger_import = self.refused(bad.xlsx(sheets_of({})))
        self.assertEqual(self.findings(ledger_import),
                         [("", 0, "", "empty")])

    def test_formula_without_saved_value_reads_as_empty(self):
        sheets = sheets_of(good_rows(2))
        ledger_import = self.refused(bad.xlsx(sheets, formulas={
            "居民": {"A2": "=1+1", "B3": '=HYPERLINK("http://x","y")'}}))
        self.assertEqual(self.findings(ledger_import), [
            ("居民", 2, "姓名 (A)", "required"),
            ("居民", 3, "身份证号 (B)", "required")])

    def test_formula_injection_comes_back_as_text(self):
        rows = good_rows(2)
        content = bad.xlsx(sheets_of(rows), text_cells={
            "居民": {"A2": bad.INJECTION, "I2": "=SUM(A1:A9)"}})
        self.imported(content)
        resident = self.env["community.resident"].search([
            ("id_number", "=", rows["居民"][0][1])])
        self.assertEqual(resident.name, bad.INJECTION)
        self.assertEqual(resident.registered_address, "=SUM(A1:A9)")
        # the ledger export writes it back as a string cell, not a formula
        report = self.env.ref(
            "community_base.community_community_ledger_xlsx").sudo(
                self.community_clerk.id)
        content, _type = report.render_xlsx(self.community_a1.ids, {})
        sheet = openpyxl.load_workbook(io.BytesIO(content))[
            "Community A1 居民"]
        cells = [cell for row in sheet.iter_rows() for cell in row
                 if cell.value in (bad.INJECTION, "=SUM(A1:A9)")]
        self.assertEqual(len(cells), 2)
        self.assertEqual({cell.data_type for cell in cells}, {"s"})

    def test_ten_thousand_character_cells_are_refused_by_cell(self):
        for position, col in enumerate(SHEETS[3].columns):
            rows = good_rows(2)
            rows["居民"][1][position] = bad.LONG_TEXT
            expected = {"id_number": "bad_id_format", "date": "bad_date",
                        "choice": "too_long"}.get(col.kind, "too_long")
            with self.subTest(column=col.header):
                ledger_import = self.refused(bad.xlsx(sheets_of(rows)))
                letter = openpyxl.utils.get_column_letter(position + 1)
                self.assertIn(
                    ("居民", 3, "%s (%s)" % (col.header, letter), expected),
                    self.findings(ledger_import))

    def test_dates_as_text_are_read_or_refused_by_cell(self):
        rows = good_rows(2 * len(bad.DATES_AS_TEXT))
        for index, text in enumerate(bad.DATES_AS_TEXT):
            rows["居民"][index][11] = text
        self.imported(bad.xlsx(sheets_of(rows)))
        for index, text in enumerate(bad.DATES_AS_TEXT):
            resident = self.env["community.resident"].search([
                ("id_number", "=", rows["居民"][index][1])])
            self.assertEqual(resident.arrival_date,
                             bad.DATES_AS_TEXT[text].isoformat(), text)
        rows = good_rows(len(bad.NOT_DATES), prefix="新")
        for index, text in enumerate(bad.NOT_DATES):
            rows["居民"][index][1] = make_id_number(500 + index)
            rows["居民"][index][11] = text
        ledger_import = self.refused(bad.xlsx(sheets_of(rows)))
        self.assertEqual(self.findings(ledger_import), [
            ("居民", index + 2, "到达日期 (L)", "bad_date")
            for index in range(len(bad.NOT_DATES))])
        self.assertIn("2020年2月30日", ledger_import.error_ids[5].reason)

    def test_merged_cells_leave_the_lower_cells_empty(self):
        rows = good_rows(2)
        content = bad.xlsx(sheets_of(rows), merged={"居民": ["D2:D3"]})
        ledger_import = self.refused(content)
        self.assertEqual(self.findings(ledger_import),
                         [("居民", 3, "小区名称 (D)", "required")])

    def test_hidden_sheet_is_refused_and_an_extra_one_ignored(self):
        sheets = sheets_of(good_rows(2))
        ledger_import = self.refused(bad.xlsx(sheets, hidden=["居民"]))
        self.assertEqual(self.findings(ledger_import),
                         [("居民", 0, "", "hidden_sheet")])
        self.assertIn("hidden", ledger_import.error_ids.reason)
        sheets["说明"] = [["备注"], ["不导入"]]
        self.imported(bad.xlsx(sheets, hidden=["说明"]))

    def test_value_in_the_last_cell_of_the_sheet_is_quick(self):
        content = bad.with_cell(bad.xlsx(sheets_of(good_rows(2))), "居民",
                                "XFD1048576", "x")
        started = time.time()
        ledger_import = self.refused(content)
        self.assertLess(time.time() - started, 30)
        findings = self.findings(ledger_import)
        self.assertIn(("居民", 1048576, "姓名 (A)", "required"), findings)
        self.assertEqual({finding[1] for finding in findings}, {1048576})

    def test_duplicate_rows_in_the_file_are_refused(self):
        rows = good_rows(4)
        for name in ("小区", "楼栋", "户", "居民"):
            rows[name].append(list(rows[name][0]))
        ledger_import = self.refused(bad.xlsx(sheets_of(rows)))
        findings = self.findings(ledger_import)
        self.assertIn(("小区", 3, "", "duplicate_row"), findings)
        self.assertIn(("楼栋", 4, "", "duplicate_row"), findings)
        self.assertIn(("户", 4, "", "duplicate_row"), findings)
        self.assertIn(("居民", 6, "身份证号 (B)", "duplicate_id"), findings)

    def test_rows_of_existing_records_are_refused(self):
        rows = good_rows(2)
        self.imported(bad.xlsx(sheets_of(rows)))
        ledger_import = self.refused(bad.xlsx(sheets_of(rows)))
        findings = self.findings(ledger_import)
        self.assertIn(("小区", 2, "小区名称 (A)", "compound_exists"), findings)
        self.assertIn(("楼栋", 2, "楼栋号 (B)", "building_exists"), findings)
        self.assertIn(("户", 2, "室 (D)", "household_exists"), findings)
        self.assertIn(("居民", 2, "身份证号 (B)", "id_exists"), findings)
        # the households alone, without their compound and buildings
        ledger_import = self.refused(bad.xlsx(sheets_of(
            {"户": rows["户"]})))
        self.assertEqual(self.findings(ledger_import),
                         [("户", 2, "室 (D)", "household_exists")])
        self.assertIn("幸福小区/1/1/101", ledger_import.error_ids.reason)

    def test_compound_codes_used_twice_are_refused(self):
        rows = good_rows(2)
        rows["小区"].append(["和平小区", "院落", rows["小区"][0][2]])
        ledger_import = self.refused(bad.xlsx(sheets_of(rows)))
        self.assertEqual(self.findings(ledger_import),
                         [("小区", 3, "", "duplicate_row")])
        self.assertIn("编码: XF", ledger_import.error_ids.reason)
        # against the community's compounds, archived ones included
        self.env["community.compound"].create({
            "name": "旧小区", "code": "OLD", "active": False,
            "community_id": self.community_a1.id})
        rows = good_rows(2)
        rows["小区"][0][2] = "OLD"
        ledger_import = self.refused(bad.xlsx(sheets_of(rows)))
        self.assertEqual(self.findings(ledger_import),
                         [("小区", 2, "编码 (C)", "code_exists")])


# -- hypothesis ---------------------------------------------------------

NAMES = st.text(alphabet="张王李赵刘陈杨黄周吴伟芳娜敏静丽强磊军洋", min_size=2,
                max_size=4)


@st.composite
def ledgers(draw):
    """Rows of a valid ledger: one compound, one or two buildings, 1-4
    households, 1-6 residents with random names, ID numbers, relations,
    population types and arrival dates (a date cell or text)."""
    compound = draw(NAMES) + "小区"
    buildings = draw(st.integers(1, 2))
    households = draw(st.integers(1, 4))
    kind = draw(st.sampled_from(["小区", "院落", "居民小组"]))
    rows = {"户": [], "居民": []}
    rows["小区"] = [[compound, kind, ""]]
    rows["楼栋"] = [[compound, "%d" % number, "", 1, 6]
                  for number in range(1, buildings + 1)]
    for index in range(households):
        rows["户"].append([
            compound, "%d" % (index % buildings + 1), "1",
            "%d" % (101 + index),
            draw(st.sampled_from(["户籍户", "租住户", "空置户"])),
            draw(st.sampled_from(["是", "否", ""])), "否"])
    sequences = draw(st.lists(st.integers(0, 999), min_size=1, max_size=6,
                              unique=True))
    births = st.dates(datetime.date(1920, 1, 1), datetime.date(2020, 12, 31))
    for number, sequence in enumerate(sequences):
        household = rows["户"][number % households]
        arrival = draw(st.one_of(
            st.none(), st.dates(datetime.date(2000, 1, 1),
                                datetime.date(2025, 12, 31))))
        rows["居民"].append([
            draw(NAMES), make_id_number(
                sequence, draw(births).strftime("%Y%m%d")),
            draw(st.sampled_from(["", "13812345678", "010-65123456"])),
            compound, household[1], household[2], household[3],
            "户主" if number < households else draw(st.sampled_from(
                ["配偶", "子女", "父母", "其他"])),
            "", draw(st.sampled_from(["户籍", "流动"])), "",
            arrival if arrival is None or number % 2 else
            arrival.strftime("%Y/%m/%d"), ""])
    return rows


CORRUPTIONS = ("drop_header", "rename_sheet", "blank_required", "bad_id",
               "bad_date", "duplicate_resident")


def corrupt(rows, kind, data):
    """``sheets_of(rows)`` broken in one way, and the finding expected:
    (sheet, row, column header or "", code)."""
    sheets = sheets_of(rows)
    residents = sheets["居民"]
    row = data.draw(st.integers(1, len(residents) - 1))
    if kind == "drop_header":
        name = data.draw(st.sampled_from(sorted(HEADERS)))
        sheet = ledger_workbook.SHEETS[list(HEADERS).index(name)]
        required = [position for position, col in enumerate(sheet.columns)
                    if col.required]
        position = data.draw(st.sampled_from(required))
        header = sheets[name][0].pop(position)
        for values in sheets[name][1:]:
            del values[position]
        return sheets, (name, 1, header, "missing_header")
    if kind == "rename_sheet":
        name = data.draw(st.sampled_from(sorted(HEADERS)))
        sheets[name + "表"] = sheets.pop(name)
        return sheets, (name, 0, "", "missing_sheet")
    if kind == "blank_required":
        position = data.draw(st.sampled_from([0, 1, 3, 4, 6, 7, 9]))
        residents[row][position] = None
        letter = openpyxl.utils.get_column_letter(position + 1)
        return sheets, ("居民", row + 1, "%s (%s)" % (
            residents[0][position], letter), "required")
    if kind == "bad_id":
        number = residents[row][1]
        digit = data.draw(st.integers(0, 16))
        new = "%d" % ((int(number[digit]) + data.draw(st.integers(1, 9)))
                      % 10)
        residents[row][1] = number[:digit] + new + number[digit + 1:]
        return sheets, ("居民", row + 1, "身份证号 (B)", "bad_id_checksum")
    if kind == "bad_date":
        residents[row][11] = data.draw(st.sampled_from(bad.NOT_DATES))
        return sheets, ("居民", row + 1, "到达日期 (L)", "bad_date")
    residents.append(list(residents[row]))
    return sheets, ("居民", len(residents), "身份证号 (B)", "duplicate_id")


class TestLedgerImportProperties(MalformedLedgerCase):
    """Random valid ledgers import exactly as written; the same ledgers
    broken in one random way are refused at the right cell and write
    nothing."""

    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(ledgers())
    def test_reader_returns_the_rows_written(self, rows):
        read, errors = ledger_workbook.read_ledger(bad.xlsx(sheets_of(rows)))
        self.assertEqual(errors, [])
        self.assertEqual([
            (record["name"], record["id_number"], record["relation"],
             record["arrival_date"]) for record in read["resident"]], [
            (values[0], values[1], dict(ledger_workbook.RELATIONS)[values[7]],
             _as_date(values[11])) for values in rows["居民"]])
        self.assertEqual([record["_row"] for record in read["household"]],
                         list(range(2, len(rows["户"]) + 2)))

    @settings(max_examples=6, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(ledgers())
    def test_random_ledger_imports_as_written(self, rows):
        with _rolled_back(self.env):
            ledger_import = self.imported(bad.xlsx(sheets_of(rows)))
            self.assertEqual(ledger_import.resident_created,
                             len(rows["居民"]))
            self.assertEqual(ledger_import.household_created,
                             len(rows["户"]))
            residents = self.env["community.resident"].sudo().search([
                ("community_id", "=", self.community_a1.id),
                ("id_number", "in", [values[1] for values in rows["居民"]])])
            self.assertEqual(sorted(
                (resident.name, resident.id_number, resident.household_id.room,
                 resident.arrival_date or None) for resident in residents),
                sorted((values[0], values[1], values[6],
                        _as_date(values[11]) and _as_date(
                            values[11]).isoformat())
                       for values in rows["居民"]))

    @settings(max_examples=12, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(ledgers(), st.sampled_from(CORRUPTIONS), st.data())
    def test_corrupted_ledger_is_refused_at_the_cell(self, rows, kind, data):
        sheets, expected = corrupt(rows, kind, data)
        with _rolled_back(self.env):
            ledger_import = self.refused(bad.xlsx(sheets))
            self.assertIn(expected, self.findings(ledger_import))


def _as_date(value):
    if isinstance(value, str):
        return datetime.datetime.strptime(value, "%Y/%m/%d").date()
    return value


class _rolled_back(object):
    """Undo what the block wrote, so that each hypothesis example starts
    from the same register."""

    def __init__(self, env):
        self.env = env

    def __enter__(self):
        self.env.cr.execute("SAVEPOINT ledger_example")
        return self

    def __exit__(self, exc_type, exc, traceback):
        self.env.cr.execute("ROLLBACK TO SAVEPOINT ledger_example")
        self.env.cr.execute("RELEASE SAVEPOINT ledger_example")
        self.env.clear()
        return False
