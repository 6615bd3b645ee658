"""A made-up protocol (tests/fixtures) is read by the same code as Newham's, with no code change."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.protocol import Protocol
from calculators.risk_methods import METHODS, apply_method
from handbook.loader import ProtocolFileError, load_protocol

MADE_UP = Path(__file__).resolve().parent.parent / "fixtures" / "made_up_protocol.yaml"
ORIGINAL = MADE_UP.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def made_up() -> Protocol:
    return load_protocol(MADE_UP).protocol


def test_it_has_four_levels_lowest_first_and_a_section_7(made_up: Protocol) -> None:
    assert made_up.categories.numbers == (1, 2, 3, 4)
    assert made_up.level(4).name == "Level 4 (severe)"
    assert made_up.section(7).clauses[0].id == "7.1"


def test_a_domain_may_lack_a_level(made_up: Protocol) -> None:
    assert {i.category for i in made_up.domain("school").indicators} == {1, 2, 3, 4}
    assert {i.category for i in made_up.domain("money").indicators} == {1, 2, 3}


def test_its_timing_is_a_panel_on_the_2nd_tuesday_and_a_review_every_6_weeks(
    made_up: Protocol,
) -> None:
    timing = made_up.timing
    assert (timing.mase_panel.weekday, timing.mase_panel.week_of_month) == (1, 2)
    assert (timing.strategy_meeting.min_weeks, timing.strategy_meeting.max_weeks) == (6, 6)
    assert timing.panel_changes[0].cancelled


def test_its_weighted_bands_score_the_ticked_indicators(made_up: Protocol) -> None:
    assert made_up.risk_rule.method == "weighted_bands"
    for ids, score, band, level in [
        ([], 0, "Low", 1),
        (["sc-1", "sc-2"], 3, "Low", 1),
        (["sc-3"], 4, "Medium", 2),
        (["sc-2", "mo-3"], 7, "Medium", 2),
        (["sc-4"], 8, "High", 3),
        (["sc-3", "mo-2", "mo-3"], 12, "High", 3),
        (["sc-4", "mo-3"], 13, "Very high", 4),
        ([i.id for i in made_up.indicators], 24, "Very high", 4),
    ]:
        result = apply_method(made_up, ids)
        assert (result.score, result.band.name, result.level) == (score, band, level), ids
        assert result.clauses == ("6.2",)


def test_the_highest_level_method_reads_its_fourth_level(made_up: Protocol) -> None:
    ticked = (made_up.indicator("mo-1"), made_up.indicator("sc-4"))
    assert METHODS["highest_level"](made_up, ticked).level == 4


@pytest.mark.parametrize(
    ("old", "new", "path", "expected", "line_of_text"),
    [
        (
            "{id: mo-3, category: 3,",
            "{id: mo-3, category: 5,",
            "categories.domains[1].indicators[2].category",
            "expected a category 1, 2, 3 or 4, got 5",
            "mo-3",
        ),
        (
            "{id: sc-2, category: 2, weight: 2,",
            "{id: sc-2, category: 2,",
            "categories.domains[0].indicators[1].weight",
            "expected a weight",
            "sc-2",
        ),
        (
            "{name: High, min_score: 8,",
            "{name: High, min_score: 9,",
            "risk_rule.bands[2].min_score",
            "expected 8",
            "name: High",
        ),
        (
            "    - number: 4\n",
            "    - number: 2\n",
            "categories.levels",
            "expected the levels lowest first, each number once, got [1, 2, 3, 2]",
            "levels:",
        ),
    ],
)
def test_a_broken_level_weight_or_band_is_refused_naming_its_line(
    tmp_path: Path, old: str, new: str, path: str, expected: str, line_of_text: str
) -> None:
    """A level it lacks, a missing weight under the weighted method, a gap between bands,
    levels out of order."""
    assert old in ORIGINAL, f"test setup: {old!r} is not in the made-up protocol"
    broken = tmp_path / "protocol.yaml"
    text = ORIGINAL.replace(old, new, 1)
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ProtocolFileError) as error:
        load_protocol(broken)
    message = str(error.value)
    assert f": {path}: " in message
    assert expected in message
    line = text[: text.index(line_of_text)].count("\n") + 1
    assert f", line {line}: " in message
