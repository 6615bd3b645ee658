"""The referral deadline before each MASE panel (clause 4.6).

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

from datetime import date, timedelta

from timing_helpers import DAYS_2026_TO_2028

from calculators import schedule, schedule_words
from calculators.protocol import Protocol


def test_referral_deadline_is_two_weeks_before_the_panel(protocol: Protocol) -> None:
    rule = protocol.timing.rule("mase_referral")
    assert schedule.referral_deadline(date(2027, 1, 7), rule) == date(2026, 12, 24)


def test_referral_deadline_day_still_refers_to_that_panel(protocol: Protocol) -> None:
    panel, deadline = schedule.referable_panel(protocol, date(2026, 11, 19))
    assert (panel.date, deadline.date) == (date(2026, 12, 3), date(2026, 11, 19))


def test_after_the_referral_deadline_the_answer_moves_to_the_following_panel(
    protocol: Protocol,
) -> None:
    answer = schedule.mase_answer(protocol, date(2026, 11, 20))
    assert answer.next_meeting.date == date(2026, 12, 3)
    assert answer.referable_meeting.date == date(2027, 1, 7)
    assert answer.referral_deadline.date == date(2026, 12, 24)
    assert answer.referral_deadline.clauses == ("4.6",)
    words = schedule_words.answer_words(
        protocol, schedule.dates_answer(protocol, date(2026, 11, 20), referral_planned=True)
    )
    referral = next(w for w in words if w["id"] == "mase_referral_deadline")
    assert referral["summary"] == "Thursday 24 December 2026"
    assert "Thursday 19 November 2026" in " ".join(referral["details"])
    assert words[0] is referral  # a planned referral comes first


def test_every_day_referral_deadline_is_14_days_before_its_panel_and_not_before_today(
    protocol: Protocol,
) -> None:
    for today in DAYS_2026_TO_2028:
        panel, deadline = schedule.referable_panel(protocol, today)
        assert deadline.date == panel.date - timedelta(days=14), today
        assert deadline.date >= today, today
        earlier = [p for p in schedule.panel_dates(protocol, today.year) if p < panel.date]
        assert all(p - timedelta(days=14) < today for p in earlier), today
