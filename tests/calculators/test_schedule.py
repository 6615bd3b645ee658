"""The directive's due dates (clauses 4.6, 5.3, 6.2 and 6.13), rule by rule.

Runs on CPython and inside Pyodide: standard library, pytest and hypothesis only.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import dates_request, schedule, schedule_words
from calculators.errors import InputError
from calculators.protocol import WEEKDAYS, Protocol, ProtocolError, protocol_from_mapping

THURSDAY = 3
GOLDEN = Path(__file__).resolve().parent / "golden" / "due_dates.json"


def every_day(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


DAYS_2026_TO_2028 = every_day(date(2026, 1, 1), date(2028, 12, 31))


def with_changes(protocol_data: dict[str, Any], **timing: Any) -> Protocol:
    """A copy of the protocol with parts of `timing` replaced (a shallow merge per rule)."""
    data = copy.deepcopy(protocol_data)
    for key, value in timing.items():
        if isinstance(value, dict):
            data["timing"][key].update(value)
        else:
            data["timing"][key] = value
    return protocol_from_mapping(data)


def with_holidays(protocol_data: dict[str, Any], *holidays: tuple[str, str]) -> Protocol:
    """A copy of the protocol whose only bank holidays are the ones given."""
    dates = [{"date": day, "name": name} for day, name in holidays]
    return with_changes(protocol_data, bank_holidays={"dates": dates})


def problems(error: pytest.ExceptionInfo[InputError]) -> dict[str, str]:
    return {p.field: p.message for p in error.value.problems}


# nth_weekday_of_month ----------------------------------------------------------


def test_nth_weekday_of_month_counts_from_the_first_of_the_month() -> None:
    assert schedule.nth_weekday_of_month(2027, 1, THURSDAY, 1) == date(2027, 1, 7)
    assert schedule.nth_weekday_of_month(2026, 10, THURSDAY, 1) == date(2026, 10, 1)
    assert schedule.nth_weekday_of_month(2026, 12, THURSDAY, 3) == date(2026, 12, 17)


def test_nth_weekday_of_month_refuses_a_day_outside_the_month() -> None:
    with pytest.raises(ValueError, match="no 5th Thursday in February 2027"):
        schedule.nth_weekday_of_month(2027, 2, THURSDAY, 5)
    with pytest.raises(ValueError):
        schedule.nth_weekday_of_month(2027, 2, THURSDAY, 0)


@given(
    year=st.integers(2000, 2100),
    month=st.integers(1, 12),
    weekday=st.integers(0, 6),
    n=st.integers(1, 4),
)
def test_nth_weekday_of_month_is_that_weekday_in_that_week(
    year: int, month: int, weekday: int, n: int
) -> None:
    day = schedule.nth_weekday_of_month(year, month, weekday, n)
    assert (day.year, day.month, day.weekday()) == (year, month, weekday)
    assert (day.day - 1) // 7 + 1 == n


# MASE panel and referral deadline (clause 4.6) ----------------------------------


def test_mase_panel_is_on_the_first_thursday_of_every_month(protocol: Protocol) -> None:
    assert schedule.panel_dates(protocol, 2027) == tuple(
        date(2027, month, day)
        for month, day in zip(range(1, 13), (7, 4, 4, 1, 6, 3, 1, 5, 2, 7, 4, 2), strict=True)
    )


def test_referral_deadline_is_two_weeks_before_the_panel(protocol: Protocol) -> None:
    rule = protocol.timing.mase_referral
    assert schedule.referral_deadline(date(2027, 1, 7), rule) == date(2026, 12, 24)


def test_next_panel_on_a_panel_day_is_that_days_panel(protocol: Protocol) -> None:
    assert schedule.next_panel(protocol, date(2026, 12, 3)).date == date(2026, 12, 3)
    assert schedule.next_panel(protocol, date(2026, 12, 4)).date == date(2027, 1, 7)


def test_referral_deadline_day_still_refers_to_that_panel(protocol: Protocol) -> None:
    panel, deadline = schedule.referable_panel(protocol, date(2026, 11, 19))
    assert (panel.date, deadline.date) == (date(2026, 12, 3), date(2026, 11, 19))


def test_after_the_referral_deadline_the_answer_moves_to_the_following_panel(
    protocol: Protocol,
) -> None:
    answer = schedule.mase_answer(protocol, date(2026, 11, 20))
    assert answer.next_meeting.date == date(2026, 12, 3)
    assert answer.referable_meeting.date == date(2027, 1, 7)
    assert answer.referral_deadline.date == date(2026, 12, 24)
    assert answer.referral_deadline.clauses == ("4.6",)
    words = schedule_words.answer_words(
        protocol, schedule.dates_answer(protocol, date(2026, 11, 20), referral_planned=True)
    )
    referral = next(w for w in words if w["id"] == "mase_referral_deadline")
    assert referral["summary"] == "Thursday 24 December 2026"
    assert "Thursday 19 November 2026" in " ".join(referral["details"])
    assert words[0] is referral  # a planned referral comes first


def test_a_cancelled_panel_is_skipped(protocol_data: dict[str, Any]) -> None:
    change = {"date": "2027-08-05", "cancelled": True, "reason": "August recess"}
    protocol = with_changes(protocol_data, panel_changes=[change])
    assert date(2027, 8, 5) not in schedule.panel_dates(protocol, 2027)
    assert schedule.next_panel(protocol, date(2027, 7, 2)).date == date(2027, 9, 2)
    panel, deadline = schedule.referable_panel(protocol, date(2027, 7, 20))
    assert (panel.date, deadline.date) == (date(2027, 9, 2), date(2027, 8, 19))
    august = schedule.year_calendar(protocol, 2027).rows[7]
    assert august.panel.cancelled and august.referral_deadline is None
    assert august.panel.reason == "August recess"


def test_a_moved_panel_moves_its_referral_deadline(protocol_data: dict[str, Any]) -> None:
    change = {"date": "2027-01-07", "moved_to": "2027-01-14", "reason": "New Year"}
    protocol = with_changes(protocol_data, panel_changes=[change])
    answer = schedule.mase_answer(protocol, date(2027, 1, 1))
    assert answer.next_meeting.date == date(2027, 1, 14)
    assert answer.next_meeting.scheduled == date(2027, 1, 7)
    assert answer.next_meeting.moved
    assert schedule.mase_answer(protocol, date(2026, 12, 28)).referral_deadline.date == date(
        2026, 12, 31
    )
    data = dates_request.handle_dates(protocol, {"today": "2027-01-01"})
    panel_words = next(a for a in data["answers"] if a["id"] == "mase_next_meeting")
    assert (
        "The panel on Thursday 7 January 2027 has been moved to Thursday 14 January 2027: "
        "New Year." in panel_words["details"]
    )


def test_a_panel_moved_into_the_previous_year_counts_in_that_year(
    protocol_data: dict[str, Any],
) -> None:
    change = {"date": "2027-01-07", "moved_to": "2026-12-31", "reason": "Holidays"}
    protocol = with_changes(protocol_data, panel_changes=[change])
    assert date(2026, 12, 31) in schedule.panel_dates(protocol, 2026)
    assert schedule.panel_dates(protocol, 2027)[0] == date(2027, 2, 4)


def test_a_panel_change_on_a_day_without_a_panel_is_refused(
    protocol_data: dict[str, Any],
) -> None:
    change = {"date": "2027-01-08", "cancelled": True, "reason": "A slip"}
    with pytest.raises(ProtocolError) as error:
        with_changes(protocol_data, panel_changes=[change])
    assert error.value.path == "timing.panel_changes[0].date"
    assert "that month's panel is on 2027-01-07" in error.value.message


def test_a_panel_listed_twice_is_refused(protocol_data: dict[str, Any]) -> None:
    moved = {"date": "2027-01-07", "moved_to": "2027-01-14", "reason": "New Year"}
    cancelled = {"date": "2027-01-07", "cancelled": True, "reason": "Also"}
    with pytest.raises(ProtocolError) as error:
        with_changes(protocol_data, panel_changes=[moved, cancelled])
    assert error.value.path == "timing.panel_changes[1].date"
    assert "duplicate panel date" in error.value.message


# Monthly case report (clause 5.3) -----------------------------------------------


def test_monthly_report_is_due_by_the_third_thursday(protocol: Protocol) -> None:
    due = schedule.next_report(protocol, date(2026, 12, 1)).due
    assert due.date == date(2026, 12, 17)
    assert due.clauses == ("5.3",)


def test_after_the_report_deadline_the_next_is_next_months(protocol: Protocol) -> None:
    assert schedule.next_report(protocol, date(2026, 12, 17)).due.date == date(2026, 12, 17)
    assert schedule.next_report(protocol, date(2026, 12, 18)).due.date == date(2027, 1, 21)


def test_monthly_report_goes_to_the_contact_the_protocol_names(protocol: Protocol) -> None:
    answer = schedule.next_report(protocol, date(2026, 12, 1))
    contact = protocol.contact(protocol.timing.monthly_report.send_to)
    assert answer.send_to == contact
    data = dates_request.handle_dates(protocol, {"today": "2026-12-01"})
    assert data["monthly_report"]["send_to"]["email"] == contact.email
    report = next(a for a in data["answers"] if a["id"] == "monthly_report_due")
    assert contact.email in " ".join(report["details"])


# Strategy meetings (clauses 6.2 and 6.13) -----------------------------------------


def test_strategy_meeting_window_is_eight_to_ten_weeks_after_the_last(
    protocol: Protocol,
) -> None:
    last = date(2026, 9, 1)
    answer = schedule.strategy_window(protocol, date(2026, 9, 1), last)
    assert (answer.earliest, answer.latest) == (date(2026, 10, 27), date(2026, 11, 10))
    assert answer.clauses == ("6.2",)


@pytest.mark.parametrize(
    ("today", "status", "overdue"),
    [
        (date(2026, 10, 26), schedule.NOT_DUE, 0),
        (date(2026, 10, 27), schedule.DUE, 0),
        (date(2026, 11, 10), schedule.DUE, 0),
        (date(2026, 11, 11), schedule.OVERDUE, 1),
        (date(2026, 11, 29), schedule.OVERDUE, 19),
    ],
)
def test_strategy_meeting_is_due_within_the_window_both_ends_included(
    protocol: Protocol, today: date, status: str, overdue: int
) -> None:
    answer = schedule.strategy_window(protocol, today, date(2026, 9, 1))
    assert (answer.status, answer.days_overdue) == (status, overdue)


def test_overdue_strategy_meeting_says_by_how_many_days(protocol: Protocol) -> None:
    data = dates_request.handle_dates(
        protocol, {"today": "2026-11-29", "last_strategy": "2026-09-01"}
    )
    assert data["strategy_meeting"]["status"] == "overdue"
    words = next(a for a in data["answers"] if a["id"] == "strategy_meeting")
    assert words["details"][0] == (
        "Overdue by 19 days: it was due by Tuesday 10 November 2026 at the latest."
    )
    assert words["clauses"] == ["6.2"]


def test_out_of_borough_the_agreed_interval_replaces_the_window(protocol: Protocol) -> None:
    data = dates_request.handle_dates(
        protocol,
        {
            "today": "2026-11-29",
            "last_strategy": "2026-10-01",
            "out_of_borough": "yes",
            "agreed_interval_weeks": "12",
            "interval_rationale": "Placement stable; agreed at the meeting",
        },
    )
    strategy = data["strategy_meeting"]
    assert strategy["earliest"] == strategy["latest"] == "2026-12-24"
    assert strategy["status"] == "not_due"
    assert strategy["clauses"] == ["6.13"]
    words = next(a for a in data["answers"] if a["id"] == "strategy_meeting")
    assert "last strategy meeting's minutes (clause 6.13)" in " ".join(words["details"])


def test_out_of_borough_needs_an_agreed_interval(protocol: Protocol) -> None:
    with pytest.raises(InputError) as error:
        dates_request.handle_dates(protocol, {"today": "2026-11-29", "out_of_borough": True})
    assert "agreed interval" in problems(error)["agreed_interval_weeks"]


def test_initial_strategy_meeting_counts_when_there_is_no_last_one(protocol: Protocol) -> None:
    data = dates_request.handle_dates(
        protocol, {"today": "2026-11-29", "initial_strategy": "2026-10-01"}
    )
    assert data["strategy_meeting"]["counted_from"] == "initial_strategy"
    assert data["strategy_meeting"]["earliest"] == "2026-11-26"
    both = dates_request.handle_dates(
        protocol,
        {"today": "2026-11-29", "initial_strategy": "2026-08-01", "last_strategy": "2026-10-01"},
    )
    assert both["strategy_meeting"]["counted_from"] == "last_strategy"


def test_without_a_strategy_meeting_date_there_is_no_strategy_answer(protocol: Protocol) -> None:
    data = dates_request.handle_dates(protocol, {"today": "2026-11-29"})
    assert data["strategy_meeting"] is None
    assert [a["id"] for a in data["answers"]] == [
        "mase_next_meeting",
        "mase_referral_deadline",
        "monthly_report_due",
    ]


# Bank holidays ------------------------------------------------------------------


def test_a_panel_on_a_bank_holiday_is_flagged(protocol_data: dict[str, Any]) -> None:
    protocol = with_holidays(protocol_data, ("2026-01-01", "New Year's Day"))
    data = dates_request.handle_dates(protocol, {"today": "2025-12-20"})
    assert data["mase"]["next_meeting"] == "2026-01-01"
    assert data["mase"]["next_meeting_bank_holiday"] == "New Year's Day"
    panel = next(a for a in data["answers"] if a["id"] == "mase_next_meeting")
    assert panel["warning"] == (
        "Thursday 1 January 2026 is a bank holiday (New Year's Day): "
        "check the date with the MASE coordinator."
    )


def test_a_submission_on_a_bank_holiday_is_advised_for_the_previous_working_day(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_holidays(protocol_data, ("2026-12-17", "A holiday"))
    answer = schedule.next_report(protocol, date(2026, 12, 1)).due
    assert (answer.bank_holiday, answer.submit_by) == ("A holiday", date(2026, 12, 16))
    words = dates_request.handle_dates(protocol, {"today": "2026-12-01"})["answers"]
    report = next(a for a in words if a["id"] == "monthly_report_due")
    assert "submit by the previous working day, Wednesday 16 December 2026" in report["warning"]


def test_the_previous_working_day_skips_weekends_and_bank_holidays(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_holidays(
        protocol_data, ("2026-04-03", "Good Friday"), ("2026-04-06", "Easter Monday")
    )
    assert schedule.previous_working_day(protocol, date(2026, 4, 7)) == date(2026, 4, 2)
    assert schedule.previous_working_day(protocol, date(2026, 4, 6)) == date(2026, 4, 2)


def test_a_referral_deadline_on_a_bank_holiday_moves_earlier(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_holidays(protocol_data, ("2026-12-24", "A holiday"))
    data = dates_request.handle_dates(protocol, {"today": "2026-12-01"})
    assert data["mase"]["referral_deadline"] == "2026-12-24"
    assert data["mase"]["referral_submit_by"] == "2026-12-23"


def test_the_real_bank_holidays_reach_the_answers(protocol: Protocol) -> None:
    holidays = protocol.timing.bank_holidays.dates
    source = protocol.timing.bank_holidays
    years = {h.date.year for h in holidays}
    assert len(years) == source.years_before + source.years_after + 1
    for holiday in holidays:
        assert schedule.bank_holiday(protocol, holiday.date) == holiday.name
        assert not schedule.is_working_day(protocol, holiday.date)


# Results carry their clauses ------------------------------------------------------


def test_every_answer_carries_the_clauses_it_rests_on(protocol: Protocol) -> None:
    data = dates_request.handle_dates(
        protocol, {"today": "2026-11-29", "last_strategy": "2026-10-01"}
    )
    assert {a["id"]: a["clauses"] for a in data["answers"]} == {
        "mase_next_meeting": ["4.6"],
        "mase_referral_deadline": ["4.6"],
        "monthly_report_due": ["5.3"],
        "strategy_meeting": ["6.2"],
    }
    for answer in data["answers"]:
        assert answer["clause_text"].startswith("clause ")
        assert answer["summary"]


def test_json_has_the_documented_keys_in_iso_form(protocol: Protocol) -> None:
    data = dates_request.handle_dates(
        protocol, {"today": "2026-11-29", "last_strategy": "2026-10-01"}
    )
    assert json.loads(json.dumps(data)) == data
    for value in (
        data["mase"]["next_meeting"],
        data["mase"]["referable_meeting"],
        data["mase"]["referral_deadline"],
        data["monthly_report"]["due"],
        data["strategy_meeting"]["earliest"],
        data["strategy_meeting"]["latest"],
    ):
        assert date.fromisoformat(value).isoformat() == value
    assert data["strategy_meeting"]["status"] in {"not_due", "due", "overdue"}


# The year and the next twelve months -------------------------------------------------


def test_year_calendar_has_each_months_panel_referral_and_report(protocol: Protocol) -> None:
    calendar = schedule.year_calendar(protocol, 2027)
    assert [row.month for row in calendar.rows] == list(range(1, 13))
    january = calendar.rows[0]
    assert january.panel.date == date(2027, 1, 7)
    assert january.referral_deadline is not None
    assert january.referral_deadline.date == date(2026, 12, 24)
    assert january.report_deadline.date == date(2027, 1, 21)
    data = dates_request.handle_calendar(protocol, {"year": "2027"})
    assert data["months"][0]["panel"] == "2027-01-07"


def test_upcoming_events_cover_twelve_months_from_today(protocol: Protocol) -> None:
    today = date(2026, 11, 29)
    events = schedule_words.upcoming_events(protocol, today)
    assert all(today <= e.date < date(2027, 11, 29) for e in events)
    assert [e.date for e in events] == sorted(e.date for e in events)
    assert sum(e.kind == "panel" for e in events) == 12
    assert sum(e.kind == "report" for e in events) == 12
    assert sum(e.kind == "referral" for e in events) == 12


# Properties over every day of 2026-2028 ------------------------------------------------


def test_every_panel_is_a_thursday_in_the_first_seven_days(protocol: Protocol) -> None:
    for year in (2026, 2027, 2028):
        for panel in schedule.panel_dates(protocol, year):
            assert panel.weekday() == THURSDAY and 1 <= panel.day <= 7, panel


def test_every_report_deadline_is_a_thursday_in_days_15_to_21(protocol: Protocol) -> None:
    for year in (2026, 2027, 2028):
        for due in schedule.report_deadlines(protocol, year):
            assert due.date.weekday() == THURSDAY and 15 <= due.date.day <= 21, due


def test_every_day_next_panel_is_never_before_today(protocol: Protocol) -> None:
    for today in DAYS_2026_TO_2028:
        panel = schedule.next_panel(protocol, today).date
        assert today <= panel < today + timedelta(days=36), today
        assert panel.weekday() == THURSDAY and panel.day <= 7


def test_every_day_referral_deadline_is_14_days_before_its_panel_and_not_before_today(
    protocol: Protocol,
) -> None:
    for today in DAYS_2026_TO_2028:
        panel, deadline = schedule.referable_panel(protocol, today)
        assert deadline.date == panel.date - timedelta(days=14), today
        assert deadline.date >= today, today
        earlier = [p for p in schedule.panel_dates(protocol, today.year) if p < panel.date]
        assert all(p - timedelta(days=14) < today for p in earlier), today


def test_every_day_next_report_is_the_first_deadline_on_or_after_today(
    protocol: Protocol,
) -> None:
    for today in DAYS_2026_TO_2028:
        due = schedule.next_report(protocol, today).due.date
        assert due >= today and due.weekday() == THURSDAY and 15 <= due.day <= 21
        assert (due - today).days < 36
        previous = due.replace(day=1) - timedelta(days=1)
        assert schedule.report_deadline(protocol, previous.year, previous.month).date < today


@settings(max_examples=200, deadline=None)
@given(
    today=st.dates(date(2000, 1, 1), date(2099, 12, 1)),
    weekday=st.sampled_from(WEEKDAYS),
    week=st.integers(1, 4),
    lead=st.integers(0, 60),
    report_weekday=st.sampled_from(WEEKDAYS),
    report_week=st.integers(1, 4),
)
def test_any_rule_gives_dates_that_keep_the_rule(
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
    answer = schedule.mase_answer(protocol, today)
    for panel in (answer.next_meeting.date, answer.referable_meeting.date):
        assert WEEKDAYS[panel.weekday()] == weekday and (panel.day - 1) // 7 + 1 == week
    assert answer.next_meeting.date >= today
    assert answer.referral_deadline.date == answer.referable_meeting.date - timedelta(days=lead)
    assert answer.referral_deadline.date >= today
    due = schedule.next_report(protocol, today).due.date
    assert due >= today and WEEKDAYS[due.weekday()] == report_weekday
    assert (due.day - 1) // 7 + 1 == report_week


@given(
    last=st.dates(date(2000, 1, 1), date(2099, 1, 1)),
    offset=st.integers(0, 200),
)
def test_strategy_status_follows_the_window(protocol: Protocol, last: date, offset: int) -> None:
    today = last + timedelta(days=offset)
    answer = schedule.strategy_window(protocol, today, last)
    assert answer.earliest == last + timedelta(weeks=8)
    assert answer.latest_by_rule == last + timedelta(weeks=10)
    # the latest date is a working day: the rule's date, or the working day before it
    assert answer.latest == schedule.working_day_on_or_before(protocol, answer.latest_by_rule)
    assert 0 <= (answer.latest_by_rule - answer.latest).days <= 4
    within = (answer.latest - last).days
    expected = "not_due" if offset < 56 else "due" if offset <= within else "overdue"
    assert answer.status == expected
    assert answer.days_overdue == max(0, offset - within)


# Rules come from the protocol --------------------------------------------------------


def test_changing_the_rules_in_the_protocol_changes_every_answer(
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
    assert data["mase"]["next_meeting"] == "2026-12-08"  # 2nd Tuesday
    assert data["mase"]["referable_meeting"] == "2027-01-12"  # 28 November has passed
    assert data["mase"]["referral_deadline"] == "2027-01-02"  # 10 days before
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


# Bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "today", "Enter today's date"),
        ({"today": {"day": "", "month": "", "year": ""}}, "today", "Enter today's date"),
        (
            {"today": {"day": "", "month": "3", "year": "2027"}},
            "today",
            "Today's date must include a day",
        ),
        (
            {"today": "2027-03-27", "last_strategy": {"day": "1", "month": "", "year": ""}},
            "last_strategy",
            "Date of the last strategy meeting must include a month and year",
        ),
        (
            {"today": {"day": "27", "month": "March", "year": "2027"}},
            "today",
            "Today's date must be a real date, for example 27 3 2027",
        ),
        (
            {"today": "2027-03-27", "last_strategy": {"day": "31", "month": "2", "year": "2027"}},
            "last_strategy",
            "Date of the last strategy meeting must be a real date, for example 27 3 2027",
        ),
        (
            {"today": "2027-03-27", "last_strategy": "2027-02-31"},
            "last_strategy",
            "Date of the last strategy meeting must be a real date, for example 2027-03-27",
        ),
        (
            {"today": "27/03/2027"},
            "today",
            "Today's date must be a date in the form YYYY-MM-DD, for example 2027-03-27",
        ),
        (
            {"today": {"day": "1", "month": "1", "year": "1999"}},
            "today",
            "Today's date must have a year from 2000 to 2100",
        ),
        (
            {"today": {"day": "1", "month": "1", "year": "2101"}},
            "today",
            "Today's date must have a year from 2000 to 2100",
        ),
        (
            {"today": {"day": "1", "month": "1", "year": "27"}},
            "today",
            "Today's date must include a year with 4 numbers, like 2027",
        ),
        (
            {"today": "2027-03-27", "last_strategy": "2027-03-28"},
            "last_strategy",
            "Date of the last strategy meeting must be today or in the past",
        ),
        (
            {"today": "2027-03-27", "initial_strategy": "2027-04-01"},
            "initial_strategy",
            "Date of the initial strategy meeting must be today or in the past",
        ),
        (
            {
                "today": "2027-03-27",
                "initial_strategy": "2027-02-01",
                "last_strategy": "2027-01-01",
            },
            "last_strategy",
            "must be the same as or after the date of the initial strategy meeting",
        ),
        (
            {"today": "2027-03-27", "out_of_borough": True, "agreed_interval_weeks": "twelve"},
            "agreed_interval_weeks",
            "must be a whole number",
        ),
        (
            {"today": "2027-03-27", "out_of_borough": True, "agreed_interval_weeks": "99"},
            "agreed_interval_weeks",
            "must be from 1 to 52",
        ),
        (
            {"today": "2027-03-27", "out_of_borough": "perhaps"},
            "out_of_borough",
            "Select yes or no",
        ),
        (
            {"today": "2027-03-27", "referral_planned": 3},
            "referral_planned",
            "Select yes or no",
        ),
        (
            {"today": "2027-03-27", "interval_rationale": "x" * 2001},
            "interval_rationale",
            "2000 characters or fewer",
        ),
        ({"today": ["2027", "3", "27"]}, "today", "must be a real date"),
    ],
)
def test_bad_input_names_the_field_and_what_is_expected(
    protocol: Protocol, payload: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(InputError) as error:
        dates_request.handle_dates(protocol, payload)
    found = problems(error)
    assert list(found) == [field]
    assert message in found[field]


def test_every_bad_field_is_reported_at_once(protocol: Protocol) -> None:
    with pytest.raises(InputError) as error:
        dates_request.handle_dates(
            protocol,
            {
                "today": {"day": "31", "month": "2", "year": "2027"},
                "last_strategy": {"day": "x", "month": "1", "year": "2027"},
                "out_of_borough": "yes",
                "agreed_interval_weeks": "",
            },
        )
    assert list(problems(error)) == ["today", "last_strategy", "agreed_interval_weeks"]


def test_numbers_may_arrive_as_numbers_and_dates_with_spaces(protocol: Protocol) -> None:
    data = dates_request.handle_dates(
        protocol,
        {"today": {"day": " 27 ", "month": 3, "year": "2027"}, "referral_planned": "no"},
    )
    assert data["today"] == "2027-03-27"
    assert data["referral_planned"] is False


def test_bad_calendar_year_names_the_year(protocol: Protocol) -> None:
    for year in ("1999", "2101", "next", None):
        with pytest.raises(InputError) as error:
            dates_request.handle_calendar(protocol, {"year": year})
        assert list(problems(error)) == ["year"]


# Golden snapshot ----------------------------------------------------------------------


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
                "next_meeting": data["mase"]["next_meeting"],
                "referable_meeting": data["mase"]["referable_meeting"],
                "referral_deadline": data["mase"]["referral_deadline"],
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


# Through the browser bridge ------------------------------------------------------------


def test_the_bridge_answers_dates_with_the_same_result(protocol: Protocol) -> None:
    from calculators import bridge

    payload = {"today": {"day": "29", "month": "11", "year": "2026"}, "referral_planned": "yes"}
    request = json.dumps({"type": "dates", "payload": payload})
    response = json.loads(bridge.handle(protocol, request))
    assert response == {"ok": True, "result": dates_request.handle_dates(protocol, payload)}


def test_the_bridge_returns_each_bad_date_as_a_field_problem(protocol: Protocol) -> None:
    from calculators import bridge

    payload = {
        "today": {"day": "29", "month": "11", "year": "2026"},
        "last_strategy": {"day": "31", "month": "2", "year": "2026"},
    }
    response = json.loads(
        bridge.handle(protocol, json.dumps({"type": "dates", "payload": payload}))
    )
    assert response["ok"] is False
    assert response["errors"] == [
        {
            "field": "last_strategy",
            "message": "Date of the last strategy meeting must be a real date, "
            "for example 27 3 2027",
        }
    ]


def test_the_bridge_makes_the_calendar_file(protocol: Protocol) -> None:
    from calculators import bridge

    payload = {"today": "2026-11-29", "case_reference": "CR-1", "now": "2026-11-29T10:00:00Z"}
    request = json.dumps({"type": "calendar_file", "payload": payload})
    response = json.loads(bridge.handle(protocol, request))
    assert response["ok"] is True
    assert response["result"]["filename"] == "cse-due-dates-2026-11-29.ics"
    assert response["result"]["text"].startswith("BEGIN:VCALENDAR\r\n")


def test_a_date_beyond_the_known_bank_holidays_says_it_was_not_checked(
    protocol_data: dict[str, Any],
) -> None:
    protocol = with_holidays(protocol_data, ("2026-12-25", "Christmas Day"))
    within = dates_request.handle_dates(protocol, {"today": "2026-11-29"})["answers"]
    assert not any("no list of bank holidays" in " ".join(a["details"]) for a in within)
    beyond = dates_request.handle_dates(protocol, {"today": "2027-11-29"})["answers"]
    for item in beyond:
        assert "no list of bank holidays for 2027" in " ".join(item["details"])
