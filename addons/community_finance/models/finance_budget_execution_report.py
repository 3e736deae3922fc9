# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import api, fields, models, tools

from .crossovered_budget import _rate
from .crossovered_budget_lines import ACTUAL_FUNCTION, create_actual_function

BUDGET_STATES = [
    ("draft", "Draft"),
    ("cancel", "Cancelled"),
    ("confirm", "Confirmed"),
    ("validate", "Validated"),
    ("done", "Done"),
]


class FinanceBudgetExecutionReport(models.Model):
    """Budget execution per budget line, as stored figures: the budget and
    the posted expenses.

    Why a view: Odoo computes a budget line's practical amount in Python,
    unstored, so neither a dashboard tile nor a pivot can add it up over
    the lines a user may read. The view's actual amount is the line's own
    definition, the SQL function of ``crossovered_budget_lines.py``
    (``ACTUAL_FUNCTION_SQL``: the line's analytic account, its budgetary
    position's accounts, its dates), evaluated in one query for all lines;
    the execution rate of a row is the line's ``_rate`` and that of any set
    of lines sum(actual) / sum(budget), never an average of the lines'
    rates. Record rules follow the budget lines': a street's finance
    officers, leaders and clerks, and community clerks for their
    communities.

    The period is ``date_from``/``date_to``, not the ``date_start``/
    ``date_end`` of our other models: the rows mirror ``account_budget``'s
    budget lines, whose columns keep the upstream names.
    """

    _name = "finance.budget.execution.report"
    _description = "Budget execution"
    _auto = False
    _order = "date_from desc, budget_id, community_id, id"
    _rec_name = "budget_line_id"

    budget_line_id = fields.Many2one(
        comodel_name="crossovered.budget.lines", string="Budget line",
        readonly=True)
    budget_id = fields.Many2one(
        comodel_name="crossovered.budget", string="Budget", readonly=True)
    budget_state = fields.Selection(
        selection=BUDGET_STATES, string="Budget status", readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        readonly=True)
    fund_id = fields.Many2one(
        comodel_name="finance.fund", string="Fund", readonly=True)
    analytic_account_id = fields.Many2one(
        comodel_name="account.analytic.account", string="Analytic account",
        readonly=True)
    general_budget_id = fields.Many2one(
        comodel_name="account.budget.post", string="Budgetary position",
        readonly=True)
    date_from = fields.Date(string="Start date", readonly=True)
    date_to = fields.Date(string="End date", readonly=True)
    currency_id = fields.Many2one(
        comodel_name="res.currency", string="Currency", readonly=True)
    planned_amount = fields.Monetary(string="Budget", readonly=True)
    actual_amount = fields.Monetary(
        string="Actual", readonly=True,
        help="Posted expenses on the line's analytic account and the "
        "accounts of its budgetary position, within its dates.")
    execution_rate = fields.Float(
        string="Execution rate (%)", compute="_compute_execution_rate",
        digits=(16, 2), help="Actual divided by budget.")

    @api.depends("actual_amount", "planned_amount", "currency_id")
    def _compute_execution_rate(self):
        """The budget line's rate, by the same function as the line's."""
        for row in self:
            row.execution_rate = _rate(
                row.actual_amount, row.planned_amount, row.currency_id)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        create_actual_function(self.env.cr)
        # sql: creates the report's SQL view at install; the ORM reads it with the
        #   record rules
        self.env.cr.execute(sql.SQL("""
            CREATE VIEW finance_budget_execution_report AS (
            SELECT l.id, l.id AS budget_line_id,
                   l.crossovered_budget_id AS budget_id,
                   b.state AS budget_state, l.company_id, l.community_id,
                   l.fund_id, l.analytic_account_id, l.general_budget_id,
                   l.date_from, l.date_to, c.currency_id, l.planned_amount,
                   {actual}(l.analytic_account_id, l.general_budget_id,
                            l.date_from, l.date_to) AS actual_amount
              FROM crossovered_budget_lines l
              JOIN crossovered_budget b ON b.id = l.crossovered_budget_id
              JOIN res_company c ON c.id = l.company_id
            )""").format(actual=sql.Identifier(ACTUAL_FUNCTION)))

    @api.multi
    def action_open_budget_line(self):
        """The budget line behind the row, with its commitments and
        adjustments."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "crossovered.budget.lines",
            "res_id": self.budget_line_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
