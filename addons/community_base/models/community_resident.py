# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import json

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from ..tools import id_number as idn
from ..tools import roles


class CommunityResident(models.Model):
    """A resident (居民) of the register: identity, household, residence and
    care groups. Residents are never deleted by clerks; moving out and death
    change their state and are kept in their move history."""

    _name = "community.resident"
    _inherit = ["community.identity.mixin", "community.private.fields.mixin",
                "community.scope.copy.mixin"]
    _description = "Resident"
    _order = "name, id"
    _scope_parent_field = "household_id"
    _scope_fields = ("building_id", "compound_id", "community_id", "company_id")

    name = fields.Char("Full name", required=True, index=True)
    # Personal data: only clerks read these two; the others read the masks.
    id_number = fields.Char(
        "ID number",
        size=18,
        index=True,
        groups=roles.PERSONAL_DATA,
        help="Resident ID number, 18 characters (GB 11643). A 15-digit legacy "
        "number is converted to 18 characters when saved.",
    )
    id_number_masked = fields.Char(
        "ID number (masked)", compute="_compute_masked")
    phone = fields.Char(groups=roles.PERSONAL_DATA)
    phone_masked = fields.Char("Phone (masked)", compute="_compute_masked")
    # For clerks too: the masked number shows the region and the last four
    # characters, and the birth date would give the whole number back. The
    # other roles read the age.
    birth_date = fields.Date(
        compute="_compute_from_id_number", store=True, index=True,
        groups=roles.PERSONAL_DATA,
        help="Derived from the ID number.")
    sex = fields.Selection(
        selection=[("male", "Male"), ("female", "Female")],
        compute="_compute_from_id_number", store=True, index=True,
        help="Derived from the ID number: the 17th digit is odd for men.")
    search_text = fields.Char(
        "Name, ID number, phone or address",
        compute="_compute_search_text",
        search="_search_search_text",
        help="One search box for the register: clerks also find residents by "
        "ID number and phone, other roles by name and address only.")
    age = fields.Integer(
        compute="_compute_age", search="_search_age",
        help="Age in whole years today, from the birth date.")
    household_id = fields.Many2one(
        comodel_name="community.household",
        string="Household",
        required=True,
        index=True,
        ondelete="restrict",
    )
    building_id = fields.Many2one(
        related="household_id.building_id", string="Building",
        store=True, index=True, readonly=True)
    compound_id = fields.Many2one(
        related="household_id.compound_id", string="Compound",
        store=True, index=True, readonly=True)
    community_id = fields.Many2one(
        related="household_id.community_id", string="Community",
        store=True, index=True, readonly=True)
    company_id = fields.Many2one(
        related="household_id.company_id", string="Street office",
        store=True, index=True, readonly=True)
    relation = fields.Selection(
        selection=[
            ("head", "Head of household"),
            ("spouse", "Spouse"),
            ("child", "Child"),
            ("parent", "Parent"),
            ("grandchild", "Grandchild"),
            ("sibling", "Sibling"),
            ("other", "Other"),
        ],
        string="Relation to the head",
        default="other",
        required=True,
        index=True,
    )
    registered_address = fields.Char(
        help="Address of the household registration (户籍地址).")
    actual_address = fields.Char(
        help="Where the resident actually lives (实际居住地址).")
    residence_type = fields.Selection(
        selection=[
            ("registered", "Registered population"),
            ("floating", "Floating population"),
        ],
        required=True,
        default="registered",
        index=True,
    )
    arrival_date = fields.Date(
        help="Date a floating resident arrived in the community.")
    origin = fields.Char(
        help="Where a floating resident comes from (province and city).")
    care_group_ids = fields.Many2many(
        comodel_name="community.care.group",
        relation="community_care_group_resident_rel",
        column1="resident_id",
        column2="care_group_id",
        string="Care groups",
    )
    state = fields.Selection(
        selection=[
            ("living", "Living"),
            ("moved_out", "Moved out"),
            ("deceased", "Deceased"),
        ],
        required=True,
        default="living",
        index=True,
        readonly=True,
        copy=False,
    )
    # the roles that read the move history (a grid officer reads residents
    # but not their history, and could not even open the form without this)
    move_ids = fields.One2many(
        comodel_name="community.resident.move",
        inverse_name="resident_id",
        string="Moves",
        readonly=True,
        groups=roles.field_groups(roles.LEADER, roles.COMMUNITY_CLERK),
    )
    note = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "id_number_company_uniq",
            "unique(id_number, company_id)",
            "This ID number is already registered in this street office. "
            "(该身份证号码已在本街道登记。)",
        ),
    ]

    @api.depends("id_number")
    def _compute_from_id_number(self):
        for resident in self:
            # sudo: birth date and sex derive from the ID number, a field only clerks
            #   read; the derived fields have their own groups
            number = resident.sudo().id_number
            birth, sex = False, False
            if number and idn.is_valid(number):
                birth = fields.Date.to_string(idn.birth_date(number))
                sex = idn.sex(number)
            resident.birth_date = birth
            resident.sex = sex

    def _compute_search_text(self):
        for resident in self:
            resident.search_text = resident.name

    @api.model
    def _search_search_text(self, operator, value):
        fnames = ["name", "actual_address", "registered_address"]
        if roles.may_read_personal_data(self.env):
            # never let other roles probe personal data through a search
            fnames += ["id_number", "phone"]
        return expression.OR([[(fname, operator, value)] for fname in fnames])

    @api.depends("birth_date")
    def _compute_age(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        # the age is for every role, the birth date behind it for clerks;
        # read alone, not with every column of the page (see _compute_masked)
        # sudo: the age is for every role, the birth date behind it for clerks only
        for resident, raw in zip(self, self.sudo().with_context(
                prefetch_fields=False)):
            birth = fields.Date.from_string(raw.birth_date)
            resident.age = idn.age_on(birth, today) if birth else 0

    @api.model
    def _search_age(self, operator, value):
        """Translate a condition on the age into one on the birth date:
        age >= 60 means born on or before today minus 60 years."""
        today = fields.Date.from_string(fields.Date.context_today(self))

        def born_before(years):
            # the latest birth date of someone aged ``years`` today
            return fields.Date.to_string(today - relativedelta(years=years))

        def born_after(years):
            # the earliest birth date of someone aged ``years`` today
            return fields.Date.to_string(
                today - relativedelta(years=years + 1) + datetime.timedelta(1))

        value = int(value)
        domains = {
            ">=": [("birth_date", "<=", born_before(value))],
            ">": [("birth_date", "<=", born_before(value + 1))],
            "<=": [("birth_date", ">=", born_after(value))],
            "<": [("birth_date", ">=", born_after(value - 1))],
            "=": ["&", ("birth_date", "<=", born_before(value)),
                  ("birth_date", ">=", born_after(value))],
        }
        if operator not in domains:
            raise UserError(_("Unsupported search on the age: %s") % operator)
        return domains[operator]

    @api.constrains("id_number")
    def _check_id_number(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for resident in self.sudo():
            if not resident.id_number:
                continue
            try:
                number = idn.normalize(resident.id_number)
            except idn.InvalidIdNumber as error:
                raise ValidationError(_(
                    "The ID number %(number)s of %(resident)s is invalid: "
                    "%(reason)s.") % {
                        "number": resident.id_number,
                        "resident": resident.name,
                        "reason": self._id_number_reason(error.reason),
                    })
            if number != resident.id_number:
                raise ValidationError(_(
                    "The ID number %(number)s of %(resident)s must be saved in "
                    "its 18-character form %(normalized)s.") % {
                        "number": resident.id_number,
                        "resident": resident.name,
                        "normalized": number,
                    })

    @api.model
    def _id_number_reason(self, reason):
        """The reasons of tools.id_number, translated."""
        return {
            "empty": _("empty"),
            "15 digits expected": _("15 digits expected"),
            "17 digits expected": _("17 digits expected"),
            "18 characters expected": _("18 characters expected"),
            "17 digits and a digit or X expected": _(
                "17 digits and a digit or X expected"),
            "invalid birth date": _("invalid birth date"),
            "wrong check character": _("wrong check character"),
        }.get(reason, reason)

    @api.onchange("id_number")
    def _onchange_id_number(self):
        """Check the number as soon as it is typed, and show the birth date
        and sex it encodes, instead of waiting for the save (in a
        household's member list, the save of the whole household). Only
        for the roles that read ID numbers and birth dates: the others get
        nothing back, not even whether a number is valid."""
        if not roles.may_read_personal_data(self.env) or not self.id_number:
            return None
        try:
            number = idn.normalize(self.id_number)
        except idn.InvalidIdNumber as error:
            self.birth_date = False
            self.sex = False
            self.age = 0
            return {"warning": {
                "title": _("Invalid ID number"),
                "message": _(
                    "The ID number %(number)s is invalid: %(reason)s. Check "
                    "it against the ID card; the resident cannot be saved "
                    "with it.") % {
                        "number": self.id_number,
                        "reason": self._id_number_reason(error.reason)},
            }}
        if number != self.id_number:
            self.id_number = number
        birth = idn.birth_date(number)
        self.birth_date = fields.Date.to_string(birth)
        self.sex = idn.sex(number)
        # the computed age reads the stored birth date, which a new member
        # has not yet
        self.age = idn.age_on(birth, fields.Date.from_string(
            fields.Date.context_today(self)))
        return None

    @api.constrains("residence_type", "arrival_date")
    def _check_arrival_date(self):
        today = fields.Date.context_today(self)
        # constraints run before the stored scope of a new record is written,
        # when record rules would still hide it from its creator
        # sudo: constraints run before the new record's scope is stored, when the record
        #   rules would hide it from its creator
        for resident in self.sudo():
            if resident.arrival_date and resident.arrival_date > today:
                raise ValidationError(_(
                    "The arrival date of %s cannot be in the future.")
                    % resident.name)

    @api.multi
    def unlink(self):
        # the ACL already refuses clerks; this says why
        if not self.env.user.has_group(roles.STREET_ADMIN):
            raise AccessError(_(
                "Residents are not deleted: record that they moved out or died, "
                "or ask a street administrator to archive them."))
        return super().unlink()

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False,
                        submenu=False):
        """The masked columns are the identity mixin's; a member's form
        opened from their household's list hides the household."""
        res = super().fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar,
            submenu=submenu)
        if view_type == "form" and self.env.context.get(
                "community_household_member"):
            arch = etree.fromstring(res["arch"])
            self._hide_member_household(arch)
            res["arch"] = etree.tostring(arch, encoding="unicode")
        return res

    @api.model
    def _hide_member_household(self, arch):
        """The form of a member opened from a household's member list: the
        household is that one, set when the household is saved, and a new
        household has no id to put in the field yet; required there, the
        field would refuse to close the member's form ("invalid field:
        household"). Readonly, the web client does not ask for it."""
        for node in arch.xpath("//field[@name='household_id']"):
            modifiers = json.loads(node.get("modifiers") or "{}")
            modifiers.update(readonly=True, invisible=True, required=False)
            node.set("modifiers", json.dumps(modifiers))

    @api.multi
    def _open_move_form(self, move_type):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": dict(self.env["community.resident.move"]._fields[
                "move_type"]._description_selection(self.env))[move_type],
            "res_model": "community.resident.move",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_resident_id": self.id,
                "default_move_type": move_type,
                "default_from_household_id": self.household_id.id,
            },
        }

    @api.multi
    def action_move_in(self):
        return self._open_move_form("move_in")

    @api.multi
    def action_move_out(self):
        return self._open_move_form("move_out")

    @api.multi
    def action_transfer(self):
        return self._open_move_form("transfer")

    @api.multi
    def action_death(self):
        return self._open_move_form("death")

    @api.multi
    def record_move(self, move_type, date=None, to_household=None, note=None):
        """Record a move of each resident of ``self`` (what the buttons do,
        for code and tests): returns the moves created."""
        moves = self.env["community.resident.move"]
        for resident in self:
            moves |= moves.create({
                "resident_id": resident.id,
                "move_type": move_type,
                "date": date or fields.Date.context_today(self),
                "from_household_id": resident.household_id.id,
                "to_household_id": to_household.id if to_household else False,
                "note": note,
            })
        return moves
