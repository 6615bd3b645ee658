"""Working days: not a weekend, not one of the bank holidays the protocol carries
(`timing.bank_holidays.dates`, generated at build time)."""

from __future__ import annotations

from datetime import date, timedelta

from calculators import calendar_rules
from calculators.protocol import Protocol


def bank_holiday(protocol: Protocol, day: date) -> str | None:
    """The name of the bank holiday on this day, if the protocol lists one."""
    for holiday in protocol.timing.bank_holidays.dates:
        if holiday.date == day:
            return holiday.name
    return None


def holidays(protocol: Protocol) -> frozenset[date]:
    """The days of the bank holidays the protocol carries."""
    return frozenset(holiday.date for holiday in protocol.timing.bank_holidays.dates)


def is_working_day(protocol: Protocol, day: date) -> bool:
    return calendar_rules.is_working_day(day, holidays(protocol))


def working_days_before(protocol: Protocol, day: date, count: int) -> date:
    """The working day `count` working days before this day (the day itself not counted);
    the day itself for a count of 0."""
    off = holidays(protocol)
    for _ in range(count):
        day -= timedelta(days=1)
        while not calendar_rules.is_working_day(day, off):
            day -= timedelta(days=1)
    return day


def previous_working_day(protocol: Protocol, day: date) -> date:
    """The last working day strictly before this day."""
    return working_days_before(protocol, day, 1)


def working_day_on_or_before(protocol: Protocol, day: date) -> date:
    """The day itself if it is a working day, else the working day before it."""
    return day if is_working_day(protocol, day) else previous_working_day(protocol, day)


def add_weeks(day: date, weeks: int) -> date:
    return day + timedelta(weeks=weeks)


def one_year_after(day: date) -> date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
