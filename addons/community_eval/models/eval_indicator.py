# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EvalIndicator(models.Model):
    """An indicator of a scheme: scored by evaluators (satisfaction or
    points) or computed by a rule from data, weighted into the target's
    score; a deduction indicator takes points off instead (late cases,
    reopened cases, dissatisfied evaluations)."""

    _name = "eval.indicator"
    _description = "Evaluation indicator"
    _order = "scheme_id, sequence, id"

    scheme_id = fields.Many2one(
        comodel_name="eval.scheme", string="Scheme", required=True,
        index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    weight = fields.Float(default=1.0)
    kind = fields.Selection(
        selection=[("score", "Score"), ("deduction", "Deduction")],
        required=True, default="score")
    source = fields.Selection(
        selection=[("entered", "Entered scores"),
                   ("computed", "Computed from data")],
        required=True, default="entered")
    scale = fields.Selection(
        selection=[("satisfaction",
                    "Satisfied / basically satisfied / dissatisfied"),
                   ("points", "Points")],
        required=True, default="satisfaction")
    max_points = fields.Float(string="Maximum points", default=100.0)
    rule_id = fields.Many2one(
        comodel_name="eval.rule", string="Rule", index=True,
        ondelete="restrict")
    target_value = fields.Float(
        help="A computed value reaching it scores 100 (value / target x "
             "100); 0: the value is the score.")
    points_per_unit = fields.Float(
        string="Points per unit",
        help="Deduction: points taken off per unit of the rule's value.")

    _sql_constraints = [
        ("weight_positive", "CHECK(weight >= 0)",
         "The weight of an indicator cannot be negative."),
    ]

    @api.constrains("source", "rule_id", "kind", "scale", "max_points")
    def _check_source(self):
        for indicator in self:
            if indicator.source == "computed" and not indicator.rule_id:
                raise ValidationError(_(
                    "Indicator %s is computed and needs a rule.")
                    % indicator.name)
            if indicator.kind == "deduction" and (
                    indicator.source != "computed"):
                raise ValidationError(_(
                    "Indicator %s: a deduction is computed from data by a "
                    "rule.") % indicator.name)
            if indicator.scale == "points" and indicator.max_points <= 0:
                raise ValidationError(_(
                    "Indicator %s: the maximum points must be positive.")
                    % indicator.name)
