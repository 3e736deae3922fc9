# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import api, fields, models, tools


class PartyInserviceUnitReport(models.Model):
    """In-service members reporting per unit, member and year: who
    reported, who was active (at least one volunteer activity in the
    calendar year) and the hours served.

    A row per registration and calendar year it was in force (from the year
    of registration to the year it ended, or this year), so that grouped by
    unit it reads "reported, active, hours" of the unit's members, and
    ``active_rate`` is the active members over those reported (a rate of
    the sums, see ``grid.ratio.report``). The activities and hours are
    those of the member's resident record, as on the registration
    (``party.inservice.registration._service_of_year``). The rows carry the
    registration's street, community and member's organisation, so that the
    registration's record rules apply to them.
    """

    _name = "party.inservice.unit.report"
    _inherit = "grid.ratio.report"
    _ratios = {"active_rate": ("active_count", "reported_count", 100.0)}
    _description = "In-service members reporting per unit"
    _auto = False
    _order = "year desc, unit_id, member_id"

    year = fields.Char(readonly=True)
    registration_id = fields.Many2one(
        comodel_name="party.inservice.registration", string="Registration",
        readonly=True)
    member_id = fields.Many2one(
        comodel_name="party.member", string="Party member", readonly=True)
    member_organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Member's party organisation", readonly=True)
    unit_id = fields.Many2one(
        comodel_name="res.partner", string="Work unit", readonly=True)
    unit_organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Unit's party organisation", readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", readonly=True)
    state = fields.Selection(
        selection=[("registered", "Registered"), ("ended", "Ended")],
        readonly=True)
    reported_count = fields.Integer("Members reported", readonly=True)
    active_count = fields.Integer(
        "Active members", readonly=True,
        help="Members with at least one volunteer activity in the year.")
    activity_count = fields.Integer("Activities", readonly=True)
    hours = fields.Float(readonly=True, digits=(16, 1))
    active_rate = fields.Float(
        "Active share (%)", readonly=True, digits=(16, 1),
        group_operator="avg",
        help="Active members over the members reported.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # sql: creates the report's SQL view at install; the ORM reads it with
        #   the record rules
        self.env.cr.execute(sql.SQL("""
            CREATE VIEW {table} AS (
            WITH years AS (
                SELECT r.id AS registration_id,
                       generate_series(
                           extract(year FROM r.date_registered)::int,
                           greatest(
                               extract(year FROM r.date_registered)::int,
                               extract(year FROM coalesce(
                                   r.date_ended, current_date))::int)
                       ) AS year
                  FROM party_inservice_registration r
            ), service AS (
                SELECT a.volunteer_id,
                       extract(year FROM a.date)::int AS year,
                       count(*) AS activity_count, sum(a.hours) AS hours
                  FROM community_volunteer_activity a
                 GROUP BY 1, 2
            )
            SELECT r.id::bigint * 10000 + y.year AS id,
                   y.year::varchar AS year,
                   r.id AS registration_id, r.member_id,
                   r.member_organisation_id, r.unit_id,
                   r.unit_organisation_id, r.community_id, r.company_id,
                   r.state,
                   1 AS reported_count,
                   CASE WHEN s.activity_count > 0 THEN 1 ELSE 0 END
                       AS active_count,
                   coalesce(s.activity_count, 0) AS activity_count,
                   coalesce(s.hours, 0.0) AS hours,
                   CASE WHEN s.activity_count > 0 THEN 100.0 ELSE 0.0 END
                       AS active_rate
              FROM years y
              JOIN party_inservice_registration r
                ON r.id = y.registration_id
              LEFT JOIN service s
                ON s.volunteer_id = r.resident_id AND s.year = y.year
            )
        """).format(table=sql.Identifier(self._table)))
