"""The suggested category follows Appendix B: the highest category with a ticked indicator."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.errors import InputError
from calculators.protocol import Protocol
from calculators.risk import assess, handle_risk, record_judgement


def test_every_indicator_ticked_alone_gives_its_own_columns_category(protocol: Protocol) -> None:
    for indicator in protocol.indicators:
        result = assess(protocol, [indicator.id])
        assert result.category == indicator.category, indicator.id
        assert dict(result.counts)[indicator.category] == 1
        assert sum(count for _, count in result.counts) == 1


def test_mixed_selection_gives_the_highest_category(protocol: Protocol) -> None:
    result = assess(protocol, ["eh-1-1", "sh-2-1", "rw-1-2"])
    assert result.category == 2
    assert dict(result.counts) == {1: 2, 2: 1, 3: 0}
    assert assess(protocol, ["eh-1-1", "rm-3-2"]).category == 3


def test_none_ticked_suggests_no_category_and_says_judgement_still_applies(
    protocol: Protocol,
) -> None:
    result = assess(protocol, [])
    assert result.category is None
    assert dict(result.counts) == {1: 0, 2: 0, 3: 0}
    assert protocol.risk_rule.none_ticked in result.rationale
    assert "SAFEGUARD" in protocol.risk_rule.none_ticked


def test_same_words_in_two_categories_are_two_cells(protocol: Protocol) -> None:
    twins = [i for i in protocol.indicators if i.text == "Offending behaviour"]
    assert sorted(i.category for i in twins) == [2, 3]
    assert {assess(protocol, [i.id]).category for i in twins} == {2, 3}


def test_rationale_lists_each_ticked_indicator_by_domain(protocol: Protocol) -> None:
    result = assess(protocol, ["cc-3-4", "cc-1-2", "ed-2-1"])
    coercion = protocol.domain("coercion-control").name
    education = protocol.domain("education").name
    assert any(
        line.startswith(f"{coercion}:")
        and "Reduced contact with family/friends (Category 1)" in line
        and "No contact with family/friends (Category 3)" in line
        for line in result.rationale
    )
    assert any(
        line.startswith(f"{education}: Non school attender (Category 2)")
        for line in result.rationale
    )
    assert "Ticked: 1 in Category 1, 1 in Category 2, 1 in Category 3." in result.rationale


def test_domains_with_nothing_ticked_are_no_information_recorded(protocol: Protocol) -> None:
    result = assess(protocol, ["eh-1-1"])
    names = [d.name for d in protocol.categories.domains]
    assert result.unrecorded == tuple(names[1:])
    assert any(line.startswith("No information recorded: ") for line in result.rationale)


def test_every_result_rests_on_clauses_6_3_and_6_9_and_says_it_is_decision_support(
    protocol: Protocol,
) -> None:
    for ids in ([], ["eh-1-1"], ["rm-3-1"]):
        result = assess(protocol, ids)
        assert result.clauses == ("6.3", "6.9")
        assert result.rationale[-1] == protocol.risk_rule.decision_support


def test_unknown_indicator_is_named(protocol: Protocol) -> None:
    with pytest.raises(InputError) as error:
        assess(protocol, ["eh-1-1", "no-such-thing"])
    assert error.value.problems[0].field == "indicators"
    assert "'no-such-thing'" in error.value.problems[0].message


def test_a_different_recorded_category_needs_a_reason(protocol: Protocol) -> None:
    result = assess(protocol, ["eh-1-1"])
    with pytest.raises(InputError) as error:
        record_judgement(result, "3", "  ")
    assert [p.field for p in error.value.problems] == ["reason"]
    judgement = record_judgement(result, "3", "Disclosure at interview")
    assert (judgement.suggested, judgement.recorded, judgement.differs) == (1, 3, True)
    same = record_judgement(result, "", None)
    assert (same.recorded, same.differs, same.reason) == (1, False, "")


def test_a_reason_that_cannot_go_in_a_document_is_refused_at_the_reason(
    protocol: Protocol,
) -> None:
    result = assess(protocol, ["eh-1-1"])
    for bad in ("bell \x07 character", "lone \ud800 surrogate"):
        with pytest.raises(InputError) as error:
            record_judgement(result, "2", bad)
        assert [p.field for p in error.value.problems] == ["reason"]
        assert "cannot go in a document" in error.value.problems[0].message


def test_recorded_category_must_be_1_2_or_3(protocol: Protocol) -> None:
    result = assess(protocol, [])
    for bad in ("4", "zero", True, "1.5"):
        with pytest.raises(InputError) as error:
            record_judgement(result, bad, "reason")
        assert error.value.problems[0].field == "recorded_category"


def test_bridge_payload_carries_judgement_and_text(protocol: Protocol) -> None:
    answer = handle_risk(
        protocol, {"indicators": ["sh-3-2"], "recorded_category": "2", "reason": "Historic"}
    )
    assert answer["category"] == 3
    assert answer["counts"] == {"1": 0, "2": 0, "3": 1}
    assert answer["judgement"] == {
        "suggested_category": 3,
        "recorded_category": 2,
        "recorded_category_name": "Category 2",
        "differs": True,
        "reason": "Historic",
    }
    assert "Suggested category: Category 3" in answer["text"]
    assert "Reason: Historic" in answer["text"]
    with pytest.raises(InputError):
        handle_risk(protocol, {"indicators": "eh-1-1"})


# Properties over random selections --------------------------------------------


@st.composite
def selections(draw: st.DrawFn, protocol: Protocol) -> list[str]:
    ids = [i.id for i in protocol.indicators]
    return draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_property_category_is_the_highest_ticked_and_counts_add_up(
    protocol: Protocol, data: st.DataObject
) -> None:
    chosen = data.draw(selections(protocol))
    result = assess(protocol, chosen)
    categories = [protocol.indicator(i).category for i in chosen]
    assert result.category == (max(categories) if categories else None)
    assert sum(count for _, count in result.counts) == len(chosen)
    for number, count in result.counts:
        assert count == categories.count(number)
    assert {i.id for i in result.ticked} == set(chosen)
    assert len(result.unrecorded) == sum(
        1 for d in protocol.categories.domains if not any(i.id in chosen for i in d.indicators)
    )


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_property_order_and_repetition_do_not_change_the_answer(
    protocol: Protocol, data: st.DataObject
) -> None:
    chosen = data.draw(selections(protocol))
    shuffled = data.draw(st.permutations(chosen))
    assert assess(protocol, chosen) == assess(protocol, list(shuffled) + list(chosen))


def test_summary_fields_fill_the_risk_summary_template(protocol: Protocol) -> None:
    from calculators.drafts import check_values

    answer = handle_risk(
        protocol, {"indicators": ["eh-1-1", "rm-3-2"], "recorded_category": "2", "reason": "New"}
    )
    fields = answer["document_fields"]
    template = protocol.template("risk-summary")
    assert set(fields) <= {f.id for f in template.fields}
    check_values(template, fields)
    assert fields["suggested_category"] == "Category 3"
    assert fields["recorded_category"] == "Category 2"
    assert fields["different_reason"] == "New"
    assert "decision_support" not in {f.id for f in template.fields}
    assert template.notes == (protocol.risk_rule.decision_support,)  # printed, never typed
    assert [row["indicator"] for row in fields["indicators"]] == [
        "Poor self-image",
        "Pattern of street homelessness",
    ]
