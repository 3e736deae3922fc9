# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class FinanceAllocationWizardLine(models.TransientModel):
    """One community's amount under one standard, as computed by the
    allocation wizard and shown before anything is written."""

    _name = "finance.allocation.wizard.line"
    _description = "Funding allocation computation line"
    _order = "standard_id, community_id"

    wizard_id = fields.Many2one(
        comodel_name="finance.allocation.wizard", required=True,
        ondelete="cascade")
    currency_id = fields.Many2one(
        comodel_name="res.currency", related="wizard_id.currency_id",
        readonly=True)
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        required=True, readonly=True)
    standard_id = fields.Many2one(
        comodel_name="finance.fund.standard", string="Standard",
        required=True, readonly=True)
    household_count = fields.Integer(string="Households", readonly=True)
    resident_count = fields.Integer(string="Residents", readonly=True)
    rate = fields.Monetary(string="Rate per household", readonly=True)
    amount = fields.Monetary(readonly=True)
    computation = fields.Char(readonly=True)
