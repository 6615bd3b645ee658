"""JSON from people and files: nesting measured before parsing, so Pyodide never overflows."""

from __future__ import annotations

import pytest

from calculators.errors import InputError
from calculators.json_text import MAX_NESTING, load_json, nesting_depth


def test_depth_counts_brackets_outside_strings_only() -> None:
    assert nesting_depth('{"a": [1, {"b": "[[[{{{"}]}') == 3
    assert nesting_depth('"\\"[[["') == 0
    assert nesting_depth("[]") == 1


def test_the_deepest_allowed_nesting_parses() -> None:
    parsed = load_json("[" * MAX_NESTING + "]" * MAX_NESTING, "draft", "The draft")
    for _ in range(MAX_NESTING - 1):
        assert isinstance(parsed, list) and len(parsed) == 1
        parsed = parsed[0]
    assert parsed == []


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 100_000])
def test_deeper_nesting_is_refused_by_name(depth: int) -> None:
    with pytest.raises(InputError) as error:
        load_json("[" * depth + "]" * depth, "draft", "The draft")
    assert error.value.problems[0].field == "draft"
    assert "nested too deeply" in error.value.problems[0].message


def test_invalid_json_is_refused_by_name() -> None:
    with pytest.raises(InputError) as error:
        load_json("{'single': 'quotes'}", "request", "The request")
    assert error.value.problems[0].message == "The request is not valid JSON."
