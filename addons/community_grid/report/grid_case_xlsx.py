# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import itertools

import pytz

from odoo import _, fields, models
from odoo.exceptions import AccessError

from odoo.addons.community_base.tools import street_time

CHUNK = 1000

# The workbooks speak the superiors' language, like community_base's
# ledger: Chinese headers and values, whatever the user's language.
GROUPING_HEADERS = {
    "community": ("按社区", "社区"),
    "category": ("按事件类别", "事件类别"),
    "unit": ("按处置单位", "处置单位"),
}
#: (header, width, kind, merged group header) of the statistics columns,
#: after the first (the group's name); the kinds are formats
STATISTICS_COLUMNS = [
    ("received", "受理数", 8, "number", "受理"),
    ("closed", "办结数", 8, "number", "办结"),
    ("on_time", "按时办结数", 10, "number", "办结"),
    ("on_time_rate", "按时办结率", 10, "percent", "办结"),
    ("avg_days", "平均办结天数（工作日）", 12, "days", "办结"),
    ("median_days", "办结天数中位数（工作日）", 12, "days", "办结"),
    ("return_count", "退单次数", 8, "number", "退单、延期与重办"),
    ("extension_count", "延期次数", 8, "number", "退单、延期与重办"),
    ("reopen_count", "重办次数", 8, "number", "退单、延期与重办"),
    ("evaluated", "评价数", 8, "number", "满意度评价"),
    ("satisfied", "满意", 7, "number", "满意度评价"),
    ("basic", "基本满意", 8, "number", "满意度评价"),
    ("dissatisfied", "不满意", 7, "number", "满意度评价"),
    ("satisfaction_rate", "满意率", 9, "percent", "满意度评价"),
]
STATE_LABELS = {
    "report": "采集上报", "dispatch": "指挥派遣", "handle": "处理反馈",
    "verify": "任务核查", "close": "结案归档", "evaluate": "考核评价",
}
CHANNEL_LABELS = {
    "visit": "走访发现", "hotline": "热线", "walk_in": "来访",
    "online": "网上", "referral": "上级转办",
}
SATISFACTION_LABELS = {
    "satisfied": "满意", "basic": "基本满意", "dissatisfied": "不满意",
}
LOOP_LABELS = {"community": "社区", "street": "街道", "district": "区"}
#: (field, header, width, kind) of the case list; kinds: text, many2one,
#: selection labels, datetime, date, bool, number
CASE_COLUMNS = [
    ("name", "事件编号", 16, "text"),
    ("category_id", "事件类别", 18, "many2one"),
    ("service_code", "服务代码", 10, "text"),
    ("community_id", "社区", 14, "many2one"),
    ("grid_id", "网格", 14, "many2one"),
    ("channel", "来源渠道", 10, CHANNEL_LABELS),
    ("reporter_name", "报告人", 10, "text"),
    ("reporter_phone", "报告人电话", 14, "text"),
    ("address", "地址", 24, "text"),
    ("handler_department_id", "处置科室", 14, "many2one"),
    ("handler_partner_id", "职能部门", 14, "many2one"),
    ("handler_user_id", "处置人", 10, "many2one"),
    ("loop_level", "办理层级", 8, LOOP_LABELS),
    ("state", "状态", 10, STATE_LABELS),
    ("date_reported", "上报时间", 17, "datetime"),
    ("date_dispatched", "派遣时间", 17, "datetime"),
    ("date_handled", "处理反馈时间", 17, "datetime"),
    ("date_verified", "核查时间", 17, "datetime"),
    ("date_closed", "结案时间", 17, "datetime"),
    ("date_evaluated", "评价时间", 17, "datetime"),
    ("date_deadline", "办理期限", 11, "date"),
    ("date_deadline_original", "原定期限", 11, "date"),
    ("is_overdue", "是否超期", 8, "bool"),
    ("closed_on_time", "按时办结", 8, "bool"),
    ("days_to_close", "办结天数（工作日）", 10, "number"),
    ("return_count", "退单次数", 8, "number"),
    ("extension_count", "延期次数", 8, "number"),
    ("reopen_count", "重办次数", 8, "number"),
    ("satisfaction", "满意度", 9, SATISFACTION_LABELS),
]


