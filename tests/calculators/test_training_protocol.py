"""The training data in the protocol: roles, steps, the map, scenarios and language, validated."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping


def test_every_role_the_issue_names_has_its_clauses_3_2_6_1_6_14(protocol: Protocol) -> None:
    assert [r.id for r in protocol.roles] == [
        "social-worker",
        "social-care-lead",
        "manager",
        "partnership",
        "cse-lead",
        "police",
        "health",
        "mase-chairs",
    ]
    assert "3.2" in protocol.role("social-worker").clauses
    assert "6.1" in protocol.role("manager").clauses
    assert "6.14" in protocol.role("mase-chairs").clauses


def test_the_partnership_at_the_meeting_sets_the_level_not_a_manager_6_9(
    protocol: Protocol,
) -> None:
    """6.3 and 6.9: the level is set at the strategy meeting by the partnership."""
    chart = protocol.process_map
    assert chart.node("risk-level").role == "partnership"
    assert "The partnership at the meeting sets the risk level" in chart.node("risk-level").label
    assert {"6.3", "6.9"} <= set(protocol.role("partnership").clauses)
    assert "6.3" not in protocol.role("manager").clauses
    for node in chart.nodes:
        if "level" in node.label:
            assert node.role == "partnership", node.id


def test_convening_is_the_social_care_leads_3_4(protocol: Protocol) -> None:
    assert "3.4" in protocol.role("social-care-lead").clauses
    assert all("3.4" not in r.clauses for r in protocol.roles if r.id != "social-care-lead")
    assert protocol.process_map.node("strategy").role == "social-care-lead"


def test_the_strategy_discussion_does_not_wait_for_the_police_allocation_3_4(
    protocol: Protocol,
) -> None:
    """The strategy discussion follows the threshold at once, when there is reasonable cause;
    no arrow leads from the police allocation to it."""
    chart = protocol.process_map
    order = [n.id for n in chart.nodes]
    assert order.index("strategy") == order.index("threshold") + 1
    assert order.index("strategy") < order.index("police")
    assert "Reasonable cause" in chart.node("strategy").label
    into_strategy = {e.source for e in chart.edges if e.target == "strategy"}
    assert into_strategy == {"threshold"}


def test_partners_can_refer_a_case_to_mase_4_6(protocol: Protocol) -> None:
    for role_id in ("social-worker", "police", "health", "partnership"):
        assert "4.6" in protocol.role(role_id).clauses, role_id
    assert "partner" in protocol.process_map.node("mase").label


def test_the_induction_steps_rest_on_the_clauses_the_issue_lists(protocol: Protocol) -> None:
    steps = {s.id: s.clauses for s in protocol.induction.steps}
    assert steps["what-is-cse"] == ("1.1",)
    assert steps["warning-signs"] == ("2.1",)
    assert steps["threshold"] == ("3.1", "3.2", "3.3")
    assert {"6.3", "6.9"} <= set(steps["risk-level"])
    assert {"5.1", "6.5"} <= set(steps["exit"])
    assert steps["out-of-borough"] == ("6.13",)
    assert all(c.startswith("4.") for c in steps["mase"][:6])


def test_every_map_node_links_a_clause_and_every_edge_joins_two_nodes(protocol: Protocol) -> None:
    chart = protocol.process_map
    ids = {n.id for n in chart.nodes}
    assert all(e.source in ids and e.target in ids for e in chart.edges)
    assert {n.id for n in chart.nodes} == {e.source for e in chart.edges} | {
        e.target for e in chart.edges
    }


def changed(protocol_data: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> str:
    data = copy.deepcopy(protocol_data)
    change(data)
    with pytest.raises(ProtocolError) as raised:
        protocol_from_mapping(data)
    return str(raised.value)


def test_an_unknown_indicator_in_a_scenario_is_named(protocol_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["scenarios"][1]["indicators"].append("xx-9-9")

    message = changed(protocol_data, change)
    assert message.startswith("scenarios[1].indicators[")
    assert "'xx-9-9'" in message and "indicator id" in message


def test_an_unknown_clause_in_a_role_is_named(protocol_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["roles"][0]["duties"][0]["clause"] = "9.9"

    assert changed(protocol_data, change).startswith("roles[0].duties[0].clause: ")


def test_an_unknown_role_on_the_map_is_named(protocol_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["process_map"]["nodes"][2]["role"] = "wizard"

    message = changed(protocol_data, change)
    assert message.startswith("process_map.nodes[2].role: expected a role id")
    assert "'wizard'" in message


def test_an_edge_to_an_unknown_node_is_named(protocol_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["process_map"]["edges"][0]["to"] = "nowhere"

    assert changed(protocol_data, change).startswith("process_map.edges[0].to: ")


def test_a_short_vignette_is_refused(protocol_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["scenarios"][0]["text"] = "Too short."

    assert "at least 200 characters" in changed(protocol_data, change)


def test_out_of_borough_needs_the_agreed_interval(protocol_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["scenarios"][0]["out_of_borough"] = True

    assert changed(protocol_data, change).startswith("scenarios[0].interval_weeks: ")


def test_a_phrase_listed_twice_is_refused(protocol_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["language"]["terms"][1]["phrases"].append("Promiscuous")

    assert "duplicate phrase 'promiscuous'" in changed(protocol_data, change)


def test_the_verbatim_note_must_be_an_editorial_note(protocol_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["language"]["verbatim_note"] = "missing-note"

    assert changed(protocol_data, change).startswith("language.verbatim_note: ")
