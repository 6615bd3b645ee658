"""The directive's due dates: pure date arithmetic over the timing rules in the protocol.

Each rule is data in `protocol.timing` (weekday, week of the month, lead days,
interval weeks), with the clause it comes from:

- the MASE panel meets on the nth weekday of every month (clause 4.6), except
  where the protocol owner has listed a panel as moved or cancelled;
- a MASE referral is due a number of days before the panel (clause 4.6);
- the monthly case report is due on the nth weekday of every month, to a contact
  (clause 5.3);
- CSE strategy meetings take place every `min_weeks`-`max_weeks` weeks as a
  minimum (clause 6.2): the next one is due by `max_weeks` after the last at the
  latest, and may always be held sooner. For a child placed out of borough,
  meetings continue at the interval agreed at the strategy meeting (1 to 52
  weeks); a longer interval than the usual maximum has its rationale in the last
  meeting's minutes (clause 6.13).

Bank holidays come with the protocol (generated at build time). An answer that
falls on one is flagged; a submission date or a strategy meeting's latest date
that falls on a day that is not a working day gives the previous working day.

"Today" is always an argument: nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from calculators import timing
from calculators.calendar_rules import nth_weekday_of_month
from calculators.dates_input import (
    LATEST_YEAR,
    attempt,
)
from calculators.errors import FieldProblem, InputError
from calculators.protocol import Contact, Protocol, ReferralRule
from calculators.wording import clause_list, long_date

WEEKEND = (5, 6)  # Saturday and Sunday are not working days
NOT_DUE = "not_due"
DUE = "due"
OVERDUE = "overdue"
SHORTEST_INTERVAL_WEEKS = 1
LONGEST_INTERVAL_WEEKS = 52  # an agreed out-of-borough interval longer than a year is a typo
MAX_RATIONALE_LENGTH = 2000

# Fields of the dates form, with the labels their messages use.
LABELS = {
    "today": "Today's date",
    "last_strategy": "Date of the last strategy meeting",
    "initial_strategy": "Date of the initial strategy meeting",
    "out_of_borough": "whether the child is placed out of borough",
    "agreed_interval_weeks": "Agreed interval between strategy meetings",
    "interval_rationale": "Rationale for the agreed interval",
    "referral_planned": "whether a MASE referral is planned",
}


# Results --------------------------------------------------------------------


@dataclass(frozen=True)
class Panel:
    """One month's MASE panel: the rule's date, and where and whether it meets."""

    date: date
    scheduled: date
    clauses: tuple[str, ...]
    cancelled: bool = False
    reason: str | None = None
    bank_holiday: str | None = None

    @property
    def moved(self) -> bool:
        return not self.cancelled and self.date != self.scheduled


@dataclass(frozen=True)
class Deadline:
    """A date something must be submitted by; `submit_by` when that is not a working day."""

    date: date
    clauses: tuple[str, ...]
    bank_holiday: str | None = None
    submit_by: date | None = None


@dataclass(frozen=True)
class MaseAnswer:
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
    mase: MaseAnswer
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


# Calendar arithmetic ----------------------------------------------------------


def add_weeks(day: date, weeks: int) -> date:
    return day + timedelta(weeks=weeks)


def one_year_after(day: date) -> date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def bank_holiday(protocol: Protocol, day: date) -> str | None:
    """The name of the bank holiday on this day, if the protocol lists one."""
    for holiday in protocol.timing.bank_holidays.dates:
        if holiday.date == day:
            return holiday.name
    return None


def is_working_day(protocol: Protocol, day: date) -> bool:
    return day.weekday() not in WEEKEND and bank_holiday(protocol, day) is None


def previous_working_day(protocol: Protocol, day: date) -> date:
    """The last working day strictly before this day."""
    holidays = {h.date for h in protocol.timing.bank_holidays.dates}
    day -= timedelta(days=1)
    while day.weekday() in WEEKEND or day in holidays:
        day -= timedelta(days=1)
    return day


def working_day_on_or_before(protocol: Protocol, day: date) -> date:
    """The day itself if it is a working day, else the working day before it."""
    return day if is_working_day(protocol, day) else previous_working_day(protocol, day)


def deadline(protocol: Protocol, day: date, clauses: tuple[str, ...]) -> Deadline:
    """A submission date, flagged if a bank holiday and moved earlier if not a working day."""
    return Deadline(
        date=day,
        clauses=clauses,
        bank_holiday=bank_holiday(protocol, day),
        submit_by=None if is_working_day(protocol, day) else previous_working_day(protocol, day),
    )


# MASE panel and referral (clause 4.6) ----------------------------------------


def scheduled_panels(protocol: Protocol, year: int) -> tuple[Panel, ...]:
    """One panel per month of the year by the rule, with the owner's moves and cancellations."""
    rule = protocol.timing.mase_panel
    changes = {change.date: change for change in protocol.timing.panel_changes}
    panels = []
    for month in range(1, 13):
        scheduled = nth_weekday_of_month(year, month, rule.weekday, rule.week_of_month)
        change = changes.get(scheduled)
        meets = change.moved_to if change and change.moved_to else scheduled
        panels.append(
            Panel(
                date=meets,
                scheduled=scheduled,
                clauses=(rule.clause,),
                cancelled=bool(change and change.cancelled),
                reason=change.reason if change else None,
                bank_holiday=bank_holiday(protocol, meets),
            )
        )
    return tuple(panels)


