"""`python -m cli dates|calendar`: the same answers as the page, as JSON or text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import icalendar


def out_of_borough(run: Any, today: str, last: str, weeks: str, *more: str) -> Any:
    """`dates` for a child placed out of borough at the interval agreed for them
    (clause 6.13), from the last strategy meeting; it must answer."""
    result = run(
        "dates", "--today", today, "--last-strategy", last,
        "--out-of-borough", "--interval-weeks", weeks, *more,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result


def test_dates_json_has_the_documented_keys_clauses_4_6_5_3_6_2(run: Any) -> None:
    result = run("dates", "--today", "2026-11-20", "--last-strategy", "2026-09-01", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["panel"]["next_meeting"] == "2026-12-03"
    assert answer["panel"]["referable_meeting"] == "2027-01-07"
    assert answer["panel"]["referral_deadline"] == "2026-12-24"
    assert answer["monthly_report"]["due"] == "2026-12-17"
    assert answer["strategy_meeting"]["earliest"] == "2026-10-27"
    assert answer["strategy_meeting"]["latest"] == "2026-11-10"
    assert answer["strategy_meeting"]["status"] == "overdue"


def test_dates_without_a_last_meeting_has_no_strategy_answer(run: Any) -> None:
    answer = json.loads(run("dates", "--today", "2026-11-20", "--json").stdout)
    assert answer["strategy_meeting"] is None


def test_dates_out_of_borough_uses_the_agreed_interval_clause_6_13(run: Any) -> None:
    result = out_of_borough(run, "2026-11-29", "2026-10-01", "12", "--json")
    strategy = json.loads(result.stdout)["strategy_meeting"]
    assert strategy["latest"] == "2026-12-24"
    assert strategy["status"] == "not_due" and strategy["clauses"] == ["6.13"]


def test_dates_as_text_gives_long_dates_and_clauses_4_6_5_3(run: Any) -> None:
    result = run("dates", "--today", "2026-11-20")
    assert result.returncode == 0, result.stderr
    assert "Next MASE panel (clause 4.6): Thursday 3 December 2026" in result.stdout
    assert (
        "Monthly CSE case report (clause 5.3): The November report was due on Thursday "
        "19 November 2026: if it has not gone to Jane Sharp, send it now" in result.stdout
    )
    assert "The December report is due on Thursday 17 December 2026." in result.stdout


def test_today_defaults_to_the_real_date(run: Any) -> None:
    answer = json.loads(run("dates", "--json").stdout)
    assert answer["today"] == date.today().isoformat()


def test_impossible_date_exits_2_naming_the_field(run: Any) -> None:
    result = run("dates", "--today", "2027-02-31", "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "today: Today's date must be a real date" in result.stderr
    assert "Traceback" not in result.stderr


def test_last_meeting_after_today_exits_2(run: Any) -> None:
    result = run("dates", "--today", "2027-03-01", "--last-strategy", "2027-03-02")
    assert result.returncode == 2
    assert "last_strategy: Date of the last strategy meeting must be today or in the past" in (
        result.stderr
    )


def test_year_out_of_range_and_text_exit_2(run: Any) -> None:
    for value in ("1999-12-31", "2101-01-01", "soon", ""):
        result = run("dates", "--today", value)
        assert result.returncode == 2, value
        assert "today:" in result.stderr and "Traceback" not in result.stderr


def test_6_13_out_of_borough_interval_outside_1_to_52_weeks_exits_2(run: Any) -> None:
    for weeks in ("0", "53"):
        result = run(
            "dates", "--today", "2027-03-01", "--out-of-borough", "--interval-weeks", weeks
        )
        assert result.returncode == 2, weeks
        assert "agreed_interval_weeks:" in result.stderr and "from 1 to 52" in result.stderr


def test_out_of_borough_8_weekly_interval_is_accepted_clause_6_13(run: Any) -> None:
    rationale = "Agreed at the meeting: placement near family"
    result = out_of_borough(
        run, "2027-01-20", "2027-01-06", "8", "--rationale", rationale, "--json"
    )
    strategy = json.loads(result.stdout)["strategy_meeting"]
    assert strategy["latest"] == "2027-03-03"
    assert strategy["interval_weeks"] == 8 and strategy["clauses"] == ["6.13"]
    assert strategy["confirm_interval"] is False


def test_out_of_borough_30_week_interval_answers_with_a_warning_clause_6_13(run: Any) -> None:
    result = out_of_borough(run, "2027-01-20", "2027-01-06", "30")
    assert "Hold the next strategy meeting by Wednesday 4 August 2027 at the latest" in (
        result.stdout
    )
    assert "Note: An agreed interval of 30 weeks is more than 26 weeks." in result.stdout


def test_dates_json_names_the_report_deadline_just_passed_clause_5_3(run: Any) -> None:
    answer = json.loads(run("dates", "--today", "2027-02-19", "--json").stdout)
    assert answer["monthly_report"]["last_due"] == "2027-02-18"
    assert answer["monthly_report"]["due"] == "2027-03-18"


def test_calendar_prints_the_years_panels_and_deadlines_clauses_4_6_5_3(run: Any) -> None:
    result = run("calendar", "--year", "2027")
    assert result.returncode == 0, result.stderr
    january = result.stdout.split("\nJanuary\n")[1].split("\n\n")[0]
    assert [" ".join(line.split()) for line in january.splitlines()] == [
        "MASE panel: Thursday 7 January 2027",
        "MASE referral deadline: Thursday 24 December 2026",
        "Monthly CSE case report deadline: Thursday 21 January 2027",
    ]
    data = json.loads(run("calendar", "--year", "2027", "--json").stdout)
    assert [m["panel"] for m in data["months"]][:2] == ["2027-01-07", "2027-02-04"]


def test_calendar_writes_an_ics_file_clauses_4_6_5_3(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "2027.ics"
    result = run("calendar", "--year", "2027", "--ics", str(target))
    assert result.returncode == 0, result.stderr
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    starts = sorted(e.decoded("DTSTART") for e in calendar.walk("VEVENT"))
    assert starts[0] == date(2027, 1, 7)
    assert len(starts) == 36


def test_dates_writes_a_calendar_file_with_the_case_reference(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "case.ics"
    result = run(
        "dates",
        "--today",
        "2026-11-29",
        "--last-strategy",
        "2026-10-01",
        "--case-reference",
        "CR-9",
        "--ics",
        str(target),
    )
    assert result.returncode == 0, result.stderr
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert "CSE strategy meeting due (CR-9)" in summaries


def test_bad_calendar_year_exits_2(run: Any) -> None:
    result = run("calendar", "--year", "1999")
    assert result.returncode == 2
    assert "year: Year must be from 2000 to 2100" in result.stderr
