"""Reading what a person typed: dates, whole numbers, yes/no and short text.

A date arrives as ISO text ("2027-03-27", from the command line) or as the three
text parts of a GOV.UK date input ({"day": "27", "month": "3", "year": "2027"}).
Every problem is an `InputError` naming the field and saying what is expected,
in the GOV.UK pattern ("Date of the last strategy meeting must be a real date,
for example 27 3 2027").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from calculators.errors import FieldProblem, InputError
from calculators.protocol import RecurringReview
from calculators.timing.review import interval_problem
from calculators.wording import clause_list, in_sentence, long_date

T = TypeVar("T")

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
EXAMPLE = "27 3 2027"
ISO_EXAMPLE = "2027-03-27"
DATE_PARTS = ("day", "month", "year")
# The most digits each part takes: the pages size their inputs by it.
DATE_PART_DIGITS = {"day": 2, "month": 2, "year": 4}
_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_NUMBER = re.compile(r"^[0-9]+$")  # ASCII digits only: "٣" or "２" are not accepted
# Half of a UTF-16 pair on its own (JSON can carry one as "\ud800"): not a character.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ROUGH_LENGTH = 4  # times the longest text allowed: longer is refused at once
_YES = ("yes", "true", "y", "on", "1")
_NO = ("no", "false", "n", "off", "0", "")


def parse_date(value: Any, field: str, label: str, *, required: bool = False) -> date | None:
    """A date from ISO text or day/month/year parts; None when empty and not required."""
    if isinstance(value, date):
        return value
    example = EXAMPLE
    if value is None or (isinstance(value, str) and not value.strip()):
        parts: dict[str, str] = {"day": "", "month": "", "year": ""}
    elif isinstance(value, str):
        example = ISO_EXAMPLE
        match = _ISO.match(value.strip())
        if not match:
            raise InputError.one(
                field, f"{label} must be a date in the form YYYY-MM-DD, for example {ISO_EXAMPLE}"
            )
        parts = {"year": match[1], "month": match[2], "day": match[3]}
    elif isinstance(value, Mapping):
        parts = {}
        for part in DATE_PARTS:
            text = value.get(part, "")
            if text is None:
                text = ""
            if isinstance(text, bool) or not isinstance(text, str | int):
                raise InputError.one(field, f"{label} must be a real date, for example {EXAMPLE}")
            parts[part] = str(text).strip()
    else:
        raise InputError.one(field, f"{label} must be a real date, for example {EXAMPLE}")
    return _from_parts(parts, field, label, required, example)


def _from_parts(
    parts: dict[str, str], field: str, label: str, required: bool, example: str
) -> date | None:
    missing = [part for part in DATE_PARTS if not parts[part]]
    if len(missing) == len(DATE_PARTS):
        if required:
            raise InputError.one(field, f"Enter {label[0].lower()}{label[1:]}")
        return None
    if missing:
        raise InputError.one(field, f"{label} must include a {' and '.join(missing)}")
    too_long = any(len(parts[part]) > 4 for part in DATE_PARTS)
    if too_long or not all(_NUMBER.match(parts[part]) for part in DATE_PARTS):
        raise InputError.one(field, f"{label} must be a real date, for example {example}")
    day, month, year = (int(parts[part]) for part in DATE_PARTS)
    if len(parts["year"]) != DATE_PART_DIGITS["year"]:
        digits = DATE_PART_DIGITS["year"]
        raise InputError.one(field, f"{label} must include a year with {digits} numbers, like 2027")
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise InputError.one(
            field, f"{label} must have a year from {EARLIEST_YEAR} to {LATEST_YEAR}"
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError.one(field, f"{label} must be a real date, for example {example}") from None


def parse_whole_number(
    value: Any,
    field: str,
    label: str,
    *,
    minimum: int,
    maximum: int | None = None,
    required: bool = False,
) -> int | None:
    """A whole number from a number or digits (five at most); None when empty and not
    required. With no maximum, the caller checks the range (`check_interval`)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError.one(field, f"Enter {label[0].lower()}{label[1:]}")
        return None
    if isinstance(value, bool):
        raise InputError.one(field, f"{label} must be a whole number, like {minimum}")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _NUMBER.match(value.strip()) and len(value.strip()) < 6:
        number = int(value.strip())
    else:
        raise InputError.one(field, f"{label} must be a whole number, like {minimum}")
    if maximum is not None and not minimum <= number <= maximum:
        raise InputError.one(field, f"{label} must be from {minimum} to {maximum}")
    return number


