# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import scoring
from .eval_sheet import (
    EVALUATOR_LINE_FIELDS,
    campaign_check_scoring,
    check_evaluator_fields,
)


class EvalSheetLine(models.Model):
    """The answer to one indicator on a score sheet."""

    _name = "eval.sheet.line"
    _description = "Score sheet line"
    _order = "sheet_id, sequence, id"

    sheet_id = fields.Many2one(
        comodel_name="eval.sheet", string="Score sheet", required=True,
        index=True, ondelete="cascade")
    company_id = fields.Many2one(related="sheet_id.company_id", store=True,
                                 index=True, readonly=True)
    indicator_id = fields.Many2one(
        comodel_name="eval.indicator", string="Indicator", required=True,
        index=True, ondelete="restrict")
    sequence = fields.Integer(related="indicator_id.sequence", store=True,
                              readonly=True)
    scale = fields.Selection(related="indicator_id.scale", readonly=True)
    max_points = fields.Float(related="indicator_id.max_points",
                              readonly=True)
    answer = fields.Selection(
        selection=[("satisfied", "Satisfied"),
                   ("basic", "Basically satisfied"),
                   ("dissatisfied", "Dissatisfied")])
    points = fields.Float()
    score = fields.Float(compute="_compute_score", store=True,
                         help="The answer as a score from 0 to 100.")
    guidance = fields.Text(
        string="Scoring guidance", compute="_compute_guidance",
        help="What the indicator rates and how it is scored, shown where "
             "the evaluator scores it.")
    answer_summary = fields.Char(
        string="Rating", compute="_compute_answer_summary",
        help="The answer given, the points out of the maximum, or that it "
             "is still to be answered.")

    @api.depends("indicator_id.description", "indicator_id.scale",
                 "indicator_id.max_points",
                 "sheet_id.campaign_id.scheme_id")
    def _compute_guidance(self):
        for line in self:
            indicator = line.indicator_id
            parts = [indicator.description] if indicator.description else []
            if indicator.scale == "points":
                parts.append(_("Score from 0 to %s points.")
                             % _number(indicator.max_points))
            elif indicator:
                points = (line.sheet_id.campaign_id.scheme_id
                          or indicator.scheme_id).answer_points()
                labels = dict(self._fields["answer"]._description_selection(
                    self.env))
                parts.append(_("Choose one: %s.") % ", ".join(
                    _("%(answer)s (%(points)s points)") % {
                        "answer": labels[answer],
                        "points": _number(points[answer])}
                    for answer in scoring.ANSWERS))
            line.guidance = "\n".join(parts)

    @api.depends("answer", "points", "indicator_id.scale",
                 "indicator_id.max_points")
    def _compute_answer_summary(self):
        labels = dict(self._fields["answer"]._description_selection(
            self.env))
        for line in self:
            if line.indicator_id.scale == "points":
                line.answer_summary = _("%(points)s of %(max)s points") % {
                    "points": _number(line.points),
                    "max": _number(line.indicator_id.max_points)}
            elif line.answer:
                line.answer_summary = labels[line.answer]
            else:
                line.answer_summary = _("To answer")

    @api.depends("answer", "points", "indicator_id.scale",
                 "indicator_id.max_points",
                 "sheet_id.campaign_id.scheme_id")
    def _compute_score(self):
        for line in self:
            indicator = line.indicator_id
            if indicator.scale == "points":
                line.score = scoring.points_score(line.points,
                                                  indicator.max_points)
            elif line.answer:
                line.score = scoring.answer_score(
                    line.answer,
                    line.sheet_id.campaign_id.scheme_id.answer_points())
            else:
                line.score = 0.0

    @api.constrains("points", "indicator_id")
    def _check_points(self):
        for line in self:
            indicator = line.indicator_id
            if indicator.scale == "points" and not (
                    0 <= line.points <= indicator.max_points):
                raise ValidationError(_(
                    "Score sheet %(sheet)s, %(indicator)s: %(points)s is "
                    "outside 0 to %(max)s points.") % {
                        "sheet": line.sheet_id.target_name,
                        "indicator": indicator.name, "points": line.points,
                        "max": indicator.max_points})

    @api.model
    def create(self, vals):
        if vals.get("sheet_id"):
            # sudo: the scope the record rules filter on, before the insert
            sheet = self.env["eval.sheet"].sudo().browse(vals["sheet_id"])
            vals.setdefault("company_id", sheet.company_id.id)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        for line in self:
            # sudo: the state of the line's campaign, named on its sheet
            campaign_check_scoring(line.sheet_id.sudo().campaign_id)
        check_evaluator_fields(self, vals, EVALUATOR_LINE_FIELDS)
        return super().write(vals)


def _number(value):
    """A mark as a clerk writes it: 10, 8.5."""
    return ("%.2f" % (value or 0.0)).rstrip("0").rstrip(".")
