# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.community_base.tools import street_time


class PartyInserviceCommitment(models.Model):
    """A service an in-service member takes on in the community they
    report to (认领岗位, 服务项目): a pioneer post, duty in a building, a
    post in a volunteer team, or a service project.

    The building and the team are the community's own: a member reports to
    the community where they live and serves there. The line takes the
    registration's community, street and member's organisation, which its
    record rules read, before its insert (``community.scope.copy.mixin``).
    """

    _name = "party.inservice.commitment"
    _inherit = ["community.scope.copy.mixin"]
    _description = "In-service party member commitment"
    _order = "registration_id, date, id"

    _scope_parent_field = "registration_id"
    _scope_fields = ("community_id", "company_id", "member_organisation_id")

    registration_id = fields.Many2one(
        comodel_name="party.inservice.registration",
        string="Registration",
        required=True,
        index=True,
        ondelete="cascade",
    )
    kind = fields.Selection(
        selection=[
            ("pioneer_post", "Party member pioneer post"),
            ("building_duty", "Building duty"),
            ("volunteer_post", "Volunteer post"),
            ("project", "Service project"),
        ],
        required=True,
        default="pioneer_post",
    )
    building_id = fields.Many2one(
        comodel_name="community.building",
        string="Building",
        index=True,
        ondelete="restrict",
        help="The building the member keeps watch over (楼栋值守).",
    )
    team_id = fields.Many2one(
        comodel_name="res.partner",
        string="Volunteer team",
        index=True,
        ondelete="restrict",
        domain=[("organisation_type", "=", "volunteer_team")],
        help="The volunteer team the member serves in: its activities are "
        "where the member's hours come from.",
    )
    description = fields.Char(
        help="The post or the project, as the community names it.")
    date = fields.Date(
        string="Taken on",
        default=lambda self: street_time.street_today(self.env),
    )
    # sudo: the line follows its registration's scope for the record rules,
    #   whatever the user reads of the registration's member
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        related="registration_id.community_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see community_id
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="registration_id.company_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see community_id
    member_organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Member's party organisation",
        related="registration_id.member_organisation_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )

    @api.constrains("kind", "building_id", "team_id", "registration_id")
    def _check_place(self):
        # sudo: checks the building and the team the user chose against the
        #   registration's community, whatever they read of them
        for commitment in self.sudo():
            registration = commitment.registration_id
            errors = self._place_errors(
                commitment.kind, commitment.building_id, commitment.team_id,
                registration.community_id, registration.member_name)
            if errors:
                raise ValidationError(errors[0])

    @api.model
    def _place_errors(self, kind, building, team, community, who):
        """Why a commitment of ``kind`` of member ``who`` (a name) in
        ``building`` or ``team`` cannot be taken in ``community`` (a list
        of messages, empty if it can). The records are read as given: the
        callers pass them as superuser."""
        errors = []
        if kind == "building_duty":
            if not building:
                errors.append(_(
                    "Building duty of %s: choose the building.") % who)
            elif building.community_id != community:
                errors.append(_(
                    "Building duty of %(member)s: building %(building)s is "
                    "not in %(community)s, where the member reports.") % {
                        "member": who, "building": building.display_name,
                        "community": community.name})
        if kind == "volunteer_post":
            if not team:
                errors.append(_(
                    "Volunteer post of %s: choose the volunteer team.") % who)
            elif team.organisation_type != "volunteer_team":
                errors.append(_(
                    "Volunteer post of %(member)s: %(team)s is not a "
                    "volunteer team.") % {
                        "member": who, "team": team.display_name})
            elif team.community_id and team.community_id != community:
                errors.append(_(
                    "Volunteer post of %(member)s: team %(team)s serves "
                    "%(other)s, not %(community)s where the member "
                    "reports.") % {
                        "member": who, "team": team.display_name,
                        "other": team.community_id.name,
                        "community": community.name})
        return errors

    @api.multi
    def name_get(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        result = []
        for commitment in self:
            place = commitment.building_id.display_name \
                or commitment.team_id.display_name
            details = [text for text in (place, commitment.description)
                       if text]
            name = kinds.get(commitment.kind, commitment.kind or "")
            if details:
                name = "%s: %s" % (name, ", ".join(details))
            result.append((commitment.id, name))
        return result
