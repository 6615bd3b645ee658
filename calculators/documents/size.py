"""One form's answers together, capped so that every document the calculators accept
opens in a word processor in a few seconds (checked by `calculators.documents.drafts.check_values`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators.documents.field_types import texts_of
from calculators.limits import MAX_DOCUMENT_CHARS, MAX_DOCUMENT_PARAGRAPHS
from calculators.protocol import Field, Template


def document_size_problem(template: Template, clean: Mapping[str, Any]) -> tuple[Field, str] | None:
    """The field at which the answers together pass a document cap, and why (None if none)."""
    chars = paragraphs = 0
    for field in template.fields:
        value = clean.get(field.id)
        if not value:
            continue
        texts = texts_of(field, value)
        chars += sum(len(text) for text in texts)
        paragraphs += sum(paragraphs_and_lines(text) for text in texts)
        if chars > MAX_DOCUMENT_CHARS:
            return field, (
                f"the answers on this form may hold at most "
                f"{MAX_DOCUMENT_CHARS:,} characters in all, so that the document opens; "
                f"with this answer they hold {chars:,}. Shorten this answer or another"
            )
        if paragraphs > MAX_DOCUMENT_PARAGRAPHS:
            return field, (
                f"the answers on this form may have at most "
                f"{MAX_DOCUMENT_PARAGRAPHS:,} paragraphs and lines in all (each table cell "
                f"counts as one), so that the document opens; with this answer they have "
                f"{paragraphs:,}. Shorten this answer or another, or remove rows"
            )
    return None


def paragraphs_and_lines(text: str) -> int:
    """What a document makes of a text: a paragraph per blank-line break, a break per line."""
    return sum(1 + part.count("\n") for part in text.split("\n\n"))
