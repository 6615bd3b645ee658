"""The directive's due dates: pure date arithmetic over the timing rules in the protocol.

Each rule is data in `protocol.timing` (weekday, week of the month, lead days,
interval weeks), with the clause it comes from:

- the MASE panel meets on the nth weekday of every month (clause 4.6), except
  where the protocol owner has listed a panel as moved or cancelled;
- a MASE referral is due a number of days before the panel (clause 4.6);
- the monthly case report is due on the nth weekday of every month, to a contact
  (clause 5.3);
- CSE strategy meetings are held within a window of weeks after the last one
  (clause 6.2); for a child placed out of borough, an agreed longer interval
  replaces the window and its rationale belongs in the last meeting's minutes
  (clause 6.13).

Bank holidays come with the protocol (generated at build time). An answer that
falls on one is flagged; a submission that falls on a day that is not a working
day is advised for the previous working day.

"Today" is always an argument: nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from calculators.dates_input import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    attempt,
    clean_text,
    parse_date,
    parse_whole_number,
    parse_yes_no,
)
from calculators.errors import FieldProblem, InputError
from calculators.protocol import Contact, Protocol, ReferralRule
from calculators.wording import clause_list, long_date, month_name, ordinal, weekday_name

WEEKEND = (5, 6)  # Saturday and Sunday are not working days
NOT_DUE = "not_due"
DUE = "due"
OVERDUE = "overdue"
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


@dataclass(frozen=True)
class ReportAnswer:
    due: Deadline
    send_to: Contact


@dataclass(frozen=True)
class StrategyAnswer:
    """When the next strategy meeting is due, counted from the last (or the initial) one."""

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


def nth_weekday_of_month(year: int, month: int, weekday: int, n: int) -> date:
    """The nth weekday (0 = Monday) of a month; ValueError if it leaves the month."""
    if n < 1:
        raise ValueError(f"expected n of 1 or more, got {n}")
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    if day.month != month:
        raise ValueError(
            f"there is no {ordinal(n)} {weekday_name(weekday)} in {month_name(month)} {year}"
        )
    return day


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


def unmatched_panel_changes(protocol: Protocol) -> tuple[date, ...]:
    """Listed panel changes whose date is not a panel date by the rule (a slip in the YAML)."""
    rule = protocol.timing.mase_panel
    return tuple(
        change.date
        for change in protocol.timing.panel_changes
        if nth_weekday_of_month(
            change.date.year, change.date.month, rule.weekday, rule.week_of_month
        )
        != change.date
    )


def panels_from(protocol: Protocol, start: date) -> Iterator[Panel]:
    """The panels that meet on or after a date, in order."""
    for year in range(start.year, LATEST_YEAR + 2):
        for panel in panels(protocol, year):
            if panel.date >= start:
                yield panel


def referral_deadline(panel: date, rule: ReferralRule) -> date:
    """The last day to submit a MASE referral for the panel on this date."""
    return panel - timedelta(days=rule.days_before_panel)


def next_panel(protocol: Protocol, today: date) -> Panel:
    """The next MASE panel on or after today."""
    return next(panels_from(protocol, today))


def referable_panel(protocol: Protocol, today: date) -> tuple[Panel, Deadline]:
    """The earliest panel whose referral deadline is today or later, with that deadline."""
    rule = protocol.timing.mase_referral
    for panel in panels_from(protocol, today):
        last_day = referral_deadline(panel.date, rule)
        if last_day >= today:
            return panel, deadline(protocol, last_day, (rule.clause,))
    raise ValueError(f"no MASE panel after {today.isoformat()}")  # pragma: no cover


def mase_answer(protocol: Protocol, today: date) -> MaseAnswer:
    panel, last_day = referable_panel(protocol, today)
    return MaseAnswer(
        next_meeting=next_panel(protocol, today),
        referable_meeting=panel,
        referral_deadline=last_day,
        days_before_panel=protocol.timing.mase_referral.days_before_panel,
    )


# Monthly case report (clause 5.3) -------------------------------------------


def report_deadline(protocol: Protocol, year: int, month: int) -> Deadline:
    rule = protocol.timing.monthly_report
    day = nth_weekday_of_month(year, month, rule.weekday, rule.week_of_month)
    return deadline(protocol, day, (rule.clause,))


def report_deadlines(protocol: Protocol, year: int) -> tuple[Deadline, ...]:
    return tuple(report_deadline(protocol, year, month) for month in range(1, 13))


def next_report(protocol: Protocol, today: date) -> ReportAnswer:
    """The next monthly report deadline on or after today, and who receives the report."""
    due = report_deadline(protocol, today.year, today.month)
    if due.date < today:
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        due = report_deadline(protocol, year, month)
    return ReportAnswer(due=due, send_to=protocol.contact(protocol.timing.monthly_report.send_to))


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
    """The window for the next strategy meeting and whether it is due.

    In borough: from `min_weeks` (earliest) to `max_weeks` (latest) after the last
    meeting, both ends included. Out of borough: the agreed interval, longer than
    `max_weeks`, gives one date the meeting is due by (earliest and latest alike).
    """
    rule = protocol.timing.strategy_meeting
    if last > today:
        raise InputError.one(counted_from, f"{LABELS[counted_from]} must be today or in the past")
    if out_of_borough:
        interval = check_interval(protocol, interval_weeks)
        earliest = latest = add_weeks(last, interval)
        clauses: tuple[str, ...] = (rule.out_of_borough_clause,)
    else:
        earliest, latest = add_weeks(last, rule.min_weeks), add_weeks(last, rule.max_weeks)
        interval = None
        clauses = (rule.clause,)
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
        latest_bank_holiday=bank_holiday(protocol, latest),
    )


def check_interval(protocol: Protocol, weeks: int | None) -> int:
    """An out-of-borough interval must be agreed and longer than the usual maximum."""
    rule = protocol.timing.strategy_meeting
    field, label = "agreed_interval_weeks", LABELS["agreed_interval_weeks"]
    if weeks is None:
        raise InputError.one(
            field,
            f"Enter the agreed interval in weeks: the child is placed out of borough "
            f"({clause_list((rule.out_of_borough_clause,))})",
        )
    if not rule.max_weeks < weeks <= LONGEST_INTERVAL_WEEKS:
        raise InputError.one(
            field,
            f"{label} must be more than {rule.max_weeks} weeks (meetings for a child placed out "
            f"of borough are less frequent than every {rule.min_weeks}-{rule.max_weeks} weeks, "
            f"{clause_list((rule.out_of_borough_clause,))}) and at most "
            f"{LONGEST_INTERVAL_WEEKS} weeks",
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
            else deadline(protocol, referral_deadline(panel.date, rule), (rule.clause,))
        )
        rows.append(CalendarRow(panel.scheduled.month, panel, referral, report))
    return YearCalendar(year=year, rows=tuple(rows))


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


def _events(protocol: Protocol, start: date, end: date) -> tuple[Event, ...]:
    timing = protocol.timing
    rule = timing.mase_referral
    events: list[Event] = []
    for year in range(start.year, end.year + 2):
        for panel in panels(protocol, year):
            due = deadline(protocol, referral_deadline(panel.date, rule), (rule.clause,))
            if start <= panel.date < end:
                events.append(Event("panel", panel.date, *panel_words(protocol, panel)))
            if start <= due.date < end:
                events.append(Event("referral", due.date, *referral_words(protocol, due, panel)))
        for report in report_deadlines(protocol, year):
            if start <= report.date < end:
                events.append(Event("report", report.date, *report_words(protocol, report)))
    return tuple(sorted(events, key=lambda event: (event.date, event.kind)))


# Words ----------------------------------------------------------------------


def days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def weeks_or_days(count: int) -> str:
    if count and count % 7 == 0:
        weeks = count // 7
        return f"{weeks} week" if weeks == 1 else f"{weeks} weeks"
    return days(count)


def panel_rule_words(protocol: Protocol) -> str:
    rule = protocol.timing.mase_panel
    return (
        f"The MASE panel meets on the {ordinal(rule.week_of_month)} "
        f"{weekday_name(rule.weekday)} of every month."
    )


def referral_rule_words(protocol: Protocol) -> str:
    days_before = protocol.timing.mase_referral.days_before_panel
    return f"A MASE referral must be submitted {weeks_or_days(days_before)} before the panel."


def report_rule_words(protocol: Protocol) -> str:
    rule = protocol.timing.monthly_report
    contact = protocol.contact(rule.send_to)
    return (
        f"Submit the monthly CSE case report by the {ordinal(rule.week_of_month)} "
        f"{weekday_name(rule.weekday)} of every month and send it to {contact.name} "
        f"({contact.email})."
    )


def _holiday_words(day: date, name: str | None) -> str:
    return f"{long_date(day)} is a bank holiday ({name})." if name else ""


def _submit_words(due: Deadline) -> str:
    if due.submit_by is None:
        return ""
    why = f"a bank holiday ({due.bank_holiday})" if due.bank_holiday else "not a working day"
    return (
        f"{long_date(due.date)} is {why}: submit by the previous working day, "
        f"{long_date(due.submit_by)}."
    )


def panel_words(protocol: Protocol, panel: Panel) -> tuple[str, str, tuple[str, ...]]:
    """(summary, description, clauses) of a panel for a calendar."""
    parts = []
    if panel.moved:
        parts.append(f"Moved from {long_date(panel.scheduled)}: {panel.reason}.")
    if panel.bank_holiday:
        parts.append(_holiday_words(panel.date, panel.bank_holiday))
    parts.append(f"{panel_rule_words(protocol)} ({clause_list(panel.clauses)})")
    return protocol.timing.mase_panel.name, " ".join(parts), panel.clauses


def referral_words(
    protocol: Protocol, due: Deadline, panel: Panel
) -> tuple[str, str, tuple[str, ...]]:
    parts = [f"Last day to submit a MASE referral for the panel on {long_date(panel.date)}."]
    if due.submit_by:
        parts.append(_submit_words(due))
    parts.append(f"({clause_list(due.clauses)})")
    return protocol.timing.mase_referral.name, " ".join(parts), due.clauses


def report_words(protocol: Protocol, due: Deadline) -> tuple[str, str, tuple[str, ...]]:
    parts = [report_rule_words(protocol)]
    if due.submit_by:
        parts.append(_submit_words(due))
    parts.append(f"({clause_list(due.clauses)})")
    return protocol.timing.monthly_report.name, " ".join(parts), due.clauses


def _answer(
    answer_id: str,
    title: str,
    day: date,
    summary: str,
    details: list[str],
    clauses: tuple[str, ...],
    warning: str = "",
) -> dict[str, Any]:
    return {
        "id": answer_id,
        "title": title,
        "date": day.isoformat(),
        "summary": summary,
        "details": [detail for detail in details if detail],
        "clauses": list(clauses),
        "clause_text": clause_list(clauses),
        "warning": warning or None,
    }


def answer_words(protocol: Protocol, answer: DatesAnswer) -> list[dict[str, Any]]:
    """Each answer as a title, a date in words, sentences and its clauses, for any page."""
    timing = protocol.timing
    mase, report, strategy = answer.mase, answer.monthly_report, answer.strategy_meeting
    panel = mase.next_meeting
    panel_answer = _answer(
        "mase_next_meeting",
        "Next MASE panel",
        panel.date,
        long_date(panel.date),
        [
            panel_rule_words(protocol),
            f"Moved from {long_date(panel.scheduled)}: {panel.reason}." if panel.moved else "",
        ],
        panel.clauses,
        _holiday_words(panel.date, panel.bank_holiday),
    )
    due = mase.referral_deadline
    referral_details = [
        referral_rule_words(protocol),
        f"This is the deadline for the panel on {long_date(mase.referable_meeting.date)}.",
    ]
    if mase.referable_meeting.date != panel.date:
        missed = referral_deadline(panel.date, timing.mase_referral)
        referral_details.append(
            f"The deadline for the panel on {long_date(panel.date)} was {long_date(missed)}, "
            "so a referral made now goes to the following panel."
        )
    if due.submit_by and due.submit_by < answer.today:
        referral_warning = (
            f"{long_date(due.date)} is a bank holiday ({due.bank_holiday}) and the working day "
            "before it has passed: submit the referral today."
            if due.bank_holiday
            else f"{long_date(due.date)} is not a working day: submit the referral today."
        )
    else:
        referral_warning = _submit_words(due)
    referral_answer = _answer(
        "mase_referral_deadline",
        "MASE referral deadline",
        due.date,
        long_date(due.date),
        referral_details,
        due.clauses,
        referral_warning,
    )
    report_answer = _answer(
        "monthly_report_due",
        "Monthly CSE case report",
        report.due.date,
        long_date(report.due.date),
        [report_rule_words(protocol)],
        report.due.clauses,
        _submit_words(report.due),
    )
    answers = (
        [referral_answer, panel_answer, report_answer]
        if answer.referral_planned
        else [panel_answer, referral_answer, report_answer]
    )
    if strategy is not None:
        answers.append(strategy_words(protocol, strategy))
    known = {holiday.date.year for holiday in timing.bank_holidays.dates}
    for item in answers:
        year = date.fromisoformat(item["date"]).year
        if year not in known:
            item["details"].append(
                f"This handbook has no list of bank holidays for {year}, so this date has not "
                "been checked against them."
            )
    return answers


def strategy_words(protocol: Protocol, strategy: StrategyAnswer) -> dict[str, Any]:
    rule = protocol.timing.strategy_meeting
    counted = "last" if strategy.counted_from == "last_strategy" else "initial"
    since = f"the {counted} strategy meeting on {long_date(strategy.last)}"
    if strategy.out_of_borough:
        summary = f"Due by {long_date(strategy.latest)}"
        details = [
            f"The child is placed out of borough: meetings continue at the agreed interval of "
            f"{strategy.interval_weeks} weeks after {since}, instead of every "
            f"{rule.min_weeks}-{rule.max_weeks} weeks.",
            "Record the rationale for the less frequent meetings in the last strategy "
            f"meeting's minutes ({clause_list((rule.out_of_borough_clause,))}).",
        ]
    else:
        summary = f"Between {long_date(strategy.earliest)} and {long_date(strategy.latest)}"
        details = [
            f"Strategy meetings take place every {rule.min_weeks}-{rule.max_weeks} weeks as a "
            f"minimum: {rule.min_weeks} to {rule.max_weeks} weeks after {since}.",
        ]
    if strategy.status == NOT_DUE:
        status = (
            f"Not yet due: {days(strategy.days_until_earliest)} until "
            f"{long_date(strategy.earliest)}."
        )
    elif strategy.status == DUE:
        status = f"Due now: hold it by {long_date(strategy.latest)}."
    else:
        status = (
            f"Overdue by {days(strategy.days_overdue)}: it was due by {long_date(strategy.latest)}."
        )
    details.insert(0, status)
    holidays = [
        _holiday_words(day, name)
        for day, name in (
            (strategy.earliest, strategy.earliest_bank_holiday),
            (strategy.latest, strategy.latest_bank_holiday),
        )
        if name
    ]
    return _answer(
        "strategy_meeting",
        "Next CSE strategy meeting",
        strategy.latest,
        summary,
        details,
        strategy.clauses,
        " ".join(dict.fromkeys(holidays)),
    )


# JSON in, JSON out ------------------------------------------------------------


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def dates_to_data(protocol: Protocol, answer: DatesAnswer) -> dict[str, Any]:
    """The answer as JSON-ready data: ISO dates, clause ids and the words for each answer."""
    mase, report, strategy = answer.mase, answer.monthly_report, answer.strategy_meeting
    known = protocol.timing.bank_holidays.dates
    return {
        "today": answer.today.isoformat(),
        "referral_planned": answer.referral_planned,
        "mase": {
            "next_meeting": mase.next_meeting.date.isoformat(),
            "next_meeting_scheduled": mase.next_meeting.scheduled.isoformat(),
            "next_meeting_bank_holiday": mase.next_meeting.bank_holiday,
            "referable_meeting": mase.referable_meeting.date.isoformat(),
            "referral_deadline": mase.referral_deadline.date.isoformat(),
            "referral_submit_by": _iso(mase.referral_deadline.submit_by),
            "referral_deadline_bank_holiday": mase.referral_deadline.bank_holiday,
            "days_before_panel": mase.days_before_panel,
            "clauses": list(mase.next_meeting.clauses),
        },
        "monthly_report": {
            "due": report.due.date.isoformat(),
            "submit_by": _iso(report.due.submit_by),
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
            "status": strategy.status,
            "days_overdue": strategy.days_overdue,
            "days_until_earliest": strategy.days_until_earliest,
            "out_of_borough": strategy.out_of_borough,
            "interval_weeks": strategy.interval_weeks,
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
    problems: list[FieldProblem] = []
    today = attempt(
        problems, parse_date, payload.get("today"), "today", LABELS["today"], required=True
    )
    last = attempt(
        problems,
        parse_date,
        payload.get("last_strategy"),
        "last_strategy",
        LABELS["last_strategy"],
    )
    initial = attempt(
        problems,
        parse_date,
        payload.get("initial_strategy"),
        "initial_strategy",
        LABELS["initial_strategy"],
    )
    out_of_borough = attempt(
        problems,
        parse_yes_no,
        payload.get("out_of_borough"),
        "out_of_borough",
        LABELS["out_of_borough"],
    )
    interval = None
    if out_of_borough:
        before = len(problems)
        interval = attempt(
            problems,
            parse_whole_number,
            payload.get("agreed_interval_weeks"),
            "agreed_interval_weeks",
            LABELS["agreed_interval_weeks"],
            minimum=1,
            maximum=LONGEST_INTERVAL_WEEKS,
        )
        if len(problems) == before:
            attempt(problems, check_interval, protocol, interval)
    rationale = attempt(
        problems,
        clean_text,
        payload.get("interval_rationale"),
        "interval_rationale",
        LABELS["interval_rationale"],
        max_length=MAX_RATIONALE_LENGTH,
    )
    referral_planned = attempt(
        problems,
        parse_yes_no,
        payload.get("referral_planned"),
        "referral_planned",
        LABELS["referral_planned"],
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
    timing = protocol.timing
    return {
        "year": calendar.year,
        "clauses": {
            "mase_panel": timing.mase_panel.clause,
            "mase_referral": timing.mase_referral.clause,
            "monthly_report": timing.monthly_report.clause,
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
