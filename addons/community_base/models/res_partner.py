# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    """Organisations around a community are companies of the contacts.

    Resident-area units, owners' committees, property companies, social
    organisations and volunteer teams keep Odoo's contacts (child partners)
    and add the community they belong to. Their company (street) follows
    the community, so a contact never sits in one street while its
    community belongs to another.
    """

    _inherit = "res.partner"

    organisation_type = fields.Selection(
        selection=[
            ("resident_unit", "Resident-area unit"),
            ("owners_committee", "Owners' committee"),
            ("property_company", "Property company"),
            ("social_org", "Social organisation"),
            ("volunteer_team", "Volunteer team"),
            ("department", "Government department"),
        ],
        index=True,
    )
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        index=True,
        ondelete="restrict",
        help="The community the organisation belongs to; its street becomes "
             "the company of the contact.",
    )
    social_org_status = fields.Selection(
        selection=[
            ("registered", "Registered"),
            ("filed", "Filed"),
        ],
        string="Registration status",
        help="Registered with the civil affairs bureau (登记), or only filed "
             "with the street (备案).",
    )
    council_ids = fields.Many2many(
        comodel_name="community.council",
        relation="community_council_partner_rel",
        column1="partner_id",
        column2="council_id",
        string="Councils",
    )
    volunteer_activity_ids = fields.One2many(
        comodel_name="community.volunteer.activity",
        inverse_name="team_id",
        string="Volunteer activities",
    )
    # sudo: a team's total counts the hours of every community; the total only, no
    #   activity shown
    volunteer_hours = fields.Float(
        string="Volunteer hours",
        compute="_compute_volunteer_hours",
        store=True,
        compute_sudo=True,
        digits=(16, 1),
        help="Hours served by the volunteers of the team.",
    )

    @api.depends("volunteer_activity_ids.hours")
    def _compute_volunteer_hours(self):
        totals = self.env["community.volunteer.activity"]._hours_by(
            "team_id", self.ids)
        for partner in self:
            partner.volunteer_hours = totals.get(partner.id, 0.0)

    @api.constrains("organisation_type", "social_org_status")
    def _check_social_org_status(self):
        for partner in self:
            if partner.organisation_type == "social_org" and \
                    not partner.social_org_status:
                raise ValidationError(_(
                    "The social organisation %s must be registered or filed: "
                    "choose its registration status."
                ) % partner.name)

    @api.constrains("organisation_type", "is_company")
    def _check_organisation_is_company(self):
        for partner in self:
            if partner.organisation_type and not partner.is_company:
                raise ValidationError(_(
                    "%s has an organisation type, so it must be a company; "
                    "add people as its contacts instead."
                ) % partner.name)

    @api.onchange("community_id")
    def _onchange_community_id(self):
        if self.community_id:
            self.company_id = self.community_id.company_id

    @api.onchange("organisation_type")
    def _onchange_organisation_type(self):
        if self.organisation_type:
            self.is_company = True
        if self.organisation_type != "social_org":
            self.social_org_status = False

    @api.model
    def create(self, vals):
        return super().create(self._community_vals(vals))

    @api.multi
    def write(self, vals):
        return super().write(self._community_vals(vals))

    @api.model
    def _community_vals(self, vals):
        """res.partner already has a company; an organisation's company is
        the street of its community, so the street roles find it."""
        if vals.get("community_id"):
            vals = dict(vals)
            community = self.env["community.community"].browse(
                vals["community_id"])
            vals["company_id"] = community.company_id.id
        return vals
