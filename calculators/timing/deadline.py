"""deadline_before: N calendar days, or N working days, before each meeting of a rule."""

from __future__ import annotations

from datetime import date, timedelta

from calculators.protocol import DeadlineBefore, Protocol
from calculators.timing.days import working_days_before
from calculators.timing.monthly import deadline_on, meeting_months, meeting_occurrences
from calculators.timing.results import Months, Occurrence
from calculators.wording import weeks_or_days


def words(rule: DeadlineBefore) -> str:
    """ "2 weeks" (14 calendar days), "10 days", "10 working days"."""
    if rule.working_days is not None:
        count = rule.working_days
        return f"{count} working day" if count == 1 else f"{count} working days"
    return weeks_or_days(rule.days or 0)


def deadline_for(protocol: Protocol, rule: DeadlineBefore, meeting: date) -> Occurrence:
    """The last day to submit for the meeting on this date.

    Working days are counted back from the meeting (the meeting's own day not
    counted), skipping weekends and the protocol's bank holidays. Calendar days
    give a date that may not be a working day: it then carries `submit_by`.
    """
    if rule.working_days is not None:
        day = working_days_before(protocol, meeting, rule.working_days)
    else:
        day = meeting - timedelta(days=rule.days or 0)
    return deadline_on(protocol, rule.id, day, (rule.clause,))


def occurrences(protocol: Protocol, rule: DeadlineBefore, year: int) -> tuple[Occurrence, ...]:
    """The deadlines for the meetings held in the year (none for a cancelled meeting)."""
    meeting_rule = protocol.timing.rule(rule.meeting)
    return tuple(
        deadline_for(protocol, rule, meeting.date)
        for meeting in meeting_occurrences(protocol, meeting_rule, year)
        if not meeting.cancelled
    )


def months(protocol: Protocol, rule: DeadlineBefore, year: int) -> Months:
    """The deadline for each month's meeting (None where the meeting is cancelled); a
    January meeting's deadline may fall in the December before."""
    meetings = meeting_months(protocol, protocol.timing.rule(rule.meeting), year)
    return tuple(
        deadline_for(protocol, rule, meeting.date) if meeting and not meeting.cancelled else None
        for meeting in meetings
    )
