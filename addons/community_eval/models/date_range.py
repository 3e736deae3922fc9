# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import scoring

PERIOD_TYPES = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]


class DateRange(models.Model):
    """The calendar period a date range covers, stored so that a
    campaign's period picker offers only the ranges its scheme's period
    type accepts (the same test as the campaign's ``_check_period``),
    whatever the range's type is called."""

    _inherit = "date.range"

    eval_period_type = fields.Selection(
        selection=PERIOD_TYPES, string="Calendar period",
        compute="_compute_eval_period_type", store=True, index=True,
        help="The calendar month, quarter or year the range covers "
             "exactly; empty for any other span.")

    @api.depends("date_start", "date_end")
    def _compute_eval_period_type(self):
        for date_range in self:
            date_range.eval_period_type = False
            if not (date_range.date_start and date_range.date_end):
                continue
            start = fields.Date.from_string(date_range.date_start)
            end = fields.Date.from_string(date_range.date_end)
            for period_type, _label in PERIOD_TYPES:
                if scoring.period_matches(period_type, start, end):
                    date_range.eval_period_type = period_type
                    break
