"""The timing rules come from the protocol: change the YAML and every answer follows.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from timing_helpers import with_changes

from calculators.dates import request as dates_request
from calculators.protocol import WEEKDAYS
from calculators.timing import answers


@settings(max_examples=200, deadline=None)
@given(
    today=st.dates(date(2000, 1, 1), date(2099, 12, 1)),
    weekday=st.sampled_from(WEEKDAYS),
    week=st.integers(1, 4),
    lead=st.integers(0, 60),
    report_weekday=st.sampled_from(WEEKDAYS),
    report_week=st.integers(1, 4),
)
def test_any_rule_gives_dates_that_keep_the_rule_clauses_4_6_5_3(
    protocol_data: dict[str, Any],
    today: date,
    weekday: str,
    week: int,
    lead: int,
    report_weekday: str,
    report_week: int,
) -> None:
    protocol = with_changes(
        protocol_data,
        mase_panel={"weekday": weekday, "week_of_month": week},
        mase_referral={"days": lead},
        monthly_report={"weekday": report_weekday, "week_of_month": report_week},
    )
    answer = answers.panel_answer(protocol, today)
    for panel in (answer.next_meeting.date, answer.referable_meeting.date):
        assert WEEKDAYS[panel.weekday()] == weekday and (panel.day - 1) // 7 + 1 == week
    assert answer.next_meeting.date >= today
    assert answer.referral_deadline.date == answer.referable_meeting.date - timedelta(days=lead)
    assert answer.referral_deadline.date >= today
    due = answers.next_report(protocol, today).due.date
    assert due >= today and WEEKDAYS[due.weekday()] == report_weekday
    assert (due.day - 1) // 7 + 1 == report_week


def test_changing_the_rules_in_the_protocol_changes_every_answer_clauses_4_6_5_3_6_2_6_13(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_changes(
        protocol_data,
        mase_panel={"weekday": "tuesday", "week_of_month": 2},
        mase_referral={"days": 10},
        monthly_report={"weekday": "friday", "week_of_month": 4},
        strategy_meeting={"min_weeks": 4, "max_weeks": 6},
    )
    data = dates_request.handle_dates(
        protocol, {"today": "2026-11-29", "last_strategy": "2026-10-01"}
    )
    assert data["panel"]["next_meeting"] == "2026-12-08"  # 2nd Tuesday
    assert data["panel"]["referable_meeting"] == "2027-01-12"  # 28 November has passed
    assert data["panel"]["referral_deadline"] == "2027-01-02"  # 10 days before
    assert data["monthly_report"]["due"] == "2026-12-25"  # 4th Friday
    assert data["strategy_meeting"]["earliest"] == "2026-10-29"  # 4 weeks
    assert data["strategy_meeting"]["latest"] == "2026-11-12"  # 6 weeks
    text = json.dumps(data["answers"])
    assert "2nd Tuesday" in text and "10 days before the panel" in text
    assert "4th Friday" in text and "4-6 weeks is the minimum frequency" in text
    out_of_borough = dates_request.handle_dates(
        protocol,
        {
            "today": "2026-11-29",
            "last_strategy": "2026-10-01",
            "out_of_borough": True,
            "agreed_interval_weeks": 7,
        },
    )
    assert out_of_borough["strategy_meeting"]["latest"] == "2026-11-19"
    calendar = dates_request.handle_calendar(protocol, {"year": 2027})
    assert calendar["months"][0]["panel"] == "2027-01-12"
    assert calendar["months"][0]["report_due"] == "2027-01-22"
