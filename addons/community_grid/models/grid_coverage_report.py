# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import api, fields, models, tools


class GridCoverageReport(models.Model):
    """Grid coverage per community, to roll up per street: households,
    households in a grid, grids and officers. Grouped (by street),
    :meth:`read_group` recomputes the coverage and the households per
    officer from the sums; an officer posted in two communities counts in
    each of them."""

    _name = "grid.coverage.report"
    _inherit = "grid.ratio.report"
    _ratios = {
        "grid_coverage": ("grid_household_count", "household_count", 100.0),
        "households_per_officer": ("grid_household_count", "officer_count",
                                   1.0),
    }
    _description = "Grid coverage"
    _auto = False
    _order = "company_id, community_id"

    community_id = fields.Many2one(
        comodel_name="community.community", string="Community", readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", readonly=True)
    household_count = fields.Integer("Households", readonly=True)
    grid_household_count = fields.Integer(
        "Households in grids", readonly=True)
    grid_count = fields.Integer("Grids", readonly=True)
    officer_count = fields.Integer("Officers", readonly=True)
    grid_coverage = fields.Float(
        "Grid coverage (%)", readonly=True, digits=(16, 1),
        group_operator="avg")
    households_per_officer = fields.Float(
        "Households per officer", readonly=True, digits=(16, 1),
        group_operator="avg")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # sql: creates the report's SQL view at install; the ORM reads it with the
        #   record rules
        self.env.cr.execute(sql.SQL("""
            CREATE VIEW {table} AS (
            WITH households AS (
                SELECT community_id, count(*) AS household_count,
                       count(grid_id) AS grid_household_count
                  FROM community_household
                 WHERE active
                 GROUP BY community_id
            ), grids AS (
                SELECT community_id, count(*) AS grid_count
                  FROM grid_grid WHERE active GROUP BY community_id
            ), officers AS (
                SELECT community_id, count(DISTINCT user_id) AS officer_count
                  FROM (SELECT g.community_id, g.officer_id AS user_id
                          FROM grid_grid g
                         WHERE g.active AND g.officer_id IS NOT NULL
                        UNION
                        SELECT g.community_id, d.user_id
                          FROM grid_grid g
                          JOIN grid_grid_deputy_rel d ON d.grid_id = g.id
                         WHERE g.active) posts
                 GROUP BY community_id
            )
            SELECT c.id, c.id AS community_id, c.company_id,
                   coalesce(h.household_count, 0) AS household_count,
                   coalesce(h.grid_household_count, 0)
                       AS grid_household_count,
                   coalesce(g.grid_count, 0) AS grid_count,
                   coalesce(o.officer_count, 0) AS officer_count,
                   CASE WHEN h.household_count > 0
                        THEN 100.0 * h.grid_household_count / h.household_count
                        ELSE 0.0 END AS grid_coverage,
                   CASE WHEN o.officer_count > 0
                        THEN h.grid_household_count::float / o.officer_count
                        ELSE 0.0 END AS households_per_officer
              FROM community_community c
              LEFT JOIN households h ON h.community_id = c.id
              LEFT JOIN grids g ON g.community_id = c.id
              LEFT JOIN officers o ON o.community_id = c.id
             WHERE c.active
            )
        """).format(table=sql.Identifier(self._table)))
