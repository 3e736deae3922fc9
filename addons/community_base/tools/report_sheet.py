# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One printable table per worksheet, the way the workbooks for superiors
are laid out: a merged title row, a merged subtitle (street, period), a
header row frozen under them, the rows, a totals row, column widths,
number formats, A4 landscape fitted to the page width.

Kept out of ``models/``: it only formats an xlsxwriter worksheet; the
monthly report pack of every addon writes its sheets with it.
"""

#: number formats of the column kinds
FORMATS = {
    "text": None,
    "int": "#,##0",
    "float": "#,##0.00",
    "money": "#,##0.00",
    "percent": "0.0%",
    "date": "yyyy-mm-dd",
}


class Styles(object):
    """The cell formats of a workbook, created once per workbook."""

    def __init__(self, workbook):
        border = {"border": 1, "valign": "vcenter", "font_name": "SimSun"}
        self.title = workbook.add_format({
            "bold": True, "font_size": 16, "align": "center",
            "valign": "vcenter", "font_name": "SimHei"})
        self.subtitle = workbook.add_format({
            "align": "center", "valign": "vcenter", "font_name": "SimSun"})
        self.label = workbook.add_format(dict(border, bold=True,
                                              bg_color="#DDEBF7"))
        self.header = workbook.add_format(dict(
            border, bold=True, bg_color="#DDEBF7", align="center",
            text_wrap=True))
        self.cells = {}
        self.totals = {}
        for kind, num_format in FORMATS.items():
            spec = dict(border)
            if num_format:
                spec["num_format"] = num_format
            self.cells[kind] = workbook.add_format(spec)
            self.totals[kind] = workbook.add_format(dict(
                spec, bold=True, bg_color="#F2F2F2"))


def write_table(sheet, styles, title, subtitle, columns, rows, totals=None):
    """Write a table on ``sheet``.

    ``columns``: (header, kind, width) with kind a key of :data:`FORMATS`
    (percent values are fractions: 0.974 prints 97.4%). ``rows``: lists of
    values in column order. ``totals``: the totals row (``None`` cells
    stay empty; its first cell is usually the label 合计). Returns the
    index of the row after the table.
    """
    last_col = len(columns) - 1
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_row(0, 30)
    sheet.merge_range(0, 0, 0, last_col, title, styles.title)
    sheet.merge_range(1, 0, 1, last_col, subtitle, styles.subtitle)
    for col, (header, kind, width) in enumerate(columns):
        sheet.set_column(col, col, width)
        sheet.write(2, col, header, styles.header)
    sheet.freeze_panes(3, 1)
    sheet.repeat_rows(2)
    row = 3
    for values in rows:
        _write_row(sheet, row, columns, values, styles.cells)
        row += 1
    if totals is not None:
        _write_row(sheet, row, columns, totals, styles.totals)
        row += 1
    return row


def _write_row(sheet, row, columns, values, formats):
    for col, (_header, kind, _width) in enumerate(columns):
        value = values[col] if col < len(values) else None
        cell_format = formats[kind]
        if value is None:
            sheet.write_blank(row, col, None, cell_format)
        elif isinstance(value, str):
            sheet.write_string(row, col, value, formats["text"])
        else:
            sheet.write(row, col, value, cell_format)


def ratio(part, whole):
    """``part / whole`` for a percent cell; ``None`` (an empty cell) when
    there is nothing to divide by.

    >>> ratio(1, 4)
    0.25
    >>> ratio(3, 0) is None
    True
    """
    return float(part) / whole if whole else None
