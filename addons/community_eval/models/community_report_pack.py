# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, fields, models


class CommunityReportPack(models.Model):
    """The evaluation sheet of the monthly report pack: the results of the
    street's campaigns closed for periods ending in the year up to the end
    of the month, ranked as in the rankings workbook. Results name no
    evaluator."""

    _inherit = "community.report.pack"

    def _pack_sheets(self):
        return super()._pack_sheets() + [(60, "_sheet_evaluation")]

    def _sheet_evaluation(self, book):
        start, end = self._month_bounds()
        month_end = fields.Date.to_string(end - datetime.timedelta(days=1))
        Result = self.env["eval.result"]
        results = Result.browse()
        if Result.check_access_rights("read", raise_exception=False):
            results = Result.search([
                ("company_id", "=", self.company_id.id),
                ("campaign_id.state", "=", "closed"),
                ("date_end", ">=", "%s-01-01" % start.year),
                ("date_end", "<=", month_end)],
                order="date_end, campaign_id, rank, target_name")
        columns = [
            (_("Campaign"), "text", 28), (_("Period end"), "date", 11),
            (_("Rated"), "text", 20), (_("Sample size"), "int", 9),
            (_("Satisfaction rate"), "percent", 11), (_("Score"), "float", 9),
            (_("Rank"), "int", 6),
        ]
        rows = [[
            result.campaign_id.name,
            fields.Date.from_string(result.date_end),
            result.target_name, result.response_count,
            result.satisfaction_rate / 100.0 if result.has_satisfaction
            else None,
            result.weighted_score, result.rank] for result in results]
        totals = [self._total_label(), None, None,
                  sum(result.response_count for result in results), None,
                  None, None]
        self._write_table(book, _("Evaluation"),
                          _("Evaluation results of the year"), columns, rows,
                          totals)
