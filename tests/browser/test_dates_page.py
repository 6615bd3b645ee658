"""The due-dates page in headless Chromium: fill the form, read the answers, see a field
error for an impossible date, and download the calendar file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest
from navigation import MEMORY_JS, fill_date, follow, open_ready, peek_handoff, wait_ready

from calculators import bridge
from calculators.protocol import protocol_from_mapping
from calculators.wording import long_date
from handbook.build.loader import load_protocol
from handbook.build.protocol_json import with_bank_holidays
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser


@pytest.fixture
def recorder(tab: Any) -> Any:
    """This module's tests share one tab and one start of the calculators (conftest `tab`):
    each arrives at its page afresh, with the tab's memory forgotten."""
    return tab


DATES_PAGE = "calculators/dates/"
DATES_FORM = "form#dates-form"


def answer_on_cpython(request_type: str, payload: dict[str, Any]) -> dict[str, Any]:
    protocol = protocol_from_mapping(with_bank_holidays(load_protocol().data))
    request = json.dumps({"type": request_type, "payload": payload})
    return json.loads(bridge.handle(protocol, request))


def on_cpython(dates: dict[str, Any]) -> dict[str, Any]:
    """The due dates data/protocol.yaml gives for these dates, answered on CPython."""
    response = answer_on_cpython("dates", dates)
    assert response["ok"] is True
    return response["result"]


def long_iso(day: str) -> str:
    return long_date(date.fromisoformat(day))


def open_dates_page(recorder: Any) -> Any:
    return open_ready(recorder, DATES_PAGE, DATES_FORM)


def dates_page_with(recorder: Any, **dates: str) -> Any:
    """The dates page with these dates typed in, each as "day month year"."""
    page = open_dates_page(recorder)
    for name, typed in dates.items():
        fill_date(page, name, *typed.split())
    return page


def answer(page: Any) -> None:
    """Press the button and wait for the answers (the strategy meeting's comes first)."""
    page.click("#dates-form button[type='submit']")
    page.locator("#dates-answer section[data-answer='strategy_meeting']").wait_for()


def hand_over(page: Any) -> None:
    """Hand the dates to the forms and wait for the links to them."""
    page.click("[data-action='handoff-forms']")
    page.locator("#dates-form .export-status a").first.wait_for()


def test_today_is_filled_in_from_the_browsers_clock(recorder: Any, served: Deployed) -> None:
    page = open_dates_page(recorder)
    browser_today = page.evaluate(
        "(() => { const d = new Date(); return [d.getDate(), d.getMonth() + 1, d.getFullYear()]; })()"
    )
    shown = [int(page.input_value(f"#today-{part}")) for part in ("day", "month", "year")]
    assert shown == browser_today
    assert date(shown[2], shown[1], shown[0])  # a real date
    recorder.assert_clean()


def test_filled_form_gives_the_answers_with_their_clauses(recorder: Any, served: Deployed) -> None:
    page = dates_page_with(recorder, today="20 11 2026", last_strategy="1 9 2026")
    page.check("#referral_planned-yes")
    answer(page)

    expected = answer_on_cpython(
        "dates",
        {
            "today": "2026-11-20",
            "last_strategy": "2026-09-01",
            "referral_planned": "yes",
        },
    )
    assert expected["ok"] is True
    sections = page.locator("#dates-answer section")
    assert sections.count() == len(expected["result"]["answers"]) == 4
    for index, item in enumerate(expected["result"]["answers"]):
        text = sections.nth(index).inner_text()
        assert item["title"] in text and item["summary"] in text
        assert item["clause_text"] in text
        for line in item["details"]:
            assert line in text
    referral = page.locator("section[data-answer='mase_referral_deadline']").inner_text()
    assert long_iso(expected["result"]["panel"]["referral_deadline"]) in referral
    strategy = page.locator("section[data-answer='strategy_meeting']").inner_text()
    assert f"Overdue by {expected['result']['strategy_meeting']['days_overdue']} days" in strategy
    assert page.locator("#dates-error-summary").is_hidden()
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_out_of_borough_asks_for_the_agreed_interval_clause_6_13(
    recorder: Any, served: Deployed
) -> None:
    page = open_dates_page(recorder)
    assert page.locator("#agreed_interval_weeks").is_hidden()
    page.check("#out_of_borough-yes")
    assert page.locator("#agreed_interval_weeks").is_visible()
    fill_date(page, "today", "29", "11", "2026")
    fill_date(page, "last_strategy", "1", "10", "2026")
    page.fill("#agreed_interval_weeks", "12")
    page.click("#dates-form button[type='submit']")
    strategy = page.locator("#dates-answer section[data-answer='strategy_meeting']")
    strategy.wait_for()
    assert (
        "Hold the next strategy meeting by Thursday 24 December 2026 at the latest"
        in strategy.inner_text()
    )
    assert "clause 6.13" in strategy.inner_text()


