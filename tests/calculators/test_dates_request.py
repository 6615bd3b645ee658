"""The dates request (`dates_request`): clauses, JSON keys, bad input, and the bridge.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from timing_helpers import problems

from calculators.dates import request as dates_request
from calculators.errors import InputError
from calculators.protocol import Protocol


def test_every_answer_carries_the_clauses_it_rests_on_clauses_4_6_5_3_6_2_6_12(
    protocol: Protocol,
) -> None:
    data = dates_request.handle_dates(
        protocol, {"today": "2026-11-29", "last_strategy": "2026-10-01"}
    )
    assert {a["id"]: a["clauses"] for a in data["answers"]} == {
        "mase_next_meeting": ["4.6"],
        # the deadline for 3 December has passed: 6.12, MASE as escalation, for a case
        # that cannot wait for the panel on 7 January
        "mase_referral_deadline": ["4.6", "6.12"],
        "monthly_report_due": ["5.3"],
        "strategy_meeting": ["6.2"],
    }
    for answer in data["answers"]:
        assert answer["clause_text"].startswith(("clause ", "clauses "))
        assert answer["summary"]


def test_json_has_the_documented_keys_in_iso_form(protocol: Protocol) -> None:
    data = dates_request.handle_dates(
        protocol, {"today": "2026-11-29", "last_strategy": "2026-10-01"}
    )
    assert json.loads(json.dumps(data)) == data
    for value in (
        data["panel"]["next_meeting"],
        data["panel"]["referable_meeting"],
        data["panel"]["referral_deadline"],
        data["monthly_report"]["due"],
        data["strategy_meeting"]["earliest"],
        data["strategy_meeting"]["latest"],
    ):
        assert date.fromisoformat(value).isoformat() == value
    assert data["strategy_meeting"]["status"] in {"not_due", "due", "overdue"}


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "today", "Enter today's date"),
        ({"today": {"day": "", "month": "", "year": ""}}, "today", "Enter today's date"),
        (
            {"today": {"day": "", "month": "3", "year": "2027"}},
            "today",
            "Today's date must include a day",
        ),
        (
            {"today": "2027-03-27", "last_strategy": {"day": "1", "month": "", "year": ""}},
            "last_strategy",
            "Date of the last strategy meeting must include a month and year",
        ),
        (
            {"today": {"day": "27", "month": "March", "year": "2027"}},
            "today",
            "Today's date must be a real date, for example 27 3 2027",
        ),
        (
            {"today": "2027-03-27", "last_strategy": {"day": "31", "month": "2", "year": "2027"}},
            "last_strategy",
            "Date of the last strategy meeting must be a real date, for example 27 3 2027",
        ),
        (
            {"today": "2027-03-27", "last_strategy": "2027-02-31"},
            "last_strategy",
            "Date of the last strategy meeting must be a real date, for example 2027-03-27",
        ),
        (
            {"today": "27/03/2027"},
            "today",
            "Today's date must be a date in the form YYYY-MM-DD, for example 2027-03-27",
        ),
        (
            {"today": {"day": "1", "month": "1", "year": "1999"}},
            "today",
            "Today's date must have a year from 2000 to 2100",
        ),
        (
            {"today": {"day": "1", "month": "1", "year": "2101"}},
            "today",
            "Today's date must have a year from 2000 to 2100",
        ),
        (
            {"today": {"day": "1", "month": "1", "year": "27"}},
            "today",
            "Today's date must include a year with 4 numbers, like 2027",
        ),
        (
            {"today": "2027-03-27", "last_strategy": "2027-03-28"},
            "last_strategy",
            "Date of the last strategy meeting must be today or in the past",
        ),
        (
            {"today": "2027-03-27", "initial_strategy": "2027-04-01"},
            "initial_strategy",
            "Date of the initial strategy meeting must be today or in the past",
        ),
        (
            {
                "today": "2027-03-27",
                "initial_strategy": "2027-02-01",
                "last_strategy": "2027-01-01",
            },
            "last_strategy",
            "must be the same as or after the date of the initial strategy meeting",
        ),
        (
            {"today": "2027-03-27", "out_of_borough": True, "agreed_interval_weeks": "twelve"},
            "agreed_interval_weeks",
            "must be a whole number",
        ),
        (
            {"today": "2027-03-27", "out_of_borough": True, "agreed_interval_weeks": "99"},
            "agreed_interval_weeks",
            "must be from 1 to 52",
        ),
        (
            {"today": "2027-03-27", "out_of_borough": "perhaps"},
            "out_of_borough",
            "Select yes or no",
        ),
        (
            {"today": "2027-03-27", "referral_planned": 3},
            "referral_planned",
            "Select yes or no",
        ),
        (
            {"today": "2027-03-27", "interval_rationale": "x" * 2001},
            "interval_rationale",
            "2000 characters or fewer",
        ),
        ({"today": ["2027", "3", "27"]}, "today", "must be a real date"),
    ],
)
def test_bad_input_names_the_field_and_what_is_expected(
    protocol: Protocol, payload: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(InputError) as error:
        dates_request.handle_dates(protocol, payload)
    found = problems(error)
    assert list(found) == [field]
    assert message in found[field]


def test_every_bad_field_is_reported_at_once(protocol: Protocol) -> None:
    with pytest.raises(InputError) as error:
        dates_request.handle_dates(
            protocol,
            {
                "today": {"day": "31", "month": "2", "year": "2027"},
                "last_strategy": {"day": "x", "month": "1", "year": "2027"},
                "out_of_borough": "yes",
                "agreed_interval_weeks": "",
            },
        )
    assert list(problems(error)) == ["today", "last_strategy", "agreed_interval_weeks"]


def test_numbers_may_arrive_as_numbers_and_dates_with_spaces(protocol: Protocol) -> None:
    data = dates_request.handle_dates(
        protocol,
        {"today": {"day": " 27 ", "month": 3, "year": "2027"}, "referral_planned": "no"},
    )
    assert data["today"] == "2027-03-27"
    assert data["referral_planned"] is False


def test_bad_calendar_year_names_the_year(protocol: Protocol) -> None:
    for year in ("1999", "2101", "next", None):
        with pytest.raises(InputError) as error:
            dates_request.handle_calendar(protocol, {"year": year})
        assert list(problems(error)) == ["year"]


def test_the_bridge_answers_dates_with_the_same_result(protocol: Protocol) -> None:
    from calculators import bridge

    payload = {"today": {"day": "29", "month": "11", "year": "2026"}, "referral_planned": "yes"}
    request = json.dumps({"type": "dates", "payload": payload})
    response = json.loads(bridge.handle(protocol, request))
    assert response == {"ok": True, "result": dates_request.handle_dates(protocol, payload)}


def test_the_bridge_returns_each_bad_date_as_a_field_problem(protocol: Protocol) -> None:
    from calculators import bridge

    payload = {
        "today": {"day": "29", "month": "11", "year": "2026"},
        "last_strategy": {"day": "31", "month": "2", "year": "2026"},
    }
    response = json.loads(
        bridge.handle(protocol, json.dumps({"type": "dates", "payload": payload}))
    )
    assert response["ok"] is False
    assert response["errors"] == [
        {
            "field": "last_strategy",
            "message": "Date of the last strategy meeting must be a real date, "
            "for example 27 3 2027",
        }
    ]


def test_the_bridge_makes_the_calendar_file(protocol: Protocol) -> None:
    from calculators import bridge

    payload = {"today": "2026-11-29", "case_reference": "CR-1", "now": "2026-11-29T10:00:00Z"}
    request = json.dumps({"type": "calendar_file", "payload": payload})
    response = json.loads(bridge.handle(protocol, request))
    assert response["ok"] is True
    assert response["result"]["filename"] == "cse-due-dates-2026-11-29.ics"
    assert response["result"]["text"].startswith("BEGIN:VCALENDAR\r\n")
