# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import sql

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.community_base.tools import street_time, user_query

#: the groupings of the statistics: key -> (label, SQL of the group key)
GROUPINGS = ("community", "category", "unit")

#: the figures of a row, in the order of the workbook's columns
FIGURES = (
    "received", "closed", "on_time", "on_time_rate", "avg_days",
    "median_days", "return_count", "extension_count", "reopen_count",
    "evaluated", "satisfied", "basic", "dissatisfied", "satisfaction_rate",
    "reply_due", "reply_kept", "reply_rate",
)


class GridCaseStatistics(models.AbstractModel):
    """Monthly case statistics for superiors, computed by PostgreSQL.

    Why SQL: a street accumulates hundreds of thousands of cases and the
    figures (counts, averages and the median days to close) must come back
    in about a second; one ``GROUP BY ... GROUPING SETS`` query computes the
    rows and the totals row at once, and the totals are computed over the
    cases themselves (the street's median and on-time rate), never averaged
    from the rows.

    What the figures mean, for the period ``[date_start, date_end]`` (local
    dates of the user's time zone):

    - received: cases reported in the period; returns, extensions and
      reopenings are counted on those cases;
    - closed, closed on time, on-time rate (on time / closed), average and
      median working days to close: cases closed in the period;
    - evaluated and the satisfaction counts: cases evaluated in the period;
      satisfaction rate = (satisfied + basically satisfied) / evaluated;
    - the "123" reply promise, of the cases received in the period: due
      (answered, or unanswered past the answer deadline), kept (answered
      by the deadline) and the kept rate (kept / due), beside closing on
      time.

    Record rules apply: the query runs on the cases the user may read
    (``tools.user_query``: access rights, the rules' domain as
    ``read_group`` adds it, and no field the user may not read), so a
    community clerk's figures cover their communities only.
    """

    #: the columns of grid.case the query reads besides its domain's
    _query_fields = (
        "date_reported", "date_closed", "date_evaluated", "closed_on_time",
        "days_to_close", "return_count", "extension_count", "reopen_count",
        "satisfaction", "community_id", "category_id",
        "handler_department_id", "handler_partner_id",
        "reply_promise_kept", "is_answer_overdue")

    _name = "grid.case.statistics"
    _description = "Case statistics"

    @api.model
    def _period_bounds(self, date_start, date_end, company=None):
        """The UTC datetimes bounding the street's days ``date_start`` to
        ``date_end`` (both included), as stored Datetime strings: the days of
        the street (``company``, else the user's), whoever reads them."""
        return street_time.street_day_bounds(
            self.env, date_start, date_end, company)

    @api.model
    def compute(self, date_start, date_end, grouping, company_ids=None):
        """Rows of figures per group of ``grouping`` (``community``,
        ``category`` or ``unit``), and the totals, for the cases of the
        streets ``company_ids`` the user may read. Returns ``{"rows":
        [{"key", "name", figures...}], "total": {figures...}}``, the rows
        sorted by name."""
        if grouping not in GROUPINGS:
            raise UserError(_("Unknown grouping of case statistics: %s.")
                            % grouping)
        if fields.Date.from_string(date_start) > fields.Date.from_string(
                date_end):
            raise UserError(_(
                "The statistics period starts on %(start)s, after its end "
                "%(end)s.")
                % {"start": date_start, "end": date_end})
        start, stop = self._period_bounds(
            date_start, date_end,
            self.env["res.company"].browse(list(company_ids or [])[:1]))
        Case = self.env["grid.case"]
        domain = [
            "|", "|",
            "&", ("date_reported", ">=", start), ("date_reported", "<", stop),
            "&", ("date_closed", ">=", start), ("date_closed", "<", stop),
            "&", ("date_evaluated", ">=", start),
            ("date_evaluated", "<", stop),
        ]
        if company_ids:
            domain = [("company_id", "in", list(company_ids))] + domain
        query = user_query.user_query(Case, domain, self._query_fields)
        from_clause, where_clause, where_params = query.get_sql()
        table = sql.Identifier(Case._table)
        keys = {
            "community": [sql.SQL("{}.community_id").format(table)],
            "category": [sql.SQL("{}.category_id").format(table)],
            "unit": [sql.SQL("{}.handler_department_id").format(table),
                     sql.SQL("{}.handler_partner_id").format(table)],
        }[grouping]
        key_list = sql.SQL(", ").join(keys)

        def column(name):
            return sql.SQL("{}.{}").format(table, sql.Identifier(name))

        received = sql.SQL("({0} >= %(start)s AND {0} < %(stop)s)").format(
            column("date_reported"))
        closed = sql.SQL("({0} >= %(start)s AND {0} < %(stop)s)").format(
            column("date_closed"))
        evaluated = sql.SQL("({0} >= %(start)s AND {0} < %(stop)s)").format(
            column("date_evaluated"))
        query_sql = sql.SQL("""
            SELECT {key_list}, GROUPING({key_list}) AS is_total,
                count(*) FILTER (WHERE {received}) AS received,
                count(*) FILTER (WHERE {closed}) AS closed,
                count(*) FILTER (WHERE {closed} AND {on_time}) AS on_time,
                avg({days}) FILTER (WHERE {closed}) AS avg_days,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY {days})
                    FILTER (WHERE {closed}) AS median_days,
                coalesce(sum({returns}) FILTER (WHERE {received}), 0)
                    AS return_count,
                coalesce(sum({extensions}) FILTER (WHERE {received}), 0)
                    AS extension_count,
                coalesce(sum({reopens}) FILTER (WHERE {received}), 0)
                    AS reopen_count,
                count(*) FILTER (WHERE {evaluated}
                                 AND {satisfaction} IS NOT NULL) AS evaluated,
                count(*) FILTER (WHERE {evaluated}
                                 AND {satisfaction} = 'satisfied')
                    AS satisfied,
                count(*) FILTER (WHERE {evaluated}
                                 AND {satisfaction} = 'basic') AS basic,
                count(*) FILTER (WHERE {evaluated}
                                 AND {satisfaction} = 'dissatisfied')
                    AS dissatisfied,
                count(*) FILTER (WHERE {received} AND ({kept}
                                 OR {answer_overdue})) AS reply_due,
                count(*) FILTER (WHERE {received} AND {kept}) AS reply_kept
            FROM {from_clause}
            WHERE {where_clause}
            GROUP BY GROUPING SETS (({key_list}), ())
        """).format(
            key_list=key_list, received=received, closed=closed,
            evaluated=evaluated,
            on_time=sql.SQL("coalesce({}, false)").format(
                column("closed_on_time")),
            days=column("days_to_close"),
            returns=column("return_count"),
            extensions=column("extension_count"),
            reopens=column("reopen_count"),
            satisfaction=column("satisfaction"),
            kept=sql.SQL("coalesce({}, false)").format(
                column("reply_promise_kept")),
            answer_overdue=sql.SQL("coalesce({}, false)").format(
                column("is_answer_overdue")),
            # the ORM's own FROM and WHERE (with the record rules): their
            # parameters are positional, ours are named; both are merged
            # below into one positional list
            from_clause=sql.SQL(from_clause),
            where_clause=sql.SQL(where_clause or "TRUE"),
        )
        cr = self.env.cr
        text = query_sql.as_string(cr._obj)
        text, params = _positional(text, where_params,
                                   {"start": start, "stop": stop})
        # GROUPING SETS and a median, which read_group cannot compute
        # sql: over the user_query of the cases (rights, rules, fields)
        cr.execute(text, params)
        rows, total = [], _empty_figures()
        width = len(keys)
        for record in cr.fetchall():
            key = record[:width]
            values = dict(zip(FIGURES, _derive(record[width + 1:])))
            if record[width]:
                total = values
            else:
                values["key"] = key if width > 1 else key[0]
                rows.append(values)
        self._name_rows(grouping, rows)
        rows.sort(key=lambda row: (row["key"] in (None, (None, None)),
                                   row["name"]))
        return {"rows": rows, "total": total}

    def _name_rows(self, grouping, rows):
        """Name the groups: the community, the category's complete name,
        the handling section or department. Names are read as superuser:
        a user who reads a case may not read its handler's record."""
        no_unit = _("Not dispatched")
        if grouping == "unit":
            # sudo: the names of the handling units of cases the user reads
            departments = {department.id: department.name for department in
                           self.env["hr.department"].sudo().browse(
                               {row["key"][0] for row in rows
                                if row["key"][0]})}
            # sudo: likewise, the handling section's name only
            partners = {partner.id: partner.name for partner in
                        self.env["res.partner"].sudo().browse(
                            {row["key"][1] for row in rows if row["key"][1]})}
            for row in rows:
                department_id, partner_id = row["key"]
                names = [departments.get(department_id),
                         partners.get(partner_id)]
                row["name"] = " / ".join(
                    name for name in names if name) or no_unit
            return
        model = {"community": "community.community",
                 "category": "grid.case.category"}[grouping]
        # sudo: names of the communities and categories of readable cases
        records = self.env[model].sudo().with_context(
            active_test=False).browse(
                [row["key"] for row in rows if row["key"]])
        names = dict(records.name_get())
        for row in rows:
            row["name"] = names.get(row["key"]) or _("None")


