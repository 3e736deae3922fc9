# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Resident ID numbers (居民身份证号码) after GB 11643-1999.

Pure Python, no Odoo import: the resident model, the ledger import and the
demo generator all check numbers here, and it is tested without a database.

An 18-character number is a 6-digit region code, the birth date as
YYYYMMDD, a 3-digit sequence (odd for men, even for women) and a check
character computed from the first 17 digits (ISO 7064 MOD 11-2). Numbers
issued before 1999 have 15 digits (2-digit year, no check character); they
are converted to 18 by inserting "19" and appending the check character.

>>> normalize("11010519491231002x")
'11010519491231002X'
>>> normalize("110105491231002")
'11010519491231002X'
>>> is_valid("110105194912310021")
False
>>> birth_date("11010519491231002X")
datetime.date(1949, 12, 31)
>>> sex("11010519491231002X")
'female'
>>> age("11010519491231002X", datetime.date(2024, 12, 30))
74
>>> mask("11010519491231002X")
'110105********002X'
>>> mask_phone("13812345678")
'138****5678'
"""
import datetime
import re

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"

# ASCII digits only: ``\d`` and ``int()`` also take the digits of other
# scripts (٣, ३), which would store a second spelling of the same number
_RE_18 = re.compile(r"^[0-9]{17}[0-9X]$")
_RE_15 = re.compile(r"^[0-9]{15}$")
_RE_17 = re.compile(r"^[0-9]{17}$")
# what a Chinese input method types in full-width mode: read as ASCII
_FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")


class InvalidIdNumber(ValueError):
    """The value is not a valid ID number; ``reason`` says why (in English,
    for the caller to translate)."""

    def __init__(self, value, reason):
        super().__init__("%s: %s" % (value, reason))
        self.value = value
        self.reason = reason


def check_char(first17):
    """Check character of the first 17 digits.

    >>> check_char("11010519491231002")
    'X'
    """
    if not _RE_17.match(first17 or ""):
        raise InvalidIdNumber(first17, "17 digits expected")
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS))
    return CHECK_CHARS[total % 11]


def _parse_date(value, text):
    # ``text`` is 8 digits (the callers match it first); int() and date()
    # are what strptime("%Y%m%d") checks, ten times faster (a ledger import
    # of 50,000 residents parses each number four times)
    try:
        return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise InvalidIdNumber(value, "invalid birth date")


def to_18(value):
    """Convert a 15-digit legacy number to 18 characters.

    >>> to_18("110105491231002")
    '11010519491231002X'
    """
    value = (value or "").strip()
    if not _RE_15.match(value):
        raise InvalidIdNumber(value, "15 digits expected")
    first17 = value[:6] + "19" + value[6:]
    _parse_date(value, first17[6:14])
    return first17 + check_char(first17)


def normalize(value):
    """Return the 18-character form of ``value`` (spaces removed, "x"
    upper-cased, 15 digits converted), or raise :class:`InvalidIdNumber`."""
    text = re.sub(r"\s+", "", value or "").translate(_FULL_WIDTH).upper()
    if not text:
        raise InvalidIdNumber(value, "empty")
    if _RE_15.match(text):
        return to_18(text)
    if len(text) != 18:
        raise InvalidIdNumber(value, "18 characters expected")
    if not _RE_18.match(text):
        raise InvalidIdNumber(value, "17 digits and a digit or X expected")
    birth = _parse_date(value, text[6:14])
    if birth.year < 1850 or birth > datetime.date.today():
        raise InvalidIdNumber(value, "invalid birth date")
    if check_char(text[:17]) != text[17]:
        raise InvalidIdNumber(value, "wrong check character")
    return text


def validate(value):
    """Alias of :func:`normalize`, for readers who want a verb."""
    return normalize(value)


def is_valid(value):
    """True when ``value`` is a valid 18-character number (15-digit numbers
    are not valid as such: convert them first).

    >>> is_valid("11010519491231002X"), is_valid("110105491231002")
    (True, False)
    """
    text = (value or "").strip().upper()
    if len(text) != 18:
        return False
    try:
        normalize(text)
    except InvalidIdNumber:
        return False
    return True


def birth_date(value):
    """Birth date encoded in a valid number (15 or 18 characters)."""
    text = normalize(value)
    return _parse_date(value, text[6:14])


def sex(value):
    """'male' when the 17th digit is odd, else 'female'."""
    return "male" if int(normalize(value)[16]) % 2 else "female"


def age(value, today=None):
    """Age in whole years on ``today`` (default: today)."""
    return age_on(birth_date(value), today)


def age_on(birth, today=None):
    """Age in whole years of someone born on ``birth``, on ``today``.

    >>> age_on(datetime.date(2000, 2, 29), datetime.date(2001, 2, 28))
    0
    """
    today = today or datetime.date.today()
    before_birthday = (today.month, today.day) < (birth.month, birth.day)
    return today.year - birth.year - before_birthday


def mask(value):
    """Show the region code and the last 4 characters only.

    >>> mask("123")
    '***'
    """
    text = (value or "").strip()
    if len(text) < 11:
        return "*" * len(text)
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def mask_phone(value):
    """Show the first 3 and the last 4 digits of a phone number.

    >>> mask_phone("010-6512345")
    '010****2345'
    >>> mask_phone("12345")
    '*****'
    """
    text = (value or "").strip()
    if len(text) < 8:
        return "*" * len(text)
    return text[:3] + "*" * (len(text) - 7) + text[-4:]
