# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CommunityBuilding(models.Model):
    """A building (楼栋) of a compound; its households are counted here for
    the building heads and the grid officers."""

    _name = "community.building"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Building"
    _order = "name, id"
    _scope_parent_field = "compound_id"

    name = fields.Char(
        "Building number", required=True, index=True,
        help="The building number, e.g. 3号楼.")
    compound_id = fields.Many2one(
        comodel_name="community.compound",
        string="Compound",
        required=True,
        index=True,
        ondelete="restrict",
    )
    community_id = fields.Many2one(
        related="compound_id.community_id",
        string="Community",
        store=True,
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="compound_id.company_id",
        string="Street office",
        store=True,
        index=True,
        readonly=True,
    )
    address = fields.Char()
    unit_count = fields.Integer("Units")
    floor_count = fields.Integer("Floors")
    active = fields.Boolean(default=True)
    household_ids = fields.One2many(
        comodel_name="community.household",
        inverse_name="building_id",
        string="Households",
    )
    household_count = fields.Integer(
        "Households", compute="_compute_counts", store=True)
    resident_count = fields.Integer(
        "Residents", compute="_compute_counts", store=True)

    _sql_constraints = [
        (
            "name_compound_uniq",
            "unique(name, compound_id)",
            "A building number must be unique in its compound.",
        ),
        (
            "unit_floor_count_positive",
            "check(unit_count >= 0 and floor_count >= 0)",
            "The numbers of units and floors cannot be negative.",
        ),
    ]

    @api.depends("household_ids", "household_ids.member_count")
    def _compute_counts(self):
        for building in self:
            households = building.household_ids
            building.household_count = len(households)
            building.resident_count = sum(households.mapped("member_count"))

    @api.multi
    def name_get(self):
        return [
            (building.id, "%s %s" % (building.compound_id.name, building.name))
            for building in self
        ]

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """Find "阳光花园 3号楼" by the compound's name too."""
        if not name:
            return super().name_search(name, args, operator, limit)
        domain = ["|", ("name", operator, name),
                  ("compound_id.name", operator, name)]
        buildings = self.search(domain + (args or []), limit=limit)
        return buildings.name_get()