def _styles(workbook):
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
        "number": workbook.add_format(dict(border, num_format="0")),
        "days": workbook.add_format(dict(border, num_format="0.0")),
        "percent": workbook.add_format(dict(border, num_format="0.0%")),
        "date": workbook.add_format(dict(border, num_format="yyyy-mm-dd")),
        "datetime": workbook.add_format(dict(
            border, num_format="yyyy-mm-dd hh:mm")),
        "total_label": workbook.add_format(total),
        "total_number": workbook.add_format(dict(total, num_format="0")),
        "total_days": workbook.add_format(dict(total, num_format="0.0")),
        "total_percent": workbook.add_format(dict(total, num_format="0.0%")),
    }


def _print_setup(sheet, header_rows):
    """A4 landscape, one page wide, the header rows on every page."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, header_rows - 1)


def _write_value(sheet, row, col, value, style):
    if value is None or value is False or value == "":
        sheet.write_blank(row, col, None, style)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, style)
    else:
        sheet.write_string(row, col, "%s" % value, style)


class GridCaseStatisticsXlsx(models.AbstractModel):
    """The monthly case statistics as a workbook a superior can forward:
    one sheet per grouping asked for, each with a merged title row (street,
    period, grouping), a two-row header whose upper row groups the columns,
    one row per community / category / handling unit and a totals row whose
    rates are the street's (on time / closed over all its cases), frozen
    below the header and beside the names, printed A4 landscape."""

    _name = "report.community_grid.case_statistics_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Case statistics workbook"

    def generate_xlsx_report(self, workbook, data, wizards):
        styles = _styles(workbook)
        for wizard in wizards:
            for grouping in wizard.groupings():
                self._write_sheet(workbook, styles, wizard, grouping,
                                  wizard.statistics(grouping))

    def _write_sheet(self, workbook, styles, wizard, grouping, statistics):
        sheet_label, name_header = GROUPING_HEADERS[grouping]
        sheet = workbook.add_worksheet(sheet_label)
        last = len(STATISTICS_COLUMNS)
        sheet.set_column(0, 0, 20)
        for index, column in enumerate(STATISTICS_COLUMNS, start=1):
            sheet.set_column(index, index, column[2])
        title = "%s 事件统计（%s 至 %s，%s）" % (
            wizard.company_id.name, wizard.date_from, wizard.date_to,
            sheet_label)
        sheet.set_row(0, 28)
        sheet.merge_range(0, 0, 0, last, title, styles["title"])
        sheet.set_row(2, 42)
        sheet.merge_range(1, 0, 2, 0, name_header, styles["header"])
        # the upper header row groups the columns of one topic
        start = 1
        for group, members in itertools.groupby(
                STATISTICS_COLUMNS, key=lambda column: column[4]):
            stop = start + len(list(members)) - 1
            if stop > start:
                sheet.merge_range(1, start, 1, stop, group, styles["header"])
            else:
                sheet.write_string(1, start, group, styles["header"])
            start = stop + 1
        for index, column in enumerate(STATISTICS_COLUMNS, start=1):
            sheet.write_string(2, index, column[1], styles["header"])
        sheet.freeze_panes(3, 1)
        _print_setup(sheet, 3)
        row = 3
        for values in statistics["rows"]:
            sheet.write_string(row, 0, values["name"], styles["text"])
            for index, column in enumerate(STATISTICS_COLUMNS, start=1):
                _write_value(sheet, row, index, values[column[0]],
                             styles[column[3]])
            row += 1
        sheet.write_string(row, 0, "合计", styles["total_label"])
        for index, column in enumerate(STATISTICS_COLUMNS, start=1):
            _write_value(sheet, row, index, statistics["total"][column[0]],
                         styles["total_" + column[3]])


class GridCaseListXlsx(models.AbstractModel):
    """The selected cases with every step's timestamp, for a superior who
    checks the loop case by case. Written row by row with ``constant_memory``
    and read in chunks, so 100,000 cases neither fill the memory nor the
    cache. The reporter's phone is a column only for the roles that may
    read it; times are the user's local times."""

    _name = "report.community_grid.case_list_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Case list workbook"

    def get_workbook_options(self):
        return dict(super().get_workbook_options(), constant_memory=True)

    def generate_xlsx_report(self, workbook, data, cases):
        if not cases.check_access_rights("read", raise_exception=False):
            raise AccessError(_("You may not export these cases."))
        cases.check_access_rule("read")
        styles = _styles(workbook)
        columns = self._columns(cases)
        sheet = workbook.add_worksheet("事件清单")
        for index, column in enumerate(columns):
            sheet.set_column(index, index, column[2])
        # sudo: the streets' names only, of cases the user reads (checked)
        companies = cases.sudo().mapped("company_id")
        company_names = sorted(set(companies.mapped("name")))
        title = "%s 事件清单（导出日期：%s，共%s件）" % (
            "、".join(company_names),
            street_time.street_today(self.env, companies[:1] or None),
            len(cases))
        sheet.set_row(0, 28)
        sheet.merge_range(0, 0, 0, len(columns) - 1, title, styles["title"])
        for index, column in enumerate(columns):
            sheet.write_string(1, index, column[1], styles["header"])
        sheet.freeze_panes(2, 1)
        _print_setup(sheet, 2)
        # the times of each case in its street's time zone, whoever exports
        tzs = {company.id: street_time.street_tz(self.env, company)
               for company in companies}
        totals = {"is_overdue": 0, "closed_on_time": 0, "days": 0.0,
                  "closed": 0}
        row = 2
        fnames = [column[0] for column in columns]
        for start in range(0, len(cases), CHUNK):
            chunk = cases[start:start + CHUNK]
            for values in chunk.read(fnames + ["company_id"]):
                tz = tzs[values["company_id"][0]]
                if not values.get("date_closed"):
                    # an open case has no days to close (not 0 days)
                    values["days_to_close"] = None
                for index, column in enumerate(columns):
                    self._write_cell(sheet, styles, row, index, column,
                                     values.get(column[0]), tz)
                totals["is_overdue"] += bool(values.get("is_overdue"))
                totals["closed_on_time"] += bool(values.get("closed_on_time"))
                if values["days_to_close"] is not None:
                    totals["days"] += values["days_to_close"]
                    totals["closed"] += 1
                row += 1
            chunk.invalidate_cache()
        self._write_totals(sheet, styles, row, columns, len(cases), totals)

    def _columns(self, cases):
        """The columns of the model as it is (a field another part has not
        added is left out), without the fields the user may not read (the
        reporter's phone is for clerks and grid officers only)."""
        columns = []
        for column in CASE_COLUMNS:
            field = cases._fields.get(column[0])
            if field and (not field.groups
                          or self.user_has_groups(field.groups)):
                columns.append(column)
        return columns

    def _write_cell(self, sheet, styles, row, col, column, value, tz):
        kind = column[3]
        if isinstance(kind, dict):
            _write_value(sheet, row, col, kind.get(value, value or ""),
                         styles["text"])
        elif kind == "many2one":
            _write_value(sheet, row, col, value[1] if value else "",
                         styles["text"])
        elif kind == "datetime" and value:
            local = pytz.utc.localize(
                fields.Datetime.from_string(value)).astimezone(tz)
            sheet.write_datetime(row, col, local.replace(tzinfo=None),
                                 styles["datetime"])
        elif kind == "date" and value:
            sheet.write_datetime(row, col, fields.Datetime.from_string(
                value), styles["date"])
        elif kind == "bool":
            _write_value(sheet, row, col, "是" if value else "否",
                         styles["text"])
        elif kind == "number":
            _write_value(sheet, row, col, value if value or value == 0
                         else None, styles["number"])
        else:
            _write_value(sheet, row, col, value or "", styles["text"])

    def _write_totals(self, sheet, styles, row, columns, count, totals):
        names = [column[0] for column in columns]
        sheet.write_string(row, 0, "合计", styles["total_label"])
        for index in range(1, len(columns)):
            name = names[index]
            if index == 1:
                sheet.write_string(row, index, "%s件" % count,
                                   styles["total_label"])
            elif name in ("is_overdue", "closed_on_time"):
                sheet.write_number(row, index, totals[name],
                                   styles["total_number"])
            elif name == "days_to_close" and totals["closed"]:
                # the average over the closed cases
                sheet.write_number(row, index,
                                   totals["days"] / totals["closed"],
                                   styles["total_days"])
            else:
                sheet.write_blank(row, index, None, styles["total_label"])
