# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class PartyMeetingAttendance(models.Model):
    """One expected attendee of a meeting, present or not.

    At a meeting of a party organisation the attendee is a member of the
    register; at a joint council meeting, a member organisation of the
    council and the name of its delegate. The attendance rates of a
    member, of an organisation and of a meeting count the lines of held
    meetings only (``_rates_by``): a planned or a cancelled meeting says
    nothing about who comes.
    """

    _name = "party.meeting.attendance"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Meeting attendance"
    _order = "meeting_id, id"

    _scope_parent_field = "meeting_id"
    _scope_fields = ("company_id", "community_id", "organisation_id")

    meeting_id = fields.Many2one(
        comodel_name="party.meeting",
        string="Meeting",
        required=True,
        index=True,
        ondelete="cascade",
    )
    # sudo: the scope follows the meeting before the record rules, which
    #   read it, check the new line
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="meeting_id.company_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        related="meeting_id.community_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Party organisation",
        related="meeting_id.organisation_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id; the rates count the lines of held meetings
    meeting_state = fields.Selection(
        related="meeting_id.state",
        string="Meeting status",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    meeting_date = fields.Datetime(
        related="meeting_id.date",
        string="Meeting date",
        store=True,
        readonly=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    meeting_kind = fields.Selection(
        related="meeting_id.kind",
        string="Meeting kind",
        readonly=True,
        compute_sudo=True,
    )
    member_id = fields.Many2one(
        comodel_name="party.member",
        string="Party member",
        index=True,
        ondelete="restrict",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Member organisation",
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True)],
        help="The council's member organisation the attendee represents.",
    )
    attendee_name = fields.Char(
        string="Attendee",
        help="The name of the delegate a member organisation sent.")
    present = fields.Boolean(default=True)
    absence_reason = fields.Char(string="Reason for absence")

    _sql_constraints = [
        ("member_meeting_uniq", "unique(meeting_id, member_id)",
         "A party member is listed once per meeting."),
    ]

    @api.multi
    def name_get(self):
        return [(line.id, line.member_id.name or " / ".join(
            name for name in (line.partner_id.name, line.attendee_name)
            if name) or line.meeting_id.name) for line in self]

    @api.onchange("member_id")
    def _onchange_member_id(self):
        if self.member_id:
            self.attendee_name = self.member_id.name

    @api.constrains("meeting_id", "member_id", "partner_id")
    def _check_attendee(self):
        # sudo: checks the line the user wrote, whatever they may read of
        #   the meeting's body
        for line in self.sudo():
            meeting = line.meeting_id
            if meeting.kind == "joint_council":
                if not line.partner_id or line.member_id:
                    raise ValidationError(_(
                        "Meeting %s: at a joint council meeting each line is "
                        "a member organisation of the council, with the "
                        "name of its delegate.") % meeting.name)
            elif not line.member_id or line.partner_id:
                raise ValidationError(_(
                    "Meeting %s: at a meeting of organisation life each "
                    "line is a party member of the register.")
                    % meeting.name)

    @api.model
    def _rates_by(self, field, ids):
        """{id: (present, expected, rate in %)} of the records ``ids`` of
        ``field`` (``member_id``, ``organisation_id``, ``partner_id``...)
        over the held meetings, counted with the caller's rules in one
        grouped query."""
        result = {}
        if not ids:
            return result
        counts = {}
        for group in self.read_group(
                [(field, "in", list(ids)), ("meeting_state", "=", "held")],
                [field, "present"], [field, "present"], lazy=False):
            key = group[field][0]
            present, expected = counts.get(key, (0, 0))
            if group["present"]:
                present += group["__count"]
            counts[key] = (present, expected + group["__count"])
        for key, (present, expected) in counts.items():
            result[key] = (present, expected, round(
                100.0 * present / expected, 1) if expected else 0.0)
        return result
