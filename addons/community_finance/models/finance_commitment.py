# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_base.tools import roles


def _origin_selection(self):
    # sudo: lists model names for a selection; no record data
    return [(model.model, model.name)
            for model in self.env["ir.model"].sudo().search([])]


class FinanceCommitment(models.Model):
    """Budget committed (预算占用) before the bill exists.

    An approved spending request or service purchase reserves part of a
    budget line, so that two approvals cannot spend the same money. The
    commitment is consumed as the expenses are posted, or released when
    the spending does not happen. Created through ``commit_budget``, which
    applies the street's overrun policy.
    """

    _name = "finance.commitment"
    _inherit = ["mail.thread"]
    _description = "Budget commitment"
    _order = "date desc, id desc"

    name = fields.Char(required=True, track_visibility="onchange")
    date = fields.Date(
        required=True, index=True, default=fields.Date.context_today)
    budget_line_id = fields.Many2one(
        comodel_name="crossovered.budget.lines", string="Budget line",
        required=True, index=True, ondelete="restrict")
    budget_id = fields.Many2one(
        comodel_name="crossovered.budget", string="Budget",
        related="budget_line_id.crossovered_budget_id", store=True,
        index=True, readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        related="budget_line_id.community_id", store=True, index=True,
        readonly=True)
    fund_id = fields.Many2one(
        comodel_name="finance.fund", string="Fund",
        related="budget_line_id.fund_id", store=True, index=True,
        readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office",
        related="budget_line_id.company_id", store=True, index=True,
        readonly=True)
    currency_id = fields.Many2one(
        comodel_name="res.currency", related="company_id.currency_id",
        readonly=True)
    amount = fields.Monetary(required=True, track_visibility="onchange")
    consumed_amount = fields.Monetary(
        string="Consumed", readonly=True, copy=False,
        track_visibility="onchange")
    open_amount = fields.Monetary(
        string="Still committed", compute="_compute_open_amount",
        store=True)
    origin = fields.Reference(
        selection="_selection_origin", readonly=True,
        help="The document that committed the budget.")
    state = fields.Selection(
        selection=[
            ("committed", "Committed"),
            ("consumed", "Consumed"),
            ("released", "Released"),
        ],
        required=True, default="committed", index=True, readonly=True,
        copy=False, track_visibility="onchange")
    overrun = fields.Boolean(
        readonly=True, copy=False,
        help="Committed beyond the line's available amount: the street "
             "warns instead of blocking overruns.")

    @api.model
    def _selection_origin(self):
        return _origin_selection(self)

    @api.depends("amount", "consumed_amount", "state")
    def _compute_open_amount(self):
        for commitment in self:
            commitment.open_amount = (
                commitment.amount - commitment.consumed_amount
                if commitment.state == "committed" else 0.0)

    @api.constrains("amount")
    def _check_amount(self):
        for commitment in self:
            if commitment.currency_id.compare_amounts(
                    commitment.amount, 0.0) <= 0:
                raise ValidationError(_(
                    "The commitment \"%s\" must commit a positive "
                    "amount.") % commitment.name)

    @api.model
    def create(self, vals):
        self._check_finance_officer()
        # The record rules read the scope fields before Odoo 11 writes
        # stored related fields: copy them from the budget line.
        if vals.get("budget_line_id"):
            # sudo: finance officers only (checked above); copies the budget line's
            #   scope fields for the record rules
            line = self.env["crossovered.budget.lines"].sudo().browse(
                vals["budget_line_id"])
            vals.update({
                "budget_id": line.crossovered_budget_id.id,
                "community_id": line.community_id.id,
                "fund_id": line.fund_id.id,
                "company_id": line.company_id.id,
            })
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_finance_officer()
        return super().write(vals)

    @api.multi
    def unlink(self):
        for commitment in self:
            raise UserError(_(
                "The commitment \"%s\" is part of the budget's history: "
                "release it instead of deleting it.") % commitment.name)
        return super().unlink()

    def _check_finance_officer(self):
        if self.env.uid != 1 and not self.env.user.has_group(roles.FINANCE_OFFICER):
            raise UserError(_("Only a finance officer commits budget."))

    @api.model
    def commit_budget(self, line, amount, origin=None, name=None):
        """Commit ``amount`` (positive) of the approved budget line
        ``line`` for ``origin`` (any record). Raise UserError when the line
        is not approved, the amount is not positive, or the line would
        overrun and the street blocks overruns; under the ``warn`` policy
        the commitment is made, marked ``overrun`` and the warning posted
        on the budget."""
        self._check_finance_officer()
        line.ensure_one()
        label = name or (origin.display_name if origin else _("Commitment"))
        if line.currency_id.compare_amounts(amount, 0.0) <= 0:
            raise UserError(_(
                "The commitment \"%s\" must commit a positive amount.")
                % label)
        warning = line._check_available(
            amount, _("The commitment \"%s\"") % label)
        commitment = self.create({
            "name": label,
            "budget_line_id": line.id,
            "amount": amount,
            "origin": "%s,%s" % (origin._name, origin.id) if origin else False,
            "overrun": bool(warning),
        })
        if warning:
            # sudo: logs the overrun warning on the committed budget, which the
            #   committing user may not write
            line.crossovered_budget_id.sudo().message_post(body=warning)
        return commitment

    @api.multi
    def consume(self, amount):
        """Record that ``amount`` of the commitment has been spent (its
        expense is posted); fully spent commitments become consumed."""
        self._check_finance_officer()
        for commitment in self:
            currency = commitment.currency_id
            if commitment.state != "committed":
                raise UserError(_(
                    "The commitment \"%s\" is no longer open.")
                    % commitment.name)
            if currency.compare_amounts(amount, 0.0) <= 0:
                raise UserError(_(
                    "The amount consumed from the commitment \"%s\" must be "
                    "positive.") % commitment.name)
            if currency.compare_amounts(amount, commitment.open_amount) > 0:
                raise UserError(_(
                    "The commitment \"%(name)s\" has only %(open).2f left, "
                    "%(amount).2f cannot be consumed from it.") % {
                        "name": commitment.name,
                        "open": commitment.open_amount, "amount": amount})
            consumed = currency.round(commitment.consumed_amount + amount)
            vals = {"consumed_amount": consumed}
            if currency.compare_amounts(consumed, commitment.amount) == 0:
                vals["state"] = "consumed"
            commitment.write(vals)
        return True

    @api.multi
    def release(self):
        """Free what is left of the commitment: the spending will not
        happen (or happened for less)."""
        self._check_finance_officer()
        for commitment in self:
            if commitment.state != "committed":
                raise UserError(_(
                    "The commitment \"%s\" is no longer open.")
                    % commitment.name)
        self.write({"state": "released"})
        return True
