# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import _, api, fields, models, tools

from ..tools import report_sheet


class CommunityTaskInboundReport(models.Model):
    """Inbound work per department, community and month: items sent,
    admitted, not admitted, accepted under protest, refused.

    A row is what one department sent one community in one month; the
    record rules of the reader (a community clerk: their communities) apply
    to the rows as to the items. The share not admitted of a group is
    recomputed by :meth:`read_group` from the sums (items not admitted over
    items sent), never the mean of the rows' shares.
    """

    _name = "community.task.inbound.report"
    _description = "Inbound work per department"
    _auto = False
    _order = "month desc, department_id, community_id"

    month = fields.Date(readonly=True)
    year = fields.Integer(readonly=True, group_operator=False)
    department_id = fields.Many2one(
        comodel_name="hr.department", string="Requesting department",
        readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", readonly=True)
    item_count = fields.Integer("Items sent", readonly=True)
    admitted_count = fields.Integer("Admitted", readonly=True)
    not_admitted_count = fields.Integer("Not admitted", readonly=True)
    accepted_count = fields.Integer("Accepted", readonly=True)
    protest_count = fields.Integer("Accepted under protest", readonly=True)
    refused_count = fields.Integer("Refused", readonly=True)
    effort_hours = fields.Float(
        "Estimated effort (hours)", readonly=True, digits=(16, 1))
    not_admitted_share = fields.Float(
        "Share not admitted (%)", readonly=True, digits=(16, 1),
        group_operator="avg",
        help="Items not admitted over items sent.")

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # sql: creates the report's SQL view at install; the ORM reads it with the
        #   record rules
        self.env.cr.execute(sql.SQL("""
            CREATE VIEW {table} AS (
            SELECT row_number() OVER (
                       ORDER BY month, department_id, community_id) AS id,
                   g.*,
                   CASE WHEN item_count > 0
                        THEN 100.0 * not_admitted_count / item_count
                        ELSE 0.0 END AS not_admitted_share
              FROM (
                SELECT date_trunc('month', i.date_received)::date AS month,
                       extract(year FROM i.date_received)::int AS year,
                       i.department_id, i.community_id, i.company_id,
                       count(*) AS item_count,
                       count(*) FILTER (WHERE i.admitted) AS admitted_count,
                       count(*) FILTER (WHERE NOT coalesce(i.admitted, false))
                           AS not_admitted_count,
                       count(*) FILTER (WHERE i.state = 'accepted')
                           AS accepted_count,
                       count(*) FILTER (WHERE i.state = 'protest')
                           AS protest_count,
                       count(*) FILTER (WHERE i.state = 'refused')
                           AS refused_count,
                       coalesce(sum(i.effort_hours), 0.0) AS effort_hours
                  FROM community_task_inbound i
                 GROUP BY 1, 2, 3, 4, 5
              ) g
            )
        """).format(table=sql.Identifier(self._table)))

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        wanted = {name.split(":")[0] for name in fields}
        extra = []
        if "not_admitted_share" in wanted:
            extra = sorted({"not_admitted_count", "item_count"} - wanted)
        groups = super().read_group(
            domain, list(fields) + extra, groupby, offset=offset,
            limit=limit, orderby=orderby, lazy=lazy)
        if "not_admitted_share" in wanted:
            for group in groups:
                whole = group.get("item_count") or 0
                group["not_admitted_share"] = (
                    100.0 * (group.get("not_admitted_count") or 0) / whole
                    if whole else 0.0)
        return groups

    # -- the sheet of the monthly report pack -----------------------------------

    @api.model
    def _pack_sheet(self, pack, book):
        """The sheet of the monthly report pack ``pack``: a row per
        requesting department with the items it sent the street's
        communities in the pack's month, read with the pack author's rules
        (``community.report.pack._sheet_inbound``)."""
        start, end = pack._month_bounds()
        counts = ("item_count", "admitted_count", "not_admitted_count",
                  "accepted_count", "protest_count", "refused_count")
        groups = self.read_group(
            [("company_id", "=", pack.company_id.id),
             ("month", ">=", fields.Date.to_string(start)),
             ("month", "<", fields.Date.to_string(end))],
            ["department_id"] + list(counts), ["department_id"],
            orderby="department_id")
        columns = [
            (_("Requesting department"), "text", 24),
            (_("Items sent"), "int", 10), (_("Admitted"), "int", 10),
            (_("Not admitted"), "int", 10), (_("Accepted"), "int", 10),
            (_("Accepted under protest"), "int", 12),
            (_("Refused"), "int", 10),
            (_("Share not admitted"), "percent", 12),
        ]
        rows = []
        sums = [0] * len(counts)
        for group in groups:
            figures = [group[name] or 0 for name in counts]
            sums = [total + figure for total, figure in zip(sums, figures)]
            rows.append([group["department_id"][1]] + figures + [
                report_sheet.ratio(figures[2], figures[0])])
        totals = [pack._total_label()] + sums + [
            report_sheet.ratio(sums[2], sums[0])]
        pack._write_table(
            book, _("Inbound work"),
            _("Inbound work per requesting department"), columns, rows,
            totals)
