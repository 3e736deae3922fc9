# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.community_base.tools import roles

from .crossovered_budget import _rate

# How a budget line's actual amount and execution rate are computed: the one
# definition, used by the line (``actual_amount``, ``execution_rate``), the
# budget execution view behind the dashboard tile and, through the line, the
# final accounts.
#
# - actual: the posted expenses on the line's analytic account and on the
#   accounts of its budgetary position, dated within the period asked for,
#   as a positive amount: minus the sum of those analytic lines (Odoo's
#   practical amount). The SQL function below is that sum; the line calls
#   it with its own period (or a report's ``wizard_date_from``/``_to``), the
#   view with the line's columns. Commitments and adjustments do not enter
#   it: commitments lower the available amount, adjustments change the
#   budget (planned amount).
# - rate: ``_rate(actual, planned, currency)`` in crossovered_budget.py,
#   actual / budget in percent, 0 for a zero budget; for a set of lines it
#   is the rate of the sums, never an average of the lines' rates.
# - available (可用余额): budget − open commitments − actual, what may still
#   be committed or spent; the overrun policy checks it.
# - variance (预算差异): budget − actual, what was not spent, as the final
#   accounts report it. The two differ by the open commitments: equal on a
#   line with none.
ACTUAL_FUNCTION = "finance_budget_line_actual"
ACTUAL_FUNCTION_SQL = """
    CREATE OR REPLACE FUNCTION finance_budget_line_actual(
        analytic_account integer, budget_post integer,
        date_from date, date_to date)
    RETURNS numeric LANGUAGE sql STABLE AS $$
        SELECT coalesce(-sum(a.amount), 0)::numeric
          FROM account_analytic_line a
         WHERE a.account_id = analytic_account
           AND a.date BETWEEN date_from AND date_to
           AND a.general_account_id IN (
               SELECT r.account_id FROM account_budget_rel r
                WHERE r.budget_id = budget_post)
    $$"""


def create_actual_function(cr):
    """Create (or replace) the SQL function of a budget line's actual
    amount; called at install by the line model and the execution view."""
    # sql: defines a function of public ids and dates; it is only called by
    #   the line's compute and the record-ruled execution view
    cr.execute(ACTUAL_FUNCTION_SQL)


