# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Properties of tools/id_number.py, checked on numbers hypothesis makes up.

The example tests (test_id_number.py) pin the standard's own examples;
these pin the rules for every number: a well-formed number always passes
and parses back to what was put in, any single wrong character is caught,
and the mask never shows the middle. Pure Python, no database.
"""
import datetime
import unittest

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ..tools import id_number

TODAY = datetime.date.today()
FIRST_DAY = datetime.date(1850, 1, 1)

regions = st.from_regex(r"\A[1-8][0-9]{5}\Z")
birth_dates = st.dates(min_value=FIRST_DAY, max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)

#: characters that are no digit of an ID number: letters, punctuation,
#: Chinese, and the digits of other scripts (Arabic-Indic, Devanagari),
#: which Python's ``\d`` and ``int()`` accept. A list rather than
#: ``st.characters()``, which caches Unicode tables in .hypothesis/.
NOT_DIGITS = ("xXaZ-_/.,;:'\"!?#*+=()[]{}<>|\\@$%^&~`"
              "中国身份证号码一二三〇"
              "٠١٢٣٤٥٦٧٨٩"
              "०१२३४५६७८९"
              "\u00a0\u2007\u200b\ufeff")
ANY_TEXT = "0123456789X ０１２Ｘ" + NOT_DIGITS
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, database=None)


def build(region, birth, sequence):
    """The valid 18-character number of these parts."""
    first17 = "%s%s%03d" % (region, birth.strftime("%Y%m%d"), sequence)
    return first17 + id_number.check_char(first17)


valid_numbers = st.builds(build, regions, birth_dates, sequences)


def _is_date(year, month, day):
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


class TestIdNumberProperties(unittest.TestCase):

    @PROPERTY_SETTINGS
    @given(regions, birth_dates, sequences)
    def test_valid_number_validates_and_parses_back(
            self, region, birth, sequence):
        number = build(region, birth, sequence)
        self.assertTrue(id_number.is_valid(number), number)
        self.assertEqual(id_number.normalize(number), number)
        self.assertEqual(id_number.birth_date(number), birth)
        self.assertEqual(id_number.sex(number),
                         "male" if sequence % 2 else "female")
        self.assertEqual(id_number.age(number, TODAY),
                         id_number.age_on(birth, TODAY))

    @PROPERTY_SETTINGS
    @given(valid_numbers, st.integers(min_value=0, max_value=17),
           st.sampled_from("0123456789X"))
    def test_any_single_character_change_is_refused(self, number, position,
                                                    replacement):
        assume(number[position] != replacement)
        assume(position == 17 or replacement != "X")
        changed = number[:position] + replacement + number[position + 1:]
        # MOD 11-2 detects every single substitution: the changed number
        # fails either its check character or its birth date
        self.assertFalse(id_number.is_valid(changed), changed)
        with self.assertRaises(id_number.InvalidIdNumber):
            id_number.normalize(changed)

    @PROPERTY_SETTINGS
    @given(valid_numbers, st.integers(min_value=0, max_value=16))
    def test_swap_of_two_neighbouring_digits_is_refused(self, number,
                                                        position):
        assume(number[position] != number[position + 1])
        changed = (number[:position] + number[position + 1]
                   + number[position] + number[position + 2:])
        self.assertFalse(id_number.is_valid(changed), changed)

    @PROPERTY_SETTINGS
    @given(st.text(alphabet="0123456789X", max_size=30).filter(
        lambda text: len(text) not in (15, 18)))
    def test_wrong_length_is_refused(self, text):
        self.assertFalse(id_number.is_valid(text))
        with self.assertRaises(id_number.InvalidIdNumber):
            id_number.normalize(text)

    @PROPERTY_SETTINGS
    @given(valid_numbers, st.integers(min_value=0, max_value=16),
           st.sampled_from(NOT_DIGITS))
    def test_non_digit_in_the_first_17_is_refused(self, number, position,
                                                  char):
        # letters, punctuation and the digits of other scripts (Arabic-Indic
        # ٣, Devanagari ३) alike: only ASCII digits make a number
        assume(not char.isspace())
        changed = number[:position] + char + number[position + 1:]
        self.assertFalse(id_number.is_valid(changed), changed)
        with self.assertRaises(id_number.InvalidIdNumber):
            id_number.normalize(changed)

    @PROPERTY_SETTINGS
    @given(regions, st.integers(min_value=1850, max_value=TODAY.year),
           st.integers(min_value=1, max_value=12),
           st.integers(min_value=29, max_value=39), sequences)
    def test_impossible_dates_are_refused(self, region, year, month, day,
                                          sequence):
        assume(not _is_date(year, month, day))
        first17 = "%s%04d%02d%02d%03d" % (region, year, month, day, sequence)
        number = first17 + id_number.check_char(first17)
        self.assertFalse(id_number.is_valid(number), number)
        with self.assertRaises(id_number.InvalidIdNumber) as caught:
            id_number.normalize(number)
        self.assertEqual(caught.exception.reason, "invalid birth date")

    @PROPERTY_SETTINGS
    @given(regions, st.dates(min_value=TODAY + datetime.timedelta(days=1),
                             max_value=datetime.date(9999, 12, 31)),
           sequences)
    def test_future_birth_dates_are_refused(self, region, birth, sequence):
        number = build(region, birth, sequence)
        self.assertFalse(id_number.is_valid(number), number)

    @PROPERTY_SETTINGS
    @given(regions, st.dates(min_value=datetime.date(1000, 1, 1),
                             max_value=FIRST_DAY - datetime.timedelta(days=1)),
           sequences)
    def test_birth_dates_before_1850_are_refused(self, region, birth,
                                                 sequence):
        number = build(region, birth, sequence)
        self.assertFalse(id_number.is_valid(number), number)

    @PROPERTY_SETTINGS
    @given(regions, st.dates(min_value=datetime.date(1900, 1, 1),
                             max_value=datetime.date(1999, 12, 31)),
           sequences)
    def test_fifteen_digit_numbers_convert_to_eighteen(self, region, birth,
                                                       sequence):
        legacy = "%s%s%03d" % (region, birth.strftime("%y%m%d"), sequence)
        converted = id_number.normalize(legacy)
        self.assertEqual(converted, build(region, birth, sequence))
        self.assertEqual(id_number.birth_date(legacy), birth)
        self.assertFalse(id_number.is_valid(legacy))

    @PROPERTY_SETTINGS
    @given(valid_numbers, st.lists(st.sampled_from([" ", "\t"]), max_size=3),
           st.data())
    def test_lowercase_x_and_spaces_are_normalised(self, number, spaces,
                                                   data):
        text = number.lower()
        for space in spaces:
            position = data.draw(st.integers(0, len(text)))
            text = text[:position] + space + text[position:]
        self.assertEqual(id_number.normalize(text), number)

    @PROPERTY_SETTINGS
    @given(valid_numbers, st.sets(st.integers(0, 17), min_size=1))
    def test_full_width_digits_read_as_ascii(self, number, positions):
        # a Chinese input method in full-width mode types １ and Ｘ
        typed = "".join(
            chr(ord(char) + 0xFEE0) if index in positions else char
            for index, char in enumerate(number))
        self.assertEqual(id_number.normalize(typed), number)
        self.assertTrue(id_number.is_valid(typed))

    @PROPERTY_SETTINGS
    @given(valid_numbers)
    def test_mask_keeps_the_ends_and_hides_the_birth_date(self, number):
        masked = id_number.mask(number)
        self.assertEqual(len(masked), len(number))
        self.assertEqual(masked[:6], number[:6])
        self.assertEqual(masked[-4:], number[-4:])
        self.assertEqual(masked[6:14], "*" * 8)

    @PROPERTY_SETTINGS
    @given(st.text(alphabet=ANY_TEXT, max_size=40).filter(
        lambda text: text == text.strip()))
    def test_mask_never_shows_more_than_ten_characters(self, text):
        masked = id_number.mask(text)
        self.assertEqual(len(masked), len(text))
        shown = [char for char in masked if char != "*"]
        self.assertLessEqual(len(shown), 10)
        if len(text) < 11:
            self.assertEqual(masked, "*" * len(text))
        else:
            self.assertEqual(masked[6:-4], "*" * (len(text) - 10))
