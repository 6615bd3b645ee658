"""recurring_review: the next meeting within min_weeks to max_weeks of the last one, or at an
interval agreed for a child placed out of the area (clause 6.13 in Newham's protocol)."""

from __future__ import annotations

from datetime import date, timedelta

from calculators.protocol import RecurringReview
from calculators.timing.results import Window


def words(rule: RecurringReview) -> str:
    """ "8-10 weeks"; "6 weeks" when the window is one length."""
    if rule.min_weeks == rule.max_weeks:
        return f"{rule.min_weeks} weeks" if rule.min_weeks != 1 else "1 week"
    return f"{rule.min_weeks}-{rule.max_weeks} weeks"


def interval_problem(rule: RecurringReview, weeks: int | None) -> str | None:
    """Why an agreed out-of-area interval cannot be used (None if it can): it must be
    given, and from the rule's `shortest_agreed_weeks` to its `longest_agreed_weeks`. The
    one check of an agreed interval: the page, the command line and `window` use it."""
    if weeks is None:
        return "expected the agreed interval in weeks"
    shortest, longest = rule.shortest_agreed_weeks, rule.longest_agreed_weeks
    if not shortest <= weeks <= longest:
        return f"expected from {shortest} to {longest} weeks, got {weeks}"
    return None


def window(rule: RecurringReview, last: date, agreed_weeks: int | None = None) -> Window:
    """The window for the next meeting after `last`: min_weeks to max_weeks after it,
    both ends included (the rule's clause); or, with an interval agreed out of the area,
    that many weeks after it (out_of_borough_clause). ValueError for an unusable interval."""
    if agreed_weeks is None:
        return Window(
            rule=rule.id,
            last=last,
            earliest=last + timedelta(weeks=rule.min_weeks),
            latest=last + timedelta(weeks=rule.max_weeks),
            clauses=(rule.clause,),
        )
    problem = interval_problem(rule, agreed_weeks)
    if problem:
        raise ValueError(f"timing.{rule.id}: agreed interval {problem}")
    due = last + timedelta(weeks=agreed_weeks)
    return Window(
        rule=rule.id,
        last=last,
        earliest=due,
        latest=due,
        clauses=(rule.out_of_borough_clause,),
        interval_weeks=agreed_weeks,
    )
