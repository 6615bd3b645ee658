"""The protocol owner's decisions: each question the review raised is an item with its
status, and the edition stays a draft until the owner approves it."""

from __future__ import annotations

from datetime import date

import pytest

from calculators.protocol import Protocol, ProtocolError
from calculators.protocol.status import Decision, check_approval


def decision(protocol: Protocol, decision_id: str) -> Decision:
    return protocol.note(decision_id)


def test_whether_appendix_b_is_still_endorsed_names_the_2017_and_2021_protocols_6_3(
    protocol: Protocol,
) -> None:
    asked = decision(protocol, "london-protocol-replaced")
    assert "6.3" in asked.text and "2017" in asked.text and "2021" in asked.text
    assert asked.is_open


def test_every_named_contact_is_a_decision(protocol: Protocol) -> None:
    for contact in protocol.contacts:
        asked = decision(protocol, f"contact-{contact.id}")
        assert contact.email in asked.text or contact.name in asked.text


def test_the_out_of_hours_number_is_a_decision(protocol: Protocol) -> None:
    assert protocol.immediate_danger.out_of_hours_number is None
    assert "out-of-hours number" in decision(protocol, protocol.immediate_danger.note).text


def test_the_mase_coordinator_and_triage_contacts_are_decisions_6_12(protocol: Protocol) -> None:
    assert "6.12" in decision(protocol, "mase-coordinator-contact").text
    assert "triage" in decision(protocol, "triage-contact").text


def test_the_gang_matrix_question_notes_the_matrix_was_decommissioned(protocol: Protocol) -> None:
    asked = decision(protocol, "gang-matrix-question")
    assert "13 February 2024" in asked.text and "Gang Matrix Reference" in asked.text


def test_the_themes_reading_and_the_handbooks_additions_are_decisions(
    protocol: Protocol,
) -> None:
    for decision_id in (
        "themes-reading",
        "handbook-labels",
        "handbook-wording",
        "glossary-readings",
        "added-form-fields",
        "roles-and-process-map",
        "strategy-template-missing",
    ):
        assert decision(protocol, decision_id).is_open


def test_an_approved_edition_needs_who_and_when() -> None:
    with pytest.raises(ProtocolError) as error:
        check_approval("approved", "The CSE lead", None, "metadata")
    assert error.value.path == "metadata.approved_on"
    check_approval("approved", "The CSE lead", date(2027, 1, 4), "m")
    check_approval("draft", None, None, "metadata")
