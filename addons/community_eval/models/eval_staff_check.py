# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EvalStaffCheck(models.Model):
    """A supervisor's daily check or weekly summary of a staff member.
    Monthly assessments and quarterly reviews read them through a rule
    (e.g. the sum of ``deduction`` by ``user_id``), next to the
    supervisor's scores and the grid figures."""

    _name = "eval.staff.check"
    _description = "Staff check"
    _order = "date desc, id desc"
    _rec_name = "user_id"

    date = fields.Date(required=True, index=True,
                       default=fields.Date.context_today)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Staff member", required=True,
        index=True, ondelete="restrict")
    supervisor_id = fields.Many2one(
        comodel_name="res.users", string="Supervisor", required=True,
        index=True, ondelete="restrict", default=lambda self: self.env.user)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street", required=True,
        index=True, default=lambda self: self.env.user.company_id)
    check_type = fields.Selection(
        selection=[("daily", "Daily check"), ("weekly", "Weekly summary")],
        string="Type", required=True, default="daily", index=True)
    result = fields.Selection(
        selection=[("ok", "Fine"), ("issue", "Issue found")],
        required=True, default="ok")
    deduction = fields.Float(digits=(5, 2), help="Points taken off.")
    note = fields.Text()

    @api.constrains("deduction", "result")
    def _check_deduction(self):
        for check in self:
            if check.deduction < 0:
                raise ValidationError(_(
                    "Check of %(user)s on %(date)s: a deduction cannot be "
                    "negative.") % {"user": check.user_id.name,
                                    "date": check.date})
            if check.deduction and check.result == "ok":
                raise ValidationError(_(
                    "Check of %(user)s on %(date)s: points are taken off "
                    "only for an issue found.") % {
                        "user": check.user_id.name, "date": check.date})
