"""What the timing rules answer: a dated occurrence, or a window for the next review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Occurrence:
    """One date a rule gives, a meeting or a deadline, with its clause.

    `scheduled` is the rule's own date and `date` the day it falls on (a moved
    meeting's new day). A deadline on a day that is not a working day carries
    `submit_by`, the previous working day; a bank holiday is named. A monthly deadline
    carries `for_month`, the first day of the month it is for (the month that ended, for
    a deadline some working days after the month's end).
    """

    rule: str
    date: date
    scheduled: date
    clauses: tuple[str, ...]
    cancelled: bool = False
    reason: str | None = None
    bank_holiday: str | None = None
    submit_by: date | None = None
    for_month: date | None = None

    @property
    def moved(self) -> bool:
        return not self.cancelled and self.date != self.scheduled


# A rule's dates month by month, January to December: None where it has none that month.
Months = tuple["Occurrence | None", ...]


@dataclass(frozen=True)
class Window:
    """When the next review is due: from `earliest` to `latest`, both included; one date
    (earliest and latest alike) for an agreed interval out of the area."""

    rule: str
    last: date
    earliest: date
    latest: date
    clauses: tuple[str, ...]
    interval_weeks: int | None = None
