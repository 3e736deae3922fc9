# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .finance_tax_source import TAX_TYPES

PERIOD_PATTERN = re.compile(r"^(20\d\d)-(0[1-9]|1[0-2])$")


class FinanceTaxRecord(models.Model):
    """The tax a source paid in a period, as the tax office reports it,
    and the street's share of it (the revenue share agreed with the
    district). Imported from the tax office's workbook; totals per period
    and per community come from the pivot view."""

    _name = "finance.tax.record"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Reported tax amount"
    _scope_parent_field = "source_id"
    _order = "period desc, community_id, source_id"
    _rec_name = "period"

    source_id = fields.Many2one(
        comodel_name="finance.tax.source", string="Tax source",
        required=True, index=True, ondelete="cascade")
    community_id = fields.Many2one(
        related="source_id.community_id", store=True, readonly=True,
        index=True)
    company_id = fields.Many2one(
        related="source_id.company_id", string="Street office", store=True,
        readonly=True, index=True)
    currency_id = fields.Many2one(
        comodel_name="res.currency", required=True,
        default=lambda self: self.env.ref("base.CNY"))
    period = fields.Char(
        required=True, index=True, help="Month of the tax, as YYYY-MM.")
    tax_type = fields.Selection(
        selection=TAX_TYPES, required=True, index=True)
    amount = fields.Monetary(
        string="Tax paid", required=True, currency_field="currency_id")
    share_rate = fields.Float(
        string="Street's share (%)", required=True, digits=(5, 2),
        help="Part of the tax the street receives.")
    street_share = fields.Monetary(
        compute="_compute_street_share", store=True,
        currency_field="currency_id")

    _sql_constraints = [
        ("source_period_type_unique",
         "unique(source_id, period, tax_type)",
         "The tax office reports one amount per source, period and tax "
         "type."),
        ("share_rate_range", "check(share_rate >= 0 and share_rate <= 100)",
         "The street's share is a percentage between 0 and 100."),
    ]

    @api.depends("amount", "share_rate", "currency_id")
    def _compute_street_share(self):
        for record in self:
            record.street_share = record.currency_id.round(
                record.amount * record.share_rate / 100.0)

    @api.constrains("period")
    def _check_period(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for record in self.sudo():
            if not PERIOD_PATTERN.match(record.period or ""):
                raise ValidationError(_(
                    "The period \"%(period)s\" of the tax reported for "
                    "%(source)s is not a month written YYYY-MM.") % {
                        "period": record.period,
                        "source": record.source_id.display_name})
