# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from odoo.addons.community_base.tools import street_time


class CommunityHousehold(models.Model):
    """A household's grid and its visits: each household belongs to at most
    one grid of its own community, and the date of its last visit tells the
    grid officer whom to visit next."""

    _inherit = "community.household"

    grid_id = fields.Many2one(
        comodel_name="grid.grid",
        string="Grid",
        index=True,
        ondelete="set null",
    )
    visit_ids = fields.One2many(
        comodel_name="grid.visit",
        inverse_name="household_id",
        string="Visits",
    )
    last_visit_date = fields.Date(
        compute="_compute_last_visit_date",
        store=True,
        index=True,
        help="Date of the latest visit of the household.",
    )
    visit_overdue = fields.Boolean(
        "Not visited",
        compute="_compute_visit_overdue",
        search="_search_visit_overdue",
        help="Not visited for the number of months set on the street "
        "(Months without a visit).",
    )

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False,
                        submenu=False):
        """The "visit overdue" filter's tooltip gives the months of the
        user's street: a grid officer reads "5 months", not a placeholder
        or a setting to look up."""
        result = super().fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar,
            submenu=submenu)
        if view_type == "search":
            arch = etree.fromstring(result["arch"])
            filters = arch.xpath("//filter[@name='not_visited']")
            if filters:
                months = self.env.user.company_id.visit_overdue_months
                for node in filters:
                    node.set("help", _(
                        "Last visited more than %d months ago, or never "
                        "(the months are set on the street)") % months)
                result["arch"] = etree.tostring(arch, encoding="unicode")
        return result

    @api.depends("visit_ids.date")
    def _compute_last_visit_date(self):
        for household in self:
            # sudo: the last visit date belongs to the household, whoever reads it;
            #   visits themselves stay hidden
            dates = household.sudo().visit_ids.mapped("date")
            household.last_visit_date = max(dates) if dates else False

    @api.model
    def _overdue_limit(self, company):
        """The date before which a last visit is overdue in ``company``."""
        today = fields.Date.from_string(
            street_time.street_today(self.env, company))
        return fields.Date.to_string(
            today - relativedelta(months=company.visit_overdue_months))

    @api.depends("last_visit_date", "company_id.visit_overdue_months")
    def _compute_visit_overdue(self):
        for household in self:
            limit = self._overdue_limit(household.company_id)
            household.visit_overdue = (
                not household.last_visit_date
                or household.last_visit_date < limit)

    @api.model
    def _search_visit_overdue(self, operator, value):
        """The months differ per street, so the condition is built per
        street: the filter stays right for a user of several streets."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_(
                "Households can only be filtered on being visited or not."))
        overdue = (operator == "=") == value
        domains = []
        # sudo: each street's overdue limit, used to build a domain the search then
        #   applies with the user's rights
        for company in self.env["res.company"].sudo().search([]):
            limit = self._overdue_limit(company)
            if overdue:
                condition = ["|", ("last_visit_date", "=", False),
                             ("last_visit_date", "<", limit)]
            else:
                condition = [("last_visit_date", ">=", limit)]
            domains.append(expression.AND(
                [[("company_id", "=", company.id)], condition]))
        return expression.OR(domains) if domains else [("id", "=", 0)]

    @api.constrains("grid_id", "building_id")
    def _check_grid_id(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for household in self.sudo():
            grid = household.grid_id
            if grid and grid.community_id != household.community_id:
                raise ValidationError(_(
                    "The household %(household)s cannot join the grid "
                    "%(grid)s: the grid belongs to another community.") % {
                        "household": household.display_name,
                        "grid": grid.display_name})

    @api.model
    def create(self, vals):
        # a new household of a building drawn into a grid is in that grid
        if vals.get("building_id") and "grid_id" not in vals:
            # sudo: a new household joins its building's grid; the record rules then
            #   check the new record as usual
            building = self.env["community.building"].sudo().browse(
                vals["building_id"])
            if building.grid_id:
                vals = dict(vals, grid_id=building.grid_id.id)
        return super().create(vals)
