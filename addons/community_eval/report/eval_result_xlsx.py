# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.community_base.tools.report_sheet import Book, Column, Formula

from .eval_campaign_xlsx import RATE, SCORE


class EvalResultXlsx(models.AbstractModel):
    """Selected results as one workbook, a sheet per target: e.g. a
    department's results of a year, sent to the assessment office."""

    _name = "report.community_eval.result_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Evaluation results workbook"

    COLUMNS = [Column("期间", "text", 22), Column("考核活动", "text", 26),
               Column("考核方案", "text", 22), Column("排名", "int", 6),
               Column("综合得分", SCORE[0], 10, SCORE[1]),
               Column("满意率", RATE[0], 10, RATE[1]),
               Column("样本量", "int", 8)]

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access_rights("read")
        objs.check_access_rule("read")
        book = Book(workbook, self.env)
        by_target = {}
        for result in objs.sorted(key=lambda r: (r.target_name or "",
                                                 r.date_start or "")):
            by_target.setdefault(result.target_name or "", []).append(result)
        for target_name, results in by_target.items():
            table = book.table(target_name, self.COLUMNS,
                               "%s 考核结果" % target_name, freeze_cols=2)
            for result in results:
                table.write_row([
                    "%s 至 %s" % (result.date_start, result.date_end),
                    result.campaign_id.name, result.scheme_id.name,
                    result.rank, result.weighted_score,
                    result.satisfaction_rate / 100
                    if result.has_satisfaction else None,
                    result.response_count])
            first, last = table.first_row + 1, table.row
            scores = [result.weighted_score for result in results]
            table.write_totals([
                "合计", None, None, None,
                Formula("=AVERAGE(E%s:E%s)" % (first, last),
                        sum(scores) / len(scores)),
                None,
                Formula("=SUM(G%s:G%s)" % (first, last),
                        sum(result.response_count for result in results))])
