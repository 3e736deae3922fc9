# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The tax amounts import against malformed workbooks and random ones.

The import reads the first sheet of the tax office's workbook. Every bad
file is refused with a UserError naming the sheet and the row (and the
faulty value, cut to 40 characters), and nothing is written: the wizard
writes no progress or error rows, so the count of ``finance.tax.record``
is the same before and after. Formulas read as the values Excel saved
with them; a formula saved without one reads as empty and is refused.
"""
import base64
import io
import time
from datetime import date

import openpyxl
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.exceptions import UserError

from odoo.addons.community_base.tests import malformed_workbooks as bad

from .common import FinanceCase

HEADER = ["纳税人识别号", "所属期", "税种", "税额"]
SHOP = "91110105MA01ABCD1X"
FACTORY = "91110105MA01WXYZ2K"
TYPES = {"增值税": "vat", "企业所得税": "corporate_income",
         "个人所得税": "individual_income", "房产税": "property",
         "城镇土地使用税": "land_use", "印花税": "stamp", "其他": "other"}


def sheet(rows, header=None, title="税款"):
    return {title: [header or HEADER] + [list(row) for row in rows]}


class TaxImportCase(FinanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Source = cls.env["finance.tax.source"]
        cls.shop = Source.create({
            "partner_id": cls.env["res.partner"].create({
                "name": "Sunshine Grocery"}).id,
            "tax_number": SHOP, "source_type": "individual",
            "tax_type": "vat", "community_id": cls.community_a1.id})
        cls.factory = Source.create({
            "partner_id": cls.env["res.partner"].create({
                "name": "Peace Printing Ltd", "is_company": True}).id,
            "tax_number": FACTORY, "source_type": "enterprise",
            "tax_type": "corporate_income",
            "community_id": cls.community_a2.id})

    def count(self):
        return self.env["finance.tax.record"].sudo().search_count([])

    def run_import(self, content, filename="tax.xlsx"):
        wizard = self.env["finance.tax.import.wizard"].sudo(
            self.finance_officer.id).create({
                "file": base64.b64encode(content), "filename": filename,
                "share_rate": 30.0, "company_id": self.street_a.id})
        return wizard.action_import()

    def refused(self, content, *expected):
        """Import ``content``: it must be refused with a message holding
        every text of ``expected`` and write nothing."""
        before = self.count()
        with self.assertRaises(UserError) as refusal:
            self.run_import(content)
        message = refusal.exception.name
        for text in expected:
            self.assertIn(text, message)
        self.assertLess(len(message), 2000)
        self.assertEqual(self.count(), before)
        return message


class TestTaxImportMalformed(TaxImportCase):

    def test_files_that_are_no_workbook_are_refused(self):
        valid = bad.xlsx(sheet([[SHOP, "2026-03", "增值税", 100]]))
        for name, content in bad.not_workbooks(valid).items():
            if not content:
                continue  # the form's required field refuses no file
            with self.subTest(case=name):
                message = self.refused(content, "tax.xlsx")
                self.assertRegex(message, "not an Excel workbook|damaged|"
                                          "password-protected")
        self.refused(bad.not_workbooks(valid)["password-protected (OLE2)"],
                     "password")

    def test_each_missing_header_is_named_with_the_sheet(self):
        for position, header in enumerate(HEADER):
            headers = HEADER[:position] + HEADER[position + 1:]
            with self.subTest(header=header):
                self.refused(bad.xlsx(sheet([["x", "y", "z"]], headers)),
                             "Sheet 税款", "missing: %s" % header)

    def test_header_in_another_row_is_refused(self):
        rows = [["2026年3月 税款入库明细"], HEADER,
                [SHOP, "2026-03", "增值税", 100]]
        content = bad.xlsx({"税款": rows})
        self.refused(content, "Sheet 税款", "纳税人识别号, 所属期, 税种, 税额")

    def test_amounts_on_another_sheet_than_the_first_are_refused(self):
        content = bad.xlsx({"说明": [["本表由税务局提供"]], "税款": [
            HEADER, [SHOP, "2026-03", "增值税", 100]]})
        self.refused(content, "Sheet 说明", "missing")
        content = bad.xlsx(sheet([[SHOP, "2026-03", "增值税", 100]]),
                           empty_sheets=["空表"])
        self.run_import(content)  # an empty sheet after the first: fine

    def test_empty_first_sheet_is_refused(self):
        content = bad.xlsx({}, empty_sheets=["Sheet1"])
        self.refused(content, "Sheet Sheet1", "missing")

    def test_duplicate_header_is_refused(self):
        self.refused(bad.xlsx(sheet([[SHOP, "2026-03", "增值税", 1, 2]],
                                    HEADER + ["实缴税额"])),
                     "Sheet 税款, row 1", "税额", "columns D and E")

    def test_formula_without_saved_value_is_refused(self):
        content = bad.xlsx(sheet([[SHOP, "2026-03", "增值税", 1],
                                  [FACTORY, "2026-03", "增值税", 1]]),
                           formulas={"税款": {"D2": "=1+1",
                                            "A3": '=HYPERLINK("x","y")'}})
        message = self.refused(content)
        self.assertIn("Sheet 税款, row 2: amount", message)
        self.assertIn("Sheet 税款, row 3: taxpayer ID", message)

    def test_ten_thousand_character_cells_are_refused_by_row(self):
        for position in range(4):
            row = [SHOP, "2026-03", "增值税", 100]
            row[position] = bad.LONG_TEXT
            with self.subTest(column=HEADER[position]):
                message = self.refused(bad.xlsx(sheet([row])),
                                       "Sheet 税款, row 2", "长" * 40 + "…")
                self.assertNotIn("长" * 41, message)

    def test_periods_and_amounts_as_text(self):
        for text in ("2026年3月", "2026/03", "3/2026", "abc", "2026-13",
                     "202603") + bad.NOT_DATES:
            with self.subTest(period=text):
                self.refused(bad.xlsx(sheet([[SHOP, text, "增值税", 1]])),
                             "Sheet 税款, row 2: period", text)
        for text in ("nan", "inf", "-inf", "1e400", "一百", "12,3,4x"):
            with self.subTest(amount=text):
                self.refused(bad.xlsx(sheet([[SHOP, "2026-03", "增值税",
                                              text]])),
                             "Sheet 税款, row 2: amount", text)
        # a date cell is a month; a number written as text is a number
        self.run_import(bad.xlsx(sheet([
            [SHOP, date(2026, 4, 1), "增值税", "1,234.50"]])))
        record = self.env["finance.tax.record"].search([
            ("source_id", "=", self.shop.id), ("period", "=", "2026-04")])
        self.assertEqual(self.currency.compare_amounts(record.amount,
                                                       1234.5), 0)

    def test_merged_cells_leave_the_lower_cells_empty(self):
        content = bad.xlsx(sheet([[SHOP, "2026-03", "增值税", 1],
                                  [SHOP, "2026-04", "增值税", 1]]),
                           merged={"税款": ["A2:A3"]})
        self.refused(content, "Sheet 税款, row 3: taxpayer ID \"\"")

    def test_hidden_first_sheet_is_refused(self):
        content = bad.xlsx({"税款": [HEADER, [SHOP, "2026-03", "增值税", 1]],
                            "可见": [["x"]]}, hidden=["税款"])
        self.refused(content, "Sheet 税款", "hidden")

    def test_value_in_the_last_cell_of_the_sheet_is_quick(self):
        content = bad.with_cell(
            bad.xlsx(sheet([[SHOP, "2026-03", "增值税", 1]])), "税款",
            "XFD1048576", "x")
        started = time.time()
        self.refused(content, "Sheet 税款, row 1048576")
        self.assertLess(time.time() - started, 30)

    def test_duplicate_rows_in_the_file_and_in_the_database(self):
        row = [SHOP, "2026-03", "增值税", 1]
        self.refused(bad.xlsx(sheet([row, row])),
                     "Sheet 税款, row 3: same source, period and tax type "
                     "as row 2")
        self.run_import(bad.xlsx(sheet([row])))
        self.refused(bad.xlsx(sheet([[FACTORY, "2026-03", "增值税", 5],
                                     row])),
                     "Sheet 税款, row 3: Sunshine Grocery 2026-03 is "
                     "already imported")


# -- hypothesis ---------------------------------------------------------

periods = st.builds("{}-{:02d}".format, st.integers(2020, 2029),
                    st.integers(1, 12))
amounts = st.decimals(min_value=0, max_value=10 ** 7, places=2,
                      allow_nan=False, allow_infinity=False)


@st.composite
def tax_rows(draw):
    """1-8 valid rows with distinct (source, period, tax type) keys."""
    keys = draw(st.lists(
        st.tuples(st.sampled_from([SHOP, FACTORY]), periods,
                  st.sampled_from(sorted(TYPES))),
        min_size=1, max_size=8, unique=True))
    rows = []
    for tax_number, period, tax_type in keys:
        amount = draw(amounts)
        cell = draw(st.sampled_from(["number", "text"]))
        rows.append([tax_number, period, tax_type,
                     float(amount) if cell == "number" else str(amount)])
    return rows


def corrupt(rows, kind, data):
    """``rows`` broken in one way, and the header and text expected in
    the refusal."""
    header = list(HEADER)
    rows = [list(row) for row in rows]
    index = data.draw(st.integers(0, len(rows) - 1))
    where = "Sheet 税款, row %d: " % (index + 2)
    if kind == "drop_header":
        position = data.draw(st.integers(0, 3))
        name = header.pop(position)
        for row in rows:
            del row[position]
        return header, rows, "missing: %s" % name
    if kind == "blank_cell":
        position = data.draw(st.integers(0, 3))
        rows[index][position] = None
        return header, rows, where + ["taxpayer ID", "period",
                                      "unknown tax type", "amount"][position]
    if kind == "bad_period":
        rows[index][1] = data.draw(st.sampled_from(
            ["2026-13", "2026/03", "2026年3月", "19-01", "x"]))
        return header, rows, where + "period"
    if kind == "bad_amount":
        rows[index][3] = data.draw(st.sampled_from(
            [-1, "-0.5", "nan", "inf", "abc"]))
        return header, rows, where + "amount"
    if kind == "unknown_source":
        rows[index][0] = "91110105MA01ZZZZ9Q"
        return header, rows, where + "taxpayer ID"
    rows.append(list(rows[index]))
    return header, rows, "Sheet 税款, row %d: same source" % (len(rows) + 1)


class TestTaxImportProperties(TaxImportCase):

    @settings(max_examples=12, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(tax_rows())
    def test_random_rows_import_as_written(self, rows):
        with _rolled_back(self.env):
            self.run_import(bad.xlsx(sheet(rows)))
            records = self.env["finance.tax.record"].sudo().search([
                ("company_id", "=", self.street_a.id)])
            self.assertEqual(len(records), len(rows))
            by_key = {(record.source_id.tax_number, record.period,
                       record.tax_type): record for record in records}
            for tax_number, period, tax_type, amount in rows:
                record = by_key[(tax_number, period, TYPES[tax_type])]
                self.assertEqual(self.currency.compare_amounts(
                    record.amount, float(amount)), 0)
                # the street's 30 %, rounded to the cent
                self.assertLessEqual(
                    abs(record.street_share - float(amount) * 0.3), 0.0051)

    @settings(max_examples=15, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(tax_rows(), st.sampled_from(
        ["drop_header", "blank_cell", "bad_period", "bad_amount",
         "unknown_source", "duplicate_row"]), st.data())
    def test_corrupted_rows_are_refused_by_row(self, rows, kind, data):
        header, rows, expected = corrupt(rows, kind, data)
        with _rolled_back(self.env):
            self.refused(bad.xlsx(sheet(rows, header)), expected)


class _rolled_back(object):
    """Undo what the block wrote, so that each hypothesis example starts
    from the same database."""

    def __init__(self, env):
        self.env = env

    def __enter__(self):
        self.env.cr.execute("SAVEPOINT tax_example")
        return self

    def __exit__(self, exc_type, exc, traceback):
        self.env.cr.execute("ROLLBACK TO SAVEPOINT tax_example")
        self.env.cr.execute("RELEASE SAVEPOINT tax_example")
        self.env.clear()
        return False


class TestExportsKeepFormulasAsText(FinanceCase):
    """A name typed as "=cmd|..." (imported or entered) must come out of
    the finance workbooks as text: the bank list writes names with
    xlsxwriter's ``write``, which makes a formula of a string starting
    with "=" unless the workbook says otherwise."""

    def test_subsidy_bank_list_writes_formulas_as_text(self):
        report = self.env["report.community_finance.subsidy_xlsx"]
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, report.get_workbook_options())
        sheet = workbook.add_worksheet("清单")
        sheet.write(0, 0, bad.INJECTION)
        sheet.write(0, 1, "6222020200112233445")
        workbook.close()
        cells = openpyxl.load_workbook(io.BytesIO(output.getvalue())).active[1]
        self.assertEqual([cell.value for cell in cells],
                         [bad.INJECTION, "6222020200112233445"])
        self.assertEqual([cell.data_type for cell in cells], ["s", "s"])
