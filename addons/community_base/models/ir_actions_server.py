# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

from ..tools import roles

# server actions of these addons are run by the system or an administrator
OWN_ADDONS = ("community_base", "community_grid", "community_finance",
              "community_eval")


class IrActionsServer(models.Model):
    """Scheduled jobs and our own server actions run only for administrators.

    Odoo 11 runs any server action for any user who asks ``/web/action/run``
    (or calls ``run`` over RPC) with its id: the code of a scheduled job
    (archive the ended posts, recompute every deadline, ...) then ran when
    and as often as an evaluator wished. The job itself still runs: the
    cron calls ``run`` as the job's own user.
    """

    _inherit = "ir.actions.server"

    @api.multi
    def run(self):
        if not (self.env.user._is_superuser()
                or self.env.user.has_group(roles.SYSTEM)):
            for action in self:
                if action._community_admin_only():
                    raise AccessError(_(
                        "Only an administrator may run the action "
                        "\"%s\": it is a scheduled job or a system action. "
                        "Ask an administrator if it must run now.") % (
                            action.name,))
        return super().run()

    @api.multi
    def _community_admin_only(self):
        """Whether ``self`` backs a scheduled job the user does not run as,
        or comes from one of our addons."""
        self.ensure_one()
        # sudo: which jobs run this action and under which user, whoever asks
        crons = self.env["ir.cron"].sudo().with_context(active_test=False).search(
            [("ir_actions_server_id", "=", self.id)])
        if crons:
            return self.env.user not in crons.mapped("user_id")
        if self.usage == "ir_cron":
            return True
        # sudo: the addon that defined the action, whoever asks
        return bool(self.env["ir.model.data"].sudo().search_count([
            ("model", "=", "ir.actions.server"), ("res_id", "=", self.id),
            ("module", "in", OWN_ADDONS)]))
