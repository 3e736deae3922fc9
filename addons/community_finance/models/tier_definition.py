# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class TierDefinition(models.Model):
    """Offer budgets and budget adjustments in the tier definition form, so
    that a street chooses their approvers without code."""

    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        return super()._get_tier_validation_model_names() + [
            "crossovered.budget", "finance.budget.adjustment"]
