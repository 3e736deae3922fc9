# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class GridCalendarChangeMixin(models.AbstractModel):
    """A record that changes the working days of a case calendar (a public
    holiday, an adjusted working weekend, the weekly hours): creating it,
    moving it or removing it marks the calendar's open case deadlines for
    the scheduled action to recompute in batches. The user's transaction
    only sets the mark, so saving a holiday never rewrites a million cases.

    A model lists the fields whose change moves working days in
    ``_calendar_change_fields`` and says in ``_mark_deadlines_stale`` from
    which day its calendar's deadlines may move."""

    _name = "grid.calendar.change.mixin"
    _description = "Changes the working days of a case calendar"

    #: fields whose change moves working days
    _calendar_change_fields = ()

    @api.model
    def create(self, vals):
        record = super().create(vals)
        record._mark_deadlines_stale()
        return record

    @api.multi
    def write(self, vals):
        moved = set(self._calendar_change_fields).intersection(vals)
        if moved:
            # the calendar and day before the change, then after it
            self._mark_deadlines_stale()
        result = super().write(vals)
        if moved:
            self._mark_deadlines_stale()
        return result

    @api.multi
    def unlink(self):
        self._mark_deadlines_stale()
        return super().unlink()

    @api.multi
    def _mark_deadlines_stale(self):
        raise NotImplementedError()
