"""Newham's golden due dates (data/expected/due_dates.json, written by `make expected`)
answered again by the rules: on CPython, and inside Pyodide, where `make test-pyodide`
copies the file in and names it in CSE_EXPECTED_DUE_DATES."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from calculators.dates.expected import due_date_grid, due_dates

EXPECTED_VARIABLE = "CSE_EXPECTED_DUE_DATES"
RECORDED = Path(__file__).resolve().parents[2] / "data" / "expected" / "due_dates.json"


def recorded_due_dates() -> list[dict[str, Any]]:
    path = Path(os.environ.get(EXPECTED_VARIABLE) or RECORDED)
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_grid_is_the_days_around_each_months_deadlines_from_2026_to_2028() -> None:
    days = due_date_grid()
    assert len(days) == len(set(days)) == 3 * 12 * 8
    assert (days[0].isoformat(), days[-1].isoformat()) == ("2026-01-01", "2028-12-28")


def test_every_day_of_the_grid_gets_the_due_dates_recorded_for_it_clauses_4_6_5_3_6_2(
    newham_protocol_data: dict[str, Any],
) -> None:
    recorded = recorded_due_dates()
    answered = due_dates(newham_protocol_data)
    assert [row["today"] for row in answered] == [row["today"] for row in recorded]
    for now, then in zip(answered, recorded, strict=True):
        assert now == then, now["today"]
