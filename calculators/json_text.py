"""Reading JSON that a person or a file supplied: size and nesting checked first.

Inside Pyodide, `json.loads` on very deeply nested input exhausts the JavaScript
stack and kills the whole runtime, so the nesting is measured without recursion
before parsing.
"""

from __future__ import annotations

import json
import re
from typing import Any

from calculators.errors import InputError

MAX_NESTING = 32
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def nesting_depth(text: str) -> int:
    """The deepest level of [ and { in JSON text, outside strings."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub('""', text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def load_json(text: str, field: str, what: str, max_nesting: int = MAX_NESTING) -> Any:
    """Parse JSON text, or raise InputError naming the field and what is wrong."""
    if nesting_depth(text) > max_nesting:
        raise InputError.one(
            field, f"{what} is nested too deeply: at most {max_nesting} levels are expected."
        )
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise InputError.one(field, f"{what} is not valid JSON.") from None
