"""A sentinel typed into every text field of the referral form and the dates page, every
export used: the sentinel reaches the downloads, and nothing else. No request carries it
(the browser's record and the server's), the address never holds it, and the browser
keeps no cookie, no IndexedDB database and nothing in web storage: hand-offs are in the
tab's memory. test_disk.py looks for it in the profile on disk."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import docx
import icalendar
import pytest
from navigation import fill_date, open_ready, peek_handoff
from playwright.sync_api import expect

from tests.support.static_server import Site

pytestmark = pytest.mark.browser

SENTINEL = "SENTINEL-Kx7q2"
TEXT_BOXES = "input[type='text']:visible, textarea:not([readonly]):visible"


def type_sentinel_everywhere(page: Any, form: str) -> int:
    """Type the sentinel into every visible text input and textarea of the form."""
    boxes = page.locator(f"{form} :is({TEXT_BOXES})")
    count = boxes.count()
    for index in range(count):
        boxes.nth(index).fill(SENTINEL)
    return count


def download(page: Any, selector: str) -> tuple[str, bytes]:
    with page.expect_download() as caught:
        page.click(selector)
    done = caught.value
    return done.suggested_filename, Path(done.path()).read_bytes()


def assert_nothing_left_the_page(recorder: Any, watched: Site, first_seen: int) -> None:
    page = recorder.page
    seen = watched.seen[first_seen:]
    assert seen, "the server saw no request from this test"
    recorder.assert_sentinel_absent(SENTINEL, seen)
    recorder.assert_same_origin_gets()
    assert SENTINEL not in page.url
    assert page.context.cookies() == []
    assert page.evaluate("(async () => (await indexedDB.databases()).length)()") == 0
    for storage in ("localStorage", "sessionStorage"):
        assert SENTINEL not in page.evaluate(f"JSON.stringify(Object.entries({storage}))")
    recorder.assert_clean()


def test_referral_form_sentinel_reaches_the_exports_and_nothing_else(
    watched_recorder: Any, watched: Site
) -> None:
    recorder = watched_recorder
    first_seen = len(watched.seen)
    page = open_ready(recorder, "forms/mase-referral/", "form#form-mase-referral")
    for add in page.locator("[data-action='add-row']").all():
        add.click()
    typed = type_sentinel_everywhere(page, "#form-mase-referral")
    assert typed > 30  # every text field, the date parts and the rows' cells

    # The dates cannot hold it: the checker says so, without repeating what was typed.
    page.click("#form-mase-referral button[type='submit']")
    summary = page.locator("#error-summary")
    summary.wait_for(state="visible")
    assert "Date must be a real date" in summary.inner_text()
    for name, parts in {
        "strat_date": ("5", "2", "2027"),
        "referral_date": ("7", "1", "2027"),
    }.items():
        fill_date(page, f"f-{name}", *parts)
    page.check("#f-strat_held-1")
    page.check("#f-mase_before-2")

    name, data = download(page, "#form-mase-referral button[type='submit']")
    assert name == "mase-referral-completed.docx"
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert cells.count(SENTINEL) == typed - 6  # all but the six date parts
    page.click("[data-action='copy-text']")
    expect(page.locator("#form-text")).to_have_value(re.compile(f"Young person's Name: {SENTINEL}"))
    _, draft = download(page, "[data-action='save-draft']")
    assert json.loads(draft)["fields"]["yp_name"] == SENTINEL

    assert_nothing_left_the_page(recorder, watched, first_seen)


def test_dates_page_sentinel_reaches_the_calendar_file_and_nothing_else(
    watched_recorder: Any, watched: Site
) -> None:
    recorder = watched_recorder
    first_seen = len(watched.seen)
    page = open_ready(recorder, "calculators/dates/", "form#dates-form")
    page.check("#out_of_borough-yes")  # shows the interval and its rationale
    typed = type_sentinel_everywhere(page, "#dates-form")
    assert typed == 3 * 3 + 3  # three dates in three parts, interval, rationale, reference
    assert page.input_value("#interval_rationale") == SENTINEL
    assert page.input_value("#case_reference") == SENTINEL

    page.click("#dates-form button[type='submit']")
    page.locator("#dates-error-summary").wait_for(state="visible")
    for name, parts in {
        "today": ("29", "11", "2026"),
        "last_strategy": ("1", "10", "2026"),
        "initial_strategy": ("3", "9", "2026"),
    }.items():
        fill_date(page, name, *parts)
    page.fill("#agreed_interval_weeks", "12")
    page.click("#dates-form button[type='submit']")
    page.locator("#dates-answer section[data-answer='strategy_meeting']").wait_for()

    name, data = download(page, "[data-action='download-ics']")
    assert name.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(data.decode("utf-8"))
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert any(SENTINEL in summary for summary in summaries)  # the case reference

    page.click("[data-action='handoff-forms']")
    page.locator("#dates-form .export-status a").first.wait_for()
    kept = json.dumps(peek_handoff(page, "monthly-report"))  # in the tab's memory only
    assert "2026-10-01" in kept and SENTINEL not in kept

    assert_nothing_left_the_page(recorder, watched, first_seen)
