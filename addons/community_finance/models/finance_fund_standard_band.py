# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class FinanceFundStandardBand(models.Model):
    """A size band of a fixed-amount standard: communities with
    ``households_from`` to ``households_to`` households, or residents when
    the standard's ``band_basis`` says so, get ``amount``
    (``households_to`` 0 means no upper bound). The columns keep their
    first name; the labels say "size"."""

    _name = "finance.fund.standard.band"
    _description = "Funding standard size band"
    _order = "standard_id, households_from"

    standard_id = fields.Many2one(
        comodel_name="finance.fund.standard", string="Standard",
        required=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(
        comodel_name="res.currency", related="standard_id.currency_id",
        readonly=True)
    households_from = fields.Integer(
        string="Size from", required=True,
        help="Households or residents, as the standard counts them.")
    households_to = fields.Integer(
        string="Size to",
        help="Households or residents, as the standard counts them; 0: no "
             "upper bound.")
    amount = fields.Monetary(required=True)

    @api.constrains("households_from", "households_to", "amount")
    def _check_band(self):
        for band in self:
            standard = band.standard_id
            if band.households_from < 0 or (
                    band.households_to and
                    band.households_to < band.households_from):
                raise ValidationError(_(
                    "The size band %(band)s of \"%(standard)s\" has no valid "
                    "household range.") % {
                        "band": band.display_name, "standard": standard.name})
            if band.currency_id.compare_amounts(band.amount, 0.0) <= 0:
                raise ValidationError(_(
                    "The size band %(band)s of \"%(standard)s\" needs a "
                    "positive amount.") % {
                        "band": band.display_name, "standard": standard.name})
            for other in standard.band_ids - band:
                if band._overlaps(other):
                    raise ValidationError(_(
                        "The size bands %(band)s and %(other)s of "
                        "\"%(standard)s\" overlap.") % {
                            "band": band.display_name,
                            "other": other.display_name,
                            "standard": standard.name})

    def name_get(self):
        result = []
        for band in self:
            values = {"from": band.households_from,
                      "to": band.households_to or "∞"}
            if band.standard_id.band_basis == "residents":
                name = _("%(from)s-%(to)s residents") % values
            else:
                name = _("%(from)s-%(to)s households") % values
            result.append((band.id, name))
        return result

    def _overlaps(self, other):
        high = self.households_to or float("inf")
        other_high = other.households_to or float("inf")
        return self.households_from <= other_high and \
            other.households_from <= high

    def _band_for(self, household_count):
        for band in self:
            if band.households_from <= household_count and (
                    not band.households_to or
                    household_count <= band.households_to):
                return band
        return self.browse()
