# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class GridReplyPhoneWizard(models.TransientModel):
    """Log a phone answer (电话答复) to the resident: the note goes to the
    chatter as an internal note, and the call is the record's first answer
    when none was given before (the "123" reply promise)."""

    _name = "grid.reply.phone.wizard"
    _description = "Answer by phone"

    res_model = fields.Char(string="Model", required=True)
    res_id = fields.Integer(string="Record", required=True)
    date = fields.Datetime(
        string="Called on", required=True, default=fields.Datetime.now)
    note = fields.Text(
        string="What was said", required=True,
        help="The answer given on the phone, as the chatter keeps it.")

    @api.multi
    def _target(self):
        """The record answered, if its model keeps a reply promise and the
        user may read it."""
        self.ensure_one()
        if self.res_model not in self.env.registry or not hasattr(
                self.env[self.res_model], "_record_first_answer"):
            raise UserError(_(
                "%s keeps no reply promise: a phone answer cannot be logged "
                "on it.") % self.res_model)
        record = self.env[self.res_model].browse(self.res_id).exists()
        record._check_may_answer()
        return record

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        record = self._target()
        if self.date > fields.Datetime.now():
            raise UserError(_(
                "The phone answer to %s cannot be dated in the future.")
                % record.display_name)
        record.message_post(
            body=_("Answered by phone: %s") % self.note,
            subtype="mail.mt_note")
        record._record_first_answer("phone", self.date)
        return {"type": "ir.actions.act_window_close"}
