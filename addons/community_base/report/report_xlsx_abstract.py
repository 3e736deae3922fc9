# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

from ..tools.report_sheet import SAFE_WORKBOOK_OPTIONS


class ReportXlsxAbstract(models.AbstractModel):
    """Every xlsx report of the four addons writes text as text, and
    renders only for a user who may print it: the report action's groups,
    read access to the records and the model's own rule
    (``ir.actions.report._check_report_access``), whichever the channel
    (report_xlsx's controller, ``render_xlsx`` or ``create_xlsx_report``
    called over RPC, whose ``active_model`` the caller chooses)."""

    _inherit = "report.report_xlsx.abstract"

    def _get_objs_for_report(self, docids, data):
        objs = super()._get_objs_for_report(docids, data)
        if not self.env.user._is_superuser():
            self._report_action(objs)._check_report_access(objs)
        return objs

    def _report_action(self, objs):
        """The report action printed with this report model."""
        name = self._name[len("report."):]
        # sudo: finding the action, whose groups are then checked
        reports = self.env["ir.actions.report"].sudo().search([
            ("report_name", "=", name), ("report_type", "=", "xlsx")])
        report = reports.filtered(
            lambda report: report.model == objs._name)[:1] or reports[:1]
        if not report:
            raise AccessError(_(
                "The workbook %s has no report action: it cannot be "
                "printed.") % self._description)
        return report.with_env(self.env)

    @api.model
    def get_workbook_options(self):
        options = dict(super().get_workbook_options() or {})
        options.update(SAFE_WORKBOOK_OPTIONS)
        return options
