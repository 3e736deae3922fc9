# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountInvoice(models.Model):
    """Vendor bills paying the milestones of service purchase projects.

    The fund's category check happens when the bill's entry is posted
    (``account.move.post``); here the bill is held to its milestone, and
    its amount consumes the project's budget commitment."""

    _inherit = "account.invoice"

    service_milestone_id = fields.Many2one(
        comodel_name="finance.service.milestone", string="Milestone",
        index=True, ondelete="restrict", readonly=True, copy=False)

    @api.multi
    def action_invoice_open(self):
        for bill in self.filtered("service_milestone_id"):
            milestone = bill.service_milestone_id
            others = milestone.invoice_ids.filtered(
                lambda other: other != bill and other.state in (
                    "open", "paid"))
            milestone._check_payment(
                bill.amount_total, sum(others.mapped("amount_total")))
        result = super().action_invoice_open()
        for bill in self.filtered("service_milestone_id"):
            commitment = bill.service_milestone_id.project_id.commitment_id
            if commitment.state == "committed" and \
                    commitment.currency_id.compare_amounts(
                        commitment.open_amount, 0.0) > 0:
                commitment.consume(min(
                    bill.amount_untaxed, commitment.open_amount))
        return result
