"""The quiz: every answer is what the schedule and risk calculators say, every wrong choice wrong."""

from __future__ import annotations

import copy
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.protocol import Protocol, protocol_from_mapping
from calculators.risk.listing import copies, words
from calculators.risk.words import listing
from calculators.timing import deadline_for
from calculators.timing.answers import (
    next_report,
    referable_panel,
    strategy_window,
)
from calculators.training.quiz import (
    KINDS,
    check_request,
    generate,
    handle_quiz,
    lengths,
    question_data,
)
from calculators.training.quiz_summary import cited, cites, summarise
from calculators.wording import long_date

WEEK = timedelta(days=7)


def expected_answer(protocol: Protocol, kind: str, facts: dict[str, Any]) -> str:
    """The right choice, worked out again from the question's facts by the calculators."""
    if kind == "referral_deadline":
        panel = date.fromisoformat(facts["panel"])
        return long_date(deadline_for(protocol, "mase_referral", panel).date)
    if kind == "referable_panel":
        panel, _ = referable_panel(protocol, date.fromisoformat(facts["today"]))
        return long_date(panel.date)
    if kind == "report_due":
        return long_date(next_report(protocol, date.fromisoformat(facts["today"])).due.date)
    if kind == "strategy_latest":
        last = date.fromisoformat(facts["last"])
        window = strategy_window(
            protocol,
            last,
            last,
            out_of_borough=facts["out_of_borough"],
            interval_weeks=facts["interval_weeks"],
        )
        return long_date(window.latest)
    if kind == "risk_category":  # the highest column listing any of them, whichever copy
        ticked = [protocol.indicator(i) for i in facts["indicators"]]
        columns = [
            c.category
            for i in ticked
            for c in protocol.domain(i.domain).indicators
            if words(c.text) == words(i.text)
        ]
        return protocol.risk_rule.name_of(max(columns))
    raise AssertionError(f"unknown kind {kind}")


def test_over_a_thousand_questions_every_answer_agrees_and_every_wrong_choice_is_wrong(
    protocol: Protocol,
) -> None:
    questions = [q for seed in range(4) for q in generate(protocol, seed, 260)]
    assert len(questions) >= 1000
    for question in questions:
        data = question_data(question)
        right = expected_answer(protocol, data["kind"], data["facts"])
        assert data["choices"][data["answer"]] == right, data
        wrong = [c for i, c in enumerate(data["choices"]) if i != data["answer"]]
        assert right not in wrong, data
        assert len(set(data["choices"])) == len(data["choices"]) >= 3, data


def test_the_same_seed_gives_the_same_questions_and_another_seed_others(
    protocol: Protocol,
) -> None:
    first = [question_data(q) for q in generate(protocol, 11, 20)]
    assert first == [question_data(q) for q in generate(protocol, 11, 20)]
    assert first != [question_data(q) for q in generate(protocol, 12, 20)]


@pytest.mark.parametrize("seed", [0, 1, 7, 2026])
def test_every_kind_appears_within_eighty_questions(protocol: Protocol, seed: int) -> None:
    kinds = Counter(q.kind for q in generate(protocol, seed, 80))
    assert set(kinds) == set(KINDS)


def test_the_facts_are_the_questions_inputs_as_iso_dates_and_ids(protocol: Protocol) -> None:
    expected = {
        "referral_deadline": {"panel"},
        "referable_panel": {"today"},
        "report_due": {"today"},
        "strategy_latest": {"last", "out_of_borough", "interval_weeks"},
        "risk_category": {"indicators"},
    }
    for question in generate(protocol, 5, 25):
        assert set(question.facts) == expected[question.kind]
        for key in ("panel", "today", "last"):
            if key in question.facts:
                date.fromisoformat(question.facts[key])


def test_strategy_questions_ask_for_the_latest_date_in_and_out_of_borough_clauses_6_2_6_13(
    protocol: Protocol,
) -> None:
    questions = [q for q in generate(protocol, 9, 200) if q.kind == "strategy_latest"]
    assert {q.facts["out_of_borough"] for q in questions} == {True, False}
    for question in questions:
        assert "at the latest" in question.prompt
        assert question.clause == ("6.13" if question.facts["out_of_borough"] else "6.2")


