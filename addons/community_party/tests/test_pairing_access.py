# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .meeting_common import MeetingCase


class TestPairingAccess(MeetingCase):
    """Who reads and keeps which pairing, commitment and instructor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Pairing = cls.env["party.pairing"]
        cls.pairing_a1 = Pairing.create({
            "name": "Tax office - A1", "unit_id": cls.unit_tax.id,
            "community_id": cls.community_a1.id,
            "commitment_ids": [(0, 0, {"description": "Tax clinic"})]})
        cls.pairing_a2 = Pairing.create({
            "name": "Hospital - A2", "unit_id": cls.unit_a2.id,
            "community_id": cls.community_a2.id,
            "commitment_ids": [(0, 0, {"description": "Free check-ups"})]})
        cls.pairing_b1 = Pairing.create({
            "name": "Somewhere in B1", "unit_id": cls.unit_school.id,
            "community_id": cls.community_b1.id})

    def _search(self, model, user):
        return self.env[model].sudo(user).search([])

    def test_officer_reads_the_street(self):
        self.assertEqual(self._search("party.pairing", self.party_officer),
                         self.pairing_a1 | self.pairing_a2)
        self.assertEqual(
            self._search("party.pairing.commitment", self.party_officer),
            self.pairing_a1.commitment_ids | self.pairing_a2.commitment_ids)

    def test_secretary_keeps_own_community(self):
        self.assertEqual(self._search("party.pairing", self.party_secretary),
                         self.pairing_a1)
        self.assertEqual(
            self._search("party.pairing.commitment", self.party_secretary),
            self.pairing_a1.commitment_ids)
        pairing = self.env["party.pairing"].sudo(self.party_secretary).create(
            {"name": "School - A1", "unit_id": self.unit_school.id,
             "community_id": self.community_a1.id,
             "commitment_ids": [(0, 0, {"description": "Reading room"})]})
        self.assertEqual(pairing.company_id, self.street_a)
        pairing.commitment_ids.unlink()
        with self.assertRaises(AccessError):
            self.env["party.pairing"].sudo(self.party_secretary).create({
                "name": "Hospital - A2 again", "unit_id": self.unit_a2.id,
                "community_id": self.community_a2.id})
        with self.assertRaises(AccessError):
            self.pairing_a2.sudo(self.party_secretary).action_activate()
        with self.assertRaises(AccessError):
            pairing.sudo(self.party_secretary).unlink()

    def test_leader_reads_only(self):
        self.assertEqual(self._search("party.pairing", self.leader),
                         self.pairing_a1 | self.pairing_a2)
        with self.assertRaises(AccessError):
            self.pairing_a1.sudo(self.leader).action_activate()
        with self.assertRaises(AccessError):
            self.pairing_a1.commitment_ids.sudo(self.leader).action_done()

    def test_organiser_and_other_roles_see_nothing(self):
        for user in (self.party_organiser, self.community_clerk,
                     self.street_clerk, self.grid_officer,
                     self.internal_user):
            for model in ("party.pairing", "party.pairing.commitment",
                          "party.instructor"):
                with self.assertRaises(AccessError, msg=(model, user.login)):
                    self._search(model, user)

    def test_secretary_cannot_appoint_instructors(self):
        with self.assertRaises(AccessError):
            self.env["party.instructor"].sudo(self.party_secretary).create({
                "name": "Qian Hong", "community_id": self.community_a1.id})