def panels(protocol: Protocol, year: int) -> tuple[Panel, ...]:
    """The panels that meet in this year, in date order (a move may cross a year's end)."""
    meeting = [
        panel
        for around in (year - 1, year, year + 1)
        for panel in scheduled_panels(protocol, around)
        if not panel.cancelled and panel.date.year == year
    ]
    return tuple(sorted(meeting, key=lambda panel: panel.date))


def panel_dates(protocol: Protocol, year: int) -> tuple[date, ...]:
    """The dates the MASE panel meets in this year."""
    return tuple(panel.date for panel in panels(protocol, year))


def panels_from(protocol: Protocol, start: date) -> Iterator[Panel]:
    """The panels that meet on or after a date, in order."""
    for year in range(start.year, LATEST_YEAR + 2):
        for panel in panels(protocol, year):
            if panel.date >= start:
                yield panel


def referral_deadline(panel: date, rule: ReferralRule) -> date:
    """The last day to submit a MASE referral for the panel on this date."""
    return panel - timedelta(days=rule.days_before_panel)


def referral_deadline_for(protocol: Protocol, panel: date) -> date:
    """The same by the protocol's referral rule by kind: calendar or working days."""
    return timing.deadline_for(protocol, protocol.timing.mase_referral.id, panel).date


def next_panel(protocol: Protocol, today: date) -> Panel:
    """The next MASE panel on or after today."""
    return next(panels_from(protocol, today))


def referable_panel(protocol: Protocol, today: date) -> tuple[Panel, Deadline]:
    """The earliest panel whose referral deadline is today or later, with that deadline."""
    rule = protocol.timing.mase_referral
    for panel in panels_from(protocol, today):
        last_day = referral_deadline_for(protocol, panel.date)
        if last_day >= today:
            return panel, deadline(protocol, last_day, (rule.clause,))
    raise ValueError(f"no MASE panel after {today.isoformat()}")  # pragma: no cover


def cancelled_panels(protocol: Protocol, start: date, end: date) -> tuple[Panel, ...]:
    """The cancelled panels whose date by the rule is on or after `start` and before `end`."""
    return tuple(
        panel
        for year in range(start.year, end.year + 1)
        for panel in scheduled_panels(protocol, year)
        if panel.cancelled and start <= panel.scheduled < end
    )


def unchanged_bank_holiday_panels(protocol: Protocol) -> tuple[Panel, ...]:
    """Panels on a bank holiday by the rule with no move or cancellation recorded.

    Over the years the protocol lists bank holidays for: for the protocol owner.
    """
    changed = {change.date for change in protocol.timing.panel_changes}
    years = sorted({holiday.date.year for holiday in protocol.timing.bank_holidays.dates})
    return tuple(
        panel
        for year in years
        for panel in scheduled_panels(protocol, year)
        if panel.bank_holiday and panel.scheduled not in changed
    )


def mase_answer(protocol: Protocol, today: date) -> MaseAnswer:
    panel, last_day = referable_panel(protocol, today)
    return MaseAnswer(
        next_meeting=next_panel(protocol, today),
        referable_meeting=panel,
        referral_deadline=last_day,
        days_before_panel=(panel.date - last_day.date).days,
        cancelled=cancelled_panels(protocol, today, panel.date),
    )


