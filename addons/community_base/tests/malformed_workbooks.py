# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Malformed workbooks for the importers' tests (ledger, tax amounts,
survey scores): files that are no workbook at all, and workbooks that are
wrong in the ways clerks' files are (hidden sheets, merged cells, formulas,
dates typed as text, a stray value in the last cell of the sheet).

Shared by the three addons' tests:
``from odoo.addons.community_base.tests import malformed_workbooks``.
"""
import datetime
import io
import random
import zipfile

import openpyxl

#: the first bytes of a Compound File (OLE2): Excel 97-2003 .xls files and
#: password-protected .xlsx files (an encrypted package inside OLE2) alike
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: a formula that would start a program if a spreadsheet ran it (CSV/DDE
#: injection); it must never come back out of our exports as a formula
INJECTION = "=cmd|' /C calc'!A0"


def xlsx(sheets, hidden=(), merged=None, formulas=None, text_cells=None,
         empty_sheets=()):
    """The bytes of a workbook of ``sheets`` ({title: [row values]}, in
    order). ``hidden``: titles of hidden sheets; ``merged``: {title:
    ["A2:A3"]}; ``formulas``: {title: {"B2": "=1+1"}} written as formulas
    (openpyxl stores no cached value, as a file saved by a generator without
    calculating); ``text_cells``: {title: {"A2": "=..."}} written as plain
    strings even when they start with "="; ``empty_sheets``: titles of
    sheets added without any cell."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        for cell_range in (merged or {}).get(title, ()):
            sheet.merge_cells(cell_range)
        for ref, formula in (formulas or {}).get(title, {}).items():
            sheet[ref] = formula
        for ref, text in (text_cells or {}).get(title, {}).items():
            sheet[ref].value = text
            sheet[ref].data_type = "s"
        if title in hidden:
            sheet.sheet_state = "hidden"
    for title in empty_sheets:
        workbook.create_sheet(title)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def with_cell(content, title, ref, value):
    """``content`` (xlsx bytes) with ``value`` written in cell ``ref`` of
    sheet ``title``; e.g. "XFD1048576", the last cell of a sheet, which
    makes the declared dimension A1:XFD1048576."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    workbook[title][ref] = value
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def not_workbooks(valid):
    """Files that are no .xlsx workbook, by name; ``valid`` is the bytes
    of a good workbook, cut or emptied for some of them."""
    rng = random.Random(20260101)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    broken_xml = _rewrite_sheets(
        valid, lambda data: b"<worksheet><sheetData><row r='1'><c r=")
    cut_xml = _rewrite_sheets(valid, lambda data: data[:len(data) * 2 // 3])
    return {
        "empty file": b"",
        "random bytes": bytes(rng.randrange(256) for _i in range(4096)),
        "xls (OLE2)": OLE2_MAGIC + bytes(rng.randrange(256)
                                         for _i in range(1016)),
        "password-protected (OLE2)": OLE2_MAGIC + b"\x00" * 24
        + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 480,
        "csv renamed": "纳税人识别号,所属期\n91110105MA01ABCD1X,2026-03\n"
        .encode("utf-8"),
        "html renamed": b"<html><body><table><tr><td>1</td></tr></table>"
        b"</body></html>",
        "zip without workbook": zipped.getvalue(),
        "truncated workbook": valid[:len(valid) // 2],
        "broken sheet xml": broken_xml,
        "sheet xml cut after the header": cut_xml,
    }


def _rewrite_sheets(valid, change):
    """``valid`` with the XML of every worksheet passed through
    ``change``."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(valid)) as source, \
            zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = change(data)
            target.writestr(item, data)
    return output.getvalue()


#: dates typed as text that mean one day only, and what they mean
DATES_AS_TEXT = {"2020年1月2日": datetime.date(2020, 1, 2),
                 "2020/1/2": datetime.date(2020, 1, 2),
                 "2020-01-02": datetime.date(2020, 1, 2),
                 "20200102": datetime.date(2020, 1, 2)}

#: texts in a date column that are no date, or no unambiguous one (1/2/2020
#: is 2 January in Beijing and 1 February in London)
NOT_DATES = ("1/2/2020", "abc", "2020-13-01", "2020-02-30", "20200230",
             "2020年2月30日", "明天")

#: a 10,000-character cell
LONG_TEXT = "长" * 10000
