"""The protocol model: the directive's structure as transcribed, and its validation."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping


def test_safeguard_spells_its_name_with_sexual_health_first_clause_2_1(protocol: Protocol) -> None:
    signs = protocol.clause("2.1").items
    assert "".join(s.label for s in signs) == "SAFEGUARD"
    assert signs[0].text == "Sexual health and behaviour"
    assert signs[3].text == "Emotional and physical condition"


def test_sub_items_of_5_2_and_6_10(protocol: Protocol) -> None:
    assert [i.label for i in protocol.clause("5.2").items] == ["i", "ii", "iii", "iv"]
    assert [i.label for i in protocol.clause("6.10").items] == ["i", "ii", "iii"]


def test_matrix_is_nine_domains_by_three_categories_and_rewards_has_no_category_3_appendix_b(
    protocol: Protocol,
) -> None:
    domains = protocol.categories.domains
    assert len(domains) == 9
    for domain in domains:
        expected = {1, 2} if domain.id == "rewards" else {1, 2, 3}
        assert {i.category for i in domain.indicators} == expected, domain.id


def test_every_email_address_is_a_contact_with_where_it_is_used_clauses_5_3_6_11(
    protocol: Protocol,
) -> None:
    emails = {c.email for c in protocol.contacts}
    assert emails == {
        "Jane.Sharp@newham.gov.uk",
        "ChildSexualExploitation@newham.gov.uk",
        "Agnes.Adentan@elft.nhs.uk",
        "Ellie.Lloyd@bartshealth.nhs.uk",
    }
    assert "5.3" in protocol.contact("cse-lead").used_in
    assert "6.11" in protocol.contact("community-nurse").used_in


def test_glossary_covers_the_abbreviations_the_directive_uses(protocol: Protocol) -> None:
    abbreviations = {a.abbr for a in protocol.glossary}
    for abbr in ("87a", "CSE", "MASE", "MAP", "LBN", "TM", "PM", "LAC", "CFCS", "CYPS", "YP"):
        assert abbr in abbreviations
    for abbr in ("DV", "ASB", "STI", "LA", "DfE", "CP"):
        assert abbr in abbreviations


def mutated(data: dict[str, Any], change: Any) -> dict[str, Any]:
    copied = copy.deepcopy(data)
    change(copied)
    return copied


def error_for(data: dict[str, Any]) -> ProtocolError:
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(data)
    return error.value


def test_model_reports_path_and_expectation(protocol_data: dict[str, Any]) -> None:
    error = error_for(
        mutated(protocol_data, lambda d: d["sections"][3]["clauses"][5].update(text=""))
    )
    assert error.path == "sections[3].clauses[5].text"
    assert error.message == "expected some text, got an empty text"


def test_weekday_must_be_a_weekday_name(protocol_data: dict[str, Any]) -> None:
    error = error_for(
        mutated(protocol_data, lambda d: d["timing"]["mase_panel"].update(weekday="Thorsday"))
    )
    assert error.path == "timing.mase_panel.weekday"
    assert "expected a weekday name" in error.message


def test_rule_must_cite_a_clause_that_exists(protocol_data: dict[str, Any]) -> None:
    error = error_for(
        mutated(protocol_data, lambda d: d["timing"]["monthly_report"].update(clause="5.9"))
    )
    assert error.path == "timing.monthly_report.clause"


def test_a_top_level_that_is_not_a_mapping_is_refused() -> None:
    assert "expected a mapping" in error_for(["not", "a", "mapping"]).message  # type: ignore[arg-type]


# What the handbook adds, marked as the handbook's ------------------------------


def test_terms_the_directive_does_not_expand_are_the_handbooks_reading_to_confirm(
    protocol: Protocol,
) -> None:
    to_confirm = {a.abbr for a in protocol.glossary if a.to_confirm}
    assert to_confirm == {"Carefirst", "P no.", "Strat", "triage"}
    assert not protocol.glossary[0].to_confirm  # 87a: a plain entry stays plain


def test_the_immediate_danger_notice_is_the_handbooks_and_waits_for_its_number(
    protocol: Protocol,
) -> None:
    notice = protocol.immediate_danger
    assert notice.text == "If a child is in immediate danger, call 999."
    assert protocol.note(notice.note).id == "immediate-danger"
    assert notice.out_of_hours_number is None
    assert notice.out_of_hours_line is None  # nothing shown while the number is empty


def test_a_filled_out_of_hours_number_completes_its_sentence(
    protocol_data: dict[str, Any],
) -> None:
    data = mutated(
        protocol_data, lambda d: d["immediate_danger"].update(out_of_hours_number="020 8430 2000")
    )
    line = protocol_from_mapping(data).immediate_danger.out_of_hours_line
    assert line and line.endswith("on 020 8430 2000.")


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (2084302000, "expected the telephone number in quotes"),
        ("call Sam", "expected a telephone number of digits and spaces"),
    ],
)
def test_an_out_of_hours_number_must_be_a_quoted_telephone_number(
    protocol_data: dict[str, Any], number: Any, expected: str
) -> None:
    error = error_for(
        mutated(protocol_data, lambda d: d["immediate_danger"].update(out_of_hours_number=number))
    )
    assert error.path == "immediate_danger.out_of_hours_number"
    assert expected in error.message


def test_the_out_of_hours_sentence_must_say_where_the_number_goes(
    protocol_data: dict[str, Any],
) -> None:
    error = error_for(
        mutated(protocol_data, lambda d: d["immediate_danger"].update(out_of_hours="Call us."))
    )
    assert error.path == "immediate_danger.out_of_hours"
    assert "{number}" in error.message


def test_the_immediate_danger_notice_must_name_an_editorial_note(
    protocol_data: dict[str, Any],
) -> None:
    error = error_for(mutated(protocol_data, lambda d: d["immediate_danger"].update(note="nope")))
    assert error.path == "immediate_danger.note"
