"""Timing rules as the protocol's owner writes them (issue 12, item 3): a new rule is a
YAML edit that clause text may name, and a broken rule is refused naming its item.

Runs on CPython and inside Pyodide: standard library and pytest only. The rules' dates,
kind by kind, are in test_timing_kinds.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from timing_helpers import case_audit, changed, dates, refused

from calculators import timing
from calculators.clause_text import plain_text

THURSDAY, FRIDAY = 3, 4


# Any rule, by its id ---------------------------------------------------------------


def test_a_new_rule_is_a_yaml_edit_and_clause_text_may_name_it(
    protocol_data: dict[str, Any],
) -> None:
    def add(d: dict[str, Any]) -> None:
        d["timing"]["case_audit"] = case_audit(d)
        d["sections"][4]["clauses"][0]["text"] = "Audit by the {rule:case_audit} of the month."

    protocol = changed(protocol_data, add)
    assert protocol.timing.ids[-1] == "case_audit"
    assert [r.id for r in timing.dated_rules(protocol)] == [
        "mase_panel",
        "mase_referral",
        "monthly_report",
        "case_audit",
    ]
    assert plain_text(protocol, protocol.sections[4].clauses[0].text) == (
        "Audit by the 2nd Monday of the month."
    )
    # January 2027 begins on a Friday: its Mondays are 4 and 11.
    assert dates(protocol, "case_audit", 2027)[0] == date(2027, 1, 11)


def test_clause_text_naming_a_rule_the_protocol_lacks_lists_the_rules_it_has(
    protocol_data: dict[str, Any],
) -> None:
    error = refused(
        protocol_data,
        lambda d: d["sections"][4]["clauses"][0].update(text="By the {rule:case_audit}."),
    )
    assert error.path == "sections[4].clauses[0].text"
    assert error.message == (
        "expected a rule (mase_panel, mase_referral, monthly_report, strategy_meeting) "
        "in {rule:…}, got 'case_audit'"
    )


# Refusals name the item ----------------------------------------------------------


def _both(d: dict[str, Any]) -> None:
    d["timing"]["mase_referral"]["working_days"] = 10


def _second_meeting(d: dict[str, Any]) -> None:
    d["timing"]["second_panel"] = dict(d["timing"]["mase_panel"], week_of_month=3)
    d["timing"]["panel_changes"] = [{"date": "2027-01-07", "cancelled": True, "reason": "X"}]


def _day_by(d: dict[str, Any], rule_id: str, **keys: Any) -> None:
    """The rule's day named by these keys instead of its weekday and week of the month."""
    rule = d["timing"][rule_id]
    del rule["weekday"], rule["week_of_month"]
    rule.update(keys)


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            lambda d: d["timing"]["mase_panel"].pop("kind"),
            "timing.mase_panel.kind",
            "missing required key 'kind' in timing.mase_panel (one of monthly_meeting, "
            "deadline_before, monthly_deadline, recurring_review)",
        ),
        (
            lambda d: d["timing"]["mase_panel"].update(kind="weekly_meeting"),
            "timing.mase_panel.kind",
            "expected one of monthly_meeting, deadline_before, monthly_deadline, "
            "recurring_review, got 'weekly_meeting'",
        ),
        (
            lambda d: d["timing"]["mase_panel"].update(week_of_month=6),
            "timing.mase_panel.week_of_month",
            'expected a week of the month, 1 to 5 or "last", got 6 (int)',
        ),
        (
            lambda d: d["timing"]["monthly_report"].update(week_of_month="final"),
            "timing.monthly_report.week_of_month",
            "expected a week of the month, 1 to 5 or \"last\", got the text 'final'",
        ),
        (
            _both,
            "timing.mase_referral",
            "expected either 'days: N' (calendar days) or 'working_days: N', not both",
        ),
        (
            lambda d: d["timing"]["mase_referral"].update(meeting="monthly_report"),
            "timing.mase_referral.meeting",
            "expected the id of a monthly_meeting rule (mase_panel), got 'monthly_report'",
        ),
        (
            lambda d: d["timing"]["mase_panel"].update(send_to="cse-lead"),
            "timing.mase_panel.send_to",
            "unknown key 'send_to' in timing.mase_panel (allowed: clause, name, "
            "handbook_wording, weekday, week_of_month, working_day, kind)",
        ),
        (
            lambda d: d["timing"]["monthly_report"].update(working_day=0),
            "timing.monthly_report.working_day",
            'expected a working day of the month, 1 to 23 or "last", got 0 (int)',
        ),
        (
            lambda d: d["timing"]["monthly_report"].update(working_day="final"),
            "timing.monthly_report.working_day",
            "expected a working day of the month, 1 to 23 or \"last\", got the text 'final'",
        ),
        (
            lambda d: d["timing"]["monthly_report"].update(working_day="last"),
            "timing.monthly_report.working_day",
            "expected one way to name the day of the month, not both 'weekday' and "
            "'working_day': 'weekday' with 'week_of_month' or 'working_day' or "
            "'working_days_after_month_end'",
        ),
        (
            lambda d: _day_by(d, "monthly_report", working_day=3, working_days_after_month_end=5),
            "timing.monthly_report.working_days_after_month_end",
            "expected one way to name the day of the month, not both 'working_day' and "
            "'working_days_after_month_end': 'weekday' with 'week_of_month' or 'working_day' "
            "or 'working_days_after_month_end'",
        ),
        (
            lambda d: _day_by(d, "monthly_report", working_days_after_month_end=0),
            "timing.monthly_report.working_days_after_month_end",
            "expected a whole number from 1 to 20, got 0",
        ),
        (
            lambda d: _day_by(d, "mase_panel", working_days_after_month_end=5),
            "timing.mase_panel.working_days_after_month_end",
            "unknown key 'working_days_after_month_end' in timing.mase_panel (allowed: clause, "
            "name, handbook_wording, weekday, week_of_month, working_day, kind)",
        ),
        (
            lambda d: _day_by(d, "mase_panel"),
            "timing.mase_panel",
            "expected the day of the month it falls on: 'weekday' with 'week_of_month' or "
            "'working_day'",
        ),
        (
            lambda d: d["timing"]["monthly_report"].pop("week_of_month"),
            "timing.monthly_report.week_of_month",
            "missing required key 'week_of_month' (with 'weekday')",
        ),
        (
            lambda d: d["timing"].update(panel_change=[]),
            "timing.panel_change",
            "unknown key 'panel_change' in timing (allowed: panel_changes, bank_holidays, "
            "or the id of an item with its mapping of keys to values)",
        ),
        (
            lambda d: d["timing"].update({"case audit": d["timing"]["monthly_report"]}),
            "timing.case audit",
            "expected an id of letters, digits, '-', '_' or '.', got 'case audit'",
        ),
        (
            _second_meeting,
            "timing.panel_changes[0].meeting",
            "expected the id of the monthly_meeting rule it changes (mase_panel, "
            "second_panel), got nothing",
        ),
        (
            lambda d: d["timing"]["strategy_meeting"].update(convene_clauses=["9.9"]),
            "timing.strategy_meeting.convene_clauses[0]",
            "expected the number of a clause in sections, got '9.9'",
        ),
    ],
)
def test_a_broken_timing_rule_is_refused_naming_its_item(
    protocol_data: dict[str, Any], change: Callable[[dict[str, Any]], Any], path: str, message: str
) -> None:
    error = refused(protocol_data, change)
    assert (error.path, error.message) == (path, message)


def test_a_change_to_a_meeting_names_its_rule_when_there_are_two(
    protocol_data: dict[str, Any],
) -> None:
    def two(d: dict[str, Any]) -> None:
        _second_meeting(d)
        d["timing"]["panel_changes"][0]["meeting"] = "second_panel"
        d["timing"]["panel_changes"][0]["date"] = "2027-01-21"  # the 3rd Thursday

    protocol = changed(protocol_data, two)
    assert timing.occurrences(protocol, "second_panel", 2027)[0].cancelled
    assert not timing.occurrences(protocol, "mase_panel", 2027)[0].cancelled
