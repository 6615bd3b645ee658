"""A filled form as plain text, to paste into the case record (standard library only).

Sections and fields in the template's order; unanswered fields and empty sections
are left out. A value of several lines starts on the line after its label,
indented; each entry of a repeatable group is numbered.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators.documents.drafts import check_values
from calculators.documents.field_types import display_value, field_type
from calculators.protocol import Field, Protocol, Template

INDENT = "  "
NOTHING_ANSWERED = "No answers recorded."
PROPOSED_NOTICE = "Proposed template: not yet approved by the protocol owner."
# A field the handbook adds to a source form (`added: true` in the protocol).
ADDED_NOTICE = "Added by the handbook: not on the source form, for the protocol owner to confirm."


def template_text(protocol: Protocol, template: Template, values: Mapping[str, Any]) -> str:
    clean = check_values(template, values, complete=False)
    lines = [
        template.title,
        f"{protocol.metadata.organisation}, protocol version {protocol.metadata.version}",
    ]
    if template.proposed:
        lines.append(PROPOSED_NOTICE)
    answered = False
    for section in template.sections:
        body: list[str] = []
        for field in section.fields:
            if field.id in clean:
                body.extend(_field_lines(field, clean[field.id]))
        if body:
            answered = True
            lines.extend(["", section.title, *body])
    if not answered:
        lines.extend(["", NOTHING_ANSWERED])
    return "\n".join(lines) + "\n"


def _labelled(label: str, value: str, indent: str) -> list[str]:
    head = label if label.endswith(":") else f"{label}:"
    value_lines = value.split("\n")
    if len(value_lines) == 1:
        return [f"{indent}{head} {value}"]
    return [f"{indent}{head}", *(f"{indent}{INDENT}{line}".rstrip() for line in value_lines)]


def _field_lines(field: Field, value: Any) -> list[str]:
    if not field_type(field).repeated:
        return _labelled(field.label, display_value(field, value), "")
    lines = []
    for number, row in enumerate(value, start=1):
        lines.append(f"{field.label.rstrip(' :')} {number}")
        for column in field.columns:
            if row.get(column.id):
                lines.extend(_labelled(column.label, row[column.id], INDENT))
    return lines
