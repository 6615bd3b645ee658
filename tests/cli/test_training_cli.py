"""`python -m cli scenarios` and `quiz`, as the issue specifies them."""

from __future__ import annotations

import json
from typing import Any

Run = Any


def test_scenarios_json_lists_each_scenario_with_the_keys_the_issue_names(run: Run) -> None:
    result = run("scenarios", "--json")
    assert result.returncode == 0, result.stderr
    scenarios = json.loads(result.stdout)
    assert len(scenarios) >= 8
    for scenario in scenarios:
        assert set(scenario) == {
            "id",
            "title",
            "text",
            "indicators",
            "model_category",
            "out_of_borough",
            "differs_because",
            "clauses",
        }
        assert scenario["model_category"] in (None, 1, 2, 3)
        assert isinstance(scenario["out_of_borough"], bool)
        assert all(isinstance(i, str) for i in scenario["indicators"])


def test_scenarios_model_categories_agree_with_the_risk_command_clauses_6_3_6_9(run: Run) -> None:
    for scenario in json.loads(run("scenarios", "--json").stdout):
        args = [a for i in scenario["indicators"] for a in ("--indicator", i)]
        risk = json.loads(run("risk", *args, "--json").stdout)
        if risk["category"] != scenario["model_category"]:
            assert scenario["differs_because"], scenario["id"]


def test_quiz_json_prints_count_questions_and_the_same_seed_repeats(run: Run) -> None:
    first = run("quiz", "--seed", "4", "--count", "12", "--json")
    assert first.returncode == 0, first.stderr
    questions = json.loads(first.stdout)
    assert len(questions) == 12
    for question in questions:
        assert set(question) == {"kind", "prompt", "choices", "answer", "clause", "facts"}
        assert 0 <= question["answer"] < len(question["choices"])
    assert json.loads(run("quiz", "--seed", "4", "--count", "12", "--json").stdout) == questions
    assert json.loads(run("quiz", "--seed", "5", "--count", "12", "--json").stdout) != questions


def test_every_kind_appears_within_eighty_questions(run: Run) -> None:
    questions = json.loads(run("quiz", "--seed", "80", "--count", "80", "--json").stdout)
    assert {q["kind"] for q in questions} == {
        "referral_deadline",
        "referable_panel",
        "report_due",
        "strategy_latest",
        "risk_category",
    }


def test_a_bad_count_exits_2_naming_the_field(run: Run) -> None:
    result = run("quiz", "--seed", "1", "--count", "0", "--json")
    assert result.returncode == 2
    assert "count:" in result.stderr and "Traceback" not in result.stderr
