# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .inservice_common import InserviceCase


class TestInserviceBatch(InserviceCase):
    """A unit's branch registers its members at once: all rows or none."""

    def _batch(self, members, user=None, community=None, **line_vals):
        env = self.env(user=user.id) if user else self.env
        return env["party.inservice.batch"].create({
            "unit_id": self.unit_u.id,
            "unit_organisation_id": self.unit_branch_u.id,
            "community_id": (community or self.community_a1).id,
            "date_registered": self.day(self.year, 1, 1),
            "line_ids": [(0, 0, dict(line_vals, member_id=member.id))
                         for member in members]})

    def _registrations(self, members):
        return self.env["party.inservice.registration"].search(
            [("member_id", "in", members.ids)])

    def test_batch_registers_every_row_with_its_commitment(self):
        members = self.member_u5 | self.member_u6
        batch = self._batch(members, kind="building_duty",
                            building_id=self.building_a1.id)
        action = batch.action_register()
        registrations = self._registrations(members)
        self.assertEqual(len(registrations), 2)
        self.assertEqual(set(registrations.mapped("source")), {"unit_batch"})
        self.assertEqual(registrations.mapped("unit_id"), self.unit_u)
        self.assertEqual(registrations.mapped("community_id"),
                         self.community_a1)
        self.assertEqual(
            registrations.mapped("commitment_ids.building_id"),
            self.building_a1)
        (field, operator, ids), = action["domain"]
        self.assertEqual((field, operator, set(ids)),
                         ("id", "in", set(registrations.ids)))

    def test_batch_with_bad_rows_registers_nobody_and_names_each(self):
        self.member_u6.work_unit_id = self.unit_v
        members = (self.member_u5 | self.member_a1 | self.member_u1
                   | self.member_u6)
        batch = self._batch(members)
        batch.write({"line_ids": [(0, 0, {"member_id": self.member_u5.id})]})
        with self.assertRaises(UserError) as caught:
            batch.action_register()
        message = caught.exception.name
        self.assertIn("Row 2: Party member Wang Jianguo", message)
        self.assertIn("Row 3: Party member Zhao Lei", message)
        self.assertIn("Row 4: Party member Wu Yan works at Unit V", message)
        self.assertIn("Row 5: Party member Zhou Jie is also on row 1",
                      message)
        self.assertNotIn("Row 1:", message)
        self.assertFalse(self._registrations(
            self.member_u5 | self.member_u6))

    def test_bad_commitment_row_is_named(self):
        batch = self._batch(self.member_u5, kind="building_duty",
                            building_id=self.building_a2.id)
        with self.assertRaises(UserError) as caught:
            batch.action_register()
        self.assertIn("Row 1: Building duty of Zhou Jie", caught.exception.name)
        self.assertFalse(self._registrations(self.member_u5))

    def test_empty_batch_is_refused(self):
        with self.assertRaises(UserError):
            self._batch(self.member_u5.browse()).action_register()

    def test_member_without_resident_is_registered_with_a_warning(self):
        batch = self._batch(self.member_u4)
        self.assertIn("Li Na", batch.line_ids.warning)
        batch.action_register()
        self.assertEqual(len(self._registrations(self.member_u4)), 1)

    def test_load_members_adds_the_unregistered_members_of_the_unit(self):
        batch = self._batch(self.member_u5)
        batch.action_load_members()
        self.assertEqual(batch.line_ids.mapped("member_id"),
                         self.member_u4 | self.member_u5 | self.member_u6)

    def test_load_members_of_the_unit_without_its_branch(self):
        batch = self._batch(self.member_u5.browse())
        batch.unit_organisation_id = False
        batch.action_load_members()
        self.assertEqual(batch.line_ids.mapped("member_id"),
                         self.member_u4 | self.member_u5 | self.member_u6)

    def test_secretary_registers_a_batch_in_own_community(self):
        batch = self._batch(self.member_u5 | self.member_u6,
                            user=self.party_secretary)
        batch.action_register()
        self.assertEqual(len(self._registrations(
            self.member_u5 | self.member_u6)), 2)

    def test_secretary_of_another_community_registers_nobody(self):
        batch = self._batch(self.member_u5 | self.member_u6,
                            user=self.party_secretary_a2)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            batch.action_register()
        self.assertFalse(self._registrations(
            self.member_u5 | self.member_u6))

    def test_secretary_loads_the_unit_members_living_in_own_community(self):
        batch = self._batch(self.member_u5.browse(),
                            user=self.party_secretary)
        batch.action_load_members()
        # Li Na has no resident record: no community, out of the
        # secretary's register
        self.assertEqual(batch.line_ids.mapped("member_id"),
                         self.member_u5 | self.member_u6)

    def test_batch_for_another_street_is_refused(self):
        self.member_b1.category = "in_service"
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env["party.inservice.batch"].sudo(self.party_officer).create({
                "unit_id": self.unit_u.id,
                "community_id": self.community_b1.id,
                "line_ids": [(0, 0, {"member_id": self.member_b1.id})]})

    def test_members_out_of_reach_are_refused_before_any_insert(self):
        batch = self._batch(self.member_u5, user=self.party_secretary_a2)
        with self.assertRaises(AccessError):
            batch._check_reach()
        self._batch(self.member_u5, user=self.party_secretary)._check_reach()
