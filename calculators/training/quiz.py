"""A quiz computed from the rules: seeded multiple-choice questions.

Every answer is worked out by the calculators the practitioners use
(`calculators.timing` for dates, `calculators.risk.listing` for the columns
that list an indicator), never here. A risk question counts an indicator as one
fact whichever column's copy was drawn: it names every column that lists the
same words, and one column only where the wording is that column's own. The wrong choices are the mistakes people make: a week out, the wrong
Thursday (the panel's for the report's), the panel date given as the deadline.
Dates are named as the pages name them ("Thursday 4 March 2027").

The same seed gives the same questions. Each run of five questions has one of
each kind, so every kind appears in any ten questions in a row.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from calculators.clause_text import plain_text
from calculators.dates.words import in_sentence, rule_sentence
from calculators.errors import FieldProblem, InputError
from calculators.protocol import Protocol
from calculators.risk.listing import listed_under
from calculators.risk.words import listing
from calculators.timing import deadline_for
from calculators.timing.answers import (
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
from calculators.training.quiz_summary import check_answers, cited, summarise, summary_data
from calculators.wording import clause_list, long_date

KINDS = ("referral_deadline", "referable_panel", "report_due", "strategy_latest", "risk_category")
MAX_QUESTIONS = 5_000
MAX_SEED = 2**63 - 1
DATE_CHOICES = 4
YEARS = 3  # questions fall between the protocol's effective date and three years on
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Question:
    kind: str
    prompt: str
    choices: tuple[str, ...]
    answer: int
    clauses: tuple[str, ...]
    facts: Mapping[str, Any]
    explanation: str

    @property
    def clause(self) -> str:
        """The first clause the answer rests on."""
        return self.clauses[0]


# Generating ---------------------------------------------------------------------


def kinds_for(protocol: Protocol) -> tuple[str, ...]:
    """The kinds this protocol can ask: no risk question without a level that has indicators."""
    return tuple(k for k in KINDS if k != "risk_category" or _drawable_levels(protocol))


def lengths(protocol: Protocol) -> tuple[int, ...]:
    """The quiz lengths a learner chooses from, the first (the default) one run of each kind."""
    run = len(kinds_for(protocol))
    return (run, 2 * run, 4 * run)


def generate(protocol: Protocol, seed: int, count: int) -> tuple[Question, ...]:
    """`count` questions from this seed: each run has every kind the protocol can ask once."""
    rng = random.Random(seed)
    questions: list[Question] = []
    while len(questions) < count:
        kinds = list(kinds_for(protocol))
        rng.shuffle(kinds)
        for kind in kinds[: count - len(questions)]:
            questions.append(_one(protocol, rng, kind))
    return tuple(questions)


def _one(protocol: Protocol, rng: random.Random, kind: str) -> Question:
    make = MAKERS[kind]
    while True:  # a draw whose answer is not a working day is drawn again
        question = make(protocol, rng)
        if question is not None:
            return question


def _day(protocol: Protocol, rng: random.Random) -> date:
    start = protocol.metadata.effective_date
    end = date(start.year + YEARS, 1, 1)
    return start + timedelta(days=rng.randrange((end - start).days))


def _choices(
    rng: random.Random, right: str, wrong: list[str], size: int
) -> tuple[tuple[str, ...], int]:
    """The right choice and up to size-1 distinct wrong ones, shuffled; the answer's index."""
    picked: list[str] = []
    for choice in wrong:
        if choice != right and choice not in picked:
            picked.append(choice)
    options = [right, *picked[: size - 1]]
    rng.shuffle(options)
    return tuple(options), options.index(right)


def _sentence(words: str, clauses: tuple[str, ...]) -> str:
    """A rule in words with its clauses, as one sentence ending "(clause 4.6)."."""
    return f"{words.rstrip('.')} ({clause_list(clauses)})."


def _date_question(
    protocol: Protocol,
    rule: Any,
    kind: str,
    prompt: str,
    picked: tuple[tuple[str, ...], int],
    facts: dict[str, Any],
    lead: str,
) -> Question:
    """A question whose answer is a date a timing rule gives: the explanation is `lead`,
    then the rule in words with its clause."""
    choices, answer = picked
    rule_text = _sentence(rule_sentence(protocol, rule.id), (rule.clause,))
    return Question(kind, prompt, choices, answer, (rule.clause,), facts, f"{lead} {rule_text}")


