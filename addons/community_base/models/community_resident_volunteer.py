# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import roles


class CommunityResident(models.Model):
    """A resident's volunteer service: the records and their total hours."""

    _inherit = "community.resident"

    # the roles that read service records (a grid officer opens the form of
    # the residents of their grids without them)
    volunteer_activity_ids = fields.One2many(
        comodel_name="community.volunteer.activity",
        inverse_name="volunteer_id",
        string="Volunteer service",
        groups=roles.field_groups(roles.LEADER, roles.COMMUNITY_CLERK),
    )
    # sudo: a volunteer's total counts the hours of every community; the total only, no
    #   activity shown
    volunteer_hours = fields.Float(
        string="Volunteer hours",
        compute="_compute_volunteer_hours",
        store=True,
        compute_sudo=True,
        digits=(16, 1),
        help="Total hours of volunteer service of the resident.",
    )

    @api.depends("volunteer_activity_ids.hours")
    def _compute_volunteer_hours(self):
        totals = self.env["community.volunteer.activity"]._hours_by(
            "volunteer_id", self.ids)
        for resident in self:
            resident.volunteer_hours = totals.get(resident.id, 0.0)
