# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: the organisations of the territorial chain (建制性): the street's working
#: committee, the communities' committees, branches and groups
ESTABLISHMENT_KINDS = (
    "street_committee", "community_committee", "general_branch", "branch",
    "grid_branch", "building_branch", "group")


class PartyOrganisation(models.Model):
    """A party organisation of the street, in one tree.

    The territorial chain (建制性) runs from the street's party working
    committee (街道党工委) through the community party committees, general
    branches and branches down to the grid and building branches and the
    party groups (党小组); beside it stand the non-establishment
    organisations (联合党委, 非建制性特色党支部) of the units, non-public firms
    and social organisations on the street's territory, and the branches of
    outside units whose in-service members report to a community. Rules
    read the street, the community and, for organisers, the organisations
    they keep (and those below: ``child_of``).
    """

    _name = "party.organisation"
    _inherit = ["mail.thread"]
    _description = "Party organisation"
    _parent_store = True
    _parent_order = "sequence, name"
    _order = "parent_left"

    name = fields.Char(required=True, track_visibility="onchange")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        selection=[
            ("street_committee", "Street party working committee"),
            ("community_committee", "Community party committee"),
            ("general_branch", "General party branch"),
            ("branch", "Party branch"),
            ("grid_branch", "Grid party branch"),
            ("building_branch", "Building party branch"),
            ("group", "Party group"),
            ("joint_committee", "Joint party committee"),
            ("special_branch", "Non-establishment party branch"),
            ("unit_branch", "Party organisation of a unit"),
        ],
        required=True,
        default="branch",
        index=True,
        track_visibility="onchange",
    )
    is_establishment = fields.Boolean(
        string="Establishment",
        compute="_compute_is_establishment",
        store=True,
        help="Part of the territorial chain (建制性) from the street's working "
        "committee down to the party groups; the others are set up in "
        "units, firms and social organisations or across them.",
    )
    parent_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Higher organisation",
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
    )
    child_ids = fields.One2many(
        comodel_name="party.organisation",
        inverse_name="parent_id",
        string="Lower organisations",
    )
    parent_left = fields.Integer(index=True)
    parent_right = fields.Integer(index=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.user.company_id,
    )
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        index=True,
        ondelete="restrict",
        help="The community the organisation belongs to; empty for the "
        "street's working committee and for organisations of the whole "
        "street.",
    )
    grid_id = fields.Many2one(
        comodel_name="grid.grid",
        string="Grid",
        index=True,
        ondelete="restrict",
    )
    building_id = fields.Many2one(
        comodel_name="community.building",
        string="Building",
        index=True,
        ondelete="restrict",
    )
    unit_id = fields.Many2one(
        comodel_name="res.partner",
        string="Unit",
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True)],
        help="The unit, firm or social organisation the organisation is set "
        "up in (驻区单位, 非公企业, 社会组织).",
    )
    secretary_id = fields.Many2one(
        comodel_name="party.member",
        string="Secretary",
        ondelete="set null",
        track_visibility="onchange",
    )
    organiser_ids = fields.Many2many(
        comodel_name="res.users",
        relation="party_organisation_organiser_rel",
        column1="organisation_id",
        column2="user_id",
        string="Organisers",
        help="Users who keep the register and the meetings of this "
        "organisation and of those below it.",
    )
    member_ids = fields.One2many(
        comodel_name="party.member",
        inverse_name="organisation_id",
        string="Members",
    )
    member_count = fields.Integer(
        string="Members", compute="_compute_member_count")
    date_founded = fields.Date(string="Founded on")
    active = fields.Boolean(default=True)
    note = fields.Text()

    @api.depends("kind")
    def _compute_is_establishment(self):
        for organisation in self:
            organisation.is_establishment = (
                organisation.kind in ESTABLISHMENT_KINDS)

    def _compute_member_count(self):
        counts = {}
        if self.ids:
            groups = self.env["party.member"].read_group(
                [("organisation_id", "in", self.ids)],
                ["organisation_id"], ["organisation_id"])
            counts = {group["organisation_id"][0]: group["organisation_id_count"]
                      for group in groups}
        for organisation in self:
            organisation.member_count = counts.get(organisation.id, 0)

    @api.onchange("parent_id")
    def _onchange_parent_id(self):
        if self.parent_id:
            self.company_id = self.parent_id.company_id
            if not self.community_id:
                self.community_id = self.parent_id.community_id

    @api.onchange("grid_id")
    def _onchange_grid_id(self):
        if self.grid_id:
            self.community_id = self.grid_id.community_id

    @api.onchange("building_id")
    def _onchange_building_id(self):
        if self.building_id:
            self.community_id = self.building_id.community_id

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if not self._check_recursion():
            raise ValidationError(_(
                "A party organisation cannot be placed below itself."))

    @api.constrains("company_id", "community_id", "grid_id", "building_id")
    def _check_places(self):
        # sudo: checks the data the user wrote, whatever they may read of it
        for organisation in self.sudo():
            community = organisation.community_id
            if community and community.company_id != organisation.company_id:
                raise ValidationError(_(
                    "Party organisation %(name)s: community %(community)s is "
                    "not in street %(street)s.") % {
                        "name": organisation.name,
                        "community": community.name,
                        "street": organisation.company_id.name})
            for place in (organisation.grid_id, organisation.building_id):
                if place and place.community_id != community:
                    raise ValidationError(_(
                        "Party organisation %(name)s: %(place)s is not in "
                        "community %(community)s.") % {
                            "name": organisation.name,
                            "place": place.display_name,
                            "community": community.name or "-"})
            if organisation.kind == "grid_branch" and not organisation.grid_id:
                raise ValidationError(_(
                    "Grid party branch %s: choose its grid.")
                    % organisation.name)
            if organisation.kind == "building_branch" \
                    and not organisation.building_id:
                raise ValidationError(_(
                    "Building party branch %s: choose its building.")
                    % organisation.name)
