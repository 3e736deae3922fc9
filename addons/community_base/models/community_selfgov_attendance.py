# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CommunitySelfgovAttendance(models.Model):
    """One attendee of a deliberation meeting or hearing, present or not:
    a member of the body, or a resident heard at a hearing (by name)."""

    _name = "community.selfgov.attendance"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Deliberation meeting attendance"
    _order = "meeting_id, id"

    _scope_parent_field = "meeting_id"

    meeting_id = fields.Many2one(
        comodel_name="community.selfgov.meeting",
        string="Meeting",
        required=True,
        index=True,
        ondelete="cascade",
    )
    # sudo: the scope follows the meeting before the record rules, which
    #   read it, check the new line
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        related="meeting_id.community_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see community_id
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="meeting_id.company_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    member_id = fields.Many2one(
        comodel_name="community.selfgov.member",
        string="Member",
        index=True,
        ondelete="restrict",
    )
    attendee_name = fields.Char(
        string="Attendee",
        help="A resident heard at a hearing who holds no seat.")
    present = fields.Boolean(default=True)
    absence_reason = fields.Char()

    _sql_constraints = [
        ("member_uniq", "unique(meeting_id, member_id)",
         "A member is listed once per meeting."),
    ]

    @api.constrains("member_id", "attendee_name")
    def _check_attendee(self):
        for line in self:
            if not line.member_id and not line.attendee_name:
                raise ValidationError(_(
                    "Meeting %s: each attendance line names a member or "
                    "an attendee.") % line.meeting_id.name)
