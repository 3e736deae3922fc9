# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailMessage(models.Model):
    """Chatter messages are grouped only among those the user may find:
    ``mail.message`` checks the document in ``_search``, which Odoo 11's
    read_group skipped (an evaluator grouped the bodies of every case,
    budget and admission thread)."""

    _name = "mail.message"
    _inherit = ["mail.message", "community.search.read.group.mixin"]
