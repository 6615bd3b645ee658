"""The language check: listed terms found as whole words, in any case, never changed."""

from __future__ import annotations

import pytest

from calculators.errors import InputError
from calculators.protocol import Protocol
from calculators.training.language import find_terms, handle_language_check


def test_a_listed_term_is_found_with_its_span_why_and_instead(protocol: Protocol) -> None:
    text = "She is PROMISCUOUS and her boyfriend is 24."
    found = find_terms(protocol.language, text)
    assert [(f.text, f.term.id) for f in found] == [
        ("PROMISCUOUS", "promiscuous"),
        ("boyfriend", "boyfriend"),
    ]
    first = found[0]
    assert text[first.start : first.end] == "PROMISCUOUS"
    assert first.term.why and first.term.instead


def test_words_inside_longer_words_are_not_found(protocol: Protocol) -> None:
    assert find_terms(protocol.language, "unconsented? consentedly; boyfriendship") == ()


def test_a_phrase_is_found_across_spaces_and_lines(protocol: Protocol) -> None:
    found = find_terms(protocol.language, "he keeps putting\n himself   at risk")
    assert [f.term.id for f in found] == ["putting-themselves-at-risk"]


def test_the_longest_phrase_wins(protocol: Protocol) -> None:
    found = find_terms(protocol.language, "an older boyfriend")
    assert [f.text for f in found] == ["older boyfriend"]


def test_the_examples_the_issue_names_are_listed(protocol: Protocol) -> None:
    for text in ("promiscuous", "prostituting", "boyfriend", "putting themselves at risk"):
        assert find_terms(protocol.language, text), text
    assert find_terms(protocol.language, "she consented")


def test_every_appendix_b_cell_with_a_listed_term_is_in_the_verbatim_note(
    protocol: Protocol,
) -> None:
    with_terms = {i.id for i in protocol.indicators if find_terms(protocol.language, i.text)}
    assert with_terms == set(protocol.language.verbatim_indicators)
    assert protocol.note(protocol.language.verbatim_note).text


def test_the_bridge_answers_with_hint_lines_once_per_term(protocol: Protocol) -> None:
    result = handle_language_check(
        protocol, {"text": "Boyfriend collected her; the boyfriend is 30. She consented."}
    )
    assert [f["term"] for f in result["findings"]] == ["boyfriend", "boyfriend", "consented"]
    assert len(result["lines"]) == 2
    assert result["lines"][0].startswith("“Boyfriend”")


@pytest.mark.parametrize("text", [None, 5, ["a"], "x" * 100_001])
def test_text_that_cannot_be_checked_is_named(protocol: Protocol, text: object) -> None:
    with pytest.raises(InputError) as raised:
        handle_language_check(protocol, {"text": text})
    assert raised.value.problems[0].field == "text"
