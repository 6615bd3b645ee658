"""The browser bridge: JSON in, JSON out, every failure as data (runs on CPython and Pyodide)."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from calculators import bridge
from calculators.errors import InputError
from calculators.protocol import Protocol, ProtocolError


def call(protocol: Protocol, request: Any, **options: Any) -> dict[str, Any]:
    text = request if isinstance(request, str) else json.dumps(request)
    return json.loads(bridge.handle(protocol, text, **options))


def assert_problem(response: dict[str, Any], field: str) -> str:
    assert response["ok"] is False
    assert set(response) == {"ok", "errors"}
    assert [problem["field"] for problem in response["errors"]] == [field]
    message = response["errors"][0]["message"]
    assert isinstance(message, str) and message
    assert "Traceback" not in message
    return message


def test_load_protocol_reads_the_sites_json(protocol_json_text: str, protocol: Protocol) -> None:
    assert bridge.load_protocol(protocol_json_text) == protocol


def test_load_protocol_rejects_an_invalid_protocol() -> None:
    with pytest.raises(ProtocolError):
        bridge.load_protocol('{"metadata": {}}')


def test_ping_reports_versions_and_known_types(protocol: Protocol) -> None:
    response = call(protocol, {"type": "ping", "payload": {}})
    assert response["ok"] is True
    assert response["result"]["protocol_version"] == protocol.metadata.version
    assert response["result"]["types"] == sorted(bridge.HANDLERS)
    assert {"ping", "risk"} <= set(response["result"]["types"])


def test_payload_may_be_left_out(protocol: Protocol) -> None:
    assert call(protocol, {"type": "ping"})["ok"] is True


def test_risk_request_returns_the_calculators_result(protocol: Protocol) -> None:
    indicator = protocol.indicators[0]
    response = call(protocol, {"type": "risk", "payload": {"indicators": [indicator.id]}})
    assert response["ok"] is True
    expected = bridge.handler("risk")(protocol, {"indicators": [indicator.id]})
    assert response["result"] == json.loads(json.dumps(expected))


def test_bad_risk_input_comes_back_as_field_problems(protocol: Protocol) -> None:
    response = call(protocol, {"type": "risk", "payload": {"indicators": ["no-such-indicator"]}})
    assert response["ok"] is False
    assert response["errors"]
    for problem in response["errors"]:
        assert set(problem) == {"field", "message"}
        assert problem["field"] and problem["message"]


def test_unknown_type_names_the_type_field(protocol: Protocol) -> None:
    message = assert_problem(call(protocol, {"type": "launch", "payload": {}}), "type")
    assert "'launch'" in message and "risk" in message


@pytest.mark.parametrize("request_type", [None, 3, ["risk"]])
def test_missing_or_odd_type_is_unknown(protocol: Protocol, request_type: Any) -> None:
    assert_problem(call(protocol, {"type": request_type}), "type")


@pytest.mark.parametrize("text", ["", "{", "not json", '{"type": "ping",}'])
def test_text_that_is_not_json_is_refused(protocol: Protocol, text: str) -> None:
    assert "not valid JSON" in assert_problem(call(protocol, text), "request")


@pytest.mark.parametrize("body", [[], "ping", 42, None])
def test_request_must_be_an_object(protocol: Protocol, body: Any) -> None:
    assert_problem(call(protocol, json.dumps(body)), "request")


@pytest.mark.parametrize("payload", [[], "x", 1, None])
def test_payload_must_be_an_object(protocol: Protocol, payload: Any) -> None:
    assert_problem(call(protocol, {"type": "ping", "payload": payload}), "payload")


def test_oversize_request_is_refused_before_parsing(protocol: Protocol) -> None:
    padding = "x" * (bridge.MAX_REQUEST_BYTES + 1)
    text = json.dumps({"type": "ping", "payload": {"padding": padding}})
    assert "too large" in assert_problem(call(protocol, text), "request")


def test_request_just_under_the_limit_is_answered(protocol: Protocol) -> None:
    envelope = json.dumps({"type": "ping", "payload": {"padding": ""}})
    padding = "x" * (bridge.MAX_REQUEST_BYTES - len(envelope))
    text = json.dumps({"type": "ping", "payload": {"padding": padding}})
    assert len(text.encode()) == bridge.MAX_REQUEST_BYTES
    assert call(protocol, text)["ok"] is True


def test_input_error_from_a_handler_becomes_data(protocol: Protocol) -> None:
    def refuse(protocol: Protocol, payload: dict[str, Any]) -> dict[str, Any]:
        raise InputError.one("when", "Enter a date such as 2027-01-07.")

    response = call(protocol, {"type": "x"}, handlers={"x": refuse})
    assert response == {
        "ok": False,
        "errors": [{"field": "when", "message": "Enter a date such as 2027-01-07."}],
    }


def test_unexpected_exception_becomes_a_plain_message(protocol: Protocol) -> None:
    def crash(protocol: Protocol, payload: dict[str, Any]) -> dict[str, Any]:
        raise ZeroDivisionError("secret detail")

    message = assert_problem(call(protocol, {"type": "x"}, handlers={"x": crash}), "")
    assert "ZeroDivisionError" in message
    assert "secret detail" not in message


def test_result_that_is_not_json_becomes_a_plain_message(protocol: Protocol) -> None:
    def odd(protocol: Protocol, payload: dict[str, Any]) -> dict[str, Any]:
        return {"value": {1, 2}}

    assert "TypeError" in assert_problem(call(protocol, {"type": "x"}, handlers={"x": odd}), "")


def test_handler_receives_the_payload_unchanged(protocol: Protocol) -> None:
    def echo(protocol: Protocol, payload: dict[str, Any]) -> dict[str, Any]:
        return {"payload": payload}

    payload = {"name": "Zoë", "n": [1, 2.5, None, True]}
    response = call(protocol, {"type": "x", "payload": payload}, handlers={"x": echo})
    assert response == {"ok": True, "result": {"payload": payload}}


def test_handler_table_cannot_be_changed_at_run_time() -> None:
    with pytest.raises(TypeError):
        bridge.HANDLERS["evil"] = bridge.handle_ping  # type: ignore[index]


def test_every_request_type_names_a_function_that_exists() -> None:
    for request_type in bridge.HANDLERS:
        assert callable(bridge.handler(request_type)), request_type


def test_a_deeply_nested_request_is_refused_plainly(protocol: Protocol) -> None:
    deep = '{"type": "risk", "payload": {"indicators": ' + "[" * 100_000 + "]" * 100_000 + "}}"
    response = json.loads(bridge.handle(protocol, deep))
    assert response == {
        "ok": False,
        "errors": [
            {
                "field": "request",
                "message": "The request is nested too deeply: at most 32 levels are expected.",
            }
        ],
    }


def test_an_unknown_type_is_not_echoed_back_whole(protocol: Protocol) -> None:
    response = json.loads(bridge.handle(protocol, json.dumps({"type": "x" * 100_000})))
    assert response["ok"] is False
    assert len(response["errors"][0]["message"]) < 400


def test_warm_up_names_every_module_that_answers_a_request_type_once() -> None:
    modules = bridge.warm_up_modules()
    assert len(modules) == len(set(modules))
    for found in bridge.HANDLERS.values():
        if isinstance(found, str):
            assert found.partition(":")[0] in modules


def test_warm_up_imports_the_module_a_first_request_would_import() -> None:
    bridge.warm_up("calculators.risk.assessment")
    assert "calculators.risk.assessment" in sys.modules
    with pytest.raises(ValueError, match="answers no request type"):
        bridge.warm_up("os")
