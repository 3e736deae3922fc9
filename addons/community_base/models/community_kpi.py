# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import json

import babel
from babel.dates import format_date, format_skeleton
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression

from ..tools import street_time, user_query

#: the bars of the text sparkline of a tile's trend, lowest to highest
SPARK_BARS = "▁▂▃▄▅▆▇█"

#: how many periods a tile's trend shows, the current one included
TREND_PERIODS = 6

#: a many2many "is set" test is rewritten as "in the comodel's records" when
#: the comodel has at most this many (see CommunityKpi._query_domain)
M2M_INLINE_LIMIT = 1000


def period_bounds(period, day):
    """The first day of the period of kind ``period`` containing ``day``
    and the first day of the next one (dates); ``None, None`` for ``all``.

    >>> period_bounds("month", datetime.date(2026, 11, 25))
    (datetime.date(2026, 11, 1), datetime.date(2026, 12, 1))
    >>> period_bounds("quarter", datetime.date(2026, 11, 25))
    (datetime.date(2026, 10, 1), datetime.date(2027, 1, 1))
    >>> period_bounds("year", datetime.date(2026, 11, 25))
    (datetime.date(2026, 1, 1), datetime.date(2027, 1, 1))
    >>> period_bounds("day", datetime.date(2026, 12, 31))
    (datetime.date(2026, 12, 31), datetime.date(2027, 1, 1))
    """
    if period == "day":
        return day, day + relativedelta(days=1)
    if period == "month":
        start = day.replace(day=1)
        return start, start + relativedelta(months=1)
    if period == "quarter":
        start = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
        return start, start + relativedelta(months=3)
    if period == "year":
        start = day.replace(month=1, day=1)
        return start, start + relativedelta(years=1)
    return None, None


def previous_period_day(period, day):
    """A day of the period before the one containing ``day``."""
    start = period_bounds(period, day)[0]
    return start - relativedelta(days=1)


