# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class FinanceBudgetAdjustmentLine(models.Model):
    """One change of a budget adjustment: a line increased or decreased by
    ``amount``, or ``amount`` moved from ``budget_line_id`` to
    ``target_line_id``. Amounts are positive; the adjustment's type says
    the direction."""

    _name = "finance.budget.adjustment.line"
    _description = "Budget adjustment line"
    _order = "adjustment_id, id"

    adjustment_id = fields.Many2one(
        comodel_name="finance.budget.adjustment", string="Adjustment",
        required=True, index=True, ondelete="cascade")
    adjustment_type = fields.Selection(
        related="adjustment_id.adjustment_type", readonly=True)
    state = fields.Selection(
        related="adjustment_id.state", store=True, index=True,
        readonly=True)
    budget_id = fields.Many2one(
        comodel_name="crossovered.budget",
        related="adjustment_id.budget_id", readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", related="adjustment_id.company_id",
        store=True, index=True, readonly=True)
    currency_id = fields.Many2one(
        comodel_name="res.currency", related="company_id.currency_id",
        readonly=True)
    budget_line_id = fields.Many2one(
        comodel_name="crossovered.budget.lines", string="Budget line",
        required=True, index=True, ondelete="restrict",
        help="The line increased or decreased; for a transfer, the line "
             "the money leaves.")
    target_line_id = fields.Many2one(
        comodel_name="crossovered.budget.lines", string="To budget line",
        index=True, ondelete="restrict",
        help="For a transfer: the line that receives the money.")
    amount = fields.Monetary(required=True)

    @api.model
    def create(self, vals):
        # scope field read by the record rules before Odoo 11 writes
        # stored related fields
        if vals.get("adjustment_id"):
            # sudo: copies the adjustment's company for the record rules, which then
            #   check the new record as usual
            vals["company_id"] = self.env["finance.budget.adjustment"].sudo(
            ).browse(vals["adjustment_id"]).company_id.id
        return super().create(vals)

    @api.constrains("amount")
    def _check_amount(self):
        for line in self:
            if line.currency_id.compare_amounts(line.amount, 0.0) <= 0:
                raise ValidationError(_(
                    "The adjustment of the budget line \"%(line)s\" in "
                    "\"%(name)s\" must be a positive amount.") % {
                        "line": line.budget_line_id._line_label(),
                        "name": line.adjustment_id.name})

    @api.constrains("budget_line_id", "target_line_id", "adjustment_id")
    def _check_budget(self):
        for line in self:
            budget = line.adjustment_id.budget_id
            for budget_line in line.budget_line_id | line.target_line_id:
                if budget_line.crossovered_budget_id != budget:
                    raise ValidationError(_(
                        "The budget line \"%(line)s\" is not a line of the "
                        "budget \"%(budget)s\" that \"%(name)s\" adjusts.")
                        % {"line": budget_line._line_label(),
                           "budget": budget.name,
                           "name": line.adjustment_id.name})

    def _check_lines(self):
        """A transfer needs a different target line; a decrease or a
        transfer cannot take away more than the line has available."""
        for line in self:
            source = line.budget_line_id
            kind = line.adjustment_id.adjustment_type
            if kind == "transfer":
                if not line.target_line_id or line.target_line_id == source:
                    raise UserError(_(
                        "The transfer from the budget line \"%(line)s\" in "
                        "\"%(name)s\" needs another line to receive the "
                        "money.") % {"line": source._line_label(),
                                     "name": line.adjustment_id.name})
            elif line.target_line_id:
                raise UserError(_(
                    "Only a transfer has a receiving line; remove it from "
                    "the line \"%(line)s\" of \"%(name)s\".") % {
                        "line": source._line_label(),
                        "name": line.adjustment_id.name})
            # sudo: the available amount of the source line the proposer named, which
            #   they may not read; shown in the refusal so that they can correct it
            available = source.sudo().available_amount
            if kind in ("decrease", "transfer") and \
                    line.currency_id.compare_amounts(
                        line.amount, available) > 0:
                raise UserError(_(
                    "The budget line \"%(line)s\" has only %(available).2f "
                    "available: \"%(name)s\" cannot take %(amount).2f from "
                    "it.") % {"line": source._line_label(),
                              "available": available,
                              "name": line.adjustment_id.name,
                              "amount": line.amount})

    def _apply(self):
        for line in self:
            source = line.budget_line_id
            kind = line.adjustment_id.adjustment_type
            sign = 1 if kind == "increase" else -1
            source.planned_amount = line.currency_id.round(
                source.planned_amount + sign * line.amount)
            if kind == "transfer":
                target = line.target_line_id
                target.planned_amount = line.currency_id.round(
                    target.planned_amount + line.amount)