def _derive(values):
    """The figures of one SQL row, with the three rates added: on time /
    closed, (satisfied + basic) / evaluated and replies kept / due, as
    fractions (the workbook formats them as percents); None where the
    denominator is 0."""
    (received, closed, on_time, avg_days, median_days, returns, extensions,
     reopens, evaluated, satisfied, basic, dissatisfied, reply_due,
     reply_kept) = values
    return (
        received, closed, on_time,
        on_time / closed if closed else None,
        float(avg_days) if avg_days is not None else None,
        float(median_days) if median_days is not None else None,
        int(returns), int(extensions), int(reopens),
        evaluated, satisfied, basic, dissatisfied,
        (satisfied + basic) / evaluated if evaluated else None,
        reply_due, reply_kept,
        reply_kept / reply_due if reply_due else None,
    )


def _empty_figures():
    return dict(zip(FIGURES, _derive((0,) * 14)))


def _positional(text, positional, named):
    """Turn ``text``'s ``%(name)s`` placeholders into ``%s`` and return the
    parameter list in order, with the ORM's positional parameters of its
    WHERE clause where its ``%s`` placeholders stand."""
    params = []
    positional = list(positional)
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "%" and text.startswith("%%", index):
            out.append("%%")
            index += 2
        elif char == "%" and text.startswith("%(", index):
            end = text.index(")s", index)
            params.append(named[text[index + 2:end]])
            out.append("%s")
            index = end + 2
        elif char == "%" and text.startswith("%s", index):
            params.append(positional.pop(0))
            out.append("%s")
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out), params