def sparkline(values):
    """A text sparkline of ``values`` (``None`` for a period without a
    figure), so that a kanban tile shows its trend without JavaScript.

    >>> sparkline([1, 2, 3, 4])
    '▁▃▆█'
    >>> sparkline([5, 5])
    '▄▄'
    >>> sparkline([0, 0])
    '▁▁'
    >>> sparkline([None, 0, 10])
    ' ▁█'
    """
    known = [value for value in values if value is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    bars = []
    for value in values:
        if value is None:
            bars.append(" ")
        elif high == low:
            # a flat line: at the bottom when nothing happened at all
            bars.append(SPARK_BARS[len(SPARK_BARS) // 2 - 1] if high else
                        SPARK_BARS[0])
        else:
            index = int(round((value - low) / (high - low) * (len(SPARK_BARS) - 1)))
            bars.append(SPARK_BARS[index])
    return "".join(bars)


#: how a trend's period is named on hover (``label``) and under its bar
#: (``tick``), as Babel skeletons or patterns in the reader's language:
#: 2026年6月 / 6月, Jun 2026 / Jun
PERIOD_LABELS = {
    "day": ("yMMMd", "d"),
    "month": ("yMMM", "MMM"),
    "quarter": ("yQQQ", "QQQ"),
    "year": ("y", "y"),
}


def babel_locale(lang):
    """The Babel locale of an Odoo language code, English when unknown."""
    try:
        return babel.Locale.parse(lang or "en_US")
    except (ValueError, babel.UnknownLocaleError):
        return babel.Locale.parse("en_US")


def period_label(period, day, locale):
    """The name of the period of kind ``period`` containing ``day`` in
    ``locale``, in full and short (for an axis).

    >>> en = babel_locale("en_US")
    >>> period_label("month", datetime.date(2026, 6, 5), en)
    ('Jun 2026', 'Jun')
    >>> period_label("quarter", datetime.date(2026, 6, 5), en)
    ('Q2 2026', 'Q2')
    >>> period_label("year", datetime.date(2026, 6, 5), babel_locale("zh_CN"))
    ('2026年', '2026年')
    """
    label, tick = PERIOD_LABELS[period]
    # Babel has no "QQQ" skeleton alone: the pattern says the same
    short = (format_date(day, tick, locale=locale) if period == "quarter"
             else format_skeleton(tick, day, locale=locale))
    return format_skeleton(label, day, locale=locale), short


def trend_is_shown(values):
    """A trend is drawn when at least two of its periods have a figure: a
    single bar among empty periods says nothing about a trend.

    >>> trend_is_shown([None, None, 25.0])
    False
    >>> trend_is_shown([0.0, 0.0, 0.0])
    True
    """
    return len([value for value in values if value is not None]) >= 2


class CommunityKpi(models.Model):
    """A tile of the street dashboard (工作台): a named rule over any model.

    Administrators add, order and restrict tiles without code: a tile is a
    domain on a model, an aggregate (count, sum or average of a field, or a
    share in percent of a second domain), an optional period on a date
    field, a target and a warning threshold. Figures are computed with the
    reading user's rights, so the record rules of the underlying model
    apply: a community clerk's tile counts their community only, and a
    field the user may not read (an ID number, a birth date) cannot be
    counted, summed or used as the date of a trend either (see
    ``tools.user_query``). A domain is evaluated with plain values only
    (ids and dates, never a record), and only the roles that manage tiles
    may try a domain out in the form (``onchange``).

    Each user's dashboard holds the tiles shown to their roles that they
    can read (``shown``: the same checks as the figures, made before any
    is computed), so no tile says "not readable"; the tiles of a role's own
    work (``work_group_ids``) also make its "My work" page, where clerks and
    grid officers land after login (``res.groups``'
    ``community_home_action_id``).
    """

    _name = "community.kpi"
    _description = "Dashboard indicator"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(
        translate=True, help="What the figure means, shown on the tile.")
    model_id = fields.Many2one(
        comodel_name="ir.model",
        string="Model",
        required=True,
        ondelete="cascade",
        domain=[("transient", "=", False)],
        help="The records the figure is computed from.",
    )
    model_name = fields.Char(
        related="model_id.model", string="Model name", readonly=True,
        store=True)
    domain = fields.Char(
        required=True,
        default="[]",
        help="Which records count. Can use uid, user_company_id, "
        "user_company_ids, user_community_ids, today, context_today(), "
        "datetime and relativedelta.",
    )
    aggregate = fields.Selection(
        selection=[
            ("count", "Number of records"),
            ("sum", "Sum of a field"),
            ("avg", "Average of a field"),
            ("ratio", "Share of records (percent)"),
            ("sum_ratio", "Sum in percent of another sum"),
        ],
        required=True,
        default="count",
    )
    field_id = fields.Many2one(
        comodel_name="ir.model.fields",
        string="Measure",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('store', '=', True), "
        "('ttype', 'in', ('integer', 'float', 'monetary'))]",
        help="The field summed or averaged; for a sum in percent of another "
        "sum, the part.",
    )
    ratio_field_id = fields.Many2one(
        comodel_name="ir.model.fields",
        string="Out of (measure)",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('store', '=', True), "
        "('ttype', 'in', ('integer', 'float', 'monetary'))]",
        help="For a sum in percent of another sum: the field summed as the "
        "whole, over the same records (e.g. the budget, of which the "
        "expenses are a share).",
    )
    ratio_domain = fields.Char(
        "Out of",
        default="[]",
        help="For a share: the records the share is taken of. The figure is "
        "the records matching both domains, in percent of the records "
        "matching this one.",
    )
    date_field_id = fields.Many2one(
        comodel_name="ir.model.fields",
        string="Date field",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('store', '=', True), "
        "('ttype', 'in', ('date', 'datetime'))]",
        help="The date that places a record in a period; also the axis of "
        "the trend.",
    )
    period = fields.Selection(
        selection=[
            ("all", "All records"),
            ("day", "Today"),
            ("month", "This month"),
            ("quarter", "This quarter"),
            ("year", "This year"),
        ],
        required=True,
        default="all",
        help="Only records whose date falls in the current period count. "
        "With all records, the trend shows the running total at the end of "
        "each of the last months.",
    )
    unit = fields.Char(translate=True, help="e.g. 户, 人, %.")
    digits = fields.Integer(
        "Decimals", default=0, help="Decimals shown on the tile.")
    target = fields.Float(
        help="The figure to reach; zero: the tile has no target.")
    warning_threshold = fields.Float(
        help="Between the target and this figure the tile shows a warning; "
        "beyond it, an alert.")
    higher_is_better = fields.Boolean(
        default=True,
        help="Unset for figures to keep low, such as overdue cases.")
    group_ids = fields.Many2many(
        comodel_name="res.groups",
        string="Shown to",
        help="Roles that see the tile; empty: every role that may read the "
        "model.",
    )
    work_group_ids = fields.Many2many(
        comodel_name="res.groups",
        relation="community_kpi_work_group_rel",
        column1="kpi_id",
        column2="group_id",
        string="On the work page of",
        help="Roles whose My work page (where they land after login) shows "
        "the tile: the figures of their own work, such as the cases "
        "waiting for them.",
    )
    drill_down = fields.Selection(
        selection=[
            ("counted", "The records counted"),
            ("missing", "The records missing"),
        ],
        string="Records button opens",
        required=True,
        default="counted",
        help="For a share: the records of the share, or the records it is "
        "taken of that are not in it (e.g. the households in no grid, "
        "when the figure is the share of households in a grid).",
    )
    shown = fields.Boolean(
        "Shown to me", compute="_compute_shown", search="_search_shown",
        help="On the user's dashboard: shown to one of the user's roles, "
        "and its figure computable with the user's rights.")
    on_my_work = fields.Boolean(
        "On my work page", compute="_compute_shown",
        search="_search_on_my_work",
        help="On the user's My work page: shown to the user and on the work "
        "page of one of the user's roles.")
    value = fields.Float(compute="_compute_figures")
    value_display = fields.Char("Figure", compute="_compute_figures")
    target_display = fields.Char("Target line", compute="_compute_figures")
    trend = fields.Char(compute="_compute_figures")
    trend_display = fields.Char("Trend figures", compute="_compute_figures")
    trend_points = fields.Char(
        compute="_compute_figures",
        help="The trend's periods as JSON: their name in full and short, "
        "the figure and its text; empty when fewer than two periods have a "
        "figure.")
    state = fields.Selection(
        selection=[
            ("none", "No target"),
            ("empty", "No figure yet"),
            ("ok", "On target"),
            ("warning", "Warning"),
            ("alert", "Off target"),
            ("denied", "Not readable"),
        ],
        compute="_compute_figures",
    )

    # -- the figures -----------------------------------------------------------

    def _eval_context(self):
        """Plain values only: ``env.user`` is a superuser record in Odoo
        11, and ``user.env[...]`` in a domain would read and write any
        model (see ``tools.user_query``)."""
        return user_query.domain_context(self.env, today=self._today())

    def _domain(self, text):
        return user_query.eval_domain(self.env, text, self._eval_context())

    def _query_domain(self, text):
        """``_domain(text)`` as the figures query it: a test whether a
        many2many field is set (``care_group_ids != False``) becomes "is
        linked to one of the (few) records of the comodel". Odoo 11 turns
        the former into the list of every linked id, fetched first and
        inlined in the query (57,000 parameters for the care groups of a
        street); the latter into a subquery on the relation table that
        PostgreSQL joins. Every row of the relation points to a record of
        the comodel, so both select the same records."""
        domain = self._domain(text)
        model = self.env[self.model_id.model]
        result = []
        for leaf in domain:
            if (isinstance(leaf, (list, tuple)) and len(leaf) == 3
                    and leaf[1] in ("=", "!=") and leaf[2] is False):
                field = model._fields.get(leaf[0])
                if field is not None and field.type == "many2many" and \
                        field.store:
                    # sudo: comodel ids only filter the tile's own records
                    comodel = self.env[field.comodel_name].sudo().with_context(
                        active_test=False)
                    if comodel.search_count([]) <= M2M_INLINE_LIMIT:
                        leaf = (leaf[0], "in" if leaf[1] == "!=" else
                                "not in", comodel.search([]).ids or [0])
            result.append(leaf)
        return result

    def _today(self):
        """The day the figures are counted on: the street's day (the
        user's street), whatever the user's time zone."""
        return fields.Date.from_string(
            self.env.context.get("kpi_today")
            or street_time.street_today(self.env))

    def _period_domain(self, start, end):
        """Records dated in [start, end); either bound may be ``None``."""
        if not self.date_field_id:
            return []
        name = self.date_field_id.name
        domain = []
        for operator, day in ((">=", start), ("<", end)):
            if day is None:
                continue
            if self.date_field_id.ttype == "datetime":
                value = fields.Datetime.to_string(
                    datetime.datetime.combine(day, datetime.time()))
            else:
                value = fields.Date.to_string(day)
            domain.append((name, operator, value))
        return domain

    def _records_domain(self, day=None):
        """The domain of the records behind the figure on ``day`` (today by
        default): the tile's domain within its period."""
        self.ensure_one()
        return expression.AND([
            self._domain(self.domain),
            self._period_domain(*self._bounds_on(day or self._today()))])

    def _figure_on(self, day):
        """The figure on ``day``, read with the user's rights (the record
        rules of the model apply); ``None`` when there is none (an average
        or a share of no records)."""
        model = self.env[self.model_id.model]
        period = self._period_domain(*self._bounds_on(day))
        domain = expression.AND([self._query_domain(self.domain), period])
        if self.aggregate == "count":
            return float(self._count(model, domain))
        if self.aggregate == "ratio":
            base = expression.AND([self._query_domain(self.ratio_domain), period])
            total = self._count(model, base)
            if not total:
                return None
            part = self._count(model, expression.AND([base, domain]))
            return 100.0 * part / total
        if self.aggregate == "sum_ratio":
            part, whole, _count = self._sums_and_count(
                model, domain, [self.field_id.name, self.ratio_field_id.name])
            if not whole:
                return None
            return 100.0 * part / whole
        total, count = self._sums_and_count(
            model, domain, [self.field_id.name])
        if self.aggregate == "sum":
            return total
        return total / count if count else None

    def _figures_on(self, days):
        """The figures on each of ``days``, as ``_figure_on`` computes them
        one by one, in one query: the tile's domain and the record rules
        once, the periods as ``FILTER`` clauses, and the whole span of the
        periods in the ``WHERE`` clause (so the date's index serves). A
        tile's trend is six periods: one query instead of six to twelve.
        For a share whose part needs joins of its own, period by period."""
        self.ensure_one()
        model = self.env[self.model_id.model]
        table = model._table
        fnames = self._measure_fields()
        if self.aggregate == "ratio":
            part_domain = self._query_domain(self.domain)
            user_query.check_fields_readable(
                model, user_query.domain_fields(part_domain))
            query = user_query.user_query(
                model, self._query_domain(self.ratio_domain), fnames)
            # the part's condition goes in a FILTER of the rules' query
            part_query = model._where_calc(part_domain)
            if part_query.tables != ['"%s"' % table]:
                return [self._figure_on(day) for day in days]
            part_where, part_params = part_query.get_sql()[1:]
            part_where = part_where or "TRUE"
        else:
            query = user_query.user_query(
                model, self._query_domain(self.domain), fnames)
        from_clause, where_clause, where_params = query.get_sql()
        column = '"%s"."%s"' % (table, self.date_field_id.name)
        periods = [self._period_sql(column, *self._bounds_on(day))
                   for day in days]
        span = self._period_sql(column, *self._span(days))
        measures = {
            "count": ["count(*)"],
            "ratio": ["count(*)", None],
            "sum": ['sum("%s"."%s")' % (table, self.field_id.name),
                    "count(*)"],
            "avg": ['sum("%s"."%s")' % (table, self.field_id.name),
                    "count(*)"],
            "sum_ratio": ['sum("%s"."%s")' % (table, self.field_id.name),
                          'sum("%s"."%s")' % (
                              table, self.ratio_field_id.name)],
        }[self.aggregate]
        columns, params = [], []
        for condition, condition_params in periods:
            for measure in measures:
                if measure is None:   # the part of a share
                    columns.append("count(*) FILTER (WHERE %s AND (%s))"
                                   % (condition, part_where))
                    params += condition_params + part_params
                else:
                    columns.append("%s FILTER (WHERE %s)"
                                   % (measure, condition))
                    params += condition_params
        where = " AND ".join(
            "(%s)" % clause for clause in (where_clause, span[0]) if clause)
        # the periods are FILTERs over the user_query of the tile
        # sql: aggregates over user_query (rights, rules, readable fields)
        self.env.cr.execute("SELECT %s FROM %s%s" % (
            ", ".join(columns), from_clause,
            " WHERE %s" % where if where else ""),
            params + where_params + span[1])
        row = self.env.cr.fetchone()
        width = len(measures)
        return [self._figure_of(*row[index:index + width])
                for index in range(0, len(row), width)]

    def _figure_of(self, first, second=None):
        """The figure from one period's SQL measures (see _figures_on)."""
        first = float(first or 0.0)
        if self.aggregate == "count":
            return first
        if self.aggregate == "sum":
            return first
        if self.aggregate == "avg":
            return first / second if second else None
        if self.aggregate == "ratio":
            return 100.0 * second / first if first else None
        second = float(second or 0.0)   # sum_ratio: part, whole
        return 100.0 * first / second if second else None

    def _span(self, days):
        """The bounds covering the periods of all ``days``."""
        bounds = [self._bounds_on(day) for day in days]
        starts = [start for start, _end in bounds]
        ends = [end for _start, end in bounds]
        return (None if None in starts else min(starts),
                None if None in ends else max(ends))

    def _period_sql(self, column, start, end):
        """SQL of ``_period_domain(start, end)`` on ``column``, with its
        parameters: the same bounds as the domain's."""
        clauses, params = [], []
        for leaf in self._period_domain(start, end):
            clauses.append("%s %s %%s" % (column, leaf[1]))
            params.append(leaf[2])
        return " AND ".join(clauses) or "TRUE", params

    def _measure_fields(self):
        """The fields the tile reads besides its domain's: the measures and
        the date of its periods and trend. A sum of birth years, or a trend
        of one resident over the birth date, would tell the protected value
        as surely as a domain on it."""
        return [field.name for field in (
            self.field_id, self.ratio_field_id, self.date_field_id) if field]

    def _count(self, model, domain):
        """``search_count`` with the checks of ``user_query``: the mixin of
        private fields guards a few models, the tiles may count any."""
        user_query.check_fields_readable(
            model, user_query.domain_fields(domain) + self._measure_fields())
        return model.search_count(domain)

    @staticmethod
    def _sums_and_count(model, domain, fnames):
        """The sums of ``fnames`` over the records of ``domain`` the user
        may read, and their number, in one query. Not ``read_group``: it
        aggregates with the field's own operator (an average for a rate),
        and the figure must be a sum."""
        query = user_query.user_query(model, domain, fnames)
        from_clause, where_clause, params = query.get_sql()
        sums = ", ".join('coalesce(sum("%s"."%s"), 0)' % (
            model._table, fname) for fname in fnames)
        # sql: sums over user_query (rights, rules, readable fields)
        model.env.cr.execute(
            "SELECT %s, count(*) FROM %s%s" % (
                sums, from_clause,
                " WHERE %s" % where_clause if where_clause else ""),
            params)
        row = model.env.cr.fetchone()
        return tuple(float(value) for value in row[:-1]) + (row[-1],)

    def _bounds_on(self, day):
        if self.period == "all":
            if not self.date_field_id or day == self._today():
                return None, None
            return None, day + relativedelta(days=1)
        return period_bounds(self.period, day)

    def _trend_days(self):
        """A day in each period of the trend, oldest first; with all records,
        the last day of each of the last months (today for this one)."""
        today = self._today()
        days = [today]
        period = "month" if self.period == "all" else self.period
        for _index in range(TREND_PERIODS - 1):
            days.append(previous_period_day(period, days[-1]))
        return list(reversed(days))

    def _format(self, value):
        if value is None:
            return "—"
        text = "{:,.{digits}f}".format(value, digits=max(self.digits, 0))
        if not self.unit:
            return text
        return "%s%s%s" % (text, "" if self.unit == "%" else " ", self.unit)

    def _state_of(self, value):
        if not self.target:
            return "none"
        if value is None:
            # a target but nothing to measure yet (no budget, no case
            # closed this month): neither reached nor missed
            return "empty"
        if self.higher_is_better:
            if value >= self.target:
                return "ok"
            return "warning" if value >= self.warning_threshold else "alert"
        if value <= self.target:
            return "ok"
        return "warning" if value <= self.warning_threshold else "alert"

    def _target_display(self, state):
        """The line under the figure: the target and where the figure
        stands, e.g. "Target 95.0% · Off target"; empty without a target
        (the state then says nothing about a target either)."""
        if not self.target or state in ("none", "denied"):
            return ""
        labels = dict(self._fields["state"]._description_selection(self.env))
        return _("Target %(target)s · %(state)s") % {
            "target": self._format(self.target), "state": labels[state]}

    def _trend_points(self, days, values):
        """The trend's periods for the dashboard's chart (JSON): each
        period's name in full and short, its figure (``null`` for none) and
        the figure's text."""
        if not trend_is_shown(values):
            return ""
        locale = babel_locale(self.env.context.get("lang")
                              or self.env.user.lang)
        period = "month" if self.period == "all" else self.period
        points = []
        for day, value in zip(days, values):
            label, tick = period_label(period, day, locale)
            points.append({"label": label, "tick": tick, "value": value,
                           "display": self._format(value)})
        return json.dumps(points, ensure_ascii=False)

    @api.depends("model_id", "domain", "aggregate", "field_id", "ratio_domain",
                 "ratio_field_id", "date_field_id", "period", "target",
                 "warning_threshold", "higher_is_better", "unit", "digits")
    def _compute_figures(self):
        denied = {"value": 0.0, "value_display": "—", "trend": "",
                  "trend_display": "", "trend_points": "",
                  "target_display": "", "state": "denied"}
        manager = self._is_tile_manager()
        for kpi in self:
            model = self.env.get(kpi.model_id.model or "")
            if model is None or not model.check_access_rights(
                    "read", raise_exception=False):
                kpi.update(denied)
                continue
            if not isinstance(kpi.id, int) and not manager:
                # a tile being typed in a form: only its managers try out
                # a domain (an unsaved tile has no administrator behind it)
                kpi.update(denied)
                continue
            trend, days = [], []
            try:
                if kpi.date_field_id:
                    # the trend's last period is today's: its figure is the
                    # value
                    days = kpi._trend_days()
                    trend = kpi._figures_on(days)
                    value = trend[-1]
                else:
                    value = kpi._figure_on(kpi._today())
            except (AccessError, ValidationError):
                # a protected field the user may not count, or an old
                # domain naming ``user``: no figure, never a partial one
                kpi.update(denied)
                continue
            state = kpi._state_of(value)
            kpi.update({
                "value": value or 0.0,
                "value_display": kpi._format(value),
                "target_display": kpi._target_display(state),
                "trend": sparkline(trend) if trend_is_shown(trend) else "",
                "trend_display": " → ".join(
                    kpi._format(figure) for figure in trend),
                "trend_points": kpi._trend_points(days, trend),
                "state": state,
            })

    # -- who sees which tile ---------------------------------------------------

    def _readable_tiles(self):
        """The tiles of ``self`` shown to one of the user's roles (or to
        all) whose figure the user may compute: the model readable, every
        field of the domains, the measures and the date readable (the
        checks of ``tools.user_query`` that the figures make), the domains
        valid. A tile the user cannot read is not on their dashboard at
        all, instead of a tile that says "not readable"."""
        user_groups = self.env.user.groups_id
        readable = self.browse()
        for kpi in self:
            if kpi.group_ids and not kpi.group_ids & user_groups:
                continue
            model = self.env.get(kpi.model_name or "")
            if model is None or not model.check_access_rights(
                    "read", raise_exception=False):
                continue
            try:
                paths = user_query.domain_fields(kpi._domain(kpi.domain))
                if kpi.aggregate == "ratio":
                    paths += user_query.domain_fields(
                        kpi._domain(kpi.ratio_domain))
                user_query.check_fields_readable(
                    model, paths + kpi._measure_fields())
            except (AccessError, ValidationError):
                continue
            readable |= kpi
        return readable

    def _work_tiles(self):
        """The tiles of ``self`` on the user's My work page."""
        user_groups = self.env.user.groups_id
        return self._readable_tiles().filtered(
            lambda kpi: kpi.work_group_ids & user_groups)

    def _compute_shown(self):
        shown = self._readable_tiles()
        work = self._work_tiles()
        for kpi in self:
            kpi.shown = kpi in shown
            kpi.on_my_work = kpi in work

    def _search_tiles(self, tiles, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_(
                "Dashboard indicators can only be filtered on being shown "
                "or not."))
        return [("id", "in" if (operator == "=") == value else "not in",
                 tiles.ids)]

    def _search_shown(self, operator, value):
        return self._search_tiles(
            self.search([])._readable_tiles(), operator, value)

    def _search_on_my_work(self, operator, value):
        return self._search_tiles(
            self.search([])._work_tiles(), operator, value)

    # -- who may try a tile out ------------------------------------------------

    def _is_tile_manager(self):
        """The roles that create and change tiles (the street administrator,
        see ir.model.access.csv)."""
        return self.check_access_rights("create", raise_exception=False) \
            and self.check_access_rights("write", raise_exception=False)

    @api.multi
    def onchange(self, values, field_name, field_onchange):
        """The form's onchange computes the figures of the tile being typed:
        that is evaluating a domain of the caller's choice on a model of
        the caller's choice. Tile managers only; any internal user may call
        ``onchange`` over RPC."""
        if not self._is_tile_manager():
            raise AccessError(_(
                "Only the street administrator may create or change "
                "dashboard indicators."))
        return super(CommunityKpi, self).onchange(
            values, field_name, field_onchange)

    # -- checks ----------------------------------------------------------------

    @api.constrains("model_id", "domain", "ratio_domain", "aggregate",
                    "field_id", "ratio_field_id", "date_field_id")
    def _check_rule(self):
        for kpi in self:
            model = self.env.get(kpi.model_name)
            if model is None:
                raise ValidationError(
                    _("Indicator %s: the model does not exist.") % kpi.name)
            for label, text in ((_("domain"), kpi.domain),
                                (_("out of"), kpi.ratio_domain)):
                try:
                    # sudo: only parses the domain; nothing is read
                    model.sudo()._where_calc(kpi._domain(text))
                except Exception as error:
                    raise ValidationError(_(
                        "Indicator %(kpi)s: the %(which)s %(domain)s is not "
                        "valid on %(model)s: %(error)s") % {
                            "kpi": kpi.name, "which": label, "domain": text,
                            "model": kpi.model_id.name, "error": error})
            if kpi.aggregate in ("sum", "avg", "sum_ratio") and \
                    not kpi.field_id:
                raise ValidationError(_(
                    "Indicator %s: a sum or an average needs a measure "
                    "field.") % kpi.name)
            if kpi.aggregate == "sum_ratio" and not kpi.ratio_field_id:
                raise ValidationError(_(
                    "Indicator %s: a sum in percent of another sum needs "
                    "the measure it is a share of.") % kpi.name)
            for field in (kpi.field_id, kpi.ratio_field_id,
                          kpi.date_field_id):
                if field and field.model_id != kpi.model_id:
                    raise ValidationError(_(
                        "Indicator %(kpi)s: the field %(field)s is not a "
                        "field of %(model)s.") % {
                            "kpi": kpi.name, "field": field.field_description,
                            "model": kpi.model_id.name})
            if kpi.period != "all" and not kpi.date_field_id:
                raise ValidationError(_(
                    "Indicator %s: a figure per period needs a date field.")
                    % kpi.name)

    # -- drill-down ------------------------------------------------------------

    def _action(self, name, domain, view_mode, context=None):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": self.model_name,
            "view_type": "form",
            "view_mode": view_mode,
            "views": [(False, mode) for mode in view_mode.split(",")],
            "domain": domain,
            "context": context or {},
            "target": "current",
        }

    @api.multi
    def action_open_records(self):
        """The records behind the figure (for a share: the part, or the
        rest of the records it is taken of when the tile says so: the
        households a coverage misses are the ones to act on)."""
        self.ensure_one()
        if self.aggregate == "ratio" and self.drill_down == "missing":
            part = expression.normalize_domain(self._domain(self.domain))
            domain = expression.AND([
                self._domain(self.ratio_domain),
                self._period_domain(*self._bounds_on(self._today())),
                ["!"] + part])
            return self._action(self.name, domain, "tree,form")
        domain = self._records_domain()
        if self.aggregate == "ratio":
            domain = expression.AND([
                self._domain(self.ratio_domain), domain])
        return self._action(self.name, domain, "tree,form")

    @api.multi
    def action_open_trend(self):
        """The figure's records over time in Odoo's graph view, by month
        (by day for a daily figure)."""
        self.ensure_one()
        if not self.date_field_id:
            return self.action_open_records()
        interval = "day" if self.period == "day" else "month"
        groupby = "%s:%s" % (self.date_field_id.name, interval)
        days = self._trend_days()
        start = period_bounds(
            "month" if self.period == "all" else self.period, days[0])[0]
        domain = expression.AND([
            self._domain(self.domain), self._period_domain(start, None)])
        measure = [self.field_id.name] if self.aggregate in (
            "sum", "avg", "sum_ratio") else []
        return self._action(
            _("%s: trend") % self.name, domain, "graph,pivot,tree", {
                "graph_groupbys": [groupby],
                "graph_measure": measure and measure[0] or "__count__",
                "pivot_row_groupby": [groupby],
                "pivot_measures": measure or ["__count__"],
            })
