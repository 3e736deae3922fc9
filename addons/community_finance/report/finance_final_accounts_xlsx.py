# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import OrderedDict

from odoo import _, fields, models
from odoo.exceptions import AccessError

from ..models.crossovered_budget import _rate

FINANCE_GROUP = "community_finance.group_finance_officer"
LEADER_GROUP = "community_base.group_leader"

# (header, width, kind): kind "text", "money" or "rate"
LINE_COLUMNS = [
    ("序号", 6, "text"), ("社区", 16, "text"), ("专款", 16, "text"),
    ("预算科目", 18, "text"), ("批复预算", 14, "money"),
    ("预算调整", 12, "money"), ("调整后预算", 14, "money"),
    ("已占用", 12, "money"), ("实际支出", 14, "money"),
    ("可用余额", 14, "money"), ("预算差异", 14, "money"),
    ("执行率", 9, "rate"),
]
# merged group headers above LINE_COLUMNS: (first col, last col, label)
LINE_GROUPS = [(0, 3, "预算项目"), (4, 6, "预算"), (7, 11, "执行")]
SUMMARY_COLUMNS = [
    ("序号", 6, "text"), (None, 22, "text"), ("调整后预算", 16, "money"),
    ("实际支出", 16, "money"), ("预算差异", 16, "money"),
    ("执行率", 10, "rate"),
]


