"""Find words that blame a child in free text: the protocol's `language.terms`.

A phrase is found as whole words (not inside a longer word), in any case, with
any run of spaces between its words. Where phrases overlap, the longest wins
("older boyfriend" over "boyfriend"). Nothing is changed in the text: the page
shows a quiet hint beside the field.

Offsets are Python string indices (code points).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from calculators.errors import InputError
from calculators.limits import MAX_LANGUAGE_CHECK_CHARS
from calculators.protocol import Language, LanguageTerm, Protocol


@dataclass(frozen=True)
class Finding:
    """One listed phrase found in the text, with the entry that explains it."""

    start: int
    end: int
    text: str
    term: LanguageTerm


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _pattern(language: Language) -> re.Pattern[str]:
    phrases = sorted({_normal(p) for t in language.terms for p in t.phrases}, key=len, reverse=True)
    words = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def find_terms(language: Language, text: str) -> tuple[Finding, ...]:
    """Every listed phrase in the text, in order, without overlaps."""
    by_phrase = {_normal(p): t for t in language.terms for p in t.phrases}
    return tuple(
        Finding(match.start(), match.end(), match.group(0), by_phrase[_normal(match.group(0))])
        for match in _pattern(language).finditer(text)
    )


def hint_lines(findings: tuple[Finding, ...]) -> tuple[str, ...]:
    """One line per term found (once each, in order of first use): why it harms and instead."""
    lines = []
    seen: set[str] = set()
    for finding in findings:
        if finding.term.id in seen:
            continue
        seen.add(finding.term.id)
        lines.append(f"“{finding.text}”: {finding.term.why} Instead: {finding.term.instead}")
    return tuple(lines)


def handle_language_check(protocol: Protocol, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Bridge entry: {"text": "..."} -> the terms found, with why and instead."""
    text = payload.get("text", "")
    if not isinstance(text, str):
        raise InputError.one("text", "expected the text of the field")
    if len(text) > MAX_LANGUAGE_CHECK_CHARS:
        raise InputError.one(
            "text", f"expected at most {MAX_LANGUAGE_CHECK_CHARS:,} characters to check"
        )
    findings = find_terms(protocol.language, text)
    return {
        "findings": [
            {
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "term": f.term.id,
                "why": f.term.why,
                "instead": f.term.instead,
            }
            for f in findings
        ],
        "lines": list(hint_lines(findings)),
        "source": protocol.language.source,
    }
