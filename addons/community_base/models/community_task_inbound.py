# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .community_admission_request import CommunityAdmissionRequest

#: what a department asks for -> the task type of the admission catalogue
#: (``community.admission.request.task_type``) it must have been admitted as
KIND_TASK_TYPES = {
    "task": "task",
    "form": "survey",
    "certificate": "task",
    "meeting": "task",
    "seal": "task",
    "sign": "sign",
    "campaign": "campaign",
    "other": "task",
}

#: states in which the community has decided
DECIDED_STATES = ("accepted", "protest", "refused")


#: the task types of the admission catalogue: its own selection (a list,
#: not a function, so that Odoo translates the values on this model too)
CATALOGUE_TASK_TYPES = CommunityAdmissionRequest.task_type.args["selection"]


class CommunityTaskInbound(models.Model):
    """An item of work a department or the street asked a community to do
    (收件登记): a task, a form or report, a certificate, a meeting, a
    sign-off with the seal...

    Reform rule "no admission, no task" (准入): the item is checked against
    the year's admission catalogue (``community.admission.request
    ._is_admitted``) when it is registered; an item not admitted is
    flagged, and the community may refuse it, with the reason printed on a
    refusal note (不予受理告知单), or accept it under protest. The figures
    per department (``community.task.inbound.report``) and the
    departments' evaluation count what each department sent.
    """

    _name = "community.task.inbound"
    _inherit = ["community.scoped.mixin", "mail.thread"]
    _description = "Inbound work item"
    _order = "date_received desc, id desc"
    _default_user_community = True

    name = fields.Char(
        string="Item", required=True, track_visibility="onchange",
        help="What the community is asked to do, as the request names it.")
    kind = fields.Selection(
        selection=[
            ("task", "Task"),
            ("form", "Form or report"),
            ("certificate", "Certificate"),
            ("meeting", "Meeting"),
            ("seal", "Sign-off with the seal"),
            ("sign", "Sign board"),
            ("campaign", "Creation campaign"),
            ("other", "Other"),
        ],
        required=True, default="task", index=True,
        track_visibility="onchange")
    task_type = fields.Selection(
        selection=CATALOGUE_TASK_TYPES, string="Catalogue type",
        compute="_compute_task_type", store=True, index=True,
        help="The type of the admission catalogue the item must be "
             "admitted as.")
    department_id = fields.Many2one(
        comodel_name="hr.department", string="Requesting department",
        required=True, index=True, ondelete="restrict",
        track_visibility="onchange",
        help="The department or street section that asks for the work.")
    department_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Rated department",
        related="department_id.partner_id", store=True, readonly=True,
        index=True,
        help="The department as the evaluations rate it (双评议).")
    date_received = fields.Date(
        string="Date received", required=True, index=True,
        default=fields.Date.context_today, track_visibility="onchange")
    deadline = fields.Date(track_visibility="onchange")
    effort_hours = fields.Float(
        string="Estimated effort (hours)", digits=(16, 1),
        help="Working hours the community expects to spend on the item.")
    description = fields.Text(string="What is asked")
    user_id = fields.Many2one(
        comodel_name="res.users", string="Logged by", index=True,
        readonly=True, ondelete="restrict",
        default=lambda self: self.env.user)
    state = fields.Selection(
        selection=[
            ("received", "Received"),
            ("accepted", "Accepted"),
            ("protest", "Accepted under protest"),
            ("refused", "Refused"),
        ],
        default="received", required=True, readonly=True, copy=False,
        index=True, track_visibility="onchange")
    date_decided = fields.Date(
        string="Decided on", readonly=True, copy=False)
    protest_note = fields.Text(
        string="Objection", copy=False, track_visibility="onchange",
        help="Why the community accepts the item under protest.")
    refuse_reason = fields.Text(
        string="Reason for refusal", copy=False, track_visibility="onchange",
        help="Printed on the refusal note sent back to the department.")
    admission_request_id = fields.Many2one(
        comodel_name="community.admission.request",
        string="Admission request", index=True, ondelete="set null",
        compute="_compute_admission", store=True,
        help="The approved request of the admission catalogue that admits "
             "the item; empty when it is not admitted.")
    admitted = fields.Boolean(
        compute="_compute_admission", store=True, index=True,
        help="Whether the year's admission catalogue admits the item in "
             "this community on the day it was received.")

    @api.depends("kind")
    def _compute_task_type(self):
        for item in self:
            item.task_type = KIND_TASK_TYPES.get(item.kind or "task")

    @api.depends("task_type", "community_id", "date_received",
                 "department_id")
    def _compute_admission(self):
        """Admitted when the catalogue admits work of the item's type in
        its community on the day received (``_is_admitted``), through a
        request of the department that sends it: a department does not
        push work down on another one's admission."""
        Request = self.env["community.admission.request"]
        for item in self:
            requests = Request.browse()
            if item.task_type and item.community_id and item.date_received:
                requests = Request._is_admitted(
                    item.task_type, item.community_id, item.date_received)
                department = item.department_id
                # sudo: the requesting department of the admitting requests, the same
                #   answer for every role (as _is_admitted's)
                requests = requests.sudo().filtered(
                    lambda request: request.department_id == department)
            item.admission_request_id = requests[:1].id
            item.admitted = bool(requests)

    @api.constrains("state", "refuse_reason", "protest_note")
    def _check_decision_reason(self):
        for item in self:
            if item.state == "refused" and not (
                    item.refuse_reason or "").strip():
                raise ValidationError(_(
                    "The inbound item \"%s\" cannot be refused without a "
                    "reason.") % item.name)
            if item.state == "protest" and not (
                    item.protest_note or "").strip():
                raise ValidationError(_(
                    "The inbound item \"%s\" cannot be accepted under "
                    "protest without the objection.") % item.name)

    @api.constrains("date_received", "deadline", "effort_hours")
    def _check_dates(self):
        for item in self:
            if item.deadline and item.deadline < item.date_received:
                raise ValidationError(_(
                    "The deadline of the inbound item \"%s\" is before the "
                    "day it was received.") % item.name)
            if item.effort_hours < 0:
                raise ValidationError(_(
                    "The estimated effort of the inbound item \"%s\" cannot "
                    "be negative.") % item.name)

    # -- the community's decision ---------------------------------------------

    def _check_received(self):
        for item in self:
            if item.state != "received":
                raise UserError(_(
                    "The inbound item \"%s\" was already decided on; put it "
                    "back to received first.") % item.name)

    def _decide(self, state):
        self._check_received()
        self.write({"state": state,
                    "date_decided": fields.Date.context_today(self)})

    @api.multi
    def action_accept(self):
        """The community takes the item on."""
        self._decide("accepted")
        return True

    @api.multi
    def action_accept_protest(self):
        """The community takes the item on, with its objection written on
        it (受理但有异议): the item counts against its department."""
        for item in self:
            if not (item.protest_note or "").strip():
                raise UserError(_(
                    "Write the objection before accepting the inbound item "
                    "\"%s\" under protest.") % item.name)
        self._decide("protest")
        return True

    @api.multi
    def action_refuse(self):
        """The community refuses the item, always with a reason, which the
        refusal note prints."""
        for item in self:
            if not (item.refuse_reason or "").strip():
                raise UserError(_(
                    "Write the reason for refusing the inbound item \"%s\" "
                    "first: it is printed on the refusal note.") % item.name)
        self._decide("refused")
        return True

    @api.multi
    def action_reset(self):
        """Back to received, to decide again."""
        self.write({"state": "received", "date_decided": False})
        return True

    @api.multi
    def action_check_admission(self):
        """Check the items against the catalogue again, e.g. after a
        request that admits them was approved. The recomputation writes the
        items, so only those who may write them may ask for it."""
        self.check_access_rights("write")
        self.check_access_rule("write")
        self.filtered(lambda item: item.state == "received").modified(
            ["task_type"])
        self.recompute()
        return True

    @api.multi
    def action_print_refusal(self):
        """The refusal note of refused items."""
        report = self.env.ref(
            "community_base.community_task_inbound_refusal_pdf")
        self._check_report_visible(report)
        return report.report_action(self)

    def _check_report_visible(self, report):
        """Only a refused item has a refusal note (checked by every report
        through ``ir.actions.report._check_report_access``)."""
        undecided = self.filtered(lambda item: item.state != "refused")
        if undecided:
            raise UserError(_(
                "%(report)s is printed for refused items only; "
                "%(items)s is not refused.") % {
                    "report": report.name,
                    "items": ", ".join(undecided.mapped("name"))})
