"""Clause text with references: `{contact:ID}` and `{rule:NAME}` stand for data held once.

A clause never repeats an email address or a timing rule: "held on the
{rule:mase_panel} of every month" reads "held on the 1st Thursday of every month"
from the rule `timing.mase_panel`, so changing the rule changes the clause too. Any
rule the protocol has may be named by its id.

A cross-reference keeps the directive's own words and names what they point at:
"(as described in {section:4|section 4})" reads "(as described in section 4)",
and a page can make "section 4" a link. The text never holds an address.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculators import timing
from calculators.protocol import REFERENCE, Protocol


@dataclass(frozen=True)
class Segment:
    """A run of clause text: plain words, a contact, or a timing rule in words."""

    kind: str  # "text", "contact", "rule" or "link"
    text: str  # the words; for a contact, its email address
    contact_id: str | None = None
    # For a link, what it points at: ("section", "4"), ("form", "mase-referral"), ("appendix", "B").
    target: tuple[str, str] | None = None


def rule_words(protocol: Protocol, name: str) -> str:
    """A timing rule, by its id, as the directive words it: "1st Thursday", "2 weeks",
    "10 working days", "last Friday", "8-10 weeks" (the words are its kind's, in the
    registry)."""
    return timing.rule_words(protocol, name)


def segments(protocol: Protocol, text: str) -> tuple[Segment, ...]:
    """Split clause text into plain runs and resolved references."""
    parts: list[Segment] = []
    last = 0
    for match in REFERENCE.finditer(text):
        if match.start() > last:
            parts.append(Segment("text", text[last : match.start()]))
        kind, name, words = match.groups()
        if kind == "contact":
            parts.append(Segment("contact", protocol.contact(name).email, contact_id=name))
        elif kind == "rule":
            parts.append(Segment("rule", rule_words(protocol, name)))
        else:
            parts.append(Segment("link", words or "", target=(kind, name)))
        last = match.end()
    if last < len(text):
        parts.append(Segment("text", text[last:]))
    return tuple(parts)


def plain_text(protocol: Protocol, text: str) -> str:
    """Clause text with every reference resolved, for documents and comparisons."""
    return "".join(segment.text for segment in segments(protocol, text))
