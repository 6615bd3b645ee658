"""The handbook's own sentences for a timing rule's answers (not the directive's words):
each rule's `handbook_wording`, every sentence with the {placeholders} it may use."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

from calculators.protocol.primitives import ProtocolError
from calculators.protocol.reading import checked


def placeholders(*allowed: str) -> dict[str, Any]:
    """A sentence that may use only these {placeholders}."""

    def check(text: str, path: str) -> str:
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as error:
            raise ProtocolError(path, f"expected {{name}} placeholders: {error}") from None
        unknown = sorted(names - set(allowed))
        if unknown:
            known = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "none"
            raise ProtocolError(
                path, f"unknown placeholder {{{unknown[0]}}} (this sentence may use: {known})"
            )
        return text

    return checked(check)


class Wording:
    """A rule's `handbook_wording`: `wording["latest"]` reads one sentence."""

    def __getitem__(self, key: str) -> str:
        return str(getattr(self, key))


@dataclass(frozen=True)
class MeetingWording(Wording):
    """How a recurring meeting's answer reads."""

    # The rule in a sentence ({when}: "1st Thursday"), and the heading of its answer.
    rule: str = field(metadata=placeholders("name", "when"))
    answer_title: str = field(metadata=placeholders("name"))
    moved: str = field(metadata=placeholders("scheduled", "moved_to", "reason"))
    cancelled: str = field(metadata=placeholders("scheduled", "reason"))
    bank_holiday: str = field(metadata=placeholders("date", "name"))
    owner_note_title: str = field(metadata=placeholders())
    owner_note: str = field(metadata=placeholders("panels"))


@dataclass(frozen=True)
class DeadlineWording(Wording):
    """How a deadline before a meeting reads."""

    rule: str = field(metadata=placeholders("name", "before", "meeting"))
    answer_title: str = field(metadata=placeholders("name"))
    # The answer leads with the meeting the case can still reach and the day to send by
    # ({date}), "today" on that day.
    lead: str = field(metadata=placeholders("date", "meeting"))
    lead_today: str = field(metadata=placeholders("date", "meeting"))
    # The deadline for one meeting ({meeting}: its date), in a calendar.
    event: str = field(metadata=placeholders("meeting"))
    # A meeting whose deadline has passed: what the rule says, and the urgent route
    # (the rule's `escalation_clause`), never more than the rule says.
    missed: str = field(metadata=placeholders("meeting", "missed", "before"))
    # Its deadline on a day that is not a working day, and the working day before gone.
    act_today: str = field(metadata=placeholders("date", "why"))


@dataclass(frozen=True)
class MonthlyDeadlineWording(Wording):
    """How a monthly deadline reads."""

    rule: str = field(metadata=placeholders("name", "when", "send_to", "email"))
    answer_title: str = field(metadata=placeholders("name"))
    last_due: str = field(metadata=placeholders("month", "date", "send_to"))
    next_due: str = field(metadata=placeholders("month", "date"))
    due_today: str = field(metadata=placeholders("month", "date"))


@dataclass(frozen=True)
class ReviewWording(Wording):
    """How the answer on the next review meeting reads."""

    answer_title: str = field(metadata=placeholders("name"))
    latest: str = field(metadata=placeholders("latest"))
    minimum: str = field(metadata=placeholders("min_weeks", "max_weeks", "since"))
    # The meeting counted from, as {since} reads in `minimum` and `out_of_borough`.
    since_last: str = field(metadata=placeholders("date"))
    since_initial: str = field(metadata=placeholders("date"))
    sooner: str = field(metadata=placeholders())
    convene_now: str = field(metadata=placeholders("convene"))
    overdue: str = field(metadata=placeholders("days", "latest"))
    overdue_summary: str = field(metadata=placeholders("latest"))
    not_a_working_day: str = field(metadata=placeholders("date", "why", "latest"))
    out_of_borough: str = field(metadata=placeholders("interval", "since"))
    confirm_interval: str = field(metadata=placeholders("interval", "confirm_weeks"))
    convene_summary: str = field(metadata=placeholders("name"))
    convene_event: str = field(metadata=placeholders("latest", "clauses"))
    minutes_far_apart: str = field(
        metadata=placeholders("max_weeks", "min_weeks", "gap", "clause", "oob_clause")
    )
    # The next meeting's latest date as handed to a text field of a form.
    due_by: str = field(metadata=placeholders("latest"))
    # The due-dates page's button that hands its dates to the forms (`handoffs`).
    handoff_label: str = field(default="", metadata=placeholders())
