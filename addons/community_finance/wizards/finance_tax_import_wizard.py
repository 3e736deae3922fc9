# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import math
import zipfile
import zlib
from datetime import date, datetime

from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.finance_tax_record import PERIOD_PATTERN

# The tax office's workbook: first sheet, a header row, then one row per
# source, period and tax type.
HEADERS = {
    "tax_number": ("纳税人识别号", "统一社会信用代码", "taxpayer id"),
    "period": ("所属期", "期间", "period"),
    "tax_type": ("税种", "tax type"),
    "amount": ("税额", "实缴税额", "amount"),
}
TAX_TYPE_LABELS = {
    "增值税": "vat", "企业所得税": "corporate_income",
    "个人所得税": "individual_income", "房产税": "property",
    "城镇土地使用税": "land_use", "印花税": "stamp", "其他": "other",
}
PAGE_SIZE = 1000
#: the first bytes of .xls files and of password-protected workbooks
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _shorten(value, limit=40):
    """A cell's value as a message shows it: a 10,000-character cell must
    not fill the screen."""
    text = "%s" % ("" if value is None else value)
    return text if len(text) <= limit else text[:limit] + "…"


INSERT_QUERY = """
    INSERT INTO finance_tax_record (
        source_id, community_id, company_id, currency_id, period, tax_type,
        amount, share_rate, street_share, create_uid, write_uid,
        create_date, write_date)
    VALUES %s RETURNING id
"""
INSERT_TEMPLATE = ("(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                   "now() at time zone 'UTC', now() at time zone 'UTC')")


