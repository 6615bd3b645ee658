"""References across the file: every field marked `refers_to` points at an item that exists."""

from __future__ import annotations

import copy
import dataclasses
import typing
from datetime import date
from typing import Any

import pytest

from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping
from calculators.protocol.reading import field_spec
from calculators.protocol.references import reference_checks, references


def model_fields(cls: type, seen: set[type] | None = None) -> list[tuple[str, Any, Any]]:
    """(class.field, leaf type, spec) for every field reachable from `cls`."""
    seen = set() if seen is None else seen
    seen.add(cls)
    found = []
    for item in dataclasses.fields(cls):
        hint = typing.get_type_hints(cls)[item.name]
        while typing.get_origin(hint) is not None:
            hint = next(a for a in typing.get_args(hint) if a not in (type(None), Ellipsis))
        if dataclasses.is_dataclass(hint):
            if hint not in seen:
                found += model_fields(hint, seen)
        else:
            found.append((f"{cls.__name__}.{item.name}", hint, field_spec(item)))
    return found


def test_every_field_of_the_model_has_a_reader_and_a_known_reference_kind(
    protocol: Protocol,
) -> None:
    kinds = set(reference_checks(protocol))
    for name, hint, spec in model_fields(Protocol):
        assert hint in (str, int, bool, date), name
        assert spec.refers_to is None or spec.refers_to in kinds, name


def test_references_are_found_with_their_paths(protocol: Protocol) -> None:
    found = {path: (kind, value) for kind, value, path in references(protocol)}
    assert found["timing.monthly_report.send_to"] == ("contact", "cse-lead")
    assert found["risk_rule.clauses[1]"] == ("clause", "6.9")
    assert found["categories.levels[2].note"] == ("note", "category-3-wording")
    assert found["sections[0].clauses[0].text"][0] == "text"


def refusal(protocol_data: dict[str, Any], change: Any) -> tuple[str, str]:
    """The path and message the protocol is refused with once `change` is made to a copy."""
    data = copy.deepcopy(protocol_data)
    change(data)
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(data)
    return error.value.path, error.value.message


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            lambda d: d["templates"][0]["sections"][0].update(clauses=["9.9"]),
            "templates[0].sections[0].clauses[0]",
            "expected the number of a clause in sections, got '9.9'",
        ),
        (
            lambda d: d["templates"][0].update(email_to=["nobody"]),
            "templates[0].email_to[0]",
            "expected a contact id (acute-services, community-nurse, cse-lead, cse-mailbox), "
            "got 'nobody'",
        ),
        (
            lambda d: d["contacts"][0]["used_in"].append("form:nothing"),
            "contacts[0].used_in[-1]",
            "expected form:<template id>, got 'form:nothing'",
        ),
        (
            lambda d: d["categories"]["levels"][0].update(note="missing-note"),
            "categories.levels[0].note",
            "expected a decision id, got 'missing-note'",
        ),
        (
            lambda d: d["sections"][0]["clauses"][0].update(text="See {rule:panel}."),
            "sections[0].clauses[0].text",
            "expected a rule (mase_panel, mase_referral, monthly_report, strategy_meeting) "
            "in {rule:…}, got 'panel'",
        ),
        (
            lambda d: d["timing"]["strategy_meeting"].update(out_of_borough_clause="6.99"),
            "timing.strategy_meeting.out_of_borough_clause",
            "expected the number of a clause in sections, got '6.99'",
        ),
    ],
)
def test_a_reference_to_nothing_is_refused_at_its_path(
    protocol_data: dict[str, Any], change: Any, path: str, message: str
) -> None:
    if path.endswith("[-1]"):  # the item appended to the list
        path = path.replace("[-1]", f"[{len(protocol_data['contacts'][0]['used_in'])}]")
    assert refusal(protocol_data, change) == (path, message)


def test_an_indicator_reference_names_an_indicator_the_protocol_has(protocol: Protocol) -> None:
    check = reference_checks(protocol)["indicator"]
    check(protocol.indicators[0].id, "x")
    with pytest.raises(
        ProtocolError,
        match=r"expected an indicator id from categories.domains \(such as eh-1-1\), got 'nope'",
    ):
        check("nope", "x")


@pytest.mark.parametrize(
    ("change", "path", "expected"),
    [
        (
            lambda rule: rule["handoffs"][0].update(to="no-such-form"),
            "timing.strategy_meeting.handoffs[0].to",
            "expected a template id, got 'no-such-form'",
        ),
        (
            lambda rule: rule["handoffs"][0]["fields"].update(yp_name="last_strategy"),
            "timing.strategy_meeting.handoffs[0].fields.yp_name",
            "expected a date field for last_strategy, got a text field",
        ),
        (
            lambda rule: rule["handoffs"][2]["fields"].update(meeting_date="yesterday"),
            "timing.strategy_meeting.handoffs[2].fields.meeting_date",
            "expected one of last_strategy, initial_strategy, next_strategy_latest, "
            "next_strategy_due_by, got 'yesterday'",
        ),
        (  # the latest date in words never lands in the minutes' date of the next meeting
            lambda rule: rule["handoffs"][2]["fields"].update(
                next_meeting_date="next_strategy_due_by"
            ),
            "timing.strategy_meeting.handoffs[2].fields.next_meeting_date",
            "expected a text field for next_strategy_due_by, got a date field",
        ),
        (
            lambda rule: rule["handbook_wording"].pop("handoff_label"),
            "timing.strategy_meeting.handbook_wording.handoff_label",
            "expected the label of the button that hands the dates to the forms",
        ),
    ],
)
def test_the_dates_pages_handoffs_go_to_date_fields_the_forms_have(
    protocol_data: dict[str, Any], change: Any, path: str, expected: str
) -> None:
    def in_the_rule(data: dict[str, Any]) -> None:
        change(data["timing"]["strategy_meeting"])

    assert refusal(protocol_data, in_the_rule) == (path, expected)
