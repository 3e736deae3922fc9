# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Write the street of :mod:`.demo_data` into a database.

Kept out of ``models/``: demo data is a tool for testers and the browser
test (``scripts/generate_demo.py``), not a behaviour of the product.

The few top-level records (district, streets, communities, compounds,
organisations, councils, requests, users) go through the ORM, so their
defaults, constraints and side effects (partners of companies, sequences,
tier reviews) apply. Odoo 11's ``create`` takes one dict at a time and
recomputes the stored counts after each record, which for 50,000 residents
takes many minutes; buildings, households, residents, posts, volunteer
records and seal usages are therefore written by the register's batched
write path, :mod:`.bulk_register` (the ledger import's too): inserted with
SQL in pages, then every stored computed field the rows did not carry
(names, related ids, counts, hours) computed once per model by the fields'
own compute methods and written back in one ``UPDATE`` per page. The
generator guarantees what the skipped Python constraints would check
(valid ID numbers, posts on the right places, positive hours); the SQL
constraints still apply.

The first street is the database's own company (``base.main_company``,
"My Company" in a new database), renamed: the administrator's company is
the street office, and the street keeps the seal catalogue shipped for that
company. The street is dated from ``today``, the street's today by
default (:func:`demo_today`), like the other addons' demo parts.

Idempotent: the district gets the XML id ``community_base.district_demo``;
when it exists, :func:`load_demo` writes nothing and returns the counts of
the street already there.
"""
import logging
import time

from odoo import SUPERUSER_ID, _, api, fields
from odoo.exceptions import UserError

from . import demo_data, demo_inbound, demo_selfgov, demo_workers, roles, street_time
from .bulk_register import BulkRegister

_logger = logging.getLogger(__name__)

MODULE = "community_base"
DISTRICT_XMLID = "district_demo"

#: the demo users: login (password = login), name, groups, communities
#: ("all", the first one, or none)
DEMO_USERS = [
    ("leader", "演示领导", [roles.LEADER], "all"),
    ("clerk_street", "演示街道办事员", [roles.STREET_CLERK], "all"),
    ("admin_street", "演示街道管理员", [roles.STREET_ADMIN], "all"),
    ("clerk_community1", "演示社区办事员一", [roles.COMMUNITY_CLERK], 0),
    ("clerk_community2", "演示社区办事员二", [roles.COMMUNITY_CLERK], 1),
    ("grid_officer", "演示网格员", [roles.GRID_OFFICER], 0),
    ("finance_officer", "演示财务人员", [roles.FINANCE_OFFICER], "all"),
    ("evaluator", "演示考核人员", [roles.EVALUATOR], "all"),
]

#: counted per street in the summary
SUMMARY_MODELS = [
    "community.community", "community.compound", "community.building",
    "community.household", "community.resident", "community.post",
    "community.council", "community.volunteer.activity",
    "community.admission.request", "community.seal.usage",
    "community.task.inbound", "community.worker",
    "community.committee.election", "community.selfgov.meeting",
    "community.selfgov.proposal",
]


def demo_today(env, today=None):
    """The day a demo street is dated from, as a date: ``today`` (a date or
    a date string) or, by default, the street's today."""
    if not today:
        today = street_time.street_today(env)
    if isinstance(today, str):
        today = fields.Date.from_string(today)
    return today


