# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMoveLine(models.Model):
    """A journal item may name the community it concerns (the share of a
    transfer, a subsidy), so that the street's figures add up per
    community without an analytic account per community and fund pair."""

    _inherit = "account.move.line"

    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        index=True, ondelete="restrict")
