# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ServiceRequestRejectWizard(models.TransientModel):
    """Ask the reason before a request is rejected: the resident is told
    why (不予受理), and the receipt prints it."""

    _name = "service.request.reject.wizard"
    _description = "Reject a service request"

    request_id = fields.Many2one(
        comodel_name="service.request", string="Service request",
        required=True, ondelete="cascade")
    reason = fields.Text(required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.request_id.action_reject(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
