# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CommunityHousehold(models.Model):
    """A household (户): a dwelling of a building and the residents living
    in it. Household counts drive the per-household funding standards."""

    _name = "community.household"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Household"
    _order = "name, id"
    _scope_parent_field = "building_id"
    _scope_fields = ("compound_id", "community_id", "company_id")

    name = fields.Char(
        compute="_compute_name", store=True, index=True,
        help="Compound, building, unit and room, e.g. 阳光花园 3号楼 2单元301.")
    building_id = fields.Many2one(
        comodel_name="community.building",
        string="Building",
        required=True,
        index=True,
        ondelete="restrict",
    )
    compound_id = fields.Many2one(
        related="building_id.compound_id",
        string="Compound",
        store=True,
        index=True,
        readonly=True,
    )
    community_id = fields.Many2one(
        related="building_id.community_id",
        string="Community",
        store=True,
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="building_id.company_id",
        string="Street office",
        store=True,
        index=True,
        readonly=True,
    )
    unit = fields.Char(help="Unit (单元) of the building, e.g. 2单元.")
    room = fields.Char(help="Room (室), e.g. 301.")
    address = fields.Char()
    head_id = fields.Many2one(
        comodel_name="community.resident",
        string="Head of household",
        index=True,
        ondelete="set null",
        domain="[('household_id', '=', id)]",
    )
    resident_ids = fields.One2many(
        comodel_name="community.resident",
        inverse_name="household_id",
        string="Members",
    )
    member_count = fields.Integer(
        "Members",
        compute="_compute_member_count",
        store=True,
        help="Residents living in the household (moved-out and deceased "
        "residents stay in the list, not in the count).",
    )
    household_type = fields.Selection(
        selection=[
            ("registered", "Registered household"),
            ("rented", "Rented household"),
            ("vacant", "Vacant household"),
        ],
        string="Type",
        required=True,
        default="registered",
        index=True,
    )
    is_party_member = fields.Boolean(
        "Party-member household", index=True)
    is_civilised = fields.Boolean("Civilised household", index=True)
    active = fields.Boolean(default=True)

    @api.depends(
        "building_id.name", "building_id.compound_id.name", "unit", "room")
    def _compute_name(self):
        for household in self:
            building = household.building_id
            parts = [building.compound_id.name, building.name]
            unit = household.unit or ""
            if unit.isdigit():
                # clerks type the unit number; the address reads 2单元301
                unit += "单元"
            door = "%s%s" % (unit, household.room or "")
            parts.append(door)
            household.name = " ".join(part for part in parts if part)

    @api.depends("resident_ids", "resident_ids.state", "resident_ids.active")
    def _compute_member_count(self):
        for household in self:
            household.member_count = len(household.resident_ids.filtered(
                lambda resident: resident.state == "living"))

    @api.constrains("head_id")
    def _check_head_id(self):
        # sudo: the constraint reads the record being written; a head the user cannot
        #   read is not named
        for household in self.sudo():
            head = household.head_id
            if head and head.household_id != household:
                raise ValidationError(_(
                    "%(resident)s is not a member of the household %(household)s "
                    "and cannot be its head.") % {
                        "resident": head.name, "household": household.name})
