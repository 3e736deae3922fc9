"""Every public method of the addons, called as every role out of its reach.

Odoo lets any logged-in user call any method whose name does not start with
an underscore over JSON-RPC or XML-RPC (``call_kw``), on any record id,
whatever the views show. So every such method of our models must either be
a button the caller's rights already cover (it reads and writes as the
caller, so the record rules refuse what is out of reach) or check access
itself before it reads with ``sudo()`` or writes anything.

The sweep enumerates, from the registry, the public methods defined in the
classes of the ``community_*`` addons (in every model's MRO, so a method of
a mixin is checked on every model that inherits it), leaves out the ORM API
the access matrix covers (``ORM_API``), and calls each one as every role of
docs/access.md on the records of ``access_fixtures.MatrixFixtures``:

- on the record in community B1 (street B), out of every role's street,
  unless the role's scope in docs/access.md covers every street and lets
  it write (then B1 is in its reach and only the group check below
  applies);
- on the record in community A1 (in the role's reach) when the method is a
  button whose ``groups`` the role lacks, or the role may not write the
  model and the method is no button of its groups;
- for a wizard, also on one the role opens itself with the values of B1
  (its own record, pointing at a case or a street out of its reach).

Each call runs in a savepoint that is rolled back, with a cursor that
records every INSERT, UPDATE and DELETE. It must be refused (AccessError,
or the model's own UserError/ValidationError) with nothing written before
the refusal. A refusal in words that the superuser gets too on the same
record is a refusal by the record's state, not by the caller's rights:
counted as ``refused_by_state``, not as a defect (the sweep cannot tell
whether the method would have checked the caller in another state);
``PREPARE`` puts a record in the state a method acts in first, and the
methods still refused to the superuser are printed as not exercised.
Methods that only open a view or read as the caller are listed in
``READ_ONLY`` (reviewed like code): they may return, but must write nothing.
Methods the sweep cannot call are listed in ``SKIP`` with the reason; a
public method in neither the callable set nor ``SKIP`` fails the test, so
a new public method is reviewed when it appears.
"""
import inspect
import json
import re
from contextlib import contextmanager
from unittest.mock import patch

from access_fixtures import PLACES, MatrixFixtures
from access_matrix import ROLES, ROOT, parse
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError

OUR_MODULES = "odoo.addons.community_"

# the ORM API: create, read, write, unlink, search and their hooks, which
# the access matrix checks cell by cell with real users
ORM_API = {
    "create", "write", "unlink", "read", "search", "search_read",
    "search_count", "name_get", "name_search", "name_create", "read_group",
    "default_get", "copy", "onchange", "fields_get", "fields_view_get",
    "load_views", "check_access_rule", "check_access_rights", "check",
    "exists", "export_data", "load", "browse", "init",
}

