# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class AccountMove(models.Model):
    """Posting is where a dedicated fund is protected (专款专用): journal
    entries, vendor bills and the entries the street's own documents create
    all pass through ``post``, so the check holds whichever way the money
    is spent."""

    _inherit = "account.move"

    commitment_id = fields.Many2one(
        comodel_name="finance.commitment", string="Commitment", index=True,
        ondelete="restrict", copy=False, readonly=True,
        states={"draft": [("readonly", False)]},
        # the record rules keep the picker to the user's street
        domain=[("state", "=", "committed")],
        help="The budget commitment this entry spends (预算占用): posting "
             "the entry consumes the commitment by what it spends on the "
             "commitment's budget line, so that the spending is not counted "
             "both as committed and as actual in the available amount.")

    @api.multi
    def post(self):
        self._check_fund_expense_categories()
        # an expense beyond an approved budget line warns or, if the street
        # chose so, is refused
        self.env["crossovered.budget.lines"]._check_expenses_overrun(self)
        spent = self._commitment_spending()
        result = super().post()
        for move, amount in spent:
            move.commitment_id.consume(
                min(amount, move.commitment_id.open_amount))
        # the check read the lines' actual amounts before these entries:
        # drop those cached figures so that they are read again
        self.env["crossovered.budget.lines"].invalidate_cache()
        self.env["crossovered.budget"].invalidate_cache()
        return result

    @api.multi
    def _commitment_spending(self):
        """(entry, amount) for each entry that names a commitment: what the
        entry spends on the commitment's budget line (its community's
        analytic account, its budgetary position's accounts, its dates),
        the figure the line's actual amount will count. An entry that
        spends nothing there, or names a closed commitment, is refused
        before anything is posted."""
        spent = []
        for move in self.filtered("commitment_id"):
            commitment = move.commitment_id
            line = commitment.budget_line_id
            if commitment.state != "committed":
                raise UserError(_(
                    "The entry \"%(move)s\" spends the commitment "
                    "\"%(commitment)s\", which is no longer open: choose an "
                    "open commitment or none.") % {
                        "move": move.ref or move.name,
                        "commitment": commitment.name})
            amount = sum(
                item.debit - item.credit for item in move.line_ids
                if item.analytic_account_id == line.analytic_account_id
                and item.account_id in line.general_budget_id.account_ids
                and line.date_from <= item.date <= line.date_to)
            if commitment.currency_id.compare_amounts(amount, 0.0) <= 0:
                raise UserError(_(
                    "The entry \"%(move)s\" spends nothing on the budget "
                    "line \"%(line)s\" of the commitment \"%(commitment)s\": "
                    "book the expense on that line's community and budget "
                    "accounts within its dates, or choose another "
                    "commitment.") % {
                        "move": move.ref or move.name,
                        "line": line.display_name,
                        "commitment": commitment.name})
            spent.append((move, amount))
        return spent

    @api.multi
    def _check_fund_expense_categories(self):
        """Refuse a line that spends a fund (a debit on the fund's analytic
        account) on an account outside the fund's expense categories."""
        lines = self.mapped("line_ids").filtered(
            lambda line: line.analytic_account_id and float_compare(
                line.debit, 0.0,
                precision_rounding=line.company_id.currency_id.rounding) > 0)
        if not lines:
            return
        # sudo: the fund check runs on every posting, whoever posts; it only reads which
        #   funds own the entries' analytic accounts and raises
        funds = self.env["finance.fund"].sudo().with_context(
            active_test=False).search([
                ("analytic_account_id", "in",
                 lines.mapped("analytic_account_id").ids)])
        fund_by_analytic = {fund.analytic_account_id: fund for fund in funds}
        for line in lines:
            fund = fund_by_analytic.get(line.analytic_account_id)
            if fund and line.account_id not in fund.allowed_account_ids:
                bare = fund.expense_category_ids.filtered(
                    lambda category: not category.account_ids.filtered(
                        lambda account: account.company_id ==
                        fund.company_id))
                if bare:
                    # the street never gave the categories an account: say
                    # which, and where to give one
                    raise UserError(_(
                        "The line \"%(line)s\" of the entry \"%(move)s\" "
                        "spends the fund \"%(fund)s\", but its expense "
                        "categories %(categories)s have no expense account "
                        "in the chart of the street \"%(street)s\". A "
                        "finance officer sets them under Quasi-finance > "
                        "Expense categories (Expense accounts), or runs the "
                        "street's finance set-up again.") % {
                            "line": line.name,
                            "move": line.move_id.ref or line.move_id.name,
                            "fund": fund.name,
                            "categories": _(", ").join(
                                "\"%s\"" % name
                                for name in bare.mapped("name")),
                            "street": fund.company_id.name,
                        })
                raise UserError(_(
                    "The line \"%(line)s\" of the entry \"%(move)s\" spends "
                    "the fund \"%(fund)s\" on the account %(account)s, which "
                    "is not among the fund's allowed expense categories "
                    "(%(categories)s).") % {
                        "line": line.name,
                        "move": line.move_id.ref or line.move_id.name,
                        "fund": fund.name,
                        "account": line.account_id.display_name,
                        "categories": ", ".join(
                            fund.expense_category_ids.mapped("name"))
                        or _("none"),
                    })
