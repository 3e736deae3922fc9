# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError

from .test_post import PostCase


class OrganisationCase(PostCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.unit_a1 = Partner.create({
            "name": "Power Supply Bureau", "is_company": True,
            "organisation_type": "resident_unit",
            "community_id": cls.community_a1.id})
        cls.property_a1 = Partner.create({
            "name": "Sunny Property Services", "is_company": True,
            "organisation_type": "property_company",
            "community_id": cls.community_a1.id})
        cls.unit_b1 = Partner.create({
            "name": "Middle School No. 5", "is_company": True,
            "organisation_type": "resident_unit",
            "community_id": cls.community_b1.id})
        Council = cls.env["community.council"]
        cls.council_a1 = Council.create({
            "name": "A1 party-building council", "kind": "party_building",
            "community_id": cls.community_a1.id,
            "member_ids": [(6, 0, (cls.unit_a1 | cls.property_a1).ids)]})
        cls.council_a2 = Council.create({
            "name": "A2 co-building council", "kind": "co_building",
            "community_id": cls.community_a2.id})
        cls.council_b1 = Council.create({
            "name": "B1 party-building council", "kind": "party_building",
            "community_id": cls.community_b1.id,
            "member_ids": [(6, 0, cls.unit_b1.ids)]})


class TestOrganisation(OrganisationCase):

    def test_company_follows_community_street(self):
        self.assertEqual(self.unit_a1.company_id, self.street_a)
        self.assertEqual(self.unit_b1.company_id, self.street_b)

    def test_moving_to_another_community_moves_street(self):
        self.unit_a1.community_id = self.community_b1
        self.assertEqual(self.unit_a1.company_id, self.street_b)

    def test_social_organisation_without_status_refused(self):
        with self.assertRaisesRegex(ValidationError, "Elderly Care Society"):
            self.env["res.partner"].create({
                "name": "Elderly Care Society", "is_company": True,
                "organisation_type": "social_org",
                "community_id": self.community_a1.id})

    def test_social_organisation_filed_accepted(self):
        org = self.env["res.partner"].create({
            "name": "Elderly Care Society", "is_company": True,
            "organisation_type": "social_org", "social_org_status": "filed",
            "community_id": self.community_a1.id})
        self.assertEqual(org.social_org_status, "filed")

    def test_organisation_type_on_a_person_refused(self):
        with self.assertRaisesRegex(ValidationError, "must be a company"):
            self.env["res.partner"].create({
                "name": "Zhao Lei", "organisation_type": "volunteer_team"})

    def test_organisation_keeps_contacts(self):
        contact = self.env["res.partner"].create({
            "name": "Chen Jing", "parent_id": self.unit_a1.id,
            "function": "Party secretary"})
        self.assertIn(contact, self.unit_a1.child_ids)

    def test_council_members_see_their_seats(self):
        self.assertEqual(self.unit_a1.council_ids, self.council_a1)
        self.assertEqual(self.council_a1.member_count, 2)
        self.council_a2.member_ids = self.unit_a1
        self.assertEqual(self.unit_a1.council_ids,
                         self.council_a1 | self.council_a2)

    def test_council_takes_street_of_community(self):
        self.assertEqual(self.council_a1.company_id, self.street_a)
        self.assertEqual(self.council_b1.company_id, self.street_b)

    def test_community_clerk_sees_councils_of_own_community_only(self):
        councils = self.env["community.council"].sudo(
            self.community_clerk.id).search([])
        self.assertEqual(councils, self.council_a1)

    def test_street_clerk_sees_councils_of_own_street(self):
        councils = self.env["community.council"].sudo(
            self.street_clerk.id).search([])
        self.assertEqual(councils, self.council_a1 | self.council_a2)

    def test_leader_cannot_change_council(self):
        council = self.council_a1.sudo(self.leader.id)
        self.assertEqual(council.name, "A1 party-building council")
        with self.assertRaises(AccessError):
            council.write({"name": "Renamed"})

    def test_community_clerk_cannot_create_council_elsewhere(self):
        with self.assertRaises(AccessError):
            self.env["community.council"].sudo(self.community_clerk.id).create({
                "name": "Not mine", "community_id": self.community_b1.id})

    def test_community_clerk_registers_organisation(self):
        org = self.env["res.partner"].sudo(self.community_clerk.id).create({
            "name": "Harmony Volunteers", "is_company": True,
            "organisation_type": "volunteer_team",
            "community_id": self.community_a1.id})
        self.assertEqual(org.company_id, self.street_a)

    def test_leader_cannot_change_organisation(self):
        with self.assertRaises(AccessError):
            self.unit_a1.sudo(self.leader.id).write({"name": "Renamed"})

    def test_organisations_action_lists_organisations_only(self):
        person = self.env["res.partner"].create({"name": "Someone"})
        action = self.env.ref("community_base.res_partner_action")
        records = self.open_action(action, self.community_clerk)
        self.assertIn(self.unit_a1, records)
        self.assertIn(self.property_a1, records)
        self.assertNotIn(person, records)
        self.assertIn("group_organisation_type", action.context)

    def test_community_clerk_opens_councils(self):
        action = self.env.ref("community_base.community_council_action")
        records = self.open_action(action, self.community_clerk)
        self.assertEqual(records, self.council_a1)
