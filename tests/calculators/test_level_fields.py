"""The risk reading serves the meeting and never becomes the level (clauses 6.3, 6.9).

A field a form names for the risk level or category is marked `records: level` in
the protocol. No hand-off fills one from a calculator's reading: only the level a
strategy meeting agreed, recorded in its minutes, fills the monthly report's.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping
from calculators.protocol.model import HANDOFF_TEXT
from calculators.risk.assessment import handle_risk


def level_fields(protocol: Protocol) -> set[tuple[str, str]]:
    return {(t.id, f.id) for t in protocol.templates for f in t.fields if f.records_level}


def template_index(data: dict[str, Any], template_id: str) -> int:
    return next(i for i, t in enumerate(data["templates"]) if t["id"] == template_id)


def test_6_3_the_level_and_category_fields_of_every_form_are_marked(protocol: Protocol) -> None:
    assert level_fields(protocol) == {
        ("mase-referral", "risk_level"),
        ("monthly-report", "last_strat_category"),
        ("monthly-report", "risk_level_rationale"),
        ("final-report", "last_strat_category"),
        ("final-report", "risk_level_rationale"),
        ("strategy-meeting", "previous_category"),
        ("strategy-meeting", "agreed_category"),
        ("strategy-meeting", "category_rationale"),
        ("risk-summary", "agreed_category"),
    }
    labels = {f.label for t in protocol.templates for f in t.fields if f.records_level}
    assert {"Risk Level", "CSE risk (cat) level with rationale"} <= labels


def test_6_3_no_hand_off_puts_a_reading_into_a_level_field(protocol: Protocol) -> None:
    filled_from: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for template in protocol.templates:
        for handoff in template.handoffs:
            for target, source in handoff.fields:
                filled_from.setdefault((handoff.to, target), set()).add((template.id, source))
    for rule in protocol.timing.of_kind("recurring_review"):
        for handoff in rule.handoffs:
            for target, source in handoff.fields:
                filled_from.setdefault((handoff.to, target), set()).add(("dates", source))
    filled_levels = {key: filled_from[key] for key in level_fields(protocol) if key in filled_from}
    assert filled_levels == {
        ("monthly-report", "last_strat_category"): {("strategy-meeting", "agreed_category")},
        ("monthly-report", "risk_level_rationale"): {("strategy-meeting", "category_rationale")},
    }
    assert all(
        source != HANDOFF_TEXT for sources in filled_levels.values() for _, source in sources
    )


def test_6_9_the_reading_goes_to_the_minutes_and_to_the_monthly_reports_attachment_field(
    protocol: Protocol,
) -> None:
    reading = protocol.template("risk-summary")
    assert {h.to: dict(h.fields) for h in reading.handoffs} == {
        "strategy-meeting": {"indicator_profile": HANDOFF_TEXT},
        "monthly-report": {"strategy_reading": HANDOFF_TEXT},
    }
    attachment = next(
        f for f in protocol.template("monthly-report").fields if f.id == "strategy_reading"
    )
    assert attachment.added and not attachment.records_level
    assert "Attachment" in attachment.label and "not the level" in attachment.label


@pytest.mark.parametrize(
    ("to", "field"),
    [
        ("monthly-report", "risk_level_rationale"),
        ("monthly-report", "last_strat_category"),
        ("mase-referral", "risk_level"),
        ("strategy-meeting", "agreed_category"),
    ],
)
def test_6_3_a_hand_off_of_the_reading_into_a_level_field_is_refused_naming_the_item(
    protocol_data: dict[str, Any], to: str, field: str
) -> None:
    bad = copy.deepcopy(protocol_data)
    index = template_index(bad, "risk-summary")
    bad["templates"][index]["handoffs"] = [{"to": to, "label": "Use it", "fields": {field: "text"}}]
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(bad)
    assert error.value.path == f"templates[{index}].handoffs[0].fields.{field}"
    assert "records: level" in error.value.message and "'text'" in error.value.message


def test_6_9_the_minutes_may_not_hand_a_field_other_than_the_agreed_level_into_a_level_field(
    protocol_data: dict[str, Any],
) -> None:
    bad = copy.deepcopy(protocol_data)
    index = template_index(bad, "strategy-meeting")
    bad["templates"][index]["handoffs"][0]["fields"]["risk_level_rationale"] = "indicator_profile"
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(bad)
    assert error.value.path == f"templates[{index}].handoffs[0].fields.risk_level_rationale"


def test_6_3_the_reading_never_fills_the_level_field_of_its_own_document(
    protocol: Protocol,
) -> None:
    marked = {f.id for f in protocol.template("risk-summary").fields if f.records_level}
    answer = handle_risk(protocol, {"indicators": ["sh-3-2", "eh-1-1", "srt-3-1"]})
    assert marked == {"agreed_category"}
    assert not marked & set(answer["document_fields"])
