# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from odoo.addons.community_base.tools import roles, street_time


class GridVisit(models.Model):
    """A household visit (包片联户 / 走访) by a grid officer: whom they met,
    what they found and what follows. Visits count towards the officer's
    monthly quota and keep the grid they were made in, so the statistics of
    a month stay what they were when the households move to other grids."""

    _name = "grid.visit"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Household visit"
    _order = "date desc, id desc"
    _rec_name = "household_id"
    _scope_parent_field = "household_id"

    officer_id = fields.Many2one(
        comodel_name="res.users",
        string="Officer",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    household_id = fields.Many2one(
        comodel_name="community.household",
        string="Household",
        required=True,
        index=True,
        ondelete="restrict",
        domain="['|', ('grid_id.officer_id', '=', officer_id), "
        "('grid_id.deputy_ids', 'in', [officer_id])]",
    )
    grid_id = fields.Many2one(
        comodel_name="grid.grid",
        string="Grid",
        index=True,
        readonly=True,
        ondelete="restrict",
        help="The household's grid when the visit was recorded.",
    )
    community_id = fields.Many2one(
        related="household_id.community_id",
        string="Community",
        store=True,
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="household_id.company_id",
        string="Street office",
        store=True,
        index=True,
        readonly=True,
    )
    date = fields.Date(
        required=True, index=True,
        default=lambda self: street_time.street_today(self.env))
    purpose = fields.Selection(
        selection=[
            ("routine", "Routine visit"),
            ("care", "Care visit"),
            ("collect", "Information collection"),
            ("dispute", "Dispute screening"),
            ("policy", "Policy publicity"),
            ("other", "Other"),
        ],
        required=True,
        default="routine",
        index=True,
    )
    findings = fields.Text()
    resident_ids = fields.Many2many(
        comodel_name="community.resident",
        relation="grid_visit_resident_rel",
        column1="visit_id",
        column2="resident_id",
        string="Residents met",
        domain="[('household_id', '=', household_id)]",
    )
    follow_up = fields.Text("Follow-up")
    case_ids = fields.One2many(
        comodel_name="grid.case",
        inverse_name="visit_id",
        string="Cases",
    )
    case_count = fields.Integer("Cases", compute="_compute_case_count")

    @api.depends("case_ids")
    def _compute_case_count(self):
        for visit in self:
            visit.case_count = len(visit.case_ids)

    @api.constrains("date")
    def _check_date(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for visit in self.sudo():
            # the street's day: an officer's phone set to another zone
            # neither allows tomorrow nor refuses today
            if visit.date > street_time.street_today(
                    self.env, visit.company_id):
                raise ValidationError(_(
                    "Visit of %(household)s: the date %(date)s is in the "
                    "future; record a visit once it has taken place.") % {
                        "household": visit.household_id.display_name,
                        "date": visit.date})

    @api.constrains("household_id", "resident_ids")
    def _check_resident_ids(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for visit in self.sudo():
            strays = visit.resident_ids.filtered(
                lambda resident: resident.household_id != visit.household_id)
            if strays:
                raise ValidationError(_(
                    "Visit of %(household)s on %(date)s: %(resident)s is not "
                    "a member of the household.") % {
                        "household": visit.household_id.display_name,
                        "date": visit.date,
                        "resident": strays[0].name})

    @api.constrains("officer_id", "household_id")
    def _check_officer_grid(self):
        """A grid officer visits the households of their own grids; clerks
        record visits anywhere in their scope (the record rules)."""
        # sudo: the officer's groups decide the check; the record rules then refuse the
        #   visit if out of scope
        for visit in self.sudo():
            officer = visit.officer_id
            if not officer.has_group(roles.GRID_OFFICER) or officer.has_group(
                    roles.COMMUNITY_CLERK):
                continue
            grid = visit.household_id.grid_id
            if not grid or officer not in (grid.officer_id | grid.deputy_ids):
                raise ValidationError(_(
                    "Visit of %(household)s on %(date)s: the household is "
                    "not in a grid of %(officer)s.") % {
                        "household": visit.household_id.display_name,
                        "date": visit.date,
                        "officer": officer.name})

    @api.onchange("household_id")
    def _onchange_household_id(self):
        self.grid_id = self.household_id.grid_id
        self.resident_ids = self.resident_ids.filtered(
            lambda resident: resident.household_id == self.household_id)

    @api.multi
    def name_get(self):
        """The date and household of each visit. RPC reaches name_get on
        any id, so the visits are checked as the caller; only the
        household's name is read past the rules (a deputy reads the grid's
        visits, not always its households)."""
        self.check_access_rights("read")
        self.check_access_rule("read")
        return [(visit.id, "%s %s" % (visit.date, visit.household_id.name))
                # sudo: the household name of visits the caller reads (checked above)
                for visit in self.sudo()]

    @api.model
    def create(self, vals):
        return super().create(self._grid_vals(vals))

    @api.multi
    def write(self, vals):
        return super().write(self._grid_vals(vals))

    @api.model
    def _grid_vals(self, vals):
        """``vals`` with the grid of the household they name, unless they
        name a grid: a visit counts for its household's grid at the time
        (the scope itself comes from community.scope.copy.mixin)."""
        if vals.get("household_id") and "grid_id" not in vals:
            # sudo: the visit follows its household's grid; the record rules check the
            #   written visit as usual
            household = self.env["community.household"].sudo().browse(
                vals["household_id"])
            vals = dict(vals, grid_id=household.grid_id.id)
        return vals

    @api.multi
    def action_raise_case(self):
        """Report what the visit found as a case (事件), in one click: the
        case starts at the report step with the visit's household and
        findings, filed under "other" until the officer picks its
        category in the form that opens."""
        self.ensure_one()
        if not self.findings:
            raise UserError(_(
                "Visit of %(household)s on %(date)s: write down the findings "
                "before raising a case.") % {
                    "household": self.household_id.display_name,
                    "date": self.date})
        category = self.env.ref(
            "community_grid.grid_case_category_other", raise_if_not_found=False)
        if not category:
            raise UserError(_(
                "The case category \"Other\" is missing: a street "
                "administrator must restore it before cases are raised from "
                "visits."))
        case = self.env["grid.case"].create({
            "channel": "visit",
            "category_id": category.id,
            "household_id": self.household_id.id,
            "community_id": self.community_id.id,
            "visit_id": self.id,
            "description": plaintext2html(self.findings),
            "reporter_name": self.resident_ids[:1].name or False,
            "reporter_resident_id": self.resident_ids[:1].id or False,
        })
        return {
            "type": "ir.actions.act_window",
            "name": case.name,
            "res_model": "grid.case",
            "res_id": case.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.multi
    def action_open_cases(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Cases"),
            "res_model": "grid.case",
            "view_mode": "tree,form",
            "domain": [("visit_id", "=", self.id)],
        }
