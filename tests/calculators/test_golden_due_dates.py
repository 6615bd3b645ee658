"""The golden snapshot of due dates: a rule change shows as a diff.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from timing_helpers import with_holidays

from calculators import dates_request

GOLDEN = Path(__file__).resolve().parent / "golden" / "due_dates.json"


def golden_grid() -> list[date]:
    """Days around each month's panel and report deadlines, 2026-2028."""
    return [
        date(year, month, day)
        for year in (2026, 2027, 2028)
        for month in range(1, 13)
        for day in (1, 7, 8, 14, 15, 21, 22, 28)
    ]


def golden_due_dates(protocol_data: dict[str, Any]) -> list[dict[str, Any]]:
    """The due dates on every day of the grid, by the rules alone (no bank holidays)."""
    protocol = with_holidays(protocol_data)
    rows = []
    for today in golden_grid():
        data = dates_request.handle_dates(
            protocol,
            {"today": today.isoformat(), "last_strategy": (today - timedelta(days=63)).isoformat()},
        )
        strategy = data["strategy_meeting"]
        rows.append(
            {
                "today": data["today"],
                "next_meeting": data["panel"]["next_meeting"],
                "referable_meeting": data["panel"]["referable_meeting"],
                "referral_deadline": data["panel"]["referral_deadline"],
                "report_due": data["monthly_report"]["due"],
                "report_last_due": data["monthly_report"]["last_due"],
                "strategy_9_weeks_ago": [strategy["earliest"], strategy["latest"]],
            }
        )
    return rows


def test_due_dates_match_the_golden_snapshot(protocol_data: dict[str, Any]) -> None:
    """A rule change shows here as a diff: regenerate with
    `python tests/calculators/golden/regenerate.py` and review the JSON diff."""
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert golden_due_dates(protocol_data) == expected
