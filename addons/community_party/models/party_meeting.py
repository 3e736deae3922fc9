# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

#: the meetings of a party organisation's life (三会一课) and of a joint
#: council
MEETING_KINDS = [
    ("congress", "Branch general meeting"),
    ("committee", "Branch committee meeting"),
    ("group", "Party group meeting"),
    ("lecture", "Party lecture"),
    ("joint_council", "Joint council meeting"),
]


class PartyMeeting(models.Model):
    """A meeting of a party organisation or of a joint council.

    A branch's organisation life (三会一课: the general meeting of its
    members, the committee's meeting, the party groups' meetings and the
    party lectures) is held by a party organisation and attended by the
    members of its register; a joint council (党建联席会, 共驻共建联席会,
    ``community.council``) meets with a delegate of each of its member
    organisations. A meeting is planned, then held or cancelled
    (``community.meeting.mixin``); only held meetings count in the
    attendance rates. Its decisions are followed up
    by their owners until done, and one may become a case or an admission
    request in one click.

    The street and community follow the organisation or the council, so
    the rules read a meeting as they read the body that holds it; an
    organiser reads the meetings of the organisations they keep.
    """

    _name = "party.meeting"
    _inherit = ["mail.thread", "community.meeting.mixin",
                "community.scope.copy.mixin"]
    _description = "Party meeting"
    _order = "date desc, id desc"
    # the organisation's scope, or the council's for a joint council
    # meeting (``_scope_vals`` below)
    _scope_parent_field = "organisation_id"

    name = fields.Char(
        string="Subject", required=True, track_visibility="onchange")
    kind = fields.Selection(
        selection=MEETING_KINDS,
        required=True,
        default="congress",
        index=True,
        track_visibility="onchange",
    )
    organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Party organisation",
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
        help="The organisation holding a meeting of its organisation life.",
    )
    council_id = fields.Many2one(
        comodel_name="community.council",
        string="Joint council",
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
        help="The joint council holding a joint council meeting.",
    )
    # sudo: the street and community follow the organisation or council
    #   before the record rules, which read them, check the meeting
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        compute="_compute_scope",
        store=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        compute="_compute_scope",
        store=True,
        index=True,
        compute_sudo=True,
    )
    # declared here too (its definition is the mixin's) so that its
    # external id stays community_party.field_party_meeting_date in every
    # database: the KPI of meetings held names it (party_kpi_data.xml)
    date = fields.Datetime()
    attendance_ids = fields.One2many(
        comodel_name="party.meeting.attendance",
        inverse_name="meeting_id",
        string="Attendance",
        copy=False,
    )
    decision_ids = fields.One2many(
        comodel_name="party.meeting.decision",
        inverse_name="meeting_id",
        string="Decisions",
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
    decision_count = fields.Integer(
        string="Decisions", compute="_compute_decision_count")

    @api.depends("organisation_id.company_id", "organisation_id.community_id",
                 "council_id.company_id", "council_id.community_id")
    def _compute_scope(self):
        for meeting in self:
            body = meeting.organisation_id or meeting.council_id
            meeting.company_id = body.company_id
            meeting.community_id = body.community_id

    @api.model
    def _scope_vals(self, vals):
        """The street and community of the organisation or the council,
        written with the meeting itself (see
        ``community.scope.copy.mixin``)."""
        for field, model in (("organisation_id", "party.organisation"),
                             ("council_id", "community.council")):
            if vals.get(field):
                # sudo: copies the body's street and community for the
                #   record rules, which then check the meeting as usual
                body = self.env[model].sudo().browse(vals[field])
                return dict(vals, company_id=body.company_id.id,
                            community_id=body.community_id.id)
        return vals

    @api.depends("attendance_ids.present")
    def _compute_attendance(self):
        for meeting in self:
            (meeting.attendance_count, meeting.present_count,
             meeting.attendance_rate) = self._attendance_figures(
                 meeting.attendance_ids)

    def _compute_decision_count(self):
        counts = {}
        if self.ids:
            groups = self.env["party.meeting.decision"].read_group(
                [("meeting_id", "in", self.ids)], ["meeting_id"],
                ["meeting_id"])
            counts = {group["meeting_id"][0]: group["meeting_id_count"]
                      for group in groups}
        for meeting in self:
            meeting.decision_count = counts.get(meeting.id, 0)

    @api.onchange("kind")
    def _onchange_kind(self):
        if self.kind == "joint_council":
            self.organisation_id = False
        else:
            self.council_id = False

    @api.constrains("kind", "organisation_id", "council_id")
    def _check_body(self):
        # sudo: checks the meeting the user wrote before the record rules
        #   check it
        for meeting in self.sudo():
            if meeting.kind == "joint_council":
                if not meeting.council_id or meeting.organisation_id:
                    raise ValidationError(_(
                        "Meeting %s: a joint council meeting is held by a "
                        "joint council; choose the council (and no party "
                        "organisation).") % meeting.name)
            elif not meeting.organisation_id or meeting.council_id:
                raise ValidationError(_(
                    "Meeting %s: a meeting of organisation life is held by "
                    "a party organisation; choose the organisation (and no "
                    "joint council).") % meeting.name)

    @api.multi
    def action_fill_attendees(self):
        """One line per expected attendee not yet listed: the members in
        the register of the organisation and of those below it (for a
        committee meeting, the committee's members when the organisation
        has committee lines), or each member organisation of the joint
        council, whose delegate's name is then typed in."""
        # the lines are created only once the user may change the meeting
        self.check_access_rights("write")
        self.check_access_rule("write")
        Attendance = self.env["party.meeting.attendance"]
        for meeting in self:
            if meeting.state == "cancelled":
                raise UserError(_(
                    "Meeting %s is cancelled: it has no attendees.")
                    % meeting.name)
            if meeting.kind == "joint_council":
                listed = meeting.attendance_ids.mapped("partner_id")
                for partner in meeting.council_id.member_ids - listed:
                    Attendance.create({"meeting_id": meeting.id,
                                       "partner_id": partner.id})
                continue
            listed = meeting.attendance_ids.mapped("member_id")
            for member in meeting._expected_members() - listed:
                Attendance.create({"meeting_id": meeting.id,
                                   "member_id": member.id})
        return True

    def _expected_members(self):
        """The members in the register expected at the meeting, as the
        user may read them."""
        self.ensure_one()
        organisation = self.organisation_id
        if self.kind == "committee" \
                and "party.committee.member" in self.env:
            Committee = self.env["party.committee.member"]
            if Committee.check_access_rights("read", raise_exception=False):
                committee = Committee.search([
                    ("organisation_id", "=", organisation.id)]).mapped(
                        "member_id").filtered(
                            lambda member: member.state == "active")
                if committee:
                    return committee
        return self.env["party.member"].search([
            ("organisation_id", "child_of", organisation.id),
            ("state", "=", "active")])
