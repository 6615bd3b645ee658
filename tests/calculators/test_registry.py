"""calculators.registry: one table of the calculators, read by the bridge and the pages."""

from __future__ import annotations

import importlib

import pytest

from calculators import bridge
from calculators.registry import (
    CALCULATORS,
    Calculator,
    calculator,
    page_calculators,
    request_answers,
)


def test_the_bridge_answers_every_request_the_registry_lists_and_ping() -> None:
    assert set(bridge.HANDLERS) == {"ping", *request_answers()}
    for request_type, function in request_answers().items():
        assert bridge.HANDLERS[request_type] == function


def test_every_request_names_a_function_in_the_calculators() -> None:
    for found in CALCULATORS:
        for function in found.requests.values():
            module, _, name = function.partition(":")
            assert module.startswith("calculators.")
            assert callable(getattr(importlib.import_module(module), name)), function


def test_two_calculators_may_not_answer_the_same_request() -> None:
    twice = (
        Calculator("a", "a.js", {"risk": "calculators.risk.assessment:handle_risk"}),
        Calculator("b", "b.js", {"risk": "calculators.risk.assessment:handle_risk"}),
    )
    with pytest.raises(ValueError, match="two calculators answer 'risk'"):
        request_answers(twice)


def test_an_unknown_calculator_is_named_with_the_ones_there_are() -> None:
    with pytest.raises(KeyError, match="no calculator 'planner'; there are: risk, dates"):
        calculator("planner")


def test_only_the_risk_calculator_has_a_page_a_template_may_be_filled_by() -> None:
    assert page_calculators() == {"risk": "calculators/risk.md"}


def test_each_binding_is_a_plain_file_name_the_page_script_accepts() -> None:
    for found in CALCULATORS:
        folder, _, name = found.binding.partition("/")
        assert folder == "pages", found.binding
        assert name.endswith(".js") and name[:-3].isalpha() and name.islower(), name
