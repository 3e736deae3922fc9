# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import models

from odoo.addons.community_base.tools.report_sheet import Book, Column, Formula

from ..models.eval_target_mixin import TARGET_FIELDS

#: scores to the hundredth, satisfaction rates to the hundredth of a percent
SCORE = ("float", 2)
RATE = ("percent", 2)


class EvalCampaignXlsx(models.AbstractModel):
    """The rankings of a campaign for superiors (排名表): per target its
    rank, score, satisfaction rate, sample size and the score of each
    indicator, with a totals row; one sheet per campaign printed.

    Individual score sheets are not in it: the workbook leaves the street
    and names no evaluator. Read with the user's rights (who may print it,
    and when, is checked before: ``ir.actions.report._check_report_access``
    and ``eval.campaign._check_report_visible``): a user holds the results
    their record rules let them read, e.g. a community's own.
    """

    _name = "report.community_eval.campaign_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Evaluation rankings workbook"

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access_rights("read")
        objs.check_access_rule("read")
        book = Book(workbook, self.env)
        for campaign in objs:
            self._write_campaign(book, campaign)

    def _write_campaign(self, book, campaign):
        indicators = campaign.scheme_id.indicator_ids
        columns = [Column("排名", "int", 6), Column("评议对象", "text", 24),
                   Column("综合得分", SCORE[0], 10, SCORE[1]),
                   Column("满意率", RATE[0], 10, RATE[1]),
                   Column("样本量", "int", 8),
                   Column("扣分", SCORE[0], 8, SCORE[1])]
        columns += [Column(indicator.name, SCORE[0],
                           max(10, 2 * len(indicator.name) + 2), SCORE[1])
                    for indicator in indicators]
        title = "%s %s（%s 至 %s）排名" % (
            campaign.company_id.name, campaign.name, campaign.date_start,
            campaign.date_end)
        table = book.table(campaign.name, columns, title, freeze_cols=2)
        # searched, not campaign.result_ids: the record rules of the user
        # apply to a search whatever the cache holds
        results = self.env["eval.result"].search(
            [("campaign_id", "=", campaign.id)]).sorted(
            key=lambda result: (result.rank or 10 ** 6,
                                result.target_name or ""))
        for result in results:
            scores = {line.indicator_id.id: line
                      for line in result.line_ids}
            values = [
                result.rank or None, result.target_name,
                result.weighted_score,
                result.satisfaction_rate / 100.0
                if result.has_satisfaction else None,
                result.response_count, result.deduction]
            for indicator in indicators:
                line = scores.get(indicator.id)
                values.append(line.score if line and (
                    line.has_value or indicator.kind == "deduction")
                    else None)
            table.write_row(values)
        # Excel's rows are 1-based: the data from first_row + 1 to row
        first, last = table.first_row + 1, table.row
        overall = self._overall_rate(
            campaign, results.filtered("has_satisfaction"))
        table.write_totals([
            "合计", "%s个对象" % len(results),
            Formula("=AVERAGE(C%s:C%s)" % (first, last), self._average(
                results.mapped("weighted_score"))) if results else None,
            overall / 100.0 if overall is not None else None,
            Formula("=SUM(E%s:E%s)" % (first, last), sum(results.mapped(
                "response_count"))) if results else None,
        ])

    @staticmethod
    def _average(values):
        return sum(values) / len(values) if values else 0.0

    @staticmethod
    def _overall_rate(campaign, results):
        """The satisfaction rate over all answers of ``results``: the
        targets' rates weighted by their answers, not their plain
        average."""
        target_field = TARGET_FIELDS[campaign.target_type]
        answers = defaultdict(int)
        # sudo: the number of answers per target, of sheets the readers of
        # results may not read; only the targets of ``results`` (read with
        # the user's rights) weigh, and no sheet or evaluator is shown
        lines = campaign.env["eval.sheet.line"].sudo().search([
            ("sheet_id.campaign_id", "=", campaign.id),
            ("sheet_id.state", "=", "done"), ("answer", "!=", False)])
        for line in lines:
            answers[line.sheet_id[target_field].id] += 1
        weights = [(answers[result[target_field].id],
                    result.satisfaction_rate) for result in results]
        total = sum(weight for weight, _rate in weights)
        if not total:
            return None
        return sum(weight * rate for weight, rate in weights) / total
