"""The reader's small pieces: the error that names a path, and the checks of one value.

Every check takes the value and the full path of the item (`timing.mase_panel.weekday`)
and raises a `ProtocolError` saying what was expected and what was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from calculators.calendar_rules import LAST, MOST_WORKING_DAYS

T = TypeVar("T")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ProtocolError(ValueError):
    """A protocol item that is missing, malformed or inconsistent."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


class ProtocolProblems(ProtocolError):
    """Every problem one reading found, in file order. Its path and message are the
    first's, so a caller that shows one problem shows the first."""

    def __init__(self, problems: Sequence[ProtocolError]) -> None:
        flat: list[ProtocolError] = []
        for problem in problems:
            flat.extend(problem.problems if isinstance(problem, ProtocolProblems) else [problem])
        first = flat[0] if flat else ProtocolError("", "a problem reported with another item")
        super().__init__(first.path, first.message)
        self.problems = tuple(flat)


class Problems:
    """The problems found so far in one item; `check` runs a step and keeps its problem."""

    def __init__(self) -> None:
        self.found: list[ProtocolError] = []
        self.failed = False

    def check(self, step: Callable[[], T]) -> T | None:
        try:
            return step()
        except ProtocolError as problem:
            self.found.append(problem)
            self.failed = True
            return None

    def raise_any(self) -> None:
        if self.failed:
            raise ProtocolProblems(self.found)


def edits(a: str, b: str) -> int:
    """How many letters to add, drop or change to turn `a` into `b` (a typo's size).
    Without difflib, which the browser's trimmed standard library leaves out."""
    row = list(range(len(b) + 1))
    for i, letter in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, other in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (letter != other))
    return row[-1]


def fail(path: str, message: str) -> Any:
    raise ProtocolError(path, message)


def describe(value: Any) -> str:
    """What was found, in words: "the text 'eight'", "nothing", "a list"."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{value!r} (true/false)"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"the text {shown!r}"
    return f"{value!r} ({type(value).__name__})"


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def spoken_list(values: Sequence[Any], last: str = "and") -> str:
    """ "1, 2 or 3" for values (1, 2, 3) and last "or"."""
    words = [str(v) for v in values]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def expect_mapping(
    data: Any,
    path: str,
    required: Sequence[str],
    optional: Sequence[str] = (),
    other_keys: bool = False,
) -> Mapping[str, Any]:
    """The mapping itself, once it has every required key and (unless other_keys are
    read as items) no unknown one."""
    where = path or "the protocol file"
    if not isinstance(data, Mapping):
        raise ProtocolError(path, f"expected a mapping of keys to values, got {describe(data)}")
    problems = []
    missing = [key for key in required if key not in data]
    meant: set[str] = set()
    for key in () if other_keys else data:
        if key not in required and key not in optional:
            allowed = ", ".join((*required, *optional))
            close = [m for m in missing if edits(str(key), m) <= (2 if len(m) >= 5 else 1)][:1]
            hint = f": did you mean {close[0]!r}?" if close else ""
            meant.update(close)
            problems.append(
                ProtocolError(
                    join(path, str(key)),
                    f"unknown key {key!r} in {where}{hint} (allowed: {allowed})",
                )
            )
    for key in required:
        if key not in data and key not in meant:
            problems.append(
                ProtocolError(join(path, key), f"missing required key {key!r} in {where}")
            )
    if problems:
        raise ProtocolProblems(problems)
    return data


def read_list(
    data: Any, path: str, read: Callable[[Any, str], T], min_items: int = 0
) -> tuple[T, ...]:
    if not isinstance(data, list | tuple):
        raise ProtocolError(path, f"expected a list, got {describe(data)}")
    if len(data) < min_items:
        raise ProtocolError(path, f"expected at least {min_items} item(s), got an empty list")
    problems = Problems()
    result = [
        problems.check(lambda item=item, index=index: read(item, f"{path}[{index}]"))
        for index, item in enumerate(data)
    ]
    problems.raise_any()
    return tuple(result)  # type: ignore[arg-type]


def plain_text(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise ProtocolError(path, f"expected text, got {describe(value)}")
    if not value.strip():
        raise ProtocolError(path, "expected some text, got an empty text")
    return value.strip()


def identifier(value: Any, path: str) -> str:
    text = plain_text(value, path)
    if not _ID.match(text):
        raise ProtocolError(
            path, f"expected an id of letters, digits, '-', '_' or '.', got {text!r}"
        )
    return text


def one_of(
    value: Any, path: str, choices: Sequence[str], aliases: Mapping[str, str] | None = None
) -> str:
    """One of the named choices; an alias (an older name) reads as its choice."""
    text = plain_text(value, path)
    text = (aliases or {}).get(text, text)
    if text not in choices:
        raise ProtocolError(path, f"expected one of {', '.join(choices)}, got {text!r}")
    return text


def whole_number(
    value: Any, path: str, minimum: int | None = None, maximum: int | None = None
) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProtocolError(path, f"expected a whole number, got {describe(value)}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        if maximum is None:
            expected = f"a whole number of at least {minimum}"
        elif minimum is None:
            expected = f"a whole number of at most {maximum}"
        else:
            expected = f"a whole number from {minimum} to {maximum}"
        raise ProtocolError(path, f"expected {expected}, got {value}")
    return value


def level_number(value: Any, path: str, numbers: Sequence[int]) -> int:
    """One of the protocol's level numbers (its categories)."""
    if isinstance(value, bool) or value not in numbers:
        raise ProtocolError(
            path, f"expected a category {spoken_list(numbers, 'or')}, got {describe(value)}"
        )
    return int(value)


