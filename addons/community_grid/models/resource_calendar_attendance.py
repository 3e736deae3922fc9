# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResourceCalendarAttendance(models.Model):
    """The weekly hours of a calendar decide its weekend, so changing them
    may move every open case deadline counted on it: the calendar is marked
    for the scheduled action to recompute them in batches."""

    _inherit = "resource.calendar.attendance"

    @api.model
    def create(self, vals):
        attendance = super().create(vals)
        attendance.calendar_id._mark_deadlines_stale()
        return attendance

    @api.multi
    def write(self, vals):
        calendars = self.mapped("calendar_id")
        result = super().write(vals)
        if {"dayofweek", "calendar_id"}.intersection(vals):
            (calendars | self.mapped("calendar_id"))._mark_deadlines_stale()
        return result

    @api.multi
    def unlink(self):
        calendars = self.mapped("calendar_id")
        result = super().unlink()
        calendars._mark_deadlines_stale()
        return result
