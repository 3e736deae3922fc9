# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models
from odoo.exceptions import AccessError

from ..tools import ledger_workbook

CLERK_GROUP = "community_base.group_community_clerk"

# The export speaks the ledger's language: the same Chinese headers and
# values as the import template, so a superior can forward it as it is and
# a community can read it back.
SEX_LABELS = {"male": "男", "female": "女"}
KIND_LABELS = {key: label for label, key in ledger_workbook.COMPOUND_KINDS}
HOUSEHOLD_TYPE_LABELS = {
    key: label for label, key in ledger_workbook.HOUSEHOLD_TYPES}
RELATION_LABELS = {key: label for label, key in ledger_workbook.RELATIONS}
RESIDENCE_LABELS = {
    key: label for label, key in ledger_workbook.RESIDENCE_TYPES}

HOUSEHOLD_COLUMNS = [
    ("序号", 6), ("小区名称", 18), ("楼栋号", 8), ("单元", 6), ("室", 8),
    ("户类型", 8), ("户主", 10), ("人数", 6), ("党员户", 7), ("文明户", 7),
]
RESIDENT_COLUMNS = [
    ("序号", 6), ("姓名", 10), ("性别", 5), ("出生日期", 11), ("年龄", 5),
    ("身份证号", 20), ("电话", 14), ("小区名称", 16), ("楼栋号", 8),
    ("单元", 6), ("室", 8), ("与户主关系", 10), ("人口类型", 8),
    ("户籍地址", 28), ("来源地", 12), ("到达日期", 11), ("关爱类别", 16),
]
LEVEL_NAMES = {
    "community.community": "社区",
    "community.compound": "小区",
    "community.building": "楼栋",
    "community.household": "户",
}
CHUNK = 1000


