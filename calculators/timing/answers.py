"""A case's due dates on a given day, from the timing rules the protocol has, by kind.

The panel is the first `monthly_meeting` rule (moved or cancelled as the protocol
owner lists), its referral the first `deadline_before` rule for it, the report the
first `monthly_deadline` rule and the strategy meetings the first `recurring_review`
rule. Their dates and working days come from the registry (`calculators.timing`);
this module puts them together into the answers for a case on a given day. A
meeting's latest date that is not a working day gives the working day before it.
The form's own input checks live in `calculators.dates.fields`; the agreed interval's
one check is `review.interval_problem`.

"Today" is always an argument: nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from calculators.dates.fields import case_date_problems, check_interval, past_problem
from calculators.errors import InputError
from calculators.protocol import Contact, Protocol
from calculators.timing.days import bank_holiday, working_day_on_or_before
from calculators.timing.monthly import scheduled_meetings
from calculators.timing.registry import (
    deadline_for,
    months,
    next_occurrence,
    occurrences,
    occurrences_from,
    window,
)
from calculators.timing.results import Occurrence

NOT_DUE = "not_due"
DUE = "due"
OVERDUE = "overdue"

# A month's meeting, and a date something must be submitted by: the registry's answer.
Panel = Occurrence
Deadline = Occurrence


# The rules the answers read, by kind --------------------------------------------


def panel_rule(protocol: Protocol) -> Any:
    """The panel: the protocol's first monthly_meeting rule."""
    return protocol.timing.of_kind("monthly_meeting")[0]


def referral_rule(protocol: Protocol) -> Any:
    """The referral: the first deadline_before rule for the panel."""
    panel = panel_rule(protocol).id
    return next(r for r in protocol.timing.of_kind("deadline_before") if r.meeting == panel)


def report_rule(protocol: Protocol) -> Any:
    """The monthly report: the first monthly_deadline rule."""
    return protocol.timing.of_kind("monthly_deadline")[0]


def review_rule(protocol: Protocol) -> Any:
    """The strategy meetings: the first recurring_review rule."""
    return protocol.timing.of_kind("recurring_review")[0]


# Results --------------------------------------------------------------------


@dataclass(frozen=True)
class PanelAnswer:
    next_meeting: Panel
    referable_meeting: Panel
    referral_deadline: Deadline
    days_before_panel: int
    cancelled: tuple[Panel, ...] = ()  # cancelled panels from today to the referable one


@dataclass(frozen=True)
class ReportAnswer:
    """The next report deadline (today or later) and the one just passed (before today)."""

    due: Deadline
    send_to: Contact
    last_due: Deadline | None = None


@dataclass(frozen=True)
class StrategyAnswer:
    """When the next strategy meeting is due, counted from the last (or the initial) one.

    `latest` is the day to hold it by: `latest_by_rule` (the last meeting plus the
    weeks), or the working day before when that is not a working day. `convene` is
    the day to start convening it, `convene_days_before` the latest date.
    """

    last: date
    earliest: date
    latest: date
    status: str
    days_overdue: int
    days_until_earliest: int
    out_of_borough: bool
    interval_weeks: int | None
    rationale: str
    clauses: tuple[str, ...]
    counted_from: str = "last_strategy"
    earliest_bank_holiday: str | None = None
    latest_bank_holiday: str | None = None
    latest_by_rule: date | None = None
    convene: date | None = None
    confirm_interval: bool = False


@dataclass(frozen=True)
class DatesAnswer:
    today: date
    panel: PanelAnswer
    monthly_report: ReportAnswer
    strategy_meeting: StrategyAnswer | None
    referral_planned: bool


@dataclass(frozen=True)
class CalendarRow:
    """One month of the year planner: its panel, the panel's referral deadline, the report."""

    month: int
    panel: Panel
    referral_deadline: Deadline | None
    report_deadline: Deadline


@dataclass(frozen=True)
class YearCalendar:
    year: int
    rows: tuple[CalendarRow, ...]


# The panel and its referral (clause 4.6) ----------------------------------------


