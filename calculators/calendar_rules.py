"""Calendar arithmetic the timing rules are written in: pure functions, no protocol."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Protocol

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


def days_in_month(year: int, month: int) -> int:
    """How many days the month has (no `calendar` module: importing it takes Pyodide
    about a tenth of a second, which every cold start of the calculators would wait for)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def last_weekday_of_month(year: int, month: int, weekday: int) -> date:
    """The last weekday (0 = Monday) of a month."""
    last = date(year, month, days_in_month(year, month))
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


# Working days: not Saturday or Sunday, not one of the given holidays ----------------

WEEKEND = (5, 6)  # Saturday and Sunday are not working days
MOST_WORKING_DAYS = 23  # the most weekdays a month has


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    return day.weekday() not in WEEKEND and day not in holidays


def working_days_of_month(year: int, month: int, holidays: Collection[date]) -> list[date]:
    """The month's working days, in order."""
    first = date(year, month, 1)
    length = days_in_month(year, month)
    every = (first + timedelta(days=n) for n in range(length))
    return [day for day in every if is_working_day(day, holidays)]


def working_day_of_month(year: int, month: int, n: int, holidays: Collection[date]) -> date | None:
    """The nth working day of a month (1 is the first), or the last (LAST); None if the
    month has fewer than n working days."""
    days = working_days_of_month(year, month, holidays)
    if n == LAST:
        return days[-1] if days else None
    if n < 1:
        raise ValueError(f"expected n of 1 or more, or LAST, got {n}")
    return days[n - 1] if n <= len(days) else None


def working_day_words(n: int) -> str:
    """ "last working day", "3rd working day"."""
    return f"{week_words(n)} working day"


def working_days_words(count: int) -> str:
    """ "1 working day", "5 working days"."""
    return f"{count} working day" if count == 1 else f"{count} working days"


class MonthlyDay(Protocol):
    """What says which day of each month a monthly rule falls on: the nth (or last)
    weekday, or the nth (or last) working day (each None where the rule does not use it);
    a deadline may instead have `working_days_after_month_end`."""

    weekday: int | None
    week_of_month: int | None
    working_day: int | None


def monthly_day(rule: MonthlyDay, year: int, month: int, holidays: Collection[date]) -> date | None:
    """The rule's day for that month (None if the month has no such day: a 5th Thursday).

    N working days after a month ends is the nth working day of the month after, but it
    is the day for the month that ended.
    """
    after = getattr(rule, "working_days_after_month_end", None)
    if after is not None:
        following = date(year, month, 28) + timedelta(days=4)
        return working_day_of_month(following.year, following.month, after, holidays)
    if rule.working_day is not None:
        return working_day_of_month(year, month, rule.working_day, holidays)
    assert rule.weekday is not None and rule.week_of_month is not None  # checked on reading
    return weekday_of_month(year, month, rule.weekday, rule.week_of_month)


def monthly_words(rule: MonthlyDay) -> str:
    """ "1st Thursday", "last working day", "5 working days" (after the month ends)."""
    after = getattr(rule, "working_days_after_month_end", None)
    if after is not None:
        return working_days_words(after)
    if rule.working_day is not None:
        return working_day_words(rule.working_day)
    assert rule.weekday is not None and rule.week_of_month is not None  # checked on reading
    return weekday_of_month_words(rule.weekday, rule.week_of_month)
