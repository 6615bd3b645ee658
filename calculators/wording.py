"""Values into words, the same for pages, documents and the command line."""

from __future__ import annotations

from datetime import date

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def long_date(day: date) -> str:
    """GOV.UK style: "Thursday 7 January 2027"."""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def weekday_name(weekday: int) -> str:
    return _DAYS[weekday]


def month_name(month: int) -> str:
    return _MONTHS[month - 1]


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th … (as the directive writes "the 3rd Thursday")."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{_SUFFIXES.get(number % 10, 'th')}"


def days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def weeks_or_days(count: int) -> str:
    """ "2 weeks" for 14 days, "10 days" for 10."""
    if count and count % 7 == 0:
        weeks = count // 7
        return f"{weeks} week" if weeks == 1 else f"{weeks} weeks"
    return days(count)


def sentence(text: str) -> str:
    """Text ending in a full stop ("" stays "")."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def and_list(items: tuple[str, ...] | list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def clause_list(clauses: tuple[str, ...] | list[str]) -> str:
    """ "clause 5.3" or "clauses 6.3 and 6.9"."""
    return ("clause " if len(clauses) == 1 else "clauses ") + and_list(clauses)


def in_sentence(name: str) -> str:
    """A name inside a sentence: "MASE panel", "monthly CSE case report deadline", "date
    of the initial strategy meeting" (an acronym's capitals stay)."""
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]
