# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import OrderedDict

from odoo import _, fields, models
from odoo.exceptions import AccessError

from odoo.addons.community_base.tools import roles
from odoo.addons.community_base.tools.report_sheet import Book, Column

from ..models.crossovered_budget import _rate

#: execution rates to the hundredth of a percent
RATE = ("percent", 2)
LINE_COLUMNS = [
    Column("序号", "text", 6), Column("社区", "text", 16),
    Column("专款", "text", 16), Column("预算科目", "text", 18),
    Column("批复预算", "money", 14), Column("预算调整", "money", 12),
    Column("调整后预算", "money", 14), Column("已占用", "money", 12),
    Column("实际支出", "money", 14), Column("可用余额", "money", 14),
    Column("预算差异", "money", 14), Column("执行率", RATE[0], 9, RATE[1]),
]
# merged group headers above LINE_COLUMNS: (label, first col, last col)
LINE_GROUPS = [("预算项目", 0, 3), ("预算", 4, 6), ("执行", 7, 11)]
#: the second column is the grouping's (社区, 专款)
SUMMARY_COLUMNS = [
    Column("序号", "text", 6), Column(None, "text", 22),
    Column("调整后预算", "money", 16), Column("实际支出", "money", 16),
    Column("预算差异", "money", 16), Column("执行率", RATE[0], 10, RATE[1]),
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
        if not roles.has_any(self.env, roles.FINANCE_OFFICER, roles.LEADER):
            raise AccessError(_(
                "Only finance officers and leaders export final accounts."))
        budgets.check_access_rights("read")
        budgets.check_access_rule("read")
        book = Book(workbook, self.env)
        multiple = len(budgets) > 1
        for budget in budgets:
            suffix = (" %d" % budget.id) if multiple else ""
            lines = budget.crossovered_budget_line.sorted(
                lambda line: (line.community_id.code or "",
                              line.fund_id.name or "",
                              line.general_budget_id.name or "", line.id))
            self._write_lines(book, budget, lines, "决算明细" + suffix)
            self._write_summary(
                book, budget, lines, "按社区" + suffix, "社区",
                lambda line: line.community_id.name or "（未分社区）")
            self._write_summary(
                book, budget, lines, "按专款" + suffix, "专款",
                lambda line: line.fund_id.name or "（非专款）")

    # -- layout ---------------------------------------------------------

    def _new_table(self, book, budget, name, columns, subtitle, groups=()):
        """A sheet of the final accounts: the street, the year and what
        the sheet sums up in its title; the budget, its period, the day
        of export and the unit in the subtitle; frozen beside the
        names."""
        title = "%s%d年度预算决算表（%s）" % (
            budget.company_id.name, budget.year, subtitle)
        subtitle = "预算：%s    期间：%s 至 %s    导出日期：%s    单位：元" % (
            budget.name, budget.date_from, budget.date_to,
            fields.Date.context_today(self))
        return book.table(name, columns, title, subtitle=subtitle,
                          groups=groups, freeze_cols=2)

    @staticmethod
    def _rate(actual, planned, currency):
        """The execution rate as a fraction (the cells show it as a
        percentage): the budget line's own rate definition, ``_rate`` of
        crossovered_budget.py, divided by 100."""
        return _rate(actual, planned, currency) / 100.0

    def _write_lines(self, book, budget, lines, name):
        table = self._new_table(book, budget, name, LINE_COLUMNS, "按预算行",
                                groups=LINE_GROUPS)
        totals = [0.0] * 7
        for number, line in enumerate(lines, 1):
            figures = [line.approved_amount, line.adjusted_amount,
                       line.planned_amount, line.committed_amount,
                       line.actual_amount, line.available_amount,
                       line.variance_amount]
            totals = [total + figure for total, figure in zip(
                totals, figures)]
            table.write_row([
                str(number), line.community_id.name, line.fund_id.name,
                line.general_budget_id.name] + _amounts(figures) + [
                    self._rate(line.actual_amount, line.planned_amount,
                               budget.currency_id)])
        table.write_totals(["合计", "", "", ""] + totals + [
            self._rate(totals[4], totals[2], budget.currency_id)])
        return table.sheet

    def _write_summary(self, book, budget, lines, name, label, key):
        columns = list(SUMMARY_COLUMNS)
        columns[1] = columns[1]._replace(header=label)
        table = self._new_table(book, budget, name, columns,
                                "按%s汇总" % label)
        groups = OrderedDict()
        for line in lines:
            planned, actual = groups.get(key(line), (0.0, 0.0))
            groups[key(line)] = (planned + line.planned_amount,
                                 actual + line.actual_amount)
        total_planned = total_actual = 0.0
        for number, (group, (planned, actual)) in enumerate(
                groups.items(), 1):
            table.write_row([str(number), group] + _amounts([
                planned, actual, planned - actual,
                self._rate(actual, planned, budget.currency_id)]))
            total_planned += planned
            total_actual += actual
        table.write_totals(["合计", ""] + _amounts([
            total_planned, total_actual, total_planned - total_actual,
            self._rate(total_actual, total_planned, budget.currency_id)]))
        return table.sheet


def _amounts(values):
    """Amounts and rates as the final accounts show them: 0.00 for
    nothing, not an empty cell."""
    return [value or 0.0 for value in values]
