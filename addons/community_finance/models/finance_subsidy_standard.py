# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class FinanceSubsidyStandard(models.Model):
    """The monthly living subsidy of a community post (community head
    2,000 yuan, deputy 1,800 yuan) over a period of validity.

    A standard without a street applies to every street of the district;
    a street's own standard for the same post takes precedence. Two
    standards of one post and street may not be valid on the same day, or
    a monthly run could not tell which amount to pay
    (``community.validity.mixin``).
    """

    _name = "finance.subsidy.standard"
    _inherit = ["community.validity.mixin"]
    _description = "Staff subsidy standard"
    _order = "post_code, date_start desc, id"
    _validity_key_fields = ("post_code", "company_id")

    name = fields.Char(required=True, translate=True)
    post_code = fields.Char(
        string="Post code", required=True, index=True,
        help="Identifies the post across periods and streets, e.g. head, "
             "deputy.")
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", index=True,
        ondelete="restrict",
        help="Leave empty for a standard of the whole district.")
    currency_id = fields.Many2one(
        comodel_name="res.currency", required=True,
        default=lambda self: self.env.ref("base.CNY"))
    amount = fields.Monetary(
        string="Monthly amount", required=True,
        currency_field="currency_id")
    active = fields.Boolean(default=True)

    @api.constrains("amount")
    def _check_amount(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for standard in self.sudo():
            if float_compare(standard.amount, 0.0, precision_rounding=(
                    standard.currency_id.rounding)) <= 0:
                raise ValidationError(_(
                    "The monthly amount of the subsidy standard \"%s\" must "
                    "be positive.") % standard.name)

    @api.model
    def _find(self, post_code, company, date):
        """The standard of ``post_code`` in force on ``date`` for
        ``company``: the street's own, else the district's."""
        for company_id in (company.id, False):
            standard = self._valid_on(date, [
                ("post_code", "=", post_code),
                ("company_id", "=", company_id),
            ], limit=1)
            if standard:
                return standard
        return self
