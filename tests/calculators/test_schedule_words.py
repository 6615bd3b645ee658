"""The due dates in words (calculators.dates.words): panels moved, cancelled or on a
bank holiday, and the handbook's sentences read from the protocol.

Runs on CPython and inside Pyodide: standard library and pytest only.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from calculators.dates import request as dates_request
from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping
from calculators.timing import answers as case_answers

AUGUST_RECESS = {"date": "2027-08-05", "cancelled": True, "reason": "August recess"}
NEW_YEAR = {"date": "2027-01-07", "moved_to": "2027-01-14", "reason": "New Year"}


def changed(protocol_data: dict[str, Any], changes: list, holidays: list | None = None) -> Protocol:
    data = copy.deepcopy(protocol_data)
    data["timing"]["panel_changes"] = changes
    if holidays is not None:
        data["timing"]["bank_holidays"]["dates"] = holidays
    return protocol_from_mapping(data)


def answers(protocol: Protocol, today: str) -> dict[str, dict]:
    data = dates_request.handle_dates(protocol, {"today": today})
    return {a["id"]: a for a in data["answers"]} | {"data": data}


def test_a_cancelled_panel_is_named_with_its_reason_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    protocol = changed(protocol_data, [AUGUST_RECESS])
    found = answers(protocol, "2027-07-20")
    named = "The panel on Thursday 5 August 2027 is cancelled: August recess."
    assert found["mase_next_meeting"]["summary"] == "Thursday 2 September 2027"
    assert named in found["mase_next_meeting"]["details"]
    assert named in found["mase_referral_deadline"]["details"]
    assert found["data"]["panel"]["cancelled_panels"] == [
        {"scheduled": "2027-08-05", "reason": "August recess"}
    ]


def test_a_cancelled_panel_already_passed_is_not_named_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    protocol = changed(protocol_data, [AUGUST_RECESS])
    found = answers(protocol, "2027-08-06")
    assert "August recess" not in str(found["mase_next_meeting"])
    assert found["data"]["panel"]["cancelled_panels"] == []


def test_a_moved_panel_is_named_with_its_reason_clause_4_6(protocol_data: dict[str, Any]) -> None:
    protocol = changed(protocol_data, [NEW_YEAR])
    found = answers(protocol, "2027-01-01")
    named = (
        "The panel on Thursday 7 January 2027 has been moved to Thursday 14 January 2027: New Year."
    )
    assert named in found["mase_next_meeting"]["details"]
    assert found["data"]["panel"]["next_meeting_change_reason"] == "New Year"


def test_a_panel_on_a_bank_holiday_asks_to_check_with_the_mase_coordinator_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    protocol = changed(protocol_data, [], [{"date": "2027-01-07", "name": "A holiday"}])
    found = answers(protocol, "2027-01-01")
    assert found["mase_next_meeting"]["warning"] == (
        "Thursday 7 January 2027 is a bank holiday (A holiday): check the date with the MASE "
        "coordinator."
    )


def test_panels_on_a_bank_holiday_with_no_change_are_listed_for_the_owner_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    holidays = [
        {"date": "2027-01-07", "name": "A holiday"},
        {"date": "2027-04-01", "name": "Another"},
        {"date": "2027-04-02", "name": "Not a panel day"},
    ]
    protocol = changed(protocol_data, [], holidays)
    listed = case_answers.unchanged_bank_holiday_panels(protocol)
    assert [(p.scheduled.isoformat(), p.bank_holiday) for p in listed] == [
        ("2027-01-07", "A holiday"),
        ("2027-04-01", "Another"),
    ]
    recorded = changed(protocol_data, [NEW_YEAR], holidays)
    assert [
        p.scheduled.isoformat() for p in case_answers.unchanged_bank_holiday_panels(recorded)
    ] == ["2027-04-01"]


@pytest.mark.parametrize(
    ("rule", "key", "text", "message"),
    [
        ("strategy_meeting", "latest", "Hold it by {when}", "unknown placeholder {when}"),
        ("monthly_report", "last_due", "Due {date", "expected {name} placeholders"),
    ],
)
def test_the_handbooks_sentences_may_use_only_known_placeholders(
    protocol_data: dict[str, Any], rule: str, key: str, text: str, message: str
) -> None:
    data = copy.deepcopy(protocol_data)
    data["timing"][rule]["handbook_wording"][key] = text
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(data)
    assert error.value.path == f"timing.{rule}.handbook_wording.{key}"
    assert message in error.value.message


def test_a_missing_sentence_is_named(protocol_data: dict[str, Any]) -> None:
    data = copy.deepcopy(protocol_data)
    del data["timing"]["mase_panel"]["handbook_wording"]["cancelled"]
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(data)
    assert error.value.path == "timing.mase_panel.handbook_wording.cancelled"
