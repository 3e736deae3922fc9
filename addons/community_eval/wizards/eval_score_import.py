# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import zipfile
import zlib

import openpyxl

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import scoring

TARGET_HEADERS = ("评议对象", "社区", "对象", "target")
RESPONDENT_HEADERS = ("问卷编号", "编号", "respondent")
#: the first bytes of .xls files and of password-protected workbooks
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the longest questionnaire number kept (the survey companies' run to 20)
RESPONDENT_MAX_LENGTH = 64
ANSWER_LABELS = {
    "满意": "satisfied", "基本满意": "basic", "不满意": "dissatisfied",
    "satisfied": "satisfied", "basically satisfied": "basic",
    "dissatisfied": "dissatisfied",
}


class EvalScoreImport(models.TransientModel):
    """Import the workbook a survey company returns: on every sheet, a
    header row (评议对象, 问卷编号, then one column per entered indicator,
    named as the indicator) and one questionnaire per row.

    All or nothing: every bad row is reported with its sheet and row
    number, and nothing is written unless the whole workbook is valid.
    Sheets and lines are written with SQL in pages
    (``eval.campaign._insert_done_sheets``), since a survey of a street
    brings thousands of questionnaires.
    """

    _name = "eval.score.import"
    _description = "Import survey scores"

    campaign_id = fields.Many2one(
        comodel_name="eval.campaign", string="Campaign", required=True,
        ondelete="cascade",
        domain=[("state", "=", "open")])
    file = fields.Binary(string="Workbook", required=True)
    filename = fields.Char()
    imported_count = fields.Integer(readonly=True)

    @api.multi
    def action_import(self):
        self.ensure_one()
        campaign = self.campaign_id
        # the sheets are written as superuser: only who may write the
        # campaign imports (a write rule alone let the read-only roles,
        # which have none, through)
        campaign.check_access_rights("write")
        campaign.check_access_rule("write")
        if campaign.state != "open":
            raise UserError(_(
                "Campaign %s is not scoring: scores cannot be imported.")
                % campaign.name)
        rows = self._parse(base64.b64decode(self.file or b""))
        self.imported_count = self._insert(rows)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    # -- reading ----------------------------------------------------------

    def _targets_by_label(self):
        labels = {}
        # sudo: a staff campaign's targets are users the clerk may not read
        for target in self.campaign_id.sudo().targets():
            labels[(target.display_name or "").strip()] = target.id
            labels[(target.name or "").strip()] = target.id
            code = getattr(target, "code", False) or getattr(
                target, "login", False)
            if code:
                labels[code.strip()] = target.id
        return labels

    def _parse(self, content):
        """Rows ``(target_id, respondent, [(indicator, answer, points,
        score)])`` of the whole workbook, or UserError listing every bad
        row."""
        if content[:8] == OLE2_MAGIC:
            raise UserError(_(
                "The file %s is an Excel 97-2003 file (.xls) or a "
                "password-protected workbook: remove the password, save it "
                "as an Excel workbook (.xlsx) and import it again.")
                % (self.filename or ""))
        try:
            # formulas read as the value Excel saved with them
            workbook = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True)
        except (zipfile.BadZipFile, OSError, KeyError, ValueError,
                SyntaxError, TypeError, IndexError) as error:
            # openpyxl raises all of these on damaged or foreign files
            raise UserError(_(
                "The file %(file)s is not an Excel workbook (.xlsx): "
                "%(reason)s.") % {"file": self.filename or "",
                                  "reason": _shorten(error, 120)})
        try:
            return self._parse_workbook(workbook)
        except (SyntaxError, zipfile.BadZipFile, zlib.error,
                EOFError) as error:
            # the sheets are read as they are iterated: damage further
            # into the file shows only now
            raise UserError(_(
                "The file %(file)s is a damaged Excel workbook: "
                "%(reason)s.") % {"file": self.filename or "",
                                  "reason": _shorten(error, 120)})
        finally:
            workbook.close()

    def _parse_workbook(self, workbook):
        scheme = self.campaign_id.scheme_id
        indicators = {
            indicator.name.strip(): indicator
            for indicator in scheme.indicator_ids
            if indicator.source == "entered"}
        points = scheme.answer_points()
        targets = self._targets_by_label()
        errors = []
        rows = []
        respondents = self._imported_respondents()
        for sheet in workbook.worksheets:
            # read the rows there are, whatever size the sheet declares (a
            # stray value in XFD1048576 declares 17 billion cells)
            sheet.reset_dimensions()
            lines = sheet.iter_rows(values_only=True)
            header = next(lines, None)
            if not header or not any(header):
                continue
            if sheet.sheet_state != "visible":
                # questionnaires nobody sees in Excel would count unseen
                errors.append(_(
                    "Sheet %s is hidden: unhide it to check what it holds, "
                    "or delete it.") % sheet.title)
                continue
            header = [str(cell).strip() if cell is not None else ""
                      for cell in header]
            columns = self._columns(sheet.title, header, indicators, errors)
            if columns is None:
                continue
            target_col, respondent_col, indicator_cols = columns
            for number, cells in enumerate(lines, start=2):
                if not any(cell not in (None, "") for cell in cells):
                    continue
                row = self._parse_row(
                    sheet.title, number, cells, target_col, respondent_col,
                    indicator_cols, targets, points, errors)
                if row and self._check_respondent(
                        sheet.title, number, row[1], respondents, errors):
                    rows.append(row)
        if errors:
            raise UserError(_(
                "Nothing was imported: the workbook has %(count)s errors.\n"
                "%(errors)s") % {"count": len(errors),
                                 "errors": "\n".join(errors)})
        if not rows:
            raise UserError(_("The workbook %s holds no questionnaire.")
                            % (self.filename or ""))
        return rows

    def _imported_respondents(self):
        """{questionnaire number: where it is} of the sheets the campaign
        holds already: importing a file twice must not count it twice."""
        # sql: the numbers only, of every sheet (the clerk may not read the
        # sheets about them), after action_import checked write access
        self.env.cr.execute("""
            SELECT DISTINCT respondent FROM eval_sheet
            WHERE campaign_id = %s AND respondent IS NOT NULL
        """, (self.campaign_id.id,))
        return {respondent: None for respondent, in self.env.cr.fetchall()}

    def _check_respondent(self, sheet, number, respondent, respondents,
                          errors):
        """Refuse a questionnaire number seen before (in this workbook or
        in the campaign) or too long to be one; remember it otherwise."""
        if respondent is None:
            return True
        position = {"sheet": sheet, "row": number,
                    "respondent": _shorten(respondent)}
        if len(respondent) > RESPONDENT_MAX_LENGTH:
            errors.append(_(
                "Sheet %(sheet)s, row %(row)s, 问卷编号: %(respondent)s has "
                "%(length)s characters, more than the %(max)s allowed.") % dict(
                    position, length=len(respondent),
                    max=RESPONDENT_MAX_LENGTH))
            return False
        if respondent not in respondents:
            respondents[respondent] = (sheet, number)
            return True
        first = respondents[respondent]
        if first is None:
            errors.append(_(
                "Sheet %(sheet)s, row %(row)s: questionnaire %(respondent)s "
                "is already imported into this campaign.") % position)
        else:
            errors.append(_(
                "Sheet %(sheet)s, row %(row)s: questionnaire %(respondent)s "
                "is also in sheet %(first_sheet)s, row %(first_row)s.") % dict(
                    position, first_sheet=first[0], first_row=first[1]))
        return False

    def _columns(self, sheet, header, indicators, errors):
        def find(names):
            for index, label in enumerate(header):
                if label.lower() in names:
                    return index
            return None
        target_col = find(TARGET_HEADERS)
        if target_col is None:
            errors.append(_(
                "Sheet %(sheet)s: no column 评议对象 (the evaluated "
                "target).") % {"sheet": sheet})
            return None
        respondent_col = find(RESPONDENT_HEADERS)
        indicator_cols = []
        seen = set()
        for index, label in enumerate(header):
            if index in (target_col, respondent_col) or not label:
                continue
            if label in seen:
                errors.append(_(
                    "Sheet %(sheet)s, row 1: column %(column)s appears "
                    "twice.") % {"sheet": sheet, "column": _shorten(label)})
                continue
            seen.add(label)
            if label not in indicators:
                errors.append(_(
                    "Sheet %(sheet)s, row 1: column %(column)s is not an "
                    "indicator of scheme %(scheme)s.") % {
                        "sheet": sheet, "column": _shorten(label),
                        "scheme": self.campaign_id.scheme_id.name})
                continue
            indicator_cols.append((index, indicators[label]))
        missing = set(indicators.values()) - {
            indicator for _index, indicator in indicator_cols}
        if missing:
            errors.append(_(
                "Sheet %(sheet)s, row 1: no column for %(indicators)s.") % {
                    "sheet": sheet,
                    "indicators": ", ".join(sorted(
                        indicator.name for indicator in missing))})
        return target_col, respondent_col, indicator_cols

    def _parse_row(self, sheet, number, cells, target_col, respondent_col,
                   indicator_cols, targets, points, errors):
        def cell(index):
            return cells[index] if index is not None and index < len(
                cells) else None
        position = {"sheet": sheet, "row": number}
        label = str(cell(target_col) or "").strip()
        target_id = targets.get(label)
        ok = True
        if not target_id:
            errors.append(_(
                "Sheet %(sheet)s, row %(row)s: %(target)s is not a target "
                "of the campaign.") % dict(
                    position, target=_shorten(label) or "-"))
            ok = False
        respondent = cell(respondent_col)
        lines = []
        for index, indicator in indicator_cols:
            value = cell(index)
            if indicator.scale == "satisfaction":
                answer = ANSWER_LABELS.get(str(value or "").strip().lower())
                if not answer:
                    errors.append(_(
                        "Sheet %(sheet)s, row %(row)s, %(indicator)s: "
                        "%(value)s is not 满意, 基本满意 or 不满意.") % dict(
                            position, indicator=indicator.name,
                            value=_shorten(value) if value not in (None, "")
                            else "-"))
                    ok = False
                    continue
                lines.append((indicator.id, answer, 0.0,
                              scoring.answer_score(answer, points)))
            else:
                try:
                    mark = float(value)
                except (TypeError, ValueError):
                    mark = None
                if mark is None or not 0 <= mark <= indicator.max_points:
                    errors.append(_(
                        "Sheet %(sheet)s, row %(row)s, %(indicator)s: "
                        "%(value)s is not a mark from 0 to %(max)s.") % dict(
                            position, indicator=indicator.name,
                            value=_shorten(value) if value not in (None, "")
                            else "-",
                            max=indicator.max_points))
                    ok = False
                    continue
                lines.append((indicator.id, None, mark, scoring.points_score(
                    mark, indicator.max_points)))
        if not ok:
            return None
        if isinstance(respondent, float) and respondent.is_integer():
            respondent = int(respondent)
        respondent = str(respondent).strip() if respondent is not None \
            else ""
        return (target_id, respondent or None, lines)

    # -- writing ----------------------------------------------------------

    def _insert(self, rows):
        return self.campaign_id._insert_done_sheets(rows, source="import")


def _shorten(value, limit=40):
    """A cell's value as a message shows it: a 10,000-character cell must
    not fill the screen."""
    text = "%s" % (value,)
    return text if len(text) <= limit else text[:limit] + "…"
