# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    """A street office is a company; its district is the parent company."""

    _inherit = "res.company"

    is_street_office = fields.Boolean(
        "Street office",
        index=True,
        help="This company is a street office (街道办事处); its parent company "
        "is the district.",
    )
    community_ids = fields.One2many(
        comodel_name="community.community",
        inverse_name="company_id",
        string="Communities",
    )
