# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.community_base.tools import roles


class FinanceBudgetAdjustment(models.Model):
    """A budget adjustment (预算调整): an increase, a decrease or a transfer
    between lines of an approved budget, approved through tiers like the
    budget itself.

    The budget lines change only when the adjustment is approved, and the
    approved adjustment lines stay on the budget lines as their history,
    so the final accounts can show the approved budget, the adjustments
    and the adjusted budget side by side.
    """

    _name = "finance.budget.adjustment"
    _inherit = ["mail.thread", "community.tier.approval"]
    _description = "Budget adjustment"
    _order = "date desc, id desc"
    _mail_post_access = "read"

    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "rejected"
    _approval_group = roles.FINANCE_OFFICER
    # what the approvers approve; the lines' amounts are the lines' own
    _locked_fields = frozenset([
        "name", "date", "budget_id", "adjustment_type", "reason", "line_ids"])

    name = fields.Char(
        required=True, readonly=True, copy=False, default="/",
        states={"draft": [("readonly", False)]})
    date = fields.Date(
        required=True, default=fields.Date.context_today,
        readonly=True, states={"draft": [("readonly", False)]})
    budget_id = fields.Many2one(
        comodel_name="crossovered.budget", string="Budget", required=True,
        index=True, ondelete="restrict", readonly=True,
        states={"draft": [("readonly", False)]},
        domain=[("state", "=", "validate")])
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office",
        related="budget_id.company_id", store=True, index=True,
        readonly=True)
    currency_id = fields.Many2one(
        comodel_name="res.currency", related="company_id.currency_id",
        readonly=True)
    adjustment_type = fields.Selection(
        selection=[
            ("increase", "Increase"),
            ("decrease", "Decrease"),
            ("transfer", "Transfer between lines"),
        ],
        string="Type", required=True, default="increase", readonly=True,
        states={"draft": [("readonly", False)]})
    reason = fields.Text(
        required=True, readonly=True,
        states={"draft": [("readonly", False)]})
    line_ids = fields.One2many(
        comodel_name="finance.budget.adjustment.line",
        inverse_name="adjustment_id", string="Lines", copy=True,
        readonly=True, states={"draft": [("readonly", False)]})
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        required=True, default="draft", index=True, readonly=True,
        copy=False, track_visibility="onchange")
    approval_date = fields.Date(readonly=True, copy=False)

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for adjustment in self:
            adjustment.amount_total = sum(adjustment.line_ids.mapped("amount"))

    @api.model
    def create(self, vals):
        if vals.get("budget_id"):
            # scope field read by the record rules before Odoo 11 writes
            # stored related fields
            # sudo: copies the budget's company for the record rules, which then check
            #   the new record as usual
            vals["company_id"] = self.env["crossovered.budget"].sudo(
            ).browse(vals["budget_id"]).company_id.id
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code(
                "finance.budget.adjustment") or "/"
        return super().create(vals)

    @api.multi
    def action_submit(self):
        """Send the adjustment to its approvers."""
        self._submit_for_approval()
        return True

    @api.multi
    def action_approve(self):
        """Approve and apply: the budget lines' amounts change now, in one
        transaction, or not at all. Who approves is
        ``community.tier.approval._check_approval``'s; with no tier
        definition, only a finance officer."""
        self._check_approval()
        for adjustment in self:
            adjustment.line_ids._check_lines()
            # sudo: approval checked above (tiers or finance officer); applies the lines
            #   of this adjustment only
            adjustment.sudo().line_ids._apply()
        # sudo: approval checked above (tiers or finance officer); a reviewer may lack
        #   write access
        self.sudo().write({
            "state": "approved",
            "approval_date": fields.Date.context_today(self),
        })
        for adjustment in self:
            # sudo: logs the approval on the adjusted budget, which a reviewer may not
            #   write
            adjustment.budget_id.sudo().message_post(body=_(
                "Budget adjustment %(name)s approved: %(reason)s") % {
                    "name": adjustment.name, "reason": adjustment.reason})
        return True

    @api.multi
    def action_reject(self):
        """Refuse the adjustment: a finance officer or an approver of it
        does it (see ``community.tier.approval._reject``)."""
        self._reject()
        return True

    @api.multi
    def action_draft(self):
        """Let the proposers correct a rejected adjustment and submit it
        again (see ``community.tier.approval._reset_to_draft``)."""
        self._reset_to_draft()
        return True

    @api.multi
    def _check_submittable(self):
        """An adjustment changes an approved budget, with lines that fit."""
        result = super()._check_submittable()
        if self.budget_id.state != "validate":
            raise UserError(_(
                "The budget \"%(budget)s\" is not approved: the "
                "adjustment \"%(name)s\" cannot change it.") % {
                    "budget": self.budget_id.name, "name": self.name})
        if not self.line_ids:
            raise UserError(_(
                "The budget adjustment \"%s\" has no lines.") % self.name)
        self.line_ids._check_lines()
        return result
