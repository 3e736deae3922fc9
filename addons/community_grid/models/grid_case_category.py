# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# The "123" promise: a case the street handles itself is done within one
# working day, one for a single functional department within two, one that
# needs several departments within three.
SLA_DAYS_BY_LEVEL = {"street": 1, "department": 2, "multi": 3}


class GridCaseCategory(models.Model):
    """A kind of case (事件类别) and who answers for it.

    Street administrators keep the catalogue without code: the responsibility
    level gives the default deadline of the "123" promise, and the default
    handling unit lets a case be dispatched in one click. The code is the
    Open311 service code.

    Names and descriptions are translatable (the catalogue ships in English
    with its Chinese translation, and a clerk renames in their language);
    the full name "parent / child" is therefore computed when read, in the
    reader's language, instead of being stored in the language of whoever
    created the category (the catalogue was stored in English at install).
    The catalogue is ordered by its hierarchical service codes.
    """

    _name = "grid.case.category"
    _description = "Case category"
    _order = "code"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, index=True,
        help="Service code (Open311), unique over the catalogue.")
    parent_id = fields.Many2one(
        comodel_name="grid.case.category", string="Parent category",
        index=True, ondelete="restrict")
    child_ids = fields.One2many(
        comodel_name="grid.case.category", inverse_name="parent_id",
        string="Sub-categories")
    complete_name = fields.Char(
        string="Full name", compute="_compute_complete_name",
        search="_search_complete_name")
    level = fields.Selection(
        selection=[
            ("street", "Street handles itself"),
            ("department", "One functional department"),
            ("multi", "Several departments"),
        ],
        string="Responsibility level", required=True, default="street")
    sla_days = fields.Integer(
        string="Deadline (working days)", required=True,
        default=SLA_DAYS_BY_LEVEL["street"],
        help="Working days after the report within which the case must be "
             "closed: 1, 2 or 3 by responsibility level (the \"123\" "
             "promise) unless set otherwise.")
    department_id = fields.Many2one(
        comodel_name="hr.department", string="Default handling section",
        index=True, ondelete="restrict",
        help="Section of the street office a case of this category goes "
             "to by default.")
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Default functional department",
        index=True, ondelete="restrict",
        domain=[("organisation_type", "=", "department")],
        help="Functional department a case of this category goes to by "
             "default.")
    is_dispute = fields.Boolean(
        string="Dispute for mediation",
        help="Cases of this category are disputes (矛盾纠纷) to mediate.")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)",
         "The code (service code) of a case category must be unique."),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = "%s / %s" % (
                    category.parent_id.complete_name, category.name)
            else:
                category.complete_name = category.name

    @api.model
    def _search_complete_name(self, operator, value):
        """The full name's last part is the category's own name: search
        the (translated) names of the category and of its parents."""
        if operator in ("=", "!=", "in", "not in") or not value:
            names = self.search([]).filtered(
                lambda c: c.complete_name in (
                    value if isinstance(value, (list, tuple)) else [value]))
            negative = operator in ("!=", "not in")
            return [("id", "not in" if negative else "in", names.ids)]
        parts = [part.strip() for part in str(value).split("/") if part.strip()]
        domain = [("name", operator, parts[-1] if parts else value)]
        if len(parts) > 1 and operator in ("like", "ilike"):
            # Odoo 11 inserts the domain as it is: the "&" must be explicit
            domain = ["&"] + domain + [("parent_id.complete_name", operator,
                                        " / ".join(parts[:-1]))]
        return domain

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if not self._check_recursion():
            raise ValidationError(_(
                "The case category \"%s\" cannot be its own parent.")
                % self[0].name)

    @api.constrains("sla_days")
    def _check_sla_days(self):
        for category in self:
            if category.sla_days < 1:
                raise ValidationError(_(
                    "The deadline of the case category \"%s\" must be at "
                    "least one working day.") % category.name)

    @api.constrains("partner_id")
    def _check_partner_is_department(self):
        for category in self:
            partner = category.partner_id
            if partner and partner.organisation_type != "department":
                raise ValidationError(_(
                    "%(partner)s is not a functional department: it cannot "
                    "handle the cases of the category \"%(category)s\".") % {
                        "partner": partner.name, "category": category.name})

    @api.onchange("level")
    def _onchange_level(self):
        if self.level:
            self.sla_days = SLA_DAYS_BY_LEVEL[self.level]

    @api.model
    def create(self, vals):
        if vals.get("level") and "sla_days" not in vals:
            vals = dict(vals, sla_days=SLA_DAYS_BY_LEVEL[vals["level"]])
        return super().create(vals)

    @api.multi
    def name_get(self):
        return [(category.id, category.complete_name or category.name)
                for category in self]
