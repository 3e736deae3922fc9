# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CommunitySelfgovMeeting(models.Model):
    """A meeting or a hearing (听证会) of a deliberation body.

    The agenda lists the residents' proposals taken up for it; the members
    in office are its expected attendees, and a hearing also lists the
    residents heard by name. Once held, the proposals on its agenda are
    voted and its decisions (``community.selfgov.decision``) followed up
    by their owners. Planned, held and cancelled as every meeting
    (``community.meeting.mixin``); its community and street follow its
    body.
    """

    _name = "community.selfgov.meeting"
    _inherit = ["mail.thread", "community.meeting.mixin",
                "community.scope.copy.mixin"]
    _description = "Deliberation meeting"
    _order = "date desc, id desc"

    _scope_parent_field = "body_id"

    name = fields.Char(
        string="Subject", required=True, track_visibility="onchange")
    kind = fields.Selection(
        selection=[("meeting", "Deliberation meeting"),
                   ("hearing", "Hearing")],
        required=True, default="meeting", index=True)
    body_id = fields.Many2one(
        comodel_name="community.selfgov.body",
        string="Body",
        required=True,
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
    )
    # sudo: the scope follows the body before the record rules, which read
    #   it, check the meeting
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        related="body_id.community_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see community_id
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="body_id.company_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    attendance_ids = fields.One2many(
        comodel_name="community.selfgov.attendance",
        inverse_name="meeting_id",
        string="Attendance",
        copy=False,
    )
    decision_ids = fields.One2many(
        comodel_name="community.selfgov.decision",
        inverse_name="meeting_id",
        string="Decisions",
        copy=False,
    )
    proposal_ids = fields.One2many(
        comodel_name="community.selfgov.proposal",
        inverse_name="meeting_id",
        string="Proposals on the agenda",
        copy=False,
    )
    attendance_count = fields.Integer(
        string="Expected", compute="_compute_attendance", store=True)
    present_count = fields.Integer(
        string="Present", compute="_compute_attendance", store=True)
    attendance_rate = fields.Float(
        string="Attendance rate (%)",
        compute="_compute_attendance",
        store=True,
        digits=(16, 1),
        group_operator="avg",
    )

    @api.depends("attendance_ids.present")
    def _compute_attendance(self):
        for meeting in self:
            (meeting.attendance_count, meeting.present_count,
             meeting.attendance_rate) = self._attendance_figures(
                 meeting.attendance_ids)

    @api.multi
    def action_fill_attendees(self):
        """One line per member in office of the body not yet listed."""
        # the lines are created only once the user may change the meeting
        self.check_access_rights("write")
        self.check_access_rule("write")
        Attendance = self.env["community.selfgov.attendance"]
        for meeting in self:
            if meeting.state == "cancelled":
                raise UserError(_(
                    "Meeting %s is cancelled: it has no attendees.")
                    % meeting.name)
            listed = meeting.attendance_ids.mapped("member_id")
            for member in meeting.body_id.member_ids - listed:
                Attendance.create({"meeting_id": meeting.id,
                                   "member_id": member.id})
        return True
