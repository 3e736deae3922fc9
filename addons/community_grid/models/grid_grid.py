# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GridGrid(models.Model):
    """A grid (网格): a block of some 300-400 households of one community
    that one grid officer (the A post, with deputies as B posts) visits and
    reports cases from. Households join a grid one by one or with their
    building; the stored counts follow them so the street sees grid sizes
    and coverage without counting the register each time."""

    _name = "grid.grid"
    _inherit = ["community.scoped.mixin"]
    _description = "Grid"
    _order = "community_id, code, id"

    name = fields.Char(required=True, index=True)
    code = fields.Char(required=True, index=True)
    boundary = fields.Text(
        help="The streets and buildings that bound the grid.")
    geometry = fields.Text(
        help="Outline of the grid as GeoJSON, for a map (optional).")
    officer_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible officer",
        index=True,
        ondelete="restrict",
        domain=[("share", "=", False)],
        help="The grid officer responsible for the grid (A post).",
    )
    deputy_ids = fields.Many2many(
        comodel_name="res.users",
        relation="grid_grid_deputy_rel",
        column1="grid_id",
        column2="user_id",
        string="Deputies",
        domain=[("share", "=", False)],
        help="Officers standing in for the responsible officer (B posts); "
        "they see and visit the grid as well.",
    )
    building_ids = fields.One2many(
        comodel_name="community.building",
        inverse_name="grid_id",
        string="Buildings",
    )
    household_ids = fields.One2many(
        comodel_name="community.household",
        inverse_name="grid_id",
        string="Households",
    )
    household_count = fields.Integer(
        "Households", compute="_compute_counts", store=True)
    resident_count = fields.Integer(
        "Residents", compute="_compute_counts", store=True)
    officer_count = fields.Integer(
        "Officers", compute="_compute_officer_figures",
        help="The responsible officer and the deputies.")
    households_per_officer = fields.Float(
        "Households per officer", compute="_compute_officer_figures",
        digits=(16, 1))
    size_state = fields.Selection(
        selection=[
            ("ok", "Within the size band"),
            ("small", "Too small"),
            ("large", "Too large"),
        ],
        string="Size",
        compute="_compute_size_state",
        store=True,
        index=True,
        help="Households of the grid against the street's grid size band.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_community_uniq",
            "unique(code, community_id)",
            "The code of a grid must be unique in its community.",
        ),
    ]

    @api.depends("household_ids", "household_ids.member_count")
    def _compute_counts(self):
        for grid in self:
            households = grid.household_ids
            grid.household_count = len(households)
            grid.resident_count = sum(households.mapped("member_count"))

    @api.depends("officer_id", "deputy_ids", "household_count")
    def _compute_officer_figures(self):
        for grid in self:
            count = len(grid.officer_id | grid.deputy_ids)
            grid.officer_count = count
            grid.households_per_officer = (
                grid.household_count / count if count else 0.0)

    @api.depends("household_count", "company_id.grid_size_min",
                 "company_id.grid_size_max")
    def _compute_size_state(self):
        for grid in self:
            company = grid.company_id
            if grid.household_count < company.grid_size_min:
                grid.size_state = "small"
            elif grid.household_count > company.grid_size_max:
                grid.size_state = "large"
            else:
                grid.size_state = "ok"

    @api.constrains("community_id")
    def _check_community_id(self):
        # sudo: the constraint reads the grid being written and its members; the record
        #   rules then check the grid
        for grid in self.sudo():
            strays = [
                rec for rec in list(grid.building_ids) + list(grid.household_ids)
                if rec.community_id != grid.community_id]
            if strays:
                raise ValidationError(_(
                    "The grid %(grid)s cannot move to %(community)s: "
                    "%(record)s belongs to another community.") % {
                        "grid": grid.display_name,
                        "community": grid.community_id.name,
                        "record": strays[0].display_name})

    @api.multi
    def name_get(self):
        return [(grid.id, "%s %s" % (grid.code, grid.name)) for grid in self]

    @api.multi
    def action_open_households(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.display_name,
            "res_model": "community.household",
            "view_mode": "tree,form",
            "domain": [("grid_id", "=", self.id)],
            "context": {"default_grid_id": self.id},
        }

    @api.multi
    def action_open_visits(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.display_name,
            "res_model": "grid.visit",
            "view_mode": "tree,form,calendar,pivot,graph",
            "domain": [("grid_id", "=", self.id)],
        }
