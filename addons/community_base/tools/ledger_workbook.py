# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Read and check the community ledger workbook (台账) without a database.

Communities already keep their ledger in Excel: one sheet per level (小区,
楼栋, 户, 居民) with Chinese headers in row 1. This module turns such a
workbook into plain rows and a list of every problem found, so that the
import can refuse a file as a whole and tell the clerk each bad cell by its
sheet, its row number as Excel shows it, and its column.

It does not import Odoo: the import model passes what the database already
knows (``KnownRecords``) and translates the reasons. Reasons are English
templates of a message catalogue (``MESSAGES``), marked with ``_`` so that
Odoo's exporter puts them in the ``.pot``; ``LedgerError.message`` formats
them through the translation function it is given.
"""
import datetime
import io
import re
import zipfile
import zlib
from collections import namedtuple

import openpyxl
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

try:
    from python_calamine import CalamineWorkbook
except ImportError:  # the reader falls back to openpyxl
    CalamineWorkbook = None

from . import id_number as id_number_tools


def _(message):
    """Mark ``message`` for Odoo's translation exporter; the import model
    translates it when it reports the error."""
    return message


MESSAGES = {
    "not_xlsx": _(
        "The file is not an Excel workbook (.xlsx): %(detail)s. Save it "
        "from Excel or WPS as \"Excel Workbook (*.xlsx)\" and upload it "
        "again."),
    "missing_sheet": _(
        "Sheet \"%(sheet)s\" is missing. The workbook needs the sheets "
        "%(sheets)s; download the template to start right."),
    "missing_header": _(
        "Column \"%(column)s\" is missing from the header row (row 1) of "
        "sheet \"%(sheet)s\"."),
    "duplicate_header": _(
        "Column \"%(column)s\" appears twice in the header row of sheet "
        "\"%(sheet)s\"."),
    "required": _("\"%(column)s\" is required."),
    "too_long": _(
        "\"%(column)s\" has %(length)s characters, more than the %(limit)s "
        "allowed."),
    "bad_choice": _(
        "\"%(value)s\" is not a valid value of \"%(column)s\"; write one "
        "of: %(allowed)s."),
    "bad_integer": _(
        "\"%(value)s\" in \"%(column)s\" is not a whole number of 0 or "
        "more."),
    "bad_date": _(
        "\"%(value)s\" in \"%(column)s\" is not a date; write it as "
        "2024-01-05, 2024/1/5 or 20240105."),
    "bad_bool": _(
        "\"%(value)s\" in \"%(column)s\" is neither 是 (yes) nor 否 (no)."),
    "bad_phone": _(
        "\"%(value)s\" is not a phone number (digits, spaces, + and - "
        "only)."),
    "id_as_number": _(
        "The ID number is stored as a number, which loses its last digits; "
        "format the column \"%(column)s\" as text and type it again."),
    "bad_id_format": _(
        "ID number %(value)s must have 18 characters (17 digits and a "
        "digit or X), or 15 digits for an old card."),
    "bad_id_checksum": _(
        "ID number %(value)s fails the GB 11643 check (check digit or "
        "birth date is wrong)."),
    "duplicate_id": _(
        "ID number %(value)s is already used in row %(first_row)s of this "
        "sheet."),
    "id_exists": _(
        "A resident with ID number %(value)s is already registered in this "
        "street."),
    "duplicate_row": _(
        "Duplicate of row %(first_row)s (%(key)s)."),
    "unknown_compound": _(
        "Compound \"%(value)s\" is neither in sheet \"小区\" nor already "
        "in the community."),
    "unknown_building": _(
        "Building \"%(building)s\" of compound \"%(compound)s\" is neither "
        "in sheet \"楼栋\" nor already in the community."),
    "unknown_household": _(
        "Household %(key)s is neither in sheet \"户\" nor already in the "
        "community."),
    "unknown_care_group": _(
        "\"%(value)s\" is not a care group; known care groups: "
        "%(allowed)s."),
    "two_heads": _(
        "Household %(key)s already has a head of household in row "
        "%(first_row)s."),
    "too_many_errors": _(
        "More than %(limit)s errors; the check stopped here. Correct these "
        "first and validate again."),
    "code_exists": _(
        "Code \"%(value)s\" is already used by a compound of the community "
        "(archived ones included)."),
    "hidden_sheet": _(
        "Sheet \"%(sheet)s\" is hidden. Unhide it in Excel or WPS to check "
        "what it holds (or delete it) and upload the workbook again."),
    "compound_exists": _(
        "Compound \"%(value)s\" is already in the community; delete this "
        "row (the rows of the other sheets may refer to it)."),
    "building_exists": _(
        "Building \"%(building)s\" of compound \"%(compound)s\" is already "
        "in the community; delete this row (the rows of the other sheets "
        "may refer to it)."),
    "household_exists": _(
        "Household %(key)s is already in the community; delete this row "
        "(the rows of sheet \"居民\" may refer to it)."),
}

#: what is wrong with a file that is no workbook, the ``detail`` of
#: ``not_xlsx`` (anything else there is the reader's own words)
DETAILS = {
    "empty": _("the file is empty"),
    "not_zip": _("it is not a zip archive, as every .xlsx file is"),
    "ole2": _(
        "it is an Excel 97-2003 file (.xls) or a password-protected "
        "workbook; remove the password"),
}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: what reading a damaged sheet raises (XML parse errors are SyntaxError)
DAMAGED = (SyntaxError, zipfile.BadZipFile, zlib.error, EOFError)


class LedgerError(namedtuple(
        "LedgerError", "sheet row column code params")):
    """One problem of the workbook. ``row`` is the row number Excel shows
    (1 is the header row), ``column`` the header and letter of the cell
    ("身份证号 (B)"); both are empty for problems of the whole file."""

    __slots__ = ()

    def message(self, translate=None):
        translate = translate or _
        params = self.params
        if params.get("detail") in DETAILS:
            params = dict(params, detail=translate(DETAILS[params["detail"]]))
        return translate(MESSAGES[self.code]) % params


Column = namedtuple(
    "Column", "key header kind required max_length choices")


def column(key, header, kind="text", required=False, max_length=64,
           choices=None):
    return Column(key, header, kind, required, max_length, choices)


COMPOUND_KINDS = [("小区", "estate"), ("院落", "courtyard"),
                  ("居民小组", "group")]
HOUSEHOLD_TYPES = [("户籍户", "registered"), ("租住户", "rented"),
                   ("空置户", "vacant")]
RELATIONS = [("户主", "head"), ("配偶", "spouse"), ("子女", "child"),
             ("父母", "parent"), ("孙辈", "grandchild"),
             ("兄弟姐妹", "sibling"), ("其他", "other")]
RESIDENCE_TYPES = [("户籍", "registered"), ("流动", "floating")]

Sheet = namedtuple("Sheet", "key name columns")

SHEETS = [
    Sheet("compound", "小区", [
        column("name", "小区名称", required=True),
        column("kind", "类型", "choice", required=True,
               choices=COMPOUND_KINDS),
        column("code", "编码", max_length=32),
    ]),
    Sheet("building", "楼栋", [
        column("compound", "小区名称", required=True),
        column("name", "楼栋号", required=True, max_length=32),
        column("address", "地址", max_length=256),
        column("unit_count", "单元数", "integer"),
        column("floor_count", "层数", "integer"),
    ]),
    Sheet("household", "户", [
        column("compound", "小区名称", required=True),
        column("building", "楼栋号", required=True, max_length=32),
        column("unit", "单元", max_length=32),
        column("room", "室", required=True, max_length=32),
        column("household_type", "户类型", "choice", required=True,
               choices=HOUSEHOLD_TYPES),
        column("is_party_member", "党员户", "bool"),
        column("is_civilised", "文明户", "bool"),
    ]),
    Sheet("resident", "居民", [
        column("name", "姓名", required=True),
        column("id_number", "身份证号", "id_number", required=True,
               max_length=18),
        column("phone", "电话", "phone", max_length=32),
        column("compound", "小区名称", required=True),
        column("building", "楼栋号", required=True, max_length=32),
        column("unit", "单元", max_length=32),
        column("room", "室", required=True, max_length=32),
        column("relation", "与户主关系", "choice", required=True,
               choices=RELATIONS),
        column("registered_address", "户籍地址", max_length=256),
        column("residence_type", "人口类型", "choice", required=True,
               choices=RESIDENCE_TYPES),
        column("origin", "来源地", max_length=128),
        column("arrival_date", "到达日期", "date"),
        column("care_groups", "关爱类别", "list", max_length=256),
    ]),
]
SHEETS_BY_KEY = {sheet.key: sheet for sheet in SHEETS}

MAX_ERRORS = 2000
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d",
                "%Y年%m月%d日")
TRUE_VALUES = {"是", "y", "yes", "true", "1", "√"}
FALSE_VALUES = {"否", "n", "no", "false", "0"}
LIST_SEPARATORS = re.compile(r"[,，、;；]")
PHONE_PATTERN = re.compile(r"^[0-9+\- ]{3,32}$")
ID_PATTERN = re.compile(r"^(\d{17}[\dX]|\d{15})$")


class KnownRecords(object):
    """What the database already holds for the community being imported
    into, so that rows may refer to existing compounds, buildings and
    households, and ID numbers already registered in the street are
    refused. ``care_groups`` are the names accepted for the active care
    groups (``None`` skips that check), ``care_group_labels`` the names
    listed to the clerk when one is unknown (default: all of them)."""

    def __init__(self, compounds=(), buildings=(), households=(),
                 id_numbers=(), care_groups=None, care_group_labels=None,
                 compound_codes=()):
        self.compounds = set(compounds)
        # codes are unique in a community, archived compounds included
        self.compound_codes = set(compound_codes)
        self.buildings = set(buildings)
        self.households = set(households)
        self.id_numbers = set(id_numbers)
        self.care_groups = (None if care_groups is None
                            else set(care_groups))
        self.care_group_labels = list(
            care_group_labels or sorted(self.care_groups or ()))


class TooManyErrors(Exception):
    pass


class LedgerReader(object):
    """Reads one workbook; ``read_workbook()`` returns ``(rows, errors)``.

    ``rows`` maps each sheet key (``compound``, ``building``, ``household``,
    ``resident``) to a list of dicts of cleaned values, each with ``_row``
    (its Excel row number). ``errors`` lists ``LedgerError``.
    """

    def __init__(self, source, known=None, max_errors=MAX_ERRORS):
        self.source = source
        self.known = known or KnownRecords()
        self.max_errors = max_errors
        self.truncated = False
        self.errors = []
        self.rows = {sheet.key: [] for sheet in SHEETS}
        self.located = {sheet.key: {} for sheet in SHEETS}
        self._calamine = None

    # -- errors ---------------------------------------------------------

    def error(self, where, row, col, code, **params):
        if len(self.errors) >= self.max_errors:
            self.errors.append(LedgerError(
                "", None, "", "too_many_errors",
                {"limit": self.max_errors}))
            raise TooManyErrors()
        label = ""
        if col is not None:
            letter = getattr(col, "letter", "")
            label = "%s (%s)" % (col.header, letter) if letter else col.header
            params.setdefault("column", col.header)
        self.errors.append(LedgerError(
            where.name if where else "", row, label, code, params))

    # -- reading --------------------------------------------------------

    def read_workbook(self):
        try:
            workbook = self._open()
            if workbook is not None:
                try:
                    self._read_sheets(workbook)
                except DAMAGED as exc:
                    # openpyxl reads the sheets as it goes: damage further
                    # into the file shows only now; no row counts then
                    self.rows = {sheet.key: [] for sheet in SHEETS}
                    self.errors = []
                    self.error(None, None, None, "not_xlsx",
                               detail="%s" % (exc,) or
                               exc.__class__.__name__)
                finally:
                    workbook.close()
                if not any(error.row is None for error in self.errors):
                    self._check_references()
        except TooManyErrors:
            self.truncated = True
        return self.rows, self.errors

    def _open(self):
        source = self.source
        if isinstance(source, (bytes, bytearray)):
            if not source:
                self.error(None, None, None, "not_xlsx", detail="empty")
                return None
            if bytes(source[:8]) == OLE2_MAGIC:
                self.error(None, None, None, "not_xlsx", detail="ole2")
                return None
            source = io.BytesIO(source)
        try:
            # the values as Excel shows them: a formula reads as the value
            # Excel saved with it (none when a program wrote the file
            # without calculating: the cell reads as empty)
            return openpyxl.load_workbook(
                source, read_only=True, data_only=True)
        except zipfile.BadZipFile:
            detail = "not_zip"
        except KeyError as exc:
            detail = "part %s is missing" % exc
        except Exception as exc:  # openpyxl raises many kinds on bad files
            detail = "%s" % (exc,) or exc.__class__.__name__
        self.error(None, None, None, "not_xlsx", detail=detail)
        return None

    def _read_sheets(self, workbook):
        names = workbook.sheetnames
        stripped = {name.strip(): name for name in names}
        for sheet in SHEETS:
            if sheet.name not in stripped:
                self.error(sheet, None, None, "missing_sheet",
                           sheet=sheet.name,
                           sheets="、".join(s.name for s in SHEETS))
        if self.errors:
            return
        for sheet in SHEETS:
            # rows nobody sees in Excel would be imported unseen
            if workbook[stripped[sheet.name]].sheet_state != "visible":
                self.error(sheet, None, None, "hidden_sheet",
                           sheet=sheet.name)
        if self.errors:
            return
        for sheet in SHEETS:
            self._read_sheet(sheet, workbook[stripped[sheet.name]])

    def _read_sheet(self, sheet, worksheet):
        rows = (self._fast_rows(worksheet.title)
                if _fits_a_dense_grid(worksheet) else None)
        if rows is None:
            # Some generators write a wrong dimension; read what is there.
            worksheet.reset_dimensions()
            rows = worksheet.iter_rows(values_only=True)
        header = next(rows, None) or ()
        positions = self._map_header(sheet, header)
        if positions is None:
            return
        for row_number, values in enumerate(rows, start=2):
            if not any(_present(value) for value in values):
                continue
            record = {"_row": row_number}
            for col, position in positions:
                value = values[position] if position < len(values) else None
                record[col.key] = self._clean(
                    sheet, row_number, col, value)
            self.rows[sheet.key].append(record)

    def _fast_rows(self, title):
        """The rows of sheet ``title`` read by calamine (Rust), or None
        when it is not installed, when the file is not a small enough
        grid for it (see ``_calamine_safe``) or when it cannot read the
        file: openpyxl then reads it, and reports what is wrong with it.

        Why: openpyxl's reader takes about 75% of a large import (a
        ledger of 20,000 households and 50,000 residents reads in some 25
        s of CPU); calamine reads it some 30 times faster. The values are
        the ones openpyxl gives, but for empty cells ("" instead of None,
        which the cleaning treats alike) and whole numbers (floats, made
        ints again below 10**15, the digits Excel writes without an
        exponent, so an ID number typed as a number is still refused)."""
        if CalamineWorkbook is None or not isinstance(
                self.source, (bytes, bytearray)):
            return None
        try:
            if self._calamine is None:
                self._calamine = False
                if _calamine_safe(self.source):
                    self._calamine = CalamineWorkbook.from_filelike(
                        io.BytesIO(self.source))
            if not self._calamine:
                return None
            rows = self._calamine.get_sheet_by_name(title).to_python(
                skip_empty_area=False)
        except Exception:  # pylint: disable=broad-except
            # any failure: the reference reader decides
            return None
        return (tuple(_calamine_value(value) for value in values)
                for values in rows)

    def _map_header(self, sheet, header):
        found = {}
        ok = True
        for position, title in enumerate(header):
            key = _header_key(title)
            if not key:
                continue
            if key in found:
                col = _located(_find_column(sheet, key), position)
                if col is not None:
                    self.error(sheet, 1, col, "duplicate_header",
                               sheet=sheet.name)
                    ok = False
                continue
            found[key] = position
        positions = []
        for col in sheet.columns:
            if col.header not in found:
                if col.required:
                    self.error(sheet, 1, col, "missing_header",
                               sheet=sheet.name)
                    ok = False
                continue
            positions.append(
                (_located(col, found[col.header]), found[col.header]))
        self.located[sheet.key] = {col.key: col for col, _pos in positions}
        return positions if ok else None

    # -- cells ----------------------------------------------------------

    def _clean(self, sheet, row, col, value):
        if col.kind == "id_number":
            return self._clean_id_number(sheet, row, col, value)
        if col.kind == "date":
            return self._clean_date(sheet, row, col, value)
        if col.kind == "integer":
            return self._clean_integer(sheet, row, col, value)
        text = _text(value)
        if not text:
            if col.required:
                self.error(sheet, row, col, "required")
            return False if col.kind == "bool" else ""
        if len(text) > col.max_length:
            self.error(sheet, row, col, "too_long", length=len(text),
                       limit=col.max_length)
            return ""
        if col.kind == "choice":
            for label, key in col.choices:
                if text in (label, key):
                    return key
            self.error(sheet, row, col, "bad_choice", value=text,
                       allowed="、".join(label for label, _key in col.choices))
            return ""
        if col.kind == "bool":
            if text.lower() in TRUE_VALUES:
                return True
            if text.lower() not in FALSE_VALUES:
                self.error(sheet, row, col, "bad_bool", value=text)
            return False
        if col.kind == "phone" and not PHONE_PATTERN.match(text):
            self.error(sheet, row, col, "bad_phone", value=text)
            return ""
        if col.kind == "list":
            return [item.strip() for item in LIST_SEPARATORS.split(text)
                    if item.strip()]
        return text

    def _clean_id_number(self, sheet, row, col, value):
        if isinstance(value, float):
            self.error(sheet, row, col, "id_as_number")
            return ""
        text = _text(value).upper().replace(" ", "")
        if not text:
            self.error(sheet, row, col, "required")
            return ""
        if not ID_PATTERN.match(text):
            self.error(sheet, row, col, "bad_id_format",
                       value=_shorten(text))
            return ""
        try:
            return id_number_tools.normalize(text)
        except id_number_tools.InvalidIdNumber:
            self.error(sheet, row, col, "bad_id_checksum", value=text)
            return ""

    def _clean_date(self, sheet, row, col, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            if col.required:
                self.error(sheet, row, col, "required")
            return None
        for date_format in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        self.error(sheet, row, col, "bad_date", value=_shorten(text))
        return None

    def _clean_integer(self, sheet, row, col, value):
        if isinstance(value, bool):
            value = None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and value >= 0:
            return value
        text = _text(value)
        if not text:
            if col.required:
                self.error(sheet, row, col, "required")
            return 0
        if text.isdigit():
            return int(text)
        self.error(sheet, row, col, "bad_integer", value=_shorten(text))
        return 0

    # -- between rows and sheets ---------------------------------------

    def _check_references(self):
        known = self.known
        compounds = self._unique(
            "compound", lambda r: (r["name"],) if r["name"] else None,
            "小区名称")
        self._refuse_known(
            "compound", "name", lambda r: r["name"] in known.compounds,
            "compound_exists", lambda r: {"value": r["name"]})
        self._unique(
            "compound", lambda r: (r["code"],) if r["code"] else None, "编码")
        self._refuse_known(
            "compound", "code", lambda r: r["code"] in known.compound_codes,
            "code_exists", lambda r: {"value": r["code"]})
        compound_names = set(compounds) | {(name,)
                                           for name in known.compounds}
        sheet = SHEETS_BY_KEY["building"]
        for record in self.rows["building"]:
            if record["compound"] and (
                    (record["compound"],) not in compound_names):
                self.error(sheet, record["_row"], self._col(sheet, "compound"),
                           "unknown_compound", value=record["compound"])
        buildings = self._unique(
            "building",
            lambda r: (r["compound"], r["name"]) if all(
                (r["compound"], r["name"])) else None,
            "小区名称+楼栋号")
        self._refuse_known(
            "building", "name",
            lambda r: (r["compound"], r["name"]) in known.buildings,
            "building_exists",
            lambda r: {"compound": r["compound"], "building": r["name"]})
        building_keys = set(buildings) | set(known.buildings)
        sheet = SHEETS_BY_KEY["household"]
        for record in self.rows["household"]:
            key = (record["compound"], record["building"])
            if all(key) and key not in building_keys:
                self.error(sheet, record["_row"], self._col(sheet, "building"),
                           "unknown_building", compound=key[0],
                           building=key[1])
        households = self._unique(
            "household",
            lambda r: household_key(r) if all(
                (r["compound"], r["building"], r["room"])) else None,
            "小区名称+楼栋号+单元+室")
        self._refuse_known(
            "household", "room",
            lambda r: household_key(r) in known.households,
            "household_exists",
            lambda r: {"key": _key_label(household_key(r))})
        household_keys = set(households) | set(known.households)
        self._check_residents(household_keys)

    def _check_residents(self, household_keys):
        known = self.known
        sheet = SHEETS_BY_KEY["resident"]
        id_col = self._col(sheet, "id_number")
        first_id_rows = {}
        head_rows = {}
        care_groups = known.care_groups
        for record in self.rows["resident"]:
            row = record["_row"]
            number = record["id_number"]
            if not number:
                pass
            elif number in first_id_rows:
                self.error(sheet, row, id_col, "duplicate_id", value=number,
                           first_row=first_id_rows[number])
            else:
                first_id_rows[number] = row
                if number in known.id_numbers:
                    self.error(sheet, row, id_col, "id_exists",
                               value=number)
            key = household_key(record)
            if not (key[0] and key[1] and key[3]):
                pass
            elif key not in household_keys:
                self.error(sheet, row, self._col(sheet, "room"),
                           "unknown_household", key=_key_label(key))
            elif record["relation"] == "head":
                if key in head_rows:
                    self.error(sheet, row, self._col(sheet, "relation"),
                               "two_heads", key=_key_label(key),
                               first_row=head_rows[key])
                else:
                    head_rows[key] = row
            if care_groups is not None:
                for name in record.get("care_groups") or ():
                    if name not in care_groups:
                        self.error(sheet, row, self._col(sheet, "care_groups"),
                                   "unknown_care_group", value=name,
                                   allowed="、".join(
                                       known.care_group_labels))

    def _refuse_known(self, sheet_key, col_key, exists, code, params_of):
        """Refuse the rows of ``sheet_key`` that would create again what
        the community holds already (the import only adds)."""
        sheet = SHEETS_BY_KEY[sheet_key]
        for record in self.rows[sheet_key]:
            if exists(record):
                self.error(sheet, record["_row"], self._col(sheet, col_key),
                           code, **params_of(record))

    def _col(self, sheet, key):
        """The column ``key`` of ``sheet``, with its letter in the file."""
        return self.located[sheet.key].get(key) or _find_key(sheet, key)

    def _unique(self, sheet_key, key_of, key_label):
        """Refuse the second row with the same key and return the keys
        with their first row."""
        sheet = SHEETS_BY_KEY[sheet_key]
        first_rows = {}
        for record in self.rows[sheet_key]:
            key = key_of(record)
            if key is None:
                continue
            if key in first_rows:
                self.error(sheet, record["_row"], None, "duplicate_row",
                           first_row=first_rows[key],
                           key="%s: %s" % (key_label, _key_label(key)))
            else:
                first_rows[key] = record["_row"]
        return first_rows


#: the most cells calamine may hold for one sheet: it reads a sheet into a
#: dense grid from A1 to the last cell, and a single value in XFD1048576
#: asks for 17 billion cells, which aborts the whole server process
DENSE_CELL_LIMIT = 20 * 10 ** 6
_CELL_TAG = re.compile(rb"<c[\s>/]")
# every writer we know puts the reference first: <c r="B7" ...>
_CELL_REF = re.compile(rb"<c r=\"([A-Z]{1,3})([0-9]{1,7})\"")


def _fits_a_dense_grid(worksheet):
    """Whether the cells of ``worksheet`` (read-only, openpyxl) span at
    most ``DENSE_CELL_LIMIT`` cells from A1, judged on the cells its XML
    holds, not on the dimension it declares (a file may get that wrong).
    Any doubt (cells without a reference, prefixed tags, another kind of
    sheet) says no: openpyxl then reads the rows there are."""
    try:
        with worksheet._get_source() as source:
            xml = source.read()
    except Exception:  # pylint: disable=broad-except
        return False
    refs = _CELL_REF.findall(xml)
    if len(refs) != len(_CELL_TAG.findall(xml)):
        return False
    if not refs:
        return True
    last_row = max(map(int, {row for _letters, row in refs}))
    last_column = max(openpyxl.utils.column_index_from_string(
        letters.decode()) for letters in {letters for letters, _row in refs})
    return last_row * last_column <= DENSE_CELL_LIMIT


#: a cell beyond column Z or a row beyond 99,999, in any worksheet
_FAR_CELL = re.compile(
    rb'<c\b[^>]*\br="[A-Z]{2,}|<row\b[^>]*\br="[0-9]{6,}"')


def _calamine_safe(data):
    """Whether calamine may read the workbook ``data``: it builds a sheet
    as a full grid from A1 to its last cell, so that one value in cell
    XFD1048576 asks for half a terabyte, and it aborts the process when
    the memory is not there. A ledger fits in columns A to Z and less than
    100,000 rows; other files go to openpyxl, which reads the cells that
    are there."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                if not name.startswith("xl/worksheets/"):
                    continue
                with archive.open(name) as member:
                    tail = b""
                    while True:
                        chunk = member.read(1 << 20)
                        if not chunk:
                            break
                        if _FAR_CELL.search(tail + chunk):
                            return False
                        tail = chunk[-64:]
    except Exception:  # pylint: disable=broad-except
        return False
    return True


