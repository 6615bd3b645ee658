"""The training's request types reach their calculators through the bridge, errors as data."""

from __future__ import annotations

import json
from typing import Any

from calculators import bridge
from calculators.protocol import Protocol


def call(protocol: Protocol, request_type: str, payload: dict[str, Any]) -> dict[str, Any]:
    return json.loads(
        bridge.handle(protocol, json.dumps({"type": request_type, "payload": payload}))
    )


def test_scenario_check_quiz_and_language_check_answer_through_the_bridge(
    protocol: Protocol,
) -> None:
    scenario = protocol.scenarios[0]
    checked = call(
        protocol,
        "scenario_check",
        {"scenario": scenario.id, "indicators": list(scenario.indicators), "category": "1"},
    )
    assert checked["ok"] and checked["result"]["missed"] == []
    quiz = call(protocol, "quiz", {"seed": 3, "count": 5})
    assert quiz["ok"] and len(quiz["result"]["questions"]) == 5
    language = call(protocol, "language_check", {"text": "she consented"})
    assert language["ok"] and language["result"]["findings"][0]["term"] == "consented"


def test_bad_training_input_comes_back_as_a_named_problem(protocol: Protocol) -> None:
    response = call(protocol, "quiz", {"seed": "x", "count": 5})
    assert response == {
        "ok": False,
        "errors": [{"field": "seed", "message": "expected a whole number from 0"}],
    }
