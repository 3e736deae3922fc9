# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.community_base.tools import roles, street_time
from odoo.addons.community_base.tools.report_sheet import Book, Column

# The workbooks speak the superiors' language, like community_base's
# ledger: Chinese headers and values, whatever the user's language.
CATEGORY_LABELS = {
    "in_service": "在职党员", "mobile": "流动党员", "hardship": "困难党员",
    "elderly": "老党员", "retired": "离退休党员", "direct": "直管党员",
}
STATUS_LABELS = {"probationary": "预备党员", "full": "正式党员"}
STATE_LABELS = {
    "active": "在册", "transferred_out": "已转出", "deceased": "已去世"}
GENDER_LABELS = {"male": "男", "female": "女"}

COLUMNS = [
    Column("序号", "int", 6), Column("姓名", "text", 10),
    Column("性别", "text", 6), Column("身份证号码", "id_number", 20),
    Column("出生日期", "birth_date", 11), Column("联系电话", "phone", 14),
    Column("党组织", "text", 24), Column("社区", "text", 14),
    Column("党员类别", "text", 10), Column("党籍状态", "text", 9),
    Column("入党日期", "date", 11), Column("转正日期", "date", 11),
    Column("工作单位", "text", 20), Column("状态", "text", 8),
]


class PartyMemberXlsx(models.AbstractModel):
    """The member roster (党员花名册) of the selected members as an Excel
    workbook: one row per member, ordered by organisation.

    The ID numbers, phones and birth dates are personal data of the
    register: the party roles (``roles.may_read_party_data``) get them in
    clear; the leader, who prints the roster too, gets the masks their
    forms show and no birth date (with the masked number it would give the
    whole number back). Nothing is read as superuser: the values come from
    the fields the reader may read. Who may print it at all (the action's
    groups, the members' rules) is checked before
    (community_base's ``report/report_xlsx_abstract.py``).
    """

    _name = "report.community_party.party_member_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Party member roster workbook"

    def generate_xlsx_report(self, workbook, data, members):
        clear = roles.may_read_party_data(self.env)
        book = Book(workbook, self.env)
        # the register's rule, not the residents' (a leader who is also a
        # clerk reads residents' numbers, not party members')
        book.personal_data = clear
        companies = members.mapped("company_id")
        title = "%s 党员花名册（导出日期：%s，共%s人）" % (
            "、".join(sorted(set(companies.mapped("name")))),
            street_time.street_today(self.env, companies[:1] or None),
            len(members))
        table = book.table("党员花名册", COLUMNS, title, freeze_cols=2)
        ordered = members.sorted(lambda member: (
            member.organisation_id.parent_left, member.name, member.id))
        for number, member in enumerate(ordered, 1):
            if clear:
                personal = (member.id_number, member.birth_date, member.phone)
            else:
                personal = (member.id_number_masked, None,
                            member.phone_masked)
            table.write_row([
                number, member.name, GENDER_LABELS.get(member.gender, ""),
                personal[0], _date(personal[1]), personal[2],
                member.organisation_id.display_name,
                member.community_id.name or "",
                CATEGORY_LABELS.get(member.category, ""),
                STATUS_LABELS.get(member.status, ""),
                _date(member.date_joined), _date(member.date_full),
                member.work_unit_id.name or "",
                STATE_LABELS.get(member.state, ""),
            ])
        table.write_totals(["合计", "%s人" % len(members)])


def _date(value):
    """A date field's value as the workbook writes it (a date cell)."""
    return fields.Date.from_string(value) if value else None
