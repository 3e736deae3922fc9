# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .inservice_common import InserviceCase

MODELS = ("party.inservice.registration", "party.inservice.commitment",
          "party.inservice.unit.report")


class TestInserviceAccess(InserviceCase):
    """Who reads and writes which registration: the officer and the leader
    (read only) the street, a secretary their communities, an organiser
    the members of the organisations they keep; nobody else anything."""

    def _registrations(self, user):
        return self.env["party.inservice.registration"].sudo(user).search([])

    def test_officer_and_leader_read_the_street(self):
        everyone = self.reg_1 | self.reg_2 | self.reg_3 | self.reg_v1
        self.assertEqual(self._registrations(self.party_officer), everyone)
        self.assertEqual(self._registrations(self.leader), everyone)

    def test_leader_cannot_write(self):
        with self.assertRaises(AccessError):
            self.reg_1.sudo(self.leader).write({"community_comment": "x"})

    def test_secretary_reads_own_community(self):
        self.assertEqual(self._registrations(self.party_secretary),
                         self.reg_1 | self.reg_2 | self.reg_3)
        self.assertEqual(self._registrations(self.party_secretary_a2),
                         self.reg_v1)

    def test_secretary_reads_hours_without_the_volunteer_register(self):
        registration = self.reg_1.sudo(self.party_secretary)
        self.assertAlmostEqual(registration.hours_this_year, 5.5)
        with self.assertRaises(AccessError):
            self.env["community.volunteer.activity"].sudo(
                self.party_secretary).search([])

    def test_secretary_writes_the_comment_of_own_community_only(self):
        self.reg_1.sudo(self.party_secretary).write(
            {"community_comment": "Always on time."})
        self.assertEqual(self.reg_1.community_comment, "Always on time.")
        with self.assertRaises(AccessError):
            self.reg_1.sudo(self.party_secretary_a2).write(
                {"community_comment": "x"})

    def test_secretary_cannot_register_in_another_community(self):
        Registration = self.env["party.inservice.registration"].sudo(
            self.party_secretary)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Registration.create({
                "member_id": self.member_u5.id,
                "community_id": self.community_a2.id,
                "unit_id": self.unit_u.id})

    def test_secretary_registers_and_takes_a_commitment(self):
        registration = self.env["party.inservice.registration"].sudo(
            self.party_secretary).create({
                "member_id": self.member_u5.id,
                "community_id": self.community_a1.id,
                "unit_id": self.unit_u.id,
                "commitment_ids": [(0, 0, {"kind": "pioneer_post"})]})
        self.assertEqual(registration.company_id, self.street_a)
        self.assertEqual(registration.commitment_ids.community_id,
                         self.community_a1)

    def test_organiser_reads_only_the_members_of_the_organisations_kept(self):
        self.assertEqual(self._registrations(self.unit_organiser),
                         self.reg_1 | self.reg_2 | self.reg_3)
        # keeps a branch of community A1, but none of these members
        self.assertFalse(self._registrations(self.party_organiser))
        commitments = self.env["party.inservice.commitment"].sudo(
            self.party_organiser).search([])
        self.assertFalse(commitments)

    def test_organiser_registers_a_member_kept(self):
        registration = self.env["party.inservice.registration"].sudo(
            self.unit_organiser).create({
                "member_id": self.member_u5.id,
                "community_id": self.community_a1.id,
                "unit_id": self.unit_u.id})
        self.assertEqual(registration.member_organisation_id,
                         self.unit_branch_u)

    def test_other_roles_see_nothing(self):
        for user in (self.community_clerk, self.street_clerk,
                     self.grid_officer, self.internal_user):
            for model in MODELS:
                with self.assertRaises(AccessError, msg="%s %s" % (
                        user.login, model)):
                    self.env[model].sudo(user).search([])

    def test_menus_open_for_the_party_roles_and_the_leader(self):
        registrations = self.env.ref(
            "community_party.party_inservice_registration_action")
        report = self.env.ref(
            "community_party.party_inservice_unit_report_action")
        for user in (self.party_officer, self.party_secretary,
                     self.unit_organiser, self.leader):
            found = self.open_action(registrations, user)
            self.assertIn(self.reg_1, found, user.login)
            rows = self.open_action(report, user)
            self.assertIn(self.reg_1, rows.mapped("registration_id"),
                          user.login)
        batch_menu = self.env.ref(
            "community_party.party_inservice_batch_menu")
        self.assertIn(batch_menu, self.visible_menus(self.party_secretary))
        self.assertNotIn(batch_menu, self.visible_menus(self.leader))
