# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare


class FinanceTaxTask(models.Model):
    """A small-tax collection task (零星税收): the tax office asks the
    street to collect what a source owes; the community's clerk follows it
    up until it is collected or dropped."""

    _name = "finance.tax.task"
    _inherit = ["mail.thread", "community.scope.copy.mixin"]
    _description = "Tax collection task"
    _scope_parent_field = "source_id"
    _order = "date_deadline, id"

    name = fields.Char(required=True)
    source_id = fields.Many2one(
        comodel_name="finance.tax.source", string="Tax source",
        required=True, index=True, ondelete="restrict")
    community_id = fields.Many2one(
        related="source_id.community_id", store=True, readonly=True,
        index=True)
    company_id = fields.Many2one(
        related="source_id.company_id", string="Street office", store=True,
        readonly=True, index=True)
    currency_id = fields.Many2one(
        comodel_name="res.currency", required=True,
        default=lambda self: self.env.ref("base.CNY"))
    user_id = fields.Many2one(
        comodel_name="res.users", string="Responsible", index=True,
        default=lambda self: self.env.user)
    amount_due = fields.Monetary(
        string="Amount to collect", required=True,
        currency_field="currency_id")
    amount_collected = fields.Monetary(
        string="Collected", currency_field="currency_id",
        track_visibility="onchange")
    date_deadline = fields.Date(string="Deadline", index=True)
    state = fields.Selection(
        selection=[("todo", "To do"), ("in_progress", "In progress"),
                   ("done", "Collected"), ("cancelled", "Cancelled")],
        default="todo", required=True, index=True,
        track_visibility="onchange")
    note = fields.Text()

    @api.constrains("amount_due", "amount_collected")
    def _check_amounts(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for task in self.sudo():
            rounding = task.currency_id.rounding
            if float_compare(task.amount_due, 0.0,
                             precision_rounding=rounding) <= 0:
                raise ValidationError(_(
                    "The amount to collect of the task \"%s\" must be "
                    "positive.") % task.name)
            if float_compare(task.amount_collected, 0.0,
                             precision_rounding=rounding) < 0:
                raise ValidationError(_(
                    "The collected amount of the task \"%s\" cannot be "
                    "negative.") % task.name)

    @api.multi
    def action_start(self):
        for task in self:
            if task.state != "todo":
                raise UserError(_(
                    "Only a task to do can be started; \"%s\" is not.")
                    % task.name)
        self.write({"state": "in_progress"})
        return True

    @api.multi
    def action_done(self):
        for task in self:
            if task.state not in ("todo", "in_progress"):
                raise UserError(_(
                    "The task \"%s\" is closed already.") % task.name)
            if float_compare(
                    task.amount_collected, 0.0,
                    precision_rounding=task.currency_id.rounding) <= 0:
                raise UserError(_(
                    "Write the amount collected for the task \"%s\" before "
                    "closing it as collected.") % task.name)
        self.write({"state": "done"})
        return True

    @api.multi
    def action_cancel(self):
        for task in self:
            if task.state == "done":
                raise UserError(_(
                    "The task \"%s\" is collected: it cannot be cancelled.")
                    % task.name)
        self.write({"state": "cancelled"})
        return True
