# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from .eval_target_mixin import TARGET_FIELDS


class EvalResult(models.Model):
    """A target's result in a campaign: sample, satisfaction rate, weighted
    score and rank. What targets, leaders and superiors read: it names no
    evaluator, so a community clerk may read the result of their community
    without learning who scored it."""

    _name = "eval.result"
    _inherit = ["eval.target.mixin", "community.scope.copy.mixin"]
    _description = "Evaluation result"
    _order = "date_start desc, campaign_id, rank, target_name"
    _rec_name = "target_name"
    _scope_parent_field = "campaign_id"
    _scope_fields = ("company_id",)

    campaign_id = fields.Many2one(
        comodel_name="eval.campaign", string="Campaign", required=True,
        index=True, ondelete="cascade")
    campaign_state = fields.Selection(related="campaign_id.state",
                                      readonly=True)
    scheme_id = fields.Many2one(related="campaign_id.scheme_id", store=True,
                                index=True, readonly=True)
    company_id = fields.Many2one(related="campaign_id.company_id",
                                 store=True, index=True, readonly=True)
    date_start = fields.Date(related="campaign_id.date_start", store=True,
                             index=True, readonly=True)
    date_end = fields.Date(related="campaign_id.date_end", store=True,
                           readonly=True)
    response_count = fields.Integer(
        string="Sample size", readonly=True, group_operator="sum",
        help="Answered score sheets of the target.")
    satisfaction_rate = fields.Float(
        digits=(5, 2), readonly=True, group_operator="avg",
        help="Percent of answers that are satisfied (and basically "
             "satisfied, when the scheme counts them).")
    has_satisfaction = fields.Boolean(readonly=True)
    weighted_score = fields.Float(
        string="Score", digits=(5, 2), readonly=True, group_operator="avg")
    deduction = fields.Float(digits=(5, 2), readonly=True,
                             group_operator="sum")
    rank = fields.Integer(readonly=True, group_operator="min")
    line_ids = fields.One2many(
        comodel_name="eval.result.line", inverse_name="result_id",
        string="Indicator scores", readonly=True)

    def _check_report_visible(self, report):
        """Results are printed once their campaign closed, as the
        rankings (``eval.campaign._check_report_visible``)."""
        # sudo: the campaigns' state, for results a user reads without
        # reading their campaign
        self.sudo().mapped("campaign_id").with_env(
            self.env)._check_report_visible(report)

    @api.model_cr_context
    def _auto_init(self):
        res = super()._auto_init()
        # one result per target and campaign; a plain UNIQUE would let the
        # empty target columns (NULL) through. One index over every kind
        # of target (it replaces the index of the first three kinds)
        tools.drop_index(
            self._cr, "eval_result_campaign_target_uniq", self._table)
        tools.create_unique_index(
            self._cr, "eval_result_campaign_targets_uniq", self._table,
            ["campaign_id"] + ["COALESCE(%s, 0)" % column
                               for column in sorted(TARGET_FIELDS.values())])
        return res
