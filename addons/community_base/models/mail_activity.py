# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailActivity(models.Model):
    """Activities (their summaries and notes) are seen only on documents the
    user may read."""

    _name = "mail.activity"
    _inherit = ["mail.activity", "community.document.access.mixin"]
