# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from odoo.addons.community_base.tools import id_number, roles, street_time

STATES = [
    ("received", "Received"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("collected", "Collected"),
]
#: the requests still at the hall (decided or not, not yet done)
OPEN_STATES = ("received", "accepted", "in_progress")
#: written by the buttons only: the ledger's record of who did what when
TRANSITION_FIELDS = frozenset([
    "state", "date_accepted", "date_decided", "date_forwarded", "date_done",
    "date_collected", "reject_reason", "done_on_time", "date_first_answer",
    "answer_channel",
])
#: the channels of a request -> the channel of the case it may become
CASE_CHANNELS = {"walk_in": "walk_in", "phone": "hotline",
                 "hotline": "hotline", "portal": "online"}


class ServiceRequest(models.Model):
    """The reception ledger of a service hall (受理台账): every matter a
    resident brings, at the window, on the phone, on the portal or from
    the 12345 hotline, gets a number and a printed receipt (受理回执).

    Steps: received → accepted (the required documents are there) or
    rejected (with the reason, told to the resident) → in progress (the
    hall works on it, or forwards it to a section) → done → collected by
    the resident. The deadline is the item's legal time limit in working
    days after the day of receipt on the street's case calendar (a hotline
    transfer brings its own); past it an open request is overdue. The
    decision to accept or reject is the resident's first answer of the
    "123" reply promise unless a reply message or a phone answer came
    first (``grid.reply.promise.mixin``).

    A matter that is a problem rather than a service (a broken light
    reported at the window) becomes a case of the grid loop in one click,
    the two linked both ways.
    """

    _name = "service.request"
    _inherit = ["grid.reply.promise.mixin", "mail.thread",
                "mail.activity.mixin", "community.private.fields.mixin",
                "community.scoped.mixin"]
    _description = "Service request"
    _order = "date_received desc, id desc"
    _mail_post_access = "read"
    _default_user_community = True

    _reply_received_field = "date_received"
    _reply_level_field = "item_id.reply_level"

    name = fields.Char(
        string="Number", readonly=True, copy=False, index=True, default="/")
    item_id = fields.Many2one(
        comodel_name="service.item", string="Service matter", required=True,
        index=True, ondelete="restrict", track_visibility="onchange")
    channel = fields.Selection(
        selection=[
            ("walk_in", "Walk-in"),
            ("phone", "Phone"),
            ("portal", "Portal"),
            ("hotline", "12345 hotline"),
        ],
        required=True, default="walk_in", index=True)
    hotline_ticket = fields.Char(
        string="Hotline ticket", help="The 12345 work order number.")
    hotline_deadline = fields.Date(
        help="The deadline the 12345 hotline set on its transfer; it "
             "replaces the matter's time limit.")
    resident_id = fields.Many2one(
        comodel_name="community.resident", string="Applicant (resident)",
        index=True, ondelete="restrict")
    applicant_name = fields.Char(string="Applicant", required=True)
    # Personal data: only clerks read the phone, the others its mask.
    applicant_phone = fields.Char(
        string="Applicant's phone", groups=roles.PERSONAL_DATA)
    applicant_phone_masked = fields.Char(
        string="Applicant's phone (masked)",
        compute="_compute_applicant_phone_masked")
    on_behalf = fields.Boolean(
        string="Done on behalf (代办)",
        help="A worker handles the matter for the resident.")
    description = fields.Text(help="What the resident asks for.")
    document_line_ids = fields.One2many(
        comodel_name="service.request.document", inverse_name="request_id",
        string="Documents checklist")
    missing_document_count = fields.Integer(
        compute="_compute_missing_document_count")

    state = fields.Selection(
        selection=STATES, string="Step", default="received", required=True,
        readonly=True, copy=False, index=True, track_visibility="onchange")
    date_received = fields.Datetime(
        string="Received on", required=True, index=True, copy=False,
        default=fields.Datetime.now)
    date_decided = fields.Datetime(
        string="Decided on", readonly=True, copy=False,
        help="When the request was accepted or rejected.")
    date_accepted = fields.Datetime(
        string="Accepted on", readonly=True, copy=False)
    reject_reason = fields.Text(
        string="Reason for rejection", readonly=True, copy=False)
    department_id = fields.Many2one(
        comodel_name="hr.department", string="Forwarded to", index=True,
        ondelete="restrict", track_visibility="onchange",
        help="The section the request is forwarded to for handling.")
    date_forwarded = fields.Datetime(
        string="Forwarded on", readonly=True, copy=False)
    date_done = fields.Datetime(
        string="Done on", readonly=True, copy=False, index=True)
    date_collected = fields.Datetime(
        string="Collected on", readonly=True, copy=False)
    date_deadline = fields.Date(
        string="Deadline", compute="_compute_date_deadline", store=True,
        index=True,
        help="The matter's time limit in working days after the day of "
             "receipt, or the hotline's deadline.")
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", store=True,
        index=True, help="Open past its deadline, or done late; refreshed "
                         "every day.")
    done_on_time = fields.Boolean(readonly=True, copy=False)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Received by", index=True,
        ondelete="restrict", default=lambda self: self.env.user,
        domain=[("share", "=", False)])
    duty_id = fields.Many2one(
        comodel_name="service.duty", string="Duty of the day", index=True,
        ondelete="set null",
        help="The duty cadre's day the request came in on: what they do "
             "not settle that day is handed to the next day's duty.")
    case_id = fields.Many2one(
        comodel_name="grid.case", string="Case", index=True, readonly=True,
        copy=False, ondelete="set null",
        help="The case the request became: a problem, not a service.")

    @api.depends("applicant_phone")
    def _compute_applicant_phone_masked(self):
        # sudo: the mask is what non-clerks see of the applicant's phone;
        #   only that column
        for request, raw in zip(self, self.sudo()):
            request.applicant_phone_masked = id_number.mask_phone(
                raw.applicant_phone)

    @api.depends("document_line_ids.received", "document_line_ids.required")
    def _compute_missing_document_count(self):
        for request in self:
            request.missing_document_count = len(
                request.document_line_ids.filtered(
                    lambda line: line.required and not line.received))

    # the item, not its time limit: a limit changed later does not rewrite
    # the deadlines of the requests received before
    @api.depends("date_received", "item_id", "channel", "hotline_deadline",
                 "company_id")
    def _compute_date_deadline(self):
        Case = self.env["grid.case"]
        for request in self:
            if request.channel == "hotline" and request.hotline_deadline:
                request.date_deadline = request.hotline_deadline
                continue
            if not request.item_id or not request.date_received:
                request.date_deadline = False
                continue
            company = request.company_id or self.env.user.company_id
            # sudo: the item's time limit, configuration the reader needs
            days = request.item_id.sudo().time_limit_days
            request.date_deadline = Case._calendar_of(company).working_days_add(
                street_time.street_date(self.env, request.date_received,
                                        company), days)

    @api.depends("date_deadline", "date_done", "state")
    def _compute_is_overdue(self):
        for request in self:
            company = request.company_id or None
            if not request.date_deadline or request.state == "rejected":
                request.is_overdue = False
            elif request.date_done:
                request.is_overdue = street_time.street_date(
                    self.env, request.date_done, company) > \
                    request.date_deadline
            else:
                request.is_overdue = street_time.street_today(
                    self.env, company) > request.date_deadline

    @api.onchange("resident_id")
    def _onchange_resident_id(self):
        resident = self.resident_id
        if resident:
            self.applicant_name = resident.name
            if roles.may_read_personal_data(self.env):
                self.applicant_phone = resident.phone
            if resident.community_id:
                self.community_id = resident.community_id

    @api.onchange("item_id")
    def _onchange_item_id(self):
        self.document_line_ids = [(5, 0, 0)] + [
            (0, 0, {"document_id": document.id})
            for document in self.item_id.document_ids]
        if self.item_id.department_id and not self.department_id:
            self.department_id = self.item_id.department_id

    @api.model
    def create(self, vals):
        if self.env.uid != SUPERUSER_ID and not self.env.context.get(
                "service_transition") and any(
                    vals.get(name) and not (name == "state"
                                            and vals[name] == "received")
                    for name in TRANSITION_FIELDS):
            raise UserError(_(
                "A new service request starts as received: its steps are "
                "set by its buttons."))
        vals = dict(vals)
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code(
                "service.request") or "/"
        vals.setdefault("date_received", fields.Datetime.now())
        if vals.get("item_id") and "document_line_ids" not in vals:
            # sudo: the item's documents, configuration the clerk reads
            item = self.env["service.item"].sudo().browse(vals["item_id"])
            vals["document_line_ids"] = [
                (0, 0, {"document_id": document.id})
                for document in item.document_ids]
        request = super().create(vals)
        if not request.duty_id:
            request.duty_id = request._duty_of_the_day()
        return request

    @api.multi
    def write(self, vals):
        if self.env.uid != SUPERUSER_ID and not self.env.context.get(
                "service_transition"):
            protected = TRANSITION_FIELDS.intersection(vals)
            if protected:
                raise UserError(_(
                    "The step and dates of the service request %s change "
                    "only through its buttons.") % self[:1].name)
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.env.uid != SUPERUSER_ID:
            raise UserError(_(
                "The service request %s cannot be deleted: the reception "
                "ledger is kept for the record; reject it instead.")
                % self[:1].name)
        return super().unlink()

    # -- the steps -------------------------------------------------------

    @api.multi
    def action_accept(self):
        """Accept the request (受理): its required documents are there."""
        self._check_step(("received",), _(
            "The service request %(request)s cannot be accepted: it is "
            "\"%(step)s\"; only a received request is accepted."))
        for request in self:
            missing = request.document_line_ids.filtered(
                lambda line: line.required and not line.received)
            if missing:
                raise UserError(_(
                    "The service request %(request)s lacks required "
                    "documents: %(documents)s.") % {
                        "request": request.name,
                        "documents": ", ".join(missing.mapped("name"))})
        now = fields.Datetime.now()
        self._transition({"state": "accepted", "date_accepted": now,
                          "date_decided": now})
        self._record_first_answer("decision", now)
        return True

    @api.multi
    def action_reject(self, reason=None):
        """Reject the request, with the reason told to the resident. Without
        a reason, open the wizard that asks it."""
        self._check_step(("received",), _(
            "The service request %(request)s cannot be rejected: it is "
            "\"%(step)s\"; only a received request is rejected."))
        if reason is None:
            self.check_access_rights("write")
            self.check_access_rule("write")
            return {
                "type": "ir.actions.act_window",
                "name": _("Reject the request"),
                "res_model": "service.request.reject.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_request_id": self[:1].id},
            }
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_(
                "Give the reason for rejecting the service request %s.")
                % self[:1].name)
        now = fields.Datetime.now()
        self._transition({"state": "rejected", "reject_reason": reason,
                          "date_decided": now})
        for request in self:
            request.message_post(body=_("Rejected: %s") % reason)
        self._record_first_answer("decision", now)
        return True

    @api.multi
    def action_start(self):
        """The hall starts working on an accepted request."""
        self._check_step(("accepted",), _(
            "The service request %(request)s cannot be started: it is "
            "\"%(step)s\"; only an accepted request is started."))
        self._transition({"state": "in_progress"})
        return True

    @api.multi
    def action_forward(self):
        """Forward the request to its handling section (转办)."""
        self._check_step(("accepted", "in_progress"), _(
            "The service request %(request)s cannot be forwarded: it is "
            "\"%(step)s\"; only an accepted request or one in progress is "
            "forwarded."))
        for request in self:
            if not request.department_id:
                raise UserError(_(
                    "Choose the section to forward the service request %s "
                    "to.") % request.name)
        self._transition({"state": "in_progress",
                          "date_forwarded": fields.Datetime.now()})
        for request in self:
            # sudo: the section's name, for the chatter
            request.message_post(body=_("Forwarded to %s") % (
                request.department_id.sudo().name))
        return True

    @api.multi
    def action_done(self):
        """The matter is done: the deadline fixes whether it was on time."""
        self._check_step(("accepted", "in_progress"), _(
            "The service request %(request)s cannot be done: it is "
            "\"%(step)s\"; only an accepted request or one in progress is "
            "done."))
        self._mark_done()
        return True

    @api.multi
    def action_collect(self):
        """The resident collected the result (证件, 证明)."""
        self._check_step(("done",), _(
            "The service request %(request)s cannot be collected: it is "
            "\"%(step)s\"; only a done request is collected."))
        self._transition({"state": "collected",
                          "date_collected": fields.Datetime.now()})
        return True

    @api.multi
    def action_make_case(self):
        """Turn the request into a case of the grid loop: a problem rather
        than a service. The case is prefilled from the request and both
        link to each other; the request is done, handed to the loop."""
        self.ensure_one()
        self._check_step(OPEN_STATES, _(
            "The service request %(request)s cannot become a case: it is "
            "\"%(step)s\"; only an open request does."))
        if self.case_id:
            raise UserError(_(
                "The service request %(request)s is already the case "
                "%(case)s.") % {"request": self.name,
                                "case": self.case_id.name})
        self.check_access_rights("write")
        self.check_access_rule("write")
        values = self._case_values()
        if not values.get("category_id"):
            # no category to file it under: the clerk picks it on the form
            return {
                "type": "ir.actions.act_window",
                "res_model": "grid.case",
                "view_mode": "form",
                "target": "current",
                "context": {"default_%s" % key: value
                            for key, value in values.items()},
            }
        case = self.env["grid.case"].create(values)
        return {
            "type": "ir.actions.act_window",
            "res_model": "grid.case",
            "res_id": case.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.multi
    def action_print_receipt(self):
        """The receipt (受理回执) handed to the resident."""
        self.check_access_rule("read")
        return self.env.ref(
            "community_service.service_request_receipt_pdf").report_action(
                self)

    # -- business methods -------------------------------------------------

    @api.multi
    def _case_values(self):
        """The new case's values, prefilled from the request."""
        self.ensure_one()
        resident = self.resident_id
        values = {
            "community_id": self.community_id.id,
            "channel": CASE_CHANNELS[self.channel],
            "reporter_resident_id": resident.id,
            "reporter_name": self.applicant_name,
            "description": "<p>%s</p>" % html_escape(
                self.description or self.item_id.name),
            "service_request_id": self.id,
        }
        if roles.may_read_personal_data(self.env):
            values["reporter_phone"] = self.applicant_phone
        if resident.household_id:
            values["household_id"] = resident.household_id.id
        category = self.env["grid.case.category"].search(
            [("code", "=", self.item_id.code)], limit=1)
        if category:
            values["category_id"] = category.id
        return values

    @api.multi
    def _link_case(self, case):
        """Called by the new case: the request is handed to the loop."""
        for request in self:
            request._transition({"case_id": case.id})
            if request.state in OPEN_STATES:
                request._mark_done()
            request.message_post(body=_(
                "Handed to the case loop as the case %s.") % case.name)

    @api.multi
    def _mark_done(self):
        now = fields.Datetime.now()
        for request in self:
            done = street_time.street_date(self.env, now,
                                           request.company_id)
            request._transition({
                "state": "done", "date_done": now,
                "done_on_time": not request.date_deadline
                or done <= request.date_deadline})

    @api.multi
    def _duty_of_the_day(self):
        """The community's duty of the street's day of receipt."""
        self.ensure_one()
        day = street_time.street_date(self.env, self.date_received,
                                      self.company_id)
        # sudo: the roster entry of the day, to link the request; the
        #   clerk at the window may not read the roster
        return self.env["service.duty"].sudo().search([
            ("community_id", "=", self.community_id.id),
            ("date", "=", day)], limit=1)

    @api.multi
    def _check_step(self, allowed, message):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for request in self:
            if request.state not in allowed:
                raise UserError(message % {
                    "request": request.name,
                    "step": labels[request.state]})

    @api.multi
    def _transition(self, vals):
        """Write what only the buttons write, as the user who pressed it."""
        return self.with_context(service_transition=True).write(vals)

    @api.model
    def _calendar_changed(self, companies, since, auto_commit=False):
        """Besides the answer deadlines, the deadlines due on ``since`` or
        later of the open requests (not a hotline's own)."""
        moved = super()._calendar_changed(companies, since, auto_commit)
        requests = self.search([
            ("company_id", "in", list(companies)),
            ("state", "in", OPEN_STATES), ("date_deadline", ">=", since),
            "|", ("channel", "!=", "hotline"),
            ("hotline_deadline", "=", False)])
        self._recompute_stored(requests, ["date_deadline", "is_overdue"])
        return moved | requests

    @api.model
    def _cron_daily(self, today=None):
        """Flag the open requests past their deadline and those not
        answered in time (each street's day; ``today`` in tests)."""
        # sudo: the scheduled action flags every street's requests
        Request = self.sudo()
        flagged = Request.browse()
        # sudo: the ids of every street, whose day the action uses
        for company in self.env["res.company"].sudo().search([]):
            day = today or street_time.street_today(self.env, company)
            requests = Request.search([
                ("company_id", "=", company.id),
                ("state", "in", OPEN_STATES), ("is_overdue", "=", False),
                ("date_deadline", "<", day)])
            requests.write({"is_overdue": True})
            flagged |= requests
        self._cron_refresh_answer_overdue(today)
        return flagged
