# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class FinanceExpenseCategory(models.Model):
    """A kind of spending (office costs, activities, transfers to
    communities...) and the expense accounts that book it.

    Dedicated funds (专款专用) list the categories they may pay for; an
    entry that spends a fund on an account outside them is refused when it
    is posted (see ``account.move``). The categories are shared by the
    streets of a district, their accounts belong to each street's chart.
    """

    _name = "finance.expense.category"
    _description = "Expense category"
    _order = "sequence, code, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    account_ids = fields.Many2many(
        comodel_name="account.account",
        relation="finance_expense_category_account_rel",
        column1="category_id", column2="account_id",
        string="Expense accounts",
        help="Accounts an entry may use to spend a fund on this category, "
             "in the charts of all streets.")
    # shipped in English with its Chinese, like the name
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)",
         "The code of an expense category must be unique."),
    ]