def test_choices_name_dates_as_the_pages_do(protocol: Protocol) -> None:
    for question in generate(protocol, 4, 20):
        if question.kind != "risk_category":
            for choice in question.choices:
                weekday, day, month, year = choice.split(" ")
                assert weekday.endswith("day") and day.isdigit() and year.isdigit()


def test_the_bridge_gives_each_question_an_explanation_citing_each_clause_once(
    protocol: Protocol,
) -> None:
    result = handle_quiz(protocol, {"seed": 2, "count": 60})
    assert len(result["questions"]) == 60
    for question in result["questions"]:
        assert question["choices"][question["answer"]] in question["explanation"]
        assert question["clauses"][0] == question["clause"]
        for clause in question["clauses"]:
            assert cites(question["explanation"], clause) == 1, question
    risk = next(q for q in result["questions"] if q["kind"] == "risk_category")
    assert risk["clauses"] == list(protocol.risk_rule.clauses)


def test_a_clause_already_named_is_not_cited_again() -> None:
    assert cited("Set by the meeting (clauses 6.3 and 6.9).", ("6.3", "6.9")) == (
        "Set by the meeting (clauses 6.3 and 6.9)."
    )
    assert cited("Set by the meeting.", ("6.3",)) == "Set by the meeting (clause 6.3)."
    assert cited("Set (clause 6.1).", ("6.1", "6.10")) == "Set (clause 6.1). See also clause 6.10."
    assert cites("clauses 6.1 and 6.10", "6.1") == cites("clauses 6.1 and 6.10", "6.10") == 1


def test_the_quiz_is_as_long_as_the_learner_chooses_and_a_full_run_by_default(
    protocol: Protocol,
) -> None:
    assert lengths(protocol) == (len(KINDS), 2 * len(KINDS), 4 * len(KINDS))
    assert len(handle_quiz(protocol, {"seed": 1})["questions"]) == len(KINDS)
    for length in lengths(protocol):
        questions = handle_quiz(protocol, {"seed": 8, "count": length})["questions"]
        assert len(questions) == length
        assert {q["kind"] for q in questions} == set(KINDS)


def test_the_summary_lists_each_wrong_answer_with_its_answer_and_clauses_to_reread_once(
    protocol: Protocol,
) -> None:
    questions = generate(protocol, 6, 20)
    answers = [
        q.answer if n % 3 else (q.answer + 1) % len(q.choices) for n, q in enumerate(questions)
    ]
    summary = summarise(questions, answers)
    wrong = [n for n, q in enumerate(questions) if answers[n] != q.answer]
    assert (summary.asked, summary.right) == (20, 20 - len(wrong))
    assert [m.number for m in summary.mistakes] == [n + 1 for n in wrong]
    for mistake, n in zip(summary.mistakes, wrong, strict=True):
        assert mistake.right == questions[n].choices[questions[n].answer]
        assert mistake.chosen == questions[n].choices[answers[n]]
        assert mistake.clauses == questions[n].clauses
    expected = {c for n in wrong for c in questions[n].clauses}
    assert sorted(summary.reread) == sorted(expected)  # each once
    data = handle_quiz(protocol, {"seed": 6, "count": 20, "answers": answers})["summary"]
    assert data["score"] == f"You answered {20 - len(wrong)} of 20 questions right."
    assert len(data["mistakes"]) == len(wrong)
    assert f"The answer is {summary.mistakes[0].right}" in data["mistakes"][0]
    order = [c.id for c in protocol.clauses]
    ids = [c["id"] for c in data["reread"]]
    assert ids == sorted(expected, key=order.index)


def test_a_quiz_answered_right_throughout_has_nothing_to_reread(protocol: Protocol) -> None:
    questions = generate(protocol, 2, 5)
    summary = summarise(questions, [q.answer for q in questions])
    assert (summary.right, summary.mistakes, summary.reread) == (5, (), ())
    part = summarise(questions, [q.answer for q in questions[:2]])
    assert (part.asked, part.right) == (2, 2)


