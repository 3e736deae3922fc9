# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.community_base.tools import id_number as idn
from odoo.addons.community_base.tools import roles


class PartyMember(models.Model):
    """A party member whose organisational relationship (组织关系) is held by
    one of the street's party organisations, or who reports to one of its
    communities from an outside unit.

    Membership is personal data: the register is read by the party roles
    and the leader only, its ID numbers, phones and birth dates by the
    party roles only (the leader reads masks), and nobody else may search,
    group or sort by them (``community.private.fields.mixin``). A member
    living in the street is linked to their resident record; the link is
    how their volunteer hours and their household are found.
    """

    _name = "party.member"
    _inherit = ["mail.thread", "community.identity.mixin",
                "community.private.fields.mixin"]
    _description = "Party member"
    _order = "organisation_id, name, id"

    name = fields.Char(required=True, index=True, track_visibility="onchange")
    resident_id = fields.Many2one(
        comodel_name="community.resident",
        string="Resident record",
        index=True,
        ondelete="restrict",
        help="The member's record in the resident register, when they live "
        "in the street.",
    )
    gender = fields.Selection(
        selection=[("male", "Male"), ("female", "Female")])
    id_number = fields.Char(
        string="ID number", groups=roles.PARTY_DATA, copy=False)
    id_number_masked = fields.Char(
        "ID number (masked)", compute="_compute_masked")
    phone = fields.Char(groups=roles.PARTY_DATA)
    phone_masked = fields.Char("Phone (masked)", compute="_compute_masked")
    birth_date = fields.Date(groups=roles.PARTY_DATA)
    organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Party organisation",
        required=True,
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
        help="The organisation holding the member's organisational "
        "relationship.",
    )
    # sudo: the member's street and community follow their organisation and
    #   residence before the record rules, which read them, check the member
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="organisation_id.company_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        compute="_compute_community_id",
        store=True,
        index=True,
        compute_sudo=True,
        help="The community of the member's organisation, or the community "
        "they live in when their organisation is the street's or an "
        "outside unit's.",
    )
    category = fields.Selection(
        selection=[
            ("in_service", "In-service member"),
            ("mobile", "Mobile member"),
            ("hardship", "Member in difficulty"),
            ("elderly", "Senior member"),
            ("retired", "Retired member"),
            ("direct", "Directly managed member"),
        ],
        required=True,
        default="retired",
        index=True,
        track_visibility="onchange",
    )
    status = fields.Selection(
        selection=[("probationary", "Probationary"), ("full", "Full")],
        required=True,
        default="full",
        index=True,
        track_visibility="onchange",
    )
    date_joined = fields.Date(string="Joined the party on")
    date_full = fields.Date(string="Full member since")
    work_unit_id = fields.Many2one(
        comodel_name="res.partner",
        string="Work unit",
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True)],
        help="Where an in-service member works: their unit receives the "
        "yearly feedback sheet of their service in the community.",
    )
    state = fields.Selection(
        selection=[
            ("active", "In the register"),
            ("transferred_out", "Transferred out"),
            ("deceased", "Deceased"),
        ],
        required=True,
        default="active",
        index=True,
        track_visibility="onchange",
    )
    active = fields.Boolean(default=True)
    note = fields.Text()
    transfer_ids = fields.One2many(
        comodel_name="party.member.transfer",
        inverse_name="member_id",
        string="Transfers",
        readonly=True,
        help="The member's transfers in and out (组织关系转接), kept when "
        "they leave and come back.",
    )
    care_ids = fields.One2many(
        comodel_name="party.member.care",
        inverse_name="member_id",
        string="Care follow-ups",
    )

    _sql_constraints = [
        ("id_number_company_uniq", "unique(id_number, company_id)",
         "A party member with this ID number is already registered in this "
         "street."),
    ]

    @api.depends("organisation_id.community_id", "resident_id.community_id")
    def _compute_community_id(self):
        for member in self:
            member.community_id = (member.organisation_id.community_id
                                   or member.resident_id.community_id)

    @api.constrains("id_number")
    def _check_id_number(self):
        # sudo: checks the number the user typed, whatever they may read
        for member in self.sudo():
            if not member.id_number:
                continue
            try:
                idn.normalize(member.id_number)
            except idn.InvalidIdNumber as error:
                raise ValidationError(_(
                    "Party member %(name)s: ID number %(number)s is not valid "
                    "(%(reason)s).") % {
                        "name": member.name, "number": member.id_number,
                        "reason": self.env["community.resident"]
                        ._id_number_reason(error.reason)})

    @api.constrains("status", "date_joined", "date_full")
    def _check_dates(self):
        # sudo: constraints run before a new member's scope is stored, when
        #   the record rules would hide it from the secretary creating it
        for member in self.sudo():
            if member.date_full and member.date_joined \
                    and member.date_full < member.date_joined:
                raise ValidationError(_(
                    "Party member %s: full membership cannot begin before "
                    "joining the party.") % member.name)

    @api.model
    def _may_read_identity(self):
        """The party roles read the members' numbers in clear, the leader
        the masks (``community.identity.mixin``)."""
        return roles.may_read_party_data(self.env)
