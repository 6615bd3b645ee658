"""Counting the nth weekday of a month, on which every monthly rule rests.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from timing_helpers import THURSDAY

from calculators import calendar_rules


def test_nth_weekday_of_month_counts_from_the_first_of_the_month() -> None:
    assert calendar_rules.nth_weekday_of_month(2027, 1, THURSDAY, 1) == date(2027, 1, 7)
    assert calendar_rules.nth_weekday_of_month(2026, 10, THURSDAY, 1) == date(2026, 10, 1)
    assert calendar_rules.nth_weekday_of_month(2026, 12, THURSDAY, 3) == date(2026, 12, 17)


def test_nth_weekday_of_month_refuses_a_day_outside_the_month() -> None:
    with pytest.raises(ValueError, match="no 5th Thursday in February 2027"):
        calendar_rules.nth_weekday_of_month(2027, 2, THURSDAY, 5)
    with pytest.raises(ValueError):
        calendar_rules.nth_weekday_of_month(2027, 2, THURSDAY, 0)


@given(
    year=st.integers(2000, 2100),
    month=st.integers(1, 12),
    weekday=st.integers(0, 6),
    n=st.integers(1, 4),
)
def test_nth_weekday_of_month_is_that_weekday_in_that_week(
    year: int, month: int, weekday: int, n: int
) -> None:
    day = calendar_rules.nth_weekday_of_month(year, month, weekday, n)
    assert (day.year, day.month, day.weekday()) == (year, month, weekday)
    assert (day.day - 1) // 7 + 1 == n


@given(st.integers(1, 9999), st.integers(1, 12))
def test_days_in_month_agrees_with_the_standard_librarys_calendar(year: int, month: int) -> None:
    import calendar  # the module the calculators no longer import (it slows their start)

    assert calendar_rules.days_in_month(year, month) == calendar.monthrange(year, month)[1]
