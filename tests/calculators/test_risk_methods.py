"""The risk rule names its method: highest_level (Appendix B's rule) or weighted_bands."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping
from calculators.risk.assessment import handle_risk
from calculators.risk.methods import ALIASES, METHODS, apply_method, band_for

BANDS = [
    {"name": "Low", "min_score": 0, "max_score": 2, "level": 1},
    {"name": "Medium", "min_score": 3, "max_score": 5, "level": 2},
    {"name": "High", "min_score": 6, "level": 3},
]


def weighted(protocol_data: dict[str, Any], bands: list[dict[str, Any]] | None = None) -> Any:
    """Newham's protocol with weights equal to each indicator's category, and bands."""
    data = copy.deepcopy(protocol_data)
    chosen = copy.deepcopy(bands or BANDS)
    data["risk_rule"].update(
        method="weighted_bands",
        bands=chosen,
        band_line="Total score {score}: {band} ({level}).",
        prompts=[{"band": band["name"], "text": f"Is it {band['name']}?"} for band in chosen],
    )
    for domain in data["categories"]["domains"]:
        for indicator in domain["indicators"]:
            indicator["weight"] = indicator["category"]
    return data


def error_for(data: dict[str, Any]) -> ProtocolError:
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(data)
    return error.value


def test_the_directives_rule_is_highest_level_under_its_older_name_clause_6_3(
    protocol: Protocol,
) -> None:
    assert ALIASES["highest_ticked"] == "highest_level"
    assert protocol.risk_rule.method == "highest_level"


def test_highest_level_is_the_highest_category_ticked_clauses_6_3_6_9_6_10(
    protocol: Protocol,
) -> None:
    ids = [protocol.domain("rewards").in_category(2)[0].id, protocol.indicators[0].id]
    result = apply_method(protocol, ids)
    assert (result.method, result.level, result.score, result.band) == (
        "highest_level",
        2,
        None,
        None,
    )
    assert result.clauses == protocol.risk_rule.clauses == ("6.3", "6.9", "6.10")


def test_highest_level_with_nothing_ticked_is_no_level_clause_6_3(protocol: Protocol) -> None:
    assert METHODS["highest_level"](protocol, ()).level is None


def test_weighted_bands_add_the_weights_and_name_the_band_clauses_6_3_6_9_6_10(
    protocol_data: dict[str, Any],
) -> None:
    protocol = protocol_from_mapping(weighted(protocol_data))
    category_1 = [i.id for i in protocol.indicators if i.category == 1]
    category_3 = [i.id for i in protocol.indicators if i.category == 3]
    for ids, score, band, level in [
        ([], 0, "Low", 1),
        (category_1[:2], 2, "Low", 1),
        (category_1[:3], 3, "Medium", 2),
        (category_3[:1] + category_1[:2], 5, "Medium", 2),
        (category_3[:2], 6, "High", 3),
        (category_3, 3 * len(category_3), "High", 3),
    ]:
        result = apply_method(protocol, ids)
        assert result.method == "weighted_bands"
        assert (result.score, result.band.name, result.level) == (score, band, level), ids
        assert result.clauses == ("6.3", "6.9", "6.10")


def test_an_unknown_indicator_is_not_scored(protocol: Protocol) -> None:
    with pytest.raises(KeyError, match="nope"):
        apply_method(protocol, ["nope"])


def test_every_total_falls_in_exactly_one_band(protocol_data: dict[str, Any]) -> None:
    bands = protocol_from_mapping(weighted(protocol_data)).risk_rule.bands
    for score in range(50):
        holding = [
            b.name
            for b in bands
            if b.min_score <= score and (b.max_score is None or score <= b.max_score)
        ]
        assert holding == [band_for(bands, score).name], score
    assert [band_for(bands, s).name for s in (2, 3, 5, 6, 10_000)] == [
        "Low",
        "Medium",
        "Medium",
        "High",
        "High",
    ]


def test_weighted_bands_need_a_weight_on_every_indicator(protocol_data: dict[str, Any]) -> None:
    data = weighted(protocol_data)
    del data["categories"]["domains"][2]["indicators"][1]["weight"]
    error = error_for(data)
    assert error.path == "categories.domains[2].indicators[1].weight"
    assert "expected a weight" in error.message and "weighted_bands" in error.message


@pytest.mark.parametrize(
    ("bands", "path", "expected"),
    [
        ([], "risk_rule.bands", "expected the bands the weighted_bands method scores into"),
        (
            [{"name": "Low", "min_score": 1}],
            "risk_rule.bands[0].min_score",
            "expected 0, so that the bands run on from 0 without gaps or overlaps, got 1",
        ),
        (
            [{"name": "Low", "min_score": 0, "max_score": 2}, {"name": "High", "min_score": 4}],
            "risk_rule.bands[1].min_score",
            "expected 3, so that the bands run on from 0 without gaps or overlaps, got 4",
        ),
        (
            [{"name": "Low", "min_score": 0, "max_score": 2}, {"name": "High", "min_score": 2}],
            "risk_rule.bands[1].min_score",
            "expected 3, so that the bands run on from 0 without gaps or overlaps, got 2",
        ),
        (
            [{"name": "Low", "min_score": 0}, {"name": "High", "min_score": 1}],
            "risk_rule.bands[0].max_score",
            "expected a max_score: only the last band is open-ended",
        ),
        (
            [{"name": "Low", "min_score": 0, "max_score": 9}],
            "risk_rule.bands[0].max_score",
            "expected no max_score on the last band, so that every total falls in a band",
        ),
        (
            [{"name": "Low", "min_score": 0, "max_score": 2}, {"name": "Low", "min_score": 3}],
            "risk_rule.bands[1].name",
            "duplicate band name 'Low' (first used at risk_rule.bands[0].name): each must be unique",
        ),
        (
            [{"name": "Low", "min_score": 5, "max_score": 2}],
            "risk_rule.bands[0].max_score",
            "expected at least min_score (5), got 2",
        ),
        (
            [{"name": "Low", "min_score": 0, "level": 4}],
            "risk_rule.bands[0].level",
            "expected a category 1, 2 or 3, got 4 (int)",
        ),
    ],
)
def test_bands_run_from_0_upwards_without_gaps_or_overlaps(
    protocol_data: dict[str, Any], bands: list[dict[str, Any]], path: str, expected: str
) -> None:
    data = weighted(protocol_data)
    data["risk_rule"]["bands"] = bands
    error = error_for(data)
    assert (error.path, error.message) == (path, expected)


def test_bands_belong_to_the_weighted_method_only(protocol_data: dict[str, Any]) -> None:
    data = copy.deepcopy(protocol_data)
    data["risk_rule"]["bands"] = copy.deepcopy(BANDS)
    error = error_for(data)
    assert (error.path, error.message) == (
        "risk_rule.bands",
        "expected no bands or band_line: only weighted_bands uses them",
    )


def test_an_unknown_method_is_refused_naming_the_methods(protocol_data: dict[str, Any]) -> None:
    data = copy.deepcopy(protocol_data)
    data["risk_rule"]["method"] = "average"
    error = error_for(data)
    assert (error.path, error.message) == (
        "risk_rule.method",
        f"expected one of {', '.join(METHODS)}, got 'average'",
    )


def test_weighted_bands_need_the_sentence_that_gives_the_total(
    protocol_data: dict[str, Any],
) -> None:
    data = weighted(protocol_data)
    del data["risk_rule"]["band_line"]
    error = error_for(data)
    assert error.path == "risk_rule.band_line" and "{score}" in error.message


def test_highest_level_has_no_band_line(protocol_data: dict[str, Any]) -> None:
    data = copy.deepcopy(protocol_data)
    data["risk_rule"]["band_line"] = "Total {score}: {band}."
    assert error_for(data).path == "risk_rule.band_line"


def test_6_3_the_reading_under_weighted_bands_leads_with_what_is_ticked_then_the_total_and_band(
    protocol_data: dict[str, Any],
) -> None:
    protocol = protocol_from_mapping(weighted(protocol_data))
    ids = [i.id for i in protocol.indicators if i.category == 3][:2]
    result = handle_risk(protocol, {"indicators": ids})
    domains = len(protocol.categories.domains)
    assert result["headline"] == protocol.risk_rule.headline.format(
        count=2, domains=1, total=domains
    )  # a band is a reading too: never the first line
    assert (result["score"], result["band"]) == (6, "High")
    after_domains = result["rationale"][1 + domains :]
    assert after_domains[0] == "Total score 6: High (Category 3)."
    # the band is the answer: no highest level ticked beside it to contradict it
    highest = protocol.risk_rule.highest.format(category="Category 3")
    assert highest not in result["rationale"] and highest not in result["text"]


def test_6_3_a_weighted_reading_shows_the_band_reached_and_its_own_definition(
    protocol_data: dict[str, Any],
) -> None:
    """One heavy indicator in a low band: the band's definition, never the highest level's."""
    bands = [
        {"name": "No apparent risk", "min_score": 0, "max_score": 5, "definition": "Watch."},
        {"name": "High", "min_score": 6, "level": 3, "definition": "Act now."},
    ]
    data = weighted(protocol_data, bands)
    for domain in data["categories"]["domains"]:
        for indicator in domain["indicators"]:
            indicator["weight"] = 5 if indicator["category"] == 3 else 1
    protocol = protocol_from_mapping(data)
    one = next(i.id for i in protocol.indicators if i.category == 3)
    result = handle_risk(protocol, {"indicators": [one]})
    assert (result["score"], result["band"]) == (5, "No apparent risk")
    rule = protocol.risk_rule
    assert result["definition"] == rule.definition.format(
        category="No apparent risk", definition="Watch."
    )
    assert protocol.category(3).definition not in result["text"]
    assert protocol.category(3).definition not in str(result["document_fields"])
    assert result["prompts"] == ["No apparent risk: Is it No apparent risk?", "High: Is it High?"]


def test_a_band_with_no_definition_shows_its_levels_clause_6_3(
    protocol_data: dict[str, Any],
) -> None:
    protocol = protocol_from_mapping(weighted(protocol_data))
    ids = [i.id for i in protocol.indicators if i.category == 1][:3]  # 3: Medium, level 2
    result = handle_risk(protocol, {"indicators": ids})
    assert protocol.category(2).definition in result["definition"]


def test_weighted_prompts_name_each_band_in_order(protocol_data: dict[str, Any]) -> None:
    data = weighted(protocol_data)
    data["risk_rule"]["prompts"].reverse()
    error = error_for(data)
    assert error.path == "risk_rule.prompts" and "Low, Medium, High" in error.message


def test_the_profile_names_and_counts_every_level_the_protocol_has_clause_6_3(
    protocol_data: dict[str, Any],
) -> None:
    data = copy.deepcopy(protocol_data)
    data["risk_rule"]["level_name"] = "Level {number}"
    protocol = protocol_from_mapping(data)
    ids = [next(i.id for i in protocol.indicators if i.category == 2)]
    result = handle_risk(protocol, {"indicators": ids})
    assert result["counts_line"].endswith("Level 1: 0, Level 2: 1, Level 3: 0")
    assert "score" not in result and "band" not in result  # highest_level's keys as they were
