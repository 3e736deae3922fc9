"""Two sessions at once on the same record: one wins, the other gets a clear
message or is run again, and nothing is lost or doubled (issue 9, item 5).

Each scenario uses two real database connections: the first call runs in a
transaction of its own (``held_open``) that stays open until the second
call, an RPC (``odoo.service.model.execute_kw``, the path of XML-RPC and of
the web client's buttons, with Odoo's retry on serialization failures) in
another thread, is seen waiting on a PostgreSQL lock; only then does the
first commit. So the two really overlap, every run. A Barrier scenario
also starts both calls at the same moment through RPC.

What the product promises, and the guard that keeps it:

- two steps of one case at once: the case row is locked by the step check
  (``grid.case._check_step``), the second call is run again on a fresh
  snapshot and refused with the case's name and its current step;
- two runs of the same fund allocation: the street row is rewritten first
  (``finance.allocation.wizard._lock_street``), the second run is run again
  and updates the first run's allocations (unique per year, standard and
  community): the result of one run;
- two clerks writing different fields of one resident: the second write is
  run again; both fields are kept (no lost update). The same field written
  twice keeps the last write, as everywhere in Odoo;
- the same ledger file imported twice at once: the community row is
  rewritten first (``community.ledger.import._lock_community``); the second
  import is run again, finds the first one's ID numbers and reports them
  row by row; no household or resident is added twice.

The data is committed (the calls run in their own transactions): each run
builds a street of its own, named with a random tag.
"""
import base64
import contextlib
import datetime
import functools
import random
import threading
import time
import uuid

import pytest
from server_process import at_once as run_at_once

import odoo
from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.service import model as service_model

from odoo.addons.community_base.tests import ledger_samples

CONTEXT = {"lang": "en_US", "tracking_disable": False}
TIMEOUT = 60


@pytest.fixture(scope="module")
def db(request):
    return request.config.getoption("--odoo-database")


@contextlib.contextmanager
def committed_env(db, uid=SUPERUSER_ID):
    """An environment on a cursor of its own, committed at the end."""
    with api.Environment.manage(), odoo.registry(db).cursor() as cr:
        yield api.Environment(cr, uid, dict(CONTEXT))


def rpc(db, uid, model, method, *args, **kwargs):
    """Call ``method`` as ``uid`` like XML-RPC does: own cursor, commit,
    retried by Odoo on a serialization failure."""
    kwargs["context"] = dict(CONTEXT)
    with api.Environment.manage():
        return service_model.execute_kw(db, uid, model, method, list(args),
                                        kwargs)


