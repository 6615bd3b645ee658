"""The command line answers a made-up protocol (tests/fixtures) by its own timing rules:
a panel on the 2nd Tuesday, a referral 10 working days before it, a report on the last
Friday and a review every 6 weeks. Dates worked out by hand from a 2027 calendar."""

from __future__ import annotations

import json
from typing import Any

MADE_UP = "tests/fixtures/made_up_protocol.yaml"


def made_up_dates(run: Any, *args: str) -> dict[str, Any]:
    result = run("--protocol", MADE_UP, "dates", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_panel_is_the_2nd_tuesday_and_the_referral_10_working_days_before_clause_4_1(
    run: Any,
) -> None:
    answer = made_up_dates(run, "--today", "2027-01-04")
    mase = answer["panel"]
    # January 2027 begins on a Friday: its Tuesdays are the 5th and the 12th.
    assert mase["next_meeting"] == "2027-01-12"
    # 10 working days before 12 January fall in December 2026 (past), so the referral goes
    # to 9 February (Tuesdays 2nd and 9th); counting back from it, weekends skipped:
    # 8, 5, 4, 3, 2, 1 February, 29, 28, 27, 26 January.
    assert mase["referable_meeting"] == "2027-02-09"
    assert mase["referral_deadline"] == "2027-01-26"
    assert mase["clauses"] == ["4.1"] and mase["days_before_panel"] == 10


def test_the_report_is_due_on_the_last_friday_clause_5_1(run: Any) -> None:
    answer = made_up_dates(run, "--today", "2027-01-04")
    # 31 January 2027 is a Sunday: the last Friday is the 29th.
    assert answer["monthly_report"]["due"] == "2027-01-29"


def test_the_review_is_due_6_weeks_after_the_last_clause_6_1(run: Any) -> None:
    answer = made_up_dates(run, "--today", "2027-01-04", "--last-strategy", "2026-12-01")
    review = answer["strategy_meeting"]
    # 1 December 2026 + 42 days = 12 January 2027, a Tuesday: earliest and latest alike.
    assert (review["earliest"], review["latest"]) == ("2027-01-12", "2027-01-12")
    assert review["status"] == "not_due" and review["clauses"] == ["6.1"]


def test_the_year_has_the_made_up_panels_and_the_august_cancellation_clauses_4_1_5_1(
    run: Any,
) -> None:
    result = run("--protocol", MADE_UP, "calendar", "--year", "2027", "--json")
    assert result.returncode == 0, result.stderr
    months = json.loads(result.stdout)["months"]
    # August 2027 begins on a Sunday: the 2nd Tuesday is the 10th, cancelled in the fixture.
    august = months[7]
    assert (august["panel"], august["panel_scheduled"], august["panel_cancelled"]) == (
        None,
        "2027-08-10",
        True,
    )
    assert august["referral_deadline"] is None
    # March 2027: Tuesdays 2nd and 9th; last Friday the 26th.
    assert (months[2]["panel"], months[2]["report_due"]) == ("2027-03-09", "2027-03-26")
