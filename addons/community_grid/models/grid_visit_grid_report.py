# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import api, fields, models, tools


class GridVisitGridReport(models.Model):
    """Visit coverage per month and grid: distinct households visited in
    the month over the households of the grid. Every active grid has a row
    in every month from the first visit on, so an unvisited grid reads 0%.

    Grouped by community or street, :meth:`read_group` divides the summed
    households visited by the summed households, which is the community's
    (street's) visit rate. The households of a grid are today's: the
    register keeps no history of grid sizes.
    """

    _name = "grid.visit.grid.report"
    _inherit = "grid.ratio.report"
    _ratios = {"visit_rate": ("household_visited", "household_count", 100.0)}
    _description = "Visit coverage per grid"
    _auto = False
    _order = "month desc, grid_id"

    month = fields.Date(readonly=True)
    grid_id = fields.Many2one(
        comodel_name="grid.grid", string="Grid", readonly=True)
    officer_id = fields.Many2one(
        comodel_name="res.users", string="Responsible officer",
        readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community", readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", readonly=True)
    household_count = fields.Integer("Households", readonly=True)
    household_visited = fields.Integer("Households visited", readonly=True)
    visit_count = fields.Integer("Visits", readonly=True)
    visit_rate = fields.Float(
        "Visit rate (%)", readonly=True, digits=(16, 1),
        group_operator="avg",
        help="Households visited in the month over the households.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # sql: creates the report's SQL view at install; the ORM reads it with the
        #   record rules
        self.env.cr.execute(sql.SQL("""
            CREATE VIEW {table} AS (
            WITH visits AS (
                SELECT date_trunc('month', v.date)::date AS month,
                       v.grid_id, count(*) AS visit_count,
                       count(DISTINCT v.household_id) AS household_visited
                  FROM grid_visit v
                 WHERE v.grid_id IS NOT NULL
                 GROUP BY 1, 2
            ), months AS (
                SELECT generate_series(
                           (SELECT min(month) FROM visits),
                           greatest((SELECT max(month) FROM visits),
                                    date_trunc('month', now())::date),
                           interval '1 month')::date AS month
            )
            SELECT row_number() OVER (ORDER BY m.month, g.id) AS id,
                   m.month, g.id AS grid_id, g.officer_id, g.community_id,
                   g.company_id, g.household_count,
                   coalesce(v.household_visited, 0) AS household_visited,
                   coalesce(v.visit_count, 0) AS visit_count,
                   CASE WHEN g.household_count > 0
                        THEN 100.0 * coalesce(v.household_visited, 0)
                             / g.household_count
                        ELSE 0.0 END AS visit_rate
              FROM months m
              CROSS JOIN grid_grid g
              LEFT JOIN visits v
                ON v.month = m.month AND v.grid_id = g.id
             WHERE g.active OR v.grid_id IS NOT NULL
            )
        """).format(table=sql.Identifier(self._table)))
