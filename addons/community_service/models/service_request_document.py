# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ServiceRequestDocument(models.Model):
    """A line of a request's documents checklist: which of the matter's
    documents the window received."""

    _name = "service.request.document"
    _inherit = "community.scope.copy.mixin"
    _description = "Document of a service request"
    _order = "request_id, id"
    _scope_parent_field = "request_id"

    request_id = fields.Many2one(
        comodel_name="service.request", string="Service request",
        required=True, index=True, ondelete="cascade")
    document_id = fields.Many2one(
        comodel_name="service.item.document", string="Document",
        required=True, ondelete="restrict")
    name = fields.Char(related="document_id.name", readonly=True)
    required = fields.Boolean(related="document_id.required", readonly=True)
    received = fields.Boolean()
    community_id = fields.Many2one(
        related="request_id.community_id", store=True, readonly=True,
        index=True)
    company_id = fields.Many2one(
        related="request_id.company_id", store=True, readonly=True,
        index=True)
