"""Calendar arithmetic the timing rules are written in: pure functions, no protocol."""

from __future__ import annotations

from datetime import date, timedelta

from calculators.wording import month_name, ordinal, weekday_name


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