def test_impossible_date_shows_the_error_summary_and_the_fields_message(
    recorder: Any, served: Deployed
) -> None:
    page = dates_page_with(recorder, today="20 11 2026", last_strategy="31 2 2026")
    page.click("#dates-form button[type='submit']")
    summary = page.locator("#dates-error-summary")
    summary.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "dates-error-summary"
    message = "Date of the last strategy meeting must be a real date, for example 27 3 2027"
    link = summary.locator("a")
    assert link.count() == 1
    assert link.inner_text() == message
    assert link.get_attribute("href") == "#last_strategy-day"
    field_error = page.locator("#last_strategy-error")
    assert field_error.is_visible()
    assert message in field_error.inner_text()
    assert page.locator("#last_strategy-field").get_attribute("class").count("field--error") == 1
    assert page.get_attribute("#last_strategy-day", "aria-invalid") == "true"
    link.click()
    assert page.evaluate("document.activeElement.id") == "last_strategy-day"

    fill_date(page, "last_strategy", "28", "2", "2026")
    answer(page)
    assert summary.is_hidden() and field_error.is_hidden()
    recorder.assert_clean()


def test_calendar_file_downloads_and_parses_without_names(
    recorder: Any, served: Deployed, tmp_path: Path
) -> None:
    page = dates_page_with(recorder, today="29 11 2026", last_strategy="1 10 2026")
    page.check("#out_of_borough-yes")
    page.fill("#agreed_interval_weeks", "12")
    page.fill("#interval_rationale", "Agreed with Jamie Smith's carer")
    page.fill("#case_reference", "CR-2026-77")
    with page.expect_download() as info:
        page.click("[data-action='download-ics']")
    download = info.value
    assert download.suggested_filename == "cse-due-dates-2026-11-29.ics"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = target.read_text(encoding="utf-8")
    assert "Jamie" not in text and "Smith" not in text
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    # 12 panels, 12 referral and 12 report deadlines, the meeting and convening it
    assert len(events) == 38
    strategy = {
        str(e.get("CATEGORIES").cats[0]): e.decoded("DTSTART")
        for e in events
        if "CR-2026-77" in str(e["SUMMARY"])
    }
    assert strategy == {"strategy": date(2026, 12, 24), "convene": date(2026, 12, 10)}
    assert "made" in page.locator("#dates-form .export-status").inner_text()
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def form_date(page: Any, field: str) -> tuple[str, str, str]:
    parts = ("day", "month", "year")
    return tuple(page.input_value(f"#f-{field}-{part}") for part in parts)  # type: ignore[return-value]


