# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..tools import street_time


class CommunityMeetingMixin(models.AbstractModel):
    """A meeting that is planned, then held or cancelled: a party meeting
    (``party.meeting``) or a residents' deliberation meeting or hearing
    (``community.selfgov.meeting``).

    Only a held meeting counts (in attendance rates, and its decisions are
    followed up), and a meeting is marked held on or after its day in its
    street, never before. The model defines ``company_id``.
    """

    _name = "community.meeting.mixin"
    _description = "Meeting planned, then held or cancelled"

    date = fields.Datetime(
        required=True, index=True, default=fields.Datetime.now,
        track_visibility="onchange")
    location = fields.Char()
    chair = fields.Char(string="Chaired by")
    state = fields.Selection(
        selection=[
            ("planned", "Planned"),
            ("held", "Held"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="planned",
        readonly=True,
        copy=False,
        index=True,
        track_visibility="onchange",
    )
    agenda = fields.Text()
    minutes = fields.Text()

    def _street_now_date(self):
        return street_time.street_today(self.env, self.company_id or None)

    @api.multi
    def action_held(self):
        """The meeting took place: it counts from now on, and its
        decisions can be followed up."""
        for meeting in self:
            if meeting.state != "planned":
                raise UserError(_(
                    "Meeting %s is not planned: only a planned meeting is "
                    "marked as held.") % meeting.name)
            if street_time.street_date(
                    self.env, meeting.date, meeting.company_id or None) \
                    > meeting._street_now_date():
                raise UserError(_(
                    "Meeting %s is planned for a later day: it cannot be "
                    "marked as held before it takes place.") % meeting.name)
        self.write({"state": "held"})
        return True

    @api.multi
    def action_cancel(self):
        """The meeting did not take place: it counts nowhere."""
        for meeting in self:
            if meeting.state != "planned":
                raise UserError(_(
                    "Meeting %s is not planned: only a planned meeting is "
                    "cancelled.") % meeting.name)
        self.write({"state": "cancelled"})
        return True

    @api.multi
    def action_plan(self):
        """Back to planned: a meeting marked held or cancelled by
        mistake."""
        for meeting in self:
            if meeting.state == "planned":
                raise UserError(_(
                    "Meeting %s is already planned.") % meeting.name)
        self.write({"state": "planned"})
        return True

    @staticmethod
    def _attendance_figures(lines):
        """(expected, present, rate in %) of attendance ``lines`` (records
        with ``present``)."""
        expected = len(lines)
        present = len(lines.filtered("present"))
        return expected, present, (
            round(100.0 * present / expected, 1) if expected else 0.0)
