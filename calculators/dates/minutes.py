"""The strategy meeting minutes' dates (clauses 6.2 and 6.13), checked as the form is.

- The next meeting's date must fall after this meeting's date: a field problem on
  `next_meeting_date`, raised through `drafts.check_values`, so the form page, the
  command line and drafts all refuse it alike.
- Unless the child is placed out of borough, a next meeting more than `max_weeks`
  after this one gets a warning (not an error): the meeting may have agreed it, but
  6.2 sets 8-10 weeks as a minimum. The words are the handbook's, in protocol.yaml.

The template and field ids are named here once; `tests/calculators/test_minutes_dates.py`
checks that the protocol's template has them, with the types used here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from calculators.errors import FieldProblem
from calculators.protocol import Protocol, Template
from calculators.wording import clause_list, days, long_date

TEMPLATE = "strategy-meeting"
MEETING = "meeting_date"  # date: this meeting
NEXT = "next_meeting_date"  # date: the next meeting
OUT_OF_BOROUGH = "out_of_borough"  # choice: is the child placed out of borough?
YES = "Yes"


def _dates(template: Template, clean: Mapping[str, Any]) -> tuple[date, date] | None:
    if template.id != TEMPLATE:
        return None
    meeting, upcoming = clean.get(MEETING), clean.get(NEXT)
    if not (isinstance(meeting, str) and meeting and isinstance(upcoming, str) and upcoming):
        return None
    return date.fromisoformat(meeting), date.fromisoformat(upcoming)


def _label(template: Template, field_id: str) -> str:
    field = next(f for f in template.fields if f.id == field_id)
    return field.label.rstrip(" :")


def date_order_problems(template: Template, clean: Mapping[str, Any]) -> list[FieldProblem]:
    """The next meeting's date must be after this meeting's (checked values, ISO text)."""
    found = _dates(template, clean)
    if found is None or found[1] > found[0]:
        return []
    meeting, _ = found
    return [
        FieldProblem(
            NEXT,
            f"{_label(template, NEXT)} must be after the "
            f"{_label(template, MEETING)[0].lower()}{_label(template, MEETING)[1:]} "
            f"({long_date(meeting)})",
        )
    ]


def minutes_warnings(
    protocol: Protocol, template: Template, clean: Mapping[str, Any]
) -> list[FieldProblem]:
    """A next meeting more than `max_weeks` after this one, the child not out of borough."""
    found = _dates(template, clean)
    rule = protocol.timing.of_kind("recurring_review")[0]
    if found is None or clean.get(OUT_OF_BOROUGH) == YES:
        return []
    meeting, upcoming = found
    gap = (upcoming - meeting).days
    if gap <= rule.max_weeks * 7:
        return []
    weeks, extra = divmod(gap, 7)
    gap_words = f"{weeks} weeks" + (f" and {days(extra)}" if extra else "")
    message = rule.handbook_wording["minutes_far_apart"].format(
        gap=gap_words,
        min_weeks=rule.min_weeks,
        max_weeks=rule.max_weeks,
        clause=clause_list((rule.clause,)),
        oob_clause=clause_list((rule.out_of_borough_clause,)),
    )
    return [FieldProblem(NEXT, message)]
