# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResourceCalendarAttendance(models.Model):
    """The weekly hours of a calendar decide its weekend, so changing them
    may move every open case deadline counted on it: the calendar is marked
    for the scheduled action to recompute them in batches."""

    _name = "resource.calendar.attendance"
    _inherit = ["resource.calendar.attendance", "grid.calendar.change.mixin"]
    _calendar_change_fields = ("dayofweek", "calendar_id")

    @api.multi
    def _mark_deadlines_stale(self):
        self.mapped("calendar_id")._mark_deadlines_stale()
