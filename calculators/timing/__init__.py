"""The timing rules' engine: pure functions over the rules the protocol has, by kind.

- `registry.py`: the kinds and the questions asked of any rule by its id;
- `monthly.py`, `deadline.py`, `review.py`: each kind's dates and words;
- `days.py`: working days, with the bank holidays the protocol carries;
- `results.py`: what they answer (an `Occurrence`, a `Window`);
- `answers.py`: a case's due dates on a given day, put together from the rules (imported
  as `calculators.timing.answers`, not from here: it reads the dates form's checks).

Nothing here reads the clock or a file.
"""

from __future__ import annotations

from calculators.timing.days import (
    bank_holiday,
    is_working_day,
    previous_working_day,
    working_day_on_or_before,
    working_days_before,
)
from calculators.timing.registry import (
    KINDS,
    Kind,
    dated_rules,
    deadline_for,
    kind_of,
    months,
    next_occurrence,
    occurrences,
    occurrences_from,
    rule_words,
    window,
)
from calculators.timing.results import Occurrence, Window

__all__ = [
    "KINDS",
    "Kind",
    "Occurrence",
    "Window",
    "bank_holiday",
    "dated_rules",
    "deadline_for",
    "is_working_day",
    "kind_of",
    "months",
    "next_occurrence",
    "occurrences",
    "occurrences_from",
    "previous_working_day",
    "rule_words",
    "window",
    "working_day_on_or_before",
    "working_days_before",
]
