"""Dated words for calendar files: every dated rule's meetings and deadlines, each an
`Event` with its words and clauses (the words from `schedule_words`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from calculators.dates.words import (
    panel_change_words,
    panel_holiday_words,
    rule_sentence,
    submit_words,
)
from calculators.protocol import Protocol
from calculators.timing import dated_rules, months
from calculators.timing.days import one_year_after
from calculators.timing.results import Occurrence
from calculators.wording import clause_list, long_date


def _meeting_words(protocol: Protocol, panel: Occurrence) -> str:
    """A meeting for a calendar: its change, its bank holiday, the rule and its clause."""
    parts = []
    if panel.moved:
        parts.append(panel_change_words(protocol, panel))
    if panel.bank_holiday:
        parts.append(panel_holiday_words(protocol, panel))
    parts.append(f"{rule_sentence(protocol, panel.rule)} ({clause_list(panel.clauses)})")
    return " ".join(parts)


def _deadline_words(protocol: Protocol, due: Occurrence, meeting: Occurrence | None) -> str:
    """A deadline for a calendar: what it is for, when to submit it, and its clause."""
    rule = protocol.timing.rule(due.rule)
    if meeting is not None:
        lead = rule.handbook_wording["event"].format(meeting=long_date(meeting.date))
    else:
        lead = rule_sentence(protocol, rule.id)
    return " ".join(
        part for part in (lead, submit_words(due), f"({clause_list(due.clauses)})") if part
    )


@dataclass(frozen=True)
class Event:
    """A dated entry for a calendar: what it is, the words, and the clauses behind it."""

    kind: str
    date: date
    summary: str
    description: str
    clauses: tuple[str, ...]
    key: str = ""  # told apart from other events of its kind on the same day (a case)


def year_events(protocol: Protocol, year: int) -> tuple[Event, ...]:
    """A year's panels, referral deadlines and report deadlines, in date order."""
    return _events(protocol, date(year, 1, 1), date(year + 1, 1, 1))


def upcoming_events(protocol: Protocol, today: date) -> tuple[Event, ...]:
    """Panels, referral deadlines and report deadlines from today for twelve months."""
    return _events(protocol, today, one_year_after(today))


# A calendar entry's category (and the first part of its UID), by the kind of its rule.
EVENT_KINDS = {
    "monthly_meeting": "panel",
    "deadline_before": "referral",
    "monthly_deadline": "report",
}


def _events(protocol: Protocol, start: date, end: date) -> tuple[Event, ...]:
    """Every dated rule's meetings and deadlines from start (included) to end (not)."""
    events: list[Event] = []
    firsts: dict[str, str] = {}
    for rule in dated_rules(protocol):
        kind = EVENT_KINDS[rule.kind]
        # The first rule of a kind keeps the plain UID; another is told apart by its id.
        key = "" if firsts.setdefault(kind, rule.id) == rule.id else rule.id
        meeting_rule = getattr(rule, "meeting", None)
        for year in range(start.year - 1, end.year + 2):  # a deadline may fall a year on
            meetings = months(protocol, meeting_rule, year) if meeting_rule else (None,) * 12
            for day, meeting in zip(months(protocol, rule.id, year), meetings, strict=True):
                if day is None or day.cancelled or not start <= day.date < end:
                    continue
                if rule.kind == "monthly_meeting":
                    words = _meeting_words(protocol, day)
                else:
                    words = _deadline_words(protocol, day, meeting)
                # A deadline on a day that is not a working day stands on the working day
                # before it, in the calendar as in its words.
                when = day.submit_by or day.date
                events.append(Event(kind, when, rule.name, words, day.clauses, key))
    return tuple(sorted(events, key=lambda event: (event.date, event.kind)))
