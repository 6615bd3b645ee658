"""Cross-references in clause text become links to where they point, on the directive's words."""

from __future__ import annotations

import copy

from calculators.protocol import protocol_from_mapping
from handbook.build.loader import load_protocol
from handbook.pages.links import with_references


def test_a_reference_to_clause_6_13_links_to_the_clauses_own_anchor() -> None:
    data = copy.deepcopy(load_protocol().data)
    data["sections"][3]["clauses"][0]["text"] = "Review (see {clause:6.13|clause 6.13})."
    protocol = protocol_from_mapping(data)
    text = with_references(protocol, protocol.clause("4.1").text, "directive/section-4.md")
    assert text == "Review (see [clause 6.13](section-6.md#clause-6-13))."


def test_the_categories_appendix_links_to_the_categories_page() -> None:
    protocol = protocol_from_mapping(load_protocol().data)
    text = with_references(protocol, protocol.clause("6.3").text, "directive/section-6.md")
    assert "[Appendices](../categories.md)" in text