@pytest.mark.parametrize("answers", ["0", [0, "1"], [True], [-1], [99], [0] * 6])
def test_bad_answers_are_named(protocol: Protocol, answers: Any) -> None:
    with pytest.raises(InputError) as raised:
        handle_quiz(protocol, {"seed": 1, "count": 5, "answers": answers})
    assert [p.field for p in raised.value.problems] == ["answers"]


def with_empty_level(data: dict[str, Any]) -> tuple[Protocol, int]:
    """The protocol with one level more, above the others, that lists no indicator (issue 19)."""
    variant = copy.deepcopy(data)
    levels = variant["categories"]["levels"]
    number = levels[-1]["number"] + 1
    levels.append({**levels[-1], "number": number, "name": "Unlisted level"})
    prompts = variant["risk_rule"]["prompts"]
    prompts.append({**prompts[-1], "category": number})
    return protocol_from_mapping(variant), number


def test_6_3_a_level_without_indicators_is_never_the_answer_and_nothing_crashes(
    protocol_data: dict[str, Any],
) -> None:
    variant, emptied = with_empty_level(protocol_data)
    assert not variant.domain(variant.categories.domains[0].id).in_category(emptied)
    name = variant.risk_rule.name_of(emptied)
    for seed in range(40):
        questions = generate(variant, seed, 10)
        risk = [q for q in questions if q.kind == "risk_category"]
        assert len(risk) == 2
        assert all(q.choices[q.answer] != name for q in risk)


@pytest.mark.parametrize(
    ("seed", "count", "field"),
    [(-1, 5, "seed"), ("7", 5, "seed"), (True, 5, "seed"), (1, 0, "count"), (1, 10**6, "count")],
)
def test_a_bad_seed_or_count_is_named(seed: Any, count: Any, field: str) -> None:
    with pytest.raises(InputError) as raised:
        check_request(seed, count)
    assert [p.field for p in raised.value.problems] == [field]


def test_wrong_choices_are_the_usual_mistakes(protocol: Protocol) -> None:
    """The panel date given as the deadline, a week out, the wrong Thursday."""
    panel_as_deadline = week_out = wrong_thursday = 0
    for question in generate(protocol, 3, 300):
        if question.kind != "referral_deadline":
            continue
        panel = date.fromisoformat(question.facts["panel"])
        right = deadline_for(protocol, "mase_referral", panel).date
        choices = set(question.choices)
        panel_as_deadline += long_date(panel) in choices
        week_out += bool({long_date(right - WEEK), long_date(right + WEEK)} & choices)
        report = next_report(protocol, right.replace(day=1)).due.date
        wrong_thursday += long_date(report) in choices and report != right
    assert panel_as_deadline and week_out and wrong_thursday


def test_6_3_a_risk_question_names_every_column_that_lists_a_repeated_indicator(
    protocol: Protocol,
) -> None:
    questions = [q for q in generate(protocol, 11, 400) if q.kind == "risk_category"]
    repeated_drawn = 0
    for question in questions:
        for indicator_id in question.facts["indicators"]:
            indicator = protocol.indicator(indicator_id)
            domain = protocol.domain(indicator.domain).name
            assert f"“{indicator.text}” ({domain}, {listing(protocol, indicator)})" in (
                question.prompt
            )
            repeated_drawn += len(copies(protocol, indicator)) > 1
    assert repeated_drawn > 10
    assert all("column" in q.prompt and "highest category" not in q.prompt for q in questions)


def test_6_9_a_risk_question_on_a_copy_has_the_answer_of_any_other_copy(
    protocol: Protocol,
) -> None:
    questions = [q for q in generate(protocol, 5, 400) if q.kind == "risk_category"]
    swapped = 0
    for question in questions:
        answer = expected_answer(protocol, question.kind, dict(question.facts))
        for n, indicator_id in enumerate(question.facts["indicators"]):
            for other in copies(protocol, protocol.indicator(indicator_id)):
                ids = list(question.facts["indicators"])
                ids[n] = other.id
                assert expected_answer(protocol, question.kind, {"indicators": ids}) == answer
                swapped += other.id != indicator_id
        assert question.choices[question.answer] == answer
    assert swapped > 10
