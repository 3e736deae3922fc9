# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

from odoo.addons.community_base.tools import street_time

#: the category of a case made from a decision that names none
DEFAULT_CASE_CATEGORY = "community_grid.grid_case_category_other"


class PartyMeetingDecision(models.Model):
    """A decision of a meeting, followed up by its owner until done.

    Joint councils decide what the units and the community will do
    together; branch meetings decide their own tasks. Each decision has an
    owner and a deadline, and an open decision past its deadline is
    overdue. A decision that is a matter for the community's case loop
    (something to fix in a building, a dispute) becomes a ``grid.case`` in
    one click, and one that pushes work down to communities becomes an
    admission request: both are created as the user, with the user's
    rights on cases and requests, and keep the link to the decision.
    """

    _name = "party.meeting.decision"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Meeting decision"
    _order = "date_deadline, id"

    _scope_parent_field = "meeting_id"
    _scope_fields = ("company_id", "community_id", "organisation_id")

    meeting_id = fields.Many2one(
        comodel_name="party.meeting",
        string="Meeting",
        required=True,
        index=True,
        ondelete="cascade",
    )
    # sudo: the scope follows the meeting before the record rules, which
    #   read it, check the new decision
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="meeting_id.company_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        related="meeting_id.community_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Party organisation",
        related="meeting_id.organisation_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    meeting_date = fields.Datetime(
        related="meeting_id.date",
        string="Meeting date",
        store=True,
        readonly=True,
        compute_sudo=True,
    )
    name = fields.Char(string="Decision", required=True)
    description = fields.Text(
        help="What was decided, in full: it becomes the description of the "
        "case made from the decision.")
    owner_id = fields.Many2one(
        comodel_name="res.users",
        string="Owner",
        index=True,
        ondelete="restrict",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
        help="Who follows the decision up until it is done.")
    date_deadline = fields.Date(string="Deadline", index=True)
    state = fields.Selection(
        selection=[("open", "Open"), ("done", "Done")],
        required=True,
        default="open",
        readonly=True,
        copy=False,
        index=True,
    )
    date_done = fields.Date(string="Done on", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Open and past its deadline.")
    category_id = fields.Many2one(
        comodel_name="grid.case.category",
        string="Case category",
        ondelete="restrict",
        help="The category of the case made from the decision; \"Other "
        "cases\" when none is chosen.")
    grid_id = fields.Many2one(
        comodel_name="grid.grid",
        string="Grid",
        ondelete="restrict",
        help="Where the case made from the decision is, when it concerns "
        "one grid.")
    department_id = fields.Many2one(
        comodel_name="hr.department",
        string="Requesting department",
        ondelete="restrict",
        help="The department that applies for the admission request made "
        "from the decision.")
    case_id = fields.Many2one(
        comodel_name="grid.case",
        string="Case",
        readonly=True,
        copy=False,
        index=True,
        ondelete="set null",
    )
    admission_request_id = fields.Many2one(
        comodel_name="community.admission.request",
        string="Admission request",
        readonly=True,
        copy=False,
        index=True,
        ondelete="set null",
    )

    def _today(self):
        return street_time.street_today(self.env)

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = self._today()
        for decision in self:
            decision.is_overdue = bool(
                decision.state == "open" and decision.date_deadline
                and decision.date_deadline < today)

    def _search_is_overdue(self, operator, value):
        overdue = ["&", ("state", "=", "open"),
                   ("date_deadline", "<", self._today())]
        if (operator == "=") == bool(value):
            return overdue
        return ["|", ("state", "!=", "open"), "|",
                ("date_deadline", "=", False),
                ("date_deadline", ">=", self._today())]

    @api.multi
    def action_done(self):
        """The owner reports the decision carried out."""
        for decision in self:
            if decision.state == "done":
                raise UserError(_(
                    "The decision \"%s\" is already done.") % decision.name)
        self.write({"state": "done",
                    "date_done": fields.Date.context_today(self)})
        return True

    @api.multi
    def action_reopen(self):
        """Reported done too early: open again."""
        for decision in self:
            if decision.state != "done":
                raise UserError(_(
                    "The decision \"%s\" is not done.") % decision.name)
        self.write({"state": "open", "date_done": False})
        return True

    def _check_followable(self, model, refusal):
        """Refuse, naming the decision, before anything is written: the
        user must be able to change the decision and to create ``model``
        records (else ``refusal``, a message naming the decision), and the
        meeting must have been held."""
        self.ensure_one()
        self.check_access_rights("write")
        self.check_access_rule("write")
        if not self.env[model].check_access_rights(
                "create", raise_exception=False):
            raise AccessError(refusal % self.name)
        if self.meeting_id.state != "held":
            raise UserError(_(
                "The decision \"%(decision)s\" belongs to the meeting "
                "%(meeting)s, which has not been held: its decisions are "
                "followed up once it is held.") % {
                    "decision": self.name, "meeting": self.meeting_id.name})

    def _source_text(self):
        """The decision and the meeting it comes from, in the user's
        language, for the new case or request."""
        meeting = self.meeting_id
        return _("Decision of the meeting %(meeting)s on %(date)s") % {
            "meeting": meeting.name,
            "date": street_time.street_date(
                self.env, meeting.date, meeting.company_id or None)}

    @api.multi
    def action_create_case(self):
        """Turn the decision into a case of the community's case loop (as
        the user: a user who may not report cases is told so), link it and
        open it."""
        self.ensure_one()
        self._check_followable("grid.case", _(
            "The decision \"%s\" cannot be turned into a case: you may not "
            "report cases. Ask a community clerk to do it."))
        if self.case_id:
            raise UserError(_(
                "The decision \"%(decision)s\" is already followed by the case "
                "%(case)s.") % {"decision": self.name,
                                "case": self.case_id.display_name})
        Case = self.env["grid.case"]
        community = self.grid_id.community_id or self.community_id
        if not community:
            raise UserError(_(
                "The decision \"%s\" has no community (its meeting is not "
                "held in one): choose the grid the case concerns.")
                % self.name)
        if not self.grid_id and Case._location_required():
            raise UserError(_(
                "The decision \"%s\" has no grid: you report cases in your "
                "own grids, so choose the grid the case concerns.")
                % self.name)
        category = self.category_id or self.env.ref(
            DEFAULT_CASE_CATEGORY, raise_if_not_found=False)
        if not category:
            raise UserError(_(
                "The decision \"%s\" has no case category: choose one.")
                % self.name)
        description = "<p>%s</p>" % html_escape(self.name)
        if self.description:
            description += "".join(
                "<p>%s</p>" % html_escape(line)
                for line in self.description.splitlines() if line.strip())
        description += "<p>%s</p>" % html_escape(self._source_text())
        vals = {
            "category_id": category.id,
            "community_id": community.id,
            "grid_id": self.grid_id.id,
            "channel": "referral",
            "reporter_name": self.owner_id.name or self.env.user.name,
            "description": description,
        }
        try:
            with self.env.cr.savepoint():
                case = Case.create(vals)
        except AccessError as error:
            raise AccessError(_(
                "The decision \"%(decision)s\" cannot be turned into a case "
                "of %(community)s: you do not report cases there.") % {
                    "decision": self.name, "community": community.name}
            ) from error
        self.write({"case_id": case.id})
        self.meeting_id.message_post(body=_(
            "Decision \"%(decision)s\" turned into the case %(case)s.") % {
                "decision": html_escape(self.name),
                "case": html_escape(case.name)})
        return {
            "type": "ir.actions.act_window",
            "name": case.name,
            "res_model": "grid.case",
            "res_id": case.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.multi
    def action_create_admission_request(self):
        """Turn the decision into a work admission request of its
        community (as the user: only those who apply for admission may),
        link it and open it."""
        self.ensure_one()
        self._check_followable("community.admission.request", _(
            "The decision \"%s\" cannot be turned into an admission "
            "request: you may not apply for admission. Ask a street clerk to "
            "do it."))
        if self.admission_request_id:
            raise UserError(_(
                "The decision \"%(decision)s\" is already followed by the "
                "admission request %(request)s.") % {
                    "decision": self.name,
                    "request": self.admission_request_id.display_name})
        if not self.department_id:
            raise UserError(_(
                "The decision \"%s\" has no requesting department: choose "
                "the department that applies for admission.") % self.name)
        if not self.community_id:
            raise UserError(_(
                "The decision \"%s\" has no community (its meeting is not "
                "held in one): an admission request names the communities "
                "it concerns.") % self.name)
        today = fields.Date.context_today(self)
        vals = {
            "name": self.name,
            "department_id": self.department_id.id,
            "task_type": "task",
            "legal_basis": self._source_text(),
            "description": self.description or self.name,
            "community_ids": [(6, 0, self.community_id.ids)],
            "company_id": self.company_id.id,
            "date_start": today,
            "date_end": self.date_deadline if self.date_deadline
            and self.date_deadline >= today else False,
        }
        try:
            with self.env.cr.savepoint():
                request = self.env["community.admission.request"].create(vals)
        except AccessError as error:
            raise AccessError(_(
                "The decision \"%(decision)s\" cannot be turned into an "
                "admission request of %(street)s: you do not apply for "
                "admission there.") % {
                    "decision": self.name, "street": self.company_id.name}
            ) from error
        self.write({"admission_request_id": request.id})
        self.meeting_id.message_post(body=_(
            "Decision \"%(decision)s\" turned into the admission request "
            "%(request)s.") % {
                "decision": html_escape(self.name),
                "request": html_escape(request.display_name)})
        return {
            "type": "ir.actions.act_window",
            "name": request.display_name,
            "res_model": "community.admission.request",
            "res_id": request.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
