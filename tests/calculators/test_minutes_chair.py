"""The minutes' chair (clauses 6.1 and 6.10): a TM, or a PM when the TM is unavailable, or,
for a strategy meeting dovetailed into another procedure, another chair with the reason.

Runs on CPython and inside Pyodide: standard library and pytest only.
"""

from __future__ import annotations

from calculators.documents.drafts import check_values
from calculators.documents.text import template_text
from calculators.protocol import Protocol

IRO_CHAIR = "Independent reviewing officer, chairing the LAC review this meeting is part of"


def chair_fields(protocol: Protocol) -> dict:
    return {f.id: f for f in protocol.template("strategy-meeting").fields}


def test_the_minutes_allow_a_chair_of_a_dovetailed_meeting_6_10(protocol: Protocol) -> None:
    role = chair_fields(protocol)["chair_role"]
    assert role.options[:2] == (
        "Team manager (TM)",
        "Practice manager (PM), the TM being unavailable",
    )
    [other] = role.options[2:]
    assert "dovetailed" in other and "6.10" in other


def test_the_reason_for_another_chair_is_an_addition_to_the_source_6_10(
    protocol: Protocol,
) -> None:
    reason = chair_fields(protocol)["chair_reason"]
    assert reason.added and reason.type == "textarea" and not reason.required
    assert "IRO" in (reason.help or "") and "6.10" in (reason.help or "")
    assert "6.10" in protocol.template("strategy-meeting").sections[1].clauses


def test_minutes_chaired_by_an_iro_record_the_reason_truthfully_6_10(
    protocol: Protocol,
) -> None:
    template = protocol.template("strategy-meeting")
    other = chair_fields(protocol)["chair_role"].options[2]
    clean = check_values(
        template, {"chair_name": "A. Reviewer", "chair_role": other, "chair_reason": IRO_CHAIR}
    )
    assert clean["chair_role"] == other and clean["chair_reason"] == IRO_CHAIR
    text = template_text(protocol, template, clean)
    assert other in text and IRO_CHAIR in text
