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
    a monthly run could not tell which amount to pay.
    """

    _name = "finance.subsidy.standard"
    _description = "Staff subsidy standard"
    _order = "post_code, date_from desc, id"

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
    date_from = fields.Date(string="Valid from", required=True, index=True)
    date_to = fields.Date(
        string="Valid until", index=True,
        help="Leave empty while the standard is in force.")
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

    @api.constrains("date_from", "date_to", "post_code", "company_id",
                    "active")
    def _check_overlap(self):
        # sudo: the overlap check must see every standard of the street; it only raises,
        #   naming the record written
        for standard in self.sudo():
            if standard.date_to and standard.date_to < standard.date_from:
                raise ValidationError(_(
                    "The subsidy standard \"%s\" ends before it starts.")
                    % standard.name)
            if not standard.active:
                continue
            domain = [
                ("id", "!=", standard.id),
                ("post_code", "=", standard.post_code),
                ("company_id", "=", standard.company_id.id),
                "|", ("date_to", "=", False),
                ("date_to", ">=", standard.date_from),
            ]
            if standard.date_to:
                domain.append(("date_from", "<=", standard.date_to))
            other = self.search(domain, limit=1)
            if other:
                raise ValidationError(_(
                    "The subsidy standard \"%(standard)s\" overlaps "
                    "\"%(other)s\" (valid from %(date)s) for the same post: "
                    "end the older one first.") % {
                        "standard": standard.name, "other": other.name,
                        "date": other.date_from})

    @api.model
    def _find(self, post_code, company, date):
        """The standard of ``post_code`` in force on ``date`` for
        ``company``: the street's own, else the district's."""
        for company_id in (company.id, False):
            standard = self.search([
                ("post_code", "=", post_code),
                ("company_id", "=", company_id),
                ("date_from", "<=", date),
                "|", ("date_to", "=", False), ("date_to", ">=", date),
            ], limit=1)
            if standard:
                return standard
        return self
