# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from email.utils import formataddr

from psycopg2 import sql

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.community_base.tools import id_number, roles, street_time

# The six steps of the case loop; ``state`` holds the step the case has
# reached. A case "at the handler" is in ``dispatch``; the handler's feedback
# moves it to ``handle``, where it waits for verification.
STATES = [
    ("report", "Reported"),
    ("dispatch", "Dispatched"),
    ("handle", "Handled"),
    ("verify", "Verified"),
    ("close", "Closed"),
    ("evaluate", "Evaluated"),
]
OPEN_STATES = ("report", "dispatch", "handle", "verify")
LOOP_LEVELS = [
    ("community", "Community loop"),
    ("street", "Street loop"),
    ("district", "District loop"),
]
NEXT_LOOP = {"community": "street", "street": "district"}

# Written only by the transition buttons, the approved requests and the
# scheduled actions, never straight from a form: they are the case's record
# of who did what when, and what its scores are computed from.
TRANSITION_FIELDS = frozenset([
    "state", "date_dispatched", "date_handled", "date_verified",
    "date_closed", "date_evaluated", "date_deadline", "date_deadline_original",
    "loop_level", "closed_on_time", "days_to_close", "return_count",
    "extension_count", "reopen_count", "date_handler_reminded",
    "date_superior_reminded", "date_first_answer", "answer_channel",
    "is_answer_overdue", "reply_promise_kept",
])
# What a case handler (who is neither clerk nor grid officer) may write on a
# case dispatched to them: the feedback and its photos.
HANDLER_FIELDS = frozenset([
    "handle_note", "handle_reply_id", "attachment_ids",
    "message_follower_ids", "activity_ids",
])

# What may still change on a closed case: the evaluation (until it is
# recorded) and the followers; the rest is the record of the case.
CLOSED_FIELDS = frozenset([
    "satisfaction", "evaluation_note", "message_follower_ids", "activity_ids",
])

#: (index, definition) created by ``init``: the open and the overdue cases
#: of a street, which the dashboard counts and every reader's record rule
#: limits to their street (the dates of a month are served by the
#: one-column indexes of the date fields)
CASE_INDEXES = [
    ("grid_case_company_state_index", "(company_id, state)"),
    ("grid_case_company_overdue_index", "(company_id) WHERE is_overdue"),
    # a community clerk's case list: the record rule's community and the
    # model's order, so a page of 80 is read off the index instead of
    # sorting the community's 125,000 cases (bench/RESULTS.md, clerks_http)
    ("grid_case_community_list_index",
     "(community_id, priority DESC, date_reported DESC, id DESC)"),
    # the dispatch board: its columns (read_group by state) and the count
    # of each full column, under the clerks' rules (community_id in ... OR
    # company_id in ...), read off this index alone (index-only scan)
    # instead of every case of the table (bench/RESULTS.md, board_landing)
    ("grid_case_state_scope_index",
     "(state, company_id, community_id, id)"),
    # the dispatch board: a column's page of cards in the model's order,
    # read off the index instead of sorting the column's cases
    ("grid_case_state_list_index",
     "(state, priority DESC, date_reported DESC, id DESC)"),
]


