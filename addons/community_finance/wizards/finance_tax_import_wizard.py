# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
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
        rows = self._read_rows()
        values, errors = self._check_rows(rows)
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
        """(row number, {column: value}) for every non-empty row."""
        import openpyxl
        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(base64.b64decode(self.file)), read_only=True,
                data_only=True)
        except Exception:
            raise UserError(_(
                "%s is not an Excel workbook (.xlsx).")
                % (self.filename or _("The file")))
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None) or ()
        columns = {}
        for index, title in enumerate(header):
            title = str(title or "").strip().lower()
            for key, names in HEADERS.items():
                if title in names:
                    columns[key] = index
        missing = [HEADERS[key][0] for key in HEADERS if key not in columns]
        if missing:
            raise UserError(_(
                "The first row of the workbook must name the columns; "
                "missing: %s.") % ", ".join(missing))
        result = []
        for number, row in enumerate(rows, 2):
            if not any(cell not in (None, "") for cell in row):
                continue
            result.append((number, {
                key: row[index] if index < len(row) else None
                for key, index in columns.items()}))
        return result

    def _check_rows(self, rows):
        sources = {
            source.tax_number: source
            for source in self.env["finance.tax.source"].search([
                ("company_id", "=", self.company_id.id)])}
        existing = set()
        if sources:
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
                    "street") % tax_number)
            period = row["period"]
            if isinstance(period, (datetime, date)):
                period = period.strftime("%Y-%m")
            period = str(period or "").strip()
            if not PERIOD_PATTERN.match(period):
                problems.append(_(
                    "period \"%s\" is not a month written YYYY-MM") % period)
            tax_type = types.get(str(row["tax_type"] or "").strip())
            if not tax_type:
                problems.append(_("unknown tax type \"%s\"")
                                % (row["tax_type"] or ""))
            amount = row["amount"]
            if isinstance(amount, str):
                try:
                    amount = float(amount.replace(",", ""))
                except ValueError:
                    amount = None
            if not isinstance(amount, (int, float)) or isinstance(
                    amount, bool):
                problems.append(_("amount \"%s\" is not a number")
                                % (row["amount"] or ""))
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
                errors.append(_("Row %(row)d: %(problems)s") % {
                    "row": number, "problems": "; ".join(problems)})
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
            result = execute_values(
                self.env.cr, INSERT_QUERY, page, template=INSERT_TEMPLATE,
                page_size=PAGE_SIZE, fetch=True)
            ids.extend(row[0] for row in result)
        self.env["finance.tax.record"].invalidate_cache()
        self.env["finance.tax.source"].invalidate_cache()
        return ids
