# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ServiceItemDocument(models.Model):
    """A document the resident brings for a matter (身份证, 户口簿, 照片...);
    the reception ticks it off on the request's checklist."""

    _name = "service.item.document"
    _inherit = "community.scope.copy.mixin"
    _description = "Required document of a service matter"
    _order = "item_id, sequence, id"
    _scope_parent_field = "item_id"
    _scope_fields = ("company_id",)

    item_id = fields.Many2one(
        comodel_name="service.item", string="Service matter", required=True,
        index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Document", required=True, translate=True)
    required = fields.Boolean(
        default=True,
        help="The request cannot be accepted without it; others are asked "
             "for when they apply.")
    company_id = fields.Many2one(
        related="item_id.company_id", store=True, readonly=True, index=True)
