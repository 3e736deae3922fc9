# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang


class FinanceFundStandard(models.Model):
    """A funding standard (经费标准) the street pays each community by:
    a rate per household per year (community work funds at least 35 yuan,
    management-service funds at least 50 yuan) or a fixed amount chosen by
    the community's size (office funds of 8,000 to 10,000 yuan). The size
    is counted in households or in residents (``band_basis``): Longyan's
    office funds, for one, go by residents (10,000 yuan from 5,000 people,
    8,000 below).

    Standards change over the years; two versions of one standard (same
    code and street) must not be valid on the same day, or an allocation
    would not know which rate to use (``community.validity.mixin``).
    """

    _name = "finance.fund.standard"
    _inherit = ["community.validity.mixin"]
    _description = "Funding standard"
    _order = "sequence, code, date_start desc, id"
    _validity_key_fields = ("code", "company_id")

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", required=True,
        index=True, ondelete="restrict",
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        comodel_name="res.currency", related="company_id.currency_id",
        readonly=True)
    method = fields.Selection(
        selection=[
            ("per_household", "Per household per year"),
            ("fixed", "Fixed amount by size"),
        ],
        required=True, default="per_household")
    rate = fields.Monetary(
        string="Rate per household",
        help="Yearly amount per household of the community.")
    band_ids = fields.One2many(
        comodel_name="finance.fund.standard.band",
        inverse_name="standard_id", string="Size bands", copy=True)
    band_basis = fields.Selection(
        selection=[
            ("households", "Households"),
            ("residents", "Residents"),
        ],
        string="Size counted in", required=True, default="households",
        help="What the size bands count: the community's households, or "
             "its living residents.")
    amount_summary = fields.Char(
        string="Amount", compute="_compute_amount_summary",
        help="The rate per household, or the size bands and their "
             "amounts.")
    budget_post_id = fields.Many2one(
        comodel_name="account.budget.post", string="Budgetary position",
        index=True, ondelete="restrict",
        help="Budgetary position of the budget lines this standard "
             "creates; the street's default one when empty.")
    fund_id = fields.Many2one(
        comodel_name="finance.fund", string="Fund", index=True,
        ondelete="restrict",
        help="The dedicated fund that pays this standard, if any.")
    active = fields.Boolean(default=True)
    note = fields.Text()

    @api.depends("method", "rate", "band_basis", "band_ids.amount",
                 "band_ids.households_from", "band_ids.households_to")
    def _compute_amount_summary(self):
        """What the lists show for the standard's amount: a standard paid
        by size bands has no rate per household, so it shows its bands."""
        for standard in self:
            currency = standard.currency_id
            if standard.method == "per_household":
                standard.amount_summary = _("%s per household") % formatLang(
                    self.env, standard.rate, currency_obj=currency)
                continue
            standard.amount_summary = _("By size bands: %s") % _("; ").join(
                "%s %s" % (band.display_name, formatLang(
                    self.env, band.amount, currency_obj=currency))
                for band in standard.band_ids.sorted("households_from"))

    @api.constrains("method", "rate", "band_ids")
    def _check_amounts(self):
        for standard in self:
            currency = standard.currency_id
            if standard.method == "per_household" and \
                    currency.compare_amounts(standard.rate, 0.0) <= 0:
                raise ValidationError(_(
                    "The funding standard \"%s\" needs a positive rate per "
                    "household.") % standard.name)
            if standard.method == "fixed" and not standard.band_ids:
                raise ValidationError(_(
                    "The funding standard \"%s\" pays by size: give it at "
                    "least one size band.") % standard.name)

    def _amount_for(self, household_count, resident_count=0):
        """The year's amount for a community of ``household_count``
        households and ``resident_count`` living residents, and the
        computation shown to the user."""
        self.ensure_one()
        currency = self.currency_id
        if self.method == "per_household":
            amount = currency.round(household_count * self.rate)
            return amount, _("%(count)d households × %(rate).2f = "
                             "%(amount).2f") % {
                "count": household_count, "rate": self.rate,
                "amount": amount}
        if self.band_basis == "residents":
            band = self.band_ids._band_for(resident_count)
            if not band:
                raise UserError(_(
                    "No size band of the funding standard \"%(standard)s\" "
                    "covers %(count)d residents.") % {
                        "standard": self.name, "count": resident_count})
            return band.amount, _("%(count)d residents: band %(band)s, "
                                  "fixed %(amount).2f") % {
                "count": resident_count, "band": band.display_name,
                "amount": band.amount}
        band = self.band_ids._band_for(household_count)
        if not band:
            raise UserError(_(
                "No size band of the funding standard \"%(standard)s\" "
                "covers %(count)d households.") % {
                    "standard": self.name, "count": household_count})
        return band.amount, _("%(count)d households: band %(band)s, "
                              "fixed %(amount).2f") % {
            "count": household_count, "band": band.display_name,
            "amount": band.amount}