def _clause_words(protocol: Protocol, clause_id: str) -> str:
    """A clause's own text, its references resolved."""
    return plain_text(protocol, protocol.clause(clause_id).text)


def _dates(rng: random.Random, right: date, wrong: list[date]) -> tuple[tuple[str, ...], int]:
    return _choices(rng, long_date(right), [long_date(d) for d in wrong], DATE_CHOICES)


# One maker per kind -------------------------------------------------------------


def _named(rule: Any) -> str:
    return in_sentence(rule.name)


def _referral_deadline(protocol: Protocol, rng: random.Random) -> Question | None:
    rule = referral_rule(protocol)
    day = _day(protocol, rng)
    meeting = rng.choice(panels(protocol, day.year))
    panel = meeting.date
    due = deadline_for(protocol, rule.id, panel).date
    if meeting.bank_holiday or not is_working_day(protocol, due):
        return None
    report = report_deadline(protocol, due.year, due.month).date
    return _date_question(
        protocol,
        rule,
        "referral_deadline",
        f"The {_named(protocol.timing.rule(rule.meeting))} meets on {long_date(panel)}. "
        f"When is the {_named(rule)} for it?",
        _dates(rng, due, [panel, due - WEEK, due + WEEK, report, due - 2 * WEEK]),
        {"panel": panel.isoformat()},
        f"{long_date(due)}.",
    )


def _referable_panel(protocol: Protocol, rng: random.Random) -> Question | None:
    rule = referral_rule(protocol)
    target = next_panel(protocol, _day(protocol, rng)).date
    today = target - timedelta(days=rng.randrange(28))  # often just before a deadline
    panel, due = referable_panel(protocol, today)
    if due.submit_by is not None or panel.bank_holiday:
        return None
    nearest = next_panel(protocol, today).date
    following = next(panels_from(protocol, panel.date + timedelta(days=1))).date
    report = report_deadline(protocol, panel.date.year, panel.date.month).date
    picked = _dates(
        rng, panel.date, [nearest, following, report, panel.date + WEEK, panel.date - WEEK]
    )
    meeting = _named(protocol.timing.rule(rule.meeting))
    missed = (
        f" The {_named(rule)} for the {meeting} on {long_date(nearest)} has passed."
        if nearest != panel.date
        else ""
    )
    return _date_question(
        protocol,
        rule,
        "referable_panel",
        f"Today is {long_date(today)} and a referral is ready to send. Which is the first "
        f"{meeting} it can go to?",
        picked,
        {"today": today.isoformat()},
        f"The {meeting} on {long_date(panel.date)}: its {_named(rule)}, "
        f"{long_date(due.date)}, is today or later.{missed}",
    )


def _report_due(protocol: Protocol, rng: random.Random) -> Question | None:
    today = _day(protocol, rng)
    report = next_report(protocol, today)
    due = report.due.date
    if report.due.submit_by is not None:
        return None
    panel = scheduled_panels(protocol, due.year)[due.month - 1].scheduled
    before = due.replace(day=1) - timedelta(days=1)
    previous = report_deadline(protocol, before.year, before.month).date
    return _date_question(
        protocol,
        report_rule(protocol),
        "report_due",
        f"Today is {long_date(today)}. When is the next {_named(report_rule(protocol))}?",
        _dates(rng, due, [panel, due + WEEK, due - WEEK, previous]),
        {"today": today.isoformat()},
        f"{long_date(due)}.",
    )


def _strategy_latest(protocol: Protocol, rng: random.Random) -> Question | None:
    rule = review_rule(protocol)
    last = _day(protocol, rng)
    if not is_working_day(protocol, last):
        return None
    out_of_borough = rng.random() < 0.4
    interval = rng.randint(rule.max_weeks + 2, 26) if out_of_borough else None
    window = strategy_window(
        protocol, last, last, out_of_borough=out_of_borough, interval_weeks=interval
    )
    latest = window.latest
    if not is_working_day(protocol, latest):
        return None
    wrong = [
        add_weeks(last, rule.max_weeks) if out_of_borough else add_weeks(last, rule.min_weeks),
        latest + WEEK,
        latest - WEEK,
        latest + 2 * WEEK,
    ]
    choices, answer = _dates(rng, latest, wrong)
    where = (
        f"The child is placed out of borough, and the meeting agreed to meet every {interval} "
        "weeks."
        if out_of_borough
        else "The child lives in the borough."
    )
    return Question(
        kind="strategy_latest",
        prompt=(
            f"The last {_named(rule)} was on {long_date(last)}. {where} By when must the "
            f"next {_named(rule)} be held at the latest?"
        ),
        choices=choices,
        answer=answer,
        clauses=tuple(window.clauses),
        facts={
            "last": last.isoformat(),
            "out_of_borough": out_of_borough,
            "interval_weeks": interval,
        },
        explanation=f"{long_date(latest)} at the latest. "
        + " ".join(f"Clause {c}: “{_clause_words(protocol, c)}”" for c in window.clauses),
    )


