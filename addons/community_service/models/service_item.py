# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.community_grid.models.grid_reply_promise_mixin import REPLY_LEVELS


class ServiceItem(models.Model):
    """A matter the street's service halls handle (办事事项): 低保, 残疾证,
    老年优待证, 居住证, 计生, 就业登记, 开具证明...

    The entry is the guide a resident reads (conditions, documents to
    bring, window, fee, time limit) and what the reception ledger counts
    from: the legal time limit in working days sets each request's
    deadline, the responsibility level its "123" reply promise.

    Work admission (社区工作准入): a matter asks something of the
    communities, so it is offered only when the admission catalogue admits
    it; an item without an approved admission request cannot be active.
    """

    _name = "service.item"
    _description = "Service hall matter"
    _order = "sequence, code, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", required=True,
        index=True, ondelete="restrict",
        default=lambda self: self.env.user.company_id)
    conditions = fields.Text(
        translate=True, help="Who may apply and on what conditions.")
    document_ids = fields.One2many(
        comodel_name="service.item.document", inverse_name="item_id",
        string="Required documents", copy=True)
    window = fields.Char(
        help="The window of the hall that takes the matter, e.g. 民政窗口.")
    time_limit_days = fields.Integer(
        string="Time limit (working days)", required=True, default=5,
        help="Legal time limit from receipt to completion, in working days "
             "on the street's calendar.")
    fee = fields.Char(
        default=lambda self: _("Free of charge"), translate=True,
        help="What the matter costs the resident; most are free.")
    can_delegate = fields.Boolean(
        string="Can be done on behalf (代办)",
        help="A worker may handle the matter for the resident (代理代办).")
    reply_level = fields.Selection(
        selection=REPLY_LEVELS, string="Responsibility level",
        required=True, default="street",
        help="Sets the \"123\" reply promise of its requests: 1 working day "
             "for the street, 2 for one department, 3 for several.")
    department_id = fields.Many2one(
        comodel_name="hr.department", string="Handling section",
        index=True, ondelete="restrict",
        help="Section a request of this matter is forwarded to by default.")
    admission_request_id = fields.Many2one(
        comodel_name="community.admission.request",
        string="Admission catalogue entry", index=True, ondelete="restrict",
        domain=[("state", "=", "approved")],
        help="The approved admission request that lets the matter ask "
             "something of the communities.")
    active = fields.Boolean(default=False)
    request_count = fields.Integer(compute="_compute_request_count")

    _sql_constraints = [
        ("code_company_unique", "unique(code, company_id)",
         "The code of a service matter is unique in a street."),
    ]

    def _compute_request_count(self):
        counts = {
            group["item_id"][0]: group["item_id_count"]
            for group in self.env["service.request"].read_group(
                [("item_id", "in", self.ids)], ["item_id"], ["item_id"])}
        for item in self:
            item.request_count = counts.get(item.id, 0)

    @api.constrains("active", "admission_request_id")
    def _check_admitted(self):
        for item in self.filtered("active"):
            # sudo: the admission request's state, which decides; the
            #   catalogue's readers may not read the requests
            admission = item.admission_request_id.sudo()
            if not admission or admission.state != "approved":
                raise ValidationError(_(
                    "The service matter \"%s\" is not in the work admission "
                    "catalogue: choose its approved admission request before "
                    "offering it (no admission, no task).") % item.name)

    @api.constrains("time_limit_days")
    def _check_time_limit_days(self):
        for item in self:
            if item.time_limit_days < 0:
                raise ValidationError(_(
                    "The time limit of the service matter \"%s\" cannot be "
                    "negative.") % item.name)
