# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.community_base.tools import roles, street_time
from odoo.addons.community_base.tools.report_sheet import Book, Column, Span

from .party_inservice_feedback_xlsx import commitment_text, year_of

SEX_LABELS = {"male": "男", "female": "女"}
SOURCE_LABELS = {"self": "个人报到", "unit_batch": "单位集中报到"}
STATE_LABELS = {"registered": "在册", "ended": "已结束"}

#: the ID number and the phone are masked for a reader who may not read
#: party data (the leader), as the member's form shows them
COLUMNS = [
    Column("序号", "int", 6), Column("姓名", "text", 10),
    Column("性别", "text", 5), Column("身份证号", "id_number", 20),
    Column("联系电话", "phone", 14), Column("工作单位", "text", 22),
    Column("单位党组织", "text", 22), Column("组织关系所在党组织", "text", 22),
    Column("报到日期", "date", 12), Column("报到方式", "text", 12),
    Column("认领岗位及服务项目", "text", 36),
    Column("本年度活动次数", "int", 10),
    Column("本年度服务时长（小时）", "float", 12, 1),
    Column("状态", "text", 8), Column("结束日期", "date", 12),
]


class PartyInserviceLedgerXlsx(models.AbstractModel):
    """The reporting ledger (在职党员到社区报到台账): one sheet per
    community, a row per registration printed, with the member's ID number
    and phone (masked for the leader), their unit and organisation, the
    commitments and the service of the year.

    The user prints the registrations they read; the members' own fields
    and organisations are read as superuser for those registrations only (a
    secretary may hold the registration of a member whose record sits in a
    unit's organisation they do not read), and the ID number and phone are
    masked unless the user may read party data
    (``roles.may_read_party_data``).
    """

    _name = "report.community_party.inservice_ledger_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "In-service members reporting ledger workbook"

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access_rights("read")
        objs.check_access_rule("read")
        year = year_of(self, data)
        service = objs._service_of_year(year)
        book = Book(workbook, self.env)
        # the party register's protection, not the resident register's
        book.personal_data = roles.may_read_party_data(self.env)
        by_community = {}
        for registration in objs.sorted(
                key=lambda r: (r.community_id.name or "",
                               r.member_name or "", r.id)):
            by_community.setdefault(
                registration.community_id, []).append(registration)
        today = street_time.street_today(self.env)
        for community, rows in sorted(by_community.items(),
                                      key=lambda item: item[0].name or ""):
            # sudo: the street's name only, for the title
            street = community.sudo().company_id.name or ""
            table = book.table(
                community.name or "-", COLUMNS,
                "%s %s 在职党员到社区报到台账" % (street, community.name),
                subtitle="%s年度服务情况　导出日期：%s" % (year, today),
                freeze_cols=2)
            self._write_rows(table, rows, service)

    def _write_rows(self, table, rows, service):
        active = activities = hours = 0
        for index, registration in enumerate(rows, 1):
            # sudo: the member and the organisations of a registration the
            #   user reads (checked above); the table masks the ID number and
            #   phone for a reader who may not read party data
            record = registration.sudo()
            member = record.member_id
            count, served = service.get(registration.id, (0, 0.0))
            active += count > 0
            activities += count
            hours += served
            table.write_row([
                index, registration.member_name,
                SEX_LABELS.get(member.gender, ""), member.id_number,
                member.phone, registration.unit_id.name,
                record.unit_organisation_id.name,
                record.member_organisation_id.name,
                fields.Date.from_string(registration.date_registered),
                SOURCE_LABELS.get(registration.source, ""),
                commitment_text(registration), count, served,
                STATE_LABELS.get(registration.state, ""),
                fields.Date.from_string(registration.date_ended)
                if registration.date_ended else None])
        table.write_totals([
            "合计", Span("报到%s人，本年度活跃%s人" % (len(rows), active), 10),
            activities, hours, None, None])
