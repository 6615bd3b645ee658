"""The engine's own timing rules: the dates its tests are written for.

Tests of the engine (the calculators, the command line, the documents, the pages) run
on Newham's protocol with these rules in place of data/protocol.yaml's, so that the
protocol owner's next revision of the dates changes no test: the panel on the 1st
Thursday, the referral 14 days before it, the report by the 3rd Thursday, strategy
meetings every 8-10 weeks (convened 14 days before the latest date), no panel changes.
What Newham's protocol says today is in data/expected/ (`make expected`). Standard
library only: the calculators' tests import it inside Pyodide too.
"""

from __future__ import annotations

import copy
from typing import Any

# The keys that set a timing rule's dates, and the engine's fixed values for them.
DATE_KEYS = (
    "weekday", "week_of_month", "working_day", "days", "working_days",
    "working_days_after_month_end", "min_weeks", "max_weeks",
)  # fmt: skip
ENGINE_TIMING: dict[str, dict[str, Any]] = {
    "mase_panel": {"weekday": "thursday", "week_of_month": 1},
    "mase_referral": {"days": 14},
    "monthly_report": {"weekday": "thursday", "week_of_month": 3},
    "strategy_meeting": {
        "min_weeks": 8,
        "max_weeks": 10,
        "convene_days_before": 14,
        "confirm_interval_over_weeks": 26,
        "shortest_agreed_weeks": 1,
        "longest_agreed_weeks": 52,
    },
}


def engine_timing(newham: dict[str, Any]) -> dict[str, Any]:
    """A copy of `newham` (protocol data) whose timing rules have the engine's dates."""
    data = copy.deepcopy(newham)
    for rule_id, keys in ENGINE_TIMING.items():
        rule = data["timing"][rule_id]
        for key in DATE_KEYS:
            rule.pop(key, None)
        rule.update(keys)
    data["timing"]["panel_changes"] = []
    return data
