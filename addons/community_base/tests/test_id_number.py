# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The GB 11643 checks of tools/id_number.py, without a database."""
import datetime
import doctest
import unittest

from ..tools import id_number

VALID = "11010519491231002X"  # the standard's own example


class TestIdNumber(unittest.TestCase):

    def test_doctests_pass(self):
        failures, tried = doctest.testmod(id_number)
        self.assertTrue(tried)
        self.assertEqual(failures, 0)

    def test_check_char_of_standard_example(self):
        self.assertEqual(id_number.check_char(VALID[:17]), "X")

    def test_check_char_covers_every_remainder(self):
        seen = set()
        for sequence in range(1000):
            first17 = "110105198001%02d%03d" % (sequence % 28 + 1, sequence)
            seen.add(id_number.check_char(first17))
        self.assertEqual(seen, set("10X98765432"))

    def test_valid_number_is_kept(self):
        self.assertEqual(id_number.normalize(VALID), VALID)
        self.assertTrue(id_number.is_valid(VALID))

    def test_lower_case_x_and_spaces_are_normalised(self):
        self.assertEqual(id_number.normalize(" 110105 19491231 002x "), VALID)

    def test_wrong_check_char_is_refused(self):
        with self.assertRaises(id_number.InvalidIdNumber) as caught:
            id_number.normalize("110105194912310021")
        self.assertEqual(caught.exception.reason, "wrong check character")
        self.assertFalse(id_number.is_valid("110105194912310021"))

    def test_invalid_birth_date_is_refused(self):
        first17 = "11010519490230002"  # 30 February
        with self.assertRaises(id_number.InvalidIdNumber) as caught:
            id_number.normalize(first17 + id_number.check_char(first17))
        self.assertEqual(caught.exception.reason, "invalid birth date")

    def test_future_birth_date_is_refused(self):
        year = datetime.date.today().year + 1
        first17 = "110105%d0101001" % year
        self.assertFalse(
            id_number.is_valid(first17 + id_number.check_char(first17)))

    def test_wrong_length_and_letters_are_refused(self):
        for value in ("", "1101051949123100", "11010519491231002XX",
                      "1101051949123100AX", "X10105194912310021"):
            self.assertFalse(id_number.is_valid(value), value)
            with self.assertRaises(id_number.InvalidIdNumber):
                id_number.normalize(value)

    def test_fifteen_digits_are_converted(self):
        self.assertEqual(id_number.to_18("110105491231002"), VALID)
        self.assertEqual(id_number.normalize("110105491231002"), VALID)

    def test_fifteen_digits_with_invalid_date_are_refused(self):
        with self.assertRaises(id_number.InvalidIdNumber):
            id_number.to_18("110105491331002")

    def test_fifteen_digits_are_not_valid_as_such(self):
        self.assertFalse(id_number.is_valid("110105491231002"))

    def test_birth_date_sex_and_age(self):
        self.assertEqual(id_number.birth_date(VALID), datetime.date(1949, 12, 31))
        self.assertEqual(id_number.sex(VALID), "female")
        first17 = "11010519800101001"
        self.assertEqual(id_number.sex(first17 + id_number.check_char(first17)),
                         "male")
        self.assertEqual(id_number.age(VALID, datetime.date(2024, 12, 31)), 75)
        self.assertEqual(id_number.age(VALID, datetime.date(2024, 12, 30)), 74)

    def test_masks(self):
        self.assertEqual(id_number.mask(VALID), "110105********002X")
        self.assertEqual(id_number.mask(""), "")
        self.assertEqual(id_number.mask_phone("13812345678"), "138****5678")
        self.assertEqual(id_number.mask_phone(False), "")
