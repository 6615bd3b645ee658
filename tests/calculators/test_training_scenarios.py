"""Training scenarios: model answers agree with the risk calculator, and a trainee's answer is compared."""

from __future__ import annotations

from typing import Any

import pytest

from calculators.errors import InputError
from calculators.protocol import Protocol
from calculators.risk.assessment import assess
from calculators.risk.listing import same_words
from calculators.timing.answers import strategy_window
from calculators.training.language import find_terms
from calculators.training.scenarios import cell_words, check_scenario, handle_scenario_check
from calculators.wording import long_date


def test_every_model_category_is_the_highest_ticked_or_the_scenario_says_why_it_differs_clauses_6_3_6_9(
    protocol: Protocol,
) -> None:
    for scenario in protocol.scenarios:
        highest = assess(protocol, scenario.indicators).category
        if scenario.model_category != highest:
            assert scenario.differs_because, scenario.id
        else:
            assert scenario.differs_because is None, scenario.id


def test_there_are_at_least_eight_vignettes_of_at_least_200_characters(protocol: Protocol) -> None:
    assert len(protocol.scenarios) >= 8
    for scenario in protocol.scenarios:
        assert len(scenario.text) >= 200, scenario.id


def test_together_the_scenarios_cover_what_new_staff_miss(protocol: Protocol) -> None:
    scenarios = protocol.scenarios
    assert {s.model_category for s in scenarios} >= {1, 2, 3}
    assert any(not s.indicators for s in scenarios), "a case where nothing is ticked"
    assert any(s.out_of_borough and s.interval_weeks for s in scenarios)
    assert any(
        s.differs_because and s.model_category != assess(protocol, s.indicators).category
        for s in scenarios
    )
    tags = {t for s in scenarios for t in s.tags}
    assert tags >= {"boy", "lgbtq", "send"}
    assert any("5.1" in s.clauses and "6.5" in s.clauses for s in scenarios), "an exit"


def test_no_scenario_uses_the_language_it_teaches_against(protocol: Protocol) -> None:
    for scenario in protocol.scenarios:
        found = find_terms(protocol.language, f"{scenario.title} {scenario.text}")
        assert found == (), (scenario.id, [f.text for f in found])


def test_missed_and_added_indicators_and_the_cells_that_decide_clause_6_3(
    protocol: Protocol,
) -> None:
    scenario = protocol.scenario("jordan-one-box")
    check = check_scenario(protocol, scenario.id, ["srt-1-3", "eh-1-3", "sm-1-2"], "1")
    # eh-1-3 "Eating difficulties" is the model's eh-3-3 fact, in other words (one theme)
    assert {i.id for i in check.missed} == set(scenario.indicators) - {"srt-1-3", "eh-3-3"}
    assert [i.id for i in check.added] == ["sm-1-2"]
    assert [(m.id, t.id) for m, t in check.found_in_other_words] == [("eh-3-3", "eh-1-3")]
    assert check.model_highest == 3
    assert [i.id for i in check.deciding] == ["eh-3-3"]
    assert check.ticked_highest == 1
    assert check.category_agrees


def test_the_answer_names_the_definitions_and_the_due_dates_on_the_scenarios_own_dates_clauses_6_3_6_9_6_13(
    protocol: Protocol,
) -> None:
    result = handle_scenario_check(
        protocol, {"scenario": "tia-kent", "indicators": ["rm-2-2"], "category": "3"}
    )
    sections = {s["heading"]: s["lines"] for s in result["sections"]}
    definitions = " ".join(sections["What the definitions ask"])
    assert protocol.category(2).definition in definitions
    assert protocol.category(3).definition in definitions
    due = " ".join(sections["Due dates on this scenario's dates"])
    tia = protocol.scenario("tia-kent")
    last = tia.dates.last_strategy
    assert last is not None
    window = strategy_window(
        protocol, tia.dates.today, last, out_of_borough=True, interval_weeks=tia.interval_weeks
    )
    assert long_date(window.latest) in due  # the agreed interval after the last meeting
    assert "6.13" in due
    assert result["category_agrees"] is False
    assert protocol.risk_rule.decision_support in " ".join(
        sections["The category you would argue for"]
    )


