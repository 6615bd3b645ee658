"""The strategy meeting minutes' dates (clauses 6.2 and 6.13): the next meeting after this
one, and a warning when it is further off than the rule's maximum (not out of borough).

Runs on CPython and inside Pyodide: standard library and pytest only.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from calculators import bridge
from calculators.dates import minutes as minutes_dates
from calculators.documents.drafts import check_values, read_draft
from calculators.documents.forms import handle_check
from calculators.errors import InputError
from calculators.protocol import Protocol

MEETING = {"day": "6", "month": "1", "year": "2027"}  # Wednesday 6 January 2027


def minutes(protocol: Protocol) -> Any:
    return protocol.template(minutes_dates.TEMPLATE)


def test_the_minutes_have_the_fields_the_checks_name(protocol: Protocol) -> None:
    fields = {f.id: f for f in minutes(protocol).fields}
    assert fields[minutes_dates.MEETING].type == "date"
    assert fields[minutes_dates.NEXT].type == "date"
    assert fields[minutes_dates.OUT_OF_BOROUGH].type == "choice"
    assert minutes_dates.YES in fields[minutes_dates.OUT_OF_BOROUGH].options


@pytest.mark.parametrize("next_date", ["2027-01-06", "2027-01-05", "2026-12-01"])
def test_next_meeting_must_fall_after_this_meeting(protocol: Protocol, next_date: str) -> None:
    with pytest.raises(InputError) as error:
        check_values(minutes(protocol), {"meeting_date": MEETING, "next_meeting_date": next_date})
    [problem] = error.value.problems
    assert problem.field == "next_meeting_date"
    assert problem.message == (
        "Date of next CSE strategy meeting must be after the date of meeting "
        "(Wednesday 6 January 2027)"
    )


def test_next_meeting_the_day_after_is_accepted(protocol: Protocol) -> None:
    clean = check_values(
        minutes(protocol), {"meeting_date": MEETING, "next_meeting_date": "2027-01-07"}
    )
    assert clean["next_meeting_date"] == "2027-01-07"


def test_either_date_missing_is_not_an_order_problem(protocol: Protocol) -> None:
    assert check_values(minutes(protocol), {"next_meeting_date": "2026-01-01"})


def warnings(protocol: Protocol, **fields: Any) -> list[dict[str, str]]:
    payload = {"template": minutes_dates.TEMPLATE, "complete": False, "fields": fields}
    return handle_check(protocol, payload)["warnings"]


def test_next_meeting_within_ten_weeks_gives_no_warning_clause_6_2(protocol: Protocol) -> None:
    assert warnings(protocol, meeting_date=MEETING, next_meeting_date="2027-03-17") == []


def test_next_meeting_more_than_ten_weeks_after_gets_a_warning_clause_6_2(
    protocol: Protocol,
) -> None:
    [warning] = warnings(protocol, meeting_date=MEETING, next_meeting_date="2027-03-18")
    assert warning["field"] == "next_meeting_date"
    assert warning["message"].startswith(
        "The next meeting is 10 weeks and 1 day after this one: strategy meetings take place "
        "every 8-10 weeks as a minimum (clause 6.2)."
    )
    assert "(clause 6.13)" in warning["message"]


def test_out_of_borough_a_longer_interval_gets_no_warning_clause_6_13(
    protocol: Protocol,
) -> None:
    found = warnings(
        protocol, meeting_date=MEETING, next_meeting_date="2027-07-07", out_of_borough="Yes"
    )
    assert found == []
    assert warnings(
        protocol, meeting_date=MEETING, next_meeting_date="2027-07-07", out_of_borough="No"
    )


def test_the_ten_weeks_come_from_the_protocol_clause_6_2(protocol_data: dict[str, Any]) -> None:
    import copy

    from calculators.protocol import protocol_from_mapping

    data = copy.deepcopy(protocol_data)
    data["timing"]["strategy_meeting"].update({"min_weeks": 4, "max_weeks": 6})
    changed = protocol_from_mapping(data)
    [warning] = warnings(changed, meeting_date=MEETING, next_meeting_date="2027-02-18")
    assert "every 4-6 weeks" in warning["message"]


def test_the_bridge_checks_the_minutes_dates(protocol: Protocol) -> None:
    request = {
        "type": "check_form",
        "payload": {
            "template": "strategy-meeting",
            "complete": False,
            "fields": {"meeting_date": MEETING, "next_meeting_date": "2027-01-01"},
        },
    }
    response = json.loads(bridge.handle(protocol, json.dumps(request)))
    assert response["ok"] is False
    assert [e["field"] for e in response["errors"]] == ["next_meeting_date"]


def test_a_draft_with_the_next_meeting_first_is_refused_naming_the_field(
    protocol: Protocol,
) -> None:
    draft = {
        "template": "strategy-meeting",
        "protocol_version": protocol.metadata.version,
        "fields": {"meeting_date": "2027-01-06", "next_meeting_date": "2027-01-06"},
    }
    with pytest.raises(InputError) as error:
        read_draft(protocol, json.dumps(draft))
    assert [p.field for p in error.value.problems] == ["next_meeting_date"]


def test_a_draft_with_a_far_next_meeting_opens_with_the_warning_clause_6_2(
    protocol: Protocol,
) -> None:
    draft = {
        "template": "strategy-meeting",
        "protocol_version": protocol.metadata.version,
        "fields": {"meeting_date": "2027-01-06", "next_meeting_date": "2027-04-07"},
    }
    opened = read_draft(protocol, json.dumps(draft))
    assert any(w.startswith("The next meeting is 13 weeks after") for w in opened["warnings"])
