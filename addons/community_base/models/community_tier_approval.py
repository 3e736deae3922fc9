# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CommunityTierApproval(models.AbstractModel):
    """Approval through OCA tier validation, the one way of the four addons
    (admission requests, case returns and extensions, budgets and budget
    adjustments).

    ``tier.validation`` records the reviews; it does not approve the record
    when the last review is given. Here the last approving reviewer's click
    approves it: a record waiting in ``_state_from`` whose tiers are all
    validated goes through ``_approve_method``, which applies what the
    approval means for that model (a case's new deadline, a budget's frozen
    amounts) and checks who may approve.
    """

    _name = "community.tier.approval"
    _inherit = "tier.validation"
    _description = "Approval through tier validation"

    #: the method that approves a record of the model
    _approve_method = "action_approve"

    @api.multi
    def validate_tier(self):
        result = super().validate_tier()
        self.invalidate_cache()
        ready = self.filtered(
            lambda record: record.state in record._state_from
            and record.validated)
        if ready:
            getattr(ready, self._approve_method)()
        return result
