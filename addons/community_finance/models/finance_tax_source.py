# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# unified social credit codes and tax registration numbers: digits and
# Latin capitals only (str.isalnum would let Chinese characters through)
TAX_NUMBER = re.compile(r"^[0-9A-Z]+$")
TAX_TYPES = [
    ("vat", "Value-added tax"),
    ("corporate_income", "Corporate income tax"),
    ("individual_income", "Individual income tax"),
    ("property", "Property tax"),
    ("land_use", "Urban land use tax"),
    ("stamp", "Stamp duty"),
    ("other", "Other"),
]


class FinanceTaxSource(models.Model):
    """An enterprise or individual business paying taxes in the street's
    area (协税护税): the street keeps the register, the tax office reports
    the amounts, the street receives a share and helps collect small
    taxes."""

    _name = "finance.tax.source"
    _inherit = ["mail.thread", "community.scoped.mixin"]
    _description = "Tax source"
    _rec_name = "partner_id"
    _order = "community_id, partner_id"

    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Taxpayer", required=True,
        index=True, ondelete="restrict")
    tax_number = fields.Char(
        string="Taxpayer ID", required=True, index=True,
        help="Unified social credit code (统一社会信用代码) or the "
             "individual business's tax registration number; the tax "
             "office's reports are matched on it.")
    source_type = fields.Selection(
        selection=[("enterprise", "Enterprise"),
                   ("individual", "Individual business")],
        string="Kind", required=True, default="enterprise", index=True)
    tax_type = fields.Selection(
        selection=TAX_TYPES, string="Main tax type", required=True,
        default="vat", index=True)
    currency_id = fields.Many2one(
        related="company_id.currency_id", readonly=True)
    status = fields.Selection(
        selection=[("active", "Operating"), ("moved", "Moved away"),
                   ("closed", "Closed")],
        required=True, default="active", index=True,
        track_visibility="onchange")
    record_ids = fields.One2many(
        comodel_name="finance.tax.record", inverse_name="source_id",
        string="Reported amounts")
    task_ids = fields.One2many(
        comodel_name="finance.tax.task", inverse_name="source_id",
        string="Collection tasks")
    tax_total = fields.Monetary(
        string="Tax reported", compute="_compute_totals",
        currency_field="currency_id")
    street_share_total = fields.Monetary(
        string="Street's share", compute="_compute_totals",
        currency_field="currency_id")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("tax_number_company_unique", "unique(tax_number, company_id)",
         "A taxpayer ID is registered once per street."),
    ]

    @api.depends("record_ids.amount", "record_ids.street_share")
    def _compute_totals(self):
        for source in self:
            source.tax_total = sum(source.record_ids.mapped("amount"))
            source.street_share_total = sum(
                source.record_ids.mapped("street_share"))

    @api.constrains("tax_number")
    def _check_tax_number(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for source in self.sudo():
            number = (source.tax_number or "").strip()
            if not TAX_NUMBER.match(number) or len(number) not in (15, 18, 20):
                raise ValidationError(_(
                    "The taxpayer ID \"%(number)s\" of %(name)s is not a "
                    "unified social credit code (18 characters) or a tax "
                    "registration number (15 or 20).") % {
                        "number": source.tax_number,
                        "name": source.partner_id.name})

    @api.model
    def create(self, vals):
        if vals.get("tax_number"):
            vals["tax_number"] = vals["tax_number"].strip().upper()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if vals.get("tax_number"):
            vals["tax_number"] = vals["tax_number"].strip().upper()
        return super().write(vals)
