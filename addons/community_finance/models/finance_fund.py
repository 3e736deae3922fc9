# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

TRANSFER_CATEGORY = "community_finance.finance_expense_category_community_transfer"


class FinanceFund(models.Model):
    """A dedicated fund (专款): money received for one purpose and spent
    only on it (专款专用).

    The fund keeps no ledger of its own: its analytic account, created with
    it, carries every movement, so the balance is what the posted journal
    entries say. Money in is credited with the fund's analytic account,
    spending is debited with it; an entry spending the fund on an account
    outside its expense categories is refused when posted.
    """

    _name = "finance.fund"
    _inherit = ["mail.thread"]
    _description = "Dedicated fund"
    _order = "company_id, code, id"

    name = fields.Char(required=True, track_visibility="onchange")
    code = fields.Char(required=True, index=True, copy=False)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", required=True,
        index=True, ondelete="restrict",
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        related="company_id.currency_id", store=True, readonly=True)
    purpose = fields.Text(
        required=True, help="What the fund may be spent on, as decided by "
                            "whoever granted it.")
    source = fields.Selection(
        selection=[
            ("treasury", "District treasury"),
            ("department", "Department transfer"),
            ("donation", "Donation"),
            ("other", "Other"),
        ],
        required=True, default="treasury", index=True,
        track_visibility="onchange")
    admission_request_id = fields.Many2one(
        comodel_name="community.admission.request",
        string="Admission request", index=True, ondelete="restrict",
        readonly=True, copy=False,
        help="The approved admission request whose funding (费随事转) "
             "created this fund.")
    analytic_account_id = fields.Many2one(
        comodel_name="account.analytic.account", string="Analytic account",
        index=True, ondelete="restrict", readonly=True, copy=False,
        help="Created with the fund: every entry of the fund carries it.")
    expense_category_ids = fields.Many2many(
        comodel_name="finance.expense.category",
        relation="finance_fund_expense_category_rel",
        column1="fund_id", column2="category_id",
        string="Allowed expense categories",
        track_visibility="onchange")
    allowed_account_ids = fields.Many2many(
        comodel_name="account.account",
        compute="_compute_allowed_account_ids",
        string="Allowed expense accounts")
    journal_id = fields.Many2one(
        comodel_name="account.journal", string="Journal",
        index=True, ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
        help="Journal of the entries the fund creates itself (the transfers "
             "of an admission request's funding).")
    income_account_id = fields.Many2one(
        comodel_name="account.account", string="Funding account",
        ondelete="restrict", domain="[('company_id', '=', company_id)]",
        help="Account credited when money comes into the fund.")
    transfer_move_id = fields.Many2one(
        comodel_name="account.move", string="Transfer entry",
        readonly=True, copy=False, ondelete="set null",
        help="The entry passing the admission request's funding on to its "
             "communities.")
    balance = fields.Monetary(
        compute="_compute_amounts", currency_field="currency_id",
        help="Received minus spent, from the posted entries on the fund's "
             "analytic account.")
    received_amount = fields.Monetary(
        string="Received", compute="_compute_amounts",
        currency_field="currency_id")
    spent_amount = fields.Monetary(
        string="Spent", compute="_compute_amounts",
        currency_field="currency_id")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_company_unique", "unique(code, company_id)",
         "The code of a fund must be unique in its street."),
    ]

    @api.depends("expense_category_ids.account_ids")
    def _compute_allowed_account_ids(self):
        for fund in self:
            fund.allowed_account_ids = fund.expense_category_ids.mapped(
                "account_ids").filtered(
                    lambda account: account.company_id == fund.company_id)

    def _compute_amounts(self):
        """Analytic lines carry income as positive and spending as negative
        amounts; the fund shows both as positive figures."""
        groups = {}
        analytic_ids = self.mapped("analytic_account_id").ids
        if analytic_ids:
            # sql: sums the analytic lines of the funds in self, which the user reads;
            #   one grouped query instead of one per fund
            self.env.cr.execute("""
                SELECT account_id,
                       COALESCE(SUM(CASE WHEN amount > 0 THEN amount END), 0),
                       COALESCE(SUM(CASE WHEN amount < 0 THEN -amount END), 0)
                  FROM account_analytic_line
                 WHERE account_id IN %s
              GROUP BY account_id
            """, (tuple(analytic_ids),))
            groups = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for fund in self:
            received, spent = groups.get(
                fund.analytic_account_id.id, (0.0, 0.0))
            fund.received_amount = received
            fund.spent_amount = spent
            fund.balance = received - spent

    @api.constrains("company_id", "analytic_account_id")
    def _check_analytic_company(self):
        for fund in self:
            analytic = fund.analytic_account_id
            if analytic.company_id and analytic.company_id != fund.company_id:
                raise ValidationError(_(
                    "The analytic account of the fund \"%s\" belongs to "
                    "another street.") % fund.name)

    @api.model
    def create(self, vals):
        company = self.env["res.company"].browse(
            vals.get("company_id") or self.env.user.company_id.id)
        if not vals.get("analytic_account_id"):
            # sudo: each fund gets its own analytic account named after it; finance
            #   users may not write analytic accounts
            vals["analytic_account_id"] = self.env[
                "account.analytic.account"].sudo().create({
                    "name": vals.get("name"),
                    "code": vals.get("code"),
                    "company_id": company.id,
                }).id
        vals.setdefault("journal_id", self._default_journal(company).id)
        vals.setdefault(
            "income_account_id", self._default_income_account(company).id)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if "name" in vals or "code" in vals:
            for fund in self:
                # sudo: keeps the fund's own analytic account named after the fund the
                #   user just changed
                fund.analytic_account_id.sudo().write({
                    "name": fund.name, "code": fund.code})
        return result

    @api.multi
    def unlink(self):
        """A fund with entries is history (audit): archive it instead. An
        unused fund takes its analytic account with it."""
        analytics = self.mapped("analytic_account_id")
        # sudo: only tests whether the fund's analytic account has lines, to refuse
        #   deleting history
        used = self.env["account.analytic.line"].sudo().search(
            [("account_id", "in", analytics.ids)], limit=1)
        if used or self.filtered("transfer_move_id"):
            fund = self.filtered(
                lambda fund: fund.analytic_account_id == used.account_id
                or fund.transfer_move_id)[:1]
            raise UserError(_(
                "The fund \"%s\" has journal entries: archive it instead of "
                "deleting it.") % fund.name)
        result = super().unlink()
        # sudo: removes the unused analytic accounts of the funds the user just deleted
        analytics.sudo().unlink()
        return result

    @api.model
    def _default_journal(self, company):
        """The street's finance journal when the street is set up, else its
        first general journal."""
        # sudo: the default journal of the fund's street, set up by the street's
        #   administrator
        Journal = self.env["account.journal"].sudo()
        # sudo: the finance journal of the fund's street, configuration set by its
        #   administrator
        return company.sudo().finance_journal_id or Journal.search([
            ("company_id", "=", company.id), ("type", "=", "general"),
        ], limit=1)

    @api.model
    def _default_income_account(self, company):
        """Other income first: a grant is not the street's revenue."""
        # sudo: the default income account of the fund's street; a reference, not data
        #   shown
        Account = self.env["account.account"].sudo()
        for xmlid in ("account.data_account_type_other_income",
                      "account.data_account_type_revenue"):
            account = Account.search([
                ("company_id", "=", company.id),
                ("user_type_id", "=", self.env.ref(xmlid).id),
            ], order="code", limit=1)
            if account:
                return account
        return Account

    @api.multi
    def action_view_move_lines(self):
        """The journal items of the fund: its whole history."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Entries of %s") % self.display_name,
            "res_model": "account.move.line",
            "view_mode": "tree,form",
            "domain": [("analytic_account_id", "=",
                        self.analytic_account_id.id)],
        }

    @api.multi
    def action_record_receipt(self):
        """Open a journal entry for money coming into the fund, its
        funding line already on the fund's analytic account: the officer
        types the amount and the bank account."""
        self.ensure_one()
        if not (self.journal_id and self.income_account_id):
            raise UserError(_(
                "Choose the journal and the funding account of the fund "
                "\"%s\" first.") % self.name)
        label = _("Receipt of %s") % self.name
        return {
            "type": "ir.actions.act_window",
            "name": label,
            "res_model": "account.move",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_journal_id": self.journal_id.id,
                "default_ref": label,
                "default_line_ids": [(0, 0, {
                    "name": label,
                    "account_id": self.income_account_id.id,
                    "analytic_account_id": self.analytic_account_id.id,
                })],
            },
        }

    @api.multi
    def action_prepare_transfer(self):
        """Draft the entry passing an admission request's funding to its
        communities: the funding is credited to the fund, each community's
        share debited from it on the transfer account. A finance officer
        posts it. The entry is drafted as superuser: only who may change
        the funds drafts it, checked before anything is written."""
        self.check_access_rights("write")
        self.check_access_rule("write")
        for fund in self:
            request = fund.admission_request_id
            if not request:
                raise UserError(_(
                    "The fund \"%s\" does not come from an admission "
                    "request: it has no funding to pass on.") % fund.name)
            if fund.transfer_move_id:
                raise UserError(_(
                    "The transfer of the fund \"%s\" is already prepared.")
                    % fund.name)
            # sudo: drafts the transfer of this fund only; writing transfer_move_id
            #   below checks the user's write access
            fund.transfer_move_id = self.env["account.move"].sudo().create(
                fund._transfer_move_vals(request))
        return True

    @api.multi
    def action_post_transfer(self):
        """Post the prepared transfer (finance officers only: they alone
        may post entries)."""
        for fund in self:
            if not fund.transfer_move_id:
                raise UserError(_(
                    "Prepare the transfer of the fund \"%s\" first.")
                    % fund.name)
            if fund.transfer_move_id.state != "posted":
                fund.transfer_move_id.post()
        return True

    def _transfer_account(self):
        category = self.env.ref(TRANSFER_CATEGORY, raise_if_not_found=False)
        # sudo: the accounts of the transfer category, configuration data; filtered on
        #   the fund's street
        accounts = category.sudo().account_ids.filtered(
            lambda account: account.company_id == self.company_id
        ) if category else self.env["account.account"]
        return accounts[:1]

    def _transfer_move_vals(self, request):
        """One entry: the funding credited to the fund, and one debit per
        community for its equal share; the last community takes the
        rounding remainder so that the entry balances to the cent."""
        self.ensure_one()
        currency = self.currency_id
        total = request.currency_id.compute(
            request.funding_amount, currency)
        communities = request.community_ids.sorted("code")
        if float_compare(total, 0.0,
                         precision_rounding=currency.rounding) <= 0:
            raise UserError(_(
                "The admission request \"%s\" carries no funding.")
                % request.display_name)
        if not communities:
            raise UserError(_(
                "The admission request \"%s\" names no community to pass "
                "its funding to.") % request.display_name)
        transfer_account = self._transfer_account()
        missing = []
        if not self.journal_id:
            missing.append(_("a journal"))
        if not self.income_account_id:
            missing.append(_("a funding account"))
        if not transfer_account:
            missing.append(_(
                "an account of the expense category \"Transfers to "
                "communities\" in this street's chart"))
        if missing:
            raise UserError(_(
                "The transfer of the fund \"%(fund)s\" cannot be prepared: "
                "it needs %(missing)s.") % {
                    "fund": self.name, "missing": _(", ").join(missing)})
        share = currency.round(total / len(communities))
        lines = [(0, 0, {
            "name": _("Funding of %s") % request.display_name,
            "account_id": self.income_account_id.id,
            "analytic_account_id": self.analytic_account_id.id,
            "credit": total,
            "debit": 0.0,
        })]
        remaining = total
        for index, community in enumerate(communities):
            amount = share if index < len(communities) - 1 else remaining
            remaining = currency.round(remaining - amount)
            if float_is_zero(amount, precision_rounding=currency.rounding):
                continue
            lines.append((0, 0, {
                "name": _("Transfer to %s") % community.name,
                "account_id": transfer_account.id,
                "analytic_account_id": self.analytic_account_id.id,
                "community_id": community.id,
                "debit": amount,
                "credit": 0.0,
            }))
        return {
            "journal_id": self.journal_id.id,
            "company_id": self.company_id.id,
            "date": request.approval_date or fields.Date.context_today(self),
            "ref": request.display_name,
            "line_ids": lines,
        }
