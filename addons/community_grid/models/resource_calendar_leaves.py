# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResourceCalendarLeaves(models.Model):
    """The public holidays of the shipped case calendar are data in English
    like every string of the addon: their names are translated."""

    _inherit = "resource.calendar.leaves"

    name = fields.Char(translate=True)