# methods that open a view or compute from what the caller may read, as the
# caller, and write nothing: they may return, but must not write
READ_ONLY = {
    # window and URL actions: the view then searches and reads as the user
    ("community.community", "action_open_buildings"): "window action",
    ("community.community", "action_open_compounds"): "window action",
    ("community.community", "action_open_grids"): "window action",
    ("community.community", "action_open_households"): "window action",
    ("community.community", "action_open_residents"): "window action",
    ("community.kpi", "action_open_records"): "window action",
    ("community.kpi", "action_open_trend"): "window action",
    ("community.ledger.import", "action_download_template"):
        "URL action; /web/content checks the read access",
    ("community.resident", "action_death"): "opens the move form",
    ("community.resident", "action_move_in"): "opens the move form",
    ("community.resident", "action_move_out"): "opens the move form",
    ("community.resident", "action_transfer"): "opens the move form",
    ("grid.case", "action_request_extension"):
        "opens the request form; the request's create is checked",
    ("grid.case", "action_request_return"):
        "opens the request form; the request's create is checked",
    ("eval.campaign", "action_view_results"): "window action",
    ("eval.campaign", "action_view_sheets"): "window action",
    ("finance.budget.execution.report", "action_open_budget_line"):
        "window action",
    ("crossovered.budget.lines", "action_open_actual_items"): "window action",
    ("crossovered.budget.lines", "action_open_commitments"): "window action",
    ("crossovered.budget.lines", "action_open_journal_items"):
        "window action",
    ("finance.fund", "action_record_receipt"):
        "opens a draft entry form; posting it is the account rules' job",
    ("finance.fund", "action_view_move_lines"): "window action",
    ("grid.case.statistics.wizard", "action_export"):
        "report action; the report reads the wizard as the user",
    ("grid.grid", "action_open_households"): "window action",
    ("grid.grid", "action_open_visits"): "window action",
    ("grid.visit", "action_open_cases"): "window action",
    ("community.selfgov.decision", "action_create_service_project"):
        "opens a new project's form filled from the decision, after "
        "checking the caller may change the decision and propose "
        "projects; the project's create is checked",
    # computations over what the caller may read
    ("eval.campaign", "targets"): "searches the targets as the caller",
    ("eval.result", "target"): "reads the record's target as the caller",
    ("eval.sheet", "target"): "reads the record's target as the caller",
    ("eval.title.award", "target"): "reads the record's target as the caller",
    ("eval.scheme", "answer_points"): "the scheme's points, read as the caller",
    ("grid.case.statistics", "compute"):
        "one query with the caller's record rules (_apply_ir_rules)",
    ("grid.case.statistics.wizard", "groupings"): "the wizard's own field",
    ("resource.calendar", "working_days_add"): "date arithmetic",
    ("resource.calendar", "working_days_between"): "date arithmetic",
    ("res.users", "password_match_message"):
        "the policy of the user's street, which every user may read",
    ("*", "get_workbook_options"): "constant xlsxwriter options",
    # the service hall and the reply promise (issue 21)
    ("*", "action_answer_by_phone"): "opens the phone answer wizard",
    ("service.request", "action_print_receipt"):
        "report action; the report checks the groups and the read access",
    ("*", "validate_tier"):
        "validates only the reviews naming the caller (base_tier_validation); "
        "without one it writes nothing",
}

# methods the sweep does not call, each with the reason (reviewed like code)
SKIP = {
    ("community.job.progress", "claim"):
        "takes a recordset, which RPC cannot pass (an id fails on "
        "record._name before any SQL); takes a transaction lock only",
    ("community.job.progress", "is_running"):
        "takes a recordset, which RPC cannot pass; reads a lock only",
    ("community.job.progress", "of"):
        "takes a recordset, which RPC cannot pass (ids fail on .id)",
    ("community.job.progress", "report"):
        "takes a recordset, which RPC cannot pass: record._name fails "
        "inside its try before the INSERT",
    ("grid.case", "message_post"):
        "mail.thread API (the override only sets the sender): the message's "
        "create checks the post access (_mail_post_access) after its INSERT, "
        "as every ORM create checks its rules, in the transaction the "
        "refusal rolls back",
    ("grid.case", "message_post_with_template"):
        "mail.thread API (the override only sets the sender), as "
        "message_post",
    ("service.request", "message_post"):
        "mail.thread API, as grid.case's: the reply promise's override "
        "records the first answer after the message's create, which checks "
        "the post access",
    ("auditlog.rule", "get_auditlog_fields"):
        "OCA auditlog API: takes a model's recordset, which RPC cannot pass "
        "(a name or an id fails on model._name before any read); returns "
        "field names of the model's definition, writes nothing",
    ("ir.actions.report", "render_qweb_pdf"):
        "core report API: the override checks the caller's groups and "
        "read access before rendering (_check_report_access)",
    ("ir.actions.report", "render_qweb_html"):
        "core report API, as render_qweb_pdf",
    ("account.invoice", "action_invoice_open"):
        "core workflow extended: the override only refuses (milestone "
        "check) before super(), which validates as the caller under the "
        "account rules, and consumes the commitment after it",
}

