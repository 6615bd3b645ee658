"""The year calendar and the next twelve months of events.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from timing_helpers import with_case_audit

from calculators.dates import events as schedule_events
from calculators.dates import request as dates_request
from calculators.protocol import Protocol
from calculators.timing import answers


def test_year_calendar_has_each_months_panel_referral_and_report_clauses_4_6_5_3(
    protocol: Protocol,
) -> None:
    calendar = answers.year_calendar(protocol, 2027)
    assert [row.month for row in calendar.rows] == list(range(1, 13))
    january = calendar.rows[0]
    assert january.panel.date == date(2027, 1, 7)
    assert january.referral_deadline is not None
    assert january.referral_deadline.date == date(2026, 12, 24)
    assert january.report_deadline.date == date(2027, 1, 21)
    data = dates_request.handle_calendar(protocol, {"year": "2027"})
    assert data["months"][0]["panel"] == "2027-01-07"


def test_upcoming_events_cover_twelve_months_from_today_clauses_4_6_5_3(protocol: Protocol) -> None:
    today = date(2026, 11, 29)
    events = schedule_events.upcoming_events(protocol, today)
    assert all(today <= e.date < date(2027, 11, 29) for e in events)
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert sum(e.kind == "panel" for e in events) == 12
    assert sum(e.kind == "report" for e in events) == 12
    assert sum(e.kind == "referral" for e in events) == 12


def test_a_rule_the_protocol_adds_has_its_own_dates_in_the_calendar(
    protocol_data: dict[str, Any],
) -> None:
    wording = {
        **protocol_data["timing"]["monthly_report"]["handbook_wording"],
        "rule": "Audit the open cases by the {when} of every month.",
    }
    events = schedule_events.year_events(
        with_case_audit(protocol_data, handbook_wording=wording), 2027
    )
    audits = [e for e in events if e.summary == "Case audit"]
    # The 2nd Monday of each month of 2027; the report keeps its own, plain UIDs.
    assert [e.date.day for e in audits] == [11, 8, 8, 12, 10, 14, 12, 9, 13, 11, 8, 13]
    assert all(e.kind == "report" and e.key == "case_audit" for e in audits)
    assert audits[0].description.startswith("Audit the open cases by the 2nd Monday")
    reports = [e for e in events if e.summary == "Monthly CSE case report deadline"]
    assert len(reports) == 12 and all(e.key == "" for e in reports)


def test_a_monthly_deadline_the_protocol_adds_is_among_the_due_dates(
    protocol_data: dict[str, Any],
) -> None:
    result = dates_request.handle_dates(with_case_audit(protocol_data), {"today": "2027-01-05"})
    [audit] = [a for a in result["answers"] if a["id"] == "case_audit_due"]
    assert audit["title"] == "Monthly CSE case report"  # its own answer_title, copied here
    assert audit["date"] == "2027-01-11"
    assert "2nd Monday" in " ".join(audit["details"])
    assert [a["id"] for a in result["answers"]].count("monthly_report_due") == 1
