"""Bank holidays: flagged on panel days, submissions advised for the working day before.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from timing_helpers import with_holidays

from calculators import timing
from calculators.dates import request as dates_request
from calculators.protocol import Protocol
from calculators.timing import answers


def test_a_panel_on_a_bank_holiday_is_flagged_clause_4_6(protocol_data: dict[str, Any]) -> None:
    protocol = with_holidays(protocol_data, ("2026-01-01", "New Year's Day"))
    data = dates_request.handle_dates(protocol, {"today": "2025-12-20"})
    assert data["panel"]["next_meeting"] == "2026-01-01"
    assert data["panel"]["next_meeting_bank_holiday"] == "New Year's Day"
    panel = next(a for a in data["answers"] if a["id"] == "mase_next_meeting")
    assert panel["warning"] == (
        "Thursday 1 January 2026 is a bank holiday (New Year's Day): "
        "check the date with the MASE coordinator."
    )


def test_a_submission_on_a_bank_holiday_is_advised_for_the_previous_working_day_clause_5_3(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_holidays(protocol_data, ("2026-12-17", "A holiday"))
    answer = answers.next_report(protocol, date(2026, 12, 1)).due
    assert (answer.bank_holiday, answer.submit_by) == ("A holiday", date(2026, 12, 16))
    words = dates_request.handle_dates(protocol, {"today": "2026-12-01"})["answers"]
    report = next(a for a in words if a["id"] == "monthly_report_due")
    assert "submit by the previous working day, Wednesday 16 December 2026" in report["warning"]


def test_the_previous_working_day_skips_weekends_and_bank_holidays(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_holidays(
        protocol_data, ("2026-04-03", "Good Friday"), ("2026-04-06", "Easter Monday")
    )
    assert timing.previous_working_day(protocol, date(2026, 4, 7)) == date(2026, 4, 2)
    assert timing.previous_working_day(protocol, date(2026, 4, 6)) == date(2026, 4, 2)


def test_a_referral_deadline_on_a_bank_holiday_moves_earlier_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_holidays(protocol_data, ("2026-12-24", "A holiday"))
    data = dates_request.handle_dates(protocol, {"today": "2026-12-01"})
    assert data["panel"]["referral_deadline"] == "2026-12-24"
    assert data["panel"]["referral_submit_by"] == "2026-12-23"


def test_the_real_bank_holidays_reach_the_answers(protocol: Protocol) -> None:
    holidays = protocol.timing.bank_holidays.dates
    source = protocol.timing.bank_holidays
    years = {h.date.year for h in holidays}
    assert len(years) == source.years_before + source.years_after + 1
    for holiday in holidays:
        assert timing.bank_holiday(protocol, holiday.date) == holiday.name
        assert not timing.is_working_day(protocol, holiday.date)


def test_a_date_beyond_the_known_bank_holidays_says_it_was_not_checked(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_holidays(protocol_data, ("2026-12-25", "Christmas Day"))
    within = dates_request.handle_dates(protocol, {"today": "2026-11-29"})["answers"]
    assert not any("no list of bank holidays" in " ".join(a["details"]) for a in within)
    beyond = dates_request.handle_dates(protocol, {"today": "2027-11-29"})["answers"]
    for item in beyond:
        assert "no list of bank holidays for 2027" in " ".join(item["details"])
