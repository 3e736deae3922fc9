# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo street in the database: what the SQL inserts wrote matches what
the ORM would have computed."""
import datetime

from odoo import fields
from odoo.tests.common import SavepointCase

from ..tools import demo_data, demo_loader, id_number, street_time
from ..tools.demo_loader import load_demo

SCALE = 0.005


class TestDemoLoader(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.main_company = cls.env.ref("base.main_company")
        cls.companies_before = cls.env["res.company"].search([])
        cls.summary = load_demo(cls.env, seed=1, scale=SCALE,
                                today=demo_data.DEMO_TODAY)
        cls.street = demo_data.generate(seed=1, scale=SCALE)
        cls.district = cls.env.ref("community_base.district_demo")
        cls.companies = cls.env["res.company"].search(
            [("parent_id", "=", cls.district.id)])
        cls.domain = [("company_id", "in", cls.companies.ids)]

    def _count(self, model):
        return self.env[model].with_context(active_test=False).search_count(
            self.domain)

    def test_counts_in_the_database(self):
        street = self.street
        self.assertTrue(self.summary["created"])
        self.assertEqual(len(self.companies), len(street["streets"]))
        self.assertTrue(all(self.companies.mapped("is_street_office")))
        for model, key in (("community.community", "communities"),
                           ("community.compound", "compounds"),
                           ("community.building", "buildings"),
                           ("community.household", "households"),
                           ("community.resident", "residents"),
                           ("community.post", "posts"),
                           ("community.council", "councils"),
                           ("community.volunteer.activity",
                            "volunteer_activities"),
                           ("community.admission.request",
                            "admission_requests"),
                           ("community.seal.usage", "seal_usages")):
            self.assertEqual(self._count(model), len(street[key]), model)
            self.assertEqual(self.summary["counts"][model], len(street[key]),
                             model)

    def test_counts_on_communities_are_the_real_counts(self):
        communities = self.env["community.community"].search(self.domain)
        Resident = self.env["community.resident"]
        for community in communities:
            domain = [("community_id", "=", community.id)]
            self.assertEqual(community.compound_count, self.env[
                "community.compound"].search_count(domain))
            self.assertEqual(community.building_count, self.env[
                "community.building"].search_count(domain))
            self.assertEqual(community.household_count, self.env[
                "community.household"].search_count(domain))
            self.assertEqual(community.resident_count, Resident.search_count(
                domain + [("state", "=", "living")]))
            self.assertTrue(community.resident_count)
        households = self.env["community.household"].search(self.domain)
        for household in households:
            self.assertEqual(household.member_count,
                             len(household.resident_ids))

    def test_counts_survive_a_recompute_by_the_orm(self):
        communities = self.env["community.community"].search(self.domain)
        before = communities.read(["household_count", "resident_count"])
        # recompute from what the database holds, not from the cache
        self.env["community.community"].invalidate_cache()
        households = self.env["community.household"].search(self.domain)
        self.env.add_todo(households._fields["member_count"], households)
        buildings = self.env["community.building"].search(self.domain)
        self.env.add_todo(buildings._fields["household_count"], buildings)
        compounds = self.env["community.compound"].search(self.domain)
        self.env.add_todo(compounds._fields["household_count"], compounds)
        self.env.add_todo(communities._fields["household_count"], communities)
        communities.recompute()
        communities.invalidate_cache()
        self.assertEqual(
            communities.read(["household_count", "resident_count"]), before)

    def test_residents_carry_their_computed_fields(self):
        residents = self.env["community.resident"].search(self.domain)
        for resident in residents:
            self.assertTrue(id_number.is_valid(resident.id_number))
            self.assertEqual(resident.birth_date, str(
                id_number.birth_date(resident.id_number)))
            self.assertEqual(resident.sex, id_number.sex(resident.id_number))
            household = resident.household_id
            self.assertEqual(resident.community_id, household.community_id)
            self.assertEqual(resident.company_id,
                             household.building_id.compound_id.company_id)
        heads = residents.filtered(lambda r: r.relation == "head")
        self.assertEqual(heads.mapped("household_id.head_id"), heads)
        household = heads[0].household_id
        self.assertIn(household.building_id.name, household.name)
        self.assertIn(household.room, household.name)
        cared = residents.filtered("care_group_ids")
        self.assertTrue(cared)

    def test_volunteer_hours_are_summed(self):
        activities = self.env["community.volunteer.activity"].search(
            self.domain)
        self.assertTrue(activities)
        volunteer = activities[0].volunteer_id
        self.assertAlmostEqual(
            volunteer.volunteer_hours,
            sum(activities.filtered(
                lambda a: a.volunteer_id == volunteer).mapped("hours")))
        team = activities[0].team_id
        self.assertAlmostEqual(team.volunteer_hours, sum(activities.filtered(
            lambda a: a.team_id == team).mapped("hours")))

    def test_posts_and_requests_are_valid(self):
        posts = self.env["community.post"].search(self.domain)
        posts._check_place()
        posts._check_vote_count()
        self.assertTrue(all(posts.mapped("level")))
        requests = self.env["community.admission.request"].search(self.domain)
        by_state = {state: requests.filtered(lambda r, s=state: r.state == s)
                    for state in set(requests.mapped("state"))}
        self.assertIn("approved", by_state)
        self.assertTrue(all(by_state["approved"].mapped("validated")))

    def test_admin_and_demo_users(self):
        admin = self.env.ref("base.user_root")
        communities = self.env["community.community"].search(self.domain)
        self.assertTrue(admin.has_group("community_base.group_street_admin"))
        self.assertEqual(admin.company_id, self.companies[0])
        self.assertLessEqual(communities, admin.community_ids)
        clerk = self.env["res.users"].search(
            [("login", "=", "clerk_community1")])
        self.assertEqual(len(clerk.community_ids), 1)
        self.assertTrue(clerk.has_group("community_base.group_community_clerk"))
        self.assertFalse(clerk.has_group("community_base.group_street_clerk"))
        seen = self.env["community.resident"].sudo(clerk).search([])
        self.assertEqual(seen.mapped("community_id"), clerk.community_ids)
        for login in ("leader", "clerk_street", "clerk_community1"):
            self.assertIn(login, self.summary["logins"])
        # leaders and administrators land on the dashboard, clerks on their
        # work page, as any user given these roles
        dashboard = self.env.ref(
            "community_base.community_kpi_dashboard_action")
        my_work = self.env.ref("community_base.community_kpi_my_work_action")
        users = self.env["res.users"].search([
            ("login", "in", ["leader", "admin_street", "clerk_community1"])])
        self.assertEqual(
            {user.login: user.action_id.id for user in users},
            {"leader": dashboard.id, "admin_street": dashboard.id,
             "clerk_community1": my_work.id})
        self.assertEqual(admin.action_id.id, dashboard.id)

    def test_the_main_company_is_the_first_street(self):
        """The administrator's company is the street office, not "My
        Company" nor another company beside it."""
        main = self.main_company
        self.assertEqual(main, self.companies[0])
        self.assertEqual(main.name, self.street["streets"][0]["name"])
        self.assertEqual(main.partner_id.name, main.name)
        self.assertTrue(main.is_street_office)
        self.assertEqual(main.parent_id, self.district)
        self.assertNotIn("yourcompany", main.partner_id.email or "")
        self.assertEqual(self.env.ref("community_base.street_1_demo"), main)
        # the district is the one company more
        self.assertEqual(self.env["res.company"].search([]),
                         self.companies_before | self.district)
        # the catalogue shipped for the main company is the street's, with
        # the demo's items it lacks: one item per code
        items = self.env["community.seal.item"].search(
            [("company_id", "=", main.id)])
        codes = [item.code.split("-")[0] for item in items]
        self.assertEqual(len(codes), len(set(codes)))
        self.assertIn(self.env.ref(
            "community_base.community_seal_item_work_certificate"), items)
        self.assertEqual(len(items), len(demo_data.SEAL_ITEMS))

    def test_dated_from_the_streets_today_by_default(self):
        self.assertEqual(
            demo_loader.demo_today(self.env),
            fields.Date.from_string(street_time.street_today(self.env)))
        self.assertEqual(
            demo_loader.demo_today(self.env, "2027-03-04"),
            datetime.date(2027, 3, 4))

    def test_second_run_writes_nothing(self):
        before = {model: self._count(model) for model in (
            "community.community", "community.household",
            "community.resident")}
        users = self.env["res.users"].search_count([])
        summary = load_demo(self.env, seed=1, scale=SCALE)
        self.assertFalse(summary["created"])
        for model, count in before.items():
            self.assertEqual(self._count(model), count, model)
            self.assertEqual(summary["counts"][model], count, model)
        self.assertEqual(self.env["res.users"].search_count([]), users)