def boolean(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise ProtocolError(path, f"expected true or false, got {describe(value)}")
    return value


def weekday(value: Any, path: str) -> int:
    """A weekday name, as its number (0 = Monday)."""
    if not isinstance(value, str) or value.strip().lower() not in WEEKDAYS:
        raise ProtocolError(
            path, f"expected a weekday name (monday … sunday), got {describe(value)}"
        )
    return WEEKDAYS.index(value.strip().lower())


def week_of_month(value: Any, path: str) -> int:
    """The week of the month: 1 to 5, or "last" (as `LAST`)."""
    if isinstance(value, str) and value.strip().lower() == "last":
        return LAST
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ProtocolError(
            path, f'expected a week of the month, 1 to 5 or "last", got {describe(value)}'
        )
    return value


def working_day_of_month(value: Any, path: str) -> int:
    """The working day of the month: 1 to the most a month has, or "last" (as `LAST`)."""
    if isinstance(value, str) and value.strip().lower() == "last":
        return LAST
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MOST_WORKING_DAYS:
        raise ProtocolError(
            path,
            f'expected a working day of the month, 1 to {MOST_WORKING_DAYS} or "last", '
            f"got {describe(value)}",
        )
    return value


def iso_date(value: Any, path: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ProtocolError(
                path, f"expected a real date in the form YYYY-MM-DD, got {value!r}"
            ) from None
    raise ProtocolError(path, f"expected a date in the form YYYY-MM-DD, got {describe(value)}")


def unique(values: Iterable[tuple[Any, str]], what: str) -> None:
    """Fail on the second of two equal values, naming both places."""
    seen: dict[Any, str] = {}
    for value, path in values:
        if value in seen:
            raise ProtocolError(
                path,
                f"duplicate {what} {value!r} (first used at {seen[value]}): each must be unique",
            )
        seen[value] = path


def unique_nested(
    parents: Iterable[Any], path: str, children: str, attribute: str, what: str
) -> None:
    """`unique` over the children of every parent: the clause ids of all sections."""
    unique(
        (
            (getattr(child, attribute), f"{path}[{i}].{children}[{j}].{attribute}")
            for i, parent in enumerate(parents)
            for j, child in enumerate(getattr(parent, children))
        ),
        what,
    )


def find(items: Iterable[T], attribute: str, value: Any, kind: str) -> T:
    """The item whose attribute equals value; KeyError naming the kind otherwise."""
    for item in items:
        if getattr(item, attribute) == value:
            return item
    raise KeyError(f"Unknown {kind}: {value!r}")
