# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import PartyCase


class TestRegisterAccess(PartyCase):
    """Who reads which organisation and member: the rules of the core."""

    def _members(self, user):
        return self.env["party.member"].sudo(user).search([])

    def test_officer_reads_the_street(self):
        self.assertEqual(
            self._members(self.party_officer),
            self.member_a1 | self.member_a1_probationary | self.member_a2)

    def test_secretary_reads_own_community(self):
        self.assertEqual(self._members(self.party_secretary),
                         self.member_a1 | self.member_a1_probationary)
        self.assertEqual(self._members(self.party_secretary_a2),
                         self.member_a2)

    def test_organiser_reads_the_organisation_kept(self):
        self.assertEqual(self._members(self.party_organiser), self.member_a1)
        organisations = self.env["party.organisation"].sudo(
            self.party_organiser).search([])
        self.assertEqual(organisations, self.branch_a1)

    def test_leader_reads_masks_only(self):
        member = self.member_a1.sudo(self.leader)
        number = self.member_a1.id_number
        self.assertEqual(member.id_number_masked,
                         number[:6] + "*" * 8 + number[-4:])
        self.assertEqual(member.phone_masked, "138****5678")
        with self.assertRaises(AccessError):
            member.read(["id_number"])

    def test_other_roles_see_nothing_of_the_register(self):
        for user in (self.community_clerk, self.street_clerk,
                     self.grid_officer, self.internal_user):
            with self.assertRaises(AccessError):
                self.env["party.member"].sudo(user).search([])
            with self.assertRaises(AccessError):
                self.env["party.organisation"].sudo(user).search([])
