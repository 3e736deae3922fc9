# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import itertools

import pytz

from odoo import _, fields, models
from odoo.exceptions import AccessError

from odoo.addons.community_base.tools import street_time
from odoo.addons.community_base.tools.report_sheet import Book, Column

CHUNK = 1000

# The workbooks speak the superiors' language, like community_base's
# ledger: Chinese headers and values, whatever the user's language.
GROUPING_HEADERS = {
    "community": ("按社区", "社区"),
    "category": ("按事件类别", "事件类别"),
    "unit": ("按处置单位", "处置单位"),
}
#: (key, header, width, kind, merged group header) of the statistics
#: columns, after the first (the group's name); "days" are working days
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
    ("reply_due", "应答复数", 8, "number", "答复承诺（123）"),
    ("reply_kept", "按时答复数", 10, "number", "答复承诺（123）"),
    ("reply_rate", "答复承诺兑现率", 10, "percent", "答复承诺（123）"),
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
#: (field, header, width, kind) of the case list; kinds: text, phone,
#: many2one, selection labels, datetime, date, bool, number, days
CASE_COLUMNS = [
    ("name", "事件编号", 16, "text"),
    ("category_id", "事件类别", 18, "many2one"),
    ("service_code", "服务代码", 10, "text"),
    ("community_id", "社区", 14, "many2one"),
    ("grid_id", "网格", 14, "many2one"),
    ("channel", "来源渠道", 10, CHANNEL_LABELS),
    ("reporter_name", "报告人", 10, "text"),
    ("reporter_phone", "报告人电话", 14, "phone"),
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
    ("days_to_close", "办结天数（工作日）", 10, "days"),
    ("return_count", "退单次数", 8, "number"),
    ("extension_count", "延期次数", 8, "number"),
    ("reopen_count", "重办次数", 8, "number"),
    ("satisfaction", "满意度", 9, SATISFACTION_LABELS),
]


def _column(header, width, kind):
    """The table column (``tools/report_sheet.py``) of a column above."""
    if kind == "days":
        return Column(header, "float", width, 1)
    if kind in ("number", "bool"):
        # a bool column holds "是"/"否", its total the count of "是"
        return Column(header, "int", width)
    if kind in ("percent", "date", "datetime", "phone"):
        return Column(header, kind, width)
    return Column(header, "text", width)  # names and labels


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
        book = Book(workbook, self.env)
        for wizard in wizards:
            for grouping in wizard.groupings():
                self._write_sheet(book, wizard, grouping,
                                  wizard.statistics(grouping))

    def _write_sheet(self, book, wizard, grouping, statistics):
        sheet_label, name_header = GROUPING_HEADERS[grouping]
        columns = [Column(name_header, "text", 20)] + [
            _column(header, width, kind)
            for _key, header, width, kind, _group in STATISTICS_COLUMNS]
        # the upper header row groups the columns of one topic
        groups, start = [], 1
        for group, members in itertools.groupby(
                STATISTICS_COLUMNS, key=lambda column: column[4]):
            stop = start + len(list(members)) - 1
            groups.append((group, start, stop))
            start = stop + 1
        title = "%s 事件统计（%s 至 %s，%s）" % (
            wizard.company_id.name, wizard.date_start, wizard.date_end,
            sheet_label)
        table = book.table(sheet_label, columns, title, groups=groups,
                           header_height=42)
        keys = [column[0] for column in STATISTICS_COLUMNS]
        for values in statistics["rows"]:
            table.write_row([values["name"]] + [values[key] for key in keys])
        table.write_totals(
            ["合计"] + [statistics["total"][key] for key in keys])


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
        columns = self._columns(cases)
        # sudo: the streets' names only, of cases the user reads (checked)
        companies = cases.sudo().mapped("company_id")
        company_names = sorted(set(companies.mapped("name")))
        title = "%s 事件清单（导出日期：%s，共%s件）" % (
            "、".join(company_names),
            street_time.street_today(self.env, companies[:1] or None),
            len(cases))
        table = Book(workbook, self.env).table("事件清单", [
            _column(header, width, kind if isinstance(kind, str) else "text")
            for _field, header, width, kind in columns], title)
        # the times of each case in its street's time zone, whoever exports
        tzs = {company.id: street_time.street_tz(self.env, company)
               for company in companies}
        totals = {"is_overdue": 0, "closed_on_time": 0, "days": 0.0,
                  "closed": 0}
        fnames = [column[0] for column in columns]
        for start in range(0, len(cases), CHUNK):
            chunk = cases[start:start + CHUNK]
            for values in chunk.read(fnames + ["company_id"]):
                tz = tzs[values["company_id"][0]]
                if not values.get("date_closed"):
                    # an open case has no days to close (not 0 days)
                    values["days_to_close"] = None
                table.write_row([self._cell(column, values.get(column[0]), tz)
                                 for column in columns])
                totals["is_overdue"] += bool(values.get("is_overdue"))
                totals["closed_on_time"] += bool(values.get("closed_on_time"))
                if values["days_to_close"] is not None:
                    totals["days"] += values["days_to_close"]
                    totals["closed"] += 1
            chunk.invalidate_cache()
        table.write_totals(self._totals(columns, len(cases), totals))

    def _columns(self, cases):
        """The columns of the model as it is (a field another part has not
        added is left out), without the fields the user may not read (the
        reporter's phone is for the roles that read personal data,
        ``roles.PERSONAL_DATA``)."""
        columns = []
        for column in CASE_COLUMNS:
            field = cases._fields.get(column[0])
            if field and (not field.groups
                          or self.user_has_groups(field.groups)):
                columns.append(column)
        return columns

    @staticmethod
    def _cell(column, value, tz):
        """The value of a case's ``column`` as the workbook shows it."""
        kind = column[3]
        if isinstance(kind, dict):
            return kind.get(value, value or "")
        if kind == "many2one":
            return value[1] if value else ""
        if kind == "datetime":
            if not value:
                return None
            local = pytz.utc.localize(
                fields.Datetime.from_string(value)).astimezone(tz)
            return local.replace(tzinfo=None)
        if kind == "date":
            return fields.Datetime.from_string(value) if value else None
        if kind == "bool":
            return "是" if value else "否"
        if kind in ("number", "days"):
            return value if value or value == 0 else None
        return value or ""

    @staticmethod
    def _totals(columns, count, totals):
        """The totals row: the number of cases, of overdue ones and of
        ones closed on time, the average days to close of the closed
        ones."""
        values = ["合计", "%s件" % count]
        for field, _header, _width, _kind in columns[2:]:
            if field in ("is_overdue", "closed_on_time"):
                values.append(totals[field])
            elif field == "days_to_close" and totals["closed"]:
                values.append(totals["days"] / totals["closed"])
            else:
                values.append(None)
        return values
