# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.community_base.tools import roles, street_time


class FinanceAllocationWizard(models.TransientModel):
    """Allocate a year's funds to the communities of a street from the
    funding standards.

    "Compute" counts each community's households and living residents on
    the chosen date and shows, line by line, households × rate or the
    fixed amount of the size band (by households or by residents, as the
    standard says). "Create budget lines" writes the allocations and the draft
    budget's lines; running it again updates them. "Confirm transfers"
    posts the transfer entries once the budget is approved.
    """

    _name = "finance.allocation.wizard"
    _description = "Funding allocation wizard"

    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", required=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        comodel_name="res.currency", related="company_id.currency_id",
        readonly=True)
    # the view shows it with widget="year": Odoo 11 writes integers with
    # a thousands separator ("2,026")
    year = fields.Integer(
        required=True, group_operator=False,
        default=lambda self: fields.Date.from_string(
            street_time.street_today(self.env)).year)
    count_date = fields.Date(
        string="Count households on", required=True,
        default=lambda self: street_time.street_today(self.env),
        help="Households registered in the system on this day are "
             "counted (archived households are not), and the living "
             "residents for the standards banded by residents.")
    standard_ids = fields.Many2many(
        comodel_name="finance.fund.standard", string="Standards",
        help="The standards to allocate; all standards valid on 1 January "
             "of the year when empty.")
    budget_id = fields.Many2one(
        comodel_name="crossovered.budget", string="Budget",
        help="The draft budget that receives the lines; a new budget for "
             "the year is created when empty.")
    line_ids = fields.One2many(
        comodel_name="finance.allocation.wizard.line",
        inverse_name="wizard_id", string="Computation")
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total")

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for wizard in self:
            wizard.amount_total = sum(wizard.line_ids.mapped("amount"))

    def _year(self):
        """The year; refuse one outside 2000-2100."""
        if not 2000 <= self.year <= 2100:
            raise UserError(_("%s is not a valid budget year.") % self.year)
        return self.year

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "name": _("Allocate funds"),
        }

    def _standards(self):
        standards = self.standard_ids or self.env[
            "finance.fund.standard"]._valid_on(
                "%d-01-01" % self._year(),
                [("company_id", "=", self.company_id.id)])
        if not standards:
            raise UserError(_(
                "No funding standard of the street \"%(street)s\" is valid "
                "in %(year)d.") % {"street": self.company_id.name,
                                   "year": self._year()})
        for standard in standards:
            if standard.company_id != self.company_id:
                raise UserError(_(
                    "The funding standard \"%(standard)s\" belongs to "
                    "another street than \"%(street)s\".") % {
                        "standard": standard.name,
                        "street": self.company_id.name})
        return standards

    def _household_counts(self):
        """Households per community of the street on the count date, in
        one query."""
        end = datetime.combine(
            fields.Date.from_string(self.count_date) + timedelta(days=1),
            time.min)
        # sudo: household counts per community only (no resident data), for the street
        #   whose standards _standards let the user read
        groups = self.env["community.household"].sudo().read_group(
            [("company_id", "=", self.company_id.id),
             ("create_date", "<", fields.Datetime.to_string(end))],
            ["community_id"], ["community_id"])
        return {group["community_id"][0]: group["community_id_count"]
                for group in groups if group["community_id"]}

    def _resident_counts(self):
        """Living residents per community of the street on the count date
        (registered by then and not moved out or deceased), in one query:
        what standards banded by residents go by."""
        end = datetime.combine(
            fields.Date.from_string(self.count_date) + timedelta(days=1),
            time.min)
        # sudo: resident counts per community only (no resident data), for the street
        #   whose standards _standards let the user read
        groups = self.env["community.resident"].sudo().read_group(
            [("company_id", "=", self.company_id.id),
             ("state", "=", "living"),
             ("create_date", "<", fields.Datetime.to_string(end))],
            ["community_id"], ["community_id"])
        return {group["community_id"][0]: group["community_id_count"]
                for group in groups if group["community_id"]}

    @api.multi
    def action_compute(self):
        self.ensure_one()
        year = self._year()
        standards = self._standards()
        counts = self._household_counts()
        residents = self._resident_counts()
        if not any(counts.values()):
            raise UserError(_(
                "The street \"%(street)s\" has no households on %(date)s: "
                "there is nothing to allocate for %(year)d.") % {
                    "street": self.company_id.name, "date": self.count_date,
                    "year": year})
        # sudo: the communities counted above, for their names on the allocation lines
        communities = self.env["community.community"].sudo().search([
            ("company_id", "=", self.company_id.id),
            ("id", "in", list(counts))])
        lines = [(5, 0, 0)]
        for standard in standards:
            for community in communities:
                count = counts[community.id]
                resident_count = residents.get(community.id, 0)
                amount, computation = standard._amount_for(
                    count, resident_count)
                lines.append((0, 0, {
                    "community_id": community.id,
                    "standard_id": standard.id,
                    "household_count": count,
                    "resident_count": resident_count,
                    "rate": standard.rate
                    if standard.method == "per_household" else 0.0,
                    "amount": amount,
                    "computation": computation,
                }))
        self.line_ids = lines
        return self._reopen()

    def _budget(self):
        year = self._year()
        Budget = self.env["crossovered.budget"]
        budget = self.budget_id or Budget.search([
            ("company_id", "=", self.company_id.id),
            ("year", "=", year), ("state", "=", "draft")],
            order="id", limit=1)
        if not budget:
            budget = Budget.create({
                "name": _("Budget %d") % year,
                "company_id": self.company_id.id,
                "date_from": "%d-01-01" % year,
                "date_to": "%d-12-31" % year,
            })
        if budget.company_id != self.company_id or budget.year != year:
            raise UserError(_(
                "The budget \"%(budget)s\" is not the %(year)d budget of the "
                "street \"%(street)s\".") % {
                    "budget": budget.name, "year": year,
                    "street": self.company_id.name})
        return budget

    def _check_finance_officer_of_street(self):
        """Allocations write the street's budget: a finance officer of the
        street (or the superuser) runs them."""
        user = self.env.user
        if user._is_superuser():
            return
        if not user.has_group(roles.FINANCE_OFFICER) \
                or self.company_id not in user.company_ids:
            # sudo: the street's name for the message only
            raise AccessError(_(
                "Only a finance officer of %s allocates its community "
                "funds.") % self.sudo().company_id.name)

    def _lock_street(self):
        """Allocations of one street run one after the other: each
        rewrites the street's row first, so a second run that started
        meanwhile waits for the first to end, then fails with a
        serialization error; Odoo runs it again on a fresh snapshot, where
        it finds the first run's allocations and updates them. Two runs
        give the result of one, with no duplicate lines.
        The lock comes first, before the record rules had a say: so the
        caller is checked here (RPC reaches the buttons with any street).
        """
        self._check_finance_officer_of_street()
        # sql: a no-op update that locks the street's row so that two runs serialise; no
        #   data read
        self.env.cr.execute(
            "UPDATE res_company SET write_date = write_date WHERE id = %s",
            (self.company_id.id,))

    @api.multi
    def action_create_budget_lines(self):
        """Write the allocations and the budget lines they plan; a rerun
        updates both."""
        self.ensure_one()
        self._lock_street()
        if not self.line_ids:
            self.action_compute()
        year = self._year()
        budget = self._budget()
        Allocation = self.env["finance.allocation"]
        BudgetLine = self.env["crossovered.budget.lines"]
        default_post = self.company_id.finance_budget_post_id
        existing = {
            (allocation.standard_id.id, allocation.community_id.id):
                allocation
            for allocation in Allocation.search([
                ("year", "=", year),
                ("company_id", "=", self.company_id.id),
                ("standard_id", "in", self.line_ids.mapped(
                    "standard_id").ids)])}
        for line in self.line_ids:
            allocation = existing.get(
                (line.standard_id.id, line.community_id.id))
            if allocation and allocation.state == "transferred":
                raise UserError(_(
                    "The allocation \"%s\" has already been transferred: "
                    "change it with a budget adjustment.")
                    % allocation.display_name)
            budget_line = allocation.budget_line_id if allocation else \
                BudgetLine
            if budget_line and budget_line.crossovered_budget_id != budget:
                if budget_line.crossovered_budget_id.state != "draft":
                    raise UserError(_(
                        "The allocation \"%(allocation)s\" is planned in the "
                        "budget \"%(budget)s\", which is no longer a draft: "
                        "change it with a budget adjustment.") % {
                            "allocation": allocation.display_name,
                            "budget": budget_line.crossovered_budget_id.name})
            if budget.state != "draft":
                raise UserError(_(
                    "The budget \"%s\" is no longer a draft: change it with a "
                    "budget adjustment.") % budget.name)
            post = line.standard_id.budget_post_id or default_post
            if not post:
                raise UserError(_(
                    "The funding standard \"%s\" has no budgetary position "
                    "and the street has no default one: run the finance "
                    "set-up.") % line.standard_id.name)
            line_vals = {
                "crossovered_budget_id": budget.id,
                "community_id": line.community_id.id,
                "general_budget_id": post.id,
                "planned_amount": line.amount,
                "date_from": budget.date_from,
                "date_to": budget.date_to,
            }
            if line.standard_id.fund_id:
                line_vals["fund_id"] = line.standard_id.fund_id.id
            if budget_line:
                budget_line.write(line_vals)
            else:
                budget_line = BudgetLine.create(line_vals)
            vals = {
                "year": year,
                "standard_id": line.standard_id.id,
                "community_id": line.community_id.id,
                "count_date": self.count_date,
                "household_count": line.household_count,
                "resident_count": line.resident_count,
                "rate": line.rate,
                "amount": line.amount,
                "computation": line.computation,
                "budget_line_id": budget_line.id,
            }
            if allocation:
                allocation.write(vals)
            else:
                Allocation.create(vals)
        self.budget_id = budget
        return {
            "type": "ir.actions.act_window",
            "res_model": "crossovered.budget",
            "res_id": budget.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.multi
    def action_confirm_transfers(self):
        """Post the transfer entries of the year's planned allocations of
        an approved budget."""
        self.ensure_one()
        year = self._year()
        allocations = self.env["finance.allocation"].search([
            ("year", "=", year),
            ("company_id", "=", self.company_id.id),
            ("state", "=", "draft")]
            + ([("standard_id", "in", self.standard_ids.ids)]
               if self.standard_ids else []))
        if not allocations:
            raise UserError(_(
                "The street \"%(street)s\" has no planned allocations to "
                "transfer for %(year)d.") % {
                    "street": self.company_id.name, "year": year})
        allocations._transfer()
        return {
            "type": "ir.actions.act_window",
            "res_model": "finance.allocation",
            "view_mode": "tree,form",
            "views": [(False, "tree"), (False, "form")],
            "domain": [("id", "in", allocations.ids)],
            "name": _("Transferred allocations"),
        }
