"""The timing rules, as data: each rule has an id (its key under `timing:`) and a kind.

    timing:
      mase_panel:     {kind: monthly_meeting, clause: "4.6", name: MASE panel,
                       weekday: thursday, week_of_month: 1}
      mase_referral:  {kind: deadline_before, clause: "4.6", name: ..., meeting: mase_panel,
                       days: 14}                      # or working_days: 10
      monthly_report: {kind: monthly_deadline, ..., weekday: friday, week_of_month: last,
                       send_to: cse-lead}   # or working_day: last (or 3), or
                                            # working_days_after_month_end: 5
      strategy_meeting: {kind: recurring_review, ..., min_weeks: 8, max_weeks: 10,
                       out_of_borough_clause: "6.13", out_of_borough_reminder: ...}
      panel_changes: [...]
      bank_holidays: {...}

A new kind is a dataclass here, named in `RULE_KINDS`, and its functions in the
registry (`calculators/timing/`). Clause text refers to any rule as {rule:<id>}.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from calculators.calendar_rules import monthly_day, monthly_words
from calculators.protocol.primitives import ProtocolError, find, unique
from calculators.protocol.reading import (
    choice,
    from_key,
    identifier,
    keyed_items,
    refers_to,
    spec,
    week_of_month,
    weekday_name,
    whole,
    working_day,
)
from calculators.protocol.timing_wording import (
    DeadlineWording,
    MeetingWording,
    MonthlyDeadlineWording,
    ReviewWording,
)

# The rules -------------------------------------------------------------------------


def _kind(name: str) -> Any:
    """The `kind:` field of a rule of this kind (the default, so code may leave it out)."""
    return field(default=name, metadata=choice((name,)))


@dataclass(frozen=True, kw_only=True)
class Rule:
    """What every timing rule has: its id (its key under `timing:`), clause and name."""

    id: str = field(metadata=from_key())
    clause: str = field(metadata=refers_to("clause"))
    name: str


# The ways a monthly rule names its day, each a set of keys; a rule uses exactly one.
MEETING_DAYS = (("weekday", "week_of_month"), ("working_day",))
DEADLINE_DAYS = (*MEETING_DAYS, ("working_days_after_month_end",))


@dataclass(frozen=True, kw_only=True)
class MonthlyRule(Rule):
    """A rule on one day of every month: the nth (or last) given weekday (`weekday` and
    `week_of_month`), or the nth (or last) working day (`working_day`)."""

    weekday: int | None = field(default=None, metadata=weekday_name())
    week_of_month: int | None = field(default=None, metadata=week_of_month())
    working_day: int | None = field(default=None, metadata=working_day())

    def validate(self, path: str) -> None:
        _one_way(self, path, MEETING_DAYS)


@dataclass(frozen=True, kw_only=True)
class MonthlyMeeting(MonthlyRule):
    """A meeting on one day of every month (a monthly rule), such as the MASE panel;
    `timing.panel_changes` moves or cancels one."""

    kind: str = _kind("monthly_meeting")
    handbook_wording: MeetingWording


@dataclass(frozen=True, kw_only=True)
class DeadlineBefore(Rule):
    """A deadline a number of calendar `days` (or `working_days`) before each meeting of a
    monthly_meeting rule, such as the MASE referral."""

    kind: str = _kind("deadline_before")
    meeting: str = field(metadata=identifier())
    handbook_wording: DeadlineWording
    # The clause of the route for a case that cannot wait for the meeting it can reach.
    escalation_clause: str | None = field(default=None, metadata=refers_to("clause"))
    days: int | None = field(default=None, metadata=whole(0, 90))
    working_days: int | None = field(default=None, metadata=whole(0, 60))

    def validate(self, path: str) -> None:
        if (self.days is None) == (self.working_days is None):
            raise ProtocolError(
                path, "expected either 'days: N' (calendar days) or 'working_days: N', not both"
            )


@dataclass(frozen=True, kw_only=True)
class MonthlyDeadline(MonthlyRule):
    """A deadline on one day of every month, sent to a contact: as a monthly rule, or
    `working_days_after_month_end` (N working days after each month ends, for that month)."""

    kind: str = _kind("monthly_deadline")
    send_to: str = field(metadata=refers_to("contact"))
    handbook_wording: MonthlyDeadlineWording
    working_days_after_month_end: int | None = field(default=None, metadata=whole(1, 20))

    def validate(self, path: str) -> None:
        _one_way(self, path, DEADLINE_DAYS)


def _one_way(rule: Any, path: str, ways: tuple[tuple[str, ...], ...]) -> None:
    """The rule names its day in exactly one way, with every key that way needs."""
    spoken = " or ".join(" with ".join(f"'{key}'" for key in way) for way in ways)
    given = [way for way in ways if any(getattr(rule, key) is not None for key in way)]
    if not given:
        raise ProtocolError(path, f"expected the day of the month it falls on: {spoken}")
    if len(given) > 1:
        first, second = given[0][0], given[1][0]
        raise ProtocolError(
            f"{path}.{second}",
            f"expected one way to name the day of the month, not both '{first}' and "
            f"'{second}': {spoken}",
        )
    for key in given[0]:
        if getattr(rule, key) is None:
            others = ", ".join(f"'{k}'" for k in given[0] if k != key)
            raise ProtocolError(f"{path}.{key}", f"missing required key '{key}' (with {others})")


# What the due-dates page can hand to a form's date field: the meeting counted from
# (the last strategy meeting, or the initial one when none has been held since), the
# initial meeting as typed, and the latest date the next meeting is due by; and to a
# text field, the latest date in words ("by … at the latest", `handbook_wording.due_by`),
# which never reads as the date the next meeting is planned for.
REVIEW_HANDOFF_SOURCES = (
    "last_strategy",
    "initial_strategy",
    "next_strategy_latest",
    "next_strategy_due_by",
)
REVIEW_HANDOFF_TEXT = ("next_strategy_due_by",)


@dataclass(frozen=True)
class DatesHandOff:
    """The dates a recurring_review's page hands to one form: its date field -> a source
    from REVIEW_HANDOFF_SOURCES (checked in references.py)."""

    to: str = field(metadata=identifier())
    fields: tuple[tuple[str, str], ...] = field(metadata=spec(pairs=True))


@dataclass(frozen=True, kw_only=True)
class RecurringReview(Rule):
    """Meetings held every min_weeks to max_weeks after the last; for a child placed out of
    the area, a longer agreed interval (out_of_borough_clause) replaces the window."""

    kind: str = _kind("recurring_review")
    min_weeks: int = field(metadata=whole(1, 52))
    max_weeks: int = field(metadata=whole(1, 52))
    out_of_borough_clause: str = field(metadata=refers_to("clause"))
    out_of_borough_reminder: str
    handbook_wording: ReviewWording
    # Remind the social worker to convene the meeting this many days before the latest date.
    convene_days_before: int = field(default=14, metadata=whole(1, 60))
    convene_clauses: tuple[str, ...] = field(default=(), metadata=refers_to("clause"))
    # An agreed interval longer than this is answered with a request to confirm it.
    confirm_interval_over_weeks: int = field(default=26, metadata=whole(1, 52))
    # The interval the page and the command line accept as agreed out of the area, in
    # weeks (the engine's one check: calculators.timing.review.interval_problem).
    shortest_agreed_weeks: int = field(default=1, metadata=whole(1, 104))
    longest_agreed_weeks: int = field(default=52, metadata=whole(1, 104))
    handoffs: tuple[DatesHandOff, ...] = ()

    def validate(self, path: str) -> None:
        for low, high in (
            ("min_weeks", "max_weeks"),
            ("shortest_agreed_weeks", "longest_agreed_weeks"),
        ):
            if getattr(self, high) < getattr(self, low):
                raise ProtocolError(
                    f"{path}.{high}",
                    f"expected at least {low} ({getattr(self, low)}), got {getattr(self, high)}",
                )


TimingRule = MonthlyMeeting | DeadlineBefore | MonthlyDeadline | RecurringReview
RULE_KINDS: dict[str, type] = {
    "monthly_meeting": MonthlyMeeting,
    "deadline_before": DeadlineBefore,
    "monthly_deadline": MonthlyDeadline,
    "recurring_review": RecurringReview,
}


@dataclass(frozen=True)
class PanelChange:
    """A meeting moved or cancelled; `meeting` names its monthly_meeting rule when the
    protocol has more than one."""

    date: date
    reason: str
    moved_to: date | None = None
    cancelled: bool = False
    meeting: str | None = field(default=None, metadata=identifier())

    def validate(self, path: str) -> None:
        if self.cancelled == (self.moved_to is not None):
            raise ProtocolError(path, "expected either 'cancelled: true' or 'moved_to: YYYY-MM-DD'")


@dataclass(frozen=True)
class BankHoliday:
    """A day that is not a working day, with its name."""

    date: date
    name: str


@dataclass(frozen=True)
class BankHolidays:
    """Which country's bank holidays count, over which years."""

    country: str
    subdivision: str
    years_before: int = field(metadata=whole(0, 10))
    years_after: int = field(metadata=whole(0, 20))
    dates: tuple[BankHoliday, ...] = ()


