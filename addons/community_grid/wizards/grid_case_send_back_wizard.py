# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class GridCaseSendBackWizard(models.TransientModel):
    """Ask the reason before verification sends a case back to its handler
    (the feedback does not hold) or reopens a verified or closed case (it
    was reported fixed but is not)."""

    _name = "grid.case.send.back.wizard"
    _description = "Send a case back or reopen it"

    case_id = fields.Many2one(
        comodel_name="grid.case", string="Case", required=True,
        ondelete="cascade")
    mode = fields.Selection(
        selection=[("send_back", "Send back to handling"),
                   ("reopen", "Reopen")],
        required=True, default="send_back")
    reply_id = fields.Many2one(
        comodel_name="grid.case.reply", string="Canned reply",
        domain=[("step", "=", "verify")])
    reason = fields.Text(required=True)

    @api.onchange("reply_id")
    def _onchange_reply_id(self):
        if self.reply_id:
            self.reason = self.reply_id.body

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        if self.mode == "reopen":
            self.case_id.action_reopen(reason=self.reason)
        else:
            self.case_id.action_send_back(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
