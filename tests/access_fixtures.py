"""Fixtures of the access matrix test: a user per role and, for every model
of docs/access.md, a record in each of three places.

The places are ``a1`` (community A1 of street A: grid A1-G1 of the grid
officer, cases handled by the case handler, sheets of the evaluator),
``a2`` (community A2 of street A: another grid, handler and evaluator) and
``b1`` (community B1 of street B). ``create_vals(model, place)`` gives the
values of a new, minimal valid record there; ``fresh(model, place)`` creates
one as superuser; ``write_vals(model, record)`` a harmless change.
"""
import datetime
import itertools

from access_fixtures_party import PartyFixtures
from access_fixtures_selfgov import SelfgovFixtures
from access_fixtures_service import ServiceFixtures
from access_matrix import documented_models

from odoo.addons.community_base.tests.common import make_id_number
from odoo.addons.community_eval.tests.common import EvalCase
from odoo.addons.community_finance.tests.common import FinanceCase
from odoo.addons.community_grid.tests.common import GridCase

PLACES = ("a1", "a2", "b1")


def _birth(year, n):
    """A birth date for the n-th fixture person: the day moves every 800
    people, so ID numbers (800 sequences a day) stay unique however many
    fixtures the matrix builds."""
    day = datetime.date(year, 1, 1) + datetime.timedelta(days=n // 800)
    return day.strftime("%Y%m%d")


class MatrixFixtures(PartyFixtures, SelfgovFixtures, ServiceFixtures,
                     GridCase, FinanceCase, EvalCase):
    """Users of every role in street A and records of every model in A1, A2
    and B1, built once for the class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sequence = itertools.count(1)
        cls.case_handler = cls._create_user(
            "case_handler", "community_grid.group_case_handler")
        cls.case_handler_2 = cls._create_user(
            "case_handler_2", "community_grid.group_case_handler")
        for user in (cls.case_handler, cls.case_handler_2):
            cls._set_street(user, cls.street_a)
        cls.role_users = {
            "internal": cls.internal_user,
            "leader": cls.leader,
            "community_clerk": cls.community_clerk,
            "street_clerk": cls.street_clerk,
            "street_admin": cls.street_admin,
            "grid_officer": cls.grid_officer,
            "case_handler": cls.case_handler,
            "finance_officer": cls.finance_officer,
            "evaluator": cls.evaluator,
        }
        for role in ("party_organiser", "party_secretary", "party_officer"):
            user = cls._create_user(
                role, "community_party.group_%s" % role)
            cls._set_street(user, cls.street_a)
            cls.role_users[role] = user
        cls.role_users["party_secretary"].community_ids = cls.community_a1
        cls.street_b._finance_setup()
        # the fixtures are made as the superuser, who works in both streets
        cls.env.user.company_ids |= cls.street_a | cls.street_b
        # the internal user without a role works in street A too
        cls._set_street(cls.internal_user, cls.street_a)
        cls.evaluator_b = cls._create_user(
            "evaluator_b", "community_eval.group_evaluator")
        cls._set_street(cls.evaluator_b, cls.street_b)
        cls.grid_officer_b = cls._create_user(
            "grid_officer_b", "community_grid.group_grid_officer")
        cls._set_street(cls.grid_officer_b, cls.street_b)
        cls.grid_b1.officer_id = cls.grid_officer_b
        cls.places = {
            "a1": cls._place(cls.community_a1, cls.grid_a1, cls.grid_officer,
                             cls.household_a1, cls.resident_a1,
                             cls.case_handler, cls.evaluator),
            "a2": cls._place(cls.community_a2, cls.grid_a2, cls.grid_officer_2,
                             cls.household_a2, cls.resident_a2,
                             cls.case_handler_2, cls.evaluator2),
            "b1": cls._place(cls.community_b1, cls.grid_b1, cls.grid_officer_b,
                             cls.household_b1, cls.resident_b1,
                             cls.case_handler_2, cls.evaluator_b),
        }
        cls._party_places()
        cls.fixtures = {}
        cls.fixture_errors = {}
        models = documented_models(cls.env)
        for model in sorted(models):
            saved = {place: dict(values) for place, values in cls.places.items()}
            saved_class = dict(vars(cls))
            try:
                with cls.env.cr.savepoint():
                    cls.fixtures[model] = {
                        place: cls.fixture(model, place) for place in PLACES}
            except Exception as error:  # reported by test_every_model_has_fixtures
                cls.fixture_errors[model] = "%s: %s" % (type(error).__name__, error)
                cls.env.clear()
                # forget the helper records the rolled back savepoint made
                cls.places = saved
                for name in set(vars(cls)) - set(saved_class):
                    delattr(cls, name)

    @classmethod
    def _place(cls, community, grid, officer, household, resident, handler,
               evaluator):
        return {
            "community": community, "street": community.company_id,
            "grid": grid, "officer": officer, "household": household,
            "building": household.building_id,
            "compound": household.compound_id, "resident": resident,
            "handler": handler, "evaluator": evaluator,
        }

    @classmethod
    def _party_places(cls):
        """Each place's community party committee and a member of it; the
        party organiser keeps A1's committee."""
        for key, place in cls.places.items():
            community = place["community"]
            place["party_organisation"] = cls.env["party.organisation"].create({
                "name": "Party committee %s" % key,
                "kind": "community_committee",
                "company_id": community.company_id.id,
                "community_id": community.id})
            place["party_member"] = cls.env["party.member"].create({
                "name": "Member %s" % key,
                "organisation_id": place["party_organisation"].id,
                "resident_id": place["resident"].id})
        cls.role_users["party_organiser"].party_organisation_ids = \
            cls.places["a1"]["party_organisation"]

    # the interface of the test

    @classmethod
    def fixture(cls, model, place):
        method = getattr(cls, "_fixture_" + model.replace(".", "_"), None)
        if method:
            return method(place)
        return cls.fresh(model, place)

    @classmethod
    def fresh(cls, model, place):
        """A new record in ``place``; for a report (SQL view), the one
        there (nobody may delete it anyway)."""
        if not cls.env[model]._auto and not cls.env[model]._transient:
            return cls.fixtures[model][place]
        method = getattr(cls, "_fresh_" + model.replace(".", "_"), None)
        if method:
            return method(place)
        return cls.env[model].create(cls.create_vals(model, place))

    @classmethod
    def create_vals(cls, model, place):
        method = getattr(cls, "_vals_" + model.replace(".", "_"), None)
        if method is None:
            return {}
        return method(cls.places[place], next(cls._sequence))

    @classmethod
    def write_vals(cls, model, record):
        method = getattr(cls, "_write_" + model.replace(".", "_"), None)
        if method:
            return method(record)
        for name in ("name", "note", "description", "reason"):
            field = record._fields.get(name)
            if field and field.store and not field.compute and not field.related \
                    and field.type in ("char", "text", "html"):
                return {name: "%s." % (record.sudo()[name] or "")}
        # a report (SQL view): any stored field, unchanged
        for name, field in sorted(record._fields.items()):
            if field.store and field.type == "many2one" and not field.groups:
                return {name: record.sudo()[name].id}
        raise NotImplementedError("no write for %s" % model)

    # community_base

    @classmethod
    def _vals_community_community(cls, p, n):
        return {"name": "Matrix community %s" % n, "code": "MX%s" % n,
                "company_id": p["street"].id}

    @classmethod
    def _fixture_community_compound(cls, place):
        return cls.places[place]["compound"]

    @classmethod
    def _fixture_community_building(cls, place):
        return cls.places[place]["building"]

    @classmethod
    def _fixture_community_community(cls, place):
        return cls.places[place]["community"]

    @classmethod
    def _vals_community_compound(cls, p, n):
        return {"name": "Matrix compound %s" % n, "kind": "estate",
                "community_id": p["community"].id}

    @classmethod
    def _vals_community_building(cls, p, n):
        return {"name": "Matrix building %s" % n,
                "compound_id": p["compound"].id}

    @classmethod
    def _vals_community_household(cls, p, n):
        return {"building_id": p["building"].id, "unit": "M",
                "room": "M%s" % n}

    @classmethod
    def _write_community_household(cls, record):
        return {"is_civilised": not record.sudo().is_civilised}

    @classmethod
    def _vals_community_resident(cls, p, n):
        return {"name": "Matrix resident %s" % n,
                "household_id": p["household"].id,
                "id_number": make_id_number(
                    "110105", _birth(1970, n), "%03d" % (100 + n % 800)),
                "relation": "other"}

    @classmethod
    def _vals_community_resident_move(cls, p, n):
        # a resident of its own, moved out: the move changes its state
        resident = cls.env["community.resident"].create(
            cls._vals_community_resident(p, n))
        return {"resident_id": resident.id, "move_type": "move_out",
                "date": "2026-01-%02d" % (1 + n % 28), "note": "Matrix"}

    @classmethod
    def _vals_community_care_group(cls, p, n):
        return {"name": "Matrix care %s" % n, "code": "MXC%s" % n}

    @classmethod
    def _vals_community_post_type(cls, p, n):
        return {"name": "Matrix post %s" % n, "code": "MXP%s" % n,
                "level": "building"}

    @classmethod
    def _vals_community_post(cls, p, n):
        post_type = cls.env.ref("community_base.community_post_type_building_head",
                                raise_if_not_found=False) or cls.env[
            "community.post.type"].search([("level", "=", "building")], limit=1)
        return {"type_id": post_type.id, "resident_id": p["resident"].id,
                "building_id": p["building"].id,
                "date_start": "2026-01-01", "selection_method": "appointed"}

    @classmethod
    def _write_community_post(cls, record):
        return {"date_end": "2026-12-31"}

    @classmethod
    def _vals_community_worker(cls, p, n):
        return {"name": "Matrix worker %s" % n,
                "community_id": p["community"].id, "category": "hired",
                "id_number": make_id_number(
                    "110106", _birth(1980, n), "%03d" % (100 + n % 800)),
                "phone": "1390000%04d" % n}

    @classmethod
    def _worker(cls, p):
        key = "worker"
        if key not in p:
            p[key] = cls.env["community.worker"].create(
                cls._vals_community_worker(p, next(cls._sequence)))
        return p[key]

    @classmethod
    def _vals_community_worker_post(cls, p, n):
        return {"worker_id": cls._worker(p).id, "post": "committee_member",
                "date_start": "2026-01-01"}

    @classmethod
    def _write_community_worker_post(cls, record):
        return {"date_end": "2030-12-31"}

    @classmethod
    def _vals_community_worker_training(cls, p, n):
        return {"worker_id": cls._worker(p).id, "date": "2026-03-01",
                "subject": "Matrix training %s" % n, "hours": 2.0}

    @classmethod
    def _vals_community_committee_election(cls, p, n):
        return {"community_id": p["community"].id, "date": "2026-03-01",
                "electorate": 100, "voters": 80}

    @classmethod
    def _vals_community_committee_candidate(cls, p, n):
        election = cls.env["community.committee.election"].create(
            cls._vals_community_committee_election(p, n))
        return {"election_id": election.id, "worker_id": cls._worker(p).id,
                "post": "committee_member", "votes": 50}

    @classmethod
    def _write_community_committee_candidate(cls, record):
        return {"votes": 60}

    @classmethod
    def _fixture_community_staffing_report(cls, place):
        return cls._report("community.staffing.report", place)

    @classmethod
    def _vals_community_council(cls, p, n):
        return {"name": "Matrix council %s" % n, "kind": "party_building",
                "community_id": p["community"].id}

    @classmethod
    def _team(cls, p):
        key = "team"
        if key not in p:
            p[key] = cls.env["res.partner"].create({
                "name": "Matrix team %s" % p["community"].code,
                "is_company": True, "organisation_type": "volunteer_team",
                "community_id": p["community"].id})
        return p[key]

    @classmethod
    def _vals_community_volunteer_activity(cls, p, n):
        return {"team_id": cls._team(p).id, "volunteer_id": p["resident"].id,
                "hours": 2.0, "date": "2026-03-%02d" % (1 + n % 28),
                "description": "Matrix service %s" % n}

    @classmethod
    def _vals_res_partner(cls, p, n):
        return {"name": "Matrix organisation %s" % n, "is_company": True,
                "organisation_type": "social_org",
                "social_org_status": "registered",
                "community_id": p["community"].id}

    @classmethod
    def _fixture_res_company(cls, place):
        return cls.places[place]["street"]

    @classmethod
    def _vals_res_company(cls, p, n):
        return {"name": "Matrix street %s" % n, "is_street_office": True}

    @classmethod
    def _fresh_res_company(cls, place):
        return cls.env["res.company"].create(cls.create_vals("res.company", place))

    @classmethod
    def _write_res_company(cls, record):
        return {"phone": "010-1234567"}

    @classmethod
    def _department(cls, p):
        if "department" not in p:
            p["department"] = cls.env["hr.department"].create({
                "name": "Matrix department %s" % p["community"].code})
        return p["department"]

    @classmethod
    def _vals_community_admission_request(cls, p, n):
        return {"name": "Matrix request %s" % n,
                "department_id": cls._department(p).id,
                "task_type": "task", "legal_basis": "Matrix law",
                "community_ids": [(6, 0, p["community"].ids)],
                "company_id": p["street"].id,
                "date_start": "2026-01-01", "date_end": "2026-12-31"}

    @classmethod
    def _vals_community_seal_item(cls, p, n):
        return {"name": "Matrix seal %s" % n, "code": "MXS%s" % n,
                "company_id": p["street"].id}

    @classmethod
    def _seal_item(cls, p):
        if "seal_item" not in p:
            p["seal_item"] = cls.env["community.seal.item"].create(
                cls._vals_community_seal_item(p, next(cls._sequence)))
        return p["seal_item"]

    @classmethod
    def _vals_community_seal_usage(cls, p, n):
        return {"item_id": cls._seal_item(p).id, "applicant": "Matrix %s" % n,
                "document": "Matrix document %s" % n,
                "community_id": p["community"].id}

    @classmethod
    def _write_community_seal_usage(cls, record):
        return {"document": "%s." % record.sudo().document}

    @classmethod
    def _vals_community_task_inbound(cls, p, n):
        return {"name": "Matrix inbound %s" % n, "kind": "form",
                "department_id": cls._department(p).id,
                "community_id": p["community"].id,
                "date_received": "2026-04-01", "effort_hours": 2.0}

    @classmethod
    def _write_community_task_inbound(cls, record):
        return {"effort_hours": record.sudo().effort_hours + 1}

    @classmethod
    def _fixture_community_task_inbound_report(cls, place):
        cls.env["community.task.inbound"].create(
            cls.create_vals("community.task.inbound", place))
        return cls._report("community.task.inbound.report", place)

    @classmethod
    def _vals_community_kpi(cls, p, n):
        return {"name": "Matrix tile %s" % n,
                "model_id": cls.env.ref(
                    "community_base.model_community_household").id,
                "domain": "[]"}

    @classmethod
    def _fixture_community_kpi(cls, place):
        # a1: a tile for everyone; a2 and b1: tiles of a role nobody of the
        # matrix holds, which only the street administrator sees
        vals = cls.create_vals("community.kpi", place)
        if place != "a1":
            group = cls.env["res.groups"].create({"name": "Matrix tile role"})
            vals["group_ids"] = [(6, 0, group.ids)]
        return cls.env["community.kpi"].create(vals)

    @classmethod
    def _vals_community_report_pack(cls, p, n):
        return {"company_id": p["street"].id,
                "month": "%04d-%02d-01" % (2000 + n // 12, 1 + n % 12),
                "user_id": cls.env.uid}

    @classmethod
    def _write_community_report_pack(cls, record):
        return {"error": "Matrix"}

    @classmethod
    def _vals_community_job_progress(cls, p, n):
        return {"res_model": "community.community", "res_id": 10000 + n,
                "done": 1, "total": 2}

    @classmethod
    def _write_community_job_progress(cls, record):
        return {"done": 2}

    @classmethod
    def _vals_community_ledger_import(cls, p, n):
        return {"community_id": p["community"].id}

    @classmethod
    def _write_community_ledger_import(cls, record):
        return {"community_id": record.sudo().community_id.id}

    @classmethod
    def _vals_community_ledger_import_error(cls, p, n):
        ledger_import = cls.env["community.ledger.import"].create(
            {"community_id": p["community"].id})
        return {"import_id": ledger_import.id, "sheet": "Sheet", "row": n,
                "column": "A", "code": "matrix", "reason": "Matrix"}

    @classmethod
    def _write_community_ledger_import_error(cls, record):
        return {"reason": "Matrix."}

    @classmethod
    def _vals_tier_definition(cls, p, n):
        return {"name": "Matrix tier %s" % n,
                "model_id": cls.env.ref(
                    "community_base.model_community_admission_request").id,
                "review_type": "individual",
                "reviewer_id": cls.street_admin.id,
                "definition_domain": "[('id', '=', 0)]"}

    # community_grid

    @classmethod
    def _vals_grid_grid(cls, p, n):
        return {"name": "Matrix grid %s" % n, "code": "MXG%s" % n,
                "community_id": p["community"].id}

    @classmethod
    def _fixture_grid_grid(cls, place):
        return cls.places[place]["grid"]

    @classmethod
    def _fresh_grid_grid(cls, place):
        p = cls.places[place]
        vals = cls._vals_grid_grid(p, next(cls._sequence))
        vals["officer_id"] = p["officer"].id
        return cls.env["grid.grid"].create(vals)

    @classmethod
    def _vals_grid_visit(cls, p, n):
        return {"officer_id": p["officer"].id,
                "household_id": p["household"].id,
                "date": "2026-03-%02d" % (1 + n % 28)}

    @classmethod
    def _write_grid_visit(cls, record):
        return {"date": record.sudo().date}

    @classmethod
    def _report(cls, model, place):
        p = cls.places[place]
        cls.env[model].invalidate_cache()
        field = "grid_id" if model == "grid.visit.grid.report" else "community_id"
        value = p["grid"] if field == "grid_id" else p["community"]
        record = cls.env[model].search([(field, "=", value.id)], limit=1)
        if not record:
            raise ValueError("no %s row for %s" % (model, place))
        return record

    @classmethod
    def _fixture_grid_visit_report(cls, place):
        cls._ensure_visits()
        return cls._report("grid.visit.report", place)

    @classmethod
    def _fixture_grid_visit_grid_report(cls, place):
        cls._ensure_visits()
        return cls._report("grid.visit.grid.report", place)

    @classmethod
    def _fixture_grid_coverage_report(cls, place):
        return cls._report("grid.coverage.report", place)

    @classmethod
    def _ensure_visits(cls):
        if getattr(cls, "_visits_made", False):
            return
        for place in PLACES:
            cls.env["grid.visit"].create(
                cls._vals_grid_visit(cls.places[place], next(cls._sequence)))
        cls._visits_made = True

    @classmethod
    def _category(cls):
        if not getattr(cls, "_case_category", None):
            cls._case_category = cls.env["grid.case.category"].create({
                "name": "Matrix category", "code": "MX-CAT", "level": "street",
                "sla_days": 5})
        return cls._case_category

    @classmethod
    def _vals_grid_case_category(cls, p, n):
        return {"name": "Matrix category %s" % n, "code": "MXC-%s" % n,
                "level": "street", "sla_days": 5}

    @classmethod
    def _vals_grid_case(cls, p, n):
        return {"category_id": cls._category().id,
                "household_id": p["household"].id,
                "description": "<p>Matrix case %s</p>" % n,
                "handler_user_id": p["handler"].id}

    @classmethod
    def _write_grid_case(cls, record):
        return {"handle_note": "Matrix note"}

    @classmethod
    def _vals_grid_case_reply(cls, p, n):
        return {"name": "Matrix reply %s" % n, "step": "handle",
                "body": "Matrix reply"}

    @classmethod
    def _case(cls, p):
        """A case dispatched to the place's handler."""
        if "case" not in p:
            case = cls.env["grid.case"].create(
                cls._vals_grid_case(p, next(cls._sequence)))
            case.action_dispatch()
            p["case"] = case
        return p["case"]

    @classmethod
    def _vals_grid_case_escalation(cls, p, n):
        case = cls._case(p)
        return {"case_id": case.id, "from_level": "community",
                "to_level": "street", "date": "2026-03-02",
                "user_id": cls.env.uid, "reason": "Matrix %s" % n}

    @classmethod
    def _write_grid_case_escalation(cls, record):
        return {"reason": "Matrix."}

    @classmethod
    def _vals_grid_case_request(cls, p, n):
        # asked by the grid officer, on a case at the handler
        return {"case_id": cls._case(p).id, "request_type": "return",
                "target_unit": "Matrix section", "user_id": p["officer"].id,
                "reason": "Matrix %s" % n, "name": "Matrix request %s" % n}

    @classmethod
    def _write_grid_case_request(cls, record):
        return {"reason": "Matrix."}

    @classmethod
    def _vals_grid_workday(cls, p, n):
        calendar = p["street"].case_calendar_id or cls.env[
            "resource.calendar"].search([], limit=1)
        # a Saturday: only a weekend day can be an adjusted working day
        day = datetime.date(2030, 1, 5) + datetime.timedelta(weeks=n)
        return {"calendar_id": calendar.id, "date": str(day), "name": "Matrix"}

    @classmethod
    def _vals_resource_calendar(cls, p, n):
        return {"name": "Matrix calendar %s" % n, "company_id": p["street"].id}

    @classmethod
    def _vals_resource_calendar_leaves(cls, p, n):
        calendar = cls.env["resource.calendar"].create(
            cls._vals_resource_calendar(p, n))
        return {"name": "Matrix holiday %s" % n, "calendar_id": calendar.id,
                "date_from": "2030-02-01 00:00:00",
                "date_to": "2030-02-01 23:59:59"}

    # community_finance

    @classmethod
    def _vals_finance_expense_category(cls, p, n):
        return {"name": "Matrix category %s" % n, "code": "MXE%s" % n}

    @classmethod
    def _vals_finance_fund(cls, p, n):
        street = p["street"]
        return {"name": "Matrix fund %s" % n, "code": "MXF%s" % n,
                "company_id": street.id, "purpose": "Matrix",
                "source": "treasury",
                "income_account_id": street.finance_funds_account_id.id,
                "journal_id": street.finance_journal_id.id}

    @classmethod
    def _fund(cls, p):
        if "fund" not in p:
            n = next(cls._sequence)
            category = cls.env["finance.expense.category"].create({
                "name": "Matrix expenses %s" % n, "code": "MXX%s" % n,
                "account_ids": [(6, 0, p["street"].finance_expense_account_id.ids)]})
            vals = cls._vals_finance_fund(p, n)
            vals["expense_category_ids"] = [(6, 0, category.ids)]
            p["fund"] = cls.env["finance.fund"].create(vals)
        return p["fund"]

    @classmethod
    def _vals_finance_subsidy_standard(cls, p, n):
        return {"name": "Matrix subsidy %s" % n, "post_code": "mx%s" % n,
                "amount": 100.0, "date_start": "2026-01-01",
                "company_id": p["street"].id}

    @classmethod
    def _vals_finance_subsidy_holder(cls, p, n):
        standard = cls.env["finance.subsidy.standard"].create(
            cls._vals_finance_subsidy_standard(p, n))
        partner = cls.env["res.partner"].create({"name": "Matrix payee %s" % n})
        return {"partner_id": partner.id, "standard_id": standard.id,
                "community_id": p["community"].id, "date_start": "2026-01-01"}

    @classmethod
    def _write_finance_subsidy_holder(cls, record):
        return {"date_end": "2026-12-31"}

    @classmethod
    def _vals_finance_subsidy_run(cls, p, n):
        street = p["street"]
        # (year, month) is unique per street: distinct for 960 records
        return {"company_id": street.id, "year": 2010 + n // 12 % 80,
                "month": str(1 + n % 12), "journal_id": street.finance_journal_id.id,
                "expense_account_id": street.finance_expense_account_id.id,
                "payable_account_id": street.finance_funds_account_id.id}

    @classmethod
    def _write_finance_subsidy_run(cls, record):
        return {"month": "6"}

    @classmethod
    def _vals_finance_tax_source(cls, p, n):
        partner = cls.env["res.partner"].create({"name": "Matrix shop %s" % n})
        return {"partner_id": partner.id,
                "tax_number": "91110108MA%08d" % n,
                "community_id": p["community"].id}

    @classmethod
    def _write_finance_tax_source(cls, record):
        return {"tax_number": record.sudo().tax_number}

    @classmethod
    def _tax_source(cls, p):
        if "tax_source" not in p:
            p["tax_source"] = cls.env["finance.tax.source"].create(
                cls._vals_finance_tax_source(p, next(cls._sequence)))
        return p["tax_source"]

    @classmethod
    def _vals_finance_tax_record(cls, p, n):
        return {"source_id": cls._tax_source(p).id,
                "period": "%04d-%02d" % (2030 + (n // 12) % 60, 1 + n % 12),
                "tax_type": "vat", "amount": 100.0, "share_rate": 10.0}

    @classmethod
    def _write_finance_tax_record(cls, record):
        return {"amount": 101.0}

    @classmethod
    def _vals_finance_tax_task(cls, p, n):
        return {"name": "Matrix task %s" % n, "source_id": cls._tax_source(p).id,
                "amount_due": 10.0}

    @classmethod
    def _vals_finance_service_project(cls, p, n):
        partner = cls.env["res.partner"].create({
            "name": "Matrix provider %s" % n, "is_company": True,
            "organisation_type": "social_org", "social_org_status": "registered",
            "community_id": p["community"].id})
        return {"name": "Matrix project %s" % n, "partner_id": partner.id,
                "company_id": p["street"].id, "contract_amount": 1000.0,
                "fund_id": cls._fund(p).id,
                "expense_account_id": p["street"].finance_expense_account_id.id,
                "community_id": p["community"].id,
                "date_start": "2026-01-01"}

    @classmethod
    def _vals_finance_service_milestone(cls, p, n):
        if "project" not in p:
            p["project"] = cls.env["finance.service.project"].create(
                cls._vals_finance_service_project(p, next(cls._sequence)))
        return {"project_id": p["project"].id, "name": "Matrix deliverable %s" % n,
                "amount": 10.0}

    @classmethod
    def _budget(cls, p):
        if "budget" not in p:
            budget = cls.env["crossovered.budget"].create(
                cls._vals_crossovered_budget(p, next(cls._sequence)))
            p["budget"] = budget
        return p["budget"]

    @classmethod
    def _vals_crossovered_budget(cls, p, n):
        return {"name": "Matrix budget %s" % n, "date_from": "2026-01-01",
                "date_to": "2026-12-31", "company_id": p["street"].id}

    @classmethod
    def _vals_crossovered_budget_lines(cls, p, n):
        # a budget of its own: two lines of one community and position in
        # one budget would count the same expenses
        budget = cls.env["crossovered.budget"].create(
            cls._vals_crossovered_budget(p, n))
        return {"crossovered_budget_id": budget.id,
                "community_id": p["community"].id,
                "general_budget_id": p["street"].finance_budget_post_id.id,
                "planned_amount": 100.0, "date_from": "2026-01-01",
                "date_to": "2026-12-31"}

    @classmethod
    def _write_crossovered_budget_lines(cls, record):
        return {"planned_amount": 101.0}

    @classmethod
    def _budget_line(cls, p):
        if "budget_line" not in p:
            p["budget_line"] = cls.env["crossovered.budget.lines"].create(
                cls._vals_crossovered_budget_lines(p, next(cls._sequence)))
        return p["budget_line"]

    @classmethod
    def _vals_account_budget_post(cls, p, n):
        return {"name": "Matrix post %s" % n, "company_id": p["street"].id,
                "account_ids": [(6, 0, p["street"].finance_expense_account_id.ids)]}

    @classmethod
    def _vals_finance_commitment(cls, p, n):
        return {"name": "Matrix commitment %s" % n,
                "budget_line_id": cls._budget_line(p).id, "amount": 1.0}

    @classmethod
    def _vals_finance_budget_adjustment(cls, p, n):
        return {"budget_id": cls._budget(p).id, "adjustment_type": "increase",
                "reason": "Matrix %s" % n}

    @classmethod
    def _write_finance_budget_adjustment(cls, record):
        return {"reason": "Matrix."}

    @classmethod
    def _vals_finance_budget_adjustment_line(cls, p, n):
        if "adjustment" not in p:
            vals = cls._vals_finance_budget_adjustment(p, next(cls._sequence))
            vals["budget_id"] = cls._budget_line(p).crossovered_budget_id.id
            p["adjustment"] = cls.env["finance.budget.adjustment"].create(vals)
        return {"adjustment_id": p["adjustment"].id,
                "budget_line_id": cls._budget_line(p).id, "amount": 1.0}

    @classmethod
    def _write_finance_budget_adjustment_line(cls, record):
        return {"amount": 2.0}

    @classmethod
    def _vals_finance_fund_standard(cls, p, n):
        return {"name": "Matrix standard %s" % n, "code": "MXFS%s" % n,
                "company_id": p["street"].id, "method": "per_household",
                "rate": 35.0, "date_start": "2026-01-01"}

    @classmethod
    def _vals_finance_fund_standard_band(cls, p, n):
        if "standard" not in p:
            p["standard"] = cls.env["finance.fund.standard"].create(
                cls._vals_finance_fund_standard(p, next(cls._sequence)))
        return {"standard_id": p["standard"].id, "households_from": 1000 + n,
                "households_to": 1000 + n, "amount": 10.0}

    @classmethod
    def _write_finance_fund_standard_band(cls, record):
        return {"amount": 11.0}

    @classmethod
    def _vals_finance_allocation(cls, p, n):
        if "standard" not in p:
            p["standard"] = cls.env["finance.fund.standard"].create(
                cls._vals_finance_fund_standard(p, next(cls._sequence)))
        return {"year": 2030 + n, "standard_id": p["standard"].id,
                "community_id": p["community"].id, "count_date": "2026-01-01",
                "rate": 1.0, "amount": 1.0}

    @classmethod
    def _write_finance_allocation(cls, record):
        return {"computation": "Matrix"}

    # community_eval

    @classmethod
    def _vals_eval_rule(cls, p, n):
        return {"name": "Matrix rule %s" % n,
                "model_id": cls.env.ref("community_grid.model_grid_visit").id,
                "target_field_id": cls.env["ir.model.fields"].search([
                    ("model", "=", "grid.visit"),
                    ("name", "=", "community_id")]).id,
                "domain": "[]", "aggregate": "count"}

    @classmethod
    def _vals_eval_scheme(cls, p, n):
        return {"name": "Matrix scheme %s" % n, "code": "MXS-%s" % n,
                "company_id": p["street"].id, "target_type": "community",
                "period_type": "quarter", "evaluator_kind": "resident",
                "indicator_ids": [(0, 0, {"name": "Service", "weight": 1})]}

    @classmethod
    def _scheme(cls, p):
        if "scheme" not in p:
            p["scheme"] = cls.env["eval.scheme"].create(
                cls._vals_eval_scheme(p, next(cls._sequence)))
        return p["scheme"]

    @classmethod
    def _vals_eval_indicator(cls, p, n):
        return {"scheme_id": cls._scheme(p).id, "name": "Matrix indicator %s" % n,
                "weight": 1}

    @classmethod
    def _vals_eval_campaign(cls, p, n):
        return {"name": "Matrix campaign %s" % n,
                "scheme_id": cls._scheme(p).id, "company_id": p["street"].id,
                "date_range_id": cls.quarters[1].id,
                "community_ids": [(6, 0, p["community"].ids)],
                "evaluator_ids": [(6, 0, p["evaluator"].ids)]}

    @classmethod
    def _open_campaign(cls, p):
        if "open_campaign" not in p:
            campaign = cls.env["eval.campaign"].create(
                cls._vals_eval_campaign(p, next(cls._sequence)))
            campaign.action_open()
            p["open_campaign"] = campaign
        return p["open_campaign"]

    @classmethod
    def _fixture_eval_sheet(cls, place):
        p = cls.places[place]
        campaign = cls._open_campaign(p)
        return campaign.sheet_ids.filtered(
            lambda sheet: sheet.evaluator_user_id == p["evaluator"])[:1]

    @classmethod
    def _vals_eval_sheet(cls, p, n):
        return {"campaign_id": cls._open_campaign(p).id,
                "target_community_id": p["community"].id, "source": "paper"}

    @classmethod
    def _write_eval_sheet(cls, record):
        return {"respondent": "Matrix respondent"}

    @classmethod
    def _fixture_eval_sheet_line(cls, place):
        return cls._fixture_eval_sheet(place).line_ids[:1]

    @classmethod
    def _vals_eval_sheet_line(cls, p, n):
        sheet = cls.env["eval.sheet"].create(cls._vals_eval_sheet(p, n))
        sheet.line_ids.unlink()
        indicator = cls._open_campaign(p).scheme_id.indicator_ids[:1]
        return {"sheet_id": sheet.id, "indicator_id": indicator.id}

    @classmethod
    def _write_eval_sheet_line(cls, record):
        return {"answer": "satisfied"}

    @classmethod
    def _closed_campaign(cls, p):
        if "closed_campaign" not in p:
            campaign = cls.env["eval.campaign"].create(
                cls._vals_eval_campaign(p, next(cls._sequence)))
            campaign.action_open()
            for sheet in campaign.sheet_ids:
                for line in sheet.line_ids:
                    line.answer = "satisfied"
                sheet.action_submit()
            campaign.action_close()
            p["closed_campaign"] = campaign
        return p["closed_campaign"]

    @classmethod
    def _fixture_eval_result(cls, place):
        return cls._closed_campaign(cls.places[place]).result_ids[:1]

    @classmethod
    def _vals_eval_result(cls, p, n):
        # a campaign of its own: one result per campaign and target
        campaign = cls.env["eval.campaign"].create(cls._vals_eval_campaign(p, n))
        return {"campaign_id": campaign.id,
                "target_community_id": p["community"].id}

    @classmethod
    def _write_eval_result(cls, record):
        return {"note": "Matrix"} if "note" in record._fields else {
            "campaign_id": record.sudo().campaign_id.id}

    @classmethod
    def _fixture_eval_result_line(cls, place):
        return cls._fixture_eval_result(place).line_ids[:1]

    @classmethod
    def _vals_eval_result_line(cls, p, n):
        result = cls.env["eval.result"].create(cls._vals_eval_result(p, n))
        return {"result_id": result.id,
                "indicator_id": result.campaign_id.scheme_id.indicator_ids[:1].id}

    @classmethod
    def _write_eval_result_line(cls, record):
        return {"indicator_id": record.sudo().indicator_id.id}

    @classmethod
    def _vals_eval_title(cls, p, n):
        return {"name": "Matrix title %s" % n, "scheme_id": cls._scheme(p).id,
                "company_id": p["street"].id}

    @classmethod
    def _vals_eval_title_award(cls, p, n):
        if "title" not in p:
            p["title"] = cls.env["eval.title"].create(
                cls._vals_eval_title(p, next(cls._sequence)))
        return {"title_id": p["title"].id,
                "target_community_id": p["community"].id,
                "date_awarded": "2026-01-01"}

    @classmethod
    def _write_eval_title_award(cls, record):
        return {"date_awarded": record.sudo().date_awarded}

    @classmethod
    def _vals_eval_staff_check(cls, p, n):
        return {"date": "2026-03-02", "user_id": p["officer"].id,
                "supervisor_id": p["evaluator"].id,
                "company_id": p["street"].id, "check_type": "daily",
                "result": "ok"}

    @classmethod
    def _write_eval_staff_check(cls, record):
        return {"date": record.sudo().date}

    @classmethod
    def _vals_date_range_type(cls, p, n):
        return {"name": "Matrix range type %s" % n, "allow_overlap": True,
                "company_id": p["street"].id}

    @classmethod
    def _vals_date_range(cls, p, n):
        if "range_type" not in p:
            p["range_type"] = cls.env["date.range.type"].create(
                cls._vals_date_range_type(p, next(cls._sequence)))
        return {"name": "Matrix range %s" % n, "type_id": p["range_type"].id,
                "date_start": "2030-01-01", "date_end": "2030-03-31",
                "company_id": p["street"].id}

    # wizards: every user may open one; each sees only those they opened

    @classmethod
    def _vals_grid_case_escalate_wizard(cls, p, n):
        return {"case_id": cls._case(p).id, "reason": "Matrix %s" % n}

    @classmethod
    def _vals_grid_case_send_back_wizard(cls, p, n):
        return {"case_id": cls._case(p).id, "reason": "Matrix %s" % n}

    @classmethod
    def _vals_grid_case_statistics_wizard(cls, p, n):
        return {"date_start": "2026-01-01", "date_end": "2026-01-31",
                "company_id": p["street"].id}

    @classmethod
    def _vals_finance_allocation_wizard(cls, p, n):
        return {"company_id": p["street"].id, "year": 2026,
                "count_date": "2026-01-01"}

    @classmethod
    def _vals_finance_allocation_wizard_line(cls, p, n):
        wizard = cls.env["finance.allocation.wizard"].create(
            cls._vals_finance_allocation_wizard(p, n))
        if "standard" not in p:
            p["standard"] = cls.env["finance.fund.standard"].create(
                cls._vals_finance_fund_standard(p, next(cls._sequence)))
        return {"wizard_id": wizard.id, "community_id": p["community"].id,
                "standard_id": p["standard"].id}

    @classmethod
    def _write_finance_allocation_wizard_line(cls, record):
        return {"computation": "Matrix"}

    @classmethod
    def _vals_finance_tax_import_wizard(cls, p, n):
        return {"file": "UEs=", "share_rate": 10.0, "company_id": p["street"].id}

    @classmethod
    def _write_finance_tax_import_wizard(cls, record):
        return {"share_rate": 11.0}

    @classmethod
    def _vals_eval_score_import(cls, p, n):
        return {"campaign_id": cls._open_campaign(p).id, "file": "UEs="}

    @classmethod
    def _write_eval_score_import(cls, record):
        return {"file": "UEsK"}

    @classmethod
    def _write_grid_case_statistics_wizard(cls, record):
        return {"date_end": "2026-01-30"}

    @classmethod
    def _write_finance_allocation_wizard(cls, record):
        return {"year": 2027}

    # models added later in community_base, community_finance and core

    @classmethod
    def _vals_auditlog_log(cls, p, n):
        return {"name": "Matrix log %s" % n,
                "model_id": cls.env.ref(
                    "community_base.model_community_resident").id,
                "res_id": p["resident"].id, "user_id": cls.env.uid,
                "method": "write"}

    @classmethod
    def _write_auditlog_log(cls, record):
        return {"name": "Matrix."}

    @classmethod
    def _vals_auditlog_log_line(cls, p, n):
        log = cls.env["auditlog.log"].create(cls._vals_auditlog_log(p, n))
        field = cls.env["ir.model.fields"].search([
            ("model", "=", "community.resident"), ("name", "=", "phone")])
        return {"log_id": log.id, "field_id": field.id,
                "old_value": "1", "new_value": "2"}

    @classmethod
    def _write_auditlog_log_line(cls, record):
        return {"new_value": "3"}

    @classmethod
    def _vals_resource_calendar_attendance(cls, p, n):
        calendar = cls.env["resource.calendar"].create(
            cls._vals_resource_calendar(p, n))
        return {"name": "Matrix hours %s" % n, "dayofweek": "0",
                "hour_from": 8.0, "hour_to": 12.0, "calendar_id": calendar.id}

    @classmethod
    def _fixture_finance_budget_execution_report(cls, place):
        p = cls.places[place]
        line = cls._budget_line(p)
        Report = cls.env["finance.budget.execution.report"]
        Report.invalidate_cache()
        record = Report.search([("budget_line_id", "=", line.id)], limit=1)
        if not record:
            raise ValueError("no budget execution row for %s" % place)
        return record