# arguments of the methods that need some: (model or "*", method) ->
# function(test, place) -> (args, kwargs)
ARGS = {
    ("community.resident", "record_move"): lambda test, place: (
        ("death",), {"date": "2026-02-01"}),
    ("finance.commitment", "consume"): lambda test, place: ((1.0,), {}),
    ("finance.commitment", "commit_budget"): lambda test, place: (
        (test.fixtures["crossovered.budget.lines"][place], 1.0), {}),
    ("grid.case.statistics", "compute"): lambda test, place: (
        ("2026-01-01", "2026-12-31", "category"),
        {"company_ids": test.places[place]["street"].ids}),
    ("grid.case.statistics.wizard", "statistics"): lambda test, place: (
        ("category",), {}),
    ("resource.calendar", "working_days_add"): lambda test, place: (
        ("2026-01-05", 3), {}),
    ("resource.calendar", "working_days_between"): lambda test, place: (
        ("2026-01-05", "2026-01-09"), {}),
    # the public entry of the xlsx reports: create_xlsx_report (report_xlsx)
    # builds the workbook and calls generate_xlsx_report with the records
    ("*", "generate_xlsx_report"): "create_xlsx_report",
}

# the state a method acts in, written as superuser before the call (in the
# same rolled back savepoint) where the fixtures' state would refuse the
# call before any check of the caller: (model, method) -> the values of the
# record, or function(test, record, place), or the name of a method of the
# test (record, place), that prepares it
PREPARE = {
    ("grid.case", "action_handle"): {"state": "dispatch",
                                     "handle_note": "Public methods"},
    ("grid.case", "action_verify"): {"state": "handle"},
    ("grid.case", "action_send_back"): {"state": "handle"},
    ("grid.case", "action_close"): {"state": "verify"},
    ("grid.case", "action_evaluate"): {"state": "close",
                                       "satisfaction": "satisfied"},
    ("grid.case", "action_reopen"): {"state": "close"},
    ("grid.case", "action_request_extension"): {"state": "dispatch"},
    ("grid.case", "action_request_return"): {"state": "dispatch"},
    ("grid.case.send.back.wizard", "action_confirm"):
        lambda test, record, place: record.case_id.write({"state": "handle"}),
    ("grid.visit", "action_raise_case"): {"findings": "Public methods"},
    ("finance.tax.task", "action_done"): {"amount_collected": 1.0},
    ("finance.service.project", "action_approve"): {"state": "submitted"},
    ("finance.service.project", "action_done"): {"state": "approved"},
    ("finance.service.project", "action_draft"): {"state": "submitted"},
    ("finance.service.milestone", "action_accept"):
        lambda test, record, place: record.project_id.write(
            {"state": "approved"}),
    ("finance.service.milestone", "action_create_bill"):
        lambda test, record, place: (
            record.project_id.write({"state": "approved"}),
            record.write({"state": "accepted"})),
    ("finance.budget.adjustment", "action_submit"):
        lambda test, record, place: record.budget_id.write(
            {"state": "validate"}),
    ("finance.commitment", "commit_budget"):
        lambda test, record, place: test.fixtures["crossovered.budget.lines"][
            place].crossovered_budget_id.write({"state": "validate"}),
    ("finance.fund", "action_prepare_transfer"): "_fund_from_request",
    ("finance.fund", "action_post_transfer"):
        lambda test, record, place: record.write(
            {"transfer_move_id": test.extra_records["account.move"][place].id}),
    ("eval.sheet", "action_submit"):
        lambda test, record, place: record.line_ids.write(
            {"answer": "satisfied"}),
    ("community.admission.request", "action_approve"): {"state": "submitted"},
    ("community.admission.request", "action_reject"): {
        "state": "submitted", "reject_reason": "Public methods"},
    ("community.admission.request", "action_draft"): {"state": "rejected"},
    ("community.admission.request", "action_close"): {"state": "approved"},
    ("crossovered.budget", "action_budget_validate"): {"state": "confirm"},
    ("crossovered.budget", "action_budget_draft"): {"state": "cancel"},
    ("crossovered.budget", "action_budget_done"): {"state": "validate"},
    ("finance.budget.adjustment", "action_approve"): {"state": "submitted"},
    ("finance.budget.adjustment", "action_reject"): {"state": "submitted"},
    ("finance.budget.adjustment", "action_draft"): {"state": "rejected"},
    ("eval.campaign", "action_compute"): {"state": "open"},
    ("eval.campaign", "action_close"): {"state": "open"},
    ("eval.campaign", "action_reopen"): {"state": "closed"},
    ("party.inservice.registration", "action_reopen"):
        lambda test, record, place: record.write(
            {"state": "ended", "date_ended": record.date_registered}),
    ("party.meeting", "action_plan"): {"state": "cancelled"},
    ("party.meeting.decision", "action_reopen"): {"state": "done"},
    ("party.meeting.decision", "action_create_case"):
        lambda test, record, place: record.meeting_id.write(
            {"state": "held"}),
    ("party.meeting.decision", "action_create_admission_request"):
        lambda test, record, place: (
            record.meeting_id.write({"state": "held"}),
            record.write({"department_id": test.env["hr.department"].create(
                {"name": "Public methods %s" % place}).id})),
    ("community.selfgov.meeting", "action_plan"): {"state": "cancelled"},
    ("community.selfgov.decision", "action_reopen"): {"state": "done"},
    ("community.selfgov.decision", "action_create_case"):
        lambda test, record, place: record.meeting_id.write(
            {"state": "held"}),
    ("community.selfgov.decision", "action_create_service_project"):
        lambda test, record, place: record.meeting_id.write(
            {"state": "held"}),
    ("community.selfgov.proposal", "action_take_up"):
        lambda test, record, place: record.write({
            "meeting_id": test.fixtures["community.selfgov.meeting"][
                place].id}),
    ("community.selfgov.proposal", "action_vote"):
        lambda test, record, place: (
            test.fixtures["community.selfgov.meeting"][place].write(
                {"state": "held"}),
            record.write({
                "state": "taken_up", "votes_for": 1,
                "meeting_id": test.fixtures["community.selfgov.meeting"][
                    place].id})),
    ("community.selfgov.proposal", "action_decide"):
        lambda test, record, place: record.write({
            "state": "adopted", "decision_owner_id": test.env.uid,
            "decision_deadline": "2026-06-30",
            "meeting_id": test.fixtures["community.selfgov.meeting"][
                place].id}),
    ("community.selfgov.proposal", "action_reset"): {"state": "taken_up"},
    ("party.pairing", "action_draft"): {"state": "active"},
    ("party.pairing", "action_end"): {"state": "active"},
    ("party.pairing.commitment", "action_reset"): {"state": "done"},
    ("community.task.inbound", "action_accept_protest"): {
        "protest_note": "Public methods"},
    ("community.task.inbound", "action_refuse"): {
        "refuse_reason": "Public methods"},
    ("community.task.inbound", "action_print_refusal"): {
        "state": "refused", "refuse_reason": "Public methods"},
    ("community.committee.election", "action_approve"):
        lambda test, record, place: test.env[
            "community.committee.candidate"].create({
                "election_id": record.id, "post": "director", "votes": 60,
                "elected": True,
                "worker_id": test.fixtures["community.worker"][place].id}),
    ("service.request", "action_accept"):
        lambda test, record, place: record.document_line_ids.write(
            {"received": True}),
    ("service.request", "action_start"): {"state": "accepted"},
    ("service.request", "action_forward"):
        lambda test, record, place: record.write({
            "state": "accepted", "department_id": test._department(
                test.places[place]).id}),
    ("service.request", "action_done"): {"state": "accepted"},
    ("service.request", "action_collect"): {"state": "done"},
    ("service.request.reject.wizard", "action_confirm"):
        lambda test, record, place: record.request_id.write(
            {"state": "received"}),
    ("service.duty", "action_hand_over"):
        lambda test, record, place: test.env["service.duty"].create({
            "community_id": record.community_id.id, "user_id": test.env.uid,
            "date": "2099-12-31"}),
    ("grid.case.request", "action_approve"): {"state": "pending"},
    ("grid.case.request", "action_reject"): {
        "state": "pending", "reject_reason": "Public methods"},
}