class GridCase(models.Model):
    """A case (事件) and its six-step loop.

    Reported by a grid officer, a hotline operator or a clerk (采集上报), it is
    dispatched to a handler of a street section or a functional department
    (指挥派遣), who feeds back (处理反馈); the grid officer or a clerk verifies
    the result on site (任务核查) or sends it back, a clerk closes it (结案归档)
    and the reporter's satisfaction is recorded (考核评价). Each step is a
    button with its own rules, and the chatter keeps who did it and when.

    The closing deadline counts from the report: the n-th working day after
    the day of the report on the street's calendar, n the category's
    deadline. The "123" reply promise (``grid.reply.promise.mixin``) is
    apart: the reporter is first answered within 1, 2 or 3 working days by
    the category's responsibility level; the handler's feedback is an
    answer when no reply message or phone answer came before. A case still
    open after its closing deadline is overdue, chased and, past the
    street's threshold, escalated from the community loop to the street and
    then the district loop by the daily scheduled action.
    """

    _name = "grid.case"
    # the mixin keeps the reporter's phone out of searches and groupings;
    # the reply promise comes before mail.thread, whose replies it watches
    _inherit = ["grid.reply.promise.mixin", "mail.thread",
                "mail.activity.mixin",
                "community.private.fields.mixin", "community.scoped.mixin"]
    _description = "Case"
    _order = "priority desc, date_reported desc, id desc"
    # Handlers and grid officers post their remarks on cases they may read.
    _mail_post_access = "read"

    @api.model_cr
    def init(self):
        """The composite and partial indexes of the dashboard tiles and the
        monthly statistics (one-column ones come from ``index=True``). Every
        reader's query carries the record rule ``company_id in (...)``, so
        the street leads each index; bench/RESULTS.md (case dashboard) shows
        each one's plan with and without it."""
        for name, definition in CASE_INDEXES:
            # sql: creates the case indexes at install; no data read
            self.env.cr.execute(sql.SQL(
                "CREATE INDEX IF NOT EXISTS {} ON grid_case {}").format(
                    sql.Identifier(name), sql.SQL(definition)))

    _default_user_community = True

    @api.model
    def _default_community_id(self):
        """The user's community when they work in exactly one; for a grid
        officer, the community of their grids when it is one, so that the
        officer on the street picks the household straight away."""
        if self.env.user.community_ids:
            return super()._default_community_id()
        # sudo: the communities of the user's own grids, as a default value
        communities = self.env["grid.grid"].sudo().search([
            "|", ("officer_id", "=", self.env.uid),
            ("deputy_ids", "in", self.env.uid)]).mapped("community_id")
        return communities if len(communities) == 1 else communities.browse()

    name = fields.Char(
        string="Number", readonly=True, copy=False, index=True, default="/")
    category_id = fields.Many2one(
        comodel_name="grid.case.category", string="Category", required=True,
        index=True, ondelete="restrict", track_visibility="onchange")
    service_code = fields.Char(
        related="category_id.code", string="Service code", store=True,
        readonly=True, index=True,
        help="Open311 service code: the category's code.")
    is_dispute = fields.Boolean(
        related="category_id.is_dispute", store=True, readonly=True,
        string="Dispute")
    channel = fields.Selection(
        selection=[
            ("visit", "Found on a visit"),
            ("hotline", "Hotline"),
            ("walk_in", "Walk-in"),
            ("online", "Online"),
            ("referral", "Referred by a superior"),
        ],
        required=True, default="visit", index=True)
    reporter_resident_id = fields.Many2one(
        comodel_name="community.resident", string="Reporter (resident)",
        index=True, ondelete="restrict")
    reporter_name = fields.Char(string="Reporter")
    # Personal data: only clerks read the phone, the others its mask.
    reporter_phone = fields.Char(
        string="Reporter's phone",
        groups=roles.PERSONAL_DATA)
    reporter_phone_masked = fields.Char(
        string="Reporter's phone (masked)",
        compute="_compute_reporter_phone_masked")
    household_id = fields.Many2one(
        comodel_name="community.household", string="Household", index=True,
        ondelete="restrict")
    building_id = fields.Many2one(
        comodel_name="community.building", string="Building", index=True,
        ondelete="restrict")
    compound_id = fields.Many2one(
        comodel_name="community.compound", string="Compound", index=True,
        ondelete="restrict")
    address = fields.Char(help="Where the case is, when not a household.")
    grid_id = fields.Many2one(
        comodel_name="grid.grid", string="Grid", index=True,
        ondelete="restrict")
    latitude = fields.Float(digits=(10, 7))
    longitude = fields.Float(digits=(10, 7))
    description = fields.Html(required=True, sanitize=True)
    attachment_ids = fields.Many2many(
        comodel_name="ir.attachment", relation="grid_case_attachment_rel",
        column1="case_id", column2="attachment_id",
        string="Photos and attachments")
    priority = fields.Selection(
        selection=[("0", "Normal"), ("1", "Urgent"), ("2", "Very urgent")],
        default="0", required=True, index=True)
    visit_id = fields.Many2one(
        comodel_name="grid.visit", string="Visit", index=True,
        ondelete="set null", help="The visit on which the case was found.")

    state = fields.Selection(
        selection=STATES, string="Step", default="report", required=True,
        readonly=True, copy=False, index=True, track_visibility="onchange",
        group_expand="_expand_states")
    date_reported = fields.Datetime(
        string="Reported on", required=True, index=True, copy=False,
        default=fields.Datetime.now)
    date_dispatched = fields.Datetime(
        string="Dispatched on", readonly=True, copy=False)
    date_handled = fields.Datetime(
        string="Handled on", readonly=True, copy=False)
    date_verified = fields.Datetime(
        string="Verified on", readonly=True, copy=False)
    date_closed = fields.Datetime(
        string="Closed on", readonly=True, copy=False, index=True)
    date_evaluated = fields.Datetime(
        string="Evaluated on", readonly=True, copy=False, index=True)

    handler_department_id = fields.Many2one(
        comodel_name="hr.department", string="Handling section",
        index=True, ondelete="restrict", track_visibility="onchange")
    handler_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Functional department",
        index=True, ondelete="restrict", track_visibility="onchange",
        domain=[("organisation_type", "=", "department")])
    handler_user_id = fields.Many2one(
        comodel_name="res.users", string="Handler", index=True,
        ondelete="restrict", track_visibility="onchange",
        domain=[("share", "=", False)],
        help="The person who handles the case and feeds back.")
    agency_responsible = fields.Char(
        compute="_compute_agency_responsible",
        help="Open311: the unit that answers for the case.")
    handle_note = fields.Text(
        string="Feedback", help="What the handler did (处理反馈).")
    handle_reply_id = fields.Many2one(
        comodel_name="grid.case.reply", string="Canned reply", store=False,
        domain=[("step", "=", "handle")],
        help="Fill the feedback from a canned reply.")
    status_notes = fields.Text(
        readonly=True, copy=False,
        help="Open311: the last note on the case's status (feedback, reason "
             "of a send-back, a return or a reopening).")

    date_deadline = fields.Date(
        string="Deadline", readonly=True, copy=False, index=True,
        track_visibility="onchange",
        help="The n-th working day after the report, n the category's "
             "deadline; moved by an approved extension.")
    date_deadline_original = fields.Date(
        string="Original deadline", readonly=True, copy=False,
        help="The deadline before any extension, kept for scoring.")
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", store=True,
        index=True, help="Past its deadline and not closed, or closed late; "
                         "refreshed every day.")
    closed_on_time = fields.Boolean(readonly=True, copy=False)
    days_to_close = fields.Integer(
        string="Working days to close", readonly=True, copy=False)

    loop_level = fields.Selection(
        selection=LOOP_LEVELS, string="Loop", default="community",
        required=True, readonly=True, copy=False, index=True,
        track_visibility="onchange")
    escalation_ids = fields.One2many(
        comodel_name="grid.case.escalation", inverse_name="case_id",
        string="Escalations", readonly=True)
    request_ids = fields.One2many(
        comodel_name="grid.case.request", inverse_name="case_id",
        string="Return and extension requests", readonly=True)

    satisfaction = fields.Selection(
        selection=[
            ("satisfied", "Satisfied"),
            ("basic", "Basically satisfied"),
            ("dissatisfied", "Dissatisfied"),
        ],
        string="Reporter's satisfaction", copy=False, index=True,
        track_visibility="onchange")
    evaluation_note = fields.Text(copy=False)
    return_count = fields.Integer(
        string="Returns", readonly=True, copy=False)
    extension_count = fields.Integer(
        string="Extensions", readonly=True, copy=False)
    reopen_count = fields.Integer(
        string="Reopenings", readonly=True, copy=False)
    date_handler_reminded = fields.Date(readonly=True, copy=False)
    date_superior_reminded = fields.Date(readonly=True, copy=False)
    # the form marks the household (or grid) required when it is set
    location_required = fields.Boolean(
        compute="_compute_location_required",
        default=lambda self: self._location_required(),
        help="The user reads only the cases of their grids, so a new case "
             "needs its household or grid.")

    @api.depends("handler_partner_id", "handler_department_id",
                 "handler_user_id")
    def _compute_agency_responsible(self):
        # The case list shows this column: touching a handler field would
        # prefetch every column of the listed cases (descriptions, notes,
        # ...) only to read three; prefetch_fields=False reads just them,
        # still in one query for the whole page (bench/RESULTS.md,
        # clerks_http: it was most of the case list's server time).
        plain = self.with_context(prefetch_fields=False)
        for case, record in zip(self, plain):
            agency = (record.handler_partner_id
                      or record.handler_department_id
                      or record.handler_user_id)
            case.agency_responsible = agency.display_name or False

    def _compute_location_required(self):
        required = self._location_required()
        for case in self:
            case.location_required = required

    @api.model
    def _location_required(self):
        """Whether the user reads cases by their grid only (a grid
        officer, not a clerk): their new case must have a household or a
        grid, or the record rules would hide it from them right away."""
        return self.env.uid != SUPERUSER_ID and not roles.has_any(
            self.env, roles.COMMUNITY_CLERK, roles.LEADER)

    @api.depends("reporter_phone")
    def _compute_reporter_phone_masked(self):
        # the mask is what non-clerks see, so the phone is read as superuser
        # sudo: the mask is what non-clerks see of the reporter's phone; only that
        #   column
        for case, raw in zip(self, self.sudo()):
            case.reporter_phone_masked = id_number.mask_phone(
                raw.reporter_phone)

    @api.depends("date_deadline", "date_closed", "state")
    def _compute_is_overdue(self):
        for case in self:
            if not case.date_deadline:
                case.is_overdue = False
            elif case.date_closed:
                case.is_overdue = (
                    case._street_date(case.date_closed) > case.date_deadline)
            else:
                case.is_overdue = case._street_today() > case.date_deadline

    @api.model
    def _expand_states(self, states, domain, order):
        """The dispatch board shows all six steps, empty or not."""
        return [key for key, dummy in STATES]

    @api.constrains("community_id", "household_id", "building_id",
                    "compound_id", "grid_id")
    def _check_location_community(self):
        # sudo: the constraint reads the case being written; the record rules then check
        #   it
        for case in self.sudo():
            for location in (case.household_id, case.building_id,
                             case.compound_id, case.grid_id):
                if location and location.community_id != case.community_id:
                    raise ValidationError(_(
                        "The case %(case)s is in the community %(community)s "
                        "but its location %(location)s is in %(other)s.") % {
                            "case": case.name,
                            "community": case.community_id.name,
                            "location": location.display_name,
                            "other": location.community_id.name})

    @api.constrains("latitude", "longitude")
    def _check_coordinates(self):
        for case in self:
            if not (-90 <= case.latitude <= 90
                    and -180 <= case.longitude <= 180):
                raise ValidationError(_(
                    "The coordinates of the case %s are out of range: "
                    "latitude -90 to 90, longitude -180 to 180.") % case.name)

    @api.onchange("household_id", "building_id", "compound_id", "grid_id")
    def _onchange_location(self):
        values = self._location_values({
            "household_id": self.household_id.id,
            "building_id": self.building_id.id,
            "compound_id": self.compound_id.id,
            "grid_id": self.grid_id.id,
        })
        for name in ("building_id", "compound_id", "community_id",
                     "grid_id"):
            if values.get(name):
                self[name] = values[name]

    @api.onchange("reporter_resident_id")
    def _onchange_reporter_resident_id(self):
        resident = self.reporter_resident_id
        if resident:
            self.reporter_name = resident.name
            if roles.may_read_personal_data(self.env):
                self.reporter_phone = resident.phone
            if not self.household_id and resident.household_id:
                self.household_id = resident.household_id
                self._onchange_location()

    @api.onchange("category_id", "grid_id")
    def _onchange_default_handler(self):
        values = self._default_handler_values({
            "category_id": self.category_id.id, "grid_id": self.grid_id.id})
        for name, value in values.items():
            if not self[name]:
                self[name] = value

    @api.onchange("handle_reply_id")
    def _onchange_handle_reply_id(self):
        if self.handle_reply_id:
            self.handle_note = self.handle_reply_id.body

    @api.model
    def create(self, vals):
        initial = {"state": "report", "loop_level": "community"}
        if self.env.uid != SUPERUSER_ID and not self.env.context.get(
                "grid_case_transition") and any(
                    value and value != initial.get(key)
                    for key, value in vals.items()
                    if key in TRANSITION_FIELDS):
            raise UserError(_(
                "A new case starts at the report step: its step, dates, "
                "deadline and loop are set by its buttons."))
        vals = self._location_values(dict(vals))
        if not vals.get("grid_id") and self._location_required():
            raise ValidationError(_(
                "The new case has no household or grid: choose the household "
                "where it is (or your grid); grid officers report cases in "
                "their own grids."))
        if not vals.get("community_id") and vals.get("reporter_resident_id"):
            # sudo: the reporter's community, copied as the case's scope; the record
            #   rules then check the case
            resident = self.env["community.resident"].sudo().browse(
                vals["reporter_resident_id"])
            vals["community_id"] = resident.community_id.id
        if not vals.get("community_id"):
            vals["community_id"] = self._default_community_id().id
        if not vals.get("community_id"):
            raise UserError(_(
                "Choose the community of the new case: its location does not "
                "tell which community it is in."))
        # sudo: the street of the community, whose calendar and categories
        #   set the deadline (community.scoped.mixin copies it into the row)
        community = self.env["community.community"].sudo().browse(
            vals["community_id"])
        for name, value in self._default_handler_values(vals).items():
            vals.setdefault(name, value)
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code(
                "grid.case") or "/"
        vals.setdefault("date_reported", fields.Datetime.now())
        deadline = self._deadline_for(
            vals["date_reported"], vals.get("category_id"), community.company_id)
        vals.update(date_deadline=deadline, date_deadline_original=deadline)
        return super(GridCase, self.with_context(
            grid_case_transition=True)).create(vals).with_env(self.env)

    @api.multi
    def write(self, vals):
        self._check_write_allowed(vals)
        if {"household_id", "building_id", "compound_id",
                "grid_id"}.intersection(vals):
            vals = self._location_values(dict(vals))
        result = super().write(vals)
        if {"category_id", "date_reported"}.intersection(vals):
            self._reset_deadline()
        return result

    @api.multi
    def unlink(self):
        if self.env.uid != SUPERUSER_ID:
            raise UserError(_(
                "The case %s cannot be deleted: cases are kept for the "
                "record; close it instead.") % self[:1].name)
        return super().unlink()

    @api.multi
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        """Every step of the loop posts in the chatter as the user who
        pressed the button (the tracked step, the reason): see
        ``_sender_without_email``."""
        self._sender_without_email(kwargs)
        return super().message_post(*args, **kwargs)

    @api.multi
    def message_post_with_template(self, template_id, **kwargs):
        """The to-do marked done posts through a composer (a mail.message
        too): see ``_sender_without_email``."""
        self._sender_without_email(kwargs)
        return super().message_post_with_template(template_id, **kwargs)

    @api.multi
    def action_dispatch(self):
        """Send the case to its handler (指挥派遣)."""
        self._check_step(("report",), _(
            "The case %(case)s cannot be dispatched: it is at the step "
            "\"%(step)s\"; only a reported case is dispatched."))
        self._check_role([roles.COMMUNITY_CLERK], _(
            "Only a clerk dispatches cases; you cannot dispatch the case "
            "%(case)s."))
        for case in self:
            if not case.handler_user_id:
                raise UserError(_(
                    "Choose the handler of the case %s before dispatching "
                    "it.") % case.name)
        self._transition({"state": "dispatch",
                          "date_dispatched": fields.Datetime.now()})
        for case in self:
            case.message_subscribe_users(case.handler_user_id.ids)
            case._schedule_activity(
                case.handler_user_id, _("Handle the case %s") % case.name)
        return True

    @api.multi
    def action_handle(self):
        """The handler's feedback (处理反馈): what was done, with photos."""
        self._check_step(("dispatch",), _(
            "The case %(case)s cannot be fed back: it is at the step "
            "\"%(step)s\"; only a dispatched case is fed back."))
        for case in self:
            if case.handler_user_id != self.env.user:
                case._check_role([roles.COMMUNITY_CLERK], _(
                    "Only the handler of the case %(case)s or a clerk feeds "
                    "it back."))
            if not (case.handle_note or "").strip():
                raise UserError(_(
                    "Write the feedback of the case %s: what was done.")
                    % case.name)
        for case in self:
            case._transition({"state": "handle",
                              "date_handled": fields.Datetime.now(),
                              "status_notes": case.handle_note})
        self._record_first_answer("feedback")
        self._finish_activities()
        return True

    @api.multi
    def action_verify(self):
        """Confirm on site that the case is solved (任务核查)."""
        self._check_step(("handle",), _(
            "The case %(case)s cannot be verified: it is at the step "
            "\"%(step)s\"; only a handled case is verified."))
        self._check_role([roles.COMMUNITY_CLERK, roles.GRID_OFFICER], _(
            "Only a grid officer or a clerk verifies cases; you cannot "
            "verify the case %(case)s."))
        self._transition({"state": "verify",
                          "date_verified": fields.Datetime.now()})
        return True

    @api.multi
    def action_send_back(self, reason=None):
        """Verification found the feedback wanting: back to the handler
        with the reason. Without a reason, open the wizard that asks it."""
        self._check_step(("handle",), _(
            "The case %(case)s cannot be sent back: it is at the step "
            "\"%(step)s\"; only a handled case waiting for verification is "
            "sent back."))
        self._check_role([roles.COMMUNITY_CLERK, roles.GRID_OFFICER], _(
            "Only a grid officer or a clerk sends cases back; you cannot "
            "send back the case %(case)s."))
        if reason is None:
            return self._open_wizard("send_back")
        reason = self._require_reason(reason, _(
            "Give the reason for sending the case %s back to handling."))
        self._transition({"state": "dispatch", "date_handled": False,
                          "status_notes": reason})
        for case in self:
            case.message_post(body=_("Sent back to handling: %s") % reason,
                              subtype="mail.mt_comment")
            case._schedule_activity(
                case.handler_user_id,
                _("Handle the case %s again") % case.name)
        return True

    @api.multi
    def action_close(self):
        """File the case (结案归档) once verified; the closing date fixes
        whether the promise was kept."""
        self._check_step(("verify",), _(
            "The case %(case)s cannot be closed: it is at the step "
            "\"%(step)s\"; a case is closed only once verified."))
        self._check_role([roles.COMMUNITY_CLERK], _(
            "Only a clerk closes cases; you cannot close the case "
            "%(case)s."))
        now = fields.Datetime.now()
        for case in self:
            closed = case._street_date(now)
            calendar = case._calendar_of(case.company_id)
            case._transition({
                "state": "close",
                "date_closed": now,
                "closed_on_time": bool(case.date_deadline)
                and closed <= case.date_deadline,
                "days_to_close": calendar.working_days_between(
                    case._street_date(case.date_reported), closed),
            })
        self._finish_activities()
        return True

    @api.multi
    def action_evaluate(self):
        """Record the reporter's satisfaction (考核评价)."""
        self._check_step(("close",), _(
            "The case %(case)s cannot be evaluated: it is at the step "
            "\"%(step)s\"; only a closed case is evaluated."))
        self._check_role([roles.COMMUNITY_CLERK, roles.GRID_OFFICER], _(
            "Only a grid officer or a clerk records the evaluation of the "
            "case %(case)s."))
        for case in self:
            if not case.satisfaction:
                raise UserError(_(
                    "Choose the reporter's satisfaction with the case %s "
                    "first.") % case.name)
        self._transition({"state": "evaluate",
                          "date_evaluated": fields.Datetime.now()})
        return True

    @api.multi
    def action_reopen(self, reason=None):
        """A case reported fixed that is not: back to the handler, counted
        against the handling. Without a reason, open the wizard."""
        self._check_step(("verify", "close"), _(
            "The case %(case)s cannot be reopened: it is at the step "
            "\"%(step)s\"; only a verified or closed case is reopened."))
        self._check_role([roles.COMMUNITY_CLERK, roles.GRID_OFFICER], _(
            "Only a grid officer or a clerk reopens cases; you cannot "
            "reopen the case %(case)s."))
        if reason is None:
            return self._open_wizard("reopen")
        reason = self._require_reason(reason, _(
            "Give the reason for reopening the case %s."))
        for case in self:
            case._transition({
                "state": "dispatch", "reopen_count": case.reopen_count + 1,
                "date_handled": False, "date_verified": False,
                "date_closed": False, "closed_on_time": False,
                "days_to_close": 0, "status_notes": reason})
            case.message_post(body=_("Reopened: %s") % reason,
                              subtype="mail.mt_comment")
            case._schedule_activity(
                case.handler_user_id,
                _("Handle the reopened case %s") % case.name)
        return True

    @api.multi
    def action_escalate(self, reason=None):
        """Hand the case to the next loop by hand, with the reason. Without
        a reason, open the wizard."""
        self._check_step(OPEN_STATES, _(
            "The case %(case)s cannot be escalated: it is at the step "
            "\"%(step)s\"; only an open case is escalated."))
        self._check_role([roles.COMMUNITY_CLERK], _(
            "Only a clerk escalates cases; you cannot escalate the case "
            "%(case)s."))
        for case in self:
            if case.loop_level not in NEXT_LOOP:
                raise UserError(_(
                    "The case %s is already in the district loop, the "
                    "highest one.") % case.name)
        if reason is None:
            return self._open_wizard("escalate")
        reason = self._require_reason(reason, _(
            "Give the reason for escalating the case %s."))
        for case in self:
            case._escalate(reason, automatic=False)
        return True

    @api.multi
    def action_request_return(self):
        return self._open_request("return")

    @api.multi
    def action_request_extension(self):
        return self._open_request("extension")

    @api.model
    def _street_today(self, company=None):
        """Today in the case's street (``company``, else the case's, else
        the user's): the same for every user and for the scheduled actions
        (see ``community_base/tools/street_time.py``)."""
        return street_time.street_today(
            self.env, company or self[:1].company_id or None)

    @api.model
    def _street_date(self, value, company=None):
        """The street's calendar day of a UTC datetime (or its string)."""
        return street_time.street_date(
            self.env, value, company or self[:1].company_id or None)

    @api.model
    def _calendar_of(self, company):
        """The street's case calendar, or else the shipped 街道工作日历."""
        # sudo: the street's case calendar, configuration every role computing a
        #   deadline needs
        calendar = company.sudo().case_calendar_id or self.env.ref(
            "community_grid.resource_calendar_street",
            raise_if_not_found=False)
        if not calendar:
            raise UserError(_(
                "%s has no working-day calendar for its case deadlines: "
                "choose one in the street's settings.") % company.name)
        # sudo: the street's case calendar, configuration every role computing a
        #   deadline needs
        return calendar.sudo()

    @api.model
    def _deadline_for(self, date_reported, category_id, company, params=None):
        """The "123" promise: the category's deadline in working days after
        the day of the report."""
        if not category_id:
            return False
        # sudo: the category's deadline in days, configuration every reporter needs
        category = self.env["grid.case.category"].sudo().browse(category_id)
        calendar = self._calendar_of(company)
        return calendar.working_days_add(
            self._street_date(date_reported, company), category.sla_days,
            params)

    @api.multi
    def _reset_deadline(self):
        """Follow a corrected category or report date while the case has
        not been handled nor extended."""
        for case in self.filtered(
                lambda case: case.state in ("report", "dispatch")
                and not case.extension_count):
            deadline = self._deadline_for(
                case.date_reported, case.category_id.id, case.company_id)
            case._transition({"date_deadline": deadline,
                              "date_deadline_original": deadline})

    @api.model
    def _location_values(self, vals):
        """Fill the wider location, the community and the grid from the
        most precise location given (household, building, compound,
        grid)."""
        sudo = self.env
        # sudo: parts of a location the user may read (base.py refuses others)
        household = sudo["community.household"].sudo().browse(
            vals.get("household_id") or [])
        # sudo: the wider location of a part the user may read (base.py refuses others)
        building = household.building_id or sudo[
            "community.building"].sudo().browse(vals.get("building_id") or [])
        # sudo: the wider location of a part the user may read (base.py refuses others)
        compound = building.compound_id or sudo[
            "community.compound"].sudo().browse(vals.get("compound_id") or [])
        # sudo: the wider location of a part the user may read (base.py refuses others)
        grid = sudo["grid.grid"].sudo().browse(vals.get("grid_id") or [])
        if household:
            vals["building_id"] = building.id
        if building:
            vals["compound_id"] = compound.id
        located = household or building or compound or grid
        if located:
            vals["community_id"] = located.community_id.id
        if not grid:
            grid = household.grid_id or building.grid_id
            if grid:
                vals["grid_id"] = grid.id
        return vals

    @api.model
    def _default_handler_values(self, vals):
        """Auto-dispatch: the category's default unit, and the officer of
        the grid the case is in as the handler."""
        values = {}
        # sudo: auto-dispatch: the category's default unit, configuration the reporter
        #   may not read
        category = self.env["grid.case.category"].sudo().browse(
            vals.get("category_id") or [])
        if category.department_id:
            values["handler_department_id"] = category.department_id.id
        if category.partner_id:
            values["handler_partner_id"] = category.partner_id.id
        # sudo: auto-dispatch: the grid's officer as handler, for a reporter outside the
        #   grid
        grid = self.env["grid.grid"].sudo().browse(vals.get("grid_id") or [])
        if grid.officer_id:
            values["handler_user_id"] = grid.officer_id.id
        return values

    @api.multi
    def _check_write_allowed(self, vals):
        """The steps are written by the buttons only, and a handler writes
        nothing but the feedback."""
        if self.env.uid == SUPERUSER_ID or self.env.context.get(
                "grid_case_transition"):
            return
        protected = TRANSITION_FIELDS.intersection(vals)
        if protected:
            raise UserError(_(
                "The step, dates, deadline and loop of the case %s change "
                "only through its buttons.") % self[:1].name)
        for case in self:
            allowed = {"close": CLOSED_FIELDS,
                       "evaluate": HANDLER_FIELDS & CLOSED_FIELDS}.get(
                           case.state)
            if allowed is not None and set(vals) - allowed:
                raise UserError(_(
                    "The case %s is closed: reopen it to change it.")
                    % case.name)
        if not roles.has_any(self.env, roles.COMMUNITY_CLERK,
                             roles.GRID_OFFICER):
            others = set(vals) - HANDLER_FIELDS
            if others:
                raise AccessError(_(
                    "As the handler of the case %s you may only write its "
                    "feedback.") % self[:1].name)

    @api.multi
    def _check_step(self, allowed, message):
        """Refuse a case that is not at one of the ``allowed`` steps.

        The case rows are locked first: of two users pressing a button of
        the same case at once, the second waits for the first to finish,
        then fails with a serialization error; Odoo runs the call again on
        a fresh snapshot, where this check sees the new step and refuses
        in words. Without the lock both could pass the check."""
        if self.ids:
            # sql: locks the rows of the cases being moved (FOR UPDATE), so two clicks
            #   serialise
            self.env.cr.execute(
                "SELECT id FROM grid_case WHERE id IN %s ORDER BY id "
                "FOR UPDATE", (tuple(self.ids),))
        labels = dict(self._fields["state"]._description_selection(self.env))
        for case in self:
            if case.state not in allowed:
                raise UserError(message % {
                    "case": case.name, "step": labels[case.state]})

    @api.multi
    def _check_role(self, groups, message):
        if self.env.uid == SUPERUSER_ID:
            return
        if not roles.has_any(self.env, *groups):
            raise AccessError(message % {"case": self[:1].name})

    @api.model
    def _require_reason(self, reason, message):
        reason = (reason or "").strip()
        if not reason:
            raise UserError(message % self[:1].name)
        return reason

    @api.multi
    def _transition(self, vals):
        """Write what only the buttons write, as the user who pressed the
        button (the chatter tracks who and when)."""
        return self.with_context(grid_case_transition=True).write(vals)

    @api.multi
    def _open_wizard(self, mode):
        self.ensure_one()
        titles = {"send_back": _("Send back to handling"),
                  "reopen": _("Reopen the case"),
                  "escalate": _("Escalate the case")}
        return {
            "type": "ir.actions.act_window",
            "name": titles[mode],
            "res_model": ("grid.case.escalate.wizard" if mode == "escalate"
                          else "grid.case.send.back.wizard"),
            "view_mode": "form",
            "target": "new",
            "context": {"default_case_id": self.id, "default_mode": mode}
            if mode != "escalate" else {"default_case_id": self.id},
        }

    @api.multi
    def _open_request(self, request_type):
        self.ensure_one()
        self._check_step(("dispatch",), _(
            "No return or extension can be asked for the case %(case)s: it "
            "is at the step \"%(step)s\"; only a dispatched case is at its "
            "handler."))
        return {
            "type": "ir.actions.act_window",
            "name": (_("Ask to return the case") if request_type == "return"
                     else _("Ask for an extension")),
            "res_model": "grid.case.request",
            "view_mode": "form",
            "target": "current",
            "context": {"default_case_id": self.id,
                        "default_request_type": request_type},
        }

    @api.multi
    def _schedule_activity(self, user, summary):
        """A to-do on the user's list, due on the case's deadline."""
        self.ensure_one()
        if not user:
            return self.env["mail.activity"]
        # sudo: the to-do of the case's next person, who may not be the user moving the
        #   case
        return self.env["mail.activity"].sudo().create({
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": self.env.ref(
                "mail.mail_activity_data_todo").id,
            "summary": summary,
            "user_id": user.id,
            "date_deadline": self.date_deadline or self._street_today(),
        })

    @api.model
    def _sender_without_email(self, values):
        """Odoo refuses a message from a user without an e-mail address
        ("Unable to send email..."), which would block the step of the
        loop that posts it: handlers of street sections often have none.
        Such a message gets the user's name at the street's address as its
        sender, or none at all: an e-mail that then cannot go out fails in
        the mail queue, never the step. ``values`` is completed in place."""
        user = self.env.user
        if "email_from" not in values and not user.email:
            street_email = user.company_id.email
            values["email_from"] = street_email and formataddr(
                (user.name, street_email))

    @api.multi
    def _finish_activities(self):
        # sudo: closes the to-dos of these cases, whoever they were for
        activities = self.env["mail.activity"].sudo().search([
            ("res_model", "=", self._name), ("res_id", "in", self.ids)])
        activities.action_feedback()

    @api.multi
    def _escalate(self, reason, automatic, today=None):
        """Hand the case to the next loop: record it, post it, and bring in
        the next loop's people."""
        self.ensure_one()
        to_level = NEXT_LOOP[self.loop_level]
        # sudo: the escalation record is the system's log, written whoever escalates
        self.env["grid.case.escalation"].sudo().create({
            "case_id": self.id,
            "from_level": self.loop_level,
            "to_level": to_level,
            "user_id": self.env.uid,
            "reason": reason,
            "automatic": automatic,
            "date": today or self._street_today(),
        })
        self._transition({"loop_level": to_level})
        users = self._loop_users(to_level)
        labels = dict(self._fields["loop_level"]._description_selection(
            self.env))
        self.message_subscribe_users(users.ids)
        self.message_post(
            body=_("Escalated to the %(loop)s: %(reason)s") % {
                "loop": labels[to_level], "reason": reason},
            subtype="mail.mt_comment",
            partner_ids=users.mapped("partner_id").ids)

    @api.multi
    def _loop_users(self, level):
        """Who answers for the case in a loop: the street clerks of its
        street for the street loop; the users of the district office, or
        else the street's leaders, for the district loop."""
        self.ensure_one()
        # sudo: who answers for the case in a loop, to notify them; the user may not
        #   read other users
        Users = self.env["res.users"].sudo()
        street = self.company_id
        if level == "street":
            return Users.search([
                ("groups_id", "in", self.env.ref(roles.STREET_CLERK).id),
                ("company_ids", "in", street.id), ("share", "=", False)])
        users = Users.browse()
        if street.parent_id:
            users = Users.search([
                ("company_ids", "in", street.parent_id.id),
                ("share", "=", False), ("id", "!=", SUPERUSER_ID)])
        return users or Users.search([
            ("groups_id", "in", self.env.ref(roles.LEADER).id),
            ("company_ids", "in", street.id), ("share", "=", False)])

    @api.multi
    def _superior_users(self):
        """The handler's superior: the manager of the handling section, or
        else the street clerks."""
        self.ensure_one()
        # sudo: the handler's superior, to notify them; the user may not read the
        #   section
        manager = self.sudo().handler_department_id.manager_id.user_id
        return manager or self._loop_users("street")

    @api.multi
    def _report_steps(self):
        """The six steps as the printed case form lists them: for each, its
        label, when the case reached it (the street's time) and who moved
        it there, the latest time it did (a case sent back or reopened
        shows its last pass). Who: the author of the chatter's tracking of
        the step, the recording user for the report."""
        self.ensure_one()
        labels = dict(self._fields["state"]._description_selection(self.env))
        dates = {"report": self.date_reported,
                 "dispatch": self.date_dispatched,
                 "handle": self.date_handled, "verify": self.date_verified,
                 "close": self.date_closed, "evaluate": self.date_evaluated}
        actors = self._step_authors()
        actors["report"] = self.create_uid.name
        steps = []
        for state, _label in STATES:
            when = dates[state]
            steps.append({
                "label": labels[state],
                "date": when and street_time.street_datetime(
                    self.env, when, self.company_id).strftime(
                        "%Y-%m-%d %H:%M") or "",
                "actor": when and actors.get(state) or "",
            })
        return steps

    @api.multi
    def _step_authors(self):
        """{step: name of who last moved the case to it}, from the chatter's
        tracking of ``state`` (labelled in the language of whoever pressed
        the button, so every installed language's labels are matched)."""
        self.ensure_one()
        steps = {}
        for lang, _name in self.env["res.lang"].get_installed():
            labels = self._fields["state"]._description_selection(
                self.with_context(lang=lang).env)
            steps.update({label: state for state, label in labels})
        # sudo: the tracking of the case's steps and their authors' names,
        #   which Odoo lets administrators read only; the caller read the case
        trackings = self.env["mail.tracking.value"].sudo().search([
            ("field", "=", "state"),
            ("mail_message_id.model", "=", self._name),
            ("mail_message_id.res_id", "=", self.id)], order="id")
        authors = {}
        for tracking in trackings:
            state = steps.get(tracking.new_value_char)
            if state:
                authors[state] = tracking.mail_message_id.author_id.name
        return authors
