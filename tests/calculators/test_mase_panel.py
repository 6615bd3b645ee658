"""The MASE panel (clause 4.6): its day each month, and the changes the protocol lists.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from timing_helpers import DAYS_2026_TO_2028, THURSDAY, with_changes

from calculators.dates import request as dates_request
from calculators.protocol import Protocol, ProtocolError
from calculators.timing import answers


def test_mase_panel_is_on_the_first_thursday_of_every_month_clause_4_6(protocol: Protocol) -> None:
    assert answers.panel_dates(protocol, 2027) == tuple(
        date(2027, month, day)
        for month, day in zip(range(1, 13), (7, 4, 4, 1, 6, 3, 1, 5, 2, 7, 4, 2), strict=True)
    )


def test_next_panel_on_a_panel_day_is_that_days_panel_clause_4_6(protocol: Protocol) -> None:
    assert answers.next_panel(protocol, date(2026, 12, 3)).date == date(2026, 12, 3)
    assert answers.next_panel(protocol, date(2026, 12, 4)).date == date(2027, 1, 7)


def test_a_cancelled_panel_is_skipped_clause_4_6(protocol_data: dict[str, Any]) -> None:
    change = {"date": "2027-08-05", "cancelled": True, "reason": "August recess"}
    protocol = with_changes(protocol_data, panel_changes=[change])
    assert date(2027, 8, 5) not in answers.panel_dates(protocol, 2027)
    assert answers.next_panel(protocol, date(2027, 7, 2)).date == date(2027, 9, 2)
    panel, deadline = answers.referable_panel(protocol, date(2027, 7, 20))
    assert (panel.date, deadline.date) == (date(2027, 9, 2), date(2027, 8, 19))
    august = answers.year_calendar(protocol, 2027).rows[7]
    assert august.panel.cancelled and august.referral_deadline is None
    assert august.panel.reason == "August recess"


def test_a_moved_panel_moves_its_referral_deadline_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    change = {"date": "2027-01-07", "moved_to": "2027-01-14", "reason": "New Year"}
    protocol = with_changes(protocol_data, panel_changes=[change])
    answer = answers.panel_answer(protocol, date(2027, 1, 1))
    assert answer.next_meeting.date == date(2027, 1, 14)
    assert answer.next_meeting.scheduled == date(2027, 1, 7)
    assert answer.next_meeting.moved
    assert answers.panel_answer(protocol, date(2026, 12, 28)).referral_deadline.date == date(
        2026, 12, 31
    )
    data = dates_request.handle_dates(protocol, {"today": "2027-01-01"})
    panel_words = next(a for a in data["answers"] if a["id"] == "mase_next_meeting")
    assert (
        "The panel on Thursday 7 January 2027 has been moved to Thursday 14 January 2027: "
        "New Year." in panel_words["details"]
    )


def test_a_panel_moved_into_the_previous_year_counts_in_that_year_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    change = {"date": "2027-01-07", "moved_to": "2026-12-31", "reason": "Holidays"}
    protocol = with_changes(protocol_data, panel_changes=[change])
    assert date(2026, 12, 31) in answers.panel_dates(protocol, 2026)
    assert answers.panel_dates(protocol, 2027)[0] == date(2027, 2, 4)


def test_a_panel_change_on_a_day_without_a_panel_is_refused(
    protocol_data: dict[str, Any],
) -> None:
    change = {"date": "2027-01-08", "cancelled": True, "reason": "A slip"}
    with pytest.raises(ProtocolError) as error:
        with_changes(protocol_data, panel_changes=[change])
    assert error.value.path == "timing.panel_changes[0].date"
    assert "that month's panel is on 2027-01-07" in error.value.message


def test_a_panel_listed_twice_is_refused(protocol_data: dict[str, Any]) -> None:
    moved = {"date": "2027-01-07", "moved_to": "2027-01-14", "reason": "New Year"}
    cancelled = {"date": "2027-01-07", "cancelled": True, "reason": "Also"}
    with pytest.raises(ProtocolError) as error:
        with_changes(protocol_data, panel_changes=[moved, cancelled])
    assert error.value.path == "timing.panel_changes[1].date"
    assert "duplicate panel date" in error.value.message


def test_every_panel_is_a_thursday_in_the_first_seven_days_clause_4_6(protocol: Protocol) -> None:
    for year in (2026, 2027, 2028):
        for panel in answers.panel_dates(protocol, year):
            assert panel.weekday() == THURSDAY and 1 <= panel.day <= 7, panel


def test_every_day_next_panel_is_never_before_today_clause_4_6(protocol: Protocol) -> None:
    for today in DAYS_2026_TO_2028:
        panel = answers.next_panel(protocol, today).date
        assert today <= panel < today + timedelta(days=36), today
        assert panel.weekday() == THURSDAY and panel.day <= 7
