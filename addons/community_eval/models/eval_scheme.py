# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .eval_target_mixin import TARGET_TYPES


class EvalScheme(models.Model):
    """An evaluation scheme (考核方案): who evaluates whom, over which
    period, on which indicators, and how answers become scores. Configured
    by the street administrator; campaigns run it period by period."""

    _name = "eval.scheme"
    _description = "Evaluation scheme"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street", index=True,
        default=lambda self: self.env.user.company_id,
        help="Leave empty to share the scheme between the streets.")
    evaluator_kind = fields.Selection(
        selection=[("resident", "Residents"),
                   ("community", "Communities"),
                   ("cadre", "Community cadres"),
                   ("building_head", "Building heads"),
                   ("supervisor", "Supervisor")],
        string="Evaluated by", required=True, default="resident")
    target_type = fields.Selection(
        selection=TARGET_TYPES, string="Evaluates", required=True,
        default="community")
    period_type = fields.Selection(
        selection=[("month", "Month"), ("quarter", "Quarter"),
                   ("year", "Year")],
        string="Period", required=True, default="quarter")
    min_sample = fields.Integer(
        string="Minimum sample",
        help="Answered sheets each target needs before a campaign can "
             "close; 0 for none.")
    points_satisfied = fields.Float(string="Points for satisfied",
                                    default=100.0)
    points_basic = fields.Float(string="Points for basically satisfied",
                                default=80.0)
    points_dissatisfied = fields.Float(string="Points for dissatisfied",
                                       default=0.0)
    basic_counts_satisfied = fields.Boolean(
        string="Basically satisfied counts as satisfied", default=True,
        help="Satisfaction rate = (satisfied + basically satisfied) / "
             "answers when set, satisfied / answers otherwise.")
    indicator_ids = fields.One2many(
        comodel_name="eval.indicator", inverse_name="scheme_id",
        string="Indicators", copy=True)
    title_ids = fields.One2many(
        comodel_name="eval.title", inverse_name="scheme_id", string="Titles")
    note = fields.Text()

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)",
         "The code of an evaluation scheme must be unique per street."),
        ("min_sample_positive", "CHECK(min_sample >= 0)",
         "The minimum sample cannot be negative."),
    ]

    @api.constrains("points_satisfied", "points_basic",
                    "points_dissatisfied")
    def _check_points(self):
        for scheme in self:
            for points in (scheme.points_satisfied, scheme.points_basic,
                           scheme.points_dissatisfied):
                if not 0 <= points <= 100:
                    raise ValidationError(_(
                        "Scheme %s: the points of an answer must be "
                        "between 0 and 100.") % scheme.name)

    def answer_points(self):
        """The 0-100 score of each satisfaction answer."""
        self.ensure_one()
        return {"satisfied": self.points_satisfied,
                "basic": self.points_basic,
                "dissatisfied": self.points_dissatisfied}
