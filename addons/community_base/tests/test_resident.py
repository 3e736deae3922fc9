# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import CommunityCase, make_id_number


class TestResident(CommunityCase):

    def test_birth_date_and_sex_derive_from_id_number(self):
        self.assertEqual(self.resident_a1.birth_date, "1949-12-31")
        self.assertEqual(self.resident_a1.sex, "male")
        self.assertEqual(self.resident_a1_spouse.sex, "female")

    def test_age_derives_from_birth_date(self):
        today = datetime.date.today()
        birth = today.replace(year=today.year - 30) - datetime.timedelta(1)
        resident = self._create_resident(
            "Zhao Lei", self.household_a1b,
            make_id_number("110105", birth.strftime("%Y%m%d"), "011"))
        self.assertEqual(resident.age, 30)

    def test_age_is_searchable(self):
        Resident = self.env["community.resident"]
        elderly = Resident.search([("age", ">=", 60)])
        self.assertIn(self.resident_a1, elderly)
        self.assertNotIn(self.resident_a2, elderly)
        self.assertIn(self.resident_a2, Resident.search([("age", "<", 60)]))
        age = self.resident_a2.age
        self.assertIn(self.resident_a2, Resident.search([("age", "=", age)]))
        self.assertNotIn(self.resident_a2,
                         Resident.search([("age", "=", age + 1)]))

    def test_lower_case_x_is_stored_upper_case(self):
        number = make_id_number("110105", "19491231", "002")
        self.assertEqual(number[-1], "X")
        resident = self._create_resident(
            "Sun Li", self.household_a1b, number.lower())
        self.assertEqual(resident.id_number, number)

    def test_fifteen_digit_number_is_converted(self):
        resident = self._create_resident(
            "Zhou Min", self.household_a1b, "110105491231002")
        self.assertEqual(resident.id_number, "11010519491231002X")
        self.assertEqual(resident.birth_date, "1949-12-31")

    def test_wrong_check_char_is_refused_naming_resident_and_number(self):
        with self.assertRaises(ValidationError) as caught:
            self._create_resident(
                "Wu Gang", self.household_a1b, "110105194912310021")
        message = caught.exception.name
        self.assertIn("Wu Gang", message)
        self.assertIn("110105194912310021", message)
        self.assertIn(self.env["community.resident"]._id_number_reason(
            "wrong check character"), message)

    def test_invalid_birth_date_is_refused(self):
        first17 = "11010519490230001"
        with self.assertRaises(ValidationError) as caught:
            self._create_resident(
                "Zheng Hao", self.household_a1b,
                first17 + make_id_number("110105", "19490101", "001")[-1])
        self.assertIn("Zheng Hao", caught.exception.name)

    def test_fifteen_digits_with_invalid_date_are_refused(self):
        with self.assertRaises(ValidationError):
            self._create_resident("Feng Yu", self.household_a1b, "110105491331002")

    def test_changing_to_invalid_number_is_refused(self):
        with self.assertRaises(ValidationError):
            self.resident_a2.id_number = "123"

    def test_id_number_unique_per_street(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._create_resident(
                "Wang Jianguo (twice)", self.household_a1b,
                self.resident_a1.id_number)

    def test_same_id_number_allowed_in_another_street(self):
        resident = self._create_resident(
            "Wang Jianguo", self.household_b1, self.resident_a1.id_number)
        self.assertEqual(resident.company_id, self.street_b)

    def test_resident_without_id_number(self):
        resident = self._create_resident("Baby Wang", self.household_a1)
        self.assertFalse(resident.birth_date)
        self.assertFalse(resident.id_number_masked)

    def test_masked_values(self):
        resident = self._create_resident(
            "Qian Hong", self.household_a1b, "11010519491231002X",
            phone="13812345678")
        self.assertEqual(resident.id_number_masked, "110105********002X")
        self.assertEqual(resident.phone_masked, "138****5678")

    def test_floating_resident_keeps_arrival_and_origin(self):
        resident = self._create_resident(
            "Huang Lei", self.household_a1b, residence_type="floating",
            arrival_date="2024-03-01", origin="Hubei Wuhan")
        self.assertEqual(resident.arrival_date, "2024-03-01")
        self.assertEqual(resident.origin, "Hubei Wuhan")

    def test_future_arrival_is_refused(self):
        tomorrow = fields.Date.to_string(
            datetime.date.today() + datetime.timedelta(days=2))
        with self.assertRaises(ValidationError):
            self._create_resident(
                "He Jun", self.household_a1b, residence_type="floating",
                arrival_date=tomorrow)

    def test_care_groups_are_data_and_extendable(self):
        elderly = self.env.ref("community_base.care_group_elderly_alone")
        group = self.env["community.care.group"].create(
            {"name": "Left-behind children", "code": "left_behind"})
        self.resident_a1.care_group_ids = elderly | group
        Resident = self.env["community.resident"]
        self.assertEqual(Resident.search([("care_group_ids", "=", group.id)]),
                         self.resident_a1)
        self.assertEqual(self.env["community.care.group"].search_count(
            [("code", "in", ["elderly_alone", "low_income", "disabled",
                             "veteran", "extreme_poverty"])]), 5)

    def test_name_search_by_id_number_and_phone(self):
        Resident = self.env["community.resident"]
        found = Resident.name_search(self.resident_a2.id_number[:10])
        self.assertEqual([row[0] for row in found], [self.resident_a2.id])
        found = Resident.name_search("13712345678")
        self.assertEqual([row[0] for row in found], [self.resident_a2.id])
        found = Resident.name_search("Zhang")
        self.assertEqual([row[0] for row in found], [self.resident_a2.id])

    def test_search_box_finds_by_address(self):
        self.resident_a2.actual_address = "Peace Lane 2-201"
        Resident = self.env["community.resident"]
        self.assertEqual(
            Resident.search([("search_text", "ilike", "Peace Lane 2")]),
            self.resident_a2)
        self.assertEqual(
            Resident.search([("search_text", "ilike", "13712345678")]),
            self.resident_a2)

    def test_move_out_records_history_and_state(self):
        move = self.resident_a2.record_move(
            "move_out", date="2024-05-01", note="Moved to Shanghai")
        self.assertEqual(self.resident_a2.state, "moved_out")
        self.assertEqual(self.resident_a2.move_ids, move)
        self.assertEqual(move.from_household_id, self.household_a2)
        self.assertEqual(move.from_community_id, self.community_a2)
        self.assertEqual(move.user_id, self.env.user)
        self.assertFalse(self.household_a2.head_id)

    def test_move_in_after_move_out(self):
        self.resident_a2.record_move("move_out")
        self.resident_a2.record_move("move_in", to_household=self.household_a1b)
        self.assertEqual(self.resident_a2.state, "living")
        self.assertEqual(self.resident_a2.household_id, self.household_a1b)
        self.assertEqual(len(self.resident_a2.move_ids), 2)

    def test_death_records_history_and_state(self):
        self.resident_a1.record_move("death", date="2024-06-01")
        self.assertEqual(self.resident_a1.state, "deceased")
        self.assertEqual(self.resident_a1.move_ids.move_type, "death")
        self.assertEqual(self.community_a1.resident_count, 1)

    def test_deceased_cannot_move(self):
        self.resident_a1.record_move("death")
        for move_type in ("move_in", "move_out", "transfer", "death"):
            with self.assertRaises(UserError):
                self.resident_a1.record_move(
                    move_type, to_household=self.household_a1b)

    def test_living_resident_cannot_move_in(self):
        with self.assertRaises(UserError):
            self.resident_a2.record_move("move_in")

    def test_transfer_needs_another_household(self):
        with self.assertRaises(UserError):
            self.resident_a2.record_move("transfer")
        with self.assertRaises(UserError):
            self.resident_a2.record_move(
                "transfer", to_household=self.household_a2)

    def test_buttons_open_the_move_dialog(self):
        action = self.resident_a2.action_move_out()
        self.assertEqual(action["res_model"], "community.resident.move")
        self.assertEqual(action["target"], "new")
        context = action["context"]
        move = self.env["community.resident.move"].with_context(
            **context).create({"date": "2024-01-02"})
        self.assertEqual(move.resident_id, self.resident_a2)
        self.assertEqual(self.resident_a2.state, "moved_out")
        for method in ("action_move_in", "action_transfer", "action_death"):
            self.assertEqual(getattr(self.resident_a2, method)()["res_model"],
                             "community.resident.move")
