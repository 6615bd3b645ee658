"""Two made-up protocols (tests/fixtures) answer by their own risk methods, with no code change.

One is weighted_bands with weights alone (no level on any indicator, a definition and
a question per band); the other a checklist with no levels at all. Their risk forms
carry the fields their method fills, and `make check` names a broken one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from calculators.protocol import Protocol
from calculators.risk.assessment import handle_risk
from handbook.build.loader import ProtocolFileError, load_protocol

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
WEIGHTED = FIXTURES / "made_up_weighted_protocol.yaml"
CHECKLIST = FIXTURES / "made_up_checklist_protocol.yaml"
ROOT = FIXTURES.parent.parent


@pytest.fixture(scope="module")
def weighted() -> Protocol:
    return load_protocol(WEIGHTED).protocol


@pytest.fixture(scope="module")
def checklist() -> Protocol:
    return load_protocol(CHECKLIST).protocol


def test_the_weighted_protocol_has_weights_and_no_levels(weighted: Protocol) -> None:
    assert weighted.risk_rule.method == "weighted_bands"
    assert weighted.categories.levels == ()
    assert all(i.category is None and i.weight for i in weighted.indicators)


def test_one_heavy_indicator_reads_as_its_band_with_the_bands_own_definition_clause_6_2(
    weighted: Protocol,
) -> None:
    result = handle_risk(weighted, {"indicators": ["sc-3"]})  # weight 5
    band = weighted.risk_rule.bands[0]
    assert (result["score"], result["band"], result["category"]) == (5, band.name, None)
    assert "Total score 5: No apparent risk." in result["rationale"]
    assert result["definition"] == band.definition
    assert result["document_fields"]["band_definition"] == band.definition
    assert result["document_fields"]["band"] == "Total score 5: No apparent risk."
    for other in weighted.risk_rule.bands[1:]:
        assert other.definition not in result["text"]


def test_the_total_moves_into_the_next_band_and_its_definition_clause_6_2(
    weighted: Protocol,
) -> None:
    result = handle_risk(weighted, {"indicators": ["sc-3", "mo-1"]})  # 5 + 1
    raised = weighted.risk_rule.bands[1]
    assert (result["score"], result["band"]) == (6, raised.name)
    assert result["definition"] == raised.definition
    assert result["prompts"] == [f"{p.band}: {p.text}" for p in weighted.risk_rule.prompts]
    assert [row["weight"] for row in result["document_fields"]["indicators"]] == ["5", "1"]


def test_a_checklist_has_no_levels_and_lists_what_is_ticked_by_domain_clause_6_2(
    checklist: Protocol,
) -> None:
    assert checklist.risk_rule.method == "checklist"
    assert checklist.categories.levels == ()
    result = handle_risk(checklist, {"indicators": ["sc-1", "mo-2"]})
    assert (result["category"], result["definition"], result["levels"]) == (None, None, [])
    assert "score" not in result and "band" not in result
    rule = checklist.risk_rule
    assert result["domain_lines"] == [
        rule.domain_line.format(domain="School", indicators="Late for school", category=""),
        rule.domain_line.format(
            domain="Money and gifts", indicators="New phone or clothes", category=""
        ),
    ]
    assert result["prompts"] == [p.text for p in rule.prompts]
    assert result["document_fields"]["domains"] == [
        {"domain": "School", "ticked": "Late for school"},
        {"domain": "Money and gifts", "ticked": "New phone or clothes"},
    ]
    assert "agreed_category" not in result["document_fields"]  # the meeting's, never filled


def test_a_checklist_with_nothing_ticked_says_so_clause_6_2(checklist: Protocol) -> None:
    result = handle_risk(checklist, {"indicators": []})
    assert result["headline"] == checklist.risk_rule.none_ticked
    assert result["domain_lines"][0].endswith(f"{checklist.risk_rule.no_information}.")


@pytest.mark.parametrize(
    ("fixture", "old", "new", "path", "expected"),
    [
        (  # a required field the risk page never fills: its download would fail
            CHECKLIST,
            "- id: yp_name\n      label: Child's name\n      type: text",
            "- id: yp_name\n      label: Child's name\n      type: text\n      required: true",
            "templates[1].sections[0].fields[0].required",
            "expected 'yp_name' not to be required",
        ),
        (  # a column the checklist has no value for
            CHECKLIST,
            "- id: ticked\n        label: Ticked",
            "- id: highest\n        label: Highest",
            "templates[1].sections[0].fields[2].columns",
            "expected columns among domain, ticked",
        ),
        (  # the band in a field named for the level: the reading is never the level
            WEIGHTED,
            "- id: band\n      label: Total and band\n      type: text",
            "- id: band\n      label: Total and band\n      type: text\n      records: level",
            "templates[1].sections[0].fields[2].records",
            "never the level",
        ),
        (  # rows where the method gives text
            WEIGHTED,
            "- id: band_definition\n      label: The band's definition\n      type: textarea",
            "- id: band_definition\n      label: The band's definition\n      type: number",
            "templates[1].sections[0].fields[3].type",
            "expected a text or textarea field for 'band_definition'",
        ),
        (  # a level in a checklist
            CHECKLIST,
            "  levels: []",
            "  levels:\n  - {number: 1, name: One, definition: The first.}",
            "categories.levels",
            "expected no levels",
        ),
    ],
)
def test_a_broken_risk_form_or_method_is_named_by_the_check(
    tmp_path: Path, fixture: Path, old: str, new: str, path: str, expected: str
) -> None:
    original = fixture.read_text(encoding="utf-8")
    assert old in original, f"test setup: {old!r} is not in {fixture.name}"
    broken = tmp_path / "protocol.yaml"
    broken.write_text(original.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProtocolFileError) as error:
        load_protocol(broken)
    assert f": {path}: " in str(error.value)
    assert expected in str(error.value)


def test_make_check_accepts_both_and_names_a_broken_risk_form(tmp_path: Path) -> None:
    for fixture in (WEIGHTED, CHECKLIST):
        done = subprocess.run(
            [sys.executable, "-m", "handbook", "check", str(fixture)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "valid" in done.stdout
    broken = tmp_path / "protocol.yaml"
    text = CHECKLIST.read_text(encoding="utf-8")
    broken.write_text(text.replace("- id: ticked_summary", "- id: summary", 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "handbook", "check", str(broken)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "templates[1].sections[0].fields[1].required" in done.stdout + done.stderr
