"""Working-day rules (issue 19, item 2): a panel on the last working day of every month, a
referral 10 working days before it, and a report 5 working days after each month ends.

Another council's timing, made up from Newham's protocol (`timing_helpers.with_working_days`),
with England's bank holidays from Christmas 2026 to New Year 2028. Runs on CPython and
inside Pyodide: standard library and pytest only. Every date was counted by hand on a
calendar; the comment beside it says how.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
from timing_helpers import changed, dates, with_working_days, working_days_variant

from calculators import timing
from calculators.clause_text import plain_text
from calculators.dates import events as schedule_events
from calculators.dates import request as dates_request
from calculators.dates.words import rule_sentence
from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping
from calculators.timing import answers
from calculators.wording import long_date


@pytest.fixture(scope="module")
def variant(protocol_data: dict[str, Any]) -> Protocol:
    return with_working_days(protocol_data)


# The rules in words ------------------------------------------------------------------


def test_working_day_rules_read_as_the_directive_would_write_them_clauses_4_6_5_3(
    variant: Protocol,
) -> None:
    assert timing.rule_words(variant, "mase_panel") == "last working day"
    assert timing.rule_words(variant, "monthly_report") == "5 working days"
    assert "held on the last working day of every month" in plain_text(
        variant, variant.clause("4.6").text
    )
    assert "submit within 5 working days of the end of every month" in plain_text(
        variant, variant.clause("5.3").text
    )
    assert rule_sentence(variant, "monthly_report").startswith(
        "Submit the monthly CSE case report within 5 working days of the end of every month"
    )


def test_the_3rd_working_day_reads_3rd_and_skips_new_years_day_clause_5_3(
    protocol_data: dict[str, Any],
) -> None:
    def third(d: dict[str, Any]) -> None:
        report = d["timing"]["monthly_report"]
        del report["weekday"], report["week_of_month"]
        report["working_day"] = 3

    protocol = changed(protocol_data, third)
    assert timing.rule_words(protocol, "monthly_report") == "3rd working day"
    # January 2027: Friday 1st a holiday, then Monday 4th, Tuesday 5th, Wednesday 6th.
    assert dates(protocol, "monthly_report", 2027)[0] == date(2027, 1, 6)


# The engine ---------------------------------------------------------------------------


def test_the_panel_meets_on_the_last_working_day_of_every_month_clause_4_6(
    variant: Protocol,
) -> None:
    assert dates(variant, "mase_panel", 2027) == [
        date(2027, 1, 29),  # 31 January is a Sunday
        date(2027, 2, 26),  # 28 February is a Sunday
        date(2027, 3, 31),  # a Wednesday, after Easter (26 and 29 March)
        date(2027, 4, 30),
        date(2027, 5, 28),  # Monday 31 May is the spring bank holiday
        date(2027, 6, 30),
        date(2027, 7, 30),  # 31 July is a Saturday
        date(2027, 8, 31),  # a Tuesday, the day after the summer bank holiday
        date(2027, 9, 30),
        date(2027, 10, 29),  # 31 October is a Sunday
        date(2027, 11, 30),
        date(2027, 12, 31),  # a Friday, after the Christmas substitute days
    ]
    assert not any(panel.bank_holiday for panel in timing.occurrences(variant, "mase_panel", 2027))


def test_the_referral_is_10_working_days_before_the_panel_over_easter_and_christmas_clause_4_6(
    variant: Protocol,
) -> None:
    def referral(panel: date) -> date:
        return timing.deadline_for(variant, "mase_referral", panel).date

    # Back from Wednesday 31 March 2027: 30, (29 Easter Monday, 27-28, 26 Good Friday),
    # 25, 24, 23, 22, 19, 18, 17, 16, 15 March.
    assert referral(date(2027, 3, 31)) == date(2027, 3, 15)
    # Back from Friday 31 December 2027: 30, 29, (28 and 27 substitute days, 25-26), 24,
    # 23, 22, 21, 20, 17, 16, 15 December.
    assert referral(date(2027, 12, 31)) == date(2027, 12, 15)
    # Back from Thursday 31 December 2026: 30, 29, (28, 26-27, 25), 24, 23, 22, 21, 18,
    # 17, 16, 15 December.
    assert referral(date(2026, 12, 31)) == date(2026, 12, 15)


def test_the_report_is_due_5_working_days_after_the_month_it_is_for_ends_clause_5_3(
    variant: Protocol,
) -> None:
    reports = timing.occurrences(variant, "monthly_report", 2027)
    by_month = {report.for_month.month: report.date for report in reports if report.for_month}
    assert by_month[1] == date(2027, 2, 5)  # February: Monday 1st to Friday 5th
    assert by_month[3] == date(2027, 4, 7)  # April: Thursday 1st, 2nd, 5th, 6th, 7th
    # May 2027: Monday 3 May a holiday, then Tuesday 4th to Friday 7th and Monday 10th.
    assert by_month[4] == date(2027, 5, 10)
    # Across the year's end: January 2028 begins with Monday 3rd, a substitute day; then
    # Tuesday 4th to Friday 7th and Monday 10th.
    assert by_month[12] == date(2028, 1, 10)
    assert all(report.submit_by is None and not report.bank_holiday for report in reports)


def test_the_december_report_is_the_next_due_in_the_first_days_of_january_clause_5_3(
    variant: Protocol,
) -> None:
    # January 2027: Friday 1st New Year's Day, then Monday 4th to Friday 8th.
    due = timing.next_occurrence(variant, "monthly_report", date(2027, 1, 2))
    assert (due.date, due.for_month) == (date(2027, 1, 8), date(2026, 12, 1))
    answer = answers.next_report(variant, date(2027, 1, 9))
    assert answer.last_due is not None and answer.last_due.date == date(2027, 1, 8)
    assert answer.due.date == date(2027, 2, 5)


def test_a_change_to_a_working_day_panel_must_be_on_the_last_working_day(
    protocol_data: dict[str, Any],
) -> None:
    data = copy.deepcopy(protocol_data)
    working_days_variant(data)
    data["timing"]["panel_changes"] = [
        {"date": "2027-05-28", "moved_to": "2027-05-27", "reason": "Half term"}
    ]
    moved = protocol_from_mapping(data)
    assert timing.occurrences(moved, "mase_panel", 2027)[4].date == date(2027, 5, 27)
    data["timing"]["panel_changes"] = [
        {"date": "2027-05-31", "cancelled": True, "reason": "Spring bank holiday"}
    ]
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(data)
    assert error.value.path == "timing.panel_changes[0].date"
    assert "(last working day of the month)" in error.value.message
    assert "that month's panel is on 2027-05-28" in error.value.message


# The words, the planner's rows and the calendar file ---------------------------------


def test_the_report_answer_names_the_month_the_report_is_for_clauses_4_6_5_3(
    variant: Protocol,
) -> None:
    data = dates_request.handle_dates(variant, {"today": "2027-01-04"})
    report = next(a for a in data["answers"] if a["id"] == "monthly_report_due")
    # November's report was due on Monday 7 December 2026 (Tuesday 1st to Friday 4th,
    # Monday 7th); December's is due on Friday 8 January 2027.
    assert report["summary"].startswith("The November report was due on Monday 7 December 2026")
    assert "The December report is due on Friday 8 January 2027." in report["details"]
    assert data["monthly_report"]["due"] == "2027-01-08"
    mase = data["panel"]
    # The January panel (Friday 29th) takes referrals until Friday 15 January.
    assert (mase["next_meeting"], mase["referral_deadline"]) == ("2027-01-29", "2027-01-15")


def test_the_year_calendar_gives_each_month_its_panel_referral_and_report_clauses_4_6_5_3(
    variant: Protocol,
) -> None:
    rows = dates_request.handle_calendar(variant, {"year": 2027})["months"]
    january, december = rows[0], rows[11]
    assert (january["panel"], january["referral_deadline"], january["report_due"]) == (
        "2027-01-29",
        "2027-01-15",
        "2027-02-05",
    )
    assert (december["panel"], december["referral_deadline"], december["report_due"]) == (
        "2027-12-31",
        "2027-12-15",
        "2028-01-10",
    )


def test_calendar_events_in_a_year_are_the_days_that_fall_in_it_clauses_4_6_5_3(
    variant: Protocol,
) -> None:
    events = schedule_events.year_events(variant, 2027)
    reports = [event.date for event in events if event.kind == "report"]
    # December 2026's report falls on 8 January 2027; December 2027's in 2028.
    assert reports[0] == date(2027, 1, 8) and reports[-1] == date(2027, 12, 7)
    assert len(reports) == 12
    panels = [event.date for event in events if event.kind == "panel"]
    assert panels[4] == date(2027, 5, 28)
    [december] = [e for e in events if e.kind == "referral" and e.date == date(2027, 12, 15)]
    assert long_date(date(2027, 12, 31)) in december.description
