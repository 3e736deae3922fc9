# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import api, fields, models, tools


class PartyCoverageReport(models.Model):
    """How far the party organisations reach into each community (党组织覆盖):
    the share of its grids with a grid party branch, of its buildings with
    a building branch or a party group, and of its resident units (驻区单位)
    in an active pairing (结对共建) with any community.

    Only active grids, buildings, units and organisations count. Grouped
    (by street), :meth:`read_group` recomputes the rates from the sums
    (``grid.ratio.report``). The pairings live in ``party_pairing``; the
    view is created after that table (this model is imported last), and
    counts no paired unit where the table does not exist.
    """

    _name = "party.coverage.report"
    _inherit = "grid.ratio.report"
    _ratios = {
        "grid_rate": ("grid_branch_count", "grid_count", 100.0),
        "building_rate": ("building_group_count", "building_count", 100.0),
        "unit_rate": ("unit_paired_count", "unit_count", 100.0),
    }
    _description = "Party organisation coverage"
    _auto = False
    _order = "company_id, community_id"

    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community", readonly=True)
    grid_count = fields.Integer("Grids", readonly=True)
    grid_branch_count = fields.Integer(
        "Grids with a party branch", readonly=True)
    grid_rate = fields.Float(
        "Grid coverage (%)", readonly=True, digits=(16, 1),
        group_operator="avg")
    building_count = fields.Integer("Buildings", readonly=True)
    building_group_count = fields.Integer(
        "Buildings with a branch or group", readonly=True)
    building_rate = fields.Float(
        "Building coverage (%)", readonly=True, digits=(16, 1),
        group_operator="avg")
    unit_count = fields.Integer("Resident units", readonly=True)
    unit_paired_count = fields.Integer("Units paired", readonly=True)
    unit_rate = fields.Float(
        "Pairing coverage (%)", readonly=True, digits=(16, 1),
        group_operator="avg")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # sql: whether the pairings' table exists yet (see the docstring)
        self.env.cr.execute("SELECT to_regclass('party_pairing') IS NOT NULL")
        if self.env.cr.fetchone()[0]:
            paired = sql.SQL("""
                SELECT p.community_id, count(*) AS unit_paired_count
                  FROM res_partner p
                 WHERE p.active AND p.organisation_type = 'resident_unit'
                   AND p.community_id IS NOT NULL
                   AND EXISTS (SELECT 1 FROM party_pairing pp
                                WHERE pp.unit_id = p.id
                                  AND pp.state = 'active')
                 GROUP BY p.community_id""")
        else:
            paired = sql.SQL("""
                SELECT NULL::integer AS community_id,
                       0 AS unit_paired_count
                 WHERE false""")
        # sql: creates the report's SQL view at install; the ORM reads it
        #   with the record rules
        self.env.cr.execute(sql.SQL("""
            CREATE VIEW {table} AS (
            WITH grids AS (
                SELECT g.community_id, count(*) AS grid_count,
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM party_organisation o
                            WHERE o.grid_id = g.id AND o.active
                              AND o.kind = 'grid_branch'))
                           AS grid_branch_count
                  FROM grid_grid g
                 WHERE g.active
                 GROUP BY g.community_id
            ), buildings AS (
                SELECT b.community_id, count(*) AS building_count,
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM party_organisation o
                            WHERE o.building_id = b.id AND o.active
                              AND o.kind IN ('building_branch', 'group')))
                           AS building_group_count
                  FROM community_building b
                 WHERE b.active
                 GROUP BY b.community_id
            ), units AS (
                SELECT p.community_id, count(*) AS unit_count
                  FROM res_partner p
                 WHERE p.active AND p.organisation_type = 'resident_unit'
                   AND p.community_id IS NOT NULL
                 GROUP BY p.community_id
            ), paired AS ({paired})
            SELECT c.id, c.id AS community_id, c.company_id,
                   coalesce(g.grid_count, 0) AS grid_count,
                   coalesce(g.grid_branch_count, 0) AS grid_branch_count,
                   CASE WHEN g.grid_count > 0
                        THEN 100.0 * g.grid_branch_count / g.grid_count
                        ELSE 0.0 END AS grid_rate,
                   coalesce(b.building_count, 0) AS building_count,
                   coalesce(b.building_group_count, 0)
                       AS building_group_count,
                   CASE WHEN b.building_count > 0
                        THEN 100.0 * b.building_group_count / b.building_count
                        ELSE 0.0 END AS building_rate,
                   coalesce(u.unit_count, 0) AS unit_count,
                   coalesce(pu.unit_paired_count, 0) AS unit_paired_count,
                   CASE WHEN u.unit_count > 0
                        THEN 100.0 * coalesce(pu.unit_paired_count, 0)
                             / u.unit_count
                        ELSE 0.0 END AS unit_rate
              FROM community_community c
              LEFT JOIN grids g ON g.community_id = c.id
              LEFT JOIN buildings b ON b.community_id = c.id
              LEFT JOIN units u ON u.community_id = c.id
              LEFT JOIN paired pu ON pu.community_id = c.id
             WHERE c.active
            )
        """).format(table=sql.Identifier(self._table), paired=paired))
