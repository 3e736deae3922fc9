# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import OrderedDict

from odoo import models

from odoo.addons.community_base.tools import street_time

COLUMNS = [
    ("序号", 6), ("月份", 10), ("网格员", 14), ("社区", 16), ("网格", 22),
    ("走访次数", 10), ("走访户数", 10), ("目标户数", 10), ("完成率", 10),
]


class GridVisitXlsx(models.AbstractModel):
    """The visit statistics per officer as an Excel workbook, for the
    street's monthly report to its superiors: one row per officer and
    month (the grids they worked in listed together), the households
    visited against the quota, and a totals row whose rate is computed from
    the totals, not averaged over the rows.

    Printed from the rows of the visit statistics the user selected (and
    may read: the record rules apply as in the list).
    """

    _name = "report.community_grid.visit_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Visit statistics workbook"

    def generate_xlsx_report(self, workbook, data, objs):
        styles = self._styles(workbook)
        sheet = workbook.add_worksheet("走访统计")
        for index, (_header, width) in enumerate(COLUMNS):
            sheet.set_column(index, index, width)
        companies = objs.mapped("company_id")
        streets = "、".join(sorted(set(companies.mapped("name"))))
        title = "%s 网格员走访统计（导出日期：%s）" % (
            streets, street_time.street_today(self.env, companies[:1] or None))
        sheet.set_row(0, 28)
        sheet.merge_range(0, 0, 0, len(COLUMNS) - 1, title, styles["title"])
        for index, (header, _width) in enumerate(COLUMNS):
            sheet.write_string(1, index, header, styles["header"])
        sheet.freeze_panes(2, 0)
        row = 2
        totals = {"visits": 0, "households": 0, "target": 0.0}
        for line in self._lines(objs):
            rate = line["households"] / line["target"] if line["target"] else None
            sheet.write_number(row, 0, row - 1, styles["integer"])
            sheet.write_string(row, 1, line["month"], styles["text"])
            sheet.write_string(row, 2, line["officer"], styles["text"])
            sheet.write_string(row, 3, line["communities"], styles["text"])
            sheet.write_string(row, 4, line["grids"], styles["text"])
            sheet.write_number(row, 5, line["visits"], styles["integer"])
            sheet.write_number(row, 6, line["households"], styles["integer"])
            sheet.write_number(row, 7, line["target"], styles["decimal"])
            if rate is None:
                sheet.write_blank(row, 8, None, styles["text"])
            else:
                sheet.write_number(row, 8, rate, styles["percent"])
            for key in totals:
                totals[key] += line[key]
            row += 1
        sheet.write_string(row, 0, "合计", styles["total_label"])
        for col in range(1, 5):
            sheet.write_blank(row, col, None, styles["total_label"])
        sheet.write_number(row, 5, totals["visits"], styles["total_integer"])
        sheet.write_number(row, 6, totals["households"],
                           styles["total_integer"])
        sheet.write_number(row, 7, totals["target"], styles["total_decimal"])
        if totals["target"]:
            sheet.write_number(row, 8, totals["households"] / totals["target"],
                               styles["total_percent"])
        else:
            sheet.write_blank(row, 8, None, styles["total_label"])

    def _lines(self, objs):
        """One line per month and officer, oldest month first."""
        lines = OrderedDict()
        for record in objs.sorted(
                lambda rec: (rec.month, rec.officer_id.name or "", rec.id)):
            key = (record.month, record.officer_id.id)
            line = lines.setdefault(key, {
                "month": record.month[:7], "officer": record.officer_id.name,
                "communities": [], "grids": [], "visits": 0,
                "households": 0, "target": 0.0})
            for name, value in (("communities", record.community_id.name),
                                ("grids", record.grid_id.display_name)):
                if value and value not in line[name]:
                    line[name].append(value)
            line["visits"] += record.visit_count
            line["households"] += record.household_visited
            line["target"] += record.target
        for line in lines.values():
            line["communities"] = "、".join(line["communities"])
            line["grids"] = "、".join(line["grids"])
            line["target"] = round(line["target"], 2)
            yield line

    def _styles(self, workbook):
        border = {"border": 1, "valign": "vcenter"}
        total = dict(border, bold=True, bg_color="#F2F2F2")
        return {
            "title": workbook.add_format({
                "bold": True, "font_size": 14, "align": "center",
                "valign": "vcenter"}),
            "header": workbook.add_format(dict(
                border, bold=True, bg_color="#DDEBF7", align="center",
                text_wrap=True)),
            "text": workbook.add_format(dict(border)),
            "integer": workbook.add_format(dict(border, num_format="0")),
            "decimal": workbook.add_format(dict(border, num_format="0.##")),
            "percent": workbook.add_format(dict(border, num_format="0.0%")),
            "total_label": workbook.add_format(total),
            "total_integer": workbook.add_format(dict(total, num_format="0")),
            "total_decimal": workbook.add_format(
                dict(total, num_format="0.##")),
            "total_percent": workbook.add_format(
                dict(total, num_format="0.0%")),
        }