def load_demo(env, seed=1, scale=0.05, today=None):
    """Write the demo street of ``seed`` and ``scale``, dated from
    ``today`` (default: the street's today), into the database of ``env``
    (as superuser; the caller commits) and return a summary: the counts per
    model and the demo logins. Does nothing but count when the demo street
    is already there."""
    # sudo: the demo loader is run from the command line by the operator, not reachable
    #   by users
    env = api.Environment(env.cr, SUPERUSER_ID, dict(
        env.context, tracking_disable=True, mail_create_nolog=True,
        mail_notrack=True, no_reset_password=True, active_test=False))
    district = env.ref("%s.%s" % (MODULE, DISTRICT_XMLID),
                       raise_if_not_found=False)
    if district:
        _logger.info("demo street already loaded, nothing written")
        return _summary(env, district, created=False)
    ensure_demo_scale(scale)
    started = time.time()
    street = demo_data.generate(
        seed=seed, scale=scale, today=demo_today(env, today))
    _logger.info("demo street generated in %.1fs", time.time() - started)
    loader = _DemoLoader(env, street)
    loader.load()
    _logger.info("demo street loaded in %.1fs", time.time() - started)
    summary = _summary(env, loader.district, created=True)
    summary["seconds"] = round(time.time() - started, 1)
    return summary


def _summary(env, district, created):
    streets = env["res.company"].search([("parent_id", "=", district.id)])
    counts = {}
    for model in SUMMARY_MODELS:
        if model in env:
            counts[model] = env[model].search_count(
                [("company_id", "in", streets.ids)])
    counts["res.partner"] = env["res.partner"].search_count([
        ("organisation_type", "!=", False),
        ("community_id.company_id", "in", streets.ids)])
    logins = env["res.users"].search([
        ("login", "in", [user[0] for user in DEMO_USERS])]).mapped("login")
    return {"created": created, "district": district.name,
            "streets": streets.mapped("name"), "counts": counts,
            "logins": sorted(logins)}


