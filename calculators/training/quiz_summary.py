"""The end of a quiz: the score, each question answered wrongly with its right answer
and clauses, and the clauses to reread, each once, in the directive's order.

The questions are those `calculators.training.quiz.generate` gave for the seed; the
answers are the choices the learner made, one per question asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from calculators.errors import FieldProblem, InputError
from calculators.protocol import Protocol
from calculators.wording import clause_list

if TYPE_CHECKING:
    from calculators.training.quiz import Question

TITLE = "Your summary"
SCORE = "You answered {right} of {asked} questions right."
ALL_RIGHT = "Every answer was right."
MISTAKES_TITLE = "Answered wrongly"
MISTAKE = "Question {number}: {prompt} You chose {chosen}. The answer is {right} ({clauses})."
REREAD_TITLE = "Clauses to reread"
_CITED = r"(?<![\d.]){}(?![\d]|\.\d)"  # a clause number, not a longer one


@dataclass(frozen=True)
class Mistake:
    number: int  # the question's place in the quiz, from 1
    prompt: str
    chosen: str
    right: str
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    asked: int
    right: int
    mistakes: tuple[Mistake, ...]
    reread: tuple[str, ...]  # each clause a wrong answer rests on, once


def cited(text: str, clauses: tuple[str, ...]) -> str:
    """`text` citing each of `clauses` once: those it does not name already are added."""
    missing = tuple(c for c in clauses if not cites(text, c))
    if not missing:
        return text
    if len(missing) == len(clauses):
        return f"{text.rstrip('.')} ({clause_list(missing)})."
    return f"{text.rstrip()} See also {clause_list(missing)}."


def cites(text: str, clause_id: str) -> int:
    """How many times `text` names this clause number (6.1 is not 6.10)."""
    return len(re.findall(_CITED.format(re.escape(clause_id)), text))


def summarise(questions: Sequence[Question], answers: Sequence[int]) -> Summary:
    """The score over the questions answered (the first len(answers)) and what to reread."""
    mistakes = tuple(
        Mistake(n, q.prompt, q.choices[a], q.choices[q.answer], q.clauses)
        for n, (q, a) in enumerate(zip(questions, answers, strict=False), start=1)
        if a != q.answer
    )
    reread = tuple(dict.fromkeys(c for m in mistakes for c in m.clauses))
    return Summary(len(answers), len(answers) - len(mistakes), mistakes, reread)


def _order(protocol: Protocol, clauses: tuple[str, ...]) -> tuple[str, ...]:
    place = {c.id: n for n, c in enumerate(protocol.clauses)}
    return tuple(sorted(clauses, key=lambda c: place.get(c, len(place))))


def summary_data(protocol: Protocol, summary: Summary) -> dict[str, Any]:
    """The summary as the page shows it: lines of text and the clauses to link."""
    return {
        "title": TITLE,
        "score": SCORE.format(right=summary.right, asked=summary.asked),
        "all_right": ALL_RIGHT if not summary.mistakes else "",
        "mistakes_title": MISTAKES_TITLE if summary.mistakes else "",
        "mistakes": [
            MISTAKE.format(
                number=m.number,
                prompt=m.prompt,
                chosen=m.chosen,
                right=m.right,
                clauses=clause_list(m.clauses),
            )
            for m in summary.mistakes
        ],
        "reread_title": REREAD_TITLE if summary.reread else "",
        "reread": [
            {"id": c, "text": clause_list((c,)).capitalize()}
            for c in _order(protocol, summary.reread)
        ],
    }


def check_answers(answers: Any, questions: Sequence[Question]) -> tuple[int, ...]:
    """One choice (its index) per question asked so far, or InputError naming "answers"."""
    if (
        not isinstance(answers, list)
        or len(answers) > len(questions)
        or not all(
            isinstance(a, int) and not isinstance(a, bool) and 0 <= a < len(q.choices)
            for a, q in zip(answers, questions, strict=False)
        )
    ):
        raise InputError(
            [
                FieldProblem(
                    "answers",
                    f"expected a list of up to {len(questions)} choices, each a choice's number",
                )
            ]
        )
    return tuple(answers)
