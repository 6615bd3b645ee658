"""The Appendix B reading for the strategy meeting.

For each domain what is ticked and every column that lists it, the number counted
in each column (an indicator ticked at two levels of its domain counts once, at the
higher), and the highest column ticked. No category is recorded: the strategy
meeting sets the risk level (clauses 6.3, 6.9, 6.10).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.errors import InputError
from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping
from calculators.risk.assessment import assess, counted_indicators, handle_risk


def cells(protocol: Protocol, theme: str) -> list[str]:
    return [i.id for i in protocol.indicators if theme in i.themes]


# The highest category ------------------------------------------------------------


def test_every_indicator_ticked_alone_gives_its_own_columns_category_clause_6_3(
    protocol: Protocol,
) -> None:
    for indicator in protocol.indicators:
        result = assess(protocol, [indicator.id])
        assert result.category == indicator.category, indicator.id
        assert dict(result.counts)[indicator.category] == 1
        assert sum(count for _, count in result.counts) == 1


def test_mixed_selection_gives_the_highest_category_clause_6_3(protocol: Protocol) -> None:
    result = assess(protocol, ["eh-1-1", "sh-2-1", "rw-1-2"])
    assert result.category == 2
    assert dict(result.counts) == {1: 2, 2: 1, 3: 0}
    assert assess(protocol, ["eh-1-1", "rm-3-2"]).category == 3


def test_6_3_the_reading_leads_with_what_is_ticked_and_names_the_highest_column_after_it(
    protocol: Protocol,
) -> None:
    rule = protocol.risk_rule
    answer = handle_risk(protocol, {"indicators": ["eh-1-1", "rm-3-2"]})
    expected = rule.headline.format(count=2, domains=2, total=len(protocol.categories.domains))
    assert answer["headline"] == expected == answer["rationale"][0]
    assert "Category" not in answer["headline"]
    highest = rule.highest.format(category="Category 3")
    assert answer["rationale"].index(highest) > len(protocol.categories.domains)  # after them
    assert answer["title"] == rule.title == "Appendix B reading for the strategy meeting"
    assert "suggested" not in " ".join(answer["rationale"]).lower()


# The profile ----------------------------------------------------------------------


def test_profile_gives_each_domain_its_highest_category_ticked_or_none_clause_6_3(
    protocol: Protocol,
) -> None:
    result = assess(protocol, ["eh-1-1", "eh-3-7", "ed-2-1", "cc-1-2"])
    assert result.profile == {
        d.id: {"emotional-health": 3, "education": 2, "coercion-control": 1}.get(d.id)
        for d in protocol.categories.domains
    }
    assert list(result.profile) == [d.id for d in protocol.categories.domains]


def test_6_3_the_reading_lists_each_ticked_indicator_by_domain_with_its_column(
    protocol: Protocol,
) -> None:
    answer = handle_risk(protocol, {"indicators": ["cc-3-4", "cc-1-2", "ed-2-1"]})
    coercion = protocol.domain("coercion-control").name
    line = next(x for x in answer["domain_lines"] if x.startswith(coercion))
    assert "Reduced contact with family/friends: listed under Category 1" in line
    assert "No contact with family/friends: listed under Category 3" in line


# Themes: one indicator at different levels ----------------------------------------


def test_every_theme_lies_in_one_domain_at_different_categories(protocol: Protocol) -> None:
    themes = {t for i in protocol.indicators for t in i.themes}
    assert {"strangers-cars", "physical-injuries", "eating-difficulties"} <= themes
    for theme in themes:
        members = [protocol.indicator(i) for i in cells(protocol, theme)]
        assert len({i.domain for i in members}) == 1, theme
        categories = [i.category for i in members]
        assert len(categories) == len(set(categories)) >= 2, theme


def test_the_named_repeats_of_appendix_b_are_themes(protocol: Protocol) -> None:
    assert cells(protocol, "strangers-cars") == ["srt-1-2", "srt-2-1", "srt-3-1"]
    assert cells(protocol, "physical-injuries") == ["cc-2-5", "cc-3-6"]
    assert cells(protocol, "eating-difficulties") == ["eh-1-3", "eh-2-6", "eh-3-3"]
    assert protocol.indicator("sh-3-3").themes == ("miscarriages", "terminations")


def test_a_theme_ticked_at_two_levels_is_counted_once_at_the_higher_level_clause_6_3(
    protocol: Protocol,
) -> None:
    result = assess(protocol, ["srt-2-1", "srt-3-1"])
    assert result.category == 3
    assert dict(result.counts) == {1: 0, 2: 0, 3: 1}
    assert [e.theme for e in result.counted_once] == ["strangers-cars"]
    answer = handle_risk(protocol, {"indicators": ["srt-2-1", "srt-3-1"]})
    assert answer["counted_once"] == ["strangers-cars"]
    assert answer["counted_once_lines"] == [
        protocol.risk_rule.counted_once.format(
            indicator="Getting into strangers cars",
            domain="Sexualised risk taking",
            categories="Category 2 and Category 3",
            category="Category 3",
        )
    ]
    assert answer["counted_once_lines"][0] in answer["text"]


def test_a_theme_ticked_at_all_three_levels_counts_once_and_lists_the_three_clause_6_3(
    protocol: Protocol,
) -> None:
    answer = handle_risk(protocol, {"indicators": ["eh-1-3", "eh-2-6", "eh-3-3", "ed-1-1"]})
    assert answer["counts"] == {"1": 1, "2": 0, "3": 1}
    assert "Category 1, Category 2 and Category 3" in answer["counted_once_lines"][0]


def test_a_cell_of_two_themes_absorbs_both_lower_cells_clause_6_3(protocol: Protocol) -> None:
    result = assess(protocol, ["sh-2-2", "sh-2-3", "sh-3-3"])
    assert [i.id for i in result.counted] == ["sh-3-3"]
    assert [e.theme for e in result.counted_once] == ["miscarriages", "terminations"]


def test_ticking_a_themed_cell_gives_its_siblings_with_their_definitions_clause_6_3(
    protocol: Protocol,
) -> None:
    answer = handle_risk(protocol, {"indicators": ["cc-2-5"]})
    [view] = answer["themes"]
    assert view["theme"] == "physical-injuries"
    assert [(c["id"], c["ticked"]) for c in view["cells"]] == [("cc-2-5", True), ("cc-3-6", False)]
    assert [c["definition"] for c in view["cells"]] == [
        protocol.category(2).definition,
        protocol.category(3).definition,
    ]


# Wording -----------------------------------------------------------------------------


def test_a_profile_resting_on_a_single_indicator_says_so_clause_6_3(protocol: Protocol) -> None:
    answer = handle_risk(protocol, {"indicators": ["sh-3-2"]})
    expected = protocol.risk_rule.single_indicator.format(
        indicator="Pregnancy", domain="Sexual health", category="Category 3"
    )
    assert answer["single_indicator"] == "sh-3-2"
    assert answer["single_indicator_line"] == expected
    assert expected in answer["rationale"]
    assert answer["definition"] == protocol.risk_rule.definition.format(
        category=protocol.category(3).name, definition=protocol.category(3).definition
    )
    assert answer["definition"] in answer["text"]


def test_one_theme_at_two_levels_is_still_a_single_indicator_clause_6_3(protocol: Protocol) -> None:
    assert assess(protocol, ["cc-2-5", "cc-3-6"]).single == protocol.indicator("cc-3-6")
    assert assess(protocol, ["cc-2-5", "cc-3-5"]).single is None


def test_nothing_ticked_says_nothing_ticked_and_that_judgement_still_applies_clauses_2_1_6_3(
    protocol: Protocol,
) -> None:
    rule = protocol.risk_rule
    result = assess(protocol, [])
    assert result.category is None
    assert dict(result.counts) == {1: 0, 2: 0, 3: 0}
    assert result.rationale[0] == rule.none_ticked
    assert rule.none_ticked.startswith("Nothing ticked")
    assert "SAFEGUARD" in rule.none_ticked
    answer = handle_risk(protocol, {"indicators": []})
    assert answer["definition"] is None and answer["single_indicator_line"] is None
    assert "no information recorded" not in answer["text"].lower()


def test_domains_with_nothing_ticked_say_nothing_ticked_clause_6_3(protocol: Protocol) -> None:
    result = assess(protocol, ["eh-1-1"])
    names = [d.name for d in protocol.categories.domains]
    assert result.unrecorded == tuple(names[1:])
    assert f"{names[1]}: {protocol.risk_rule.no_information}." in result.rationale


def test_the_prompts_come_from_each_category_definition_clause_6_3(protocol: Protocol) -> None:
    answer = handle_risk(protocol, {"indicators": ["eh-1-1"]})
    prompts = answer["prompts"]
    assert [p.split(":")[0] for p in prompts] == ["Category 1", "Category 2", "Category 3"]
    assert "offences" in prompts[0]
    assert "images" in prompts[1] and "coercion and control" in prompts[1]
    assert all(w in prompts[2] for w in ("habitual", "self-denied", "coercion/control implicit"))
    for prompt in prompts:
        assert prompt in answer["text"]


def test_the_text_leaves_the_agreed_category_blank_for_the_meeting_clauses_6_3_6_9(
    protocol: Protocol,
) -> None:
    text = handle_risk(protocol, {"indicators": ["rm-3-1"]})["text"]
    assert text.startswith(protocol.risk_rule.title)
    assert f"{protocol.risk_rule.agreed_blank}: ___" in text
    assert "Recorded category" not in text and "Suggested category" not in text


def test_every_result_rests_on_the_strategy_meeting_clauses_and_says_it_is_decision_support_clauses_6_3_6_9_6_10(
    protocol: Protocol,
) -> None:
    for ids in ([], ["eh-1-1"], ["rm-3-1"]):
        result = assess(protocol, ids)
        assert result.clauses == ("6.3", "6.9", "6.10")
        assert result.rationale[-1] == protocol.risk_rule.decision_support


# Input and outputs ---------------------------------------------------------------------


def test_unknown_indicator_is_named(protocol: Protocol) -> None:
    with pytest.raises(InputError) as error:
        assess(protocol, ["eh-1-1", "no-such-thing"])
    assert error.value.problems[0].field == "indicators"
    assert "'no-such-thing'" in error.value.problems[0].message


def test_no_category_is_recorded_on_the_risk_page_clauses_6_3_6_9(protocol: Protocol) -> None:
    answer = handle_risk(protocol, {"indicators": ["sh-3-2"], "recorded_category": "2"})
    assert "judgement" not in answer
    template = protocol.template("risk-summary")
    ids = {f.id for f in template.fields}
    assert not {"suggested_category", "recorded_category", "different_reason"} & ids
    agreed = next(f for f in template.fields if f.id == "agreed_category")
    assert agreed.label == protocol.risk_rule.agreed_blank
    assert "agreed_category" not in answer["document_fields"]  # left blank for the meeting
    with pytest.raises(InputError):
        handle_risk(protocol, {"indicators": "eh-1-1"})


def test_profile_fields_fill_the_risk_summary_template_clause_6_3(protocol: Protocol) -> None:
    from calculators.documents.drafts import check_values

    answer = handle_risk(protocol, {"indicators": ["eh-1-1", "rm-3-2", "srt-2-1", "srt-3-1"]})
    fields = answer["document_fields"]
    template = protocol.template("risk-summary")
    assert set(fields) <= {f.id for f in template.fields}
    check_values(template, fields)
    assert fields["ticked_summary"] == answer["headline"]
    assert fields["highest_column"].startswith(
        protocol.risk_rule.highest.format(category="Category 3")
    )
    assert {"category": "Category 3", "count": "2"} in fields["counts"]
    assert {"domain": "Education", "highest": "Nothing ticked"} in fields["domains"]
    assert "Getting into strangers cars" in fields["counted_once"]
    assert template.notes == (protocol.risk_rule.decision_support,)  # printed, never typed
    assert [row["category"] for row in fields["indicators"]][1:3] == ["Categories 2 and 3"] * 2
    assert [row["indicator"] for row in fields["indicators"]] == [
        "Poor self-image",
        "Getting into strangers cars",
        "Getting into strangers cars",
        "Pattern of street homelessness",
    ]


# The protocol's checks on themes -----------------------------------------------------


def _with_theme(data: dict, domain: int, indicator: int, theme: object) -> dict:
    import copy

    changed = copy.deepcopy(data)
    changed["categories"]["domains"][domain]["indicators"][indicator]["theme"] = theme
    return changed


def test_a_theme_across_two_domains_is_refused_naming_the_item(protocol_data: dict) -> None:
    bad = _with_theme(protocol_data, 1, 0, "poor-self-image")  # sexual health, STIs
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(bad)
    assert error.value.path == "categories.domains[1].indicators[0].theme"
    assert "one domain" in error.value.message


def test_a_theme_with_two_cells_in_one_category_is_refused_naming_the_item(
    protocol_data: dict,
) -> None:
    bad = _with_theme(protocol_data, 0, 3, "poor-self-image")  # a second Category 1 cell
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(bad)
    assert error.value.path == "categories.domains[0].indicators[3].theme"
    assert "different categories" in error.value.message


def test_a_theme_of_one_cell_is_refused_naming_the_item(protocol_data: dict) -> None:
    bad = _with_theme(protocol_data, 0, 3, "a-lonely-theme")
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(bad)
    assert error.value.path == "categories.domains[0].indicators[3].theme"
    assert "'a-lonely-theme'" in error.value.message


def test_a_hand_off_to_an_unknown_field_is_refused_naming_the_item(protocol_data: dict) -> None:
    import copy

    bad = copy.deepcopy(protocol_data)
    index = next(i for i, t in enumerate(bad["templates"]) if t["id"] == "strategy-meeting")
    bad["templates"][index]["handoffs"][0]["fields"]["no_such_field"] = "meeting_date"
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(bad)
    assert error.value.path == f"templates[{index}].handoffs[0].fields.no_such_field"
    assert "'monthly-report'" in error.value.message


def test_6_9_the_minutes_hand_the_agreed_category_its_rationale_and_date_to_the_monthly_report(
    protocol: Protocol,
) -> None:
    handoff = protocol.template("strategy-meeting").handoff("monthly-report")
    assert dict(handoff.fields) == {
        "last_strat_category": "agreed_category",
        "risk_level_rationale": "category_rationale",
        "last_strat_category_date": "meeting_date",
        "last_strat_date": "meeting_date",
    }
    report = protocol.template("monthly-report")
    level = next(f for f in report.fields if f.id == "last_strat_category")
    agreed = next(
        f for f in protocol.template("strategy-meeting").fields if f.id == "agreed_category"
    )
    assert level.options == agreed.options and level.added
    reading = protocol.template("risk-summary").handoff("monthly-report")
    assert dict(reading.fields) == {"strategy_reading": "text"}  # an attachment, not the level


# Properties over random selections -----------------------------------------------------


@st.composite
def selections(draw: st.DrawFn, protocol: Protocol) -> list[str]:
    ids = [i.id for i in protocol.indicators]
    return draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_property_category_is_the_highest_ticked_and_counts_follow_the_themes_clause_6_3(
    protocol: Protocol, data: st.DataObject
) -> None:
    chosen = data.draw(selections(protocol))
    result = assess(protocol, chosen)
    ticked = [protocol.indicator(i) for i in chosen]
    assert result.category == (max(i.category for i in ticked) if ticked else None)
    counted = counted_indicators(ticked)
    assert sum(count for _, count in result.counts) == len(counted)
    # an indicator is left out only when a cell of its theme is ticked higher
    for i in ticked:
        if i not in counted:
            assert any(set(o.themes) & set(i.themes) and o.category > i.category for o in ticked)
    if ticked:
        assert max(i.category for i in counted) == result.category
    assert {i.id for i in result.ticked} == set(chosen)
    for domain in protocol.categories.domains:
        mine = [i.category for i in ticked if i.domain == domain.id]
        assert result.profile[domain.id] == (max(mine) if mine else None)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_property_order_and_repetition_do_not_change_the_answer(
    protocol: Protocol, data: st.DataObject
) -> None:
    chosen = data.draw(selections(protocol))
    shuffled = data.draw(st.permutations(chosen))
    assert assess(protocol, chosen) == assess(protocol, list(shuffled) + list(chosen))
