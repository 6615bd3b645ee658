"""Timing rules by kind (issue 12, item 3): each kind's dates and words, rule by rule.

Runs on CPython and inside Pyodide: standard library and pytest only. Every date
here was counted by hand on a calendar; the comment beside it says how. The rules are
the engine's own (engine_timing.py), not data/protocol.yaml's of the day.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from timing_helpers import changed, dates, refused

from calculators import timing
from calculators.calendar_rules import (
    LAST,
    last_weekday_of_month,
    weekday_of_month,
    working_day_of_month,
)
from calculators.clause_text import plain_text
from calculators.dates import request as dates_request
from calculators.errors import InputError
from calculators.protocol import Protocol

THURSDAY, FRIDAY = 3, 4


# The calendar: the nth or last weekday of a month ------------------------------


def test_the_last_thursday_of_a_month_is_in_its_last_seven_days() -> None:
    assert last_weekday_of_month(2026, 12, THURSDAY) == date(2026, 12, 31)  # a Thursday
    assert last_weekday_of_month(2027, 2, THURSDAY) == date(2027, 2, 25)  # 28 Feb is a Sunday
    assert last_weekday_of_month(2027, 3, FRIDAY) == date(2027, 3, 26)  # 31 March: Wednesday


def test_a_5th_weekday_the_month_lacks_is_none_and_last_is_the_last() -> None:
    assert weekday_of_month(2027, 2, THURSDAY, 5) is None  # Thursdays 4, 11, 18, 25
    assert weekday_of_month(2027, 4, THURSDAY, 5) == date(2027, 4, 29)  # 1, 8, 15, 22, 29
    assert weekday_of_month(2027, 4, THURSDAY, LAST) == date(2027, 4, 29)


def test_the_nth_or_last_working_day_of_a_month_skips_weekends_and_the_given_holidays() -> None:
    easter = {date(2027, 3, 26), date(2027, 3, 29)}
    # April 2027 begins on a Thursday: 1, 2, then Monday 5th.
    assert working_day_of_month(2027, 4, 3, easter) == date(2027, 4, 5)
    assert working_day_of_month(2027, 3, LAST, easter) == date(2027, 3, 31)
    # March 2027 has 23 weekdays, 21 of them working days with Easter's two holidays.
    assert working_day_of_month(2027, 3, 21, easter) == date(2027, 3, 31)
    assert working_day_of_month(2027, 3, 22, easter) is None
    with pytest.raises(ValueError, match="expected n of 1 or more"):
        working_day_of_month(2027, 3, 0, easter)


# monthly_meeting -----------------------------------------------------------------


def test_monthly_meeting_a_panel_on_the_1st_thursday_is_in_the_first_seven_days_clause_4_6(
    protocol: Protocol,
) -> None:
    assert timing.rule_words(protocol, "mase_panel") == "1st Thursday"
    assert dates(protocol, "mase_panel", 2027) == [
        date(2027, month, day)
        for month, day in zip(range(1, 13), (7, 4, 4, 1, 6, 3, 1, 5, 2, 7, 4, 2), strict=True)
    ]


def test_monthly_meeting_on_the_last_thursday_reads_last_and_meets_in_the_last_week_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    protocol = changed(
        protocol_data, lambda d: d["timing"]["mase_panel"].update(week_of_month="last")
    )
    assert timing.rule_words(protocol, "mase_panel") == "last Thursday"
    assert "held on the last Thursday of every month" in plain_text(
        protocol, protocol.clause("4.6").text
    )
    assert dates(protocol, "mase_panel", 2027)[:3] == [
        date(2027, 1, 28),  # January 2027: Thursdays 7, 14, 21, 28
        date(2027, 2, 25),
        date(2027, 3, 25),  # March 2027: Thursdays 4, 11, 18, 25
    ]


def test_monthly_meeting_on_the_5th_thursday_meets_only_in_months_that_have_one_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    protocol = changed(protocol_data, lambda d: d["timing"]["mase_panel"].update(week_of_month=5))
    # 2027's months with five Thursdays: April (1st is a Thursday), July (1st), September
    # (2nd) and December (2nd).
    assert dates(protocol, "mase_panel", 2027) == [
        date(2027, 4, 29),
        date(2027, 7, 29),
        date(2027, 9, 30),
        date(2027, 12, 30),
    ]


def test_monthly_meeting_moved_and_cancelled_meetings_as_the_owner_lists_them_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    changes = [
        {"date": "2027-01-07", "moved_to": "2027-01-14", "reason": "New Year"},
        {"date": "2027-08-05", "cancelled": True, "reason": "August recess"},
    ]
    protocol = changed(protocol_data, lambda d: d["timing"].update(panel_changes=changes))
    meetings = timing.occurrences(protocol, "mase_panel", 2027)
    january, august = meetings[0], meetings[7]
    assert (january.date, january.scheduled, january.moved) == (
        date(2027, 1, 14),
        date(2027, 1, 7),
        True,
    )
    assert august.cancelled and august.reason == "August recess"
    assert timing.next_occurrence(protocol, "mase_panel", date(2027, 8, 1)).date == date(2027, 9, 2)


# deadline_before -----------------------------------------------------------------


def test_deadline_before_a_referral_2_weeks_before_the_panel_clause_4_6(protocol: Protocol) -> None:
    assert timing.rule_words(protocol, "mase_referral") == "2 weeks"
    due = timing.deadline_for(protocol, "mase_referral", date(2027, 1, 7))
    assert (due.date, due.clauses) == (date(2026, 12, 24), ("4.6",))


def test_deadline_before_in_calendar_days_on_a_bank_holiday_is_submitted_the_working_day_before_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    protocol = changed(protocol_data, lambda d: d["timing"]["mase_referral"].update(days=13))
    due = timing.deadline_for(protocol, "mase_referral", date(2027, 1, 7))
    # 13 days before Thursday 7 January 2027 is Friday 25 December 2026.
    assert (due.date, due.bank_holiday, due.submit_by) == (
        date(2026, 12, 25),
        "Christmas Day",
        date(2026, 12, 24),
    )


def test_deadline_before_10_working_days_skips_weekends_and_bank_holidays_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    def working(d: dict[str, Any]) -> None:
        rule = d["timing"]["mase_referral"]
        del rule["days"]
        rule["working_days"] = 10

    protocol = changed(protocol_data, working)
    assert timing.rule_words(protocol, "mase_referral") == "10 working days"
    assert "submitted 10 working days prior" in plain_text(protocol, protocol.clause("4.6").text)
    # Back from Thursday 7 January 2027: 6, 5, 4 January (1 January a holiday), 31, 30,
    # 29 December (28 and 25 holidays, 26-27 a weekend), 24, 23, 22 and 21 December.
    due = timing.deadline_for(protocol, "mase_referral", date(2027, 1, 7))
    assert (due.date, due.submit_by) == (date(2026, 12, 21), None)
    assert dates(protocol, "mase_referral", 2027)[0] == date(2026, 12, 21)


def test_deadline_before_a_cancelled_meeting_has_no_deadline_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    cancelled = [{"date": "2027-08-05", "cancelled": True, "reason": "August recess"}]
    protocol = changed(protocol_data, lambda d: d["timing"].update(panel_changes=cancelled))
    deadlines = dates(protocol, "mase_referral", 2027)
    assert len(deadlines) == 11 and date(2027, 7, 22) not in deadlines  # 5 August - 14 days


def test_deadline_before_is_asked_only_of_a_deadline_rule(protocol: Protocol) -> None:
    with pytest.raises(ValueError, match="mase_panel is a monthly_meeting"):
        timing.deadline_for(protocol, "mase_panel", date(2027, 1, 7))


# monthly_deadline ----------------------------------------------------------------


def test_monthly_deadline_a_report_due_by_the_3rd_thursday_clause_5_3(protocol: Protocol) -> None:
    assert timing.rule_words(protocol, "monthly_report") == "3rd Thursday"
    assert dates(protocol, "monthly_report", 2027)[:2] == [date(2027, 1, 21), date(2027, 2, 18)]


def test_monthly_deadline_on_the_last_friday_falls_back_from_good_friday_clause_5_3(
    protocol_data: dict[str, Any],
) -> None:
    protocol = changed(
        protocol_data,
        lambda d: d["timing"]["monthly_report"].update(weekday="friday", week_of_month="last"),
    )
    assert timing.rule_words(protocol, "monthly_report") == "last Friday"
    march = timing.occurrences(protocol, "monthly_report", 2027)[2]
    # The last Friday of March 2027 is the 26th, Good Friday: submit by Thursday 25 March.
    assert (march.date, march.bank_holiday, march.submit_by) == (
        date(2027, 3, 26),
        "Good Friday",
        date(2027, 3, 25),
    )


# recurring_review ----------------------------------------------------------------


def test_recurring_review_strategy_meetings_every_8_to_10_weeks_clause_6_2(
    protocol: Protocol,
) -> None:
    assert timing.rule_words(protocol, "strategy_meeting") == "8-10 weeks"
    window = timing.window(protocol, "strategy_meeting", date(2027, 1, 7))
    # 8 weeks (56 days) after 7 January is 4 March; 10 weeks (70 days) is 18 March.
    assert (window.earliest, window.latest, window.clauses) == (
        date(2027, 3, 4),
        date(2027, 3, 18),
        ("6.2",),
    )


def test_6_13_an_agreed_interval_out_of_borough_gives_one_date(protocol: Protocol) -> None:
    window = timing.window(protocol, "strategy_meeting", date(2027, 1, 7), agreed_weeks=12)
    # 12 weeks (84 days) after 7 January 2027 is 1 April 2027.
    assert (window.earliest, window.latest, window.clauses, window.interval_weeks) == (
        date(2027, 4, 1),
        date(2027, 4, 1),
        ("6.13",),
        12,
    )
    with pytest.raises(ValueError, match="expected from 1 to 52 weeks, got 53"):
        timing.window(protocol, "strategy_meeting", date(2027, 1, 7), agreed_weeks=53)


@pytest.mark.parametrize("weeks", [0, 5, 6, 8, 30, 31, 52])
def test_6_13_the_engine_and_the_dates_form_accept_the_same_agreed_intervals(
    protocol_data: dict[str, Any], weeks: int
) -> None:
    """One rule, from the protocol's data: here 6 to 30 weeks."""
    protocol = changed(
        protocol_data,
        lambda d: d["timing"]["strategy_meeting"].update(
            shortest_agreed_weeks=6, longest_agreed_weeks=30
        ),
    )
    accepted = 6 <= weeks <= 30
    last = date(2027, 1, 7)
    try:
        timing.window(protocol, "strategy_meeting", last, agreed_weeks=weeks)
        engine = True
    except ValueError as error:
        assert "expected from 6 to 30 weeks" in str(error)
        engine = False
    payload = {
        "today": "2027-01-20",
        "last_strategy": last.isoformat(),
        "out_of_borough": "yes",
        "agreed_interval_weeks": str(weeks),
    }
    try:
        answer = dates_request.handle_dates(protocol, payload)
        form = answer["strategy_meeting"]["interval_weeks"] == weeks
    except InputError as error:
        [problem] = error.problems
        assert problem.field == "agreed_interval_weeks"
        assert "must be from 6 to 30 weeks" in problem.message
        form = False
    assert engine is form is accepted


