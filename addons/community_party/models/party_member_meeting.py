# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PartyMember(models.Model):
    """A member's attendance at the held meetings of organisation life:
    how many they were expected at, how many they attended, the rate."""

    _inherit = "party.member"

    meeting_expected_count = fields.Integer(
        string="Meetings expected at", compute="_compute_meeting_attendance",
        help="Held meetings the member was listed for.")
    meeting_present_count = fields.Integer(
        string="Meetings attended", compute="_compute_meeting_attendance")
    meeting_attendance_rate = fields.Float(
        string="Meeting attendance (%)", digits=(16, 1),
        compute="_compute_meeting_attendance",
        help="Share of the held meetings the member was listed for that "
        "they attended; planned and cancelled meetings do not count.")

    def _compute_meeting_attendance(self):
        rates = self.env["party.meeting.attendance"]._rates_by(
            "member_id", self.ids)
        for member in self:
            present, expected, rate = rates.get(member.id, (0, 0, 0.0))
            member.meeting_expected_count = expected
            member.meeting_present_count = present
            member.meeting_attendance_rate = rate
