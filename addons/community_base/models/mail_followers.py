# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailFollowers(models.Model):
    """Followers are seen only on documents the user may read."""

    _name = "mail.followers"
    _inherit = ["mail.followers", "community.document.access.mixin"]
