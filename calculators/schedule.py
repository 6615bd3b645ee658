"""The names `calculators/training/` imports for dates, kept where it looks for them.

Every date is worked out by the timing engine (`calculators.timing`); a case's answers
on a given day are `calculators.timing.answers`. New code imports from there.
"""

from __future__ import annotations

from calculators.timing.answers import (
    dates_answer,
    next_panel,
    next_report,
    panels,
    panels_from,
    referable_panel,
    referral_rule,
    report_deadline,
    report_rule,
    review_rule,
    scheduled_panels,
    strategy_window,
)
from calculators.timing.days import add_weeks, is_working_day

__all__ = [
    "add_weeks",
    "dates_answer",
    "is_working_day",
    "next_panel",
    "next_report",
    "panels",
    "panels_from",
    "referable_panel",
    "referral_rule",
    "report_deadline",
    "report_rule",
    "review_rule",
    "scheduled_panels",
    "strategy_window",
]
