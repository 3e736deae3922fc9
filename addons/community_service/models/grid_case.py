# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class GridCase(models.Model):
    """A case may come from the service hall (a problem brought to the
    window) and belongs to the duty of the day it was reported on, whose
    cadre hands it on when it stays with them."""

    _inherit = "grid.case"

    service_request_id = fields.Many2one(
        comodel_name="service.request", string="Service request",
        index=True, readonly=True, copy=False, ondelete="set null",
        help="The request of the service hall the case was made from.")
    duty_id = fields.Many2one(
        comodel_name="service.duty", string="Duty of the day", index=True,
        readonly=True, copy=False, ondelete="set null")

    @api.model
    def create(self, vals):
        case = super().create(vals)
        # sudo: the roster entry of the day, to link the case; the
        #   reporter may not read the roster
        duty = self.env["service.duty"].sudo().search([
            ("community_id", "=", case.community_id.id),
            ("date", "=", case._street_date(case.date_reported))], limit=1)
        if duty:
            case._transition({"duty_id": duty.id})
        if case.service_request_id:
            case.service_request_id._link_case(case)
        return case
