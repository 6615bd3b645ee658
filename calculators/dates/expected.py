"""The due dates on a grid of days, by the rules alone: what data/expected/due_dates.json
records (`make expected` writes it, handbook/build/expected.py), so that the same answers
are compared on CPython and inside Pyodide (tests/calculators/test_expected_due_dates.py).
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

from calculators.dates import request as dates_request
from calculators.protocol import protocol_from_mapping


def due_date_grid() -> list[date]:
    """Days around each month's panel and report deadlines, 2026-2028."""
    return [
        date(year, month, day)
        for year in (2026, 2027, 2028)
        for month in range(1, 13)
        for day in (1, 7, 8, 14, 15, 21, 22, 28)
    ]


def due_dates(protocol_data: dict[str, Any]) -> list[dict[str, Any]]:
    """The due dates on every day of the grid, by the rules alone (no bank holidays)."""
    data = copy.deepcopy(protocol_data)
    data["timing"]["bank_holidays"] = {**data["timing"]["bank_holidays"], "dates": []}
    protocol = protocol_from_mapping(data)
    rows = []
    for today in due_date_grid():
        answer = dates_request.handle_dates(
            protocol,
            {"today": today.isoformat(), "last_strategy": (today - timedelta(days=63)).isoformat()},
        )
        strategy = answer["strategy_meeting"]
        rows.append(
            {
                "today": answer["today"],
                "next_meeting": answer["panel"]["next_meeting"],
                "referable_meeting": answer["panel"]["referable_meeting"],
                "referral_deadline": answer["panel"]["referral_deadline"],
                "report_due": answer["monthly_report"]["due"],
                "report_last_due": answer["monthly_report"]["last_due"],
                "strategy_9_weeks_ago": [strategy["earliest"], strategy["latest"]],
            }
        )
    return rows
