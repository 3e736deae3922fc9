# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .eval_campaign_xlsx import eval_styles, sheet_name, start_sheet


class EvalResultXlsx(models.AbstractModel):
    """Selected results as one workbook, a sheet per target: e.g. a
    department's results of a year, sent to the assessment office."""

    _name = "report.community_eval.result_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Evaluation results workbook"

    COLUMNS = [("期间", 22), ("考核活动", 26), ("考核方案", 22), ("排名", 6),
               ("综合得分", 10), ("满意率", 10), ("样本量", 8)]

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access_rights("read")
        objs.check_access_rule("read")
        styles = eval_styles(workbook)
        used = set()
        by_target = {}
        for result in objs.sorted(key=lambda r: (r.target_name or "",
                                                 r.date_start or "")):
            by_target.setdefault(result.target_name or "", []).append(result)
        for target_name, results in by_target.items():
            sheet = start_sheet(
                workbook, styles, sheet_name(target_name, used),
                "%s 考核结果" % target_name, self.COLUMNS)
            row = 2
            for result in results:
                sheet.write_string(row, 0, "%s 至 %s" % (
                    result.date_start, result.date_end), styles["text"])
                sheet.write_string(row, 1, result.campaign_id.name,
                                   styles["text"])
                sheet.write_string(row, 2, result.scheme_id.name,
                                   styles["text"])
                sheet.write_number(row, 3, result.rank, styles["integer"])
                sheet.write_number(row, 4, result.weighted_score,
                                   styles["score"])
                if result.has_satisfaction:
                    sheet.write_number(row, 5, result.satisfaction_rate / 100,
                                       styles["percent"])
                else:
                    sheet.write_blank(row, 5, None, styles["percent"])
                sheet.write_number(row, 6, result.response_count,
                                   styles["integer"])
                row += 1
            sheet.write_string(row, 0, "合计", styles["total_label"])
            for col in (1, 2, 3, 5):
                sheet.write_blank(row, col, None, styles["total_label"])
            scores = [result.weighted_score for result in results]
            sheet.write_formula(
                row, 4, "=AVERAGE(E3:E%s)" % row, styles["total_score"],
                sum(scores) / len(scores))
            sheet.write_formula(
                row, 6, "=SUM(G3:G%s)" % row, styles["total_integer"],
                sum(result.response_count for result in results))
