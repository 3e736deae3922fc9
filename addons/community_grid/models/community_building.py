# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CommunityBuilding(models.Model):
    """A building joins a grid with all its households: grids are drawn by
    buildings on the ground, so assigning the building is the usual way to
    assign its households."""

    _inherit = "community.building"

    grid_id = fields.Many2one(
        comodel_name="grid.grid",
        string="Grid",
        index=True,
        ondelete="set null",
    )

    @api.constrains("grid_id", "compound_id")
    def _check_grid_id(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for building in self.sudo():
            grid = building.grid_id
            if grid and grid.community_id != building.community_id:
                raise ValidationError(_(
                    "The building %(building)s cannot join the grid %(grid)s: "
                    "the grid belongs to another community.") % {
                        "building": building.display_name,
                        "grid": grid.display_name})

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if "grid_id" in vals:
            households = self.with_context(active_test=False).mapped(
                "household_ids")
            households.write({"grid_id": vals["grid_id"]})
        return result
