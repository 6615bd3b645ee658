"""The referral deadline before each MASE panel (clause 4.6).

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

from timing_helpers import DAYS_2026_TO_2028

from calculators.dates import events as schedule_events
from calculators.dates import words as schedule_words
from calculators.protocol import BankHoliday, Protocol
from calculators.timing import answers


def test_referral_deadline_day_still_refers_to_that_panel_clause_4_6(protocol: Protocol) -> None:
    panel, deadline = answers.referable_panel(protocol, date(2026, 11, 19))
    assert (panel.date, deadline.date) == (date(2026, 12, 3), date(2026, 11, 19))


def test_after_the_referral_deadline_the_answer_moves_to_the_following_panel_clause_4_6(
    protocol: Protocol,
) -> None:
    answer = answers.panel_answer(protocol, date(2026, 11, 20))
    assert answer.next_meeting.date == date(2026, 12, 3)
    assert answer.referable_meeting.date == date(2027, 1, 7)
    assert answer.referral_deadline.date == date(2026, 12, 24)
    assert answer.referral_deadline.clauses == ("4.6",)
    words = schedule_words.answer_words(
        protocol, answers.dates_answer(protocol, date(2026, 11, 20), referral_planned=True)
    )
    referral = next(w for w in words if w["id"] == "mase_referral_deadline")
    assert referral["summary"] == (
        "Send the referral by Thursday 24 December 2026 for the panel on Thursday 7 January 2027"
    )
    assert "Thursday 19 November 2026" in " ".join(referral["details"])
    assert words[0] is referral  # a planned referral comes first


def test_every_day_referral_deadline_is_14_days_before_its_panel_and_not_before_today_clause_4_6(
    protocol: Protocol,
) -> None:
    for today in DAYS_2026_TO_2028:
        panel, deadline = answers.referable_panel(protocol, today)
        assert deadline.date == panel.date - timedelta(days=14), today
        assert deadline.date >= today, today
        earlier = [p for p in answers.panel_dates(protocol, today.year) if p < panel.date]
        assert all(p - timedelta(days=14) < today for p in earlier), today


# The referral answer's words (clauses 4.6 and 6.12) ----------------------------------


def referral_words(protocol: Protocol, today: date) -> dict[str, Any]:
    words = schedule_words.answer_words(protocol, answers.dates_answer(protocol, today))
    return next(w for w in words if w["id"] == "mase_referral_deadline")


def with_holiday(protocol: Protocol, day: date, name: str) -> Protocol:
    holidays = protocol.timing.bank_holidays
    extra = (*holidays.dates, BankHoliday(date=day, name=name))
    timing = dataclasses.replace(
        protocol.timing, bank_holidays=dataclasses.replace(holidays, dates=extra)
    )
    return dataclasses.replace(protocol, timing=timing)


def test_the_referral_answer_leads_with_the_panel_it_can_reach_and_its_deadline_4_6(
    protocol: Protocol,
) -> None:
    referral = referral_words(protocol, date(2026, 12, 10))
    assert referral["summary"] == (
        "Send the referral by Thursday 24 December 2026 for the panel on Thursday 7 January 2027"
    )
    assert referral["clauses"] == ["4.6"]


def test_on_the_referral_deadline_day_the_answer_says_today_4_6(protocol: Protocol) -> None:
    referral = referral_words(protocol, date(2026, 12, 24))
    assert referral["summary"] == (
        "Send the referral today, Thursday 24 December 2026, for the panel on "
        "Thursday 7 January 2027"
    )
    the_day_before = referral_words(protocol, date(2026, 12, 23))["summary"]
    assert "today" not in the_day_before


def test_after_the_deadline_the_answer_says_what_4_6_says_and_no_more_4_6(
    protocol: Protocol,
) -> None:
    referral = referral_words(protocol, date(2026, 11, 20))
    text = " ".join([referral["summary"], *referral["details"]])
    assert "for the panel on Thursday 7 January 2027" in referral["summary"]
    assert (
        "The deadline for the panel on Thursday 3 December 2026 was Thursday 19 November 2026: "
        "a referral must be submitted 2 weeks prior to the panel's date." in text
    )
    assert "following panel" not in text and "goes to" not in text


def test_a_case_that_cannot_wait_is_told_to_contact_the_mase_coordinator_6_12(
    protocol: Protocol,
) -> None:
    referral = referral_words(protocol, date(2026, 11, 20))
    text = " ".join(referral["details"])
    assert "If the case cannot wait, contact the MASE coordinator" in text
    assert "escalation procedure where there are barriers to progress" in text
    assert referral["clauses"] == ["4.6", "6.12"]
    assert protocol.clause("6.12").text.startswith("MASE to be used as an escalation procedure")
    # before the deadline has passed, no escalation is offered
    assert "MASE coordinator" not in " ".join(
        referral_words(protocol, date(2026, 11, 19))["details"]
    )


def test_a_deadline_on_a_bank_holiday_leads_with_the_working_day_before_4_6(
    protocol: Protocol,
) -> None:
    holiday = with_holiday(protocol, date(2026, 12, 24), "A made-up holiday")
    referral = referral_words(holiday, date(2026, 12, 10))
    assert referral["summary"] == (
        "Send the referral by Wednesday 23 December 2026 for the panel on Thursday 7 January 2027"
    )
    on_the_day = referral_words(holiday, date(2026, 12, 23))["summary"]
    assert on_the_day.startswith("Send the referral today, Wednesday 23 December 2026")


def test_a_deadline_on_a_bank_holiday_is_the_working_day_before_in_the_calendar_4_6(
    protocol: Protocol,
) -> None:
    holiday = with_holiday(protocol, date(2026, 12, 24), "A made-up holiday")
    referrals = {e.date for e in schedule_events.year_events(holiday, 2026) if e.kind == "referral"}
    assert date(2026, 12, 23) in referrals and date(2026, 12, 24) not in referrals
    [event] = [
        e for e in schedule_events.year_events(holiday, 2026) if e.date == date(2026, 12, 23)
    ]
    assert "submit by the previous working day, Wednesday 23 December 2026" in event.description