def lock_waiters(db):
    with odoo.sql_db.db_connect(db).cursor() as cr:
        cr.execute("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = %s AND wait_event_type = 'Lock'
        """, (db,))
        return cr.fetchone()[0]


def overlapped(db, uid_first, first, uid_second, model, method, *args,
               **kwargs):
    """Run ``first(env)`` as ``uid_first`` in a transaction held open until
    the RPC ``model.method(*args, **kwargs)`` of ``uid_second``, started in
    another thread, waits on a lock; then commit the first. Return the
    first's result and the second's outcome ({"result": ...} or
    {"error": exception})."""
    outcome = {}

    def second():
        try:
            outcome["result"] = rpc(db, uid_second, model, method, *args,
                                    **kwargs)
        except Exception as error:  # the outcome is what the test checks
            outcome["error"] = error

    thread = threading.Thread(target=second)
    with committed_env(db, uid_first) as env:
        result = first(env)
        thread.start()
        deadline = time.time() + TIMEOUT
        while not lock_waiters(db):
            if not thread.is_alive() or time.time() > deadline:
                pytest.fail("the second call never waited for the first: %r"
                            % outcome)
            time.sleep(0.05)
    thread.join(TIMEOUT)
    assert not thread.is_alive(), "the second call did not finish"
    return result, outcome


def at_once(db, calls):
    """Start the RPC ``calls`` [(uid, model, method, args, kwargs)] at the
    same moment in threads; return their outcomes in order."""
    return run_at_once([
        functools.partial(rpc, db, uid, model, method, *args, **kwargs)
        for uid, model, method, args, kwargs in calls], TIMEOUT)


@pytest.fixture(scope="module")
def street(db):
    """A street with one community, households, a resident, a case
    category, two street clerks, two finance officers and a handler;
    committed."""
    tag = uuid.uuid4().hex[:6]
    # a birth date of this run for the ID numbers it registers
    birth = (datetime.date(1930, 1, 1) + datetime.timedelta(
        days=random.Random(tag).randrange(25000))).strftime("%Y%m%d")
    with committed_env(db) as env:
        main = env.ref("base.main_company")
        street = env["res.company"].create({
            "name": "并发街道%s" % tag, "parent_id": main.id,
            "is_street_office": True})
        community = env["community.community"].create({
            "name": "并发社区%s" % tag, "code": "K%s" % tag,
            "company_id": street.id})
        compound = env["community.compound"].create({
            "name": "并发小区%s" % tag, "community_id": community.id})
        building = env["community.building"].create({
            "name": "1", "compound_id": compound.id})
        households = env["community.household"]
        for room in ("101", "102", "103"):
            households |= households.create({
                "building_id": building.id, "unit": "1", "room": room})
        resident = env["community.resident"].create({
            "name": "并发居民%s" % tag, "household_id": households[0].id,
            "id_number": ledger_samples.make_id_number(999, birth=birth),
            "phone": "13800000000", "registered_address": "旧地址"})
        category = env["grid.case.category"].create({
            "name": "并发类别%s" % tag, "code": "K-%s" % tag,
            "level": "street"})

        def user(login, *groups):
            login = "conc_%s_%s" % (tag, login)
            return env["res.users"].with_context(
                no_reset_password=True).create({
                    "name": login, "login": login,
                    "email": "%s@example.com" % login,
                    "company_ids": [(6, 0, street.ids)],
                    "company_id": street.id,
                    "groups_id": [(6, 0, [env.ref(group).id
                                          for group in groups])],
                }).id

        users = {
            "clerk_1": user("clerk_1", "community_base.group_street_clerk"),
            "clerk_2": user("clerk_2", "community_base.group_street_clerk"),
            "finance_1": user(
                "finance_1", "community_finance.group_finance_officer"),
            "finance_2": user(
                "finance_2", "community_finance.group_finance_officer"),
            "handler": user("handler", "community_grid.group_case_handler"),
        }
        street._finance_setup()
        return dict(
            users, tag=tag, birth=birth, street=street.id, community=community.id,
            households=households.ids, resident=resident.id,
            category=category.id)


def new_case(db, street, state="report"):
    """A case of ``street``'s first household, taken to ``state``."""
    with committed_env(db) as env:
        case = env["grid.case"].create({
            "category_id": street["category"],
            "description": "<p>Rubbish at the gate</p>",
            "household_id": street["households"][0],
            "channel": "visit",
            "handler_user_id": street["handler"],
        })
        if state in ("dispatch", "handle"):
            case.action_dispatch()
        if state == "handle":
            case.handle_note = "Cleared"
            case.action_handle()
        return case.id, case.name


def state_trackings(db, case_id):
    """The chatter's tracked changes of the case's step, oldest first."""
    with committed_env(db) as env:
        env.cr.execute("""
            SELECT v.new_value_char FROM mail_tracking_value v
            JOIN mail_message m ON m.id = v.mail_message_id
            WHERE m.model = 'grid.case' AND m.res_id = %s
              AND v.field = 'state'
            ORDER BY v.id
        """, (case_id,))
        return [value for value, in env.cr.fetchall()]


def case_values(db, case_id):
    with committed_env(db) as env:
        case = env["grid.case"].browse(case_id)
        return case.read(["state", "date_dispatched", "date_handled",
                          "date_verified", "status_notes"])[0]


def test_two_clerks_dispatch_one_case(db, street):
    case_id, name = new_case(db, street)

    def dispatch(env):
        return env["grid.case"].browse(case_id).action_dispatch()

    first, second = overlapped(
        db, street["clerk_1"], dispatch, street["clerk_2"], "grid.case",
        "action_dispatch", [case_id])
    assert first is True
    error = second.get("error")
    assert isinstance(error, UserError), second
    assert name in error.name
    assert "cannot be dispatched" in error.name
    assert '"Dispatched"' in error.name
    values = case_values(db, case_id)
    assert values["state"] == "dispatch"
    # the chatter: the report, then one dispatch
    assert state_trackings(db, case_id) == ["Reported", "Dispatched"]


def test_verify_and_send_back_of_one_case(db, street):
    case_id, name = new_case(db, street, state="handle")
    handled_on = case_values(db, case_id)["date_handled"]

    def verify(env):
        return env["grid.case"].browse(case_id).action_verify()

    first, second = overlapped(
        db, street["clerk_1"], verify, street["clerk_2"], "grid.case",
        "action_send_back", [case_id], reason="Not cleared")
    assert first is True
    error = second.get("error")
    assert isinstance(error, UserError), second
    assert name in error.name and '"Verified"' in error.name
    values = case_values(db, case_id)
    # the send-back did not land: still verified, the feedback kept
    assert values["state"] == "verify"
    assert values["date_handled"] == handled_on
    assert values["status_notes"] != "Not cleared"
    assert state_trackings(db, case_id) == [
        "Reported", "Dispatched", "Handled", "Verified"]


def test_dispatch_pressed_at_the_same_moment(db, street):
    case_id, name = new_case(db, street)
    outcomes = at_once(db, [
        (street["clerk_1"], "grid.case", "action_dispatch", [[case_id]], {}),
        (street["clerk_2"], "grid.case", "action_dispatch", [[case_id]], {}),
    ])
    results = [outcome for outcome in outcomes if "result" in outcome]
    errors = [outcome["error"] for outcome in outcomes if "error" in outcome]
    assert len(results) == 1, outcomes
    assert len(errors) == 1 and isinstance(errors[0], UserError), outcomes
    assert name in errors[0].name
    # the chatter: the report, then one dispatch
    assert state_trackings(db, case_id) == ["Reported", "Dispatched"]


def allocation_state(db, street):
    with committed_env(db) as env:
        standard = env["finance.fund.standard"].search([
            ("company_id", "=", street["street"]), ("code", "=", "CWF")])
        year = fields.Date.from_string(fields.Date.today()).year
        allocations = env["finance.allocation"].search([
            ("company_id", "=", street["street"]), ("year", "=", year)])
        budgets = env["crossovered.budget"].search([
            ("company_id", "=", street["street"]), ("year", "=", year)])
        lines = env["crossovered.budget.lines"].search([
            ("crossovered_budget_id", "in", budgets.ids)])
        return {
            "standard": standard,
            "allocations": [(a.standard_id.id, a.community_id.id,
                             a.household_count, a.amount)
                            for a in allocations],
            "budgets": len(budgets),
            "lines": [(line.community_id.id, line.planned_amount)
                      for line in lines],
        }


def test_one_allocation_run_twice_at_once(db, street):
    today = fields.Date.today()
    with committed_env(db) as env:
        standard = env["finance.fund.standard"].search([
            ("company_id", "=", street["street"]), ("code", "=", "CWF")])
        assert len(standard) == 1
        standard_id = standard.id
        rate = standard.rate
    wizards = [
        rpc(db, street[user], "finance.allocation.wizard", "create", {
            "company_id": street["street"], "count_date": today,
            "year": int(today[:4]), "standard_ids": [(6, 0, [standard_id])]})
        for user in ("finance_1", "finance_2")]

    def allocate(env):
        return env["finance.allocation.wizard"].browse(
            wizards[0]).action_create_budget_lines()

    first, second = overlapped(
        db, street["finance_1"], allocate, street["finance_2"],
        "finance.allocation.wizard", "action_create_budget_lines",
        [wizards[1]])
    assert first["res_model"] == "crossovered.budget"
    # the second run waited, was run again and updated the first's lines
    assert "error" not in second, second
    assert second["result"]["res_id"] == first["res_id"]
    state = allocation_state(db, street)
    households = len(street["households"])
    assert state["allocations"] == [
        (standard_id, street["community"], households, households * rate)]
    assert state["budgets"] == 1
    assert state["lines"] == [(street["community"], households * rate)]


def test_two_clerks_write_one_resident(db, street):
    resident = street["resident"]

    def write_phone(env):
        return env["community.resident"].browse(resident).write(
            {"phone": "13911112222"})

    first, second = overlapped(
        db, street["clerk_1"], write_phone, street["clerk_2"],
        "community.resident", "write", [resident],
        {"registered_address": "新地址"})
    assert first is True and second.get("result") is True, second
    with committed_env(db) as env:
        values = env["community.resident"].browse(resident).read(
            ["phone", "registered_address"])[0]
    # no lost update: the second write was run again after the first
    assert values["phone"] == "13911112222"
    assert values["registered_address"] == "新地址"


def test_same_ledger_imported_twice_at_once(db, street, tmp_path):
    rows = ledger_samples.good_rows(residents=6, prefix=street["tag"])
    for index, row in enumerate(rows["居民"]):
        # ID numbers of this run only (the addons' tests use good_rows' own)
        row[1] = ledger_samples.make_id_number(index + 1, birth=street["birth"])
    path = tmp_path / "ledger.xlsx"
    ledger_samples.write_workbook(str(path), rows)
    data = base64.b64encode(path.read_bytes()).decode()
    imports = [
        rpc(db, street[user], "community.ledger.import", "create", {
            "community_id": street["community"], "file": data,
            "filename": "ledger.xlsx"})
        for user in ("clerk_1", "clerk_2")]

    def run_import(env):
        return env["community.ledger.import"].browse(imports[0]).action_import()

    first, second = overlapped(
        db, street["clerk_1"], run_import, street["clerk_2"],
        "community.ledger.import", "action_import", [imports[1]])
    assert first is True and "error" not in second, second
    with committed_env(db) as env:
        done, refused = env["community.ledger.import"].browse(imports)
        assert done.state == "done"
        assert done.resident_created == 6 and done.household_created == 3
        # the second saw the first's residents and names each row
        assert refused.state == "error"
        rows_named = {(error.sheet, error.row) for error in refused.error_ids}
        assert {("居民", row) for row in range(2, 8)} <= rows_named
        counts = {}
        for model in ("community.household", "community.resident"):
            counts[model] = env[model].search_count([
                ("community_id", "=", street["community"])])
    assert counts == {"community.household": 3 + 3,
                      "community.resident": 1 + 6}
