# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from .common import StreetRoleCase


def _day(offset):
    return fields.Date.to_string(date.today() + timedelta(days=offset))


class PostCase(StreetRoleCase):
    """Two streets; street A has communities A1 (three buildings) and A2,
    street B has B1. The community clerk works in A1 only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # messages and data names in English, whatever the admin's language
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.street_a = cls.env.user.company_id
        cls.street_b = cls.env["res.company"].create({"name": "Street B"})
        Community = cls.env["community.community"]
        cls.community_a1 = Community.create({
            "name": "Community A1", "code": "PA1",
            "company_id": cls.street_a.id})
        cls.community_a2 = Community.create({
            "name": "Community A2", "code": "PA2",
            "company_id": cls.street_a.id})
        cls.community_b1 = Community.create({
            "name": "Community B1", "code": "PB1",
            "company_id": cls.street_b.id})
        cls.compound_a1 = cls._compound(cls.community_a1, "Sunny Garden")
        cls.compound_a2 = cls._compound(cls.community_a2, "Peace Court")
        cls.compound_b1 = cls._compound(cls.community_b1, "East Wind Yard")
        cls.buildings_a1 = cls._building(cls.compound_a1, "1") \
            | cls._building(cls.compound_a1, "2") \
            | cls._building(cls.compound_a1, "3")
        cls.building_a2 = cls._building(cls.compound_a2, "1")
        cls.building_b1 = cls._building(cls.compound_b1, "1")
        cls.resident_a1 = cls._resident(cls.buildings_a1[0], "Wang Wei")
        cls.resident_a1_bis = cls._resident(cls.buildings_a1[1], "Li Na")
        cls.resident_a2 = cls._resident(cls.building_a2, "Zhang Min")
        cls.resident_b1 = cls._resident(cls.building_b1, "Liu Yang")
        cls.community_clerk.community_ids = cls.community_a1
        for user in (cls.leader, cls.street_clerk, cls.street_admin):
            user.company_ids |= cls.street_a
        cls.building_head = cls.env.ref(
            "community_base.community_post_type_building_head")
        cls.unit_head = cls.env.ref(
            "community_base.community_post_type_unit_head")
        cls.party_group_leader = cls.env.ref(
            "community_base.community_post_type_party_group_leader")

    @classmethod
    def _compound(cls, community, name):
        return cls.env["community.compound"].create({
            "name": name, "kind": "estate", "community_id": community.id})

    @classmethod
    def _building(cls, compound, name):
        return cls.env["community.building"].create({
            "name": name, "compound_id": compound.id})

    @classmethod
    def _resident(cls, building, name):
        household = cls.env["community.household"].create({
            "building_id": building.id, "unit": "1", "room": "101"})
        return cls.env["community.resident"].create({
            "name": name, "household_id": household.id, "relation": "head"})

    @classmethod
    def _post(cls, post_type, place, resident, **values):
        vals = {
            "type_id": post_type.id,
            "resident_id": resident.id,
            "date_start": _day(-30),
        }
        if place._name == "community.building":
            vals["building_id"] = place.id
        elif place._name == "community.compound":
            vals["compound_id"] = place.id
        else:
            vals["community_id"] = place.id
        vals.update(values)
        return cls.env["community.post"].create(vals)


class TestPost(PostCase):

    def test_building_post_takes_compound_and_community_of_building(self):
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.resident_a1)
        self.assertEqual(post.compound_id, self.compound_a1)
        self.assertEqual(post.community_id, self.community_a1)
        self.assertEqual(post.company_id, self.street_a)
        self.assertEqual(post.level, "building")

    def test_compound_post_takes_community_of_compound(self):
        post = self._post(self.party_group_leader, self.compound_a2,
                          self.resident_a2)
        self.assertEqual(post.community_id, self.community_a2)
        self.assertFalse(post.building_id)

    def test_building_post_without_building_refused_naming_post(self):
        with self.assertRaisesRegex(ValidationError, "Building head"):
            self._post(self.building_head, self.compound_a1, self.resident_a1)

    def test_compound_post_without_compound_refused_naming_post(self):
        with self.assertRaisesRegex(ValidationError, "Party group leader"):
            self._post(self.party_group_leader, self.community_a1,
                       self.resident_a1)

    def test_building_outside_compound_refused(self):
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.resident_a1)
        with self.assertRaisesRegex(ValidationError, "is not in the compound"):
            post.write({"compound_id": self.compound_a2.id})

    def test_post_without_holder_refused(self):
        with self.assertRaisesRegex(ValidationError, "needs a holder"):
            self._post(self.building_head, self.buildings_a1[0],
                       self.env["community.resident"])

    def test_non_resident_holder_accepted(self):
        partner = self.env["res.partner"].create({"name": "Retired teacher"})
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.env["community.resident"],
                          partner_id=partner.id)
        self.assertEqual(post.holder_name, "Retired teacher")

    def test_term_ending_before_start_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot end"):
            self._post(self.building_head, self.buildings_a1[0],
                       self.resident_a1, date_start=_day(0),
                       date_end=_day(-1))

    def test_elected_post_without_votes_refused(self):
        with self.assertRaisesRegex(ValidationError, "number of votes"):
            self._post(self.building_head, self.buildings_a1[0],
                       self.resident_a1, selection_method="elected")

    def test_elected_post_with_votes_accepted(self):
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.resident_a1, selection_method="elected",
                          vote_count=57)
        self.assertEqual(post.vote_count, 57)

    def test_appointed_post_needs_no_votes(self):
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.resident_a1)
        self.assertEqual(post.selection_method, "appointed")
        self.assertTrue(post.active)

    def test_post_with_past_term_end_is_archived(self):
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.resident_a1, date_end=_day(-1))
        self.assertFalse(post.active)

    def test_restoring_post_with_ended_term_refused(self):
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.resident_a1, date_end=_day(-1))
        with self.assertRaisesRegex(ValidationError, "extend the term"):
            post.toggle_active()

    def test_restoring_post_with_extended_term_accepted(self):
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.resident_a1, date_end=_day(-1))
        post.write({"active": True, "date_end": _day(365)})
        self.assertTrue(post.active)

    def test_post_ending_today_stays_active(self):
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.resident_a1, date_end=_day(0))
        self.assertTrue(post.active)

    def test_cron_archives_posts_whose_term_ended(self):
        ending = self._post(self.building_head, self.buildings_a1[0],
                            self.resident_a1, date_end=_day(10))
        running = self._post(self.building_head, self.buildings_a1[1],
                             self.resident_a1_bis, date_end=_day(20))
        archived = self.env["community.post"]._archive_ended_terms(
            today=_day(11))
        self.assertEqual(archived, ending)
        self.assertFalse(ending.active)
        self.assertTrue(running.active)

    def test_daily_cron_runs_archiving(self):
        cron = self.env.ref("community_base.community_post_cron_archive_ended")
        self.assertEqual(cron.model_id.model, "community.post")
        self.assertEqual(cron.interval_type, "days")
        self.assertIn("_archive_ended_terms", cron.code)

    def test_name_shows_place_post_and_holder(self):
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.resident_a1)
        name = post.display_name
        self.assertIn("Building head", name)
        self.assertIn("Wang Wei", name)
        self.assertIn("Sunny Garden", name)


class TestBuildingHeadCoverage(PostCase):

    def test_coverage_is_share_of_buildings_with_a_head(self):
        self._post(self.building_head, self.buildings_a1[0], self.resident_a1)
        self._post(self.building_head, self.buildings_a1[1],
                   self.resident_a1_bis)
        self.assertAlmostEqual(
            self.community_a1.building_head_coverage, 66.67, places=2)
        self.assertTrue(self.community_a1.building_head_below_target)

    def test_ending_a_term_lowers_coverage(self):
        post = self._post(self.building_head, self.buildings_a1[0],
                          self.resident_a1)
        self._post(self.building_head, self.buildings_a1[1],
                   self.resident_a1_bis)
        post.action_end_term()
        self.assertFalse(post.active)
        self.community_a1.invalidate_cache()
        self.assertAlmostEqual(
            self.community_a1.building_head_coverage, 33.33, places=2)

    def test_full_coverage_meets_target(self):
        for building in self.buildings_a1:
            self._post(self.building_head, building, self.resident_a1)
        self.assertEqual(self.community_a1.building_head_coverage, 100.0)
        self.assertFalse(self.community_a1.building_head_below_target)

    def test_two_heads_of_one_building_count_once(self):
        self._post(self.building_head, self.buildings_a1[0], self.resident_a1)
        self._post(self.building_head, self.buildings_a1[0],
                   self.resident_a1_bis)
        self.assertAlmostEqual(
            self.community_a1.building_head_coverage, 33.33, places=2)

    def test_other_posts_do_not_count(self):
        self._post(self.unit_head, self.buildings_a1[0], self.resident_a1)
        self.assertEqual(self.community_a1.building_head_coverage, 0.0)

    def test_term_not_started_does_not_count(self):
        self._post(self.building_head, self.buildings_a1[0],
                   self.resident_a1, date_start=_day(5))
        self.assertEqual(self.community_a1.building_head_coverage, 0.0)

    def test_coverage_is_per_community(self):
        self._post(self.building_head, self.building_a2, self.resident_a2)
        self.assertEqual(self.community_a2.building_head_coverage, 100.0)
        self.assertEqual(self.community_a1.building_head_coverage, 0.0)

    def test_community_without_buildings_has_no_coverage(self):
        community = self.env["community.community"].create({
            "name": "Empty", "code": "PEMPTY",
            "company_id": self.street_a.id})
        self.assertEqual(community.building_head_coverage, 0.0)

    def test_leader_opens_communities_with_coverage(self):
        self._post(self.building_head, self.building_a2, self.resident_a2)
        action = self.env.ref("community_base.community_community_action")
        communities = self.open_action(action, self.leader)
        self.assertIn(self.community_a2, communities)
        self.assertEqual(communities.filtered(
            lambda community: community == self.community_a2
        ).building_head_coverage, 100.0)

    def test_leader_reads_coverage(self):
        self._post(self.building_head, self.buildings_a1[0], self.resident_a1)
        community = self.community_a1.sudo(self.leader.id)
        self.assertAlmostEqual(community.building_head_coverage, 33.33,
                               places=2)


class TestPostAccess(PostCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.post_a1 = cls._post(cls.building_head, cls.buildings_a1[0],
                                cls.resident_a1)
        cls.post_a2 = cls._post(cls.building_head, cls.building_a2,
                                cls.resident_a2)
        cls.post_b1 = cls._post(cls.building_head, cls.building_b1,
                                cls.resident_b1)

    def _visible(self, user):
        return self.env["community.post"].sudo(user.id).search([])

    def test_community_clerk_sees_own_community_only(self):
        posts = self._visible(self.community_clerk)
        self.assertIn(self.post_a1, posts)
        self.assertNotIn(self.post_a2, posts)
        self.assertNotIn(self.post_b1, posts)

    def test_street_clerk_sees_own_street_only(self):
        posts = self._visible(self.street_clerk)
        self.assertIn(self.post_a1, posts)
        self.assertIn(self.post_a2, posts)
        self.assertNotIn(self.post_b1, posts)

    def test_leader_sees_street_and_cannot_write(self):
        posts = self._visible(self.leader)
        self.assertIn(self.post_a2, posts)
        self.assertNotIn(self.post_b1, posts)
        with self.assertRaises(AccessError):
            self.post_a1.sudo(self.leader.id).write({"note": "changed"})
        with self.assertRaises(AccessError):
            self._post(self.building_head, self.buildings_a1[2],
                       self.resident_a1).sudo(self.leader.id).unlink()

    def test_community_clerk_creates_post_in_own_community(self):
        post = self.env["community.post"].sudo(self.community_clerk.id).create({
            "type_id": self.building_head.id,
            "building_id": self.buildings_a1[2].id,
            "resident_id": self.resident_a1.id,
        })
        self.assertEqual(post.community_id, self.community_a1)

    def test_community_clerk_cannot_create_post_elsewhere(self):
        with self.assertRaises(AccessError):
            self.env["community.post"].sudo(self.community_clerk.id).create({
                "type_id": self.building_head.id,
                "building_id": self.building_a2.id,
                "resident_id": self.resident_a2.id,
            })

    def test_community_clerk_cannot_change_post_types(self):
        post_type = self.building_head.sudo(self.community_clerk.id)
        self.assertEqual(post_type.name, "Building head")
        with self.assertRaises(AccessError):
            post_type.write({"name": "Renamed"})

    def test_street_admin_adds_post_type(self):
        post_type = self.env["community.post.type"].sudo(
            self.street_admin.id).create({
                "name": "Courtyard head", "code": "courtyard_head",
                "level": "compound"})
        self.assertEqual(post_type.level, "compound")

    def test_community_clerk_opens_posts(self):
        action = self.env.ref("community_base.community_post_action")
        posts = self.open_action(action, self.community_clerk)
        self.assertEqual(posts, self.post_a1)

    def test_street_admin_opens_post_types(self):
        action = self.env.ref("community_base.community_post_type_action")
        types = self.open_action(action, self.street_admin)
        self.assertIn(self.building_head, types)
