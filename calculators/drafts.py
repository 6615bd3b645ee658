"""A form's values checked against its template, and drafts saved to the practitioner's disk.

One code path for the command line, the browser bridge and "Open a draft": every
problem is an InputError naming the field (its id, or `rows_id[2].column_id` for a
cell) with the field's label in the message, so a page can link to the input.

Values, as JSON gives them:
- text, textarea: text; choice: one of the options;
- date: ISO text "YYYY-MM-DD" (drafts, the command line) or the parts of a GOV.UK date
  input {"day": "7", "month": "1", "year": "2027"} (the form pages), checked by
  `calculators.dates_input.parse_date` (years 2000 to 2100); kept as ISO text, so a
  saved draft always holds "YYYY-MM-DD";
- number: a number, or text that is one;
- rows: a list of objects keyed by column id, each value text.
A missing value, null or "" is an empty answer. Line endings become "\\n".

A draft is JSON: {"template": id, "protocol_version": "1.0", "fields": {...}}, at most
MAX_DRAFT_BYTES long (`calculators.limits`), checked when it is saved and when it is opened.

One form's answers together are capped (`calculators.document_size`), so
that every document the calculators accept opens in a word processor in a few seconds.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from calculators.dates_input import DATE_PARTS, parse_date
from calculators.document_size import (
    document_size_problem,
)
from calculators.draft_files import fit_to_template, parse_draft_json
from calculators.errors import FieldProblem, InputError
from calculators.limits import MAX_DRAFT_BYTES
from calculators.minutes_dates import date_order_problems, minutes_warnings
from calculators.protocol import Field, Protocol, Template

MAX_TEXT_CHARS = 20_000
MAX_ROWS = 200
DRAFT_KEYS = ("template", "protocol_version", "fields")
# A protocol version as the handbook writes it ("1.0", "2.1.3"): anything else is refused.
_VERSION = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}")
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
# Characters XML 1.0 does not allow: C0 controls except tab, line feed and carriage
# return; lone surrogates; U+FFFE and U+FFFF.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def label_of(field: Field) -> str:
    """The field's label for a message, without the form's trailing colon."""
    return field.label.rstrip(" :")


def check_values(
    template: Template, values: Any, *, complete: bool = False
) -> dict[str, str | list[dict[str, str]]]:
    """Return the values, normalised, or raise InputError listing every problem.

    With `complete`, the fields the template requires must have an answer.
    The result holds only answered fields; rows with every cell empty are dropped.
    """
    if not isinstance(values, Mapping):
        raise InputError.one("fields", f"expected an object of field values, got {_kind(values)}")
    fields = {f.id: f for f in template.fields}
    problems: list[FieldProblem] = []
    clean: dict[str, Any] = {}
    for key in values:
        if key not in fields:
            problems.append(
                FieldProblem(
                    str(key), f"unknown field {key!r}: the {template.title} has no such field"
                )
            )
    for field in template.fields:
        value = values.get(field.id)
        try:
            checked = _check(field, value)
        except InputError as error:
            problems.extend(error.problems)
            continue
        if checked:
            clean[field.id] = checked
        elif complete and field.required:
            problems.append(FieldProblem(field.id, _required_message(field)))
    problems.extend(date_order_problems(template, clean))
    problems.extend(_document_size_problems(template, clean))
    if problems:
        raise InputError(problems)
    return clean


def _document_size_problems(template: Template, clean: Mapping[str, Any]) -> list[FieldProblem]:
    """A problem naming the field at which the answers together pass a document cap."""
    found = document_size_problem(template, clean)
    return [FieldProblem(found[0].id, f"{label_of(found[0])}: {found[1]}")] if found else []


def make_draft(protocol: Protocol, template: Template, values: Any) -> dict[str, Any]:
    """The draft file's content (incomplete answers allowed)."""
    return {
        "template": template.id,
        "protocol_version": protocol.metadata.version,
        "fields": check_values(template, values),
    }


def draft_text(
    protocol: Protocol, template: Template, values: Any, *, max_bytes: int = MAX_DRAFT_BYTES
) -> str:
    """The draft file's text, or InputError if it would be too large to open again."""
    text = json.dumps(make_draft(protocol, template, values), ensure_ascii=False, indent=2) + "\n"
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise InputError.one(
            "fields",
            f"The answers are too large to save as a draft: at most {max_bytes:,} bytes, "
            f"and these need {size:,}. Shorten the longest answers",
        )
    return text


def draft_filename(template: Template) -> str:
    return f"{template.id}-draft.json"


def read_draft(protocol: Protocol, text: str | bytes) -> dict[str, Any]:
    """Read a draft file: {"template": Template, "fields": {...}, "warnings": [...]}."""
    return _read_draft_data(protocol, parse_draft_json(text))