def test_the_dates_are_handed_to_the_forms_in_the_same_tab(recorder: Any, served: Deployed) -> None:
    page = open_dates_page(recorder)
    handoff = page.locator("[data-action='handoff-forms']")
    assert handoff.is_hidden()  # nothing to hand over before an answer
    fill_date(page, "today", "29", "11", "2026")
    fill_date(page, "last_strategy", "1", "10", "2026")
    fill_date(page, "initial_strategy", "3", "9", "2026")
    answer(page)
    expected = answer_on_cpython(
        "dates",
        {"today": "2026-11-29", "last_strategy": "2026-10-01", "initial_strategy": "2026-09-03"},
    )
    latest = date.fromisoformat(expected["result"]["strategy_meeting"]["latest"])
    handoff.click()
    links = page.locator("#dates-form .export-status a")
    links.first.wait_for()
    assert links.count() == 3
    kept = {  # in the tab's memory (memory.js)
        template: peek_handoff(page, template)
        for template in ("monthly-report", "final-report", "strategy-meeting")
    }
    initial = {"day": "3", "month": "9", "year": "2026"}
    for template in ("monthly-report", "final-report"):
        assert kept[template] == {
            "source": "the due-dates calculator",
            "fields": {"last_strat_date": "2026-10-01", "initial_strat_date": initial},
        }
    # the minutes are of the meeting counted from; the next meeting's latest date goes in
    # words to a field of its own, never as the date the next meeting is arranged for
    due_by = f"by {long_date(latest)} at the latest"
    assert expected["result"]["strategy_meeting"]["due_by"] == due_by
    assert kept["strategy-meeting"]["fields"] == {
        "meeting_date": "2026-10-01",
        "next_meeting_latest": due_by,
    }

    links.filter(has_text="monthly case report").click()
    wait_ready(page, "form#form-monthly-report")
    assert form_date(page, "last_strat_date") == ("1", "10", "2026")
    assert form_date(page, "initial_strat_date") == ("3", "9", "2026")
    notice = page.locator("#form-monthly-report .form-notice").inner_text()
    assert "the due-dates calculator" in notice
    assert "Date of last CSE Strat" in notice and "Date of initial CSE Strat (MAP)" in notice
    with page.expect_download() as caught:
        page.click("[data-action='save-draft']")
    draft = json.loads(Path(caught.value.path()).read_text(encoding="utf-8"))
    assert draft["fields"] == {"initial_strat_date": "2026-09-03", "last_strat_date": "2026-10-01"}

    follow(page, "forms/strategy-meeting/")  # by the link, in the same tab
    wait_ready(page, "form#form-strategy-meeting")
    assert form_date(page, "meeting_date") == ("1", "10", "2026")
    assert form_date(page, "next_meeting_date") == ("", "", "")
    assert page.input_value("#f-next_meeting_latest") == due_by
    follow(page, "forms/final-report/")  # by the link, in the same tab
    wait_ready(page, "form#form-final-report")
    assert form_date(page, "last_strat_date") == ("1", "10", "2026")
    local = page.evaluate("JSON.stringify(Object.entries(localStorage))")
    assert "2026-10-01" not in local and "2026" not in local
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_with_only_the_initial_meeting_it_is_the_last_one_handed_over(
    recorder: Any, served: Deployed
) -> None:
    page = dates_page_with(recorder, today="20 11 2026", initial_strategy="2 11 2026")
    answer(page)
    hand_over(page)
    kept = peek_handoff(page, "monthly-report")
    assert kept["fields"] == {
        "last_strat_date": "2026-11-02",
        "initial_strat_date": {"day": "2", "month": "11", "year": "2026"},
    }


def test_clear_all_case_data_on_the_dates_page(recorder: Any, served: Deployed) -> None:
    page = dates_page_with(recorder, today="29 11 2026", last_strategy="1 10 2026")
    page.check("#out_of_borough-yes")
    page.fill("#agreed_interval_weeks", "12")
    page.fill("#interval_rationale", "Agreed with the carer")
    page.fill("#case_reference", "CR-2026-77")
    answer(page)
    hand_over(page)
    assert all(
        peek_handoff(page, template) is not None
        for template in ("monthly-report", "final-report", "strategy-meeting")
    )
    assert page.evaluate("sessionStorage.length") == 0

    page.click("#dates-form [data-action='clear-all']")
    for name in ("last_strategy", "initial_strategy"):
        for part in ("day", "month", "year"):
            assert page.input_value(f"#{name}-{part}") == ""
    for name in ("agreed_interval_weeks", "interval_rationale", "case_reference"):
        assert page.input_value(f"#{name}") == ""
    assert page.is_checked("#out_of_borough-no") and page.is_checked("#referral_planned-no")
    assert page.locator("#dates-answer").inner_text() == ""
    assert page.locator("#dates-form .export-status").inner_text() == ""
    assert page.locator("[data-action='handoff-forms']").is_hidden()
    assert page.evaluate(MEMORY_JS, None) is False
    assert page.evaluate("sessionStorage.length") == 0
    assert "cleared" in page.locator("#dates-form .clear-status").inner_text().lower()
    assert page.input_value("#today-year")  # today comes back from the clock
    recorder.assert_clean()


