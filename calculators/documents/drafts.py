"""A form's values checked against its template, and drafts saved to the practitioner's disk.

One code path for the command line, the browser bridge and "Open a draft": every
problem is an InputError naming the field (its id, or `rows_id[2].column_id` for a
cell) with the field's label in the message, so a page can link to the input.

Each value is checked by its field's type (`calculators.documents.field_types`).

A draft is JSON: {"template": id, "protocol_version": "1.0", "fields": {...}}, at most
MAX_DRAFT_BYTES long (`calculators.limits`), checked when it is saved and when it is opened.

One form's answers together are capped (`calculators.documents.size`), so
that every document the calculators accept opens in a word processor in a few seconds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from calculators.dates.minutes import date_order_problems, minutes_warnings
from calculators.documents.draft_files import fit_to_template, parse_draft_json
from calculators.documents.field_types import check_value, kind_of, label_of, required_message
from calculators.documents.size import (
    document_size_problem,
)
from calculators.errors import FieldProblem, InputError
from calculators.limits import MAX_DRAFT_BYTES
from calculators.protocol import Protocol, Template

DRAFT_KEYS = ("template", "protocol_version", "fields")
# A protocol version as the handbook writes it ("1.0", "2.1.3"): anything else is refused.
_VERSION = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}")


def check_values(
    template: Template, values: Any, *, complete: bool = False
) -> dict[str, str | list[dict[str, str]]]:
    """Return the values, normalised, or raise InputError listing every problem.

    With `complete`, the fields the template requires must have an answer.
    The result holds only answered fields; rows with every cell empty are dropped.
    """
    if not isinstance(values, Mapping):
        raise InputError.one("fields", f"expected an object of field values, got {kind_of(values)}")
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
            checked = check_value(field, value)
        except InputError as error:
            problems.extend(error.problems)
            continue
        if checked:
            clean[field.id] = checked
        elif complete and field.required:
            problems.append(FieldProblem(field.id, required_message(field)))
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