def test_a_scenario_with_nothing_ticked_accepts_no_category(protocol: Protocol) -> None:
    check = check_scenario(protocol, "dev-gift", [], "none")
    assert check.category_agrees and check.model_highest is None and not check.missed


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"scenario": "nobody", "indicators": [], "category": "1"}, "scenario"),
        ({"scenario": "dev-gift", "indicators": "eh-1-1", "category": "1"}, "indicators"),
        ({"scenario": "dev-gift", "indicators": ["xx-9"], "category": "1"}, "indicators"),
        ({"scenario": "dev-gift", "indicators": [], "category": "4"}, "category"),
        ({"scenario": "dev-gift", "indicators": []}, "category"),
    ],
)
def test_bad_input_is_named(protocol: Protocol, payload: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as raised:
        handle_scenario_check(protocol, payload)
    assert [p.field for p in raised.value.problems] == [field]


def test_an_out_of_borough_vignette_states_the_interval_its_data_records(
    protocol: Protocol,
) -> None:
    for scenario in protocol.scenarios:
        if scenario.out_of_borough:
            assert f"every {scenario.interval_weeks} weeks" in scenario.text, scenario.id


# Marking by fact (clauses 6.3, 6.9) ------------------------------------------------


def test_6_3_a_fact_is_found_whichever_copy_of_it_is_ticked(protocol: Protocol) -> None:
    scenario = protocol.scenario("sam-app")  # srt-2-2, rw-2-1, cc-2-2, rw-2-3
    copies_in_category_1 = ["srt-1-3", "rw-1-1", "cc-1-3", "rw-1-2"]
    result = handle_scenario_check(
        protocol, {"scenario": scenario.id, "indicators": copies_in_category_1, "category": "2"}
    )
    assert result["missed"] == [] and result["added"] == []
    lines = {s["heading"]: s["lines"] for s in result["sections"]}["Indicators"]
    assert f"You found 4 of the model answer's {len(scenario.indicators)} indicators." in lines


def test_6_9_the_column_is_named_only_where_the_wording_differs(protocol: Protocol) -> None:
    result = handle_scenario_check(
        protocol,
        {
            "scenario": "sam-app",
            "indicators": ["srt-1-3", "rw-1-1", "cc-1-3", "rw-1-2"],
            "category": "2",
        },
    )
    other_words = {(e["model"], e["ticked"]) for e in result["found_in_other_words"]}
    # cc-1-3 and cc-2-2 are the same words ("Late night phone/internet contact"): no column
    assert other_words == {("srt-2-2", "srt-1-3"), ("rw-2-1", "rw-1-1"), ("rw-2-3", "rw-1-2")}
    lines = " ".join({s["heading"]: s["lines"] for s in result["sections"]}["Indicators"])
    assert "Late night" not in lines
    assert "Perceived friendships/affection (Rewards, Category 1)" in lines


def test_6_3_the_same_words_in_another_column_are_the_same_fact(protocol: Protocol) -> None:
    scenario = protocol.scenario("sam-app")  # two facts stand in another column in the same words
    tried = 0
    for model_id in scenario.indicators:
        model = protocol.indicator(model_id)
        others = [i for i in protocol.indicators if i != model and same_words(i, model)]
        for copy in others:
            ticked = [copy.id if i == model_id else i for i in scenario.indicators]
            check = check_scenario(protocol, scenario.id, ticked, "2")
            assert check.missed == () and check.added == () and check.found_in_other_words == ()
            tried += 1
    assert tried == 2  # cc-1-3 for cc-2-2, srt-3-2 for srt-2-2
    cells = cell_words(protocol, protocol.indicator("srt-3-1"))
    assert cells == "Getting into strangers cars (Sexualised risk taking, Categories 2 and 3)"
