"""What every answer from the bridge must look like, for the tests that send it hostile input.

A helper module (like timing_helpers.py): it runs on CPython and inside Pyodide.
"""

from __future__ import annotations

import json
from typing import Any

from calculators import bridge
from calculators.protocol import Protocol

UNEXPECTED = bridge.UNEXPECTED.split("(")[0]


def call(protocol: Protocol, request: Any) -> dict[str, Any]:
    text = request if isinstance(request, str) else json.dumps(request, ensure_ascii=False)
    return json.loads(bridge.handle(protocol, text))


def assert_answered_as_data(response: dict[str, Any]) -> None:
    """`ok` with a result, or field problems, each a field name and a plain message."""
    if response["ok"] is True:
        assert set(response) == {"ok", "result"}
        return
    assert response["ok"] is False and set(response) == {"ok", "errors"}
    assert response["errors"]
    for problem in response["errors"]:
        assert set(problem) == {"field", "message"}
        assert isinstance(problem["field"], str) and isinstance(problem["message"], str)
        assert problem["message"] and "Traceback" not in problem["message"]
        assert not problem["message"].startswith(UNEXPECTED), problem


def problems_of(response: dict[str, Any]) -> dict[str, str]:
    assert response["ok"] is False, response
    assert_answered_as_data(response)
    return {p["field"]: p["message"] for p in response["errors"]}
