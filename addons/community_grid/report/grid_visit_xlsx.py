# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import OrderedDict

from odoo import models

from odoo.addons.community_base.tools import street_time
from odoo.addons.community_base.tools.report_sheet import Book, Column, ratio

COLUMNS = [
    Column("序号", "int", 6), Column("月份", "text", 10),
    Column("网格员", "text", 14), Column("社区", "text", 16),
    Column("网格", "text", 22), Column("走访次数", "int", 10),
    Column("走访户数", "int", 10), Column("目标户数", "float", 10),
    Column("完成率", "percent", 10),
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
        companies = objs.mapped("company_id")
        streets = "、".join(sorted(set(companies.mapped("name"))))
        title = "%s 网格员走访统计（导出日期：%s）" % (
            streets, street_time.street_today(self.env, companies[:1] or None))
        table = Book(workbook, self.env).table(
            "走访统计", COLUMNS, title, freeze_cols=0)
        totals = {"visits": 0, "households": 0, "target": 0.0}
        for number, line in enumerate(self._lines(objs), 1):
            table.write_row([
                number, line["month"], line["officer"], line["communities"],
                line["grids"], line["visits"], line["households"],
                line["target"], ratio(line["households"], line["target"])])
            for key in totals:
                totals[key] += line[key]
        table.write_totals(
            ["合计", None, None, None, None, totals["visits"],
             totals["households"], totals["target"],
             ratio(totals["households"], totals["target"])])

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