@dataclass(frozen=True)
class Timing:
    """The rules by id, in file order; the meetings moved or cancelled; the bank holidays."""

    panel_changes: tuple[PanelChange, ...]
    bank_holidays: BankHolidays
    rules: tuple[TimingRule, ...] = field(default=(), metadata=keyed_items(kinds=RULE_KINDS))

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.rules)

    def rule(self, rule_id: str) -> Any:
        """The rule with this id (KeyError naming it otherwise)."""
        return find(self.rules, "id", rule_id, "timing rule")

    def of_kind(self, kind: str) -> tuple[Any, ...]:
        return tuple(rule for rule in self.rules if rule.kind == kind)

    def changes_for(self, meeting: MonthlyMeeting) -> tuple[PanelChange, ...]:
        """The changes to this monthly_meeting rule's meetings."""
        return tuple(c for c in self.panel_changes if self._meeting_of(c) == meeting.id)

    def _meeting_of(self, change: PanelChange) -> str | None:
        if change.meeting is not None:
            return change.meeting
        meetings = self.of_kind("monthly_meeting")
        return meetings[0].id if len(meetings) == 1 else None

    @property
    def changes_need_bank_holidays(self) -> bool:
        """A change to a meeting on a working day is checked against the bank holidays,
        which the build adds to the file's data: true while they are missing."""
        return not self.bank_holidays.dates and any(
            rule.working_day is not None and self.changes_for(rule)
            for rule in self.of_kind("monthly_meeting")
        )

    def validate(self, path: str) -> None:
        """Deadlines name a meeting rule; each change is a date its meeting falls on, once
        (for a meeting on a working day, once the bank holidays are known)."""
        meetings = {rule.id: rule for rule in self.of_kind("monthly_meeting")}
        spoken = ", ".join(meetings) or "none in this protocol"
        for rule in self.of_kind("deadline_before"):
            if rule.meeting not in meetings:
                raise ProtocolError(
                    f"{path}.{rule.id}.meeting",
                    f"expected the id of a monthly_meeting rule ({spoken}), got {rule.meeting!r}",
                )
        where = f"{path}.panel_changes"
        changes = self.panel_changes
        for index, change in enumerate(changes):
            if self._meeting_of(change) not in meetings:
                got = "nothing" if change.meeting is None else repr(change.meeting)
                raise ProtocolError(
                    f"{where}[{index}].meeting",
                    f"expected the id of the monthly_meeting rule it changes ({spoken}), got {got}",
                )
        for meeting_id, rule in meetings.items():
            mine = [(i, c) for i, c in enumerate(changes) if self._meeting_of(c) == meeting_id]
            unique(((c.date, f"{where}[{i}].date") for i, c in mine), "panel date")
            holidays = {holiday.date for holiday in self.bank_holidays.dates}
            if rule.working_day is not None and not holidays:
                continue  # see changes_need_bank_holidays
            for index, change in mine:
                _check_change(rule, change, f"{where}[{index}].date", holidays)


def _check_change(rule: MonthlyMeeting, change: PanelChange, path: str, holidays: Any) -> None:
    day = change.date
    scheduled = monthly_day(rule, day.year, day.month, holidays)
    if scheduled != day:
        that_month = (
            f"that month's panel is on {scheduled.isoformat()}"
            if scheduled
            else "that month has no panel by the rule"
        )
        raise ProtocolError(
            path,
            f"expected the date of a {rule.name} by the rule "
            f"({monthly_words(rule)} of the month), "
            f"got {day.isoformat()}; {that_month}",
        )
