# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class GridCaseEscalateWizard(models.TransientModel):
    """Ask the reason before a clerk escalates a case by hand: the next
    loop reads it in the chatter and in the escalation record."""

    _name = "grid.case.escalate.wizard"
    _description = "Escalate a case"

    case_id = fields.Many2one(
        comodel_name="grid.case", string="Case", required=True,
        ondelete="cascade")
    loop_level = fields.Selection(related="case_id.loop_level", readonly=True)
    reason = fields.Text(required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.case_id.action_escalate(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
