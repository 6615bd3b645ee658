"""monthly_meeting and monthly_deadline: one day of every month, the nth (or last) weekday
or working day; or, for a deadline, N working days after each month ends."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from calculators.calendar_rules import monthly_day, monthly_words
from calculators.protocol import MonthlyDeadline, MonthlyMeeting, Protocol
from calculators.timing.days import bank_holiday, holidays, is_working_day, previous_working_day
from calculators.timing.results import Months, Occurrence


def words(rule: MonthlyMeeting | MonthlyDeadline) -> str:
    """ "1st Thursday", "last Friday", "last working day", "5 working days"."""
    return monthly_words(rule)


def day_in(
    protocol: Protocol, rule: MonthlyMeeting | MonthlyDeadline, year: int, month: int
) -> date | None:
    """The rule's day for that month (None for a 5th weekday the month lacks); working
    days skip the protocol's bank holidays."""
    return monthly_day(rule, year, month, holidays(protocol))


def scheduled_meetings(protocol: Protocol, rule: MonthlyMeeting, year: int) -> list[Occurrence]:
    """The year's meetings by the rule, month by month, moved or cancelled as listed."""
    changes = {change.date: change for change in protocol.timing.changes_for(rule)}
    result = []
    for month in range(1, 13):
        scheduled = day_in(protocol, rule, year, month)
        if scheduled is None:
            continue
        change = changes.get(scheduled)
        meets = change.moved_to if change and change.moved_to else scheduled
        result.append(
            Occurrence(
                rule=rule.id,
                date=meets,
                scheduled=scheduled,
                clauses=(rule.clause,),
                cancelled=bool(change and change.cancelled),
                reason=change.reason if change else None,
                bank_holiday=bank_holiday(protocol, meets),
            )
        )
    return result


def meeting_occurrences(
    protocol: Protocol, rule: MonthlyMeeting, year: int
) -> tuple[Occurrence, ...]:
    """The meetings falling in the year, cancelled ones included (flagged), in date order;
    a meeting moved across the year's end counts in the year it meets."""
    around = (
        meeting
        for near in (year - 1, year, year + 1)
        for meeting in scheduled_meetings(protocol, rule, near)
        if meeting.date.year == year
    )
    return tuple(sorted(around, key=lambda meeting: meeting.date))


def deadline_on(
    protocol: Protocol,
    rule_id: str,
    day: date,
    clauses: tuple[str, ...],
    for_month: date | None = None,
) -> Occurrence:
    """A submission date, flagged if a bank holiday, and moved earlier if not a working day."""
    return Occurrence(
        rule=rule_id,
        date=day,
        scheduled=day,
        clauses=clauses,
        bank_holiday=bank_holiday(protocol, day),
        submit_by=None if is_working_day(protocol, day) else previous_working_day(protocol, day),
        for_month=for_month,
    )


def deadline_occurrences(
    protocol: Protocol, rule: MonthlyDeadline, year: int
) -> tuple[Occurrence, ...]:
    """The deadlines for the year's months, one a month (none in a month lacking a 5th
    weekday); December's falls in January after it when counted from the month's end."""
    days = ((date(year, month, 1), day_in(protocol, rule, year, month)) for month in range(1, 13))
    return tuple(
        deadline_on(protocol, rule.id, day, (rule.clause,), month) for month, day in days if day
    )


def meeting_months(protocol: Protocol, rule: MonthlyMeeting, year: int) -> Months:
    """The year's meetings by the month they are scheduled in (moved or cancelled, flagged)."""
    return by_month(scheduled_meetings(protocol, rule, year))


def deadline_months(protocol: Protocol, rule: MonthlyDeadline, year: int) -> Months:
    """The year's deadlines by month (None in a month lacking a 5th weekday)."""
    return by_month(deadline_occurrences(protocol, rule, year))


def by_month(dates: Iterable[Occurrence]) -> Months:
    """January to December: the occurrence scheduled in (or for) each month, or None."""
    found = {(o.for_month or o.scheduled).month: o for o in dates}
    return tuple(found.get(month) for month in range(1, 13))