def read_values(protocol: Protocol, template: Template, text: str | bytes) -> dict[str, Any]:
    """Read a file of answers for `template`: a draft of that template, or a plain object
    of field values. Returns {"template", "fields", "warnings"} like `read_draft`."""
    data = parse_draft_json(text)
    if isinstance(data, dict) and "template" in data:
        draft = _read_draft_data(protocol, data)
        if draft["template"] != template:
            raise InputError.one(
                "template",
                f"this draft is for the {draft['template'].title}, not the {template.title}",
            )
        return draft
    fields = check_values(template, data)
    return {
        "template": template,
        "fields": fields,
        "warnings": value_warnings(protocol, template, fields),
    }


def _read_draft_data(protocol: Protocol, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputError.one("draft", "The file is not a draft: expected a JSON object.")
    problems = [
        FieldProblem(
            str(key), f"unknown key {key!r} in the draft (expected {', '.join(DRAFT_KEYS)})"
        )
        for key in data
        if key not in DRAFT_KEYS
    ]
    for key in ("template", "fields"):
        if key not in data:
            problems.append(FieldProblem(key, f"the draft has no {key!r}"))
    problems.extend(_check_version(data.get("protocol_version")))
    if problems:
        raise InputError(problems)
    template = template_or_error(protocol, data["template"])
    version = data.get("protocol_version")
    current = protocol.metadata.version
    given, dropped = data["fields"], []
    if version is not None and version != current:  # the form may have lost fields since
        given, dropped = fit_to_template(template, given)
    fields = check_values(template, given)
    warnings = []
    if dropped:
        warnings.append(
            f"The current {template.title} no longer has these fields, so their answers "
            f"were left out (they are still in the draft file): {', '.join(dropped)}."
        )
    if version is None:
        warnings.append(
            f"This draft does not say which protocol version it was saved with; the handbook "
            f"now uses version {current}. Check each answer against the current form."
        )
    elif version != current:
        warnings.append(
            f"This draft was saved with protocol version {version}; the handbook now uses "
            f"version {current}. Check each answer against the current form."
        )
    warnings += value_warnings(protocol, template, fields)
    return {"template": template, "fields": fields, "warnings": warnings}


def value_warnings(protocol: Protocol, template: Template, clean: Mapping[str, Any]) -> list[str]:
    """What to check in answers that are allowed (the strategy minutes' next meeting date)."""
    return [problem.message for problem in minutes_warnings(protocol, template, clean)]


def _check_version(version: Any) -> list[FieldProblem]:
    """A draft's protocol version is shown on the page, so only a short version string."""
    if version is None or (isinstance(version, str) and _VERSION.fullmatch(version)):
        return []
    return [
        FieldProblem(
            "protocol_version",
            "the draft's protocol version must be a short version number such as 1.0",
        )
    ]


def template_or_error(protocol: Protocol, template_id: Any) -> Template:
    known = ", ".join(t.id for t in protocol.templates)
    if not isinstance(template_id, str):
        raise InputError.one("template", f"expected a template id ({known})")
    try:
        return protocol.template(template_id)
    except KeyError:
        raise InputError.one(
            "template", f"unknown template {template_id!r}; known: {known}"
        ) from None


# One value ----------------------------------------------------------------------


def _check(field: Field, value: Any) -> Any:
    if value is None:
        return None
    label = label_of(field)
    if field.type == "rows":
        return _check_rows(field, value)
    if field.type == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            if not math.isfinite(value):
                raise InputError.one(field.id, f"{label}: expected a number, got {value!r}")
            return str(value)
        if isinstance(value, str) and (not value.strip() or _NUMBER.fullmatch(value.strip())):
            return value.strip()
        raise InputError.one(field.id, f"{label}: expected a number, got {_kind(value)}")
    if field.type == "date":
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
    if not isinstance(value, str):
        raise InputError.one(field.id, f"{label}: expected text, got {_kind(value)}")
    if field.type == "choice":
        if value and value not in field.options:
            options = ", ".join(repr(o) for o in field.options)
            raise InputError.one(field.id, f"{label}: expected one of {options}, got {value!r}")
        return value
    return check_text(field.id, label, value)


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


def _check_rows(field: Field, value: Any) -> list[dict[str, str]]:
    label = label_of(field)
    if not isinstance(value, list | tuple):
        raise InputError.one(field.id, f"{label}: expected a list of rows, got {_kind(value)}")
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
                    where, f"{label}, row {index + 1}: expected an object, got {_kind(row)}"
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
                        f"{where}.{key}", f"{cell_label}: expected text, got {_kind(cell)}"
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


def _required_message(field: Field) -> str:
    label = label_of(field)
    if field.type == "choice":
        return f"Select {label}"
    if field.type == "rows":
        return f"Add at least one row to {label}"
    return f"Enter {label}"


def _kind(value: Any) -> str:
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