class CrossoveredBudgetLines(models.Model):
    """A budget line of a community or a fund, with the figures a street
    needs and Odoo 11 lacks: what is committed before the bills exist,
    what is still available and the execution rate.

    All figures are positive amounts of expense. Odoo's practical amount is
    the sum of the analytic lines of the line's analytic account on the
    budgetary position's accounts, negative for an expense; the actual
    amount is its opposite, computed by ``ACTUAL_FUNCTION_SQL`` above, the
    definition the budget execution view shares.
    """

    _inherit = "crossovered.budget.lines"
    _order = "crossovered_budget_id, community_id, id"

    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        index=True, ondelete="restrict")
    fund_id = fields.Many2one(
        comodel_name="finance.fund", string="Fund",
        index=True, ondelete="restrict")
    currency_id = fields.Many2one(
        comodel_name="res.currency", related="company_id.currency_id",
        readonly=True)
    planned_amount = fields.Monetary(
        string="Budget", required=True,
        help="The amount this line may spend in the year, after approved "
             "adjustments.")
    approved_amount = fields.Monetary(
        string="Approved budget", readonly=True, copy=False,
        help="The budget as approved, before any adjustment.")
    adjusted_amount = fields.Monetary(
        string="Adjustments", compute="_compute_amounts",
        help="What approved budget adjustments added (or took away).")
    committed_amount = fields.Monetary(
        string="Committed", compute="_compute_amounts",
        help="Open commitments: spending approved whose bills are not "
             "posted yet.")
    actual_amount = fields.Monetary(
        string="Actual", compute="_compute_amounts",
        help="Posted expenses on the line's analytic account and accounts.")
    available_amount = fields.Monetary(
        string="Available", compute="_compute_amounts",
        help="Budget less committed and actual: what may still be "
             "committed or spent.")
    variance_amount = fields.Monetary(
        string="Variance", compute="_compute_amounts",
        help="Budget less actual: what was not spent, whatever is "
             "committed.")
    execution_rate = fields.Float(
        string="Execution rate (%)", compute="_compute_amounts",
        digits=(16, 2), help="Actual divided by budget.")
    commitment_ids = fields.One2many(
        comodel_name="finance.commitment", inverse_name="budget_line_id",
        string="Commitments", readonly=True)
    adjustment_line_ids = fields.One2many(
        comodel_name="finance.budget.adjustment.line",
        inverse_name="budget_line_id", string="Adjustments made",
        readonly=True)
    adjustment_in_line_ids = fields.One2many(
        comodel_name="finance.budget.adjustment.line",
        inverse_name="target_line_id", string="Transfers received",
        readonly=True)
    budget_state = fields.Selection(
        related="crossovered_budget_id.state", string="Budget status",
        readonly=True)
    commitment_count = fields.Integer(
        string="Commitments", compute="_compute_drill_down_counts")
    actual_item_count = fields.Integer(
        string="Expense items", compute="_compute_drill_down_counts",
        help="The analytic items that make up the actual amount.")

    @api.model_cr
    def init(self):
        result = super().init()
        create_actual_function(self.env.cr)
        return result

    def _actual_amount(self):
        """The line's actual amount (see ``ACTUAL_FUNCTION_SQL``), over its
        own period unless a report narrows it with ``wizard_date_from`` /
        ``wizard_date_to`` as Odoo's practical amount does."""
        self.ensure_one()
        if not self.analytic_account_id or not self.general_budget_id:
            return 0.0
        context = self.env.context
        # sql: the line's one definition of actual; reads the analytic lines
        #   of a line the user already reads
        self.env.cr.execute(
            "SELECT " + ACTUAL_FUNCTION + "(%s, %s, %s, %s)", (
                self.analytic_account_id.id, self.general_budget_id.id,
                context.get("wizard_date_from") or self.date_from,
                context.get("wizard_date_to") or self.date_to))
        return float(self.env.cr.fetchone()[0])

    @api.depends("planned_amount", "approved_amount",
                 "commitment_ids.open_amount", "commitment_ids.state")
    def _compute_amounts(self):
        for line in self:
            currency = line.currency_id or self.env.user.company_id.currency_id
            actual = line._actual_amount()
            committed = sum(line.commitment_ids.filtered(
                lambda commitment: commitment.state == "committed"
            ).mapped("open_amount"))
            line.actual_amount = actual
            line.committed_amount = committed
            line.adjusted_amount = (
                line.planned_amount - line.approved_amount
                if line.budget_state in ("validate", "done") else 0.0)
            line.available_amount = currency.round(
                line.planned_amount - committed - actual)
            line.variance_amount = currency.round(
                line.planned_amount - actual)
            line.execution_rate = _rate(actual, line.planned_amount, currency)

    def _compute_drill_down_counts(self):
        """How many commitments and expense items the line's buttons open,
        as the user may read them (record rules apply; none without the
        right to read the model)."""
        Commitment = self.env["finance.commitment"]
        Item = self.env["account.analytic.line"]
        read_commitments = Commitment.check_access_rights(
            "read", raise_exception=False)
        read_items = Item.check_access_rights("read", raise_exception=False)
        for line in self:
            line.commitment_count = read_commitments and \
                Commitment.search_count(line._commitment_domain())
            line.actual_item_count = read_items and \
                Item.search_count(line._actual_item_domain())

    def _commitment_domain(self):
        return [("budget_line_id", "=", self.id)]

    def _actual_item_domain(self):
        """The analytic items the actual amount sums (``ACTUAL_FUNCTION_SQL``):
        the line's analytic account, its budgetary position's accounts,
        its dates."""
        self.ensure_one()
        return [
            ("account_id", "=", self.analytic_account_id.id),
            ("general_account_id", "in",
             self.general_budget_id.account_ids.ids),
            ("date", ">=", self.date_from), ("date", "<=", self.date_to)]

    @api.multi
    def action_open_commitments(self):
        """The line's commitments, open or not (what lowers its
        available amount while open)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Commitments of %s") % self.display_name,
            "res_model": "finance.commitment",
            "view_mode": "tree,form",
            "domain": self._commitment_domain(),
            "context": {"default_budget_line_id": self.id},
        }

    @api.multi
    def action_open_actual_items(self):
        """The analytic items whose sum is the line's actual amount."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Expenses of %s") % self.display_name,
            "res_model": "account.analytic.line",
            "view_mode": "tree,form",
            "domain": self._actual_item_domain(),
        }

    @api.multi
    def action_open_journal_items(self):
        """The posted journal items behind the expense items: the entries
        an officer corrects when an amount is wrong."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Journal items of %s") % self.display_name,
            "res_model": "account.move.line",
            "view_mode": "tree,form",
            "domain": [
                ("analytic_account_id", "=", self.analytic_account_id.id),
                ("account_id", "in", self.general_budget_id.account_ids.ids),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
                ("move_id.state", "=", "posted")],
        }

    @api.constrains("planned_amount")
    def _check_planned_amount(self):
        for line in self:
            currency = line.currency_id
            if float_compare(line.planned_amount, 0.0,
                             precision_rounding=currency.rounding or 0.01) <= 0:
                raise ValidationError(_(
                    "The budget line \"%(line)s\" of \"%(budget)s\" must "
                    "plan a positive amount.") % {
                        "line": line._line_label(),
                        "budget": line.crossovered_budget_id.name})

    @api.constrains("community_id", "crossovered_budget_id")
    def _check_community_street(self):
        for line in self.filtered("community_id"):
            if line.community_id.company_id != \
                    line.crossovered_budget_id.company_id:
                raise ValidationError(_(
                    "The community \"%(community)s\" does not belong to the "
                    "street of the budget \"%(budget)s\".") % {
                        "community": line.community_id.name,
                        "budget": line.crossovered_budget_id.name})

    @api.constrains("date_from", "date_to", "crossovered_budget_id")
    def _check_dates(self):
        for line in self:
            budget = line.crossovered_budget_id
            if (line.date_from < budget.date_from or
                    line.date_to > budget.date_to or
                    line.date_to < line.date_from):
                raise ValidationError(_(
                    "The budget line \"%(line)s\" must lie within the "
                    "period of the budget \"%(budget)s\".") % {
                        "line": line._line_label(), "budget": budget.name})

    @api.constrains("analytic_account_id", "general_budget_id",
                    "crossovered_budget_id")
    def _check_double_counting(self):
        """Two lines of a budget on the same analytic account whose
        budgetary positions share an account would both count the same
        expenses as their actual amount."""
        for line in self.filtered("analytic_account_id"):
            accounts = line.general_budget_id.account_ids
            # sudo: the overlap check must see every line of the budget; it only raises,
            #   naming the line checked
            others = self.sudo().search([
                ("id", "!=", line.id),
                ("crossovered_budget_id", "=", line.crossovered_budget_id.id),
                ("analytic_account_id", "=", line.analytic_account_id.id),
            ]).filtered(lambda other: other.general_budget_id.account_ids &
                        accounts)
            if others:
                raise ValidationError(_(
                    "The budget lines \"%(line)s\" and \"%(other)s\" of "
                    "\"%(budget)s\" would count the same expenses: they "
                    "share the analytic account and accounts of their "
                    "budgetary positions. Change the existing line instead, "
                    "or use a budgetary position of its own.") % {
                        "line": line._line_label(),
                        "other": others[0]._line_label(),
                        "budget": line.crossovered_budget_id.name})

    @api.onchange("community_id")
    def _onchange_community_id(self):
        if self.community_id.analytic_account_id:
            self.analytic_account_id = self.community_id.analytic_account_id

    @api.model
    def create(self, vals):
        budget = self.env["crossovered.budget"].browse(
            vals.get("crossovered_budget_id"))
        self._check_proposal_rights(budget)
        if budget:
            # scope field read by the record rules before Odoo 11 writes
            # stored related fields
            # sudo: copies the budget's scope fields and dates; the record rules then
            #   check the new line as usual
            raw = budget.sudo()
            vals["company_id"] = raw.company_id.id
            vals.setdefault("date_from", raw.date_from)
            vals.setdefault("date_to", raw.date_to)
        if vals.get("community_id"):
            # sudo: only passed to the community rights check below, which raises unless
            #   the user may use it
            community = self.env["community.community"].sudo().browse(
                vals["community_id"])
            self._check_community_rights(community)
            if not vals.get("analytic_account_id"):
                vals["analytic_account_id"] = \
                    community.analytic_account_id.id
        return super().create(vals)

    @api.model
    def _check_community_rights(self, community):
        """A community clerk proposes lines for their own communities."""
        user = self.env.user
        if self.env.uid == 1 or user.has_group(roles.FINANCE_OFFICER) or \
                user.has_group(roles.STREET_CLERK):
            return
        if community not in user.community_ids:
            raise UserError(_(
                "You do not work in the community \"%s\": propose budget "
                "lines for your own communities.") % community.name)

    @api.multi
    def write(self, vals):
        self._check_proposal_rights(self.mapped("crossovered_budget_id"))
        if vals.get("community_id"):
            # sudo: only passed to the community rights check, which raises unless the
            #   user may use it
            self._check_community_rights(
                self.env["community.community"].sudo().browse(
                    vals["community_id"]))
        return super().write(vals)

    @api.multi
    def unlink(self):
        budgets = self.mapped("crossovered_budget_id")
        self._check_proposal_rights(budgets)
        for line in self:
            if line.budget_state not in ("draft", "cancel") or \
                    line.commitment_ids:
                raise UserError(_(
                    "The budget line \"%(line)s\" of \"%(budget)s\" is "
                    "approved or committed; adjust it instead of deleting "
                    "it.") % {"line": line._line_label(),
                              "budget": line.crossovered_budget_id.name})
        return super().unlink()

    def name_get(self):
        return [(line.id, "%s / %s" % (
            line.crossovered_budget_id.name, line._line_label()))
            for line in self]

    def _line_label(self):
        parts = [self.general_budget_id.name, self.community_id.name,
                 self.fund_id.name if "fund_id" in self else False]
        return " - ".join(part for part in parts if part) or str(self.id)

    @api.model
    def _check_proposal_rights(self, budgets):
        """Clerks propose: they change the lines of draft budgets only."""
        if self.env.uid == 1 or self.env.user.has_group(roles.FINANCE_OFFICER):
            return
        # sudo: reads the state of the budgets being changed, to refuse changes outside
        #   a draft
        for budget in budgets.sudo():
            if budget.state != "draft":
                raise UserError(_(
                    "The budget \"%s\" is no longer a draft: only a finance "
                    "officer can change its lines.") % budget.name)

    def _check_available(self, amount, what):
        """Apply the street's overrun policy to spending ``amount`` more
        on this line. Return a warning text when the line would overrun
        under the ``warn`` policy, False when it has room; raise UserError
        under the ``block`` policy."""
        self.ensure_one()
        currency = self.currency_id
        # sudo: the availability check needs the line's figures whoever commits on it;
        #   it only returns a warning or raises
        line = self.sudo()
        if line.budget_state != "validate":
            raise UserError(_(
                "The budget \"%(budget)s\" is not approved: %(what)s cannot "
                "use its line \"%(line)s\".") % {
                    "budget": line.crossovered_budget_id.name,
                    "what": what, "line": line._line_label()})
        remaining = line.available_amount - amount
        if currency.compare_amounts(remaining, 0.0) >= 0:
            return False
        message = _(
            "%(what)s exceeds the available amount of the budget line "
            "\"%(line)s\": %(available)s available, %(amount)s "
            "requested.") % {
                "what": what, "line": line._line_label(),
                "available": "%.2f" % line.available_amount,
                "amount": "%.2f" % amount}
        if line.company_id.budget_overrun_policy == "block":
            raise UserError(message)
        return message

    @api.model
    def _check_expenses_overrun(self, moves):
        """Apply the street's overrun policy to the expenses ``moves`` are
        about to post: each approved budget line whose analytic account,
        budgetary position and period an entry line hits must keep a
        non-negative available amount. Under ``block`` the posting is
        refused (UserError naming the entry and the line); under ``warn``
        the overrun is posted on the budget's chatter. Meant to be called
        by ``account.move.post`` before the entries are posted."""
        spending = {}
        lines = moves.mapped("line_ids").filtered("analytic_account_id")
        if not lines:
            return []
        # sudo: the overrun check runs on every posting, whoever posts; it only warns or
        #   raises
        budget_lines = self.sudo().search([
            ("analytic_account_id", "in",
             lines.mapped("analytic_account_id").ids),
            ("crossovered_budget_id.state", "=", "validate")])
        for budget_line in budget_lines:
            accounts = budget_line.general_budget_id.account_ids
            for move_line in lines:
                if (move_line.analytic_account_id ==
                        budget_line.analytic_account_id and
                        move_line.account_id in accounts and
                        budget_line.date_from <= move_line.date <=
                        budget_line.date_to):
                    key = (budget_line, move_line.move_id)
                    spending[key] = spending.get(key, 0.0) + \
                        move_line.debit - move_line.credit
        warnings = []
        for (budget_line, move), amount in spending.items():
            if budget_line.currency_id.compare_amounts(amount, 0.0) <= 0:
                continue
            warning = budget_line._check_available(
                amount, _("The entry \"%s\"") % (move.ref or move.name))
            if warning:
                budget_line.crossovered_budget_id.message_post(body=warning)
                warnings.append(warning)
        return warnings
