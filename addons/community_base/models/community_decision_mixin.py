# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import street_time


class CommunityDecisionMixin(models.AbstractModel):
    """A decision followed up by its owner until done: a decision of a
    party meeting (``party.meeting.decision``) or of a residents'
    deliberation (``community.selfgov.decision``).

    Each decision has an owner and a deadline; an open decision past its
    deadline (on the street's day) is overdue, and the overdue ones are
    searched for in one domain (``_search_is_overdue``). The owner reports
    it done, or opens it again when it was reported too early; the model
    may react to both (``_on_decision_done``, ``_on_decision_reopened``).

    The decision is taken at a meeting, ``meeting_id``
    (``community.meeting.mixin``): it is followed up once the meeting is
    held, and what follows it up (a case, an admission request, a service
    project) is made by the user with the user's rights
    (``_check_followable``) and names the meeting (``_source_text``).
    """

    _name = "community.decision.mixin"
    _description = "Decision followed up by its owner"

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
        self._on_decision_done()
        return True

    @api.multi
    def action_reopen(self):
        """Reported done too early: open again."""
        for decision in self:
            if decision.state != "done":
                raise UserError(_(
                    "The decision \"%s\" is not done.") % decision.name)
        self.write({"state": "open", "date_done": False})
        self._on_decision_reopened()
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

    def _on_decision_done(self):
        """Hook: the decisions were just reported done."""

    def _on_decision_reopened(self):
        """Hook: the decisions were just opened again."""
