# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_base.tools import roles


class FinanceServiceMilestone(models.Model):
    """A stage of a service purchase: what the provider delivers, its
    acceptance (验收) and the payment it opens, as a vendor bill booked on
    the project's fund. Nothing more than the milestone's amount is ever
    billed for it."""

    _name = "finance.service.milestone"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Service project milestone"
    _order = "project_id, sequence, id"
    _scope_parent_field = "project_id"

    project_id = fields.Many2one(
        comodel_name="finance.service.project", string="Project",
        required=True, index=True, ondelete="cascade")
    community_id = fields.Many2one(
        related="project_id.community_id", store=True, readonly=True,
        index=True)
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, readonly=True,
        index=True)
    currency_id = fields.Many2one(
        related="project_id.currency_id", readonly=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Deliverable", required=True)
    amount = fields.Monetary(required=True, currency_field="currency_id")
    date_due = fields.Date(string="Due date")
    state = fields.Selection(
        selection=[("planned", "Planned"), ("accepted", "Accepted")],
        default="planned", required=True, readonly=True, copy=False)
    acceptance_date = fields.Date(readonly=True, copy=False)
    accepted_by_id = fields.Many2one(
        comodel_name="res.users", string="Accepted by", readonly=True,
        copy=False)
    acceptance_note = fields.Text(copy=False)
    invoice_ids = fields.One2many(
        comodel_name="account.invoice", inverse_name="service_milestone_id",
        string="Bills", readonly=True, copy=False)
    billed_amount = fields.Monetary(
        string="Billed", compute="_compute_amounts",
        currency_field="currency_id")
    paid_amount = fields.Monetary(
        string="Paid", compute="_compute_amounts",
        currency_field="currency_id")

    @api.depends("invoice_ids.state", "invoice_ids.amount_total",
                 "invoice_ids.residual")
    def _compute_amounts(self):
        for milestone in self:
            # sudo: bills are finance data; the milestone's readers see only its billed
            #   and paid totals
            bills = milestone.sudo().invoice_ids.filtered(
                lambda bill: bill.state != "cancel")
            milestone.billed_amount = sum(bills.mapped("amount_total"))
            milestone.paid_amount = sum(
                bill.amount_total - bill.residual for bill in bills
                if bill.state in ("open", "paid"))

    @api.constrains("amount")
    def _check_amount(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for milestone in self.sudo():
            if milestone.currency_id.compare_amounts(
                    milestone.amount, 0.0) <= 0:
                raise ValidationError(_(
                    "The amount of the milestone \"%(milestone)s\" of the "
                    "project \"%(project)s\" must be positive.") % {
                        "milestone": milestone.name,
                        "project": milestone.project_id.name})

    @api.multi
    def write(self, vals):
        if "amount" in vals and self.filtered(
                lambda milestone: milestone.project_id.state not in (
                    "draft", "submitted")):
            raise UserError(_(
                "The amounts of an approved project are its contract: they "
                "can no longer be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda milestone: milestone.project_id.state not in (
                "draft", "submitted")):
            raise UserError(_(
                "The milestones of an approved project are its contract: "
                "they can no longer be deleted."))
        return super().unlink()

    @api.multi
    def action_accept(self):
        """Record the acceptance of the deliverable: the payment opens."""
        for milestone in self:
            if milestone.project_id.state != "approved":
                raise UserError(_(
                    "The project \"%s\" is not approved: its milestones "
                    "cannot be accepted.") % milestone.project_id.name)
            if milestone.state != "planned":
                raise UserError(_(
                    "The milestone \"%s\" is accepted already.")
                    % milestone.name)
        self.write({
            "state": "accepted",
            "acceptance_date": fields.Date.context_today(self),
            "accepted_by_id": self.env.uid,
        })
        return True

    @api.multi
    def action_create_bill(self, amount=None):
        """Draft the vendor bill paying ``amount`` (default: what is left
        of the milestone) to the provider, on the fund's analytic account.
        A finance officer validates it."""
        self.ensure_one()
        if not self.env.user.has_group(roles.FINANCE_OFFICER):
            raise UserError(_("Only a finance officer bills a milestone."))
        project = self.project_id
        currency = self.currency_id
        if self.state != "accepted":
            raise UserError(_(
                "The milestone \"%(milestone)s\" of the project "
                "\"%(project)s\" is not accepted: it cannot be paid yet.")
                % {"milestone": self.name, "project": project.name})
        if amount is None:
            amount = self.amount - self.billed_amount
        self._check_payment(amount)
        company = project.company_id
        journal = self.env["account.journal"].search([
            ("company_id", "=", company.id), ("type", "=", "purchase"),
        ], limit=1)
        payable = project.partner_id.with_context(
            force_company=company.id).property_account_payable_id
        if not journal or not payable or payable.company_id != company:
            raise UserError(_(
                "The street %s has no purchase journal or payable account: "
                "set up its finance first.") % company.name)
        bill = self.env["account.invoice"].create({
            "type": "in_invoice",
            "partner_id": project.partner_id.id,
            "company_id": company.id,
            "journal_id": journal.id,
            "account_id": payable.id,
            "currency_id": currency.id,
            "reference": "%s / %s" % (project.name, self.name),
            "service_milestone_id": self.id,
            "invoice_line_ids": [(0, 0, {
                "name": "%s: %s" % (project.name, self.name),
                "account_id": project.expense_account_id.id,
                "account_analytic_id":
                    project.fund_id.analytic_account_id.id,
                "quantity": 1.0,
                "price_unit": amount,
            })],
        })
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.invoice",
            "res_id": bill.id,
            "view_mode": "form",
            "views": [(self.env.ref("account.invoice_supplier_form").id,
                       "form")],
        }

    def _check_payment(self, amount, billed=None):
        """Refuse a payment that is not positive or would take the bills
        of the milestone above its amount."""
        self.ensure_one()
        currency = self.currency_id
        billed = self.billed_amount if billed is None else billed
        if currency.compare_amounts(amount, 0.0) <= 0:
            raise UserError(_(
                "A payment of the milestone \"%(milestone)s\" of the project "
                "\"%(project)s\" must be positive.") % {
                    "milestone": self.name, "project": self.project_id.name})
        if currency.compare_amounts(billed + amount, self.amount) > 0:
            raise UserError(_(
                "A payment of %(amount).2f for the milestone "
                "\"%(milestone)s\" of the project \"%(project)s\" is above "
                "the milestone: %(billed).2f of %(total).2f is already "
                "billed.") % {
                    "amount": amount, "milestone": self.name,
                    "project": self.project_id.name, "billed": billed,
                    "total": self.amount})
