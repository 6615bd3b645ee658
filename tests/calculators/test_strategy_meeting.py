"""Strategy meetings (clauses 6.2 and 6.13): the latest date leads, and nothing reads as "wait".

6.2 says meetings take place every 8-10 weeks *as a minimum*: the next is due by 10
weeks at the latest, and sooner is always allowed. 6.13 says that for a child placed
out of borough meetings continue at the interval agreed at the strategy meeting.
Runs on CPython and inside Pyodide: standard library and pytest only.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from timing_helpers import with_holidays

from calculators.dates import request as dates_request
from calculators.errors import InputError
from calculators.protocol import Protocol
from calculators.timing import answers

LAST = date(2027, 1, 6)  # a Wednesday: 10 weeks later is Wednesday 17 March 2027
LATEST_WORDS = "Hold the next strategy meeting by Wednesday 17 March 2027 at the latest"


def strategy(protocol: Protocol, today: date, last: date = LAST, **payload: Any) -> dict:
    data = dates_request.handle_dates(
        protocol, {"today": today.isoformat(), "last_strategy": last.isoformat(), **payload}
    )
    words = next(a for a in data["answers"] if a["id"] == "strategy_meeting")
    return {"data": data["strategy_meeting"], "words": words}


def all_text(words: dict[str, Any]) -> str:
    return " ".join([words["summary"], *words["details"], words["warning"] or ""])


# 6.2: the latest date, the minimum frequency, sooner when the risk changes -------------


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2027, 1, 6), "not_due"),  # the day of the meeting
        (date(2027, 1, 20), "not_due"),  # two weeks after
        (date(2027, 3, 2), "not_due"),  # the day before 8 weeks
        (date(2027, 3, 3), "due"),  # 8 weeks
        (date(2027, 3, 16), "due"),
        (date(2027, 3, 17), "due"),  # 10 weeks: the latest date
    ],
)
def test_strategy_answer_leads_with_the_latest_date_clause_6_2(
    protocol: Protocol, today: date, status: str
) -> None:
    found = strategy(protocol, today)
    assert found["words"]["summary"] == LATEST_WORDS
    assert found["data"]["latest"] == "2027-03-17"
    assert found["data"]["status"] == status  # the JSON keys keep their meaning
    details = found["words"]["details"]
    assert details[0] == (
        "8-10 weeks is the minimum frequency: the next meeting is due no later than 10 weeks "
        "after the last strategy meeting on Wednesday 6 January 2027, and it can always be "
        "held sooner."
    )
    assert "Meet sooner when the risk changes." in details
    assert found["words"]["clauses"] == ["6.2"]


def test_strategy_answer_never_reads_as_wait_on_any_day_clause_6_2(protocol: Protocol) -> None:
    for offset in range(0, 71):
        text = all_text(strategy(protocol, LAST + timedelta(days=offset))["words"]).lower()
        for word in ("not yet", "wait", "until", "not due"):
            assert word not in text, (offset, word, text)


def test_the_words_for_6_2_come_from_the_protocol(protocol: Protocol) -> None:
    wording = protocol.timing.rule("strategy_meeting").handbook_wording
    found = strategy(protocol, date(2027, 1, 20))["words"]
    assert found["summary"] == wording["latest"].format(latest="Wednesday 17 March 2027")
    assert wording["sooner"] in found["details"]


def test_after_the_latest_date_the_answer_says_overdue_and_to_hold_it_now_clause_6_2(
    protocol: Protocol,
) -> None:
    found = strategy(protocol, date(2027, 3, 18))
    assert found["data"]["status"] == "overdue" and found["data"]["days_overdue"] == 1
    assert found["words"]["summary"] == (
        "Hold the next strategy meeting as soon as possible: it was due by Wednesday 17 March 2027"
    )
    assert found["words"]["details"][0] == (
        "Overdue by 1 day: it was due by Wednesday 17 March 2027 at the latest."
    )


def test_make_sure_it_is_convened_from_fourteen_days_before_the_latest_date_3_4(
    protocol: Protocol,
) -> None:
    """Convening is the social care lead's (3.4): the answer asks the social worker to make
    sure the meeting is convened, never to convene it."""
    before = strategy(protocol, date(2027, 3, 2))
    assert before["data"]["convene"] == "2027-03-03"
    assert not any("make sure it is convened" in d for d in before["words"]["details"])
    on = strategy(protocol, date(2027, 3, 3))["words"]["details"]
    assert any(
        d.startswith("Make sure it is convened if it is not arranged already (from Wednesday 3")
        and "the social care lead on CSE strategy meetings convenes it" in d
        for d in on
    )
    assert not any("Convene it now" in d for d in on)


# A latest date that is not a working day ----------------------------------------------


def test_a_latest_date_on_a_bank_holiday_moves_to_the_working_day_before_clause_6_2(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_holidays(protocol_data, ("2027-03-17", "A holiday"))
    found = strategy(protocol, date(2027, 1, 20))
    assert found["data"]["latest_by_rule"] == "2027-03-17"
    assert found["data"]["latest"] == "2027-03-16"
    assert found["words"]["summary"] == (
        "Hold the next strategy meeting by Tuesday 16 March 2027 at the latest"
    )
    assert (
        "Wednesday 17 March 2027 is a bank holiday (A holiday): the latest working day is "
        "Tuesday 16 March 2027." in found["words"]["details"]
    )
    assert answers.strategy_window(protocol, date(2027, 3, 17), LAST).status == "overdue"


def test_a_latest_date_at_a_weekend_after_good_friday_moves_to_the_thursday_clause_6_2(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_holidays(protocol_data, ("2027-03-26", "Good Friday"))
    last = date(2027, 1, 16)  # a Saturday: 10 weeks later is Saturday 27 March
    answer = answers.strategy_window(protocol, date(2027, 2, 1), last)
    assert answer.latest_by_rule == date(2027, 3, 27)
    assert answer.latest == date(2027, 3, 25)


# 6.13: out of borough, the interval agreed at the strategy meeting ----------------------


def out_of_borough(protocol: Protocol, weeks: int) -> dict:
    return strategy(
        protocol,
        date(2027, 1, 20),
        out_of_borough="yes",
        agreed_interval_weeks=str(weeks),
        interval_rationale="Agreed at the strategy meeting",
    )


def test_out_of_borough_8_weeks_is_accepted_clause_6_13(protocol: Protocol) -> None:
    found = out_of_borough(protocol, 8)
    assert found["data"]["latest"] == found["data"]["earliest"] == "2027-03-03"
    assert found["data"]["clauses"] == ["6.13"] and not found["data"]["confirm_interval"]
    assert found["words"]["summary"] == (
        "Hold the next strategy meeting by Wednesday 3 March 2027 at the latest"
    )
    text = all_text(found["words"])
    assert "interval agreed at the strategy meeting, 8 weeks after" in text
    assert "rationale" not in text  # no less frequent meetings to explain
    assert found["words"]["warning"] is None


def test_out_of_borough_12_weeks_reminds_that_the_rationale_goes_in_the_last_minutes_clause_6_13(
    protocol: Protocol,
) -> None:
    found = out_of_borough(protocol, 12)
    assert found["data"]["latest"] == "2027-03-31"
    assert (
        "Record the rationale for the less frequent meetings in the last strategy meeting's "
        "minutes (clause 6.13)." in found["words"]["details"]
    )
    assert found["words"]["warning"] is None and not found["data"]["confirm_interval"]


def test_out_of_borough_30_weeks_is_answered_with_a_warning_to_confirm_clause_6_13(
    protocol: Protocol,
) -> None:
    found = out_of_borough(protocol, 30)
    assert found["data"]["latest"] == "2027-08-04"
    assert found["data"]["confirm_interval"] is True
    assert found["words"]["summary"] == (
        "Hold the next strategy meeting by Wednesday 4 August 2027 at the latest"
    )
    assert found["words"]["warning"].startswith(
        "An agreed interval of 30 weeks is more than 26 weeks."
    )
    assert "rationale for the less frequent meetings" in " ".join(found["words"]["details"])


@pytest.mark.parametrize("weeks", [1, 10, 26, 27, 52])
def test_6_13_out_of_borough_accepts_the_protocols_1_to_52_weeks(
    protocol: Protocol, weeks: int
) -> None:
    found = out_of_borough(protocol, weeks)
    assert found["data"]["latest_by_rule"] == (LAST + timedelta(weeks=weeks)).isoformat()
    assert found["data"]["confirm_interval"] is (weeks > 26)


@pytest.mark.parametrize("weeks", ["0", "53"])
def test_6_13_out_of_borough_interval_outside_the_protocols_range_names_the_field(
    protocol: Protocol, weeks: str
) -> None:
    with pytest.raises(InputError) as error:
        dates_request.handle_dates(
            protocol,
            {"today": "2027-01-20", "out_of_borough": "yes", "agreed_interval_weeks": weeks},
        )
    [problem] = error.value.problems
    assert problem.field == "agreed_interval_weeks"
    assert "from 1 to 52" in problem.message


def test_strategy_json_keeps_its_keys_and_adds_the_rules_date(protocol: Protocol) -> None:
    data = strategy(protocol, date(2027, 1, 20))["data"]
    assert json.loads(json.dumps(data)) == data
    for key in ("last", "earliest", "latest", "latest_by_rule", "convene"):
        assert date.fromisoformat(data[key]).isoformat() == data[key]
    assert {"status", "days_overdue", "days_until_earliest", "out_of_borough"} <= set(data)
