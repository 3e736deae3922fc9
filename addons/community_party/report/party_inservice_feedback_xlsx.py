# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models
from odoo.exceptions import UserError

from odoo.addons.community_base.tools import street_time
from odoo.addons.community_base.tools.report_sheet import Book, Column, Span

# The workbooks go to the members' units and to the street's superiors as
# they are: Chinese headings and values whatever the user's language, as the
# ledger of community_base.
COMMITMENT_LABELS = {
    "pioneer_post": "党员先锋岗",
    "building_duty": "楼栋值守",
    "volunteer_post": "志愿服务岗",
    "project": "服务项目",
}


def commitment_text(registration):
    """The commitments of ``registration`` as one cell: "楼栋值守：1号楼；
    志愿服务岗：A1 volunteer team"."""
    parts = []
    for commitment in registration.commitment_ids:
        label = COMMITMENT_LABELS.get(commitment.kind, commitment.kind or "")
        details = [text for text in (
            commitment.building_id.display_name,
            commitment.team_id.display_name, commitment.description) if text]
        parts.append("%s：%s" % (label, "，".join(details))
                     if details else label)
    return "；".join(parts)


def year_of(report, data):
    """The year a workbook covers: ``data["year"]``, else the current year
    of the user's street."""
    year = (data or {}).get("year")
    if year:
        return int(year)
    return report.env["party.inservice.registration"]._current_year()


class PartyInserviceFeedbackXlsx(models.AbstractModel):
    """The yearly feedback sheet to the members' units (在职党员到社区报到
    情况反馈表): one sheet per unit, a row per member registered in the
    year with their community, date of registration, commitments, the
    activities and hours of the year and the community's comment. The
    units evaluate their members by it.

    Printed from the registrations the user selects and reads; those not in
    force in the year are left out. No ID number or phone is written.
    """

    _name = "report.community_party.inservice_feedback_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "In-service members feedback workbook"

    COLUMNS = [
        Column("序号", "int", 6), Column("姓名", "text", 12),
        Column("报到社区", "text", 18), Column("报到日期", "date", 12),
        Column("认领岗位及服务项目", "text", 36),
        Column("本年度活动次数", "int", 10),
        Column("本年度服务时长（小时）", "float", 12, 1),
        Column("社区评价意见", "text", 40),
    ]

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access_rights("read")
        objs.check_access_rule("read")
        year = year_of(self, data)
        start, end = objs._year_bounds(year)
        registrations = objs.filtered(
            lambda registration: registration._in_force(start, end))
        if not registrations:
            raise UserError(_(
                "None of the registrations printed was in force in %s: "
                "there is no feedback to send for that year.") % year)
        service = registrations._service_of_year(year)
        book = Book(workbook, self.env)
        by_unit = {}
        for registration in registrations.sorted(
                key=lambda r: (r.unit_id.name or "", r.member_name or "",
                               r.id)):
            by_unit.setdefault(registration.unit_id, []).append(registration)
        today = street_time.street_today(self.env)
        for unit, rows in sorted(by_unit.items(),
                                 key=lambda item: item[0].name or ""):
            table = book.table(
                unit.name or "-", self.COLUMNS,
                "%s 在职党员到社区报到情况反馈表（%s年度）" % (unit.name, year),
                subtitle="制表日期：%s" % today, freeze_cols=2)
            active = activities = hours = 0
            for index, registration in enumerate(rows, 1):
                count, served = service.get(registration.id, (0, 0.0))
                active += count > 0
                activities += count
                hours += served
                table.write_row([
                    index, registration.member_name,
                    registration.community_id.name,
                    fields.Date.from_string(registration.date_registered),
                    commitment_text(registration), count, served,
                    registration.community_comment])
            table.write_totals([
                "合计", Span("报到%s人，本年度活跃%s人" % (len(rows), active), 4),
                activities, hours, None])
