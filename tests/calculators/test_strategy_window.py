"""The strategy meeting window (clauses 6.2 and 6.13): 8-10 weeks, or the agreed interval.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from timing_helpers import problems

from calculators import timing
from calculators.dates import request as dates_request
from calculators.errors import InputError
from calculators.protocol import Protocol
from calculators.timing import answers


def test_strategy_meeting_window_is_eight_to_ten_weeks_after_the_last_clause_6_2(
    protocol: Protocol,
) -> None:
    last = date(2026, 9, 1)
    answer = answers.strategy_window(protocol, date(2026, 9, 1), last)
    assert (answer.earliest, answer.latest) == (date(2026, 10, 27), date(2026, 11, 10))
    assert answer.clauses == ("6.2",)


@pytest.mark.parametrize(
    ("today", "status", "overdue"),
    [
        (date(2026, 10, 26), answers.NOT_DUE, 0),
        (date(2026, 10, 27), answers.DUE, 0),
        (date(2026, 11, 10), answers.DUE, 0),
        (date(2026, 11, 11), answers.OVERDUE, 1),
        (date(2026, 11, 29), answers.OVERDUE, 19),
    ],
)
def test_strategy_meeting_is_due_within_the_window_both_ends_included_clause_6_2(
    protocol: Protocol, today: date, status: str, overdue: int
) -> None:
    answer = answers.strategy_window(protocol, today, date(2026, 9, 1))
    assert (answer.status, answer.days_overdue) == (status, overdue)


def test_overdue_strategy_meeting_says_by_how_many_days_clause_6_2(protocol: Protocol) -> None:
    data = dates_request.handle_dates(
        protocol, {"today": "2026-11-29", "last_strategy": "2026-09-01"}
    )
    assert data["strategy_meeting"]["status"] == "overdue"
    words = next(a for a in data["answers"] if a["id"] == "strategy_meeting")
    assert words["details"][0] == (
        "Overdue by 19 days: it was due by Tuesday 10 November 2026 at the latest."
    )
    assert words["clauses"] == ["6.2"]


def test_out_of_borough_the_agreed_interval_replaces_the_window_clause_6_13(
    protocol: Protocol,
) -> None:
    data = dates_request.handle_dates(
        protocol,
        {
            "today": "2026-11-29",
            "last_strategy": "2026-10-01",
            "out_of_borough": "yes",
            "agreed_interval_weeks": "12",
            "interval_rationale": "Placement stable; agreed at the meeting",
        },
    )
    strategy = data["strategy_meeting"]
    assert strategy["earliest"] == strategy["latest"] == "2026-12-24"
    assert strategy["status"] == "not_due"
    assert strategy["clauses"] == ["6.13"]
    words = next(a for a in data["answers"] if a["id"] == "strategy_meeting")
    assert "last strategy meeting's minutes (clause 6.13)" in " ".join(words["details"])


def test_out_of_borough_needs_an_agreed_interval_clause_6_13(protocol: Protocol) -> None:
    with pytest.raises(InputError) as error:
        dates_request.handle_dates(protocol, {"today": "2026-11-29", "out_of_borough": True})
    assert "agreed interval" in problems(error)["agreed_interval_weeks"]


def test_initial_strategy_meeting_counts_when_there_is_no_last_one_clause_6_2(
    protocol: Protocol,
) -> None:
    data = dates_request.handle_dates(
        protocol, {"today": "2026-11-29", "initial_strategy": "2026-10-01"}
    )
    assert data["strategy_meeting"]["counted_from"] == "initial_strategy"
    assert data["strategy_meeting"]["earliest"] == "2026-11-26"
    both = dates_request.handle_dates(
        protocol,
        {"today": "2026-11-29", "initial_strategy": "2026-08-01", "last_strategy": "2026-10-01"},
    )
    assert both["strategy_meeting"]["counted_from"] == "last_strategy"


def test_without_a_strategy_meeting_date_there_is_no_strategy_answer(protocol: Protocol) -> None:
    data = dates_request.handle_dates(protocol, {"today": "2026-11-29"})
    assert data["strategy_meeting"] is None
    assert [a["id"] for a in data["answers"]] == [
        "mase_next_meeting",
        "mase_referral_deadline",
        "monthly_report_due",
    ]


@given(
    last=st.dates(date(2000, 1, 1), date(2099, 1, 1)),
    offset=st.integers(0, 200),
)
def test_strategy_status_follows_the_window_clause_6_2(
    protocol: Protocol, last: date, offset: int
) -> None:
    today = last + timedelta(days=offset)
    answer = answers.strategy_window(protocol, today, last)
    assert answer.earliest == last + timedelta(weeks=8)
    assert answer.latest_by_rule == last + timedelta(weeks=10)
    # the latest date is a working day: the rule's date, or the working day before it
    assert answer.latest == timing.working_day_on_or_before(protocol, answer.latest_by_rule)
    assert 0 <= (answer.latest_by_rule - answer.latest).days <= 4
    within = (answer.latest - last).days
    expected = "not_due" if offset < 56 else "due" if offset <= within else "overdue"
    assert answer.status == expected
    assert answer.days_overdue == max(0, offset - within)
