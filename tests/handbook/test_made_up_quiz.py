"""The quiz on the made-up protocol (tests/fixtures) when a level lists no indicator (issue 19)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from calculators.protocol import Protocol, protocol_from_mapping
from calculators.training.quiz import KINDS, generate, handle_quiz, lengths
from calculators.training.quiz_summary import cites
from handbook.build.loader import load_protocol
from handbook.build.protocol_json import with_bank_holidays

MADE_UP = Path(__file__).resolve().parent.parent / "fixtures" / "made_up_protocol.yaml"


@pytest.fixture(scope="module")
def level_without_indicators() -> tuple[Protocol, int]:
    """The made-up protocol, its highest level's indicators taken out (built here, not in
    the shared fixture)."""
    data = copy.deepcopy(with_bank_holidays(load_protocol(MADE_UP).data))
    top = max(level["number"] for level in data["categories"]["levels"])
    for domain in data["categories"]["domains"]:
        domain["indicators"] = [i for i in domain["indicators"] if i.get("category") != top]
    return protocol_from_mapping(data), top


def test_6_2_no_seed_crashes_and_the_empty_level_is_never_the_answer(
    level_without_indicators: tuple[Protocol, int],
) -> None:
    protocol, empty = level_without_indicators
    assert not any(i.category == empty for i in protocol.indicators)
    name = protocol.risk_rule.name_of(empty)
    for seed in range(50):
        risk = [q for q in generate(protocol, seed, 10) if q.kind == "risk_category"]
        assert len(risk) == 2
        assert all(q.choices[q.answer] != name for q in risk)


def test_the_default_length_is_a_run_of_each_kind_and_each_clause_is_cited_once(
    level_without_indicators: tuple[Protocol, int],
) -> None:
    protocol, _ = level_without_indicators
    assert lengths(protocol)[0] == len(KINDS)
    questions = handle_quiz(protocol, {"seed": 3, "count": 40})["questions"]
    for question in questions:
        for clause in question["clauses"]:
            assert cites(question["explanation"], clause) == 1, question
