# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CommunitySelfgovDecision(models.Model):
    """A residents' deliberation decision that is a matter for the case
    loop (a repair the residents decided, a nuisance to stop) becomes a
    case in one click (``grid.case.source.mixin``)."""

    _name = "community.selfgov.decision"
    _inherit = ["community.selfgov.decision", "grid.case.source.mixin"]
