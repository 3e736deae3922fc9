# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models


class ResourceCalendarLeaves(models.Model):
    """The public holidays of the shipped case calendar are data in English
    like every string of the addon: their names are translated. Adding,
    moving or removing a holiday (a leave without a resource) marks the
    calendar's open case deadlines from that day on for recomputation."""

    _name = "resource.calendar.leaves"
    _inherit = ["resource.calendar.leaves", "grid.calendar.change.mixin"]
    _calendar_change_fields = ("date_from", "date_to", "calendar_id",
                               "resource_id")

    name = fields.Char(translate=True)

    @api.multi
    def _mark_deadlines_stale(self):
        """Deadlines due on the holiday's first day or later may move; the
        day before its UTC start covers any time zone it was entered in."""
        # sudo: a calendar change marks deadlines to recompute; only the date is
        #   written, by whoever may change the calendar
        for leave in self.sudo().filtered(
                lambda leave: leave.calendar_id and not leave.resource_id):
            start = fields.Datetime.from_string(leave.date_from).date()
            leave.calendar_id._mark_deadlines_stale(
                start - timedelta(days=1))