def test_the_answers_follow_the_fields_without_pressing_the_button(
    recorder: Any, served: Deployed
) -> None:
    # The dates data/protocol.yaml gives today (whatever its rules), answered on CPython.
    first = on_cpython({"today": "2027-01-20", "last_strategy": "2027-01-06"})
    changed = on_cpython({"today": "2027-01-20", "last_strategy": "2027-01-13"})
    latest = long_iso(first["strategy_meeting"]["latest"])
    page = dates_page_with(recorder, today="20 1 2027", last_strategy="6 1 2027")
    strategy = page.locator("#dates-answer section[data-answer='strategy_meeting']")
    strategy.filter(has_text=latest).wait_for()
    text = strategy.inner_text()
    assert f"Hold the next strategy meeting by {latest} at the latest" in text
    assert "Meet sooner when the risk changes." in text
    assert "not yet due" not in text.lower()
    report = page.locator("section[data-answer='monthly_report_due']").inner_text()
    last_due = long_iso(first["monthly_report"]["last_due"])
    assert f"The December report was due on {last_due}" in report
    # a half-typed date withdraws the answer quietly; a change gives the new answer
    page.fill("#last_strategy-day", "")
    strategy.wait_for(state="detached")
    assert page.locator("#dates-error-summary").is_hidden()
    page.fill("#last_strategy-day", "13")
    strategy.filter(has_text=long_iso(changed["strategy_meeting"]["latest"])).wait_for()
    page.check("#out_of_borough-yes")
    page.fill("#agreed_interval_weeks", "30")
    strategy.locator(".dates-warning", has_text="30 weeks is more than 26 weeks").wait_for()
    assert "Wednesday 11 August 2027" in strategy.inner_text()
    recorder.assert_clean()


def test_the_minutes_check_the_next_meeting_date_clause_6_2(
    recorder: Any, served: Deployed
) -> None:
    page = open_ready(recorder, "forms/strategy-meeting/", "form#form-strategy-meeting")
    for field, (day, month, year) in (
        ("meeting_date", ("6", "1", "2027")),
        ("next_meeting_date", ("7", "4", "2027")),
    ):
        fill_date(page, f"f-{field}", day, month, year)
    page.locator("#f-next_meeting_date-year").blur()
    warning = page.locator("[data-field-wrapper='next_meeting_date'] .field-warning")
    warning.wait_for()
    assert warning.inner_text().startswith("The next meeting is 13 weeks after this one")
    assert "(clause 6.2)" in warning.inner_text()
    # out of borough, a longer interval is the child's agreed one: no warning
    page.locator("[data-field-wrapper='out_of_borough'] input[value='Yes']").check()
    warning.wait_for(state="detached")
    page.locator("[data-field-wrapper='out_of_borough'] input[value='No']").check()
    warning.wait_for()
    # a next meeting before this one is refused on making the document, naming the field
    page.fill("#f-next_meeting_date-month", "1")
    page.fill("#f-next_meeting_date-day", "5")
    page.click("#form-strategy-meeting button[type='submit']")
    summary = page.locator("#form-strategy-meeting .error-summary")
    summary.wait_for(state="visible")
    link = summary.locator("a", has_text="Date of next CSE strategy meeting must be after")
    assert link.count() == 1
    assert link.get_attribute("href") == "#f-next_meeting_date-day"
    recorder.assert_clean()
