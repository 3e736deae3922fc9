# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import api, fields, models, tools


class ServiceWindowReport(models.Model):
    """Window statistics (窗口统计) per service matter, community and month
    of receipt: requests received, done, done on time, the on-time rate,
    the average waiting time (received → accepted, hours) and the average
    handling time (accepted → done, days).

    Rates and averages of a group are recomputed from the sums by
    ``grid.ratio.report``: a month of 200 requests weighs more than one of
    3. Months are the street's (its time zone). Times are elapsed times,
    not working days: a resident waits through the weekend too.
    """

    _name = "service.window.report"
    _inherit = "grid.ratio.report"
    _description = "Service window statistics"
    _auto = False
    _order = "month desc, item_id"
    _ratios = {
        "on_time_rate": ("on_time_count", "done_count", 100.0),
        "avg_waiting_hours": ("waiting_hours", "accepted_count", 1.0),
        "avg_handling_days": ("handling_days", "handled_count", 1.0),
    }

    month = fields.Date(readonly=True)
    item_id = fields.Many2one(
        comodel_name="service.item", string="Service matter", readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", readonly=True)
    request_count = fields.Integer("Requests", readonly=True)
    accepted_count = fields.Integer("Accepted", readonly=True)
    rejected_count = fields.Integer("Rejected", readonly=True)
    done_count = fields.Integer("Done", readonly=True)
    on_time_count = fields.Integer("Done on time", readonly=True)
    on_time_rate = fields.Float(
        "On-time rate (%)", readonly=True, digits=(16, 1),
        group_operator="avg")
    waiting_hours = fields.Float(
        "Waiting hours (sum)", readonly=True, digits=(16, 1))
    avg_waiting_hours = fields.Float(
        "Average waiting (hours)", readonly=True, digits=(16, 1),
        group_operator="avg", help="From receipt to acceptance.")
    handled_count = fields.Integer("Handled", readonly=True)
    handling_days = fields.Float(
        "Handling days (sum)", readonly=True, digits=(16, 1))
    avg_handling_days = fields.Float(
        "Average handling (days)", readonly=True, digits=(16, 1),
        group_operator="avg", help="From acceptance to completion.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # sql: creates the report's SQL view at install; the ORM reads it
        #   with the record rules
        self.env.cr.execute(sql.SQL("""
            CREATE VIEW {table} AS (
            WITH rows AS (
                SELECT date_trunc('month', r.date_received
                                  AT TIME ZONE 'UTC'
                                  AT TIME ZONE coalesce(p.tz,
                                                        'Asia/Shanghai'))::date
                           AS month,
                       r.item_id, r.community_id, r.company_id,
                       r.state, r.done_on_time, r.date_done,
                       extract(epoch FROM r.date_accepted - r.date_received)
                           / 3600.0 AS waiting,
                       extract(epoch FROM r.date_done - r.date_accepted)
                           / 86400.0 AS handling
                  FROM service_request r
                  JOIN res_company c ON c.id = r.company_id
                  LEFT JOIN res_partner p ON p.id = c.partner_id
            )
            SELECT row_number() OVER (
                       ORDER BY month, item_id, community_id) AS id,
                   month, item_id, community_id, company_id,
                   count(*) AS request_count,
                   count(waiting) AS accepted_count,
                   count(*) FILTER (WHERE state = 'rejected')
                       AS rejected_count,
                   count(date_done) AS done_count,
                   count(*) FILTER (WHERE date_done IS NOT NULL
                                    AND done_on_time) AS on_time_count,
                   CASE WHEN count(date_done) > 0 THEN
                       100.0 * count(*) FILTER (
                           WHERE date_done IS NOT NULL AND done_on_time)
                       / count(date_done) ELSE 0 END AS on_time_rate,
                   coalesce(sum(waiting), 0) AS waiting_hours,
                   coalesce(avg(waiting), 0) AS avg_waiting_hours,
                   count(handling) AS handled_count,
                   coalesce(sum(handling), 0) AS handling_days,
                   coalesce(avg(handling), 0) AS avg_handling_days
              FROM rows
             GROUP BY month, item_id, community_id, company_id
            )""").format(table=sql.Identifier(self._table)))
