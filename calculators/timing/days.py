"""Working days: not a weekend, not one of the bank holidays the protocol carries
(`timing.bank_holidays.dates`, generated at build time)."""

from __future__ import annotations

from datetime import date, timedelta

from calculators.protocol import Protocol

WEEKEND = (5, 6)  # Saturday and Sunday are not working days


def bank_holiday(protocol: Protocol, day: date) -> str | None:
    """The name of the bank holiday on this day, if the protocol lists one."""
    for holiday in protocol.timing.bank_holidays.dates:
        if holiday.date == day:
            return holiday.name
    return None


def is_working_day(protocol: Protocol, day: date) -> bool:
    return day.weekday() not in WEEKEND and bank_holiday(protocol, day) is None


def working_days_before(protocol: Protocol, day: date, count: int) -> date:
    """The working day `count` working days before this day (the day itself not counted);
    the day itself for a count of 0."""
    holidays = {h.date for h in protocol.timing.bank_holidays.dates}
    for _ in range(count):
        day -= timedelta(days=1)
        while day.weekday() in WEEKEND or day in holidays:
            day -= timedelta(days=1)
    return day


def previous_working_day(protocol: Protocol, day: date) -> date:
    """The last working day strictly before this day."""
    return working_days_before(protocol, day, 1)
