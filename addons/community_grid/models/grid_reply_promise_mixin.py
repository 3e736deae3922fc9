# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.community_base.tools import batch, street_time

# The "123" reply promise (答复承诺): the resident gets a first answer within
# one working day when the matter is the street's own, two when it belongs
# to one functional department, three when several departments must act.
# It is a promise to answer, not to close (closing has its own deadline).
REPLY_DAYS_BY_LEVEL = {"street": 1, "department": 2, "multi": 3}
REPLY_LEVELS = [
    ("street", "Street handles itself"),
    ("department", "One functional department"),
    ("multi", "Several departments"),
]
ANSWER_CHANNELS = [
    ("message", "Reply message"),
    ("phone", "Phone answer"),
    ("feedback", "Handling feedback"),
    ("decision", "Acceptance decision"),
]


class GridReplyPromiseMixin(models.AbstractModel):
    """The "123" reply promise of a matter a resident brought: when the
    first answer is due, when it was given, and whether the promise was
    kept.

    A model names the Datetime field of the receipt
    (``_reply_received_field``) and the path of the responsibility level
    (``_reply_level_field``, a selection with the keys of
    ``REPLY_DAYS_BY_LEVEL``); the answer deadline is the n-th working day
    after the day of receipt on the street's case calendar (holidays and
    adjusted working weekends included, ``tools/working_days.py``), n = 1,
    2 or 3 by level. The first answer is recorded whichever comes first: a
    reply message posted to the followers from the chatter (not an internal
    note), a phone answer logged with its wizard, or a step of the model
    that answers the resident (the case's feedback, the request's
    acceptance decision). Later answers change nothing.

    List the mixin before ``mail.thread`` in ``_inherit``: its
    ``message_post`` watches the chatter's replies.
    """

    _name = "grid.reply.promise.mixin"
    _inherit = ["mail.thread"]
    _description = "Reply promise (答复承诺)"

    #: the Datetime field of the receipt the promise counts from
    _reply_received_field = "date_reported"
    #: the path of the responsibility level (street, department, multi)
    _reply_level_field = "category_id.level"

    reply_level = fields.Selection(
        selection=REPLY_LEVELS, string="Reply promise level",
        compute="_compute_reply_level", store=True,
        help="Who must act, which sets the reply promise: 1 working day for "
             "the street, 2 for one department, 3 for several.")
    date_answer_deadline = fields.Date(
        string="Answer due by", compute="_compute_date_answer_deadline",
        store=True, index=True,
        help="The \"123\" promise: the resident is answered by the 1st, 2nd "
             "or 3rd working day after the day of receipt.")
    date_first_answer = fields.Datetime(
        string="First answered on", readonly=True, copy=False, index=True,
        help="When the resident was first answered: a reply message, a "
             "phone answer or the handling feedback, whichever came first.")
    answer_channel = fields.Selection(
        selection=ANSWER_CHANNELS, string="First answer by", readonly=True,
        copy=False)
    reply_promise_kept = fields.Boolean(
        string="Reply promise kept", compute="_compute_reply_promise",
        store=True, index=True,
        help="Answered on or before the answer deadline.")
    is_answer_overdue = fields.Boolean(
        string="Answer overdue", compute="_compute_reply_promise",
        store=True, index=True,
        help="Not answered by the answer deadline, or answered late; "
             "refreshed every day.")

    # the relation, not its level: a level changed later does not rewrite
    # the promise of the records received before
    @api.depends(lambda self: (self._reply_level_field.split(".")[0],))
    def _compute_reply_level(self):
        for record in self:
            levels = record.mapped(record._reply_level_field)
            record.reply_level = levels[0] if levels else False

    @api.depends(lambda self: (self._reply_received_field, "reply_level",
                               "company_id"))
    def _compute_date_answer_deadline(self):
        Case = self.env["grid.case"]
        params = {}
        for record in self:
            received = record[record._reply_received_field]
            if not received or not record.reply_level:
                record.date_answer_deadline = False
                continue
            company = record.company_id or self.env.user.company_id
            calendar = Case._calendar_of(company)
            if calendar.id not in params:
                params[calendar.id] = calendar._working_days_params()
            record.date_answer_deadline = calendar.working_days_add(
                street_time.street_date(self.env, received, company),
                REPLY_DAYS_BY_LEVEL[record.reply_level], params[calendar.id])

    @api.depends("date_first_answer", "date_answer_deadline")
    def _compute_reply_promise(self):
        for record in self:
            deadline = record.date_answer_deadline
            company = record.company_id or None
            if record.date_first_answer:
                answered = street_time.street_date(
                    self.env, record.date_first_answer, company)
                record.reply_promise_kept = bool(deadline) and \
                    answered <= deadline
                record.is_answer_overdue = bool(deadline) and \
                    answered > deadline
            else:
                record.reply_promise_kept = False
                today = street_time.street_today(self.env, company)
                record.is_answer_overdue = bool(deadline) and today > deadline

    @api.multi
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        """A message sent from the chatter to the reporter and followers
        (a comment, not an internal note) by a staff member answers the
        resident."""
        message = super().message_post(*args, **kwargs)
        if (message.message_type == "comment"
                and message.subtype_id == self.env.ref("mail.mt_comment")
                and not self.env.user.share):
            self._record_first_answer("message")
        return message

    @api.multi
    def action_answer_by_phone(self):
        """Open the phone answer wizard (电话答复) of the record."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Answer by phone"),
            "res_model": "grid.reply.phone.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_res_model": self._name,
                        "default_res_id": self.id},
        }

    @api.multi
    def _record_first_answer(self, channel, when=None):
        """Record the first answer of the records not answered yet; a later
        answer changes nothing."""
        unanswered = self.filtered(lambda record: not record.date_first_answer)
        if not unanswered:
            return
        # sudo: the first answer time is the record's log of the promise,
        #   written whoever answered (a handler may not write the case)
        unanswered.sudo().write({
            "date_first_answer": when or fields.Datetime.now(),
            "answer_channel": channel})

    @api.model
    def _promise_models(self):
        """The names of the models that keep a reply promise."""
        return sorted(
            name for name, cls in self.env.registry.items()
            if not cls._abstract
            and "date_answer_deadline" in cls._fields
            and hasattr(cls, "_record_first_answer"))

    @api.model
    def _recompute_answer_deadlines(self, companies, since,
                                    auto_commit=False):
        """After a calendar change from day ``since`` on, in the streets
        ``companies``: each model keeping a reply promise recomputes what
        the change moves (``_calendar_changed``). Returns the records
        moved, per model."""
        # sudo: the scheduled action recomputes every street's deadlines
        return [self.env[name].sudo()._calendar_changed(
            companies, since, auto_commit)
            for name in self._promise_models()]

    @api.model
    def _calendar_changed(self, companies, since, auto_commit=False):
        """The answer deadlines due on ``since`` or later of the records of
        ``companies`` not answered yet (an answered record keeps the
        deadline it was answered against).

        With ``auto_commit`` (the scheduled action), the new values are
        computed here and written in short batches of their own, retried
        on a concurrent change, as the case deadlines are: one long write
        of every moved record met the users' writes on them ("could not
        serialize access due to concurrent update")."""
        records = self.search([
            ("company_id", "in", list(companies)),
            ("date_first_answer", "=", False),
            ("date_answer_deadline", ">=", since)])
        names = ["date_answer_deadline", "reply_promise_kept",
                 "is_answer_overdue"]
        if not auto_commit:
            self._recompute_stored(records, names)
            return records
        for start in range(0, len(records), batch.BATCH_SIZE):
            chunk = records[start:start + batch.BATCH_SIZE]
            chunk.invalidate_cache(names, chunk.ids)
            for name in names:
                # in cache only: the batch below writes them
                self._fields[name].compute_value(chunk)
            rows = [(record.date_answer_deadline or None,
                     record.reply_promise_kept, record.is_answer_overdue,
                     record.id) for record in chunk]

            def write(cr, rows=rows):
                # the values are computed: a row a clerk writes meanwhile is
                # waited for and written after, not a serialization failure
                # sql: sets this batch's isolation; reads and writes nothing
                cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
                # sql: the recomputed answer deadlines, in short statements
                execute_values(cr, """
                    UPDATE %s t
                    SET date_answer_deadline = v.deadline::date,
                        reply_promise_kept = v.kept,
                        is_answer_overdue = v.overdue
                    FROM (VALUES %%s) AS v(deadline, kept, overdue, id)
                    WHERE t.id = v.id AND t.date_first_answer IS NULL
                """ % self._table, rows, page_size=1000)
                return []

            batch.run_batch(self.env, auto_commit, write)
        records.invalidate_cache(names, records.ids)
        return records

    @api.model
    def _recompute_stored(self, records, names):
        """Recompute the stored computed fields ``names`` of ``records``."""
        if not records:
            return
        # the cached values would be taken for the recomputed ones
        records.invalidate_cache(names, records.ids)
        for field_name in names:
            self.env.add_todo(self._fields[field_name], records)
        self.recompute()

    @api.model
    def _cron_refresh_answer_overdue(self, today=None):
        """Flag the unanswered records whose answer deadline passed (the
        flag of an answered record is fixed by its answer). Each street's
        records are compared with the street's day; ``today`` (tests)
        overrides it. Returns the records flagged."""
        # sudo: the scheduled action flags every street's records
        Model = self.sudo()
        flagged = Model.browse()
        # sudo: the ids of every street, whose day the scheduled action uses
        for company in self.env["res.company"].sudo().search([]):
            day = today or street_time.street_today(self.env, company)
            records = Model.search([
                ("company_id", "=", company.id),
                ("date_first_answer", "=", False),
                ("is_answer_overdue", "=", False),
                ("date_answer_deadline", "<", day)])
            records.write({"is_answer_overdue": True})
            flagged |= records
        return flagged

    @api.multi
    def _check_may_answer(self):
        """The user answers only a record they may read."""
        if not self:
            raise UserError(_("The record to answer no longer exists."))
        self.check_access_rights("read")
        self.check_access_rule("read")
