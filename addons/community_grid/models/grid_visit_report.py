# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import api, fields, models, tools

from odoo.addons.community_base.tools import roles


class GridVisitReport(models.Model):
    """Visits per month, officer and grid, against the officer's monthly
    quota (the street's ``visit_monthly_target``).

    A grid officer posted to a grid shows up in every month, with nothing
    visited if need be: a month without visits is a rate of 0%, not a
    missing row. The quota is the officer's, not the grid's: when an
    officer worked in several grids in a month, the quota is split evenly
    over those rows so that it adds up to one quota per officer. Only grid
    officers carry a quota; clerks recording a visit do not.

    The visit rate of a group (``visit_rate``) is the distinct households
    visited over the quota of the group, recomputed by :meth:`read_group`
    from the sums: an average of rates would weigh a half-month officer like
    a full one.
    """

    _name = "grid.visit.report"
    _inherit = "grid.ratio.report"
    _ratios = {"visit_rate": ("household_visited", "target", 100.0)}
    _description = "Visit statistics per officer"
    _auto = False
    _order = "month desc, officer_id"

    month = fields.Date(readonly=True)
    officer_id = fields.Many2one(
        comodel_name="res.users", string="Officer", readonly=True)
    grid_id = fields.Many2one(
        comodel_name="grid.grid", string="Grid", readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community", readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", readonly=True)
    visit_count = fields.Integer("Visits", readonly=True)
    household_visited = fields.Integer("Households visited", readonly=True)
    target = fields.Float(
        readonly=True, digits=(16, 2),
        help="Households the officer is to visit in the month.")
    visit_rate = fields.Float(
        "Visit rate (%)", readonly=True, digits=(16, 1),
        group_operator="avg",
        help="Households visited over the target.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        officer_module, officer_group = roles.GRID_OFFICER.split(".")
        # sql: creates the report's SQL view at install; the ORM reads it with the
        #   record rules
        self.env.cr.execute(sql.SQL("""
            CREATE VIEW {table} AS (
            WITH visits AS (
                SELECT date_trunc('month', v.date)::date AS month,
                       v.officer_id, v.grid_id, v.community_id,
                       v.company_id, count(*) AS visit_count,
                       count(DISTINCT v.household_id) AS household_visited
                  FROM grid_visit v
                 GROUP BY 1, 2, 3, 4, 5
            ), months AS (
                SELECT generate_series(
                           (SELECT min(month) FROM visits),
                           greatest((SELECT max(month) FROM visits),
                                    date_trunc('month', now())::date),
                           interval '1 month')::date AS month
            ), idle AS (
                SELECT m.month, g.officer_id, g.id AS grid_id,
                       g.community_id, g.company_id,
                       0 AS visit_count, 0 AS household_visited
                  FROM months m
                  CROSS JOIN grid_grid g
                 WHERE g.active AND g.officer_id IS NOT NULL
                   AND NOT EXISTS (
                       SELECT 1 FROM visits
                        WHERE visits.month = m.month
                          AND visits.officer_id = g.officer_id)
            ), all_rows AS (
                SELECT * FROM visits UNION ALL SELECT * FROM idle
            ), officers AS (
                SELECT r.uid
                  FROM res_groups_users_rel r
                  JOIN ir_model_data d
                    ON d.model = 'res.groups' AND d.res_id = r.gid
                   AND d.module = {officer_module}
                   AND d.name = {officer_group}
            ), rated AS (
                SELECT a.*,
                       CASE WHEN a.officer_id IN (SELECT uid FROM officers)
                            THEN coalesce(c.visit_monthly_target, 0)::float
                                 / count(*) OVER (
                                     PARTITION BY a.month, a.officer_id)
                            ELSE 0.0 END AS target
                  FROM all_rows a
                  JOIN res_company c ON c.id = a.company_id
            )
            SELECT row_number() OVER (
                       ORDER BY month, officer_id, grid_id) AS id,
                   month, officer_id, grid_id, community_id, company_id,
                   visit_count, household_visited, target,
                   CASE WHEN target > 0
                        THEN 100.0 * household_visited / target
                        ELSE 0.0 END AS visit_rate
              FROM rated
            )
        """).format(table=sql.Identifier(self._table),
                    officer_module=sql.Literal(officer_module),
                    officer_group=sql.Literal(officer_group)))