def _drawable_levels(protocol: Protocol) -> tuple[int, ...]:
    """The levels at least one indicator is listed under (a level may have none)."""
    listed = {i.category for i in protocol.indicators}
    return tuple(n for n in protocol.categories.numbers if n in listed)


def _risk_category(protocol: Protocol, rng: random.Random) -> Question | None:
    target = rng.choice(_drawable_levels(protocol))
    top = [i for i in protocol.indicators if i.category == target]
    below = [i for i in protocol.indicators if i.category is not None and i.category <= target]
    chosen = [rng.choice(top)]
    for extra in rng.sample(below, rng.randrange(min(4, len(below) + 1))):
        if extra not in chosen:
            chosen.append(extra)
    rng.shuffle(chosen)
    ids = [i.id for i in chosen]
    rule = protocol.risk_rule
    category = max(max(listed_under(protocol, i)) for i in chosen)
    names = [rule.name_of(n) for n in protocol.categories.numbers]
    choices, answer = _choices(rng, rule.name_of(category), names, len(names))
    cells = "; ".join(
        f"“{i.text}” ({protocol.domain(i.domain).name}, {listing(protocol, i)})" for i in chosen
    )
    top = [i for i in chosen if max(listed_under(protocol, i)) == category]
    repeated = (
        " "
        + rule.repeated_only.format(
            indicators="; ".join(
                rule.listed_under.format(indicator=i.text, categories=listing(protocol, i))
                for i in top
            ),
            category=rule.name_of(category),
        )
        if all(len(listed_under(protocol, i)) > 1 for i in top)
        else ""
    )
    return Question(
        kind="risk_category",
        prompt=rule.quiz_question.format(indicators=cells),
        choices=tuple(choices),
        answer=answer,
        clauses=tuple(rule.clauses),
        facts={"indicators": ids},
        explanation=cited(
            f"{rule.name_of(category)}.{repeated} {rule.decision_support}", tuple(rule.clauses)
        ),
    )


MAKERS: Mapping[str, Callable[[Protocol, random.Random], Question | None]] = {
    "referral_deadline": _referral_deadline,
    "referable_panel": _referable_panel,
    "report_due": _report_due,
    "strategy_latest": _strategy_latest,
    "risk_category": _risk_category,
}


# Data ---------------------------------------------------------------------------------


def question_data(question: Question) -> dict[str, Any]:
    """The question as the command line prints it."""
    return {
        "kind": question.kind,
        "prompt": question.prompt,
        "choices": list(question.choices),
        "answer": question.answer,
        "clause": question.clause,
        "facts": dict(question.facts),
    }


def check_request(seed: Any, count: Any) -> tuple[int, int]:
    """A seed (a whole number from 0) and a count (1 to MAX_QUESTIONS), or InputError."""
    problems = []
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        problems.append(FieldProblem("seed", "expected a whole number from 0"))
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_QUESTIONS:
        problems.append(
            FieldProblem("count", f"expected a whole number of questions from 1 to {MAX_QUESTIONS}")
        )
    if problems:
        raise InputError(problems)
    return seed, count


def handle_quiz(protocol: Protocol, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Bridge entry: {"seed": n, "count": k} -> k questions, each with its explanation;
    with "answers" (the choice made for each question so far) the summary too."""
    seed, count = check_request(payload.get("seed"), payload.get("count", lengths(protocol)[0]))
    questions = generate(protocol, seed, count)
    result: dict[str, Any] = {"seed": seed, "questions": []}
    for question in questions:
        data = question_data(question)
        data["clauses"] = list(question.clauses)
        data["explanation"] = question.explanation
        result["questions"].append(data)
    if "answers" in payload:
        answers = check_answers(payload["answers"], questions)
        result["summary"] = summary_data(protocol, summarise(questions, answers))
    return result