def test_6_13_agreed_interval_range_is_checked_when_the_protocol_is_read(
    protocol_data: dict[str, Any],
) -> None:
    error = refused(
        protocol_data,
        lambda d: d["timing"]["strategy_meeting"].update(
            shortest_agreed_weeks=20, longest_agreed_weeks=12
        ),
    )
    assert error.path == "timing.strategy_meeting.longest_agreed_weeks"
    assert "expected at least shortest_agreed_weeks (20), got 12" in error.message


def test_recurring_review_of_one_length_reads_as_that_many_weeks_clause_6_2(
    protocol_data: dict[str, Any],
) -> None:
    protocol = changed(
        protocol_data, lambda d: d["timing"]["strategy_meeting"].update(min_weeks=6, max_weeks=6)
    )
    assert timing.rule_words(protocol, "strategy_meeting") == "6 weeks"
    assert "every 6 weeks as a minimum" in plain_text(protocol, protocol.clause("6.2").text)
    with pytest.raises(ValueError, match="no dates of its own"):
        timing.occurrences(protocol, "strategy_meeting", 2027)


# Working days ----------------------------------------------------------------------


def test_working_days_are_counted_back_over_weekends_and_the_protocols_bank_holidays(
    protocol_data: dict[str, Any],
) -> None:
    protocol = changed(protocol_data, lambda d: None)
    # Tuesday 30 March 2027 back over Easter Monday, the weekend and Good Friday.
    assert timing.working_days_before(protocol, date(2027, 3, 30), 1) == date(2027, 3, 25)
    assert timing.working_days_before(protocol, date(2027, 3, 30), 0) == date(2027, 3, 30)
    assert timing.previous_working_day(protocol, date(2027, 1, 4)) == date(2026, 12, 31)
    assert not timing.is_working_day(protocol, date(2027, 3, 29))
    assert timing.bank_holiday(protocol, date(2027, 3, 29)) == "Easter Monday"
