# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .meeting_common import MeetingCase


class TestPairingFulfilment(MeetingCase):
    """A pairing's life and its commitments tracked to fulfilment, on a
    known set: four commitments, one fulfilled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pairing = cls.env["party.pairing"].create({
            "name": "Tax office - Community A1",
            "unit_id": cls.unit_tax.id,
            "community_id": cls.community_a1.id,
            "commitment_ids": [
                (0, 0, {"kind": "money", "description": "Elderly canteen",
                        "amount": 20000, "date_due": "2026-06-30"}),
                (0, 0, {"kind": "premises", "description": "Meeting room",
                        "quantity": 60}),
                (0, 0, {"kind": "people", "description": "Tutors",
                        "quantity": 4}),
                (0, 0, {"kind": "project", "description": "Tax clinic",
                        "date_due": "2026-09-30"}),
            ]})
        cls.commitments = {c.description: c
                           for c in cls.pairing.commitment_ids}
        cls.commitments["Meeting room"].write({
            "state": "done", "date_done": "2026-02-01"})

    def test_scope_follows_the_pairing(self):
        self.assertEqual(self.pairing.company_id, self.street_a)
        for commitment in self.pairing.commitment_ids:
            self.assertEqual(commitment.community_id, self.community_a1)
            self.assertEqual(commitment.company_id, self.street_a)
            self.assertEqual(commitment.unit_id, self.unit_tax)

    def test_fulfilment_rate(self):
        self.assertEqual(self.pairing.commitment_count, 4)
        self.assertEqual(self.pairing.commitment_done_count, 1)
        self.assertEqual(self.pairing.fulfilment_rate, 25.0)
        pairing = self.pairing.sudo(self.party_secretary)
        commitment = self.commitments["Tax clinic"].sudo(self.party_secretary)
        commitment.action_done()
        self.assertEqual(commitment.date_done,
                         fields.Date.context_today(commitment))
        self.assertEqual(pairing.fulfilment_rate, 50.0)
        commitment.action_reset()
        self.assertFalse(commitment.date_done)
        self.assertEqual(pairing.fulfilment_rate, 25.0)
        with self.assertRaisesRegex(UserError, "Tax clinic"):
            commitment.action_reset()

    def test_fulfilled_on_the_day_entered(self):
        commitment = self.commitments["Tutors"]
        commitment.date_done = "2026-03-03"
        commitment.action_done()
        self.assertEqual(commitment.date_done, "2026-03-03")
        with self.assertRaisesRegex(UserError, "Tutors"):
            commitment.action_done()

    def test_no_commitment_no_rate(self):
        pairing = self.env["party.pairing"].create({
            "name": "School - A1", "unit_id": self.unit_school.id,
            "community_id": self.community_a1.id})
        self.assertEqual(pairing.fulfilment_rate, 0.0)

    def test_negative_amount(self):
        with self.assertRaisesRegex(ValidationError, "Elderly canteen"):
            self.commitments["Elderly canteen"].amount = -1

    def test_life_of_a_pairing(self):
        pairing = self.pairing.sudo(self.party_secretary)
        pairing.action_activate()
        self.assertEqual(pairing.state, "active")
        self.assertEqual(pairing.date_signed,
                         fields.Date.context_today(pairing))
        with self.assertRaisesRegex(UserError, "Tax office - Community A1"):
            pairing.action_activate()
        pairing.action_end()
        self.assertEqual(pairing.state, "ended")
        self.assertEqual(pairing.date_end, pairing.date_signed)
        pairing.action_draft()
        self.assertEqual(pairing.state, "draft")

    def test_one_active_pairing_per_unit_and_community(self):
        self.pairing.action_activate()
        second = self.env["party.pairing"].create({
            "name": "Tax office again", "unit_id": self.unit_tax.id,
            "community_id": self.community_a1.id})
        with self.assertRaisesRegex(ValidationError, "District Tax Office"):
            second.action_activate()
        # with another community it is another pairing
        other = self.env["party.pairing"].create({
            "name": "Tax office - A2", "unit_id": self.unit_tax.id,
            "community_id": self.community_a2.id})
        other.action_activate()
        self.assertEqual(other.state, "active")

    def test_dates_and_unit(self):
        with self.assertRaisesRegex(ValidationError, "Backwards"):
            self.env["party.pairing"].create({
                "name": "Backwards", "unit_id": self.unit_school.id,
                "community_id": self.community_a1.id,
                "date_signed": "2026-05-01", "date_end": "2026-04-01"})
        person = self.env["res.partner"].create({"name": "Qian Hong"})
        with self.assertRaisesRegex(ValidationError, "Qian Hong"):
            self.env["party.pairing"].create({
                "name": "A person", "unit_id": person.id,
                "community_id": self.community_a1.id})

    def test_onchange_names_the_pairing(self):
        pairing = self.env["party.pairing"].new({
            "unit_id": self.unit_school.id,
            "community_id": self.community_a1.id})
        pairing._onchange_name()
        self.assertEqual(pairing.name,
                         "Experimental Primary School - Community A1")


class TestInstructor(MeetingCase):
    """Instructors appointed by the street to a community or a grid."""

    def test_officer_appoints_secretary_reads(self):
        Instructor = self.env["party.instructor"]
        instructor = Instructor.sudo(self.party_officer).create({
            "name": "Qian Hong", "community_id": self.community_a1.id,
            "grid_id": self.grid_a1.id, "date_appointed": "2026-01-01"})
        other = Instructor.create({
            "name": "Li Lei", "community_id": self.community_a2.id,
            "date_appointed": "2026-01-01", "date_end": "2026-02-01"})
        self.assertEqual(instructor.company_id, self.street_a)
        self.assertEqual(
            Instructor.sudo(self.party_secretary).search([]), instructor)
        self.assertEqual(
            Instructor.sudo(self.party_officer).search(
                [("is_current", "=", True)]), instructor)
        self.assertEqual(
            Instructor.sudo(self.party_officer).search(
                [("is_current", "=", False)]), other)
        self.assertTrue(instructor.is_current)
        self.assertFalse(other.is_current)

    def test_grid_in_the_community(self):
        with self.assertRaisesRegex(ValidationError, "Qian Hong"):
            self.env["party.instructor"].create({
                "name": "Qian Hong", "community_id": self.community_a2.id,
                "grid_id": self.grid_a1.id})

    def test_term_ends_after_appointment(self):
        with self.assertRaisesRegex(ValidationError, "Li Lei"):
            self.env["party.instructor"].create({
                "name": "Li Lei", "community_id": self.community_a1.id,
                "date_appointed": "2026-05-01", "date_end": "2026-04-01"})
