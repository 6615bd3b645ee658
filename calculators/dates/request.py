"""The due-dates calculator's JSON: the browser's payload in, the answers out."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from calculators.dates.fields import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    MAX_RATIONALE_LENGTH,
    attempt,
    check_interval,
    clean_text,
    parse_date,
    parse_whole_number,
    parse_yes_no,
)
from calculators.dates.words import (
    answer_words,
)
from calculators.errors import FieldProblem, InputError
from calculators.protocol import Protocol
from calculators.timing.answers import (
    DatesAnswer,
    YearCalendar,
    dates_answer,
    panel_rule,
    referral_rule,
    report_rule,
    review_rule,
    year_calendar,
)
from calculators.wording import long_date, month_name


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def dates_to_data(protocol: Protocol, answer: DatesAnswer) -> dict[str, Any]:
    """The answer as JSON-ready data: ISO dates, clause ids and the words for each answer."""
    meetings, report, strategy = answer.panel, answer.monthly_report, answer.strategy_meeting
    known = protocol.timing.bank_holidays.dates
    return {
        "today": answer.today.isoformat(),
        "referral_planned": answer.referral_planned,
        "panel": {
            "next_meeting": meetings.next_meeting.date.isoformat(),
            "next_meeting_scheduled": meetings.next_meeting.scheduled.isoformat(),
            "next_meeting_bank_holiday": meetings.next_meeting.bank_holiday,
            "referable_meeting": meetings.referable_meeting.date.isoformat(),
            "referral_deadline": meetings.referral_deadline.date.isoformat(),
            "referral_submit_by": _iso(meetings.referral_deadline.submit_by),
            "referral_deadline_bank_holiday": meetings.referral_deadline.bank_holiday,
            "days_before_panel": meetings.days_before_panel,
            "next_meeting_change_reason": meetings.next_meeting.reason,
            "cancelled_panels": [
                {"scheduled": panel.scheduled.isoformat(), "reason": panel.reason}
                for panel in meetings.cancelled
            ],
            "clauses": list(meetings.next_meeting.clauses),
        },
        "monthly_report": {
            "due": report.due.date.isoformat(),
            "submit_by": _iso(report.due.submit_by),
            "last_due": _iso(report.last_due.date if report.last_due else None),
            "bank_holiday": report.due.bank_holiday,
            "send_to": {
                "id": report.send_to.id,
                "name": report.send_to.name,
                "email": report.send_to.email,
            },
            "clauses": list(report.due.clauses),
        },
        "strategy_meeting": None
        if strategy is None
        else {
            "counted_from": strategy.counted_from,
            "last": strategy.last.isoformat(),
            "earliest": strategy.earliest.isoformat(),
            "latest": strategy.latest.isoformat(),
            # The latest date in words, for a form's text field: "by … at the latest".
            "due_by": review_rule(protocol)
            .handbook_wording["due_by"]
            .format(latest=long_date(strategy.latest)),
            "latest_by_rule": _iso(strategy.latest_by_rule),
            "convene": _iso(strategy.convene),
            "status": strategy.status,
            "days_overdue": strategy.days_overdue,
            "days_until_earliest": strategy.days_until_earliest,
            "out_of_borough": strategy.out_of_borough,
            "interval_weeks": strategy.interval_weeks,
            "confirm_interval": strategy.confirm_interval,
            "rationale": strategy.rationale,
            "clauses": list(strategy.clauses),
        },
        "answers": answer_words(protocol, answer),
        "bank_holidays_known": {
            "first": _iso(min((h.date for h in known), default=None)),
            "last": _iso(max((h.date for h in known), default=None)),
        },
    }


def read_dates_payload(protocol: Protocol, payload: Mapping[str, Any]) -> DatesAnswer:
    """Validate the form's fields (every problem at once) and answer."""
    named = protocol.site.dates_form.named
    problems: list[FieldProblem] = []
    today = attempt(
        problems, parse_date, payload.get("today"), "today", named("today"), required=True
    )
    last = attempt(
        problems,
        parse_date,
        payload.get("last_strategy"),
        "last_strategy",
        named("last_strategy"),
    )
    initial = attempt(
        problems,
        parse_date,
        payload.get("initial_strategy"),
        "initial_strategy",
        named("initial_strategy"),
    )
    out_of_borough = attempt(
        problems,
        parse_yes_no,
        payload.get("out_of_borough"),
        "out_of_borough",
        named("out_of_borough"),
    )
    interval = None
    if out_of_borough:
        rule = review_rule(protocol)
        before = len(problems)
        interval = attempt(
            problems,
            parse_whole_number,
            payload.get("agreed_interval_weeks"),
            "agreed_interval_weeks",
            named("agreed_interval_weeks"),
            minimum=rule.shortest_agreed_weeks,
        )
        if len(problems) == before:
            attempt(problems, check_interval, interval, rule, named("agreed_interval_weeks"))
    rationale = attempt(
        problems,
        clean_text,
        payload.get("interval_rationale"),
        "interval_rationale",
        named("interval_rationale"),
        max_length=MAX_RATIONALE_LENGTH,
    )
    referral_planned = attempt(
        problems,
        parse_yes_no,
        payload.get("referral_planned"),
        "referral_planned",
        named("referral_planned"),
    )
    if problems:
        raise InputError(problems)
    assert today is not None  # required above
    return dates_answer(
        protocol,
        today,
        last_strategy=last,
        initial_strategy=initial,
        out_of_borough=bool(out_of_borough),
        interval_weeks=interval,
        rationale=rationale or "",
        referral_planned=bool(referral_planned),
    )


def handle_dates(protocol: Protocol, payload: dict[str, Any]) -> dict[str, Any]:
    """The bridge's and the command line's "dates" request."""
    return dates_to_data(protocol, read_dates_payload(protocol, payload))


def calendar_to_data(protocol: Protocol, calendar: YearCalendar) -> dict[str, Any]:
    rows = []
    for row in calendar.rows:
        panel, referral, report = row.panel, row.referral_deadline, row.report_deadline
        rows.append(
            {
                "month": row.month,
                "month_name": month_name(row.month),
                "panel": None if panel.cancelled else panel.date.isoformat(),
                "panel_scheduled": panel.scheduled.isoformat(),
                "panel_cancelled": panel.cancelled,
                "panel_change_reason": panel.reason,
                "panel_bank_holiday": panel.bank_holiday,
                "referral_deadline": _iso(referral.date if referral else None),
                "referral_submit_by": _iso(referral.submit_by if referral else None),
                "referral_bank_holiday": referral.bank_holiday if referral else None,
                "report_due": report.date.isoformat(),
                "report_submit_by": _iso(report.submit_by),
                "report_bank_holiday": report.bank_holiday,
            }
        )
    return {
        "year": calendar.year,
        "clauses": {
            "panel": panel_rule(protocol).clause,
            "referral": referral_rule(protocol).clause,
            "report": report_rule(protocol).clause,
        },
        "months": rows,
    }


def read_year(value: Any) -> int:
    year = parse_whole_number(
        value, "year", "Year", minimum=EARLIEST_YEAR, maximum=LATEST_YEAR, required=True
    )
    assert year is not None
    return year


def handle_calendar(protocol: Protocol, payload: dict[str, Any]) -> dict[str, Any]:
    """The bridge's and the command line's "calendar" request: one year's dates."""
    return calendar_to_data(protocol, year_calendar(protocol, read_year(payload.get("year"))))