class FinanceFinalAccountsXlsx(models.AbstractModel):
    """The final accounts (决算) of a budget for the street's superiors:
    budget against actual per line, per community and per fund, with the
    variance and the execution rate.

    Each figure is the budget line's: the actual amounts come from the
    posted entries on the line's analytic account and budgetary position,
    so the workbook can be traced back to the journal entries. Actual and
    rate follow the one definition documented at the top of
    crossovered_budget_lines.py; totals are rates of the sums.
    """

    _name = "report.community_finance.final_accounts_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Final accounts workbook"

    def generate_xlsx_report(self, workbook, data, budgets):
        user = self.env.user
        if not (user.has_group(FINANCE_GROUP) or user.has_group(
                LEADER_GROUP)):
            raise AccessError(_(
                "Only finance officers and leaders export final accounts."))
        budgets.check_access_rights("read")
        budgets.check_access_rule("read")
        styles = self._styles(workbook)
        multiple = len(budgets) > 1
        for budget in budgets:
            suffix = (" %d" % budget.id) if multiple else ""
            lines = budget.crossovered_budget_line.sorted(
                lambda line: (line.community_id.code or "",
                              line.fund_id.name or "",
                              line.general_budget_id.name or "", line.id))
            self._write_lines(workbook, styles, budget, lines,
                              "决算明细" + suffix)
            self._write_summary(
                workbook, styles, budget, lines, "按社区" + suffix, "社区",
                lambda line: line.community_id.name or "（未分社区）")
            self._write_summary(
                workbook, styles, budget, lines, "按专款" + suffix, "专款",
                lambda line: line.fund_id.name or "（非专款）")

    # -- layout ---------------------------------------------------------

    def _styles(self, workbook):
        base = {"font_name": "SimSun", "font_size": 10, "border": 1,
                "valign": "vcenter"}
        return {
            "title": workbook.add_format({
                "font_name": "SimHei", "font_size": 16, "bold": True,
                "align": "center", "valign": "vcenter"}),
            "subtitle": workbook.add_format({
                "font_name": "SimSun", "font_size": 10, "align": "center"}),
            "header": workbook.add_format(dict(
                base, bold=True, align="center", text_wrap=True,
                bg_color="#D9E1F2")),
            "text": workbook.add_format(base),
            "money": workbook.add_format(dict(base, num_format="#,##0.00")),
            "rate": workbook.add_format(dict(base, num_format="0.00%")),
            "total_text": workbook.add_format(dict(
                base, bold=True, bg_color="#F2F2F2")),
            "total_money": workbook.add_format(dict(
                base, bold=True, bg_color="#F2F2F2", num_format="#,##0.00")),
            "total_rate": workbook.add_format(dict(
                base, bold=True, bg_color="#F2F2F2", num_format="0.00%")),
        }

    def _sheet(self, workbook, styles, budget, name, columns, subtitle):
        sheet = workbook.add_worksheet(name[:31])
        sheet.set_paper(9)  # A4
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        last = len(columns) - 1
        sheet.merge_range(0, 0, 0, last, "%s%d年度预算决算表（%s）" % (
            budget.company_id.name, budget.year, subtitle), styles["title"])
        sheet.set_row(0, 28)
        sheet.merge_range(1, 0, 1, last, "预算：%s    期间：%s 至 %s    "
                          "导出日期：%s    单位：元" % (
                              budget.name, budget.date_from, budget.date_to,
                              fields.Date.context_today(self)),
                          styles["subtitle"])
        for col, (_header, width, _kind) in enumerate(columns):
            sheet.set_column(col, col, width)
        return sheet

    def _write_row(self, sheet, row, columns, values, styles, total=False):
        for col, ((_header, _width, kind), value) in enumerate(
                zip(columns, values)):
            style = styles[("total_" + kind) if total else kind]
            if kind == "text":
                sheet.write_string(row, col, value or "", style)
            else:
                sheet.write_number(row, col, value or 0.0, style)

    @staticmethod
    def _rate(actual, planned, currency):
        """The execution rate as a fraction (the cells show it as a
        percentage): the budget line's own rate definition, ``_rate`` of
        crossovered_budget.py, divided by 100."""
        return _rate(actual, planned, currency) / 100.0

    def _write_lines(self, workbook, styles, budget, lines, name):
        sheet = self._sheet(workbook, styles, budget, name, LINE_COLUMNS,
                            "按预算行")
        for first, last, label in LINE_GROUPS:
            sheet.merge_range(2, first, 2, last, label, styles["header"])
        for col, (header, _width, _kind) in enumerate(LINE_COLUMNS):
            sheet.write_string(3, col, header, styles["header"])
        sheet.freeze_panes(4, 2)
        row = 4
        totals = [0.0] * 7
        for number, line in enumerate(lines, 1):
            figures = [line.approved_amount, line.adjusted_amount,
                       line.planned_amount, line.committed_amount,
                       line.actual_amount, line.available_amount,
                       line.variance_amount]
            totals = [total + figure for total, figure in zip(
                totals, figures)]
            self._write_row(sheet, row, LINE_COLUMNS, [
                str(number), line.community_id.name, line.fund_id.name,
                line.general_budget_id.name] + figures + [
                    self._rate(line.actual_amount, line.planned_amount,
                               budget.currency_id)],
                styles)
            row += 1
        self._write_row(sheet, row, LINE_COLUMNS, [
            "合计", "", "", ""] + totals + [
                self._rate(totals[4], totals[2], budget.currency_id)],
            styles, total=True)
        return sheet

    def _write_summary(self, workbook, styles, budget, lines, name, label,
                       key):
        columns = list(SUMMARY_COLUMNS)
        columns[1] = (label, columns[1][1], "text")
        sheet = self._sheet(workbook, styles, budget, name, columns,
                            "按%s汇总" % label)
        for col, (header, _width, _kind) in enumerate(columns):
            sheet.write_string(2, col, header, styles["header"])
        sheet.freeze_panes(3, 2)
        groups = OrderedDict()
        for line in lines:
            planned, actual = groups.get(key(line), (0.0, 0.0))
            groups[key(line)] = (planned + line.planned_amount,
                                 actual + line.actual_amount)
        row = 3
        total_planned = total_actual = 0.0
        for number, (group, (planned, actual)) in enumerate(
                groups.items(), 1):
            self._write_row(sheet, row, columns, [
                str(number), group, planned, actual, planned - actual,
                self._rate(actual, planned, budget.currency_id)], styles)
            total_planned += planned
            total_actual += actual
            row += 1
        self._write_row(sheet, row, columns, [
            "合计", "", total_planned, total_actual,
            total_planned - total_actual,
            self._rate(total_actual, total_planned, budget.currency_id)],
            styles, total=True)
        return sheet