# Monthly case report (clause 5.3) -------------------------------------------


def report_deadline(protocol: Protocol, year: int, month: int) -> Deadline:
    rule = protocol.timing.monthly_report
    day = timing.monthly.day_in(rule, year, month)
    return deadline(protocol, day, (rule.clause,))


def report_deadlines(protocol: Protocol, year: int) -> tuple[Deadline, ...]:
    return tuple(report_deadline(protocol, year, month) for month in range(1, 13))


def _month_after(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _month_before(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def next_report(protocol: Protocol, today: date) -> ReportAnswer:
    """The next monthly report deadline on or after today, the last one before today,
    and who receives the report."""
    due = report_deadline(protocol, today.year, today.month)
    if due.date < today:
        last_due = due
        due = report_deadline(protocol, *_month_after(today.year, today.month))
    else:
        last_due = report_deadline(protocol, *_month_before(today.year, today.month))
    return ReportAnswer(
        due=due,
        send_to=protocol.contact(protocol.timing.monthly_report.send_to),
        last_due=last_due,
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
    opens). Out of borough: the agreed interval (1 to 52 weeks) gives the latest
    date (earliest and latest alike). A latest date that is not a working day gives
    the working day before.
    """
    rule = protocol.timing.strategy_meeting
    if last > today:
        raise InputError.one(counted_from, f"{LABELS[counted_from]} must be today or in the past")
    if out_of_borough:
        interval = check_interval(protocol, interval_weeks)
        earliest = by_rule = add_weeks(last, interval)
        clauses: tuple[str, ...] = (rule.out_of_borough_clause,)
    else:
        earliest, by_rule = add_weeks(last, rule.min_weeks), add_weeks(last, rule.max_weeks)
        interval = None
        clauses = (rule.clause,)
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


def check_interval(protocol: Protocol, weeks: int | None) -> int:
    """An out-of-borough interval must be the one agreed: 1 to 52 weeks (clause 6.13
    describes the usual case, less often than the minimum; it does not forbid more)."""
    rule = protocol.timing.strategy_meeting
    field, label = "agreed_interval_weeks", LABELS["agreed_interval_weeks"]
    if weeks is None:
        raise InputError.one(
            field,
            f"Enter the agreed interval in weeks: the child is placed out of borough "
            f"({clause_list((rule.out_of_borough_clause,))})",
        )
    if not SHORTEST_INTERVAL_WEEKS <= weeks <= LONGEST_INTERVAL_WEEKS:
        raise InputError.one(
            field,
            f"{label} must be from {SHORTEST_INTERVAL_WEEKS} to {LONGEST_INTERVAL_WEEKS} weeks",
        )
    return weeks


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
    problems: list[FieldProblem] = []
    for field, day in (("initial_strategy", initial_strategy), ("last_strategy", last_strategy)):
        if day is not None and day > today:
            problems.append(FieldProblem(field, f"{LABELS[field]} must be today or in the past"))
    if last_strategy and initial_strategy and last_strategy < initial_strategy:
        problems.append(
            FieldProblem(
                "last_strategy",
                f"{LABELS['last_strategy']} must be the same as or after the date of the "
                f"initial strategy meeting ({long_date(initial_strategy)})",
            )
        )
    if out_of_borough:
        attempt(problems, check_interval, protocol, interval_weeks)
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
        mase=mase_answer(protocol, today),
        monthly_report=next_report(protocol, today),
        strategy_meeting=strategy,
        referral_planned=referral_planned,
    )


def year_calendar(protocol: Protocol, year: int) -> YearCalendar:
    """Every month's panel (moved or cancelled as listed), referral deadline and report."""
    rule = protocol.timing.mase_referral
    rows = []
    for panel, report in zip(
        scheduled_panels(protocol, year), report_deadlines(protocol, year), strict=True
    ):
        referral = (
            None
            if panel.cancelled
            else deadline(protocol, referral_deadline_for(protocol, panel.date), (rule.clause,))
        )
        rows.append(CalendarRow(panel.scheduled.month, panel, referral, report))
    return YearCalendar(year=year, rows=tuple(rows))