class CommunityLedgerXlsx(models.AbstractModel):
    """The ledger (台账) of one level of the hierarchy as an Excel workbook:
    for each record printed, a sheet of its households and a sheet of its
    living residents, each with a merged title row naming the street, the
    place and the date, a frozen header row, and a totals row.

    The workbook streams (``constant_memory``): rows are written in order
    and flushed, so a community of 20,000 residents does not sit in memory.
    ID numbers and phones are exported as the user sees them in the forms:
    in full for clerks, masked for the other roles.
    """

    _name = "report.community_base.ledger_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Community ledger workbook"

    def get_workbook_options(self):
        return {"constant_memory": True, "strings_to_numbers": False}

    def generate_xlsx_report(self, workbook, data, objs):
        _check_readable(objs)
        styles = self._styles(workbook)
        sheet_names = set()
        for record in objs:
            households = self._households(record)
            self._write_households(
                workbook, styles, record,
                self._sheet_name(record, "户", sheet_names), households)
            self._write_residents(
                workbook, styles, record,
                self._sheet_name(record, "居民", sheet_names), households)

    # -- data -----------------------------------------------------------

    def _households(self, record):
        """The households of ``record``'s ledger, in ledger order."""
        if record._name == "community.household":
            return record
        field = {
            "community.community": "community_id",
            "community.compound": "compound_id",
            "community.building": "building_id",
        }[record._name]
        return self.env["community.household"].search(
            [(field, "=", record.id)],
            order="compound_id, building_id, unit, room, id")

    def _residents(self, households):
        """Living residents of ``households``, household by household, in
        chunks so that the cache stays small."""
        residents = self.env["community.resident"].search(
            [("household_id", "in", households.ids),
             ("state", "=", "living")])
        order = {household_id: index
                 for index, household_id in enumerate(households.ids)}
        relation_order = {key: index for index, (_label, key)
                          in enumerate(ledger_workbook.RELATIONS)}
        # sort in Python: the ledger order is the households' order, the
        # head first in each
        keyed = sorted(
            residents.read(["household_id", "relation"]),
            key=lambda values: (order[values["household_id"][0]],
                                relation_order.get(values["relation"], 99),
                                values["id"]))
        ids = [values["id"] for values in keyed]
        for start in range(0, len(ids), CHUNK):
            yield residents.browse(ids[start:start + CHUNK])

    # -- writing --------------------------------------------------------

    def _styles(self, workbook):
        border = {"border": 1, "valign": "vcenter"}
        return {
            "title": workbook.add_format({
                "bold": True, "font_size": 14, "align": "center",
                "valign": "vcenter"}),
            "header": workbook.add_format(dict(
                border, bold=True, bg_color="#DDEBF7", align="center",
                text_wrap=True)),
            "text": workbook.add_format(dict(border)),
            "number": workbook.add_format(dict(border, num_format="0")),
            "date": workbook.add_format(dict(border, num_format="yyyy-mm-dd")),
            "total_label": workbook.add_format(dict(
                border, bold=True, bg_color="#F2F2F2")),
            "total": workbook.add_format(dict(
                border, bold=True, bg_color="#F2F2F2", num_format="0")),
        }

    def _sheet_name(self, record, suffix, used):
        """Excel sheet names: unique, at most 31 characters, none of
        ``[]:*?/\\``."""
        base = record.display_name or ""
        for char in "[]:*?/\\":
            base = base.replace(char, " ")
        base = base[:31 - len(suffix) - 4]
        name = "%s %s" % (base, suffix)
        index = 2
        while name.lower() in used:
            name = "%s(%s) %s" % (base, index, suffix)
            index += 1
        used.add(name.lower())
        return name

    def _title(self, record, what):
        """Street, place and date: what a superior needs to file it."""
        community = record if record._name == "community.community" else (
            record.community_id)
        parts = [record.sudo().company_id.name or "", community.name or ""]
        if record._name != "community.community":
            parts.append("%s %s" % (LEVEL_NAMES[record._name],
                                    record.display_name))
        date = fields.Date.context_today(self)
        return "%s %s（导出日期：%s）" % (
            " ".join(part for part in parts if part), what, date)

    def _start_sheet(self, workbook, styles, name, title, columns):
        sheet = workbook.add_worksheet(name)
        for index, (_header, width) in enumerate(columns):
            sheet.set_column(index, index, width)
        sheet.set_row(0, 28)
        sheet.merge_range(0, 0, 0, len(columns) - 1, title, styles["title"])
        for index, (header, _width) in enumerate(columns):
            sheet.write_string(1, index, header, styles["header"])
        sheet.freeze_panes(2, 0)
        return sheet

    def _write_households(self, workbook, styles, record, name, households):
        sheet = self._start_sheet(
            workbook, styles, name, self._title(record, "户台账"),
            HOUSEHOLD_COLUMNS)
        row = 2
        members = 0
        for start in range(0, len(households), CHUNK):
            for household in households[start:start + CHUNK]:
                values = [
                    (row - 1, "number"),
                    (household.compound_id.name, "text"),
                    (household.building_id.name, "text"),
                    (household.unit or "", "text"),
                    (household.room or "", "text"),
                    (HOUSEHOLD_TYPE_LABELS.get(
                        household.household_type, ""), "text"),
                    (household.head_id.name or "", "text"),
                    (household.member_count, "number"),
                    ("是" if household.is_party_member else "否", "text"),
                    ("是" if household.is_civilised else "否", "text"),
                ]
                self._write_row(sheet, styles, row, values)
                members += household.member_count
                row += 1
            households.invalidate_cache()
        sheet.write_string(row, 0, "合计", styles["total_label"])
        sheet.write_string(row, 1, "%s户" % len(households),
                           styles["total_label"])
        for col in range(2, len(HOUSEHOLD_COLUMNS)):
            if col == 7:
                sheet.write_number(row, col, members, styles["total"])
            else:
                sheet.write_blank(row, col, None, styles["total_label"])

    def _write_residents(self, workbook, styles, record, name, households):
        sheet = self._start_sheet(
            workbook, styles, name, self._title(record, "居民台账"),
            RESIDENT_COLUMNS)
        clear = self.env.user.has_group(CLERK_GROUP)
        row = 2
        counts = {"male": 0, "female": 0, "floating": 0, "care": 0}
        for residents in self._residents(households):
            for resident in residents:
                if clear:
                    id_number, phone = resident.id_number, resident.phone
                else:
                    id_number = resident.id_number_masked
                    phone = resident.phone_masked
                birth = fields.Date.from_string(resident.birth_date)
                arrival = fields.Date.from_string(resident.arrival_date)
                values = [
                    (row - 1, "number"),
                    (resident.name, "text"),
                    (SEX_LABELS.get(resident.sex, ""), "text"),
                    (birth, "date"),
                    (resident.age if birth else None, "number"),
                    (id_number or "", "text"),
                    (phone or "", "text"),
                    (resident.compound_id.name or "", "text"),
                    (resident.building_id.name or "", "text"),
                    (resident.household_id.unit or "", "text"),
                    (resident.household_id.room or "", "text"),
                    (RELATION_LABELS.get(resident.relation, ""), "text"),
                    (RESIDENCE_LABELS.get(resident.residence_type, ""),
                     "text"),
                    (resident.registered_address or "", "text"),
                    (resident.origin or "", "text"),
                    (arrival, "date"),
                    (",".join(resident.care_group_ids.with_context(
                        lang="zh_CN").mapped("name")),
                     "text"),
                ]
                self._write_row(sheet, styles, row, values)
                if resident.sex:
                    counts[resident.sex] += 1
                counts["floating"] += resident.residence_type == "floating"
                counts["care"] += bool(resident.care_group_ids)
                row += 1
            residents.invalidate_cache()
        total = row - 2
        sheet.write_string(row, 0, "合计", styles["total_label"])
        sheet.write_string(
            row, 1, "%s人" % total, styles["total_label"])
        summary = "男%(male)s人，女%(female)s人，流动人口%(floating)s人，" \
            "关爱对象%(care)s人" % counts
        sheet.merge_range(row, 2, row, len(RESIDENT_COLUMNS) - 1, summary,
                          styles["total_label"])

    def _write_row(self, sheet, styles, row, values):
        for col, (value, kind) in enumerate(values):
            if value is None or value is False or value == "":
                sheet.write_blank(row, col, None, styles["text"])
            elif kind == "number":
                sheet.write_number(row, col, value, styles["number"])
            elif kind == "date":
                sheet.write_datetime(row, col, value, styles["date"])
            else:
                # strings stay strings: ID numbers must not become numbers
                sheet.write_string(row, col, "%s" % value, styles["text"])


class CommunityLedgerXlsxCompound(models.AbstractModel):
    """The same ledger, printed from a compound. The report action of each
    level needs its own report name: report_xlsx's controller finds the
    action by name and reads the records as that action's model."""

    _name = "report.community_base.ledger_xlsx_compound"
    _inherit = "report.community_base.ledger_xlsx"
    _description = "Compound ledger workbook"


class CommunityLedgerXlsxBuilding(models.AbstractModel):
    """The same ledger, printed from a building."""

    _name = "report.community_base.ledger_xlsx_building"
    _inherit = "report.community_base.ledger_xlsx"
    _description = "Building ledger workbook"


class CommunityLedgerXlsxHousehold(models.AbstractModel):
    """The same ledger, printed from a household."""

    _name = "report.community_base.ledger_xlsx_household"
    _inherit = "report.community_base.ledger_xlsx"
    _description = "Household ledger workbook"


def _check_readable(records):
    """Raise AccessError unless the user may read ``records``."""
    if not records.check_access_rights("read", raise_exception=False):
        raise AccessError(_("You may not export this ledger."))
    records.check_access_rule("read")
