"""The year calendar and the next twelve months of events.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

from datetime import date

from calculators import dates_request, schedule, schedule_words
from calculators.protocol import Protocol


def test_year_calendar_has_each_months_panel_referral_and_report(protocol: Protocol) -> None:
    calendar = schedule.year_calendar(protocol, 2027)
    assert [row.month for row in calendar.rows] == list(range(1, 13))
    january = calendar.rows[0]
    assert january.panel.date == date(2027, 1, 7)
    assert january.referral_deadline is not None
    assert january.referral_deadline.date == date(2026, 12, 24)
    assert january.report_deadline.date == date(2027, 1, 21)
    data = dates_request.handle_calendar(protocol, {"year": "2027"})
    assert data["months"][0]["panel"] == "2027-01-07"


def test_upcoming_events_cover_twelve_months_from_today(protocol: Protocol) -> None:
    today = date(2026, 11, 29)
    events = schedule_words.upcoming_events(protocol, today)
    assert all(today <= e.date < date(2027, 11, 29) for e in events)
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert sum(e.kind == "panel" for e in events) == 12
    assert sum(e.kind == "report" for e in events) == 12
    assert sum(e.kind == "referral" for e in events) == 12
