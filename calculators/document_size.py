"""One form's answers together, capped so that every document the calculators accept
opens in a word processor in a few seconds (checked by `calculators.drafts.check_values`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators.protocol import Field, Template

# One document's answers together: each paragraph, line break and table cell counts as a
# paragraph. LibreOffice took 144 s to open 200 table rows of short paragraphs. Measured
# with `soffice --headless --convert-to pdf` (CPU time; starting with a fresh profile and
# an empty form takes 1.8 s), the largest documents at these caps took: all the characters
# in one table row of seven cells 3.0 s, 85 rows of seven cells 2.4 s, 600 paragraphs of
# text 2.2 s (tests/documents/test_libreoffice.py opens all three).
MAX_DOCUMENT_CHARS = 40_000
MAX_DOCUMENT_PARAGRAPHS = 600


def document_size_problem(template: Template, clean: Mapping[str, Any]) -> tuple[Field, str] | None:
    """The field at which the answers together pass a document cap, and why (None if none)."""
    chars = paragraphs = 0
    for field in template.fields:
        value = clean.get(field.id)
        if not value:
            continue
        texts = [c for row in value for c in row.values()] if field.type == "rows" else [value]
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
