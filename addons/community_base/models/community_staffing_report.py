# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import api, fields, models, tools

from .community_worker import FULL_TIME_CATEGORIES
from .community_worker_post import KEY_POSTS


class CommunityStaffingReport(models.Model):
    """The staffing check of each community (社区工作者配备): households
    per full-time worker against the street's norm (one worker per 250-300
    households, ``res.company.worker_households_norm``), and the key posts
    (director, party secretary) without a holder in force.

    Full-time workers are the active workers of the categories of
    ``FULL_TIME_CATEGORIES``; a post is held when its line is active and
    has started. Grids without an officer are community_grid's business
    (its tile), as this addon does not know the grids.
    """

    _name = "community.staffing.report"
    _description = "Community staffing"
    _auto = False
    _order = "company_id, community_id"

    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        readonly=True)
    household_count = fields.Integer("Households", readonly=True)
    worker_count = fields.Integer("Full-time workers", readonly=True)
    households_per_worker = fields.Float(
        "Households per worker", readonly=True, digits=(16, 1),
        group_operator="avg",
        help="Households of the community per full-time worker; all of "
        "them when it has no worker.")
    norm = fields.Integer(
        "Norm (households per worker)", readonly=True, group_operator="max")
    workers_needed = fields.Integer(
        "Workers needed", readonly=True,
        help="Full-time workers the norm asks for: the households divided "
        "by the norm, rounded up.")
    below_norm = fields.Boolean(
        "Below the norm", readonly=True,
        help="The community has fewer full-time workers than the norm asks "
        "for.")
    vacant_post_count = fields.Integer(
        "Vacant key posts", readonly=True,
        help="Of the residents' committee director and the community party "
        "secretary, the posts without a holder in force.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # sql: creates the report's SQL view at install; the ORM reads it with the
        #   record rules of its models
        self.env.cr.execute(sql.SQL("""
            CREATE VIEW {view} AS (
            SELECT c.id AS id, c.id AS community_id,
                   c.company_id AS company_id,
                   COALESCE(h.n, 0) AS household_count,
                   COALESCE(w.n, 0) AS worker_count,
                   COALESCE(h.n, 0)::float / GREATEST(COALESCE(w.n, 0), 1)
                       AS households_per_worker,
                   COALESCE(rc.worker_households_norm, 300) AS norm,
                   CEIL(COALESCE(h.n, 0)::float
                        / GREATEST(COALESCE(rc.worker_households_norm,
                                            300), 1))::int
                       AS workers_needed,
                   COALESCE(w.n, 0) < CEIL(COALESCE(h.n, 0)::float
                        / GREATEST(COALESCE(rc.worker_households_norm,
                                            300), 1)) AS below_norm,
                   {key_count} - COALESCE(p.n, 0) AS vacant_post_count
              FROM community_community c
              LEFT JOIN res_company rc ON rc.id = c.company_id
              LEFT JOIN (SELECT community_id, COUNT(*) AS n
                           FROM community_household
                          WHERE active
                          GROUP BY community_id) h
                ON h.community_id = c.id
              LEFT JOIN (SELECT community_id, COUNT(*) AS n
                           FROM community_worker
                          WHERE active AND category IN {categories}
                          GROUP BY community_id) w
                ON w.community_id = c.id
              LEFT JOIN (SELECT community_id, COUNT(DISTINCT post) AS n
                           FROM community_worker_post
                          WHERE active AND post IN {posts}
                            AND date_start <= CURRENT_DATE
                          GROUP BY community_id) p
                ON p.community_id = c.id
             WHERE c.active
            )""").format(
            view=sql.Identifier(self._table),
            key_count=sql.Literal(len(KEY_POSTS)),
            categories=sql.Literal(tuple(FULL_TIME_CATEGORIES)),
            posts=sql.Literal(tuple(KEY_POSTS))))
