"""The monthly CSE case report (clause 5.3): the deadline just passed, then the next.

Between one deadline and the next, the answer names the deadline just passed (if the
report has not gone to the CSE lead, send it now) before the next one.
Runs on CPython and inside Pyodide: standard library and pytest only.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculators.dates import request as dates_request
from calculators.protocol import Protocol
from calculators.timing import answers


def report(protocol: Protocol, today: date) -> tuple[dict, dict]:
    data = dates_request.handle_dates(protocol, {"today": today.isoformat()})
    words = next(a for a in data["answers"] if a["id"] == "monthly_report_due")
    return data["monthly_report"], words


def test_the_day_after_a_deadline_names_it_first_clause_5_3(protocol: Protocol) -> None:
    data, words = report(protocol, date(2027, 2, 19))
    assert data["last_due"] == "2027-02-18"
    assert data["due"] == "2027-03-18"
    assert words["summary"] == (
        "The February report was due on Thursday 18 February 2027: if it has not gone to "
        "Jane Sharp, send it now"
    )
    assert words["details"][0] == "The March report is due on Thursday 18 March 2027."
    assert words["date"] == "2027-03-18" and words["clauses"] == ["5.3"]


def test_on_a_deadline_day_that_deadline_leads_clause_5_3(protocol: Protocol) -> None:
    data, words = report(protocol, date(2027, 2, 18))
    assert (data["last_due"], data["due"]) == ("2027-01-21", "2027-02-18")
    assert words["summary"] == "The February report is due today, Thursday 18 February 2027"
    assert words["details"][0] == (
        "The January report was due on Thursday 21 January 2027: if it has not gone to "
        "Jane Sharp, send it now."
    )


@pytest.mark.parametrize("month", range(1, 13))
def test_last_due_on_the_days_around_each_deadline_clause_5_3(
    protocol: Protocol, month: int
) -> None:
    deadline = answers.report_deadline(protocol, 2027, month).date
    previous = answers.report_deadline(protocol, *((2026, 12) if month == 1 else (2027, month - 1)))
    following = answers.report_deadline(
        protocol, *((2028, 1) if month == 12 else (2027, month + 1))
    )
    for today, last_due, due in (
        (deadline - timedelta(days=1), previous.date, deadline),
        (deadline, previous.date, deadline),
        (deadline + timedelta(days=1), deadline, following.date),
    ):
        data, _ = report(protocol, today)
        assert (data["last_due"], data["due"]) == (last_due.isoformat(), due.isoformat()), today


def test_every_day_last_due_is_the_deadline_before_the_next_clause_5_3(protocol: Protocol) -> None:
    day = date(2026, 1, 1)
    while day <= date(2028, 12, 31):
        answer = answers.next_report(protocol, day)
        assert answer.last_due is not None
        assert answer.last_due.date < day <= answer.due.date, day
        months_apart = (answer.due.date.year - answer.last_due.date.year) * 12 + (
            answer.due.date.month - answer.last_due.date.month
        )
        assert months_apart == 1, day
        day += timedelta(days=1)


def test_the_words_for_5_3_come_from_the_protocol(protocol: Protocol) -> None:
    wording = protocol.timing.rule("monthly_report").handbook_wording
    _, words = report(protocol, date(2027, 2, 19))
    assert words["summary"] == wording["last_due"].format(
        month="February", date="Thursday 18 February 2027", send_to="Jane Sharp"
    )
