"""Clause text reads its timing rules and contacts from the data they are written in once."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from calculators.clause_text import plain_text, rule_words, segments
from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping


def test_clause_4_6_reads_the_panel_and_referral_rules(protocol: Protocol) -> None:
    text = plain_text(protocol, protocol.clause("4.6").text)
    assert "held on the 1st Thursday of every month" in text
    assert "submitted 2 weeks prior to this date" in text


def test_clause_5_3_reads_the_report_rule_and_the_contact(protocol: Protocol) -> None:
    text = plain_text(protocol, protocol.clause("5.3").text)
    assert text.endswith("by the 3rd Thursday of every month and send to Jane.Sharp@newham.gov.uk")
    kinds = [s.kind for s in segments(protocol, protocol.clause("5.3").text)]
    assert kinds == ["text", "rule", "text", "contact"]


def test_strategy_meeting_rule_reads_as_the_directive_writes_it_clause_6_2(
    protocol: Protocol,
) -> None:
    assert rule_words(protocol, "strategy_meeting") == "8-10 weeks"
    assert "every 8-10 weeks as a minimum" in plain_text(protocol, protocol.clause("6.2").text)


def test_changed_rules_change_the_clause_text_clauses_4_6_6_2(
    protocol_data: dict[str, Any],
) -> None:
    data = copy.deepcopy(protocol_data)
    data["timing"]["mase_panel"].update(weekday="tuesday", week_of_month=2)
    data["timing"]["mase_referral"]["days"] = 10
    data["timing"]["strategy_meeting"].update(min_weeks=6, max_weeks=12)
    changed = protocol_from_mapping(data)
    text = plain_text(changed, changed.clause("4.6").text)
    assert "held on the 2nd Tuesday of every month" in text
    assert "submitted 10 days prior" in text
    assert "every 6-12 weeks" in plain_text(changed, changed.clause("6.2").text)


def test_an_unknown_rule_in_a_clause_is_refused(protocol_data: dict[str, Any]) -> None:
    data = copy.deepcopy(protocol_data)
    data["sections"][5]["clauses"][1]["text"] = "Every {rule:strategy_meetings} at least"
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(data)
    assert error.value.path == "sections[5].clauses[1].text"
    assert "'strategy_meetings'" in error.value.message


# Cross-references -------------------------------------------------------------

CROSS_REFERENCE = re.compile(r"\b(appendix \w|appendices( section)?|section \d+)", re.IGNORECASE)


def test_a_cross_reference_keeps_the_directives_words_and_names_its_target(
    protocol: Protocol,
) -> None:
    parts = segments(protocol, protocol.clause("6.7").text)
    assert [(s.kind, s.text, s.target) for s in parts if s.kind == "link"] == [
        ("link", "section 4", ("section", "4"))
    ]
    assert plain_text(protocol, protocol.clause("6.7").text).endswith(
        "(as described in section 4)."
    )
    assert "(see Appendices section)" in plain_text(protocol, protocol.clause("4.6").text)


def test_a_reference_to_one_clause_names_the_clause_and_keeps_its_words(
    protocol_data: dict[str, Any],
) -> None:
    data = copy.deepcopy(protocol_data)
    data["sections"][5]["clauses"][6]["text"] = "Review it (see {clause:6.13|clause 6.13})."
    changed = protocol_from_mapping(data)
    parts = segments(changed, changed.clause("6.7").text)
    assert [(s.text, s.target) for s in parts if s.kind == "link"] == [
        ("clause 6.13", ("clause", "6.13"))
    ]
    assert plain_text(changed, changed.clause("6.7").text) == "Review it (see clause 6.13)."


def test_an_appendix_is_pointed_at_only_by_the_id_the_protocol_gives_it(
    protocol_data: dict[str, Any],
) -> None:
    data = copy.deepcopy(protocol_data)
    data["categories"]["appendix"] = "4"
    clause_6_3 = data["sections"][5]["clauses"][2]
    clause_6_3["text"] = clause_6_3["text"].replace("{appendix:B|", "{appendix:4|")
    assert "{appendix:4|Appendices}" in protocol_from_mapping(data).clause("6.3").text
    del data["categories"]["appendix"]
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(data)
    assert "expected an appendix id (categories.appendix) (none is named)" in error.value.message


def test_every_cross_reference_in_the_clause_text_is_a_link(protocol: Protocol) -> None:
    found = 0
    for clause in protocol.clauses:
        for text in (clause.text, *(item.text for item in clause.items)):
            linked = " ".join(s.text for s in segments(protocol, text) if s.kind == "link")
            for words in CROSS_REFERENCE.findall(plain_text(protocol, text)):
                found += 1
                assert words[0] in linked, (clause.id, words[0])
    assert found == 5  # 4.6, 5.1, 6.3, 6.7 and 6.15


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("{section:99|section 99}", "expected a section number ({sections})"),
        ("{form:mase-referal|Appendices}", "expected a template id ("),
        ("{appendix:C|Appendices}", "expected an appendix id (categories.appendix) (B)"),
        (
            "{clause:6.99|clause 6.99}",
            "expected the number of a clause in sections (such as {last})",
        ),
        ("{clause:6.13}", "expected the directive's words after '|'"),
        ("{section:4}", "expected the directive's words after '|'"),
        ("{contact:cse-lead|Jane}", "without '|…'"),
        ("{sektion:4|section 4}", "stray '{' or '}'"),
    ],
)
def test_an_unknown_or_malformed_cross_reference_is_refused_naming_the_clause(
    protocol_data: dict[str, Any], reference: str, expected: str
) -> None:
    data = copy.deepcopy(protocol_data)
    data["sections"][5]["clauses"][6]["text"] = f"MASE to support cases ({reference})."
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(data)
    assert error.value.path == "sections[5].clauses[6].text"
    # The sections and the last clause the protocol has, whatever the revision.
    sections = ", ".join(str(s["number"]) for s in data["sections"])
    last = data["sections"][-1]["clauses"][-1]["id"]
    assert expected.replace("{sections}", sections).replace("{last}", last) in error.value.message
