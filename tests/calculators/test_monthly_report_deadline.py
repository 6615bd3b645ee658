"""The monthly case report deadline (clause 5.3), rule by rule and over every day.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

from datetime import date, timedelta

from timing_helpers import DAYS_2026_TO_2028, THURSDAY

from calculators import timing
from calculators.dates import request as dates_request
from calculators.protocol import Protocol
from calculators.timing import answers


def test_monthly_report_is_due_by_the_third_thursday_clause_5_3(protocol: Protocol) -> None:
    due = answers.next_report(protocol, date(2026, 12, 1)).due
    assert due.date == date(2026, 12, 17)
    assert due.clauses == ("5.3",)


def test_after_the_report_deadline_the_next_is_next_months_clause_5_3(protocol: Protocol) -> None:
    assert answers.next_report(protocol, date(2026, 12, 17)).due.date == date(2026, 12, 17)
    assert answers.next_report(protocol, date(2026, 12, 18)).due.date == date(2027, 1, 21)


def test_monthly_report_goes_to_the_contact_the_protocol_names_clause_5_3(
    protocol: Protocol,
) -> None:
    answer = answers.next_report(protocol, date(2026, 12, 1))
    contact = protocol.contact(protocol.timing.rule("monthly_report").send_to)
    assert answer.send_to == contact
    data = dates_request.handle_dates(protocol, {"today": "2026-12-01"})
    assert data["monthly_report"]["send_to"]["email"] == contact.email
    report = next(a for a in data["answers"] if a["id"] == "monthly_report_due")
    assert contact.email in " ".join(report["details"])


def test_every_report_deadline_is_a_thursday_in_days_15_to_21_clause_5_3(
    protocol: Protocol,
) -> None:
    for year in (2026, 2027, 2028):
        for due in timing.occurrences(protocol, "monthly_report", year):
            assert due.date.weekday() == THURSDAY and 15 <= due.date.day <= 21, due


def test_every_day_next_report_is_the_first_deadline_on_or_after_today_clause_5_3(
    protocol: Protocol,
) -> None:
    for today in DAYS_2026_TO_2028:
        due = answers.next_report(protocol, today).due.date
        assert due >= today and due.weekday() == THURSDAY and 15 <= due.day <= 21
        assert (due - today).days < 36
        previous = due.replace(day=1) - timedelta(days=1)
        assert answers.report_deadline(protocol, previous.year, previous.month).date < today