class FinanceTaxImportWizard(models.TransientModel):
    """Import the amounts the tax office reports, all or nothing.

    Every row is checked first; if any is wrong nothing is saved and the
    message lists every wrong row by its number in the workbook, so the
    officer corrects the file once. Valid files are written in pages of
    one ``INSERT`` each: a district report has thousands of rows.
    """

    _name = "finance.tax.import.wizard"
    _description = "Import tax amounts"

    file = fields.Binary(string="Workbook", required=True)
    filename = fields.Char()
    share_rate = fields.Float(
        string="Street's share (%)", required=True, digits=(5, 2),
        help="Part of the imported taxes the street receives.")
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", required=True,
        default=lambda self: self.env.user.company_id)

    @api.multi
    def action_import(self):
        self.ensure_one()
        Record = self.env["finance.tax.record"]
        Record.check_access_rights("create")
        if not 0 <= self.share_rate <= 100:
            raise UserError(_(
                "The street's share must be between 0 and 100 percent."))
        sheet_title, rows = self._read_rows()
        values, errors = self._check_rows(rows, sheet_title)
        if errors:
            raise UserError(_(
                "Nothing was imported from %(file)s; correct these rows:\n"
                "%(errors)s") % {"file": self.filename or _("the workbook"),
                                 "errors": "\n".join(errors)})
        if not values:
            raise UserError(_("The workbook %s has no rows to import.")
                            % (self.filename or ""))
        ids = self._insert(values)
        return {
            "type": "ir.actions.act_window",
            "name": _("Imported tax amounts"),
            "res_model": "finance.tax.record",
            "view_mode": "tree,pivot,form",
            "domain": [("id", "in", ids)],
        }

    def _read_rows(self):
        """The first sheet's title and (row number, {column: value}) for
        each of its non-empty rows.

        Formulas read as the value Excel saved with them (a formula saved
        without one reads as empty and is refused as such)."""
        import openpyxl
        content = base64.b64decode(self.file or b"")
        name = self.filename or _("The file")
        if content[:8] == OLE2_MAGIC:
            raise UserError(_(
                "%s is an Excel 97-2003 file (.xls) or a password-protected "
                "workbook: remove the password, save it as an Excel workbook "
                "(.xlsx) and import it again.") % name)
        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError,
                SyntaxError, TypeError, IndexError) as error:
            # openpyxl raises all of these on damaged or foreign files
            raise UserError(_(
                "%(file)s is not an Excel workbook (.xlsx): %(reason)s.") % {
                    "file": name, "reason": _shorten(error, 120)})
        try:
            return self._read_sheet(workbook.worksheets[0])
        except (SyntaxError, zipfile.BadZipFile, zlib.error,
                EOFError) as error:
            # the sheets are read as they are iterated: damage further
            # into the file shows only now
            raise UserError(_(
                "%(file)s is a damaged Excel workbook: %(reason)s.") % {
                    "file": name, "reason": _shorten(error, 120)})
        finally:
            workbook.close()

    def _read_sheet(self, sheet):
        if sheet.sheet_state != "visible":
            raise UserError(_(
                "Sheet %s, the first of the workbook, is hidden: unhide it "
                "to check what it holds, or move the tax amounts to the "
                "first sheet.") % sheet.title)
        # a stray value in the last cell (XFD1048576) declares a sheet of
        # 17 billion cells: read the rows there are, not the declared size
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None) or ()
        columns = {}
        for index, title in enumerate(header):
            title = str(title or "").strip().lower()
            for key, names in HEADERS.items():
                if title in names:
                    if key in columns:
                        raise UserError(_(
                            "Sheet %(sheet)s, row 1: two columns are "
                            "%(column)s (columns %(first)s and %(second)s); "
                            "keep one.") % {
                                "sheet": sheet.title, "column": HEADERS[key][0],
                                "first": _column_letter(columns[key]),
                                "second": _column_letter(index)})
                    columns[key] = index
        missing = [HEADERS[key][0] for key in HEADERS if key not in columns]
        if missing:
            raise UserError(_(
                "Sheet %(sheet)s: the first row must name the columns; "
                "missing: %(missing)s.") % {
                    "sheet": sheet.title, "missing": ", ".join(missing)})
        result = []
        for number, row in enumerate(rows, 2):
            if not any(cell not in (None, "") for cell in row):
                continue
            result.append((number, {
                key: row[index] if index < len(row) else None
                for key, index in columns.items()}))
        return sheet.title, result

    def _check_rows(self, rows, sheet_title):
        sources = {
            source.tax_number: source
            for source in self.env["finance.tax.source"].search([
                ("company_id", "=", self.company_id.id)])}
        existing = set()
        if sources:
            # sql: one query for the existing records of sources the user's search
            #   returned above (duplicate check)
            self.env.cr.execute("""
                SELECT source_id, period, tax_type FROM finance_tax_record
                 WHERE source_id IN %s
            """, (tuple(source.id for source in sources.values()),))
            existing = set(self.env.cr.fetchall())
        types = dict(TAX_TYPE_LABELS)
        types.update({key: key for key in TAX_TYPE_LABELS.values()})
        currency = self.company_id.currency_id
        seen = {}
        values, errors = [], []
        for number, row in rows:
            problems = []
            tax_number = str(row["tax_number"] or "").strip().upper()
            source = sources.get(tax_number)
            if not source:
                problems.append(_(
                    "taxpayer ID \"%s\" is not a tax source of this "
                    "street") % _shorten(tax_number))
            period = row["period"]
            if isinstance(period, (datetime, date)):
                period = period.strftime("%Y-%m")
            period = str(period or "").strip()
            if not PERIOD_PATTERN.match(period):
                problems.append(_(
                    "period \"%s\" is not a month written YYYY-MM")
                    % _shorten(period))
            tax_type = types.get(str(row["tax_type"] or "").strip())
            if not tax_type:
                problems.append(_("unknown tax type \"%s\"")
                                % _shorten(row["tax_type"]))
            amount = row["amount"]
            if isinstance(amount, str):
                try:
                    amount = float(amount.replace(",", ""))
                except ValueError:
                    amount = None
            if not isinstance(amount, (int, float)) or isinstance(
                    amount, bool) or not math.isfinite(amount):
                # NaN and infinity ("nan", "inf" parse as floats) too
                problems.append(_("amount \"%s\" is not a number")
                                % _shorten(row["amount"]))
            elif currency.compare_amounts(amount, 0.0) < 0:
                problems.append(_("amount %s is negative") % amount)
            key = (source.id if source else None, period, tax_type)
            if source and tax_type and not problems:
                if key in existing:
                    problems.append(_(
                        "%(source)s %(period)s is already imported") % {
                            "source": source.display_name,
                            "period": period})
                elif key in seen:
                    problems.append(_("same source, period and tax type as "
                                      "row %d") % seen[key])
            if problems:
                errors.append(_("Sheet %(sheet)s, row %(row)d: %(problems)s")
                              % {"sheet": sheet_title, "row": number,
                                 "problems": "; ".join(problems)})
                continue
            seen[key] = number
            amount = currency.round(amount)
            values.append((
                source.id, source.community_id.id, source.company_id.id,
                currency.id, period, tax_type, amount, self.share_rate,
                currency.round(amount * self.share_rate / 100.0)))
        return values, errors

    def _insert(self, values):
        """Write the rows with SQL, a page per statement (the columns are
        those ``finance.tax.record.create`` writes, street share
        included)."""
        uid = self.env.uid
        ids = []
        for start in range(0, len(values), PAGE_SIZE):
            page = [row + (uid, uid)
                    for row in values[start:start + PAGE_SIZE]]
            # sql: bulk insert after check_access_rights; the new rows are then checked
            #   against the record rules
            result = execute_values(
                self.env.cr, INSERT_QUERY, page, template=INSERT_TEMPLATE,
                page_size=PAGE_SIZE, fetch=True)
            ids.extend(row[0] for row in result)
        self.env["finance.tax.record"].invalidate_cache()
        self.env["finance.tax.source"].invalidate_cache()
        # as the ORM's create does: the new rows must be in the user's reach
        self.env["finance.tax.record"].browse(ids).check_access_rule("create")
        return ids


def _column_letter(index):
    """The letter Excel shows for the column at ``index`` (0 is A)."""
    from openpyxl.utils import get_column_letter
    return get_column_letter(index + 1)