def scheduled_panels(protocol: Protocol, year: int) -> tuple[Panel, ...]:
    """One panel per month of the year by the rule, with the owner's moves and cancellations."""
    return tuple(scheduled_meetings(protocol, panel_rule(protocol), year))


def panels(protocol: Protocol, year: int) -> tuple[Panel, ...]:
    """The panels that meet in this year, in date order (a move may cross a year's end)."""
    held = occurrences(protocol, panel_rule(protocol).id, year)
    return tuple(panel for panel in held if not panel.cancelled)


def panel_dates(protocol: Protocol, year: int) -> tuple[date, ...]:
    """The dates the panel meets in this year."""
    return tuple(panel.date for panel in panels(protocol, year))


def panels_from(protocol: Protocol, start: date) -> Iterator[Panel]:
    """The panels that meet on or after a date, in order."""
    return occurrences_from(protocol, panel_rule(protocol).id, start)


def next_panel(protocol: Protocol, today: date) -> Panel:
    """The next panel on or after today."""
    return next_occurrence(protocol, panel_rule(protocol).id, today)


def referable_panel(protocol: Protocol, today: date) -> tuple[Panel, Deadline]:
    """The earliest panel whose referral deadline is today or later, with that deadline."""
    rule = referral_rule(protocol).id
    for panel in panels_from(protocol, today):
        last_day = deadline_for(protocol, rule, panel.date)
        if last_day.date >= today:
            return panel, last_day
    raise ValueError(f"no panel after {today.isoformat()}")  # pragma: no cover


def cancelled_panels(protocol: Protocol, start: date, end: date) -> tuple[Panel, ...]:
    """The cancelled panels whose date by the rule is on or after `start` and before `end`."""
    return tuple(
        panel
        for year in range(start.year, end.year + 1)
        for panel in scheduled_panels(protocol, year)
        if panel.cancelled and start <= panel.scheduled < end
    )


def unchanged_bank_holiday_panels(protocol: Protocol) -> tuple[Panel, ...]:
    """Panels on a bank holiday by the rule with no move or cancellation recorded (over the
    years the protocol lists bank holidays for), for the protocol owner."""
    changed = {change.date for change in protocol.timing.changes_for(panel_rule(protocol))}
    years = sorted({holiday.date.year for holiday in protocol.timing.bank_holidays.dates})
    return tuple(
        panel
        for year in years
        for panel in scheduled_panels(protocol, year)
        if panel.bank_holiday and panel.scheduled not in changed
    )


def panel_answer(protocol: Protocol, today: date) -> PanelAnswer:
    panel, last_day = referable_panel(protocol, today)
    rule = referral_rule(protocol)
    return PanelAnswer(
        next_meeting=next_panel(protocol, today),
        referable_meeting=panel,
        referral_deadline=last_day,
        days_before_panel=rule.working_days if rule.days is None else rule.days,
        cancelled=cancelled_panels(protocol, today, panel.date),
    )


# The monthly report (clause 5.3) -------------------------------------------


def report_deadline(protocol: Protocol, year: int, month: int) -> Deadline:
    """The report's deadline for that month (for a rule counted from the month's end, it
    falls in the month after); ValueError for a month the rule gives no date."""
    rule = report_rule(protocol)
    due = months(protocol, rule.id, year)[month - 1]
    if due is None:
        raise ValueError(f"timing.{rule.id} has no date for {year}-{month:02d}")
    return due


def next_report(protocol: Protocol, today: date, rule_id: str | None = None) -> ReportAnswer:
    """The next monthly report deadline on or after today, the last one before today,
    and who receives the report (another monthly_deadline rule's, given its id)."""
    rule = protocol.timing.rule(rule_id) if rule_id else report_rule(protocol)
    years = (today.year - 1, today.year)
    passed = [due for y in years for due in occurrences(protocol, rule.id, y) if due.date < today]
    return ReportAnswer(
        due=next_occurrence(protocol, rule.id, today),
        send_to=protocol.contact(rule.send_to),
        last_due=passed[-1] if passed else None,
    )


# Strategy meetings (clauses 6.2 and 6.13) -------------------------------------


