"""Calendar files (RFC 5545) with the directive's due dates, written with the standard library.

Calendars sync to shared servers, so a file carries no child's name: only an
optional case reference the practitioner types. Every event is an all-day event
(VALUE=DATE). The time stamp (DTSTAMP) is passed in, never read from the clock,
and the UIDs are stable, so importing a newer file updates events instead of
doubling them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from calculators.dates import events as schedule_events
from calculators.dates import request as dates_request
from calculators.dates import words as schedule_words
from calculators.dates.case_reference import read_case_reference
from calculators.dates.fields import EARLIEST_YEAR, LATEST_YEAR, attempt
from calculators.errors import FieldProblem, InputError
from calculators.protocol import Protocol
from calculators.timing import answers
from calculators.wording import clause_list, long_date, sentence

MAX_LINE_OCTETS = 75
MAX_DTSTAMP_CHARS = 40  # ISO text of a moment, with a time zone
UID_DOMAIN = "cse-handbook.invalid"
MEDIA_TYPE = "text/calendar"


# RFC 5545 -------------------------------------------------------------------


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets; continuation lines start with one space (3.1)."""
    chunks: list[str] = []
    current, size = "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        limit = MAX_LINE_OCTETS if not chunks else MAX_LINE_OCTETS - 1
        if size + octets > limit:
            chunks.append(current)
            current, size = char, octets
        else:
            current += char
            size += octets
    chunks.append(current)
    return "\r\n ".join(chunks)


def _date_value(day: date) -> str:
    return day.strftime("%Y%m%d")


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def write_calendar(
    events: Iterable[schedule_events.Event],
    *,
    dtstamp: datetime,
    name: str,
) -> str:
    """The text of a VCALENDAR with one all-day VEVENT per event, CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//CSE practice handbook//Due dates calculator//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    stamp = _stamp(dtstamp)
    for event in events:
        key = f"-{event.key}" if event.key else ""
        uid = f"{event.kind}-{_date_value(event.date)}{key}@{UID_DOMAIN}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date_value(event.date)}",
            f"DTEND;VALUE=DATE:{_date_value(event.date + timedelta(days=1))}",
            f"SUMMARY:{escape_text(event.summary)}",
            f"DESCRIPTION:{escape_text(event.description)}",
            f"CATEGORIES:{escape_text(event.kind)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


# The due dates as a calendar --------------------------------------------------


def _case_key(case_reference: str) -> tuple[str, str]:
    """(" (ref)", key) for a case's events: the reference shown, and a short hash for UIDs."""
    for_case = f" ({case_reference})" if case_reference else ""
    key = hashlib.sha256(case_reference.encode("utf-8")).hexdigest()[:12] if case_reference else ""
    return for_case, key


def strategy_event(
    protocol: Protocol, strategy: answers.StrategyAnswer, case_reference: str, today: date
) -> schedule_events.Event:
    """The date the next strategy meeting is due by, with the case reference if given."""
    rule = answers.review_rule(protocol)
    for_case, key = _case_key(case_reference)
    words = schedule_words.strategy_words(protocol, strategy, today)
    lines = [sentence(words["summary"]), *words["details"], sentence(words["warning"] or "")]
    return schedule_events.Event(
        kind="strategy",
        date=strategy.latest,
        summary=f"{rule.name} due{for_case}",
        description=" ".join(line for line in lines if line)
        + f" ({clause_list(strategy.clauses)})",
        clauses=strategy.clauses,
        key=key,
    )


def convene_event(
    protocol: Protocol, strategy: answers.StrategyAnswer, case_reference: str, today: date
) -> schedule_events.Event | None:
    """A reminder to convene the strategy meeting (invite the partners, consult health
    first: clauses 3.4, 6.10 and 6.11) `convene_days_before` the latest date; on today
    when that day has passed, and none once the latest date has passed."""
    rule = answers.review_rule(protocol)
    if strategy.convene is None or strategy.latest < today:
        return None
    for_case, key = _case_key(case_reference)
    clauses = rule.convene_clauses or strategy.clauses
    description = rule.handbook_wording["convene_event"].format(
        latest=long_date(strategy.latest), clauses=clause_list(clauses)
    )
    return schedule_events.Event(
        kind="convene",
        date=max(strategy.convene, today),
        summary=rule.handbook_wording["convene_summary"].format(name=rule.name) + for_case,
        description=description,
        clauses=tuple(clauses),
        key=key,
    )


def calendar_file(
    protocol: Protocol,
    today: date,
    *,
    dtstamp: datetime,
    strategy: answers.StrategyAnswer | None = None,
    case_reference: str = "",
) -> str:
    """The next twelve months of panels and deadlines, plus the strategy meeting's latest
    date and the reminder to convene it."""
    events = list(schedule_events.upcoming_events(protocol, today))
    if strategy is not None:
        events.append(strategy_event(protocol, strategy, case_reference, today))
        reminder = convene_event(protocol, strategy, case_reference, today)
        if reminder is not None:
            events.append(reminder)
        events.sort(key=lambda event: (event.date, event.kind))
    return write_calendar(
        events, dtstamp=dtstamp, name=protocol.metadata.short_title + " due dates"
    )


def year_calendar_file(protocol: Protocol, year: int, *, dtstamp: datetime) -> str:
    """One year's panels, referral deadlines and report deadlines."""
    return write_calendar(
        schedule_events.year_events(protocol, year),
        dtstamp=dtstamp,
        name=f"{protocol.metadata.short_title} due dates {year}",
    )


def read_dtstamp(value: Any, today: date) -> datetime:
    """The moment the file is made, as ISO text from the page; midnight UTC of today if absent.

    Years from EARLIEST_YEAR to LATEST_YEAR only, like every date the calculators read.
    """
    if value is None or value == "":
        return datetime.combine(today, time(), tzinfo=UTC)
    if isinstance(value, str) and len(value) <= MAX_DTSTAMP_CHARS:
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            moment = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
        except (ValueError, OverflowError):
            pass
        else:
            if EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
                return moment
            raise InputError.one(
                "now",
                f"The time the file is made must have a year from {EARLIEST_YEAR} to "
                f"{LATEST_YEAR}, like 2027-03-27T09:00Z",
            )
    raise InputError.one(
        "now", "The time the file is made must be ISO text, like 2027-03-27T09:00Z"
    )


def handle_calendar_file(protocol: Protocol, payload: dict[str, Any]) -> dict[str, Any]:
    """The bridge's "calendar_file" request: the dates form's fields plus a case reference."""
    problems: list[FieldProblem] = []
    reference = attempt(problems, read_case_reference, protocol, payload.get("case_reference"))
    try:
        answer = dates_request.read_dates_payload(protocol, payload)
    except InputError as error:
        problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    stamp = read_dtstamp(payload.get("now"), answer.today)
    text = calendar_file(
        protocol,
        answer.today,
        dtstamp=stamp,
        strategy=answer.strategy_meeting,
        case_reference=reference or "",
    )
    return {
        "filename": f"cse-due-dates-{answer.today.isoformat()}.ics",
        "media_type": MEDIA_TYPE,
        "text": text,
    }
