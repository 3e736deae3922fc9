# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.community_base.tools import street_time


class PartyInserviceRegistration(models.Model):
    """An in-service party member reporting to the community where they
    live (在职党员到社区报到).

    The member belongs to the party organisation of their work unit, often
    outside the street; they register with their community, by themselves
    or in a batch sent by their unit's branch (``party.inservice.batch``),
    and take on service commitments (认领岗位). Their service is what the
    community's volunteer register records for their resident record
    (``community.volunteer.activity``): the activities and hours of a
    calendar year are summed from it, never typed twice, and the unit reads
    them in the yearly feedback sheet, by which it evaluates its members.

    A member holds one registration at a time and one per calendar year:
    a member who moves changes (or reopens) the registration of the year,
    so that no service is counted twice for their unit.
    """

    _name = "party.inservice.registration"
    _inherit = ["mail.thread", "community.scoped.mixin"]
    _description = "In-service party member registration"
    _rec_name = "member_name"
    _order = "date_registered desc, id desc"
    _default_user_community = True

    member_id = fields.Many2one(
        comodel_name="party.member",
        string="Party member",
        required=True,
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
        domain=[("category", "=", "in_service"), ("state", "=", "active")],
    )
    # sudo: the member's name, organisation and resident record follow the
    #   member for the list and the record rules, whatever the user reads of
    #   the register
    member_name = fields.Char(
        string="Member",
        related="member_id.name",
        store=True,
        readonly=True,
        compute_sudo=True,
    )
    # sudo: see member_name
    member_organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Member's party organisation",
        related="member_id.organisation_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
        help="The organisation holding the member's organisational "
        "relationship: its organisers keep the registration.",
    )
    # sudo: see member_name
    resident_id = fields.Many2one(
        comodel_name="community.resident",
        string="Resident record",
        related="member_id.resident_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
        help="The member's record in the resident register: its volunteer "
        "service is the member's service in the community.",
    )
    unit_id = fields.Many2one(
        comodel_name="res.partner",
        string="Work unit",
        required=True,
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
        domain=[("is_company", "=", True)],
        help="The unit the member works in: it receives the yearly "
        "feedback sheet.",
    )
    unit_organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Unit's party organisation",
        index=True,
        ondelete="restrict",
        domain=[("kind", "=", "unit_branch")],
        help="The party organisation of the member's unit that sent the "
        "registration, when it is recorded in the street.",
    )
    date_registered = fields.Date(
        string="Registered on",
        required=True,
        index=True,
        default=lambda self: street_time.street_today(self.env),
        track_visibility="onchange",
    )
    date_ended = fields.Date(
        string="Ended on",
        index=True,
        track_visibility="onchange",
        help="The last day of the registration: the member moved or left "
        "the unit.",
    )
    source = fields.Selection(
        selection=[("self", "By the member"),
                   ("unit_batch", "By the unit's branch")],
        string="Registered by",
        required=True,
        default="self",
    )
    state = fields.Selection(
        selection=[("registered", "Registered"), ("ended", "Ended")],
        required=True,
        default="registered",
        index=True,
        track_visibility="onchange",
    )
    commitment_ids = fields.One2many(
        comodel_name="party.inservice.commitment",
        inverse_name="registration_id",
        string="Posts and projects",
        copy=True,
    )
    commitment_summary = fields.Char(
        string="Posts and projects taken",
        compute="_compute_commitment_summary",
    )
    community_comment = fields.Text(
        string="Community's comment",
        help="What the community says of the member's service: it is "
        "written on the feedback sheet sent to the unit.",
    )
    activity_count_this_year = fields.Integer(
        string="Activities this year",
        compute="_compute_service_this_year",
    )
    hours_this_year = fields.Float(
        string="Hours this year",
        compute="_compute_service_this_year",
        digits=(16, 1),
    )
    active_this_year = fields.Boolean(
        string="Active this year",
        compute="_compute_service_this_year",
        search="_search_active_this_year",
        help="At least one volunteer activity in the current calendar year.",
    )
    warning = fields.Char(
        compute="_compute_warning",
        help="What keeps the member's service from being counted.",
    )
    note = fields.Text()

    @api.depends("commitment_ids.kind", "commitment_ids.description")
    def _compute_commitment_summary(self):
        for registration in self:
            registration.commitment_summary = "; ".join(
                commitment.display_name
                for commitment in registration.commitment_ids)

    def _compute_service_this_year(self):
        service = self._service_of_year(self._current_year())
        for registration in self:
            count, hours = service.get(registration.id, (0, 0.0))
            registration.activity_count_this_year = count
            registration.hours_this_year = hours
            registration.active_this_year = count > 0

    @api.model
    def _search_active_this_year(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_(
                "Active this year: only '=' and '!=' are supported."))
        year = self._current_year()
        start, end = self._year_bounds(year)
        # sudo: the residents with a volunteer activity this year, to filter
        #   the registrations the user reads (the record rules then apply to
        #   them); no activity is returned
        groups = self.env["community.volunteer.activity"].sudo().read_group(
            [("date", ">=", start), ("date", "<=", end)],
            ["volunteer_id"], ["volunteer_id"])
        resident_ids = [group["volunteer_id"][0] for group in groups]
        # Odoo pushes the leaves of a field's domain as they are: the
        # domain is normalised (no implicit "&")
        if bool(value) == (operator == "="):
            return expression.normalize_domain(
                [("resident_id", "in", resident_ids)]
                + self._in_force_domain(start, end))
        return ["|", "|", ("resident_id", "not in", resident_ids),
                ("date_registered", ">", end),
                "&", ("date_ended", "!=", False), ("date_ended", "<", start)]

    @api.depends("member_id", "community_id")
    def _compute_warning(self):
        for registration in self:
            registration.warning = registration._warning_of(
                registration.member_id, registration.community_id)

    @api.constrains("member_id", "community_id", "date_registered",
                    "date_ended", "state")
    def _check_member(self):
        # sudo: checks the member and the other registrations of the member
        #   the user wrote, whatever they may read of the register
        for registration in self.sudo():
            errors = registration._registration_errors(
                registration.member_id, registration.community_id,
                registration.date_registered, registration)
            if errors:
                raise ValidationError(errors[0])
            if registration.date_ended \
                    and registration.date_ended < registration.date_registered:
                raise ValidationError(_(
                    "Registration of %(member)s: it cannot end on %(end)s, "
                    "before it began on %(start)s.") % {
                        "member": registration.member_name,
                        "end": registration.date_ended,
                        "start": registration.date_registered})

    @api.onchange("member_id")
    def _onchange_member_id(self):
        if not self.member_id:
            return {}
        # sudo: the member's work unit, offered as the registration's unit
        member = self.member_id.sudo()
        if member.work_unit_id and not self.unit_id:
            self.unit_id = member.work_unit_id
        if member.organisation_id.kind == "unit_branch" \
                and not self.unit_organisation_id:
            self.unit_organisation_id = member.organisation_id
        warning = self._warning_of(self.member_id, self.community_id)
        if warning:
            return {"warning": {"title": _("Service not counted"),
                                "message": warning}}
        return {}

    @api.model
    def _scope_vals(self, vals):
        """Also the member's organisation, which the organisers' rule reads,
        in the row of the insert (see ``community.scope.copy.mixin``)."""
        vals = super()._scope_vals(vals)
        if vals.get("member_id"):
            # sudo: copies the member's organisation for the organisers'
            #   rule, which then checks the registration as usual
            member = self.env["party.member"].sudo().browse(vals["member_id"])
            vals = dict(vals, member_organisation_id=member.organisation_id.id)
        return vals

    @api.multi
    def action_end(self):
        """The member moved or left the unit: the registration ends today
        (its service of the year stays counted)."""
        today = street_time.street_today(self.env)
        for registration in self:
            if registration.state == "ended":
                raise UserError(_(
                    "The registration of %s has already ended.")
                    % registration.member_name)
            registration.write({
                "state": "ended",
                "date_ended": max(today, registration.date_registered)})
        return True

    @api.multi
    def action_reopen(self):
        """An ended registration reopened: the member came back, or it was
        ended by mistake."""
        for registration in self:
            if registration.state != "ended":
                raise UserError(_(
                    "The registration of %s is not ended.")
                    % registration.member_name)
            registration.write({"state": "registered", "date_ended": False})
        return True

    # -- business methods -------------------------------------------------

    @api.model
    def _current_year(self):
        """The current calendar year in the user's street."""
        return fields.Date.from_string(street_time.street_today(self.env)).year

    @api.model
    def _year_bounds(self, year):
        """The first and the last day of ``year``, as date strings."""
        return (fields.Date.to_string(datetime.date(year, 1, 1)),
                fields.Date.to_string(datetime.date(year, 12, 31)))

    @api.multi
    def _service_of_year(self, year):
        """{registration id: (activity count, hours)} of ``year``: the
        volunteer activities of the members' resident records dated in that
        calendar year, summed in one ``read_group``.

        The party roles do not read the volunteer register (it is the
        community clerks'): the sums are read as superuser, for the
        registrations the caller reads, and only the sums are returned.
        """
        start, end = self._year_bounds(year)
        resident_of = {
            registration.id: registration.resident_id.id
            for registration in self
            if registration.id and registration._in_force(start, end)}
        resident_ids = sorted({rid for rid in resident_of.values() if rid})
        if not resident_ids:
            return {}
        # sudo: the totals of the service of the members of the registrations
        #   the caller reads; the party roles do not read the volunteer
        #   register, and no activity is returned
        groups = self.env["community.volunteer.activity"].sudo().read_group(
            [("volunteer_id", "in", resident_ids),
             ("date", ">=", start), ("date", "<=", end)],
            ["volunteer_id", "hours"], ["volunteer_id"])
        by_resident = {group["volunteer_id"][0]: (
            group["volunteer_id_count"], group["hours"] or 0.0)
            for group in groups}
        return {registration_id: by_resident[resident_id]
                for registration_id, resident_id in resident_of.items()
                if resident_id in by_resident}

    @api.multi
    def _in_force(self, start, end):
        """Whether the registration was in force on a day from ``start``
        to ``end`` (date strings)."""
        self.ensure_one()
        return bool(self.date_registered) and self.date_registered <= end \
            and (not self.date_ended or self.date_ended >= start)

    @api.model
    def _in_force_domain(self, start, end):
        """The domain of the registrations in force on a day from ``start``
        to ``end``."""
        return [("date_registered", "<=", end),
                "|", ("date_ended", "=", False), ("date_ended", ">=", start)]

    @api.model
    def _warning_of(self, member, community):
        """Why the service of ``member`` reporting to ``community`` would
        not be counted, or ``False``: no resident record, or one in another
        community."""
        if not member:
            return False
        # sudo: the member's name, resident record and its community, named
        #   in the warning only
        member = member.sudo()
        resident = member.resident_id
        if not resident:
            return _(
                "Party member %s has no resident record: their volunteer "
                "service cannot be counted until they are linked to one."
            ) % member.name
        if community and resident.community_id != community:
            return _(
                "Party member %(member)s lives in %(lives)s, not in "
                "%(community)s: check the community they report to."
            ) % {"member": member.name,
                 "lives": resident.community_id.name or "-",
                 "community": community.name}
        return False

    @api.model
    def _registration_errors(self, member, community, date, registration=None):
        """Why ``member`` may not register with ``community`` on ``date``
        (a list of messages naming the member, empty if they may): the
        member is no in-service member in the register, belongs to another
        street, or already holds a registration open or in force in that
        year (other than ``registration``). Read as superuser: it checks
        the data, not the user's access (the record rules do that)."""
        # sudo: checks the member, the community and the member's other
        #   registrations, whatever the caller reads; only refusals naming
        #   the member are returned
        member, community, registrations = (
            member.sudo(), community.sudo(), self.sudo())
        errors = []
        if member.category != "in_service":
            category = dict(member._fields["category"]._description_selection(
                self.env)).get(member.category, member.category)
            errors.append(_(
                "Party member %(member)s is a %(category)s, not an "
                "in-service member: only in-service members report to the "
                "community where they live.") % {
                    "member": member.name, "category": category})
        if member.state != "active":
            errors.append(_(
                "Party member %s is no longer in the register (transferred "
                "out or deceased).") % member.name)
        if community and member.company_id \
                and community.company_id != member.company_id:
            errors.append(_(
                "Party member %(member)s is in the register of %(street)s, "
                "not of the street of %(community)s.") % {
                    "member": member.name,
                    "street": member.company_id.name,
                    "community": community.name})
        if not date:
            return errors
        year = fields.Date.from_string(date).year
        start, end = self._year_bounds(year)
        domain = [("member_id", "=", member.id)] + expression.OR([
            [("state", "=", "registered")],
            self._in_force_domain(start, end)])
        if registration:
            domain.append(("id", "!=", registration.id))
        other = registrations.search(
            domain, order="date_registered desc, id desc", limit=1)
        if other:
            if fields.Date.from_string(other.date_registered).year < year \
                    and other.state == "registered":
                errors.append(_(
                    "Party member %(member)s is already registered with "
                    "%(community)s since %(date)s: end that registration "
                    "before registering again.") % {
                        "member": member.name,
                        "community": other.community_id.name,
                        "date": other.date_registered})
            else:
                errors.append(_(
                    "Party member %(member)s is already registered with "
                    "%(community)s this year (on %(date)s): change or reopen "
                    "that registration instead of registering again.") % {
                        "member": member.name,
                        "community": other.community_id.name,
                        "date": other.date_registered})
        return errors
