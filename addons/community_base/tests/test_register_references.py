# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A value given to create, write or onchange never reaches a register
record the user may not read (issue 14, finding 6; models/base.py)."""
from odoo.exceptions import AccessError

from .common import CommunityCase, make_id_number


class TestRegisterReferences(CommunityCase):

    def _new_resident(self, user, household):
        return self.env["community.resident"].sudo(user.id).create({
            "name": "Zhao Lei", "household_id": household.id,
            "id_number": make_id_number("110105", "19700101", "077")})

    def test_clerk_cannot_register_a_resident_in_another_community(self):
        with self.assertRaises(AccessError) as refused:
            self._new_resident(self.community_clerk, self.household_a2)
        message = refused.exception.name
        self.assertEqual(message, (
            'Resident: the "Household" you chose is outside the records you '
            'may see. Choose one you can open.'))
        self.assertNotIn(self.household_a2.display_name, message)
        self.assertNotIn(self.community_a2.name, message)

    def test_clerk_registers_a_resident_in_own_community(self):
        resident = self._new_resident(self.community_clerk, self.household_a1b)
        self.assertEqual(resident.community_id, self.community_a1)

    def test_clerk_cannot_move_a_building_to_another_community(self):
        building = self.building_a1.sudo(self.community_clerk.id)
        with self.assertRaises(AccessError):
            building.write({"compound_id": self.compound_a2.id})
        # the value the building already holds is no new reach
        building.write({"compound_id": self.compound_a1.id, "name": "B1"})
        self.assertEqual(self.building_a1.name, "B1")

    def test_onchange_drops_a_household_of_another_community(self):
        Resident = self.env["community.resident"].sudo(self.community_clerk.id)
        values = Resident._without_unreadable_references({
            "name": "Zhao Lei", "household_id": self.household_a2.id})
        self.assertEqual(values, {"name": "Zhao Lei", "household_id": False})
        kept = Resident._without_unreadable_references(
            {"household_id": self.household_a1.id})
        self.assertEqual(kept, {"household_id": self.household_a1.id})

    def test_onchange_drops_references_in_lines(self):
        Community = self.env["community.community"].sudo(
            self.community_clerk.id)
        values = Community._without_unreadable_references({"compound_ids": [
            (0, "virtual_1", {"name": "New", "community_id":
                              self.community_a2.id}),
            (4, self.compound_a1.id)]})
        self.assertEqual(values["compound_ids"], [
            (0, "virtual_1", {"name": "New", "community_id": False}),
            (4, self.compound_a1.id)])

    def test_onchange_drops_unreadable_ids_of_a_many2many(self):
        Users = self.env["res.users"].sudo(self.community_clerk.id)
        values = Users._without_unreadable_references({"community_ids": [
            (6, 0, [self.community_a1.id, self.community_b1.id])]})
        self.assertEqual(values["community_ids"],
                         [(6, 0, [self.community_a1.id])])

    def test_superuser_is_not_checked(self):
        resident = self._new_resident(self.env.user, self.household_a2)
        self.assertEqual(resident.household_id, self.household_a2)
