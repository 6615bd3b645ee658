"""Another council's working-day rules in the year planner and the calendar file (issue 19,
item 2): the made-up protocol (tests/fixtures) with its panel moved to the last working day
of every month and its report to 5 working days after each month ends; its referral stays
10 working days before the panel. England's bank holidays come from the build's own
source, as the site's. Every date was counted by hand on a 2027 calendar.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml

from calculators.documents import ics
from calculators.protocol import Protocol, protocol_from_mapping
from handbook.build.loader import ProtocolFileError, load_protocol
from handbook.build.protocol_json import with_bank_holidays
from handbook.pages import planner
from handbook.pages.links import html_text

MADE_UP = "tests/fixtures/made_up_protocol.yaml"
STAMP = datetime(2027, 1, 1, tzinfo=UTC)


def working_days(data: dict[str, Any]) -> dict[str, Any]:
    rules = data["timing"]
    for rule in ("panel", "monthly_report"):
        del rules[rule]["weekday"], rules[rule]["week_of_month"]
    rules["panel"]["working_day"] = "last"
    rules["monthly_report"]["working_days_after_month_end"] = 5
    # The made-up protocol's summer break, on the panel's new day (Tuesday 31 August 2027).
    rules["panel_changes"] = [{"date": "2027-08-31", "cancelled": True, "reason": "Summer break"}]
    rules["monthly_report"]["handbook_wording"]["rule"] = (
        "Send the monthly report to {send_to} ({email}) within {when} of the end of every month."
    )
    clause = next(c for s in data["sections"] for c in s["clauses"] if c["id"] == "5.1")
    clause["text"] = (
        "A report on each child goes to {contact:exploitation-lead} within "
        "{rule:monthly_report} of the end of each month."
    )
    # Bank holidays for 2027 and 2028 whenever the tests run (from ten years before).
    rules["bank_holidays"]["years_before"] = 10
    return data


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    data = working_days(load_protocol(MADE_UP).data)
    return protocol_from_mapping(with_bank_holidays(data, date(2027, 1, 1)))


def test_the_planner_says_the_rules_in_their_own_words_clauses_4_1_5_1(protocol: Protocol) -> None:
    page = planner.year_planner_markdown(protocol, date(2027, 1, 1), "planner.md")
    assert "The Multi-agency panel meets on the last working day of every month." in page
    assert "within 5 working days of the end of every month." in page


def _cells(table: str, month: str) -> str:
    row = table.split(f'<th scope="row">{month}</th>', 1)[1]
    return row.split("</tr>", 1)[0]


def test_planner_rows_give_each_month_its_panel_referral_and_report_clauses_4_1_5_1(
    protocol: Protocol,
) -> None:
    table = planner.year_table(protocol, 2027)
    january = _cells(table, "January")
    # Panel: 31 January 2027 is a Sunday, so Friday 29th; referral 10 working days
    # before (28, 27, 26, 25, 22, 21, 20, 19, 18, 15); January's report 5 working days
    # after the month ends (Monday 1 to Friday 5 February).
    for words in ("Friday 29 January 2027", "Friday 15 January 2027", "Friday 5 February 2027"):
        assert html_text(words) in january
    may = _cells(table, "May")
    # Monday 31 May 2027 is the spring bank holiday: the panel is on Friday 28th.
    assert "Friday 28 May 2027" in may and "Bank holiday" not in may
    assert "Cancelled" in _cells(table, "August")
    december = _cells(table, "December")
    # Friday 31 December 2027; the referral back over the Christmas substitute days (27
    # and 28 December) is Wednesday 15th; December's report falls in 2028, after the
    # New Year substitute day (Monday 3 January): Tuesday 4th to Monday 10th.
    for words in (
        "Friday 31 December 2027",
        "Wednesday 15 December 2027",
        "Monday 10 January 2028",
    ):
        assert words in december


def _events(text: str) -> dict[str, list[date]]:
    found: dict[str, list[date]] = {}
    for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        found.setdefault(str(event["CATEGORIES"].cats[0]), []).append(event.decoded("DTSTART"))
    return found


def test_the_years_calendar_file_has_the_working_day_dates_clauses_4_1_5_1(
    protocol: Protocol,
) -> None:
    events = _events(ics.year_calendar_file(protocol, 2027, dtstamp=STAMP))
    # August's panel is cancelled, and with it its referral deadline.
    assert len(events["panel"]) == len(events["referral"]) == 11
    assert len(events["report"]) == 12
    assert date(2027, 5, 28) in events["panel"] and date(2027, 5, 31) not in events["panel"]
    # Back from Wednesday 31 March 2027 over Easter (Monday 29th, Good Friday 26th).
    assert date(2027, 3, 15) in events["referral"]
    # The year's reports: December 2026's on Friday 8 January 2027 (New Year's Day a
    # Friday), to November 2027's on Tuesday 7 December (1st, 2nd, 3rd, 6th, 7th).
    assert min(events["report"]) == date(2027, 1, 8)
    assert max(events["report"]) == date(2027, 12, 7)


def test_the_calendar_file_from_today_crosses_the_years_end_clauses_4_1_5_1(
    protocol: Protocol,
) -> None:
    text = ics.handle_calendar_file(protocol, {"today": "2027-12-20", "now": STAMP.isoformat()})
    events = _events(text["text"])
    assert date(2027, 12, 31) in events["panel"]
    assert date(2028, 1, 10) in events["report"]  # December 2027's
    # Nothing before today: November's report (7 December) is left out.
    assert min(events["report"]) == date(2028, 1, 10)


def written(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "protocol-working-days.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_change_to_a_working_day_panel_is_checked_against_the_bank_holidays(
    tmp_path: Path,
) -> None:
    """`make check` reads the file before the build adds the bank holidays: it adds them to
    check a change to a meeting on a working day, as the build and the browser read it."""
    data = working_days(load_protocol(MADE_UP).data)
    # Monday 31 May 2027 is the spring bank holiday: May's panel is on Friday 28th.
    data["timing"]["panel_changes"] = [
        {"date": date(2027, 5, 31), "cancelled": True, "reason": "Half term"}
    ]
    with pytest.raises(ProtocolFileError) as error:
        load_protocol(written(tmp_path, data))
    message = str(error.value)
    assert "timing.panel_changes[0].date" in message and ", line " in message
    assert "(last working day of the month), got 2027-05-31" in message
    assert "that month's panel is on 2027-05-28" in message
    data["timing"]["panel_changes"][0]["date"] = date(2027, 5, 28)
    loaded = load_protocol(written(tmp_path, data))
    assert loaded.protocol.timing.panel_changes[0].cancelled


def test_the_command_line_answers_by_the_working_day_rules_clauses_4_1_5_1(tmp_path: Path) -> None:
    path = written(tmp_path, working_days(load_protocol(MADE_UP).data))
    result = subprocess.run(
        [sys.executable, "-m", "cli", "--protocol", str(path), "dates"]
        + ["--today", "2027-01-04", "--json"],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    mase, report = answer["panel"], answer["monthly_report"]
    assert (mase["next_meeting"], mase["referral_deadline"]) == ("2027-01-29", "2027-01-15")
    # December's report: Friday 1 January is New Year's Day; Monday 4th to Friday 8th.
    assert (report["due"], report["last_due"]) == ("2027-01-08", "2026-12-07")
    [words] = [a for a in answer["answers"] if a["id"] == "monthly_report_due"]
    assert words["summary"].startswith("The November report was due on Monday 7 December 2026")
    assert "The December report is due on Friday 8 January 2027." in words["details"]
