# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CommunityWorkerPost(models.Model):
    """The subsidy follows the post: when the term of a community worker's
    post ends (its end date is entered or moved earlier), the subsidy
    holders paid for that post end with it, so that the monthly run stops
    paying them after the term."""

    _inherit = "community.worker.post"

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if vals.get("date_end"):
            self._end_subsidies()
        return result

    @api.multi
    def _end_subsidies(self):
        """Bring the end of the holders paid for these posts back to the
        end of the post's term; a holder already ending earlier is left as
        it is. Return the holders changed."""
        Holder = self.env["finance.subsidy.holder"]
        changed = Holder.browse()
        for post in self.filtered("date_end"):
            holders = Holder.search([
                ("worker_post_id", "=", post.id),
                "|", ("date_end", "=", False),
                ("date_end", ">", post.date_end)])
            for holder in holders:
                holder.date_end = max(post.date_end, holder.date_start)
            changed |= holders
        return changed
