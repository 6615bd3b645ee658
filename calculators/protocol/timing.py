"""The directive's timing rules, as data: panels, deadlines, reports, strategy meetings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from calculators.calendar_rules import nth_weekday_of_month
from calculators.protocol.primitives import ProtocolError, unique
from calculators.protocol.reading import refers_to, weekday_name, whole
from calculators.wording import ordinal
from calculators.wording import weekday_name as day_name


@dataclass(frozen=True)
class MonthlyMeeting:
    """A meeting held on the nth given weekday of every month."""

    clause: str = field(metadata=refers_to("clause"))
    name: str
    weekday: int = field(metadata=weekday_name())
    week_of_month: int = field(metadata=whole(1, 4))


@dataclass(frozen=True)
class ReferralRule:
    clause: str = field(metadata=refers_to("clause"))
    name: str
    days_before_panel: int = field(metadata=whole(0, 60))


@dataclass(frozen=True)
class ReportRule:
    clause: str = field(metadata=refers_to("clause"))
    name: str
    weekday: int = field(metadata=weekday_name())
    week_of_month: int = field(metadata=whole(1, 4))
    send_to: str = field(metadata=refers_to("contact"))


@dataclass(frozen=True)
class StrategyRule:
    clause: str = field(metadata=refers_to("clause"))
    name: str
    min_weeks: int = field(metadata=whole(1, 52))
    max_weeks: int = field(metadata=whole(1, 52))
    out_of_borough_clause: str = field(metadata=refers_to("clause"))
    out_of_borough_reminder: str

    def validate(self, path: str) -> None:
        if self.max_weeks < self.min_weeks:
            raise ProtocolError(
                f"{path}.max_weeks",
                f"expected at least min_weeks ({self.min_weeks}), got {self.max_weeks}",
            )


@dataclass(frozen=True)
class PanelChange:
    date: date
    reason: str
    moved_to: date | None = None
    cancelled: bool = False

    def validate(self, path: str) -> None:
        if self.cancelled == (self.moved_to is not None):
            raise ProtocolError(path, "expected either 'cancelled: true' or 'moved_to: YYYY-MM-DD'")


@dataclass(frozen=True)
class BankHoliday:
    date: date
    name: str


@dataclass(frozen=True)
class BankHolidays:
    country: str
    subdivision: str
    years_before: int = field(metadata=whole(0, 10))
    years_after: int = field(metadata=whole(0, 20))
    dates: tuple[BankHoliday, ...] = ()


@dataclass(frozen=True)
class Timing:
    mase_panel: MonthlyMeeting
    mase_referral: ReferralRule
    monthly_report: ReportRule
    strategy_meeting: StrategyRule
    panel_changes: tuple[PanelChange, ...]
    bank_holidays: BankHolidays

    def validate(self, path: str) -> None:
        """Each moved or cancelled panel must be a date the panel meets by the rule, listed once."""
        where = f"{path}.panel_changes"
        changes = self.panel_changes
        unique(((c.date, f"{where}[{i}].date") for i, c in enumerate(changes)), "panel date")
        rule = self.mase_panel
        for index, change in enumerate(changes):
            day = change.date
            scheduled = nth_weekday_of_month(day.year, day.month, rule.weekday, rule.week_of_month)
            if scheduled != day:
                raise ProtocolError(
                    f"{where}[{index}].date",
                    f"expected the date of a MASE panel by the rule ({ordinal(rule.week_of_month)} "
                    f"{day_name(rule.weekday)} of the month), got {day.isoformat()}; "
                    f"that month's panel is on {scheduled.isoformat()}",
                )
