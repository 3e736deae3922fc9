# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, fields, models
from odoo.exceptions import AccessError

from ..tools import id_number as idn
from ..tools import ledger_workbook, street_time
from ..tools.report_sheet import Book, Column, Span

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
    Column("序号", "int", 6), Column("小区名称", "text", 18),
    Column("楼栋号", "text", 8), Column("单元", "text", 6),
    Column("室", "text", 8), Column("户类型", "text", 8),
    Column("户主", "text", 10), Column("人数", "int", 6),
    Column("党员户", "text", 7), Column("文明户", "text", 7),
]
#: the ID number, phone and birth date are masked (the birth date left
#: out) for a reader who may not read them, as the forms do
RESIDENT_COLUMNS = [
    Column("序号", "int", 6), Column("姓名", "text", 10),
    Column("性别", "text", 5), Column("出生日期", "birth_date", 11),
    Column("年龄", "int", 5), Column("身份证号", "id_number", 20),
    Column("电话", "phone", 14), Column("小区名称", "text", 16),
    Column("楼栋号", "text", 8), Column("单元", "text", 6),
    Column("室", "text", 8), Column("与户主关系", "text", 10),
    Column("人口类型", "text", 8), Column("户籍地址", "text", 28),
    Column("来源地", "text", 12), Column("到达日期", "date", 11),
    Column("关爱类别", "text", 16),
]
LEVEL_NAMES = {
    "community.community": "社区",
    "community.compound": "小区",
    "community.building": "楼栋",
    "community.household": "户",
}
CHUNK = 1000
#: the residents' column of each level a ledger is printed from
RESIDENT_SCOPE = {
    "community.community": "community_id",
    "community.compound": "compound_id",
    "community.building": "building_id",
    "community.household": "household_id",
}


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
        return dict(super().get_workbook_options(), constant_memory=True)

    def generate_xlsx_report(self, workbook, data, objs):
        _check_readable(objs)
        book = Book(workbook, self.env)
        for record in objs:
            households = self._households(record)
            self._write_households(book, record, households)
            self._write_residents(book, record, households)

    # -- data -----------------------------------------------------------

    def _households(self, record):
        """The households of ``record``'s ledger as a query, ``(sql,
        params)``, of their ids and their place in ledger order
        (``position``), with the user's record rules. The ids stay in
        PostgreSQL: 650,000 residents live in 260,000 households, whose
        ids alone made the export's memory grow by some 40 MiB."""
        if record._name == "community.household":
            return "SELECT %s::int AS id, 1::bigint AS position", [record.id]
        households = self.env["community.household"]
        households.check_access_rights("read")
        query = households._where_calc(
            [(RESIDENT_SCOPE[record._name], "=", record.id)])
        households._apply_ir_rules(query, "read")
        order_by = households._generate_order_by(
            "compound_id, building_id, unit, room, id", query)
        from_clause, where_clause, params = query.get_sql()
        return ('SELECT "community_household".id AS id, '
                "row_number() OVER ({order_by}) AS position "
                "FROM {from_clause} WHERE {where_clause}".format(
                    order_by=order_by.strip(), from_clause=from_clause,
                    where_clause=where_clause or "TRUE"), params)

    def _household_rows(self, households):
        """The rows of ``households`` (the query of ``_households``), in
        their order, read in one query through a server-side cursor: the
        ORM read every prefetchable column of each household (most of the
        export's time) and kept them in its cache."""
        households_sql, households_params = households
        cursor = self.env.cr._cnx.cursor(name="ledger_xlsx_households")
        cursor.itersize = CHUNK
        try:
            # sql: households filtered by the user's rules (``_households``);
            # one streamed query instead of the ORM's reads of 260,000
            cursor.execute("""
                SELECT c.name, b.name, h.unit, h.room, h.household_type,
                       head.name, h.member_count, h.is_party_member,
                       h.is_civilised
                FROM ({households}) AS o
                JOIN community_household h ON h.id = o.id
                LEFT JOIN community_compound c ON c.id = h.compound_id
                LEFT JOIN community_building b ON b.id = h.building_id
                LEFT JOIN community_resident head ON head.id = h.head_id
                ORDER BY o.position
            """.format(households=households_sql), households_params)
            for row in cursor:
                yield row
        finally:
            cursor.close()

    def _resident_rows(self, record, households):
        """The living residents of ``households`` in ledger order (the
        households' order, the head first in each, then by id) as tuples
        (id, name, sex, birth date, ID number, phone, compound, building,
        unit, room, relation, residence type, registered address, origin,
        arrival date, care group ids).

        One query for the residents the user may read (the ORM's own
        query with the record rules applied), read through a server-side
        cursor ``CHUNK`` rows at a time: the export of 650,000 residents
        holds no more of them in memory than the one of 65,000, and reads
        no record through the ORM (which cost about 40 queries and most of
        the time per thousand residents)."""
        residents = self.env["community.resident"]
        residents.check_access_rights("read")
        query = residents._where_calc(
            [(RESIDENT_SCOPE[record._name], "=", record.id)])
        residents._apply_ir_rules(query, "read")
        from_clause, where_clause, params = query.get_sql()
        relations = [key for _label, key in ledger_workbook.RELATIONS]
        cursor = self.env.cr._cnx.cursor(name="ledger_xlsx_residents")
        cursor.itersize = CHUNK
        try:
            # sql: the ORM's own query with the user's record rules, streamed
            cursor.execute("""
                SELECT r.id, r.name, r.sex, r.birth_date, r.id_number,
                       r.phone, c.name, b.name, h.unit, h.room, r.relation,
                       r.residence_type, r.registered_address, r.origin,
                       r.arrival_date,
                       ARRAY(SELECT rel.care_group_id
                             FROM community_care_group_resident_rel rel
                             WHERE rel.resident_id = r.id)
                FROM (SELECT "community_resident".id FROM {from_clause}
                      WHERE {where_clause}) AS allowed
                JOIN community_resident r ON r.id = allowed.id
                JOIN ({households}) AS o ON o.id = r.household_id
                JOIN community_household h ON h.id = r.household_id
                LEFT JOIN community_compound c ON c.id = r.compound_id
                LEFT JOIN community_building b ON b.id = r.building_id
                WHERE r.state = 'living'
                ORDER BY o.position,
                         array_position(%s::varchar[], r.relation::varchar),
                         r.id
            """.format(from_clause=from_clause or '"community_resident"',
                       where_clause=where_clause or "TRUE",
                       households=households[0]),
                params + list(households[1]) + [relations])
            for row in cursor:
                yield row
        finally:
            cursor.close()

    def _care_group_names(self):
        """{care group id: its Chinese name} and {care group id: its
        place in the care groups' order}, of the care groups the user may
        read (what ``care_group_ids`` would show)."""
        groups = self.env["community.care.group"].with_context(
            lang="zh_CN").search([])
        return ({group.id: group.name for group in groups},
                {group.id: index for index, group in enumerate(groups)})

    # -- writing --------------------------------------------------------

    def _title(self, record, what):
        """Street, place and date: what a superior needs to file it."""
        community = record if record._name == "community.community" else (
            record.community_id)
        # sudo: the street's name only, for a clerk who may not read it
        parts = [record.sudo().company_id.name or "", community.name or ""]
        if record._name != "community.community":
            parts.append("%s %s" % (LEVEL_NAMES[record._name],
                                    record.display_name))
        date = street_time.street_today(self.env, record.company_id)
        return "%s %s（导出日期：%s）" % (
            " ".join(part for part in parts if part), what, date)

    def _new_table(self, book, record, suffix, what, columns):
        """A sheet of ``record``'s ledger, named after it: the title names
        the street, the place and the date, no subtitle (the sheet reads
        back as a ledger to import: the headers on its second row)."""
        return book.table(record.display_name, columns,
                          self._title(record, what), freeze_cols=0,
                          suffix=suffix)

    def _write_households(self, book, record, households):
        table = self._new_table(book, record, "户", "户台账",
                                HOUSEHOLD_COLUMNS)
        count = members = 0
        for (compound, building, unit, room, household_type, head,
             member_count, is_party_member,
             is_civilised) in self._household_rows(households):
            count += 1
            table.write_row([
                count, compound, building, unit, room,
                HOUSEHOLD_TYPE_LABELS.get(household_type, ""), head,
                member_count or 0,
                "是" if is_party_member else "否",
                "是" if is_civilised else "否",
            ])
            members += member_count or 0
        table.write_totals(["合计", "%s户" % count] + [None] * 5 + [members])

    def _write_residents(self, book, record, households):
        table = self._new_table(book, record, "居民", "居民台账",
                                RESIDENT_COLUMNS)
        count = 0
        counts = {"male": 0, "female": 0, "floating": 0, "care": 0}
        today = fields.Date.from_string(
            street_time.street_today(self.env, record.company_id))
        care_names, care_order = self._care_group_names()
        for (_id, resident_name, sex, birth, id_number, phone, compound,
             building, unit, room, relation, residence_type,
             registered_address, origin, arrival,
             care_group_ids) in self._resident_rows(record, households):
            # the age is for every role, the birth date behind it for
            # the readers of personal data (the table masks the others)
            birth, arrival = _to_date(birth), _to_date(arrival)
            care = [care_names[group_id] for group_id in sorted(
                care_group_ids, key=care_order.get) if group_id in care_names]
            count += 1
            table.write_row([
                count, resident_name, SEX_LABELS.get(sex, ""), birth,
                idn.age_on(birth, today) if birth else None, id_number,
                phone, compound, building, unit, room,
                RELATION_LABELS.get(relation, ""),
                RESIDENCE_LABELS.get(residence_type, ""),
                registered_address, origin, arrival, ",".join(care),
            ])
            if sex:
                counts[sex] += 1
            counts["floating"] += residence_type == "floating"
            counts["care"] += bool(care)
        summary = "男%(male)s人，女%(female)s人，流动人口%(floating)s人，" \
            "关爱对象%(care)s人" % counts
        table.write_totals(["合计", "%s人" % count,
                            Span(summary, len(RESIDENT_COLUMNS) - 2)])


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


def _to_date(value):
    """A date of a query's row (Odoo reads DATE columns as 'YYYY-MM-DD'
    strings), as a date: what ``fields.Date.from_string`` gives, without
    its strptime (650,000 rows hold two dates each)."""
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date(int(value[:4]), int(value[5:7]), int(value[8:10]))


def _check_readable(records):
    """Raise AccessError unless the user may read ``records``."""
    if not records.check_access_rights("read", raise_exception=False):
        raise AccessError(_("You may not export this ledger."))
    records.check_access_rule("read")
