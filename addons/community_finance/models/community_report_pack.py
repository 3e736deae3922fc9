# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, fields, models

from odoo.addons.community_base.tools import report_sheet


class CommunityReportPack(models.Model):
    """The budget sheet of the monthly report pack: execution of the
    street's approved budgets per community up to the end of the month,
    with the same figures as the final accounts (actual amounts from the
    posted entries on each community's analytic account)."""

    _inherit = "community.report.pack"

    def _pack_sheets(self):
        return super()._pack_sheets() + [(50, "_sheet_budget_execution")]

    def _sheet_budget_execution(self, book):
        start, end = self._month_bounds()
        month_end = fields.Date.to_string(end - datetime.timedelta(days=1))
        Budget = self.env["crossovered.budget"]
        budgets = Budget.browse()
        if Budget.check_access_rights("read", raise_exception=False):
            budgets = Budget.search([
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("validate", "done")),
                ("date_from", "<=", month_end),
                ("date_to", ">=", fields.Date.to_string(start))])
        columns = [
            (_("Budget"), "text", 24), (_("Community"), "text", 18),
            (_("Budget amount"), "money", 14), (_("Actual"), "money", 14),
            (_("Variance"), "money", 14), (_("Execution rate"), "percent", 11),
        ]
        rows = []
        planned_total = actual_total = 0.0
        for budget in budgets.with_context(wizard_date_to=month_end):
            for group in budget._final_accounts_groups("community_id"):
                planned_total += group["planned"]
                actual_total += group["actual"]
                rows.append([
                    budget.name, group["name"], group["planned"],
                    group["actual"], group["variance"],
                    report_sheet.ratio(group["actual"], group["planned"])])
        totals = [self._total_label(), None, planned_total, actual_total,
                  planned_total - actual_total,
                  report_sheet.ratio(actual_total, planned_total)]
        self._write_table(
            book, _("Budget execution"),
            _("Budget execution to the end of the month"), columns, rows,
            totals)
