# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .inservice_common import InserviceCase


class TestInserviceRegistration(InserviceCase):
    """A registration's service is summed from the volunteer register, and
    the refusals name the member."""

    def test_service_of_the_year_is_summed_from_the_volunteer_register(self):
        self.assertEqual(self.reg_1.activity_count_this_year, 2)
        self.assertAlmostEqual(self.reg_1.hours_this_year, 5.5)
        self.assertTrue(self.reg_1.active_this_year)
        self.assertAlmostEqual(self.reg_2.hours_this_year, 4.0)

    def test_last_years_service_only_is_not_active_this_year(self):
        self.assertEqual(self.reg_3.activity_count_this_year, 0)
        self.assertEqual(self.reg_3.hours_this_year, 0.0)
        self.assertFalse(self.reg_3.active_this_year)
        last_year = self.reg_3._service_of_year(self.year - 1)
        self.assertEqual(last_year[self.reg_3.id], (1, 6.0))

    def test_new_service_counts_at_once(self):
        self._serve(self.member_u3, self.day(self.year, 1, 3), 2.0)
        self.reg_3.invalidate_cache()
        self.assertTrue(self.reg_3.active_this_year)
        self.assertAlmostEqual(self.reg_3.hours_this_year, 2.0)

    def test_search_active_this_year(self):
        registrations = self.reg_1 | self.reg_2 | self.reg_3
        Registration = self.env["party.inservice.registration"]
        active = Registration.search([
            ("id", "in", registrations.ids), ("active_this_year", "=", True)])
        self.assertEqual(active, self.reg_1 | self.reg_2)
        inactive = Registration.search([
            ("id", "in", registrations.ids),
            ("active_this_year", "=", False)])
        self.assertEqual(inactive, self.reg_3)

    def test_registration_ended_before_this_year_is_not_active(self):
        self.reg_1.write({"state": "ended",
                          "date_ended": self.day(self.year - 1, 12, 31)})
        self.assertFalse(self.reg_1.active_this_year)
        self.assertEqual(self.reg_1.hours_this_year, 0.0)
        self.assertNotIn(self.reg_1, self.env[
            "party.inservice.registration"].search(
                [("active_this_year", "=", True)]))

    def test_refuses_a_member_not_in_service(self):
        with self.assertRaises(ValidationError) as caught:
            self._register(self.member_a1, self.community_a1,
                           self.day(self.year, 1, 1),
                           unit_id=self.unit_u.id)
        self.assertIn("Wang Jianguo", caught.exception.name)
        self.assertIn("in-service", caught.exception.name)

    def test_refuses_a_second_registration_while_one_is_open(self):
        with self.assertRaises(ValidationError) as caught:
            self._register(self.member_u1, self.community_a2,
                           self.day(self.year, 2, 1))
        self.assertIn("Zhao Lei", caught.exception.name)
        self.assertIn("Community A1", caught.exception.name)

    def test_refuses_a_second_registration_in_the_same_year(self):
        self.reg_v1.action_end()
        self.assertEqual(self.reg_v1.state, "ended")
        with self.assertRaises(ValidationError) as caught:
            self._register(self.member_v1, self.community_a1,
                           self.day(self.year, 1, 1))
        self.assertIn("Zheng Hua", caught.exception.name)
        self.assertIn("this year", caught.exception.name)

    def test_registers_again_the_year_after_an_end(self):
        self.reg_3.write({"state": "ended",
                          "date_ended": self.day(self.year - 1, 12, 31)})
        registration = self._register(self.member_u3, self.community_a1,
                                      self.day(self.year, 1, 1))
        self.assertEqual(registration.state, "registered")

    def test_reopen_refused_while_another_registration_is_open(self):
        self.reg_3.write({"state": "ended",
                          "date_ended": self.day(self.year - 1, 12, 31)})
        self._register(self.member_u3, self.community_a1,
                       self.day(self.year, 1, 1))
        with self.assertRaises(ValidationError) as caught:
            self.reg_3.action_reopen()
        self.assertIn("Sun Hao", caught.exception.name)

    def test_end_twice_is_refused(self):
        self.reg_2.action_end()
        self.assertTrue(self.reg_2.date_ended)
        with self.assertRaises(UserError) as caught:
            self.reg_2.action_end()
        self.assertIn("Qian Min", caught.exception.name)

    def test_refuses_a_member_of_another_street(self):
        self.member_b1.category = "in_service"
        with self.assertRaises(ValidationError) as caught:
            self._register(self.member_b1, self.community_a1,
                           self.day(self.year, 1, 1),
                           unit_id=self.unit_u.id)
        self.assertIn("Liu Fang", caught.exception.name)

    def test_member_without_resident_record_is_warned_not_refused(self):
        registration = self._register(
            self.member_u4, self.community_a1, self.day(self.year, 1, 1))
        self.assertIn("Li Na", registration.warning)
        self.assertEqual(registration.hours_this_year, 0.0)
        onchange = self.env["party.inservice.registration"].new({
            "community_id": self.community_a1.id,
            "member_id": self.member_u4.id})._onchange_member_id()
        self.assertIn("Li Na", onchange["warning"]["message"])

    def test_onchange_member_fills_unit_and_branch(self):
        registration = self.env["party.inservice.registration"].new({
            "community_id": self.community_a1.id,
            "member_id": self.member_u5.id})
        result = registration._onchange_member_id()
        self.assertEqual(registration.unit_id, self.unit_u)
        self.assertEqual(registration.unit_organisation_id,
                         self.unit_branch_u)
        self.assertFalse(result)

    def test_member_living_elsewhere_is_warned(self):
        self.assertFalse(self.reg_1.warning)
        self.reg_1.community_id = self.community_a2
        self.assertIn("Community A1", self.reg_1.warning)

    def test_building_duty_in_another_community_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.reg_2.write({"commitment_ids": [(0, 0, {
                "kind": "building_duty",
                "building_id": self.building_a2.id})]})
        self.assertIn("Qian Min", caught.exception.name)
        self.assertIn("Building 2", caught.exception.name)

    def test_volunteer_post_needs_a_team_of_the_community(self):
        with self.assertRaises(ValidationError):
            self.reg_2.write({"commitment_ids": [(0, 0, {
                "kind": "volunteer_post"})]})
        with self.assertRaises(ValidationError) as caught:
            self.reg_2.write({"commitment_ids": [(0, 0, {
                "kind": "volunteer_post", "team_id": self.team_a2.id})]})
        self.assertIn("A2 volunteer team", caught.exception.name)

    def test_commitments_take_the_registration_scope(self):
        commitment = self.reg_1.commitment_ids[:1]
        self.assertEqual(commitment.community_id, self.community_a1)
        self.assertEqual(commitment.company_id, self.street_a)
        self.assertEqual(commitment.member_organisation_id,
                         self.unit_branch_u)
        self.assertIn("Building duty", self.reg_1.commitment_summary)
        self.assertIn("Weekend patrol", self.reg_1.commitment_summary)
