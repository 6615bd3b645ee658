"""Calendar arithmetic the timing rules are written in: pure functions, no protocol."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from calculators.wording import month_name, ordinal, weekday_name

LAST = -1  # "the last Friday of the month": week_of_month LAST


def nth_weekday_of_month(year: int, month: int, weekday: int, n: int) -> date:
    """The nth weekday (0 = Monday) of a month; ValueError if it leaves the month."""
    if n < 1:
        raise ValueError(f"expected n of 1 or more, got {n}")
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    if day.month != month:
        raise ValueError(
            f"there is no {ordinal(n)} {weekday_name(weekday)} in {month_name(month)} {year}"
        )
    return day


def last_weekday_of_month(year: int, month: int, weekday: int) -> date:
    """The last weekday (0 = Monday) of a month."""
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def weekday_of_month(year: int, month: int, weekday: int, week: int) -> date | None:
    """The weekday in week 1-5 of the month, or the last (LAST); None if the month has
    no such day (a 5th Thursday in most months)."""
    if week == LAST:
        return last_weekday_of_month(year, month, weekday)
    try:
        return nth_weekday_of_month(year, month, weekday, week)
    except ValueError:
        if week < 1:
            raise
        return None


def week_words(week: int) -> str:
    """ "1st", "5th" or "last", as in "the last Friday"."""
    return "last" if week == LAST else ordinal(week)


def weekday_of_month_words(weekday: int, week: int) -> str:
    """ "1st Thursday", "last Friday"."""
    return f"{week_words(week)} {weekday_name(weekday)}"