def _calamine_value(value):
    if (value.__class__ is float and value.is_integer()
            and abs(value) < 1e15):
        return int(value)
    return value


def household_key(record):
    """The key a household row and a resident row share."""
    return (record["compound"], record["building"], record.get("unit") or "",
            record["room"])


def read_ledger(source, known=None, max_errors=MAX_ERRORS):
    """Read the workbook ``source`` (bytes, a path or a file object).
    Return ``(rows, errors)``; see ``LedgerReader``."""
    return LedgerReader(source, known, max_errors).read_workbook()


def build_template():
    """The empty ledger workbook offered to clerks: the four sheets with
    their headers (required ones in bold red), drop-down lists for the
    columns with fixed values, ID numbers and dates formatted as text so
    that Excel keeps every digit, and a sheet 说明 explaining the columns.
    Return the ``.xlsx`` bytes."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    required_font = Font(bold=True, color="C00000")
    optional_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.name)
        for index, col in enumerate(sheet.columns, start=1):
            cell = worksheet.cell(row=1, column=index, value=col.header)
            cell.font = required_font if col.required else optional_font
            cell.fill = header_fill
            letter = cell.column_letter
            worksheet.column_dimensions[letter].width = max(
                10, min(40, col.max_length // 2 + 6))
            if col.kind in ("id_number", "phone", "date"):
                worksheet.column_dimensions[letter].number_format = "@"
            allowed = None
            if col.kind == "choice":
                allowed = [label for label, _key in col.choices]
            elif col.kind == "bool":
                allowed = ["是", "否"]
            if allowed:
                validation = DataValidation(
                    type="list", formula1='"%s"' % ",".join(allowed),
                    allow_blank=not col.required)
                worksheet.add_data_validation(validation)
                validation.add("%s2:%s10000" % (letter, letter))
        worksheet.freeze_panes = "A2"
    notes = workbook.create_sheet("说明")
    notes.append(["工作表", "列", "必填", "说明"])
    for sheet in SHEETS:
        for col in sheet.columns:
            notes.append([sheet.name, col.header, "是" if col.required
                          else "否", _column_note(col)])
    for letter, width in zip("ABCD", (10, 14, 8, 60)):
        notes.column_dimensions[letter].width = width
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _column_note(col):
    if col.kind == "choice":
        return "填写：" + "/".join(label for label, _key in col.choices)
    if col.kind == "bool":
        return "填写：是/否"
    if col.kind == "date":
        return "日期，如 2024-01-05、2024/1/5 或 20240105"
    if col.kind == "id_number":
        return "18位身份证号（设置为文本格式）"
    if col.kind == "integer":
        return "整数"
    if col.kind == "list":
        return "多个类别用逗号分隔，如：独居老人,低保"
    return "最多%s个字符" % col.max_length


def _present(value):
    return value is not None and (not isinstance(value, str)
                                  or value.strip())


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def _shorten(text, limit=40):
    return text if len(text) <= limit else text[:limit] + "…"


def _header_key(title):
    """Headers may carry hints: "类型（小区/院落/居民小组）", "姓名*"."""
    text = _text(title)
    text = re.split(r"[(（]", text, maxsplit=1)[0]
    return text.strip().strip("*＊").strip()


def _find_column(sheet, header):
    for col in sheet.columns:
        if col.header == header:
            return col
    return None


def _find_key(sheet, key):
    for col in sheet.columns:
        if col.key == key:
            return col
    return None


def _located(col, position):
    if col is None:
        return None
    located = _PositionedColumn(*col)
    located.letter = openpyxl.utils.get_column_letter(position + 1)
    return located


class _PositionedColumn(Column):
    """``Column`` with ``letter``, the column letter it has in the file
    read, so that errors name it as Excel does."""


def _key_label(key):
    return "/".join("%s" % part for part in key if part)
