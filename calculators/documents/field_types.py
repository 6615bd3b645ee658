"""The form fields' types, in one table: how a value of each type is checked, what a
required one says when it is empty, how a checked value reads in the documents and the
plain text, which texts it puts into a document (for the size caps), and how the form
page's script reads it. The drafts, the documents, the size caps and the build's pages
all read `FIELD_TYPES` (the names the protocol may use are `calculators.protocol.FIELD_TYPE_NAMES`).

Values, as JSON gives them:
- text, textarea: text; choice: one of the options;
- date: ISO text "YYYY-MM-DD" (drafts, the command line) or the parts of a GOV.UK date
  input {"day": "7", "month": "1", "year": "2027"} (the form pages), checked by
  `calculators.dates.fields.parse_date` (years 2000 to 2100); kept as ISO text, so a
  saved draft always holds "YYYY-MM-DD";
- number: a number, or text that is one;
- rows: a list of objects keyed by column id, each value text.
A missing value, null or "" is an empty answer. Line endings become "\\n".
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from calculators.dates.fields import DATE_PARTS, parse_date
from calculators.errors import FieldProblem, InputError
from calculators.limits import MAX_ROWS, MAX_TEXT_CHARS
from calculators.protocol import Field
from calculators.wording import long_date

_NUMBER = re.compile(r"-?\d+(\.\d+)?")
# Characters XML 1.0 does not allow: C0 controls except tab, line feed and carriage
# return; lone surrogates; U+FFFE and U+FFFF.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class FieldType:
    """One type of form field: its check, its empty message, its display and its control."""

    name: str
    check: Callable[[Field, Any, str], Any]  # (field, value, label): the checked value
    required: str = "Enter {label}"  # what a required field says when empty
    display: Callable[[Any], str] = str  # a checked value in the documents and the text
    control: str = "value"  # how forms.js reads it: "value", "parts", "radios" or "rows"
    parts: tuple[str, ...] = ()  # the inputs a "parts" control is made of
    repeated: bool = False  # rows: a table row per entry, numbered in the text
    multiline: bool = False  # a "value" control of several lines (a textarea)
    inputmode: str = ""  # the keyboard a phone shows for a "value" control
    placeholder: Callable[[Field], str] = lambda field: ""  # in the blank Word template

    def control_data(self) -> dict[str, object]:
        """What forms.js reads from the field's data-control: its kind, and its parts."""
        return {"kind": self.control, **({"parts": list(self.parts)} if self.parts else {})}


def field_type(field: Field) -> FieldType:
    """The type a field of the protocol has."""
    return FIELD_TYPES[field.type]


def check_value(field: Field, value: Any) -> Any:
    """A value as typed, checked for its field: None, "" or the value to keep."""
    if value is None:
        return None
    return field_type(field).check(field, value, label_of(field))


def display_value(field: Field, value: Any) -> str:
    """A checked value as the document and the plain text show it."""
    return "" if value is None or value == "" else field_type(field).display(value)


def texts_of(field: Field, value: Any) -> list[str]:
    """The texts a checked value puts into a document: a cell each for rows."""
    if field_type(field).repeated:
        return [cell for row in value for cell in row.values()]
    return [value]


def required_message(field: Field) -> str:
    return field_type(field).required.format(label=label_of(field))


def label_of(field: Field) -> str:
    """The field's label for a message, without the form's trailing colon."""
    return field.label.rstrip(" :")


