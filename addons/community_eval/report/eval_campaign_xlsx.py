# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import models

from ..models.eval_target_mixin import TARGET_FIELDS


def eval_styles(workbook):
    """The formats of the evaluation workbooks."""
    border = {"border": 1, "valign": "vcenter"}
    return {
        "title": workbook.add_format({
            "bold": True, "font_size": 14, "align": "center",
            "valign": "vcenter"}),
        "header": workbook.add_format(dict(
            border, bold=True, bg_color="#DDEBF7", align="center",
            text_wrap=True)),
        "text": workbook.add_format(dict(border)),
        "integer": workbook.add_format(dict(border, num_format="0")),
        "score": workbook.add_format(dict(border, num_format="0.00")),
        "percent": workbook.add_format(dict(border, num_format="0.00%")),
        "total_label": workbook.add_format(dict(
            border, bold=True, bg_color="#F2F2F2")),
        "total_integer": workbook.add_format(dict(
            border, bold=True, bg_color="#F2F2F2", num_format="0")),
        "total_score": workbook.add_format(dict(
            border, bold=True, bg_color="#F2F2F2", num_format="0.00")),
        "total_percent": workbook.add_format(dict(
            border, bold=True, bg_color="#F2F2F2", num_format="0.00%")),
    }


def start_sheet(workbook, styles, name, title, columns):
    """A sheet with a merged title row, a frozen header row and widths."""
    sheet = workbook.add_worksheet(name)
    for index, (_header, width) in enumerate(columns):
        sheet.set_column(index, index, width)
    sheet.set_row(0, 28)
    sheet.merge_range(0, 0, 0, len(columns) - 1, title, styles["title"])
    for index, (header, _width) in enumerate(columns):
        sheet.write_string(1, index, header, styles["header"])
    sheet.freeze_panes(2, 2)
    return sheet


def sheet_name(text, used):
    """Excel sheet names: unique, at most 31 characters, none of
    ``[]:*?/\\``."""
    for char in "[]:*?/\\":
        text = text.replace(char, " ")
    base = text[:27]
    name = base
    index = 2
    while name.lower() in used:
        name = "%s(%s)" % (base, index)
        index += 1
    used.add(name.lower())
    return name


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
        styles = eval_styles(workbook)
        used = set()
        for campaign in objs:
            self._write_campaign(workbook, styles, campaign, used)

    def _write_campaign(self, workbook, styles, campaign, used):
        indicators = campaign.scheme_id.indicator_ids
        columns = [("排名", 6), ("评议对象", 24), ("综合得分", 10),
                   ("满意率", 10), ("样本量", 8), ("扣分", 8)]
        columns += [(indicator.name, max(10, 2 * len(indicator.name) + 2))
                    for indicator in indicators]
        title = "%s %s（%s 至 %s）排名" % (
            campaign.company_id.name, campaign.name, campaign.date_start,
            campaign.date_end)
        sheet = start_sheet(workbook, styles,
                            sheet_name(campaign.name, used), title, columns)
        # searched, not campaign.result_ids: the record rules of the user
        # apply to a search whatever the cache holds
        results = self.env["eval.result"].search(
            [("campaign_id", "=", campaign.id)]).sorted(
            key=lambda result: (result.rank or 10 ** 6,
                                result.target_name or ""))
        row = 2
        for result in results:
            if result.rank:
                sheet.write_number(row, 0, result.rank, styles["integer"])
            else:
                sheet.write_blank(row, 0, None, styles["integer"])
            sheet.write_string(row, 1, result.target_name or "",
                               styles["text"])
            sheet.write_number(row, 2, result.weighted_score, styles["score"])
            if result.has_satisfaction:
                sheet.write_number(row, 3, result.satisfaction_rate / 100.0,
                                   styles["percent"])
            else:
                sheet.write_blank(row, 3, None, styles["percent"])
            sheet.write_number(row, 4, result.response_count,
                               styles["integer"])
            sheet.write_number(row, 5, result.deduction, styles["score"])
            scores = {line.indicator_id.id: line
                      for line in result.line_ids}
            for col, indicator in enumerate(indicators, start=6):
                line = scores.get(indicator.id)
                if line and (line.has_value or indicator.kind == "deduction"):
                    sheet.write_number(row, col, line.score, styles["score"])
                else:
                    sheet.write_blank(row, col, None, styles["score"])
            row += 1
        first, last = 3, row
        sheet.write_string(row, 0, "合计", styles["total_label"])
        sheet.write_string(row, 1, "%s个对象" % len(results),
                           styles["total_label"])
        if results:
            sheet.write_formula(
                row, 2, "=AVERAGE(C%s:C%s)" % (first, last),
                styles["total_score"], self._average(
                    results.mapped("weighted_score")))
            sheet.write_formula(
                row, 4, "=SUM(E%s:E%s)" % (first, last),
                styles["total_integer"], sum(results.mapped(
                    "response_count")))
        else:
            sheet.write_blank(row, 2, None, styles["total_label"])
            sheet.write_blank(row, 4, None, styles["total_label"])
        rated = results.filtered("has_satisfaction")
        overall = self._overall_rate(campaign, rated)
        if overall is None:
            sheet.write_blank(row, 3, None, styles["total_label"])
        else:
            sheet.write_number(row, 3, overall / 100.0,
                               styles["total_percent"])
        for col in range(5, len(columns)):
            sheet.write_blank(row, col, None, styles["total_label"])

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
