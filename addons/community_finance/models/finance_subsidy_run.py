# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.community_base.tools import street_time

MONTHS = [
    ("1", "January"), ("2", "February"), ("3", "March"), ("4", "April"),
    ("5", "May"), ("6", "June"), ("7", "July"), ("8", "August"),
    ("9", "September"), ("10", "October"), ("11", "November"),
    ("12", "December"),
]


class FinanceSubsidyRun(models.Model):
    """The staff subsidies of one street for one month, in one entry.

    Posting the run writes a single journal entry: one payable line per
    holder (the bank pays those) and the expense per community. A month is
    paid once: a second run for the same street and month is refused, so a
    rerun cannot pay anybody twice.
    """

    _name = "finance.subsidy.run"
    _inherit = ["mail.thread"]
    _description = "Monthly staff subsidy run"
    _order = "year desc, date_start desc, id desc"

    @api.model
    def _default_journal(self):
        return self.env["finance.fund"]._default_journal(
            self.env.user.company_id)

    @api.model
    def _default_expense_account(self):
        # env.user is a superuser record already (Odoo 11): no sudo() needed
        return self.env.user.company_id.finance_expense_account_id

    @api.model
    def _default_payable_account(self):
        return self.env["account.account"].search([
            ("company_id", "=", self.env.user.company_id.id),
            ("internal_type", "=", "payable"),
        ], order="code", limit=1)

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", required=True,
        index=True, ondelete="restrict",
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        related="company_id.currency_id", store=True, readonly=True)
    # views show it with widget="year": Odoo 11 writes integers with a
    # thousands separator (2,026)
    year = fields.Integer(
        required=True, index=True, group_operator=False,
        default=lambda self: fields.Date.from_string(
            street_time.street_today(self.env)).year)
    month = fields.Selection(
        selection=MONTHS, required=True,
        default=lambda self: str(fields.Date.from_string(
            street_time.street_today(self.env)).month))
    date_start = fields.Date(
        string="Start date", compute="_compute_dates", store=True,
        index=True)
    date_end = fields.Date(
        string="End date", compute="_compute_dates", store=True)
    journal_id = fields.Many2one(
        comodel_name="account.journal", string="Journal", required=True,
        ondelete="restrict", domain="[('company_id', '=', company_id)]",
        default=lambda self: self._default_journal())
    expense_account_id = fields.Many2one(
        comodel_name="account.account", string="Expense account",
        required=True, ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
        default=lambda self: self._default_expense_account())
    payable_account_id = fields.Many2one(
        comodel_name="account.account", string="Payable account",
        required=True, ondelete="restrict",
        domain="[('company_id', '=', company_id), "
               "('internal_type', '=', 'payable')]",
        default=lambda self: self._default_payable_account())
    fund_id = fields.Many2one(
        comodel_name="finance.fund", string="Paid from fund", index=True,
        ondelete="restrict", domain="[('company_id', '=', company_id)]",
        help="The expense lines then carry the fund's analytic account.")
    holder_ids = fields.Many2many(
        comodel_name="finance.subsidy.holder", string="Holders paid",
        compute="_compute_holder_ids")
    move_id = fields.Many2one(
        comodel_name="account.move", string="Journal entry", readonly=True,
        copy=False, ondelete="restrict")
    amount_total = fields.Monetary(
        string="Total", currency_field="currency_id", readonly=True,
        copy=False)
    state = fields.Selection(
        selection=[("draft", "Draft"), ("posted", "Posted")],
        default="draft", required=True, readonly=True, copy=False,
        index=True, track_visibility="onchange")

    _sql_constraints = [
        ("month_unique", "unique(company_id, year, month)",
         "The subsidies of this month are already run for this street: a "
         "month is paid once."),
    ]

    @api.depends("year", "month")
    def _compute_name(self):
        for run in self:
            run.name = _("Subsidies %(year)s-%(month)02d") % {
                "year": run.year, "month": int(run.month or 0)}

    @api.depends("year", "month")
    def _compute_dates(self):
        for run in self:
            if not (run.month and 2000 <= run.year <= 2100):
                continue
            year, month = run.year, int(run.month)
            run.date_start = fields.Date.to_string(date(year, month, 1))
            run.date_end = fields.Date.to_string(date(
                year, month, calendar.monthrange(year, month)[1]))

    @api.depends("date_start", "date_end", "company_id")
    def _compute_holder_ids(self):
        for run in self:
            run.holder_ids = run._holders()

    @api.constrains("year")
    def _check_year(self):
        for run in self:
            if not 2000 <= run.year <= 2100:
                raise ValidationError(_(
                    "The year %s of a subsidy run is not plausible.")
                    % run.year)

    @api.multi
    def unlink(self):
        if self.filtered(lambda run: run.state == "posted"):
            raise UserError(_(
                "A posted subsidy run is kept: reverse its journal entry "
                "instead."))
        return super().unlink()

    def _holders(self):
        """Holders of the street whose term covers part of the month."""
        self.ensure_one()
        if not (self.date_start and self.company_id):
            return self.env["finance.subsidy.holder"]
        return self.env["finance.subsidy.holder"].search([
            ("company_id", "=", self.company_id.id),
            ("date_start", "<=", self.date_end),
            "|", ("date_end", "=", False),
            ("date_end", ">=", self.date_start),
        ], order="community_id, post_code, id")

    @api.multi
    def action_post(self):
        """Write and post the month's entry (finance officers only)."""
        for run in self:
            if run.state != "draft":
                raise UserError(_(
                    "The subsidy run %s is already posted.") % run.name)
            move = self.env["account.move"].create(run._move_vals())
            move.post()
            run.write({
                "move_id": move.id,
                "amount_total": sum(move.line_ids.mapped("credit")),
                "state": "posted",
            })
        return True

    def _move_vals(self):
        """One payable line per holder; the expense per community."""
        self.ensure_one()
        holders = self._holders()
        if not holders:
            raise UserError(_(
                "Nobody holds a staff subsidy in %(street)s in %(month)s: "
                "there is nothing to pay.") % {
                    "street": self.company_id.name, "month": self.name})
        Standard = self.env["finance.subsidy.standard"]
        currency = self.currency_id
        lines = []
        per_community = {}
        for holder in holders:
            standard = Standard._find(
                holder.post_code, self.company_id, self.date_start)
            if not standard:
                raise UserError(_(
                    "No subsidy standard for the post \"%(post)s\" of "
                    "%(holder)s is in force on %(date)s.") % {
                        "post": holder.standard_id.name,
                        "holder": holder.partner_id.name,
                        "date": self.date_start})
            amount = standard.currency_id.compute(standard.amount, currency)
            if float_compare(amount, 0.0,
                             precision_rounding=currency.rounding) <= 0:
                continue
            lines.append((0, 0, {
                "name": "%s %s %s" % (
                    self.name, standard.name, holder.partner_id.name),
                "partner_id": holder.partner_id.id,
                "account_id": self.payable_account_id.id,
                "community_id": holder.community_id.id,
                "credit": amount,
                "debit": 0.0,
            }))
            per_community[holder.community_id] = per_community.get(
                holder.community_id, 0.0) + amount
        for community, amount in sorted(
                per_community.items(), key=lambda item: item[0].code or ""):
            lines.append((0, 0, {
                "name": "%s %s" % (self.name, community.name),
                "account_id": self.expense_account_id.id,
                "analytic_account_id":
                    self.fund_id.analytic_account_id.id or False,
                "community_id": community.id,
                "debit": currency.round(amount),
                "credit": 0.0,
            }))
        return {
            "journal_id": self.journal_id.id,
            "company_id": self.company_id.id,
            "date": self.date_end,
            "ref": self.name,
            "line_ids": lines,
        }

    @api.multi
    def _payable_lines(self):
        """The bank list: one line per person paid."""
        self.ensure_one()
        return self.move_id.line_ids.filtered(
            lambda line: line.account_id == self.payable_account_id
            and line.partner_id).sorted(
                lambda line: (line.community_id.code or "", line.id))