# a wizard the role opens itself, filled with the values of B1 (a case, a
# street out of its reach): its own record, pointing out of its reach
OWN_B1 = "own wizard on b1"

REFUSALS = (AccessError, UserError, ValidationError)
WRITES = re.compile(r"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)",
                    re.IGNORECASE)
# tables whose rows are not data: the web client's notifications
NOT_DATA = {"bus_bus"}


class TestPublicMethods(MatrixFixtures):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matrix = parse()
        cls.methods = public_methods(cls.env)
        cls._baselines = {}
        cls._buttons = {}
        cls.extra_records = cls._extra_records()

    @classmethod
    def _extra_records(cls):
        """Records in each place of the models that have public methods but
        no fixtures of the access matrix: {model: {place: record}}."""
        result = {"res.users": {place: cls.places[place]["officer"]
                                for place in PLACES}}
        moves = {}
        for place in PLACES:
            street = cls.places[place]["street"]
            label = "Public methods %s" % place
            moves[place] = cls.env["account.move"].create({
                "journal_id": street.finance_journal_id.id,
                "date": "2026-03-02", "ref": label,
                "line_ids": [
                    (0, 0, {"name": label, "debit": 1.0,
                            "account_id": street.finance_expense_account_id.id}),
                    (0, 0, {"name": label, "credit": 1.0,
                            "account_id": street.finance_funds_account_id.id}),
                ]})
        result["account.move"] = moves
        # a scheduled job's action: only administrators may run it at will
        cron = cls.env.ref("community_base.community_post_cron_archive_ended")
        result["ir.actions.server"] = dict.fromkeys(
            PLACES, cron.ir_actions_server_id)
        if "res.authentication.attempt" in cls.env:
            result["res.authentication.attempt"] = {
                place: cls.env["res.authentication.attempt"].create({
                    "login": cls.places[place]["officer"].login,
                    "remote": "192.0.2.%d" % (1 + PLACES.index(place)),
                    "result": "failed"})
                for place in PLACES}
        return result

    def test_every_public_method_is_swept_or_skipped(self):
        """A public method that is neither callable by the sweep nor listed
        in SKIP fails here: a new one is reviewed when it appears."""
        unknown = []
        for (model, name), function in sorted(self.methods.items()):
            if self._skip_reason(model, name):
                continue
            if self._args(model, name, function) is None:
                unknown.append("%s.%s%s" % (model, name, inspect.signature(
                    function)))
        self.assertFalse(unknown, "public methods needing arguments, neither in "
                         "ARGS nor in SKIP:\n%s" % "\n".join(unknown))
        stale = sorted(set(SKIP) | set(READ_ONLY) | set(ARGS) | set(PREPARE))
        stale = [key for key in stale if not any(
            self._matches(key, model, name) for model, name in self.methods)]
        self.assertFalse(stale, "entries of SKIP, READ_ONLY or ARGS for no "
                         "public method: %s" % stale)

    def test_sweep_catches_a_method_writing_as_superuser(self):
        """The sweep is not blind: a public method that writes as superuser
        without checking its caller is reported, and so is one that only
        reads."""
        Community = type(self.env["community.community"])

        def rename(self):
            self.sudo().write({"name": "Renamed"})

        def peek(self):
            return self.sudo().name

        user = self.role_users["community_clerk"]
        with patch.object(Community, "rename", rename, create=True), \
                patch.object(Community, "peek", peek, create=True):
            for name, expected in (("rename", "not refused, wrote"),
                                   ("peek", "not refused")):
                outcome, detail = self._call(
                    "community.community", name, getattr(Community, name),
                    lambda test, place: ((), {}), user, "b1")
                self.assertEqual(outcome, expected, detail)
                if name == "rename":
                    self.assertIn("UPDATE community_community", detail)
        self.assertNotEqual(self.fixtures["community.community"]["b1"].name,
                            "Renamed")

    def test_sweep(self):
        """Every callable public method as every role on what is out of its
        reach: refused, nothing written. All defects are reported together,
        each naming model, method, role, place and what happened."""
        counts = dict.fromkeys((
            "methods", "skipped", "roles", "calls", "refused",
            "refused_in_words", "refused_by_state", "read_only",
            "in_reach"), 0)
        counts["roles"] = len(ROLES)
        defects = []
        for (model, name), function in sorted(self.methods.items()):
            if self._skip_reason(model, name):
                counts["skipped"] += 1
                continue
            maker = self._args(model, name, function)
            if maker is None:
                continue  # reported by test_every_public_method_is_swept...
            counts["methods"] += 1
            groups = self._button_groups(model).get(name)
            for role in ROLES:
                user = self.role_users[role]
                places = self._places_out_of_reach(model, name, role, user,
                                                   groups)
                if not places:
                    counts["in_reach"] += 1
                for place in places:
                    counts["calls"] += 1
                    outcome, detail = self._call(model, name, function, maker,
                                                 user, place)
                    label = "%s.%s as %s on %s" % (model, name, role, place)
                    if outcome in counts:
                        counts[outcome] += 1
                    else:
                        defects.append("%s: %s: %s" % (label, outcome, detail))
        # methods the fixtures' state refuses even to the superuser: the
        # sweep shows that they refuse, not that they check the caller
        not_exercised = sorted(
            "%s.%s" % (model, name) for (model, name) in self.methods
            if any(key[:2] == (model, name) for key in self._baselines)
            and all(error is not None for key, error in self._baselines.items()
                    if key[:2] == (model, name)))
        counts["not_exercised"] = len(not_exercised)
        artifacts = ROOT / "artifacts"
        artifacts.mkdir(exist_ok=True)
        (artifacts / "public_methods_counts.json").write_text(json.dumps(
            dict(counts, not_exercised=not_exercised), indent=2, sort_keys=True))
        print("public methods: %s" % counts)
        print("refused to the superuser too, in the fixtures' state: %s" % (
            ", ".join(not_exercised)))
        if defects:
            self.fail("%d calls of public methods out of the caller's reach "
                      "were not refused cleanly (%s):\n%s" % (
                          len(defects), counts, "\n".join(defects)))

    # the sweep

    def _places_out_of_reach(self, model, name, role, user, groups):
        """The places whose record ``role`` must not act on with the method:
        B1 unless its scope covers every street and it may write there; A1
        too when it lacks the button's groups, or may not write the model
        and the method is no button of its groups.
        A report needs only the read right on the records it prints."""
        operation = "write"
        if self._lookup(ARGS, model, name) == "create_xlsx_report":
            model, operation = self._report_model(model), "read"
        allowed, everywhere = self._may(model, role, user, operation)
        places = []
        if not (allowed and everywhere):
            places.append("b1")
        # a button shown to the role's groups is meant for it: A1 is in its
        # reach; one shown to other groups only, or none, is not
        holds_group = groups is not None and any(
            user.has_group(group) for group in groups)
        if groups is not None and not holds_group or \
                not holds_group and not allowed:
            places.append("a1")
        if self.env[model]._transient and "b1" in places:
            places.append(OWN_B1)
        return places

    def _may(self, model, role, user, operation):
        """Whether ``role`` may ``operation`` the model's records in A1, and
        in every street: docs/access.md says so; for a model it does not
        list (account.move, res.users), the user's rights and rules."""
        row = self.matrix.get((model, role))
        if row is not None:
            return row[operation] is True, row["scope"] == "all"
        Model = self.env[model].sudo(user.id)
        if not Model.check_access_rights(operation, raise_exception=False):
            return False, False
        reach = {}
        for place in ("a1", "b1"):
            record = self._record(model, place).sudo(user.id)
            try:
                record.check_access_rule(operation)
                reach[place] = bool(record)
            except AccessError:
                reach[place] = False
        return reach["a1"], reach["b1"]

    def _report_model(self, model):
        """The model of the records the xlsx report ``model`` prints."""
        report = self.env["ir.actions.report"].search([
            ("report_name", "=", model[len("report."):])], limit=1)
        return report.model

    def _prepare(self, model, name, place, user=None):
        """Open the user's own wizard for OWN_B1, then put the record in
        the state the method acts in (PREPARE)."""
        if place == OWN_B1:
            self._own_wizard = self.env[model].sudo(user.id).create(
                self.create_vals(model, "b1"))
        values = self._lookup(PREPARE, model, name)
        record = self._record(model, place).sudo()
        if isinstance(values, str):
            getattr(self, values)(record, place)
        elif callable(values):
            values(self, record, place)
        elif values:
            record.write({key: value for key, value in values.items()
                          if key in record._fields})

    def _fund_from_request(self, fund, place):
        """A fund funded by the admission request of ``place``, in a street
        whose chart has an account for the transfers to communities."""
        request = self.fixtures["community.admission.request"][place]
        request.write({"funding_amount": 100.0})
        fund.write({"admission_request_id": request.id})
        street = self.places[place]["street"]
        self.env.ref(
            "community_finance.finance_expense_category_community_transfer"
        ).write({"account_ids": [(4, street.finance_expense_account_id.id)]})

    def _invoke(self, model, name, maker, place, user=None):
        """Call the method as ``user`` (the superuser when None) on the
        record of ``place`` with the arguments of ``maker``."""
        if maker == "create_xlsx_report":
            docs_model = self._report_model(model)
            docs = self._record(docs_model, place)
            Report = self.env[model]
            if user is not None:
                Report = Report.sudo(user.id)
            return Report.with_context(
                active_model=docs_model).create_xlsx_report(docs.ids, {})
        args, kwargs = maker(self, "b1" if place == OWN_B1 else place)
        record = self._record(model, place)
        if user is not None:
            record = record.sudo(user.id)
        return getattr(record, name)(*args, **kwargs)

    def _record(self, model, place):
        """The fixture of ``model`` in ``place``, or the empty recordset
        (models of @api.model methods, abstract models, models without
        fixtures); for OWN_B1, the wizard the user opened."""
        if place == OWN_B1:
            return self._own_wizard.with_env(self.env)
        records = self.fixtures.get(model) or self.extra_records.get(model) or {}
        return records.get(place) or self.env[model]

    def _call(self, model, name, function, maker, user, place):
        """Call the method as ``user`` on the record of ``place`` in a
        rolled back savepoint; return (outcome, detail)."""
        data_place = "b1" if place == OWN_B1 else place
        if not self._record(model, data_place) \
                and not self.env[model]._abstract \
                and getattr(function, "_api", None) != "model":
            return "no record", "give %s a record in %s (_extra_records)" % (
                model, place)
        baseline = self._baseline(model, name, maker, data_place)
        try:
            with self._rolled_back(
                    lambda: self._prepare(model, name, place, user)) as writes:
                return self._judge(model, name, maker, place, user, writes,
                                   baseline)
        except REFUSALS as error:  # refused to open the wizard already
            return "refused", "%s: %s" % (type(error).__name__, _words(error))

    def _judge(self, model, name, maker, place, user, writes, baseline):
        """Call the method and judge what happened (see ``_call``)."""
        try:
            self._invoke(model, name, maker, place, user)
        except REFUSALS as error:
            message = "%s: %s" % (type(error).__name__, _words(error))
            if writes:
                return "wrote before refusal", "%s; %s" % (
                    message, "; ".join(writes[:5]))
            if isinstance(error, AccessError) and \
                    not isinstance(baseline, AccessError):
                return "refused", message
            if baseline is not None and type(baseline) is type(error) \
                    and _words(baseline) == _words(error):
                return "refused_by_state", message
            return "refused_in_words", message
        except Exception as error:
            return "error", "%s: %s" % (type(error).__name__, _words(error))
        if writes:
            return "not refused, wrote", "; ".join(writes[:5])
        if self._lookup(READ_ONLY, model, name):
            return "read_only", ""
        return "not refused", "returned and wrote nothing, but is not " \
            "in READ_ONLY"

    def _baseline(self, model, name, maker, place):
        """What the superuser gets from the same call: an exception (the
        record's state refuses it) or None."""
        key = (model, name, place)
        if key not in self._baselines:
            self._baselines[key] = None
            with self._rolled_back(
                    lambda: self._prepare(model, name, place)):
                try:
                    self._invoke(model, name, maker, place)
                except Exception as error:
                    self._baselines[key] = error
        return self._baselines[key]

    @contextmanager
    def _rolled_back(self, prepare=None):
        """Run the block in a savepoint that is rolled back after it, after
        ``prepare``; yield the list of the INSERT, UPDATE and DELETE
        statements the block issues (a commit fails the call)."""
        cr = self.env.cr
        writes = []
        execute = cr.execute

        def recording_execute(query, params=None, log_exceptions=None):
            text = query if isinstance(query, str) else query.as_string(cr._cnx)
            match = WRITES.match(text)
            if match and match.group(2) not in NOT_DATA:
                writes.append("%s %s" % (match.group(1).split()[0].upper(),
                                         match.group(2)))
            return execute(query, params, log_exceptions)

        def commit():
            raise AssertionError("a public method committed")

        execute("SAVEPOINT public_methods")
        try:
            if prepare:
                prepare()
            cr.execute = recording_execute
            cr.commit = commit
            yield writes
        finally:
            vars(cr).pop("execute", None)
            vars(cr).pop("commit", None)
            cr.execute("ROLLBACK TO SAVEPOINT public_methods")
            cr.execute("RELEASE SAVEPOINT public_methods")
            self.env.clear()

    def _button_groups(self, model):
        """{method: groups} of the object buttons of ``model``'s views:
        the xml ids of the groups that see the button, None when a button
        calling it shows to everyone."""
        if model not in self._buttons:
            result = {}
            views = self.env["ir.ui.view"].search([("model", "=", model)])
            for view in views:
                for button in etree.fromstring(view.arch_db.encode()).iter("button"):
                    if button.get("type") != "object":
                        continue
                    name = button.get("name")
                    groups = button.get("groups")
                    if not groups:
                        result[name] = None
                    elif result.get(name, ()) is not None:
                        result[name] = set(result.get(name, ())) | {
                            group.strip() for group in groups.split(",")
                            if not group.strip().startswith("!")}
            self._buttons[model] = result
        return self._buttons[model]

    # helpers

    @staticmethod
    def _matches(key, model, name):
        return key[1] == name and key[0] in ("*", model)

    def _lookup(self, table, model, name):
        for key in ((model, name), ("*", name)):
            if key in table:
                return table[key]
        return None

    def _skip_reason(self, model, name):
        return self._lookup(SKIP, model, name)

    def _args(self, model, name, function):
        """(args, kwargs) maker for the method, or None when it needs
        arguments the sweep does not know."""
        maker = self._lookup(ARGS, model, name)
        if maker:
            return maker
        parameters = list(inspect.signature(function).parameters.values())[1:]
        if any(parameter.default is parameter.empty
               and parameter.kind not in (parameter.VAR_POSITIONAL,
                                          parameter.VAR_KEYWORD)
               for parameter in parameters):
            return None
        return lambda test, place: ((), {})


def _words(error):
    return " ".join(str(error.name if hasattr(error, "name") else error).split())[
        :300]


def public_methods(env):
    """{(model, name): function} of every public method that a class of our
    addons defines, for every model of the registry whose MRO has one."""
    result = {}
    for model in sorted(env.registry.models):
        Model = env[model]
        for klass in type(Model).__mro__:
            if not klass.__module__.startswith(OUR_MODULES) \
                    or ".tests." in klass.__module__:
                continue
            for name, value in vars(klass).items():
                if name.startswith("_") or name in ORM_API \
                        or not inspect.isfunction(value):
                    continue
                if Model._abstract and not model.startswith("report.") \
                        and getattr(value, "_api", None) != "model":
                    continue  # a mixin's: swept on the models inheriting it
                result.setdefault((model, name), value)
    return result