def parse_yes_no(value: Any, field: str, label: str) -> bool:
    """True or false from a boolean or "yes"/"no"; nothing given means no."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _YES:
        return True
    if isinstance(value, str) and value.strip().lower() in _NO:
        return False
    raise InputError.one(field, f"Select yes or no for {label[0].lower()}{label[1:]}")


def clean_text(value: Any, field: str, label: str, *, max_length: int) -> str:
    """Short free text: control characters removed, spaces collapsed, length checked."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError.one(field, f"{label} must be text")
    half = _LONE_SURROGATE.search(value)
    if half:
        raise InputError.one(
            field,
            f"{label} contains a character that cannot be read (U+{ord(half.group()):04X}, "
            f"at character {half.start() + 1}); remove it",
        )
    # Spaces collapsed first (the result is the same), so that a long run of them costs
    # nothing; text far longer than allowed is refused before it is read character by character.
    value = " ".join(value.split())
    if len(value) > _ROUGH_LENGTH * max_length:
        raise InputError.one(
            field, f"{label} must be {max_length} characters or fewer (it has {len(value)})"
        )
    kept = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in value
    )
    text = " ".join(kept.split())
    if len(text) > max_length:
        raise InputError.one(
            field, f"{label} must be {max_length} characters or fewer (it has {len(text)})"
        )
    return text


def attempt(
    problems: list[FieldProblem], read: Callable[..., T], *args: Any, **kwargs: Any
) -> T | None:
    """Call a reader; on bad input add its problems to the list and return None."""
    try:
        return read(*args, **kwargs)
    except InputError as error:
        problems.extend(error.problems)
        return None


# The dates form's own checks (clauses 6.2 and 6.13) --------------------------------

MAX_RATIONALE_LENGTH = 2000

# The dates form's fields are named in messages as the protocol names them
# (`site.dates_form`: `protocol.site.dates_form.named(field)`).


def check_interval(weeks: int | None, rule: RecurringReview, named: str) -> int:
    """An out-of-borough interval must be the one agreed, within the rule's range (the
    engine's one check, `calculators.timing.review.interval_problem`; clause 6.13
    describes the usual case, less often than the minimum, and does not forbid more)."""
    field, label = "agreed_interval_weeks", named
    if weeks is None:
        raise InputError.one(
            field,
            f"Enter the agreed interval in weeks: the child is placed out of borough "
            f"({clause_list((rule.out_of_borough_clause,))})",
        )
    if interval_problem(rule, weeks):
        shortest, longest = rule.shortest_agreed_weeks, rule.longest_agreed_weeks
        raise InputError.one(field, f"{label} must be from {shortest} to {longest} weeks")
    return weeks


def past_problem(field: str, day: date | None, today: date, named: str) -> FieldProblem | None:
    """A meeting date after today is refused (the form asks for meetings held)."""
    if day is not None and day > today:
        return FieldProblem(field, f"{named} must be today or in the past")
    return None


def case_date_problems(
    today: date,
    last_strategy: date | None,
    initial_strategy: date | None,
    named: Callable[[str], str],
    interval: Callable[[], int] | None = None,
) -> list[FieldProblem]:
    """The strategy dates' problems together: in the past, the last not before the initial,
    and the agreed interval (`interval` reads it) for a child placed out of borough."""
    problems = [
        problem
        for field, day in (("initial_strategy", initial_strategy), ("last_strategy", last_strategy))
        if (problem := past_problem(field, day, today, named(field)))
    ]
    if last_strategy and initial_strategy and last_strategy < initial_strategy:
        problems.append(
            FieldProblem(
                "last_strategy",
                f"{named('last_strategy')} must be the same as or after the "
                f"{in_sentence(named('initial_strategy'))} ({long_date(initial_strategy)})",
            )
        )
    if interval is not None:
        attempt(problems, interval)
    return problems