class _DemoLoader(object):

    def __init__(self, env, street):
        self.env = env
        self.street = street
        self.district = None
        # index in the generated lists -> database id, per kind
        self.ids = {}

    # -- the street -------------------------------------------------------------

    def load(self):
        self.bulk = BulkRegister(self.env)
        # columns written with the computed fields: {model: {field: {id: v}}}
        self._extra = {}
        for step in (self._companies, self._hierarchy, self._residents,
                     self._organisations, self._posts_and_volunteers,
                     self._admission, self._flush_computed):
            started = time.time()
            step()
            _logger.info("demo street: %s in %.1fs", step.__name__,
                         time.time() - started)
        # the counts, bottom-up (the households carry their member counts)
        self.bulk.recompute_counts({
            model_name: self.ids[model_name] for model_name in (
                "community.building", "community.compound",
                "community.community")})
        self._partner_hours()
        self._users()
        demo_workers.load_workers_demo(
            self.env, demo_workers.rng(self.street["seed"]),
            self.street["today"], self.env["community.community"].browse(
                self.ids["community.community"]))
        demo_selfgov.load_selfgov_demo(
            self.env, demo_selfgov.rng(self.street["seed"]),
            self.street["today"], self.env["community.community"].browse(
                self.ids["community.community"]))

    def _insert(self, model_name, rows):
        return self.bulk.insert(model_name, rows)

    def _flush_computed(self):
        """Compute what the SQL inserts left out (the counts come last)."""
        self.bulk.flush_computed(extra=self._extra)

    def _xmlid(self, name, record):
        self.env["ir.model.data"].create({
            "module": MODULE, "name": name, "model": record._name,
            "res_id": record.id, "noupdate": True,
        })

    def _companies(self):
        env, street = self.env, self.street
        cny = env.ref("base.CNY")
        cny.active = True
        main = env.ref("base.main_company")
        self.district = env["res.company"].create({
            "name": street["district"]["name"], "currency_id": cny.id,
            # no calendar of its own: one "40 hours" calendar less to pick
            "resource_calendar_id": main.resource_calendar_id.id,
        })
        self._xmlid(DISTRICT_XMLID, self.district)
        companies = []
        for index, values in enumerate(street["streets"]):
            vals = {
                "name": values["name"], "parent_id": self.district.id,
                "currency_id": cny.id, "is_street_office": True,
            }
            if index == 0 and not (main.parent_id or main.is_street_office):
                company = self._rename_main_company(main, vals)
            else:
                company = env["res.company"].create(vals)
            self._xmlid(values["xmlid"], company)
            companies.append(company.id)
        self.ids["res.company"] = companies

    @staticmethod
    def _rename_main_company(main, vals):
        """The database's own company becomes the first street, without
        the placeholder contact details of a new database."""
        if main.currency_id.id == vals["currency_id"]:
            vals = dict(vals)
            del vals["currency_id"]
        main.write(vals)
        main.partner_id.write({
            name: False for name in ("email", "website")
            if "yourcompany" in (main.partner_id[name] or "")})
        return main

    def _hierarchy(self):
        env, street = self.env, self.street
        communities = env["community.community"]
        for values in street["communities"]:
            community = communities.create({
                "name": values["name"], "code": values["code"],
                "company_id": self.ids["res.company"][values["street"]],
            })
            self._xmlid(values["xmlid"], community)
            communities |= community
        self.ids["community.community"] = communities.ids
        compound_ids = []
        for values in street["compounds"]:
            compound_ids.append(env["community.compound"].create({
                "name": values["name"], "code": values["code"],
                "kind": values["kind"],
                "community_id": communities[values["community"]].id,
            }).id)
        self.ids["community.compound"] = compound_ids
        # the places of the levels below are known here: writing them with
        # the rows saves rewriting 50,000 rows per related field afterwards
        streets = self.ids["res.company"]
        place_of_compound = [
            (compound_ids[index], communities[values["community"]].id,
             streets[street["communities"][values["community"]]["street"]])
            for index, values in enumerate(street["compounds"])]
        self.place_of_building = [
            place_of_compound[values["compound"]]
            for values in street["buildings"]]
        buildings = self.bulk.insert_buildings([{
            "name": values["name"],
            "compound_id": compound_ids[values["compound"]],
            "community_id": place_of_compound[values["compound"]][1],
            "company_id": place_of_compound[values["compound"]][2],
            "address": values["address"],
            "unit_count": values["unit_count"],
            "floor_count": values["floor_count"],
        } for values in street["buildings"]])
        self.ids["community.building"] = buildings.ids
        members = [0] * len(street["households"])
        for values in street["residents"]:
            members[values["household"]] += 1
        households = self.bulk.insert_households([{
            "building_id": buildings.ids[values["building"]],
            "compound_id": self.place_of_building[values["building"]][0],
            "community_id": self.place_of_building[values["building"]][1],
            "company_id": self.place_of_building[values["building"]][2],
            "member_count": members[index],
            "unit": values["unit"], "room": values["room"],
            "address": values["address"],
            "household_type": values["household_type"],
            "is_party_member": values["is_party_member"],
            "is_civilised": values["is_civilised"],
        } for index, values in enumerate(street["households"])])
        self.ids["community.household"] = households.ids

    def _residents(self):
        env, street = self.env, self.street
        care_groups = {
            group.code: group.id for group in env["community.care.group"].search(
                [("code", "!=", False)])}
        household_ids = self.ids["community.household"]
        buildings = self.ids["community.building"]
        hours = [0.0] * len(street["residents"])
        for values in street["volunteer_activities"]:
            hours[values["volunteer"]] += values["hours"]
        rows = []
        self.place_of_resident = []
        for index, values in enumerate(street["residents"]):
            building = street["households"][values["household"]]["building"]
            compound, community, company = self.place_of_building[building]
            self.place_of_resident.append((community, company))
            rows.append({
                "building_id": buildings[building],
                "compound_id": compound,
                "community_id": community,
                "company_id": company,
                "volunteer_hours": hours[index],
                "name": values["name"],
                "id_number": values["id_number"],
                "birth_date": values["birth_date"],
                "sex": values["sex"],
                "phone": values["phone"],
                "household_id": household_ids[values["household"]],
                "relation": values["relation"],
                "registered_address": values["registered_address"],
                "actual_address": values["actual_address"],
                "residence_type": values["residence_type"],
                "arrival_date": values["arrival_date"],
                "origin": values["origin"],
                "care_group_ids": [care_groups[code]
                                   for code in values["care_groups"]
                                   if code in care_groups],
            })
        residents = self.bulk.insert_residents(rows)
        self.ids["community.resident"] = residents.ids
        # the heads, now that the residents have ids
        pairs = [(household_ids[index], residents.ids[values["head"]])
                 for index, values in enumerate(street["households"])
                 if values["head"] is not None]
        self._extra.setdefault("community.household", {})["head_id"] = dict(
            pairs)

    def _organisations(self):
        env, street = self.env, self.street
        community_ids = self.ids["community.community"]
        partner_ids = []
        for values in street["organisations"]:
            vals = {
                "name": values["name"], "is_company": True,
                "organisation_type": values["organisation_type"],
                "community_id": community_ids[values["community"]],
                "social_org_status": values["social_org_status"],
            }
            if values.get("compound") is not None:
                vals["street"] = street["compounds"][values["compound"]][
                    "address"]
            partner_ids.append(env["res.partner"].create(vals).id)
        self.ids["res.partner"] = partner_ids
        for values in street["councils"]:
            env["community.council"].create({
                "name": values["name"], "kind": values["kind"],
                "community_id": community_ids[values["community"]],
                "member_ids": [(6, 0, [partner_ids[index]
                                       for index in values["members"]])],
            })

    def _posts_and_volunteers(self):
        env, street = self.env, self.street
        post_types = {
            post_type.code: post_type.id
            for post_type in env["community.post.type"].search(
                [("code", "!=", False)])}
        buildings = self.ids["community.building"]
        compounds = self.ids["community.compound"]
        residents = self.ids["community.resident"]
        rows = []
        for values in street["posts"]:
            if values["type"] not in post_types:
                continue
            building = values["building"]
            compound = values["compound"]
            if building is not None:
                compound = street["buildings"][building]["compound"]
            rows.append({
                "type_id": post_types[values["type"]],
                "resident_id": residents[values["resident"]],
                "building_id": buildings[building] if building is not None
                else False,
                "compound_id": compounds[compound],
                "community_id": self.ids["community.community"][
                    values["community"]],
                "company_id": self.place_of_resident[values["resident"]][1],
                "date_start": values["date_start"],
                "date_end": values["date_end"] or False,
                "selection_method": values["selection_method"],
                "vote_count": values["vote_count"],
                "active": True,
            })
        self._insert("community.post", rows)
        partners = self.ids["res.partner"]
        self._insert("community.volunteer.activity", [{
            "date": values["date"],
            "team_id": partners[values["team"]],
            "volunteer_id": residents[values["volunteer"]],
            "community_id": self.place_of_resident[values["volunteer"]][0],
            "company_id": self.place_of_resident[values["volunteer"]][1],
            "hours": values["hours"],
            "description": values["description"],
        } for values in street["volunteer_activities"]])

    def _admission(self):
        env, street = self.env, self.street
        streets = self.ids["res.company"]
        communities = self.ids["community.community"]
        departments = [env["hr.department"].create({
            "name": name, "company_id": False}).id
            for name in street["departments"]]
        requests = env["community.admission.request"]
        for values in street["admission_requests"]:
            request = requests.create({
                "name": values["name"],
                "department_id": departments[values["department"]],
                "task_type": values["task_type"],
                "legal_basis": values["legal_basis"],
                "community_ids": [(6, 0, [communities[index]
                                          for index in values["communities"]])],
                "workload": values["workload"],
                "funding_amount": values["funding_amount"],
                "company_id": streets[values["street"]],
                "currency_id": env.ref("base.CNY").id,
                "date_start": values["date_start"],
                "date_end": values["date_end"],
            })
            self._move_request(request, values["state"])
        demo_inbound.load_inbound_demo(
            env, street["seed"], street["today"],
            env["community.community"].browse(communities),
            env["hr.department"].browse(departments))
        items = [self._seal_item(values, streets[values["street"]])
                 for values in street["seal_items"]]
        residents = self.ids["community.resident"]
        self._insert("community.seal.usage", [{
            "item_id": items[values["item"]],
            "date": values["date"],
            "user_id": self.env.uid,
            "applicant": values["applicant"],
            "resident_id": residents[values["resident"]],
            "document": values["document"],
            "community_id": communities[values["community"]],
            "company_id": streets[street["communities"][values["community"]][
                "street"]],
        } for values in street["seal_usages"]])

    def _seal_item(self, values, company_id):
        """The street's item of the catalogue: the shipped one of the same
        code when the street has it (the renamed main company), else a new
        one."""
        SealItem = self.env["community.seal.item"]
        shipped = SealItem.search([
            ("company_id", "=", company_id),
            ("code", "=", values["code"].rsplit("-", 1)[0])], limit=1)
        return (shipped or SealItem.create({
            "name": values["name"], "code": values["code"],
            "legal_basis": values["legal_basis"], "company_id": company_id,
        })).id

    def _move_request(self, request, state):
        """Take a request through the approval to ``state`` as its approver
        (the superuser is a street administrator)."""
        if state == "draft":
            return
        request.action_submit()
        if state == "submitted":
            return
        if state == "rejected":
            # demo data speaks the street's language, like the names
            request.reject_reason = "该事项属于部门自身职责，无需社区承担。"
            request.action_reject()
            return
        request.invalidate_cache()
        if request.review_ids:
            request.validate_tier()
        if request.state != "approved":
            request.action_approve()
        if state == "closed":
            request.action_close()

    def _partner_hours(self):
        teams = self.env["res.partner"].browse(self.ids["res.partner"])
        if "volunteer_hours" in teams._fields:
            self.bulk.compute_stored(teams, skip=[
                name for name in teams._fields if name != "volunteer_hours"])
            self.env.cache.invalidate()

    def _users(self):
        """The administrator runs the demo street; one user per role lets
        testers try the roles (password = login)."""
        env = self.env
        streets = env["res.company"].browse(self.ids["res.company"])
        main_street = streets[0]
        communities = env["community.community"].browse(
            self.ids["community.community"])
        street_communities = communities.filtered(
            lambda community: community.company_id == main_street)
        admin = env.ref("base.user_root")
        admin.write({
            "company_ids": [(4, self.district.id)] + [
                (4, company.id) for company in streets],
            "company_id": main_street.id,
            "community_ids": [(4, community.id) for community in communities],
            "groups_id": [(4, env.ref(roles.STREET_ADMIN).id)],
        })
        lang = "zh_CN" if env["res.lang"].search(
            [("code", "=", "zh_CN")]) else "en_US"
        # each user lands on the page of their roles (res.users
        # _community_set_home_action), as any user given a role
        for login, name, group_xmlids, scope in DEMO_USERS:
            groups = [env.ref(xmlid, raise_if_not_found=False)
                      for xmlid in group_xmlids]
            if not all(groups) or env["res.users"].search(
                    [("login", "=", login)]):
                continue
            scoped = (street_communities if scope == "all"
                      else street_communities[scope:scope + 1])
            env["res.users"].create({
                "name": name, "login": login, "password": login,
                "email": "%s@example.com" % login,
                "lang": lang, "tz": "Asia/Shanghai",
                "company_id": main_street.id,
                "company_ids": [(6, 0, [main_street.id])],
                "community_ids": [(6, 0, scoped.ids)],
                "groups_id": [(6, 0, [group.id for group in groups])],
            })


def ensure_demo_scale(scale):
    """Refuse scales that make no street or a much larger one than a real
    street office."""
    if not 0 < scale <= 5:
        raise UserError(_("The demo scale must be between 0 and 5, not %s.")
                        % scale)
    return scale
