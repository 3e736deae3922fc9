# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PartyOrganisation(models.Model):
    """An organisation's meetings and the attendance at those held."""

    _inherit = "party.organisation"

    meeting_ids = fields.One2many(
        comodel_name="party.meeting",
        inverse_name="organisation_id",
        string="Meetings",
    )
    meeting_held_count = fields.Integer(
        string="Meetings held", compute="_compute_meeting_attendance")
    meeting_attendance_rate = fields.Float(
        string="Meeting attendance (%)", digits=(16, 1),
        compute="_compute_meeting_attendance",
        help="Share of the expected attendees present at the organisation's "
        "held meetings; planned and cancelled meetings do not count.")

    def _compute_meeting_attendance(self):
        rates = self.env["party.meeting.attendance"]._rates_by(
            "organisation_id", self.ids)
        held = {}
        if self.ids:
            groups = self.env["party.meeting"].read_group(
                [("organisation_id", "in", self.ids),
                 ("state", "=", "held")],
                ["organisation_id"], ["organisation_id"])
            held = {group["organisation_id"][0]: group["organisation_id_count"]
                    for group in groups}
        for organisation in self:
            organisation.meeting_held_count = held.get(organisation.id, 0)
            organisation.meeting_attendance_rate = rates.get(
                organisation.id, (0, 0, 0.0))[2]
