# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class EvalResultLine(models.Model):
    """A target's figure and score on one indicator of a campaign."""

    _name = "eval.result.line"
    _description = "Evaluation result line"
    _order = "result_id, sequence, id"

    result_id = fields.Many2one(
        comodel_name="eval.result", string="Result", required=True,
        index=True, ondelete="cascade")
    company_id = fields.Many2one(related="result_id.company_id", store=True,
                                 index=True, readonly=True)
    indicator_id = fields.Many2one(
        comodel_name="eval.indicator", string="Indicator", required=True,
        index=True, ondelete="cascade")
    sequence = fields.Integer(related="indicator_id.sequence", store=True,
                              readonly=True)
    kind = fields.Selection(related="indicator_id.kind", readonly=True)
    value = fields.Float(
        digits=(12, 2),
        help="The computed figure, or the average of the entered scores.")
    has_value = fields.Boolean()
    score = fields.Float(digits=(5, 2),
                         help="Score from 0 to 100, or points deducted.")
