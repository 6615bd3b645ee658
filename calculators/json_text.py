"""Reading JSON that a person or a file supplied: size and nesting checked first.

Inside Pyodide, `json.loads` on very deeply nested input exhausts the JavaScript
stack and kills the whole runtime, so the nesting is measured without recursion
before parsing, in one pass over the text: hostile text (a quote followed by
escaped quotes, a megabyte of brackets) is measured as fast as a draft.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from calculators.errors import InputError

MAX_NESTING = 32

# One JSON string, from its opening quote to its closing quote, or to the end of the text
# when it is never closed. Every quantifier is possessive and the closing quote optional,
# so a match that starts at a quote never fails and never backtracks: `sub` reads each
# character of a string once and goes on after it (a pattern that could fail at a quote,
# as an unclosed string does, would be tried again at every later quote: quadratic time).
STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.DOTALL)
_NOT_BRACKET = bytes(byte for byte in range(256) if byte not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_CHUNK = 65_536  # brackets counted at a time, so that a deep text is refused early


def outside_strings(text: str) -> bytes:
    """The brackets of JSON text that lie outside its strings, in order (one pass each)."""
    rest = STRING.sub("", text).encode("utf-8", "surrogatepass")
    return rest.translate(None, _NOT_BRACKET)


def nesting_depth(text: str, stop_above: int | None = None) -> int:
    """The deepest level of [ and { in JSON text, outside strings, in time linear in its length.

    With `stop_above`, counting stops once the depth passes it (the answer is then a depth
    above `stop_above`, not necessarily the deepest).
    """
    brackets = outside_strings(text)
    depth = deepest = 0
    for start in range(0, len(brackets), _CHUNK):
        levels = list(accumulate(map(_STEP.__getitem__, brackets[start : start + _CHUNK])))
        deepest = max(deepest, depth + max(levels))
        depth += levels[-1]
        if stop_above is not None and deepest > stop_above:
            break
    return deepest


def load_json(text: str, field: str, what: str, max_nesting: int = MAX_NESTING) -> Any:
    """Parse JSON text, or raise InputError naming the field and what is wrong.

    NaN and Infinity are refused as JSON does (Python's parser would accept them).
    """
    if nesting_depth(text, stop_above=max_nesting) > max_nesting:
        raise InputError.one(
            field, f"{what} is nested too deeply: at most {max_nesting} levels are expected."
        )
    try:
        return json.loads(text, parse_constant=_not_json)
    except (ValueError, RecursionError):
        raise InputError.one(field, f"{what} is not valid JSON.") from None


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not JSON")
