# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

#: the addons whose reports are checked before they render (the standard
#: reports of Odoo keep their own behaviour)
STREET_MODULES = ("community_base", "community_grid", "community_finance",
                  "community_eval")


class IrActionsReport(models.Model):
    """One check before any report of the four addons renders, whatever
    the channel (``/report/<type>/...``, ``/report/download``, a JSON-RPC or
    XML-RPC call of ``render_*`` or of the report model itself).

    Odoo 11 hides a report whose ``groups_id`` the user lacks from the Print
    menu only: its URL rendered for anybody, and the reports read their
    records as they pleased. Here the user must hold one of the report's
    groups, read the records (access rights and record rules), and pass the
    model's own rule for printing them (``_check_report_visible`` where
    the model defines one, e.g. rankings only once a campaign closed).
    """

    _inherit = "ir.actions.report"

    def _check_report_access(self, docs):
        """Raise AccessError unless the user may print ``docs`` with this
        report. The superuser (internal jobs, ``sudo()``) passes."""
        self.ensure_one()
        if self.env.user._is_superuser():
            return
        docs = docs.with_env(self.env)
        if docs._name != self.model:
            raise AccessError(_(
                "The report %s prints other records.") % self.name)
        # sudo: the groups of the action, which a user may not read
        groups = self.sudo().groups_id
        if groups and not groups & self.env.user.groups_id:
            raise AccessError(_(
                "You may not print %s: it is for other roles.") % self.name)
        docs.check_access_rights("read")
        docs.check_access_rule("read")
        if hasattr(docs, "_check_report_visible"):
            docs._check_report_visible(self)

    def _is_street_report(self):
        """Whether this report is one of the four addons'."""
        # sudo: where the action comes from, not what it prints
        return bool(self.env["ir.model.data"].sudo().search_count([
            ("model", "=", self._name), ("res_id", "=", self.id),
            ("module", "in", STREET_MODULES)]))

    def _check_street_report_access(self, docids):
        for report in self.filtered(lambda report: report._is_street_report()):
            report._check_report_access(
                self.env[report.model].browse(docids or []))

    @api.multi
    def render_qweb_pdf(self, res_ids=None, data=None):
        # checked here too: a PDF kept as an attachment skips the html
        self._check_street_report_access(res_ids)
        return super().render_qweb_pdf(res_ids=res_ids, data=data)

    @api.model
    def render_qweb_html(self, docids, data=None):
        self._check_street_report_access(docids)
        return super().render_qweb_html(docids, data=data)
