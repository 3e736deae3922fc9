# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CommunityCommunity(models.Model):
    """The grid figures of a community: how many grids, how many of its
    households they cover (the target is all of them) and how many
    households each officer carries. Computed on read with grouped queries,
    since they change with every household and grid assignment."""

    _inherit = "community.community"

    grid_ids = fields.One2many(
        comodel_name="grid.grid",
        inverse_name="community_id",
        string="Grids",
    )
    grid_count = fields.Integer("Grids", compute="_compute_grid_figures")
    grid_household_count = fields.Integer(
        "Households in grids", compute="_compute_grid_figures")
    grid_coverage = fields.Float(
        "Grid coverage (%)",
        compute="_compute_grid_figures",
        digits=(16, 1),
        help="Share of the community's households that belong to a grid; "
        "the target is 100%.",
    )
    households_per_officer = fields.Float(
        "Households per officer",
        compute="_compute_grid_figures",
        digits=(16, 1),
        help="Households in grids divided by the officers (responsible and "
        "deputies) of the community's grids.",
    )

    @api.depends("household_count")
    def _compute_grid_figures(self):
        # sudo: grid counts of the communities in self, whoever reads them; figures only
        grids = self.env["grid.grid"].sudo().search(
            [("community_id", "in", self.ids)])
        # sudo: household counts per community of self, whoever reads them; figures only
        in_grids = {
            row["community_id"][0]: row["community_id_count"]
            for row in self.env["community.household"].sudo().read_group(
                [("community_id", "in", self.ids), ("grid_id", "!=", False)],
                ["community_id"], ["community_id"])}
        for community in self:
            own = grids.filtered(lambda g: g.community_id == community)
            officers = own.mapped("officer_id") | own.mapped("deputy_ids")
            covered = in_grids.get(community.id, 0)
            community.grid_count = len(own)
            community.grid_household_count = covered
            community.grid_coverage = (
                100.0 * covered / community.household_count
                if community.household_count else 0.0)
            community.households_per_officer = (
                covered / len(officers) if officers else 0.0)

    @api.multi
    def action_open_grids(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "grid.grid",
            "view_mode": "tree,form",
            "domain": [("community_id", "=", self.id)],
            "context": {"default_community_id": self.id},
        }
