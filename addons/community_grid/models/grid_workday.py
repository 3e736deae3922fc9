# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GridWorkday(models.Model):
    """An adjusted working day (调休上班日): a weekend day worked in exchange
    for a longer public holiday, as the State Council announces each year.

    ``resource.calendar`` only knows days off (its global leaves), so the
    worked weekends are kept here, on the calendar, and the case deadlines
    count them as working days. Adding, moving or removing one marks the
    calendar's open case deadlines from that day on for recomputation.
    """

    _name = "grid.workday"
    _inherit = "grid.calendar.change.mixin"
    _description = "Adjusted working day"
    _calendar_change_fields = ("date", "calendar_id")
    _order = "date"

    calendar_id = fields.Many2one(
        comodel_name="resource.calendar", string="Calendar", required=True,
        index=True, ondelete="cascade")
    date = fields.Date(required=True, index=True)
    name = fields.Char(
        string="Reason", required=True, translate=True,
        help="The holiday the day is worked for, e.g. 春节调休.")

    _sql_constraints = [
        ("date_calendar_unique", "unique(calendar_id, date)",
         "A day is entered only once as an adjusted working day of a "
         "calendar."),
    ]

    @api.constrains("date", "calendar_id")
    def _check_date_is_weekend(self):
        for workday in self:
            weekend = workday.calendar_id._working_days_weekend()
            day = fields.Date.from_string(workday.date)
            if day.weekday() not in weekend:
                raise ValidationError(_(
                    "%(date)s (%(reason)s) is already a working day of the "
                    "calendar %(calendar)s: only a weekend day can be an "
                    "adjusted working day.") % {
                        "date": workday.date, "reason": workday.name,
                        "calendar": workday.calendar_id.name})

    @api.multi
    def _mark_deadlines_stale(self):
        # sudo: a calendar change marks deadlines to recompute; only the date is
        #   written, by whoever may change the calendar
        for workday in self.sudo():
            workday.calendar_id._mark_deadlines_stale(workday.date)
