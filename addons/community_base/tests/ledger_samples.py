# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Ledger workbooks for the tests, written with openpyxl as a community's
Excel file would be: one sheet per level, Chinese headers in row 1."""
import datetime
import os

import openpyxl

from odoo.addons.community_base.tools import id_number
from odoo.addons.community_base.tools.ledger_workbook import SHEETS


def make_id_number(sequence, birth="19800101", region="110105"):
    """A valid 18-character ID number; ``sequence`` (0-999) tells people
    apart, odd for men."""
    first17 = "%s%s%03d" % (region, birth, sequence % 1000)
    return first17 + id_number.check_char(first17)


def good_rows(residents=4, prefix=""):
    """Rows of a correct ledger: one compound, two buildings, a household
    per two residents."""
    compound = prefix + "幸福小区"
    rows = {
        "小区": [[compound, "小区", prefix + "XF"]],
        "楼栋": [
            [compound, "1", "幸福路1号", 2, 6],
            [compound, "2", "幸福路2号", 2, 6],
        ],
        "户": [],
        "居民": [],
    }
    households = (residents + 1) // 2
    for index in range(households):
        building = "1" if index % 2 == 0 else "2"
        rows["户"].append([compound, building, "1", "%d" % (101 + index),
                          "户籍户", "是" if index == 0 else "否", "否"])
    for index in range(residents):
        household = index // 2
        building = "1" if household % 2 == 0 else "2"
        rows["居民"].append([
            "居民%d" % index, make_id_number(index + 1),
            "1381234%04d" % index, compound, building, "1",
            "%d" % (101 + household), "户主" if index % 2 == 0 else "配偶",
            "北京市朝阳区", "户籍" if index % 3 else "流动",
            "" if index % 3 else "河北", datetime.date(2024, 1, 5)
            if index % 3 == 0 else "", "独居老人" if index == 0 else "",
        ])
    return rows


def write_workbook(path, rows, headers=None, sheet_names=None):
    """Write ``rows`` ({sheet name: [row values]}) under the standard
    headers (or ``headers``: {sheet name: [header]}) to ``path``."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    names = sheet_names or [sheet.name for sheet in SHEETS]
    for sheet in SHEETS:
        if sheet.name not in names:
            continue
        worksheet = workbook.create_sheet(sheet.name)
        worksheet.append((headers or {}).get(sheet.name) or [
            col.header for col in sheet.columns])
        for values in rows.get(sheet.name, ()):
            worksheet.append(values)
    workbook.save(path)
    return path


def workbook_bytes(directory, rows, name="ledger.xlsx", **kwargs):
    path = write_workbook(os.path.join(directory, name), rows, **kwargs)
    with open(path, "rb") as workbook_file:
        return workbook_file.read()
