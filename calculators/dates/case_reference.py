"""The calendar file's case reference: a reference, never a name or a date of birth.

Calendar files land in shared, synchronised calendars, so the reference the
practitioner types is checked before it goes into one: letters and digits, with
- / or _ between them, at least one digit, no spaces, and nothing written like a
date. The sentences that name the rule are the protocol's
(`calendar_file.case_reference`).
"""

from __future__ import annotations

import re
from typing import Any

from calculators.dates.fields import clean_text
from calculators.errors import InputError
from calculators.protocol import Protocol

FIELD = "case_reference"
MAX_CASE_REFERENCE = 30

_REFERENCE = re.compile(r"[A-Za-z0-9]+(?:[-/_][A-Za-z0-9]+)*")
_DIGIT = re.compile(r"[0-9]")
# Day, month and year (12/03/2011, 12-3-11, 12.03.2011) or year, month and day (2011-03-12).
_DAY_FIRST = re.compile(
    r"(?<![0-9])([0-9]{1,2})[-/._ ]([0-9]{1,2})[-/._ ]([0-9]{2}|[0-9]{4})(?![0-9])"
)
_YEAR_FIRST = re.compile(r"(?<![0-9])([0-9]{4})[-/._ ]([0-9]{1,2})[-/._ ]([0-9]{1,2})(?![0-9])")


def looks_like_a_date(text: str) -> bool:
    """Whether the text holds a day, a month (1 to 12) and a year written as a date is."""
    for match in _DAY_FIRST.finditer(text):
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return True
    for match in _YEAR_FIRST.finditer(text):
        month, day = int(match.group(2)), int(match.group(3))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return True
    return False


def read_case_reference(protocol: Protocol, value: Any) -> str:
    """An optional case reference ("" when none): refused, naming the rule, when it looks
    like a name (spaces between words, no digit) or holds a date (of birth)."""
    wording = protocol.calendar_file.case_reference
    label = wording.label.replace("(optional)", "").strip()
    text = clean_text(value, FIELD, label, max_length=MAX_CASE_REFERENCE)
    if not text:
        return ""
    if looks_like_a_date(text):
        raise InputError.one(FIELD, wording.looks_like_a_date)
    if not _REFERENCE.fullmatch(text):
        raise InputError.one(FIELD, wording.not_a_reference)
    if not _DIGIT.search(text):
        raise InputError.one(FIELD, wording.looks_like_a_name)
    return text
