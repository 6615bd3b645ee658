"""The kinds of timing rule, and what each answers: the one place code asks about a rule.

    KINDS["monthly_meeting"].words(rule)            -> "1st Thursday"
    occurrences(protocol, "mase_panel", 2027)       -> the year's panels
    deadline_for(protocol, "mase_referral", panel)  -> the referral deadline for that panel
    window(protocol, "strategy_meeting", last)      -> when the next meeting is due
    rule_words(protocol, "mase_referral")           -> "2 weeks" (what {rule:…} reads)

A new kind is a dataclass in `calculators/protocol/timing.py` (named in
`RULE_KINDS`) and a `Kind` here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators.protocol import RULE_KINDS, Protocol
from calculators.timing import deadline, monthly, review
from calculators.timing.results import Months, Occurrence, Window

Dates = Callable[[Protocol, Any, int], tuple[Occurrence, ...]]


@dataclass(frozen=True)
class Kind:
    """A kind of rule: its words, and its dates in a year (None for a review, whose dates
    depend on a case's last meeting)."""

    name: str
    words: Callable[[Any], str]
    occurrences: Dates | None
    months: Callable[[Protocol, Any, int], Months] | None


KINDS: dict[str, Kind] = {
    "monthly_meeting": Kind(
        "monthly_meeting", monthly.words, monthly.meeting_occurrences, monthly.meeting_months
    ),
    "deadline_before": Kind(
        "deadline_before", deadline.words, deadline.occurrences, deadline.months
    ),
    "monthly_deadline": Kind(
        "monthly_deadline", monthly.words, monthly.deadline_occurrences, monthly.deadline_months
    ),
    "recurring_review": Kind("recurring_review", review.words, None, None),
}
assert set(KINDS) == set(RULE_KINDS), "every kind the model reads has its functions here"


def kind_of(rule: Any) -> Kind:
    return KINDS[rule.kind]


def rule_words(protocol: Protocol, rule_id: str) -> str:
    """A rule as the directive words it: "1st Thursday", "2 weeks", "8-10 weeks"."""
    rule = protocol.timing.rule(rule_id)
    return kind_of(rule).words(rule)


def dated_rules(protocol: Protocol) -> tuple[Any, ...]:
    """The rules with dates of their own in a year (meetings and deadlines), in file order."""
    return tuple(r for r in protocol.timing.rules if kind_of(r).occurrences is not None)


def occurrences(protocol: Protocol, rule_id: str, year: int) -> tuple[Occurrence, ...]:
    """The rule's dates in the year; ValueError for a kind without dates of its own."""
    rule = protocol.timing.rule(rule_id)
    dates = kind_of(rule).occurrences
    if dates is None:
        raise ValueError(f"timing.{rule_id} ({rule.kind}) has no dates of its own in a year")
    return dates(protocol, rule, year)


def months(protocol: Protocol, rule_id: str, year: int) -> Months:
    """The rule's dates in the year month by month (a deadline_before: for each month's
    meeting); ValueError for a kind without dates of its own."""
    rule = protocol.timing.rule(rule_id)
    by_month = kind_of(rule).months
    if by_month is None:
        raise ValueError(f"timing.{rule_id} ({rule.kind}) has no dates of its own in a year")
    return by_month(protocol, rule, year)


def occurrences_from(protocol: Protocol, rule_id: str, start: date) -> Iterator[Occurrence]:
    """The rule's dates on or after `start`, in order, cancelled meetings left out (the
    bank holidays the protocol carries end some years after the build). The year before
    is read too: a deadline for its last month may fall in this one."""
    year = start.year - 1
    while year <= date.max.year - 1:
        for occurrence in occurrences(protocol, rule_id, year):
            if occurrence.date >= start and not occurrence.cancelled:
                yield occurrence
        year += 1


def next_occurrence(protocol: Protocol, rule_id: str, start: date) -> Occurrence:
    """The rule's first date on or after `start`."""
    return next(occurrences_from(protocol, rule_id, start))


def deadline_for(protocol: Protocol, rule_id: str, meeting: date) -> Occurrence:
    """The deadline_before rule's deadline for the meeting on this date."""
    rule = protocol.timing.rule(rule_id)
    if rule.kind != "deadline_before":
        raise ValueError(f"timing.{rule_id} is a {rule.kind}, not a deadline_before rule")
    return deadline.deadline_for(protocol, rule, meeting)


def window(protocol: Protocol, rule_id: str, last: date, agreed_weeks: int | None = None) -> Window:
    """The recurring_review rule's window for the next meeting after `last`."""
    rule = protocol.timing.rule(rule_id)
    if rule.kind != "recurring_review":
        raise ValueError(f"timing.{rule_id} is a {rule.kind}, not a recurring_review rule")
    return review.window(rule, last, agreed_weeks)