def strategy_window(
    protocol: Protocol,
    today: date,
    last: date,
    *,
    out_of_borough: bool = False,
    interval_weeks: int | None = None,
    rationale: str = "",
    counted_from: str = "last_strategy",
) -> StrategyAnswer:
    """The date the next strategy meeting is due by at the latest, and where today stands.

    In borough: `max_weeks` after the last meeting at the latest (clause 6.2 sets a
    minimum frequency; `earliest`, `min_weeks` after, is where the usual window
    opens). Out of borough: the agreed interval (the rule's shortest_agreed_weeks to
    longest_agreed_weeks) gives the latest date (earliest and latest alike). A latest date that is not a working day gives
    the working day before.
    """
    rule = review_rule(protocol)
    named = protocol.site.dates_form.named
    problem = past_problem(counted_from, last, today, named(counted_from))
    if problem:
        raise InputError([problem])
    agreed = (
        check_interval(interval_weeks, rule, named("agreed_interval_weeks"))
        if out_of_borough
        else None
    )
    due = window(protocol, rule.id, last, agreed)
    earliest, by_rule, interval, clauses = due.earliest, due.latest, agreed, due.clauses
    latest = working_day_on_or_before(protocol, by_rule)
    earliest = min(earliest, latest)
    convene = working_day_on_or_before(protocol, latest - timedelta(days=rule.convene_days_before))
    if today < earliest:
        status = NOT_DUE
    elif today <= latest:
        status = DUE
    else:
        status = OVERDUE
    return StrategyAnswer(
        last=last,
        earliest=earliest,
        latest=latest,
        status=status,
        days_overdue=max(0, (today - latest).days),
        days_until_earliest=max(0, (earliest - today).days),
        out_of_borough=out_of_borough,
        interval_weeks=interval,
        rationale=rationale,
        clauses=clauses,
        counted_from=counted_from,
        earliest_bank_holiday=bank_holiday(protocol, earliest),
        latest_bank_holiday=bank_holiday(protocol, by_rule),
        latest_by_rule=by_rule,
        convene=convene,
        confirm_interval=interval is not None and interval > rule.confirm_interval_over_weeks,
    )


# All the answers --------------------------------------------------------------


def dates_answer(
    protocol: Protocol,
    today: date,
    *,
    last_strategy: date | None = None,
    initial_strategy: date | None = None,
    out_of_borough: bool = False,
    interval_weeks: int | None = None,
    rationale: str = "",
    referral_planned: bool = False,
) -> DatesAnswer:
    """Every due date for a case on a given day; raise InputError for inconsistent dates."""
    rule = review_rule(protocol)
    named = protocol.site.dates_form.named
    problems = case_date_problems(
        today,
        last_strategy,
        initial_strategy,
        named,
        (lambda: check_interval(interval_weeks, rule, named("agreed_interval_weeks")))
        if out_of_borough
        else None,
    )
    if problems:
        raise InputError(problems)
    counted_from, last = (
        ("last_strategy", last_strategy)
        if last_strategy
        else ("initial_strategy", initial_strategy)
    )
    strategy = None
    if last is not None:
        strategy = strategy_window(
            protocol,
            today,
            last,
            out_of_borough=out_of_borough,
            interval_weeks=interval_weeks,
            rationale=rationale,
            counted_from=counted_from,
        )
    return DatesAnswer(
        today=today,
        panel=panel_answer(protocol, today),
        monthly_report=next_report(protocol, today),
        strategy_meeting=strategy,
        referral_planned=referral_planned,
    )


def year_calendar(protocol: Protocol, year: int) -> YearCalendar:
    """Every month's panel (moved or cancelled as listed), referral deadline and report: the
    registry's `months` for the first rule of each kind, as the planner reads every rule."""
    panels, referrals, reports = (
        months(protocol, rule(protocol).id, year)
        for rule in (panel_rule, referral_rule, report_rule)
    )
    rows = tuple(
        CalendarRow(month, panel, referral, report)
        for month, panel, referral, report in zip(
            range(1, 13), panels, referrals, reports, strict=True
        )
        if panel is not None and report is not None
    )
    return YearCalendar(year=year, rows=rows)
