"""Calendar files (RFC 5545) written with the standard library, read back with `icalendar`.

CPython only: the `icalendar` library is not in Pyodide.
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import pytest

from calculators.dates import events as schedule_events
from calculators.documents import ics
from calculators.errors import InputError
from calculators.protocol import Protocol, protocol_from_mapping
from calculators.timing import answers
from tests.engine_protocol import engine_protocol_data

STAMP = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)
TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def protocol_data() -> dict[str, Any]:
    """Newham's protocol with the engine's own timing rules (tests/engine_protocol.py)."""
    return engine_protocol_data(TODAY)


@pytest.fixture(scope="module")
def protocol(protocol_data: dict[str, Any]) -> Protocol:
    return protocol_from_mapping(protocol_data)


def events_of(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def of_kind(events: list[icalendar.Event], kind: str) -> list[icalendar.Event]:
    return [e for e in events if str(e.get("CATEGORIES").cats[0]) == kind]


def made(protocol: Protocol, **payload: Any) -> str:
    request = {"today": TODAY.isoformat(), "now": STAMP.isoformat(), **payload}
    return ics.handle_calendar_file(protocol, request)["text"]


def test_calendar_file_parses_with_an_event_for_each_panel_and_deadline(
    protocol: Protocol,
) -> None:
    events = events_of(made(protocol))
    expected = schedule_events.upcoming_events(protocol, TODAY)
    assert len(events) == len(expected) == 36
    for event, source in zip(events, expected, strict=True):
        assert event.decoded("DTSTART") == source.date
        assert event.get("DTSTART").params["VALUE"] == "DATE"
        assert event.decoded("DTEND") == source.date + timedelta(days=1)
        assert str(event.get("SUMMARY")) == source.summary
        assert event.decoded("DTSTAMP") == STAMP


def test_calendar_file_covers_the_next_twelve_months_clause_4_6(protocol: Protocol) -> None:
    days = [event.decoded("DTSTART") for event in events_of(made(protocol))]
    assert min(days) >= TODAY and max(days) < date(2027, 11, 29)
    panels = [
        e.decoded("DTSTART") for e in events_of(made(protocol)) if "panel" in str(e["SUMMARY"])
    ]
    assert panels[:2] == [date(2026, 12, 3), date(2027, 1, 7)]


def test_calendar_file_has_the_strategy_meeting_due_date_with_the_case_reference_clause_6_2(
    protocol: Protocol,
) -> None:
    text = made(protocol, last_strategy="2026-10-01", case_reference="CR/2026/114_b")
    strategy = of_kind(events_of(text), "strategy")
    assert len(strategy) == 1
    assert strategy[0].decoded("DTSTART") == date(2026, 12, 10)  # 10 weeks after
    assert str(strategy[0]["SUMMARY"]) == "CSE strategy meeting due (CR/2026/114_b)"
    description = str(strategy[0]["DESCRIPTION"])
    assert "Hold the next strategy meeting by Thursday 10 December 2026 at the latest." in (
        description
    )
    assert "clause 6.2" in description


def test_calendar_file_carries_no_name_only_the_case_reference(protocol: Protocol) -> None:
    text = made(
        protocol,
        last_strategy="2026-10-01",
        out_of_borough=True,
        agreed_interval_weeks=12,
        interval_rationale="Agreed with Jamie Smith's foster carer in Kent",
        case_reference="REF-77",
        child_name="Jamie Smith",
    )
    assert "Jamie" not in text and "Smith" not in text and "Kent" not in text
    assert "REF-77" in text
    events = events_of(text)
    # the due date and the reminder to convene, nothing else
    assert sum("REF-77" in str(e["SUMMARY"]) for e in events) == 2


def test_case_reference_loses_surrounding_space_and_must_be_short(protocol: Protocol) -> None:
    text = made(protocol, last_strategy="2026-10-01", case_reference="\t AB-1\r\n")
    strategy = of_kind(events_of(text), "strategy")
    assert str(strategy[0]["SUMMARY"]).endswith("(AB-1)")
    with pytest.raises(InputError) as error:
        made(protocol, case_reference="X" * 31)
    assert [p.field for p in error.value.problems] == ["case_reference"]
    assert "30 characters or fewer" in error.value.problems[0].message


def test_bad_dates_and_a_bad_reference_are_reported_together(protocol: Protocol) -> None:
    with pytest.raises(InputError) as error:
        ics.handle_calendar_file(
            protocol,
            {
                "today": {"day": "31", "month": "2", "year": "2027"},
                "case_reference": ["not", "text"],
            },
        )
    assert [p.field for p in error.value.problems] == ["case_reference", "today"]


def test_uids_are_unique_and_stable(protocol: Protocol) -> None:
    first = [str(e["UID"]) for e in events_of(made(protocol, last_strategy="2026-10-01"))]
    again = [str(e["UID"]) for e in events_of(made(protocol, last_strategy="2026-10-01"))]
    assert len(set(first)) == len(first)
    assert first == again


def test_lines_end_in_crlf_and_fold_at_75_octets() -> None:
    event = schedule_events.Event(
        kind="report",
        date=date(2027, 1, 21),
        summary="Long summary, with commas; semicolons \\ backslashes and é accents " * 4,
        description="line one\nline two — 😀" * 10,
        clauses=("5.3",),
    )
    text = ics.write_calendar([event], dtstamp=STAMP, name="Test")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    parsed = events_of(text)[0]
    assert str(parsed["SUMMARY"]) == event.summary
    assert str(parsed["DESCRIPTION"]) == event.description


def test_escape_text_escapes_the_special_characters() -> None:
    assert ics.escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_year_calendar_file_has_the_years_dates_clauses_4_6_5_3(protocol: Protocol) -> None:
    events = events_of(ics.year_calendar_file(protocol, 2027, dtstamp=STAMP))
    days = sorted(e.decoded("DTSTART") for e in events)
    # January 2027's referral deadline falls in 2026, January 2028's in December 2027.
    assert days[0] == date(2027, 1, 7) and days[-1] == date(2027, 12, 23)
    assert len(events) == 12 * 3
    assert all(d.year == 2027 for d in days)


def test_dtstamp_is_passed_in_and_defaults_to_the_days_midnight(protocol: Protocol) -> None:
    text = ics.handle_calendar_file(protocol, {"today": "2026-11-29"})["text"]
    assert {e.decoded("DTSTAMP") for e in events_of(text)} == {datetime(2026, 11, 29, tzinfo=UTC)}
    with pytest.raises(InputError):
        ics.handle_calendar_file(protocol, {"today": "2026-11-29", "now": "yesterday"})


def test_calendar_file_follows_changed_rules_clauses_4_6_5_3(protocol_data: dict[str, Any]) -> None:
    data = copy.deepcopy(protocol_data)
    data["timing"]["mase_panel"].update(weekday="tuesday", week_of_month=2)
    data["timing"]["mase_referral"]["days"] = 10
    data["timing"]["monthly_report"].update(weekday="friday", week_of_month=4)
    protocol = protocol_from_mapping(data)
    events = events_of(made(protocol))
    by_kind: dict[str, list[date]] = {}
    for event in events:
        by_kind.setdefault(str(event["CATEGORIES"].cats[0]), []).append(event.decoded("DTSTART"))
    assert all(d.weekday() == 1 and 8 <= d.day <= 14 for d in by_kind["panel"])
    holidays = {h.date for h in protocol.timing.bank_holidays.dates}
    for day in by_kind["report"]:  # the 4th Friday, or the working day before a holiday
        friday = day + timedelta(days=(4 - day.weekday()) % 7)
        assert 22 <= friday.day <= 28 and (day == friday or friday in holidays), day
    panels = set(by_kind["panel"]) | set(answers.panel_dates(protocol, 2027))
    for day in by_kind["referral"]:  # 10 days before falls on a Saturday: the Friday before
        assert day.weekday() < 5 and day not in holidays, day
        assert any(10 <= (panel - day).days <= 14 for panel in panels), day


# Convening the strategy meeting (clauses 3.4, 6.10 and 6.11) ------------------------


def test_convening_reminder_is_fourteen_days_before_the_latest_date_clauses_3_4_6_10_6_11(
    protocol: Protocol,
) -> None:
    text = made(protocol, last_strategy="2026-11-05", case_reference="CR-1")
    [reminder] = of_kind(events_of(text), "convene")
    assert protocol.timing.rule("strategy_meeting").convene_days_before == 14
    assert reminder.decoded("DTSTART") == date(2027, 1, 14) - timedelta(days=14)
    assert str(reminder["SUMMARY"]) == "Make sure the CSE strategy meeting is convened (CR-1)"
    description = str(reminder["DESCRIPTION"])
    assert "due by Thursday 14 January 2027" in description
    assert "the social care lead on CSE strategy meetings convenes it" in description
    assert "invites the CSE partners" in description
    assert "the community nurse and acute services are consulted" in description
    assert "clauses 3.4, 6.10 and 6.11" in description


def test_convening_reminder_days_come_from_the_protocol_clauses_3_4_6_10_6_11(
    protocol_data: dict[str, Any],
) -> None:
    data = copy.deepcopy(protocol_data)
    data["timing"]["strategy_meeting"]["convene_days_before"] = 21
    changed = protocol_from_mapping(data)
    [reminder] = of_kind(events_of(made(changed, last_strategy="2026-11-05")), "convene")
    assert reminder.decoded("DTSTART") == date(2026, 12, 24)  # 3 weeks before 14 January


def test_convening_reminder_already_due_is_put_on_today_clauses_3_4_6_10_6_11(
    protocol: Protocol,
) -> None:
    [reminder] = of_kind(events_of(made(protocol, last_strategy="2026-09-25")), "convene")
    assert reminder.decoded("DTSTART") == TODAY  # latest is 4 December; convene from 20 November


def test_no_convening_reminder_once_the_meeting_is_overdue_clauses_3_4_6_10_6_11(
    protocol: Protocol,
) -> None:
    events = events_of(made(protocol, last_strategy="2026-09-01"))
    assert of_kind(events, "convene") == []
    assert len(of_kind(events, "strategy")) == 1