def check_text(path: str, label: str, value: str) -> str:
    """Text that can go in a document: not too long, no character XML 1.0 forbids."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError.one(
            path, f"{label}: at most {MAX_TEXT_CHARS:,} characters, got {len(text):,}"
        )
    bad = _NOT_IN_XML.search(text)
    if bad:
        raise InputError.one(
            path,
            f"{label}: contains a character that cannot go in a document "
            f"(U+{ord(bad.group()):04X}, at character {bad.start() + 1}); remove it",
        )
    return text if text.strip() else ""


# The checks of each type --------------------------------------------------------------


def _check_plain_text(field: Field, value: Any, label: str) -> str:
    if not isinstance(value, str):
        raise InputError.one(field.id, f"{label}: expected text, got {kind_of(value)}")
    return check_text(field.id, label, value)


def _check_choice(field: Field, value: Any, label: str) -> str:
    if not isinstance(value, str):
        raise InputError.one(field.id, f"{label}: expected text, got {kind_of(value)}")
    if value and value not in field.options:
        options = ", ".join(repr(o) for o in field.options)
        raise InputError.one(field.id, f"{label}: expected one of {options}, got {value!r}")
    return value


def _check_number(field: Field, value: Any, label: str) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise InputError.one(field.id, f"{label}: expected a number, got {value!r}")
        return str(value)
    if isinstance(value, str) and (not value.strip() or _NUMBER.fullmatch(value.strip())):
        return value.strip()
    raise InputError.one(field.id, f"{label}: expected a number, got {kind_of(value)}")


def _check_date(field: Field, value: Any, label: str) -> str:
    if isinstance(value, Mapping):
        unknown = [str(key) for key in value if key not in DATE_PARTS]
        if unknown:
            raise InputError.one(
                field.id,
                f"{label}: unknown part {unknown[0]!r} of a date "
                f"(expected {', '.join(DATE_PARTS)})",
            )
    parsed = parse_date(value, field.id, label)
    return parsed.isoformat() if parsed else ""


def _check_rows(field: Field, value: Any, label: str) -> list[dict[str, str]]:
    if not isinstance(value, list | tuple):
        raise InputError.one(field.id, f"{label}: expected a list of rows, got {kind_of(value)}")
    if len(value) > MAX_ROWS:
        raise InputError.one(field.id, f"{label}: at most {MAX_ROWS} rows, got {len(value)}")
    columns = {c.id: c for c in field.columns}
    problems: list[FieldProblem] = []
    rows = []
    for index, row in enumerate(value):
        where = f"{field.id}[{index}]"
        if not isinstance(row, Mapping):
            problems.append(
                FieldProblem(
                    where, f"{label}, row {index + 1}: expected an object, got {kind_of(row)}"
                )
            )
            continue
        clean = {}
        for key, cell in row.items():
            column = columns.get(key)
            if column is None:
                known = ", ".join(columns)
                problems.append(
                    FieldProblem(
                        f"{where}.{key}",
                        f"{label}, row {index + 1}: unknown column {key!r} (known: {known})",
                    )
                )
                continue
            cell_label = f"{label}, row {index + 1}, {column.label.rstrip(' :')}"
            if cell is None:
                continue
            if not isinstance(cell, str):
                problems.append(
                    FieldProblem(
                        f"{where}.{key}", f"{cell_label}: expected text, got {kind_of(cell)}"
                    )
                )
                continue
            try:
                clean[key] = check_text(f"{where}.{key}", cell_label, cell)
            except InputError as error:
                problems.extend(error.problems)
        if any(clean.values()):
            rows.append({c: clean.get(c, "") for c in columns})
    if problems:
        raise InputError(problems)
    return rows


def kind_of(value: Any) -> str:
    """What a JSON value is, in words, for a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


FIELD_TYPES: Mapping[str, FieldType] = MappingProxyType(
    {
        row.name: row
        for row in (
            FieldType("text", _check_plain_text),
            FieldType("textarea", _check_plain_text, multiline=True),
            FieldType("number", _check_number, inputmode="decimal"),
            FieldType(
                "date",
                _check_date,
                display=lambda value: long_date(date.fromisoformat(value)),
                control="parts",
                parts=tuple(DATE_PARTS),
            ),
            FieldType(
                "choice",
                _check_choice,
                "Select {label}",
                control="radios",
                placeholder=lambda field: " / ".join(field.options),
            ),
            FieldType(
                "rows",
                _check_rows,
                "Add at least one row to {label}",
                control="rows",
                repeated=True,
            ),
        )
    }
)
