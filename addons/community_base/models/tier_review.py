# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class TierReview(models.Model):
    """Approval steps are seen (and changed) only on documents the user may
    read: base_tier_validation gives every user full rights on them."""

    _name = "tier.review"
    _inherit = ["tier.review", "community.document.access.mixin"]
    _community_document_model = "model"
