"""The disk test: nothing typed reaches the browser's profile on disk.

Chromium with a persistent on-disk profile, as a person's browser has. A sentinel
is typed into every field of every calculator and form page; every hand-off,
download and copy is used, moving between pages by the links the pages offer.
While the page is still open, the profile's storage folders hold no sentinel;
then "Clear all case data" is pressed and the browser closed, and no file of the
profile, binary included, holds it (as UTF-8 or UTF-16).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from navigation import MEMORY_JS, follow, wait_ready
from playwright.sync_api import expect

from handbook.build.loader import load_protocol
from tests.support.chromium import launch_profile
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser

SENTINEL = "SENTINEL-disk-Wq93z"
START_LIMIT_S = 30
TEXT_BOXES = "input[type='text']:visible, textarea:not([readonly]):visible"
# Where Chromium keeps what pages store: web storage, databases, caches, cookies.
STORAGE = (
    "Session Storage",
    "Local Storage",
    "IndexedDB",
    "Service Worker",
    "File System",
    "WebStorage",
    "Shared Dictionary",
    "Cookies",
    "Cookies-journal",
)
DATES = {"day": "7", "month": "1", "year": "2027"}


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def files_holding(folder: Path, text: str) -> list[str]:
    """Every file under folder whose bytes hold text in any of its encodings."""
    needles = encodings(text)
    hits = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if any(needle in data for needle in needles):
                hits.append(str(path.relative_to(folder)))
    return hits


def storage_holding(profile: Path, text: str) -> list[str]:
    hits = []
    for name in STORAGE:
        for place in profile.rglob(name):
            if place.is_dir():
                hits += [f"{place.name}/{hit}" for hit in files_holding(place, text)]
            elif any(needle in place.read_bytes() for needle in encodings(text)):
                hits.append(place.name)
    return hits


@contextmanager
def page_in_profile(playwright: Any, profile: Path, url: str) -> Iterator[Any]:
    """A page at `url` in Chromium with an on-disk profile; the browser is closed (and
    its profile written out) on leaving."""
    context = launch_profile(playwright, profile)
    try:
        page = context.new_page()
        page.goto(url)
        yield page
    finally:
        context.close()


def type_sentinel(page: Any, form: str) -> int:
    """The sentinel into every visible text field of the form; a choice for each radio group."""
    for add in page.locator(f"{form} [data-action='add-row']").all():
        add.click()
    boxes = page.locator(f"{form} :is({TEXT_BOXES})")
    for index in range(boxes.count()):
        boxes.nth(index).fill(SENTINEL)
    for group in page.locator(f"{form} fieldset.radios").all():
        group.locator("input[type='radio']").first.check()
    return boxes.count()


def real_dates(page: Any, form: str) -> None:
    """Date parts cannot hold the sentinel for long: give them a real date, so the
    downloads can be made."""
    for part, value in DATES.items():
        for box in page.locator(f"{form} input[data-date-part='{part}']").all():
            box.fill(value)


def download(page: Any, selector: str) -> str:
    with page.expect_download(timeout=START_LIMIT_S * 1000) as caught:
        page.click(selector)
    return caught.value.suggested_filename


def copy(page: Any, form: str) -> None:
    page.click(f"{form} [data-action='copy-text']")
    expect(page.locator(f"{form} .export-status")).to_contain_text(re.compile("Copied|Ctrl\\+C"))


def use_risk_page(page: Any) -> list[str]:
    """The risk page has no field to type in: tick, export, and hand the profile on."""
    form = "#risk-form"
    wait_ready(page, "form" + form)
    page.locator(f"{form} input[name='indicator']").first.check()
    page.locator("#risk-answer").filter(has_text="listed under").wait_for()
    made = [download(page, f"{form} [data-action='download']")]
    copy(page, form)
    page.click(f"{form} [data-action='hand-off'][data-to='monthly-report']")
    page.locator(f"{form} .export-status a").click()  # the hand-off, by its link
    page.wait_for_url("**/forms/monthly-report/")
    wait_ready(page, "form#form-monthly-report")
    assert "listed under" in page.input_value("#f-strategy_reading")  # the attachment
    assert page.input_value("#f-risk_level_rationale") == ""  # never the level
    return made


def use_dates_page(page: Any) -> list[str]:
    form = "#dates-form"
    wait_ready(page, "form" + form)
    page.check("#out_of_borough-yes")
    assert type_sentinel(page, form) >= 12
    for name in ("today", "last_strategy", "initial_strategy"):
        for part, value in {"day": "1", "month": "10", "year": "2026"}.items():
            page.fill(f"#{name}-{part}", value)
    page.fill("#today-day", "29")
    page.fill("#today-month", "11")
    page.fill("#agreed_interval_weeks", "12")
    page.click(f"{form} button[type='submit']")
    page.locator("#dates-answer section").first.wait_for()
    made = [download(page, "[data-action='download-ics']")]
    page.click("[data-action='handoff-forms']")
    page.locator(f"{form} .export-status a").first.click()  # the hand-off, by its link
    page.wait_for_selector("form.template-form[data-calculator='form']")
    return made


def use_form_page(page: Any, template: str) -> list[str]:
    form = f"#form-{template}"
    wait_ready(page, "form" + form)
    assert type_sentinel(page, form) >= 1
    real_dates(page, form)
    later = page.locator(f"{form} #f-next_meeting_date-year")
    if later.count():  # the minutes' next meeting must fall after the meeting itself
        later.fill(str(int(DATES["year"]) + 1))
    made = [download(page, f"{form} button[type='submit']")]
    copy(page, form)
    made.append(download(page, f"{form} [data-action='save-draft']"))
    return made


def test_nothing_typed_reaches_the_profile_on_disk(
    playwright: Any, served: Deployed, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    with page_in_profile(playwright, profile, served.base_url + "calculators/risk/") as page:
        made = use_risk_page(page)
        made += use_form_page(page, "monthly-report")  # the hand-off's form
        follow(page, "calculators/dates/")
        made += use_dates_page(page)
        forms = 0
        for template in load_protocol().protocol.templates:
            follow(page, f"forms/{template.id}/")
            if page.locator(f"form#form-{template.id}").count() == 0:
                continue  # made from the risk page, which has been used above
            made += use_form_page(page, template.id)
            forms += 1
        assert forms >= 4
        assert len(made) == 1 + 2 + 1 + 2 * forms

        # Still open, everything still in memory: nothing in the storage folders.
        assert storage_holding(profile, SENTINEL) == []
        assert page.context.cookies() == []

        follow(page, "forms/mase-referral/")
        wait_ready(page, "form#form-mase-referral")
        expect(page.locator("#f-yp_name")).to_have_value(SENTINEL)  # kept in the tab's memory
        page.locator("form.calculator [data-action='clear-all']").first.click()
        assert page.evaluate(MEMORY_JS, None) is False  # nothing held after clearing
    assert files_holding(profile, SENTINEL) == []  # the browser closed, its profile written


def test_the_search_would_find_the_sentinel_had_the_browser_stored_it(
    playwright: Any, served: Deployed, tmp_path: Path
) -> None:
    """The search above can fail: what sessionStorage keeps is found on disk."""
    profile = tmp_path / "profile"
    with page_in_profile(playwright, profile, served.base_url) as page:
        page.evaluate("(text) => sessionStorage.setItem('kept', text)", SENTINEL + "-control")
    assert files_holding(profile, SENTINEL + "-control") != []
