# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.community_base.tools import street_time


class FinanceAllocation(models.Model):
    """What a community gets from a funding standard in a year (经费分配),
    as the allocation wizard computed it: the household count on the
    chosen date, the rate or band and the amount, with the budget line it
    planned and the transfer entry that paid it.

    One row per year, standard and community: running the wizard again
    updates the row (and its budget line) instead of adding another.
    """

    _name = "finance.allocation"
    _inherit = ["community.scoped.mixin"]
    _description = "Funding allocation"
    _order = "year desc, standard_id, community_id"

    year = fields.Integer(
        required=True, index=True, readonly=True, group_operator=False)
    standard_id = fields.Many2one(
        comodel_name="finance.fund.standard", string="Standard",
        required=True, index=True, ondelete="restrict", readonly=True)
    community_id = fields.Many2one(readonly=True)
    currency_id = fields.Many2one(
        comodel_name="res.currency", related="company_id.currency_id",
        readonly=True)
    count_date = fields.Date(
        string="Households counted on", required=True, readonly=True)
    household_count = fields.Integer(string="Households", readonly=True)
    resident_count = fields.Integer(
        string="Residents", readonly=True,
        help="Living residents counted on the same day: what a standard "
             "banded by residents goes by.")
    rate = fields.Monetary(
        string="Rate per household", readonly=True,
        help="Empty for a fixed amount by size.")
    amount = fields.Monetary(required=True, readonly=True)
    computation = fields.Char(readonly=True)
    budget_line_id = fields.Many2one(
        comodel_name="crossovered.budget.lines", string="Budget line",
        index=True, ondelete="set null", readonly=True)
    budget_id = fields.Many2one(
        comodel_name="crossovered.budget", string="Budget",
        related="budget_line_id.crossovered_budget_id", store=True,
        index=True, readonly=True)
    move_id = fields.Many2one(
        comodel_name="account.move", string="Transfer entry", index=True,
        ondelete="restrict", readonly=True, copy=False)
    state = fields.Selection(
        selection=[("draft", "Planned"), ("transferred", "Transferred")],
        required=True, default="draft", index=True, readonly=True,
        copy=False)

    _sql_constraints = [
        ("year_standard_community_uniq",
         "unique(year, standard_id, community_id)",
         "A community has one allocation per standard and year."),
    ]

    @api.multi
    def unlink(self):
        for allocation in self:
            if allocation.state == "transferred":
                raise UserError(_(
                    "The allocation of \"%(standard)s\" to \"%(community)s\" "
                    "for %(year)d has been transferred and is kept.") % {
                        "standard": allocation.standard_id.name,
                        "community": allocation.community_id.name,
                        "year": allocation.year})
        return super().unlink()

    def name_get(self):
        return [(allocation.id, "%d %s - %s" % (
            allocation.year, allocation.standard_id.name,
            allocation.community_id.name)) for allocation in self]

    @api.multi
    def _transfer(self, date=None):
        """Post the transfer entry of each planned allocation: the street
        moves the amount from its bank account to the account of
        allocated funds, on the community's analytic account. Dated the
        street's day within the budget's year, or ``date`` (the demo
        street, dated from another day, transfers on its own day)."""
        Move = self.env["account.move"]
        for allocation in self:
            street = allocation.company_id
            if allocation.state != "draft":
                continue
            if not street.finance_journal_id:
                raise UserError(_(
                    "The street \"%s\" has no transfer journal: run its "
                    "finance set-up first.") % street.name)
            budget = allocation.budget_id
            if not budget or budget.state != "validate":
                raise UserError(_(
                    "The allocation \"%s\" can be transferred only once its "
                    "budget is approved.") % allocation.display_name)
            label = allocation.display_name
            # the street's day, within the budget's year
            today = date or street_time.street_today(self.env, street)
            move = Move.create({
                "journal_id": street.finance_journal_id.id,
                "date": max(today, budget.date_from)
                if today <= budget.date_to else budget.date_to,
                "ref": label,
                "line_ids": [
                    (0, 0, {
                        "name": label,
                        "account_id": street.finance_funds_account_id.id,
                        "analytic_account_id":
                            allocation.community_id.analytic_account_id.id,
                        "debit": allocation.amount, "credit": 0.0}),
                    (0, 0, {
                        "name": label,
                        "account_id": street._finance_bank_account().id,
                        "debit": 0.0, "credit": allocation.amount}),
                ],
            })
            move.post()
            allocation.write({"move_id": move.id, "state": "transferred"})
        return True
