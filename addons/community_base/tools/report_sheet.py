# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one way the workbooks of the four addons are written: every xlsx
report (``report/*_xlsx.py``) and every sheet of the monthly report pack.

A workbook gets one :class:`Book`: its cell formats (created once per
workbook, :class:`Styles`), the reader's right to personal data
(``roles.may_read_personal_data``) and unique sheet names. A sheet is a
:class:`Table`: a merged title row, an optional merged subtitle (street,
period), a header row (optionally with a row of merged group headers above
it), frozen under them, the rows, a totals row, the column widths and
number formats, printed A4 landscape one page wide.

Values are written by the column's kind (:data:`NUMBER_FORMATS`):

- text is written as text (``write_string``): an ID number, a phone, a
  bank account or a code never becomes a number in Excel (no lost leading
  zero, no ``1.10105E+17``), and text cells carry the text format "@" so
  that it stays text when a clerk edits it;
- the personal kinds ``id_number``, ``phone`` and ``birth_date`` are
  masked (the birth date left out: with the masked number it would give the
  whole number back) for a reader who may not read them, as the forms do;
- a string in a number column (the label "合计" of a totals row, "是")
  is written as text, ``None``/``False``/``""`` as an empty cell.

Kept out of ``models/``: it only formats an xlsxwriter workbook. Who may
print a workbook is checked before it is written, by
``report/report_xlsx_abstract.py`` (the report action's groups and the
records' rules).
"""
import datetime
from collections import namedtuple

import xlsxwriter

from . import id_number as idn
from . import roles

#: what every workbook of the product is written with: xlsxwriter turns a
#: string starting with "=" into a live formula by default, so a name typed
#: as ``=HYPERLINK(...)`` or ``=cmd|...`` would run in the superior's Excel
#: (formula injection); numbers typed as text (ID numbers, phones) stay text
SAFE_WORKBOOK_OPTIONS = {"strings_to_formulas": False,
                         "strings_to_numbers": False}

#: the number format of each column kind; ``{digits}`` is the column's
#: number of decimals (its default in :data:`DEFAULT_DIGITS`)
NUMBER_FORMATS = {
    "text": "@",
    "id_number": "@",
    "phone": "@",
    "int": "0",
    "float": "0.{digits}",
    "money": "#,##0.00",
    "percent": "0.{digits}%",
    "date": "yyyy-mm-dd",
    "birth_date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
}
DEFAULT_DIGITS = {"float": 2, "percent": 1}
#: kinds written with ``write_string`` whatever the value
TEXT_KINDS = frozenset(("text", "id_number", "phone"))
DATE_KINDS = frozenset(("date", "birth_date", "datetime"))

#: a column of a table: its header, kind (a key of :data:`NUMBER_FORMATS`),
#: width in characters and decimals (float and percent kinds)
Column = namedtuple("Column", "header kind width digits")
Column.__new__.__defaults__ = ("text", 10, None)

#: a live formula with the value Excel shows before it recalculates (the
#: totals of the rankings: ``=AVERAGE(C3:C9)``)
Formula = namedtuple("Formula", "formula value")

#: a text merged over ``width`` columns of a row (the summary of a totals
#: row: "男12人，女10人，...")
Span = namedtuple("Span", "text width")

_BASE = {"font_name": "SimSun", "font_size": 10, "valign": "vcenter"}
_CELL = dict(_BASE, border=1)
_HEADER = dict(_CELL, bold=True, bg_color="#DDEBF7", align="center",
               text_wrap=True)
_TOTAL = dict(_CELL, bold=True, bg_color="#F2F2F2")


def new_workbook(output, **options):
    """An xlsxwriter workbook written safely (:data:`SAFE_WORKBOOK_OPTIONS`)
    to ``output`` (a path or a ``BytesIO``), for a workbook built outside
    report_xlsx (the report pack)."""
    return xlsxwriter.Workbook(output, dict(SAFE_WORKBOOK_OPTIONS, **options))


def number_format(kind, digits=None):
    """The number format of a cell of ``kind``.

    >>> number_format("percent"), number_format("percent", 2)
    ('0.0%', '0.00%')
    >>> number_format("float", 1), number_format("int")
    ('0.0', '0')
    """
    if digits is None:
        digits = DEFAULT_DIGITS.get(kind, 0)
    pattern = NUMBER_FORMATS[kind]
    if "{digits}" in pattern and not digits:
        return pattern.replace(".{digits}", "")
    return pattern.format(digits="0" * digits)


class Styles(object):
    """The cell formats of one workbook. xlsxwriter keeps every format
    added to a workbook, so they are created once per workbook
    (:meth:`of`) and each cell format on its first use."""

    def __init__(self, workbook):
        self.workbook = workbook
        self.title = workbook.add_format(dict(
            _BASE, font_name="SimHei", font_size=16, bold=True,
            align="center"))
        self.subtitle = workbook.add_format(dict(_BASE, align="center"))
        self.header = workbook.add_format(_HEADER)
        self.label = workbook.add_format(dict(_HEADER, align="left"))
        self._cells = {}

    @classmethod
    def of(cls, workbook):
        """The styles of ``workbook``, created on the first call."""
        styles = getattr(workbook, "_street_styles", None)
        if styles is None:
            styles = workbook._street_styles = cls(workbook)
        return styles

    def cell(self, kind="text", digits=None, total=False):
        """The format of a cell of ``kind`` (of a totals row if
        ``total``)."""
        num_format = number_format(kind, digits)
        key = (num_format, total)
        if key not in self._cells:
            spec = dict(_TOTAL if total else _CELL, num_format=num_format)
            self._cells[key] = self.workbook.add_format(spec)
        return self._cells[key]


class Book(object):
    """What a report writes one workbook with: its styles, the reader's
    right to personal data, the sheet names already used.

    ``env`` is the reader's: a workbook shows ID numbers, phones and birth
    dates as the forms show them to that user."""

    def __init__(self, workbook, env):
        self.workbook = workbook
        self.styles = Styles.of(workbook)
        self.personal_data = roles.may_read_personal_data(env)
        self._sheet_names = set()

    def sheet_name(self, text, suffix=""):
        """A valid sheet name of ``text`` (and ``suffix``) unique in the
        workbook: at most 31 characters, none of ``[]:*?/\\``, "(2)" added
        to a name already used (Excel compares them case-insensitively)."""
        text = text or ""
        for char in "[]:*?/\\":
            text = text.replace(char, " ")
        base = text[:31 - len(suffix) - 4]
        suffix = " %s" % suffix if suffix else ""
        name = base + suffix
        index = 2
        while name.lower() in self._sheet_names:
            name = "%s(%s)%s" % (base, index, suffix)
            index += 1
        self._sheet_names.add(name.lower())
        return name

    def add_sheet(self, name, suffix=""):
        """A worksheet named ``name`` and ``suffix`` (made valid and
        unique: :meth:`sheet_name`), printed A4 landscape one page wide."""
        sheet = self.workbook.add_worksheet(self.sheet_name(name, suffix))
        sheet.set_paper(9)  # A4
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        return sheet

    def table(self, name, columns, title, subtitle=None, groups=(),
              freeze_cols=1, header_height=None, suffix=""):
        """A new sheet ``name`` (:meth:`add_sheet`) holding a table; see
        :class:`Table`."""
        return Table(self, self.add_sheet(name, suffix), columns, title,
                     subtitle=subtitle, groups=groups,
                     freeze_cols=freeze_cols, header_height=header_height)

    def mask_of(self, kind):
        """How a value of ``kind`` is shown to this reader: ``None`` when
        as it is, else the function that masks it."""
        if self.personal_data:
            return None
        return PERSONAL_MASKS.get(kind)


#: how a personal value is shown to a reader who may not read it: what the
#: residents' ``id_number_masked``/``phone_masked`` show; no birth date
PERSONAL_MASKS = {
    "id_number": lambda value: idn.mask(value) if value else value,
    "phone": lambda value: idn.mask_phone(value) if value else value,
    "birth_date": lambda value: None,
}


class Table(object):
    """One table on a worksheet, written row by row (so that it streams in
    a ``constant_memory`` workbook).

    ``columns``: :class:`Column` or tuples (header, kind, width[, digits]).
    ``groups``: (label, first column, last column) of a row of merged group
    headers above the headers; a column of no group has its header merged
    over both rows. ``freeze_cols``: the columns kept beside the rows
    when scrolling (the names). The header rows repeat on every printed
    page.
    """

    def __init__(self, book, sheet, columns, title, subtitle=None, groups=(),
                 freeze_cols=1, header_height=None):
        self.book = book
        self.styles = book.styles
        self.sheet = sheet
        self.columns = [column if isinstance(column, Column)
                        else Column(*column) for column in columns]
        last = len(self.columns) - 1
        for col, column in enumerate(self.columns):
            sheet.set_column(col, col, column.width)
        sheet.set_row(0, 30)
        self._merge(0, 0, last, title, self.styles.title)
        row = 1
        if subtitle is not None:
            self._merge(row, 0, last, subtitle, self.styles.subtitle)
            row += 1
        header_row = row + 1 if groups else row
        if header_height:
            sheet.set_row(header_row, header_height)
        grouped = set()
        for label, first, stop in groups:
            self._merge(row, first, stop, label, self.styles.header)
            grouped.update(range(first, stop + 1))
        for col, column in enumerate(self.columns):
            if groups and col not in grouped:
                sheet.merge_range(row, col, header_row, col, column.header,
                                  self.styles.header)
        for col, column in enumerate(self.columns):
            if not groups or col in grouped:
                sheet.write_string(header_row, col, column.header,
                                   self.styles.header)
        sheet.freeze_panes(header_row + 1, freeze_cols)
        sheet.repeat_rows(row, header_row)
        # per column, once: a ledger writes 650,000 rows of 17 cells
        self._formats = {
            total: [self.styles.cell(column.kind, column.digits, total)
                    for column in self.columns]
            for total in (False, True)}
        self._text_formats = {total: self.styles.cell("text", total=total)
                              for total in (False, True)}
        self._masks = [book.mask_of(column.kind) for column in self.columns]
        self._kinds = [column.kind for column in self.columns]
        #: the index of the next row to write, the first row of the data
        self.row = self.first_row = header_row + 1

    def _merge(self, row, first, last, text, style):
        if last > first:
            self.sheet.merge_range(row, first, row, last, text, style)
        else:
            self.sheet.write_string(row, first, text, style)

    def write_row(self, values, total=False):
        """Write ``values`` in column order on the next row; the columns
        after the last value stay empty. A :class:`Span` covers several
        columns, a :class:`Formula` is a formula. Returns the row's
        index."""
        row, col = self.row, 0
        for value in values:
            if isinstance(value, Span):
                self._merge(row, col, col + value.width - 1, value.text,
                            self._text_formats[total])
                col += value.width
                continue
            self.write_cell(row, col, value, total)
            col += 1
        for col in range(col, len(self.columns)):
            self.sheet.write_blank(row, col, None, self._formats[total][col])
        self.row += 1
        return row

    def write_totals(self, values):
        """Write the totals row: ``values`` as :meth:`write_row`, bold on
        grey."""
        return self.write_row(values, total=True)

    def write_cell(self, row, col, value, total=False):
        """Write ``value`` in column ``col`` by the column's kind."""
        mask = self._masks[col]
        if mask is not None:
            value = mask(value)
        style = self._formats[total][col]
        if value is None or value is False or value == "":
            self.sheet.write_blank(row, col, None, style)
            return
        kind = self._kinds[col]
        if kind in TEXT_KINDS:
            if isinstance(value, Formula):
                self.sheet.write_formula(row, col, value.formula, style,
                                         value.value)
            else:
                self.sheet.write_string(row, col, "%s" % value, style)
        elif isinstance(value, str):
            self.sheet.write_string(row, col, value,
                                    self._text_formats[total])
        elif isinstance(value, Formula):
            self.sheet.write_formula(row, col, value.formula, style,
                                     value.value)
        elif kind in DATE_KINDS and isinstance(value, datetime.date):
            self.sheet.write_datetime(row, col, value, style)
        else:
            self.sheet.write_number(row, col, value, style)


def ratio(part, whole):
    """``part / whole`` for a percent cell; ``None`` (an empty cell) when
    there is nothing to divide by.

    >>> ratio(1, 4)
    0.25
    >>> ratio(3, 0) is None
    True
    """
    return float(part) / whole if whole else None
