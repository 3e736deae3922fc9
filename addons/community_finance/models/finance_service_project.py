# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_base.tools import roles


class FinanceServiceProject(models.Model):
    """Government purchase of services (政府购买服务) from a social
    organisation, as a project paid from a dedicated fund.

    Clerks propose a project; a finance officer approves it, which commits
    the contract amount on its budget line (预算占用) when one is given;
    the milestones are accepted and paid one by one through vendor bills
    on the fund's analytic account, and the project closes with its
    evaluation.
    """

    _name = "finance.service.project"
    _inherit = ["mail.thread"]
    _description = "Service purchase project"
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, track_visibility="onchange")
    project_type = fields.Selection(
        selection=[
            ("purchase", "Project purchase"),
            ("award", "Project award"),
            ("subsidy", "Project subsidy"),
            ("venture", "Venture philanthropy"),
        ],
        string="Type", required=True, default="purchase", index=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Provider", required=True,
        index=True, ondelete="restrict",
        domain="[('organisation_type', '=', 'social_org')]",
        help="The social organisation delivering the service.")
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", required=True,
        index=True, ondelete="restrict",
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        related="company_id.currency_id", store=True, readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        index=True, ondelete="restrict",
        help="Leave empty for a project of the whole street.")
    contract_amount = fields.Monetary(
        required=True, currency_field="currency_id",
        track_visibility="onchange")
    fund_id = fields.Many2one(
        comodel_name="finance.fund", string="Fund", required=True,
        index=True, ondelete="restrict",
        domain="[('company_id', '=', company_id)]")
    expense_account_id = fields.Many2one(
        comodel_name="account.account", string="Expense account",
        required=True, ondelete="restrict",
        help="Account of the vendor bills: one of the fund's allowed "
             "expense accounts.")
    budget_line_id = fields.Many2one(
        comodel_name="crossovered.budget.lines", string="Budget line",
        index=True, ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
        help="The line whose budget the project commits when approved.")
    commitment_id = fields.Many2one(
        comodel_name="finance.commitment", string="Commitment",
        readonly=True, copy=False, ondelete="restrict")
    date_start = fields.Date(
        string="Start date", required=True, index=True,
        default=fields.Date.context_today)
    date_end = fields.Date(string="End date")
    description = fields.Text(string="Service content")
    selfgov_decision_id = fields.Many2one(
        comodel_name="community.selfgov.decision",
        string="Residents' decision",
        index=True,
        ondelete="set null",
        copy=False,
        help="The residents' deliberation decision the project carries "
        "out.")
    milestone_ids = fields.One2many(
        comodel_name="finance.service.milestone", inverse_name="project_id",
        string="Milestones", copy=True)
    billed_amount = fields.Monetary(
        string="Billed", compute="_compute_amounts",
        currency_field="currency_id")
    paid_amount = fields.Monetary(
        string="Paid", compute="_compute_amounts",
        currency_field="currency_id")
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("done", "Evaluated"),
            ("cancelled", "Cancelled"),
        ],
        default="draft", required=True, readonly=True, copy=False,
        index=True, track_visibility="onchange")
    evaluation = fields.Selection(
        selection=[
            ("excellent", "Excellent"),
            ("good", "Good"),
            ("pass", "Pass"),
            ("fail", "Fail"),
        ],
        string="End evaluation", copy=False, track_visibility="onchange")
    evaluation_note = fields.Text(copy=False)

    @api.depends("milestone_ids.billed_amount", "milestone_ids.paid_amount")
    def _compute_amounts(self):
        for project in self:
            project.billed_amount = sum(
                project.milestone_ids.mapped("billed_amount"))
            project.paid_amount = sum(
                project.milestone_ids.mapped("paid_amount"))

    @api.constrains("contract_amount", "milestone_ids")
    def _check_amounts(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for project in self.sudo():
            currency = project.currency_id
            if currency.compare_amounts(project.contract_amount, 0.0) <= 0:
                raise ValidationError(_(
                    "The contract amount of the project \"%s\" must be "
                    "positive.") % project.name)
            planned = sum(project.milestone_ids.mapped("amount"))
            if currency.compare_amounts(
                    planned, project.contract_amount) > 0:
                raise ValidationError(_(
                    "The milestones of the project \"%(project)s\" add up "
                    "to %(planned).2f, more than its contract amount "
                    "%(contract).2f.") % {
                        "project": project.name, "planned": planned,
                        "contract": project.contract_amount})

    @api.constrains("partner_id")
    def _check_partner(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for project in self.sudo():
            if project.partner_id.organisation_type != "social_org":
                raise ValidationError(_(
                    "The provider %(partner)s of the project \"%(project)s\" "
                    "is not a social organisation.") % {
                        "partner": project.partner_id.name,
                        "project": project.name})

    @api.constrains("fund_id", "expense_account_id", "company_id")
    def _check_fund(self):
        # sudo: the constraint reads the record being written and its fund's settings;
        #   it only raises
        for project in self.sudo():
            if project.fund_id.company_id != project.company_id:
                raise ValidationError(_(
                    "The fund of the project \"%s\" belongs to another "
                    "street.") % project.name)
            if project.expense_account_id not in \
                    project.fund_id.allowed_account_ids:
                raise ValidationError(_(
                    "The project \"%(project)s\" cannot book its bills on "
                    "%(account)s: the fund \"%(fund)s\" does not allow that "
                    "account.") % {
                        "project": project.name,
                        "account": project.expense_account_id.display_name,
                        "fund": project.fund_id.name})

    @api.onchange("fund_id")
    def _onchange_fund_id(self):
        allowed = self.fund_id.allowed_account_ids
        if self.expense_account_id not in allowed:
            self.expense_account_id = allowed[:1]
        return {"domain": {"expense_account_id": [("id", "in", allowed.ids)]}}

    @api.multi
    def unlink(self):
        for project in self:
            if project.state not in ("draft", "cancelled"):
                raise UserError(_(
                    "Only draft or cancelled projects can be deleted; "
                    "\"%s\" is kept for the record.") % project.name)
        return super().unlink()

    def _check_finance_officer(self):
        if not self.env.user.has_group(roles.FINANCE_OFFICER):
            raise UserError(_(
                "Only a finance officer can approve, close or cancel a "
                "service purchase project."))

    @api.multi
    def action_submit(self):
        """A clerk proposes the project with its payment plan: the
        milestones must add up to the contract."""
        for project in self:
            if project.state != "draft":
                raise UserError(_(
                    "Only draft projects can be submitted; \"%s\" is not a "
                    "draft.") % project.name)
            planned = sum(project.milestone_ids.mapped("amount"))
            if project.currency_id.compare_amounts(
                    planned, project.contract_amount) != 0:
                raise UserError(_(
                    "The milestones of the project \"%(project)s\" add up "
                    "to %(planned).2f; they must share the whole contract "
                    "amount %(contract).2f before submitting.") % {
                        "project": project.name, "planned": planned,
                        "contract": project.contract_amount})
        self.write({"state": "submitted"})
        return True

    @api.multi
    def action_approve(self):
        """Approve and commit the contract amount on the budget line."""
        self._check_finance_officer()
        for project in self:
            if project.state != "submitted":
                raise UserError(_(
                    "Only submitted projects can be approved; \"%s\" is not "
                    "submitted.") % project.name)
            vals = {"state": "approved"}
            if project.budget_line_id:
                vals["commitment_id"] = self.env[
                    "finance.commitment"].commit_budget(
                        project.budget_line_id, project.contract_amount,
                        origin=project).id
            project.write(vals)
        return True

    @api.multi
    def action_done(self):
        """Close with the end evaluation; what the bills did not use of
        the commitment is released."""
        self._check_finance_officer()
        for project in self:
            if project.state != "approved":
                raise UserError(_(
                    "Only approved projects can be closed; \"%s\" is not "
                    "approved.") % project.name)
            if not project.evaluation:
                raise UserError(_(
                    "Write the end evaluation of the project \"%s\" before "
                    "closing it.") % project.name)
            unaccepted = project.milestone_ids.filtered(
                lambda milestone: milestone.state == "planned")
            if unaccepted and project.evaluation != "fail":
                raise UserError(_(
                    "The milestone \"%(milestone)s\" of the project "
                    "\"%(project)s\" is not accepted yet.") % {
                        "milestone": unaccepted[0].name,
                        "project": project.name})
            project._release_commitment()
        self.write({"state": "done"})
        return True

    @api.multi
    def action_cancel(self):
        self._check_finance_officer()
        for project in self:
            if project.state in ("done", "cancelled"):
                raise UserError(_(
                    "The project \"%s\" is closed already.") % project.name)
            if project.currency_id.compare_amounts(
                    project.billed_amount, 0.0) > 0:
                raise UserError(_(
                    "The project \"%s\" has bills: cancel them before the "
                    "project.") % project.name)
            project._release_commitment()
        self.write({"state": "cancelled"})
        return True

    @api.multi
    def action_draft(self):
        for project in self:
            if project.state not in ("submitted", "cancelled") or \
                    project.commitment_id.state == "committed":
                raise UserError(_(
                    "Only submitted or cancelled projects go back to draft; "
                    "\"%s\" is neither.") % project.name)
        self.write({"state": "draft", "commitment_id": False})
        return True

    def _release_commitment(self):
        if self.commitment_id.state == "committed":
            self.commitment_id.release()
