# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CommunityCompound(models.Model):
    """A compound (小区), courtyard (院落) or residents' group (居民小组): the
    level between the community and its buildings."""

    _name = "community.compound"
    _inherit = ["community.scoped.mixin"]
    _description = "Compound"
    _order = "code, name, id"

    name = fields.Char(required=True, index=True)
    code = fields.Char(index=True)
    kind = fields.Selection(
        selection=[
            ("estate", "Housing estate"),
            ("courtyard", "Courtyard"),
            ("group", "Residents' group"),
        ],
        required=True,
        default="estate",
        index=True,
    )
    active = fields.Boolean(default=True)
    building_ids = fields.One2many(
        comodel_name="community.building",
        inverse_name="compound_id",
        string="Buildings",
    )
    building_count = fields.Integer(
        "Buildings", compute="_compute_counts", store=True)
    household_count = fields.Integer(
        "Households", compute="_compute_counts", store=True)
    resident_count = fields.Integer(
        "Residents", compute="_compute_counts", store=True)

    _sql_constraints = [
        (
            "code_community_uniq",
            "unique(code, community_id)",
            "The code of a compound must be unique in its community.",
        ),
    ]

    @api.depends(
        "building_ids",
        "building_ids.household_count",
        "building_ids.resident_count",
    )
    def _compute_counts(self):
        for compound in self:
            buildings = compound.building_ids
            compound.building_count = len(buildings)
            compound.household_count = sum(buildings.mapped("household_count"))
            compound.resident_count = sum(buildings.mapped("resident_count"))

    @api.multi
    def name_get(self):
        return [
            (compound.id, "%s / %s" % (compound.community_id.name, compound.name))
            if self.env.context.get("community_full_name")
            else (compound.id, compound.name)
            for compound in self
        ]
