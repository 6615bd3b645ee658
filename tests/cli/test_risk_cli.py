"""`python -m cli indicators|risk`: the same answers as the page, as JSON."""

from __future__ import annotations

import json
from typing import Any


def test_indicators_lists_every_cell_with_id_domain_category_and_text_appendix_b(run: Any) -> None:
    result = run("indicators", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 99
    assert set(rows[0]) == {"id", "domain", "category", "text"}
    assert {r["category"] for r in rows} == {1, 2, 3}


def test_risk_gives_the_highest_category_with_counts_rationale_and_clauses_6_3_6_9_6_10(
    run: Any,
) -> None:
    result = run("risk", "--indicator", "eh-1-1", "--indicator", "cc-3-2", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["category"] == 3
    assert answer["counts"] == {"1": 1, "2": 0, "3": 1}
    assert answer["clauses"] == ["6.3", "6.9", "6.10"]
    assert isinstance(answer["rationale"], list) and answer["rationale"]


def test_risk_json_adds_the_profile_by_domain_and_the_themes_counted_once_clause_6_3(
    run: Any,
) -> None:
    result = run(
        "risk",
        "--indicator",
        "srt-2-1",
        "--indicator",
        "srt-3-1",
        "--indicator",
        "ed-1-1",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    indicators = json.loads(run("indicators", "--json").stdout)
    domains = list(dict.fromkeys(row["domain"] for row in indicators))
    assert list(answer["profile"]) == domains
    assert answer["profile"]["sexualised-risk-taking"] == 3
    assert answer["profile"]["education"] == 1
    assert [
        v for k, v in answer["profile"].items() if k not in {"sexualised-risk-taking", "education"}
    ] == [None] * (len(domains) - 2)
    assert answer["counted_once"] == ["strangers-cars"]
    assert answer["counts"] == {"1": 1, "2": 0, "3": 1}
    assert answer["category"] == 3


def test_risk_text_is_the_appendix_b_reading_for_the_strategy_meeting_clause_6_3(run: Any) -> None:
    result = run("risk", "--indicator", "sh-3-2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Appendix B reading for the strategy meeting\n")
    assert "Pregnancy: listed under Category 3" in result.stdout
    assert "Highest Appendix B column with a tick: Category 3" in result.stdout
    assert "single indicator" in result.stdout and "Pregnancy" in result.stdout
    assert "suggested" not in result.stdout.lower()


def test_risk_with_nothing_ticked_gives_null_clause_6_3(run: Any) -> None:
    answer = json.loads(run("risk", "--json").stdout)
    assert answer["category"] is None
    assert answer["counted_once"] == []
    assert set(answer["profile"].values()) == {None}


def test_unknown_indicator_exits_2_naming_it(run: Any) -> None:
    result = run("risk", "--indicator", "made-up-id", "--json")
    assert result.returncode == 2
    assert "made-up-id" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """`python -m cli indicators | head -1`: the rest is dropped quietly."""
    import subprocess
    import sys

    from tests.cli.conftest import ROOT

    listing = subprocess.Popen(
        [sys.executable, "-m", "cli", "indicators"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert listing.stdout is not None and listing.stderr is not None
    first = listing.stdout.readline()
    listing.stdout.close()  # as `head -1` does
    errors = listing.stderr.read().decode()
    assert listing.wait() == 0
    assert first.startswith(b"eh-1-1") and errors == ""
