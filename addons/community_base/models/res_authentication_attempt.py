# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResAuthenticationAttempt(models.Model):
    """A login attempt tracked by OCA ``auth_brute_force``. Its form looks
    the remote address up at ip-api.com, which would send the addresses of
    the street office's staff to a foreign service on every view (and hang
    on a server without internet); the attempts keep the address only."""

    _inherit = "res.authentication.attempt"

    @api.multi
    @api.depends("remote")
    def _compute_metadata(self):
        for attempt in self:
            attempt.remote_metadata = False
