# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_is_zero, formatLang, html_escape

from odoo.addons.community_base.tools import roles


class CrossoveredBudget(models.Model):
    """The street's annual budget (预算), approved through tiers.

    Odoo's states are the budget's phases: ``draft`` is the proposal
    (clerks may prepare it), ``confirm`` means submitted to the approvers
    configured as tier definitions, ``validate`` approved, ``done``
    executed (closed at year end) and ``cancel`` rejected. Approving
    freezes each line's approved amount, so that later adjustments and
    the final accounts show what changed.
    """

    _name = "crossovered.budget"
    _inherit = ["crossovered.budget", "community.tier.approval",
                "community.publication.mixin"]
    # Reviewers may lack write access on budgets; reading is enough to
    # leave the review trail in the chatter.
    _mail_post_access = "read"

    _state_from = ["confirm"]
    _state_to = ["validate"]
    _approve_method = "action_budget_validate"
    _approval_group = roles.FINANCE_OFFICER
    _cancel_state = "cancel"
    # rejected while submitted, cancelled before or once approved, never
    # once executed
    _reject_states = ["draft", "confirm", "validate", "cancel"]
    # clerks propose: they change drafts only
    _edit_group = roles.FINANCE_OFFICER
    _deletable_states = ("draft", "cancel")

    year = fields.Integer(
        compute="_compute_year", store=True, index=True, group_operator=False,
        help="Fiscal year of the budget, from its start date.")
    currency_id = fields.Many2one(
        comodel_name="res.currency", related="company_id.currency_id",
        readonly=True)
    phase = fields.Selection(
        selection=[
            ("proposed", "Proposed"),
            ("approved", "Approved"),
            ("adjusted", "Adjusted"),
            ("executed", "Executed"),
            ("cancelled", "Cancelled"),
        ],
        compute="_compute_phase",
        help="Proposed until approved; adjusted once an approved budget "
             "adjustment changed it; executed when closed at year end.")
    adjustment_ids = fields.One2many(
        comodel_name="finance.budget.adjustment",
        inverse_name="budget_id", string="Adjustments", readonly=True)
    approval_date = fields.Date(readonly=True, copy=False)
    total_planned = fields.Monetary(
        string="Budget", compute="_compute_totals")
    total_approved = fields.Monetary(
        string="Approved budget", compute="_compute_totals")
    total_committed = fields.Monetary(
        string="Committed", compute="_compute_totals")
    total_actual = fields.Monetary(
        string="Actual", compute="_compute_totals")
    total_available = fields.Monetary(
        string="Available", compute="_compute_totals")
    total_variance = fields.Monetary(
        string="Variance", compute="_compute_totals")
    execution_rate = fields.Float(
        string="Execution rate (%)", compute="_compute_totals",
        digits=(16, 2))
    execution_summary = fields.Html(
        string="Execution by community and fund",
        compute="_compute_execution_summary", sanitize=False)

    @api.depends("date_from")
    def _compute_year(self):
        for budget in self:
            budget.year = fields.Date.from_string(
                budget.date_from).year if budget.date_from else 0

    @api.depends("state", "adjustment_ids.state")
    def _compute_phase(self):
        for budget in self:
            if budget.state == "done":
                budget.phase = "executed"
            elif budget.state == "cancel":
                budget.phase = "cancelled"
            elif budget.state == "validate":
                budget.phase = "adjusted" if budget.adjustment_ids.filtered(
                    lambda adj: adj.state == "approved") else "approved"
            else:
                budget.phase = "proposed"

    @api.depends("crossovered_budget_line.planned_amount")
    def _compute_totals(self):
        for budget in self:
            lines = budget.crossovered_budget_line
            budget.total_planned = sum(lines.mapped("planned_amount"))
            budget.total_approved = sum(lines.mapped("approved_amount"))
            budget.total_committed = sum(lines.mapped("committed_amount"))
            budget.total_actual = sum(lines.mapped("actual_amount"))
            budget.total_available = sum(lines.mapped("available_amount"))
            budget.total_variance = sum(lines.mapped("variance_amount"))
            budget.execution_rate = _rate(
                budget.total_actual, budget.total_planned,
                budget.currency_id)

    def _compute_execution_summary(self):
        """Budget, actual, variance and execution rate per community and
        per fund, as tables on the budget form (the line figures are
        computed, so the list's group-by rows cannot sum them)."""
        for budget in self:
            parts = []
            for field_name, title in (
                    ("community_id", _("Community")), ("fund_id", _("Fund"))):
                rows = "".join(
                    "<tr><td>%s</td><td class='text-right'>%s</td>"
                    "<td class='text-right'>%s</td>"
                    "<td class='text-right'>%s</td>"
                    "<td class='text-right'>%.2f%%</td></tr>" % (
                        html_escape(group["name"]),
                        formatLang(self.env, group["planned"],
                                   currency_obj=budget.currency_id),
                        formatLang(self.env, group["actual"],
                                   currency_obj=budget.currency_id),
                        formatLang(self.env, group["variance"],
                                   currency_obj=budget.currency_id),
                        group["rate"])
                    for group in budget._final_accounts_groups(field_name))
                parts.append(
                    "<table class='table table-condensed'><thead><tr>"
                    "<th>%s</th><th class='text-right'>%s</th>"
                    "<th class='text-right'>%s</th>"
                    "<th class='text-right'>%s</th>"
                    "<th class='text-right'>%s</th></tr></thead>"
                    "<tbody>%s</tbody></table>" % (
                        title, _("Budget"), _("Actual"), _("Variance"),
                        _("Execution rate"), rows))
            budget.execution_summary = "".join(parts)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for budget in self:
            if budget.date_to < budget.date_from:
                raise ValidationError(_(
                    "The budget \"%s\" ends before it starts.") % budget.name)

    @api.multi
    def action_budget_confirm(self):
        """Submit the proposal to its approvers (the reviews of every tier
        definition that applies are created at once). Odoo's method writes
        the state, so only the checks come from the approval mixin."""
        self._check_submission()
        result = super().action_budget_confirm()
        self.request_validation()
        return result

    @api.multi
    def action_budget_validate(self):
        """Approve once every tier has validated the budget (see
        ``community.tier.approval._check_approval``) and freeze each line's
        approved amount; with no tier definition, only a finance officer
        approves."""
        self._check_approval()
        # sudo: approval checked above (tiers or finance officer); lines are approved
        #   for this budget only
        for line in self.sudo().mapped("crossovered_budget_line"):
            line.approved_amount = line.planned_amount
        # sudo: approval checked above (tiers or finance officer); a reviewer may lack
        #   write access
        self.sudo().write({
            "state": "validate",
            "approval_date": fields.Date.context_today(self),
        })
        return True

    @api.multi
    def action_budget_cancel(self):
        """Reject a submitted budget or cancel an approved one: a finance
        officer or an approver of the budget does it (see
        ``community.tier.approval._reject``)."""
        self._reject()
        return True

    @api.multi
    def action_budget_draft(self):
        """Let the proposers correct a rejected budget and submit it
        again (see ``community.tier.approval._reset_to_draft``)."""
        self._reset_to_draft()
        return True

    @api.multi
    def action_budget_done(self):
        """Close an approved budget at year end: its figures become the
        final accounts."""
        if not self.env.user.has_group(roles.FINANCE_OFFICER):
            raise UserError(_("Only a finance officer can close a budget."))
        for budget in self:
            if budget.state != "validate":
                raise UserError(_(
                    "Only approved budgets can be closed; \"%s\" is not "
                    "approved.") % budget.name)
        return super().action_budget_done()

    @api.multi
    def _check_submittable(self):
        """A budget is submitted with what it plans to spend."""
        result = super()._check_submittable()
        if not self.crossovered_budget_line:
            raise UserError(_(
                "The budget \"%s\" has no lines: add what it plans to "
                "spend before submitting it.") % self.name)
        return result

    def _final_accounts_groups(self, field_name):
        """Budget, actual, variance and execution rate per community
        (``field_name`` "community_id") or per fund ("fund_id"), for the
        final accounts."""
        self.ensure_one()
        groups = {}
        for line in self.crossovered_budget_line:
            planned, actual = groups.get(line[field_name], (0.0, 0.0))
            groups[line[field_name]] = (planned + line.planned_amount,
                                        actual + line.actual_amount)
        empty = _("No community") if field_name == "community_id" \
            else _("No fund")
        return [{
            "name": key.name or empty,
            "planned": planned, "actual": actual,
            "variance": planned - actual,
            "rate": _rate(actual, planned, self.currency_id),
        } for key, (planned, actual) in sorted(
            groups.items(), key=lambda item: (not item[0], item[0].name or ""))]

    @api.multi
    def _publication_row(self):
        """A budget is published as its execution summary: what was
        spent of what was approved, and the rate."""
        kind, title, community = super()._publication_row()
        title = _("%(budget)s: %(actual).2f spent of %(approved).2f "
                  "approved (%(rate).1f%%)") % {
                      "budget": self.name, "actual": self.total_actual,
                      "approved": self.total_approved or self.total_planned,
                      "rate": self.execution_rate}
        return kind, title, community


def _rate(actual, planned, currency):
    """Execution rate in percent; no rate for a zero budget."""
    if float_is_zero(planned, precision_rounding=currency.rounding or 0.01):
        return 0.0
    return actual / planned * 100.0
