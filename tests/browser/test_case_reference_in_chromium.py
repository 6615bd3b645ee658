"""The calendar file's case reference in Chromium: a name or a date of birth is refused
with a field error naming the rule, and no calendar file is made."""

from __future__ import annotations

from typing import Any

import pytest
from navigation import fill_date, open_ready

from handbook.build.loader import load_protocol
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser

NAME_AND_BIRTHDAY = "Jane Smith 12/03/2011"


def test_the_calendar_file_refuses_a_name_and_date_of_birth_as_the_case_reference(
    recorder: Any, served: Deployed
) -> None:
    wording = load_protocol().protocol.calendar_file.case_reference
    page = open_ready(recorder, "calculators/dates/", "form#dates-form")
    fill_date(page, "today", "29", "11", "2026")
    fill_date(page, "last_strategy", "1", "10", "2026")
    page.fill("#case_reference", NAME_AND_BIRTHDAY)
    downloads: list[Any] = []
    page.on("download", lambda download: downloads.append(download))
    page.click("[data-action='download-ics']")
    summary = page.locator("#dates-error-summary")
    summary.wait_for(state="visible")
    page.wait_for_timeout(700)  # past the live answer to the last date typed
    assert summary.is_visible()  # which does not clear the calendar file's problems
    link = summary.locator("a")
    assert link.inner_text() == wording.looks_like_a_date
    assert link.get_attribute("href") == "#case_reference"
    field_error = page.locator("#case_reference-error")
    assert field_error.is_visible()
    assert wording.looks_like_a_date in field_error.inner_text()
    assert page.get_attribute("#case_reference", "aria-invalid") == "true"
    assert page.input_value("#case_reference") == NAME_AND_BIRTHDAY  # kept, to correct
    assert downloads == []  # no calendar file made

    page.fill("#case_reference", "CS-2024-0113")
    with page.expect_download() as info:
        page.click("[data-action='download-ics']")
    assert info.value.suggested_filename.endswith(".ics")
    assert field_error.is_hidden()
    recorder.assert_clean()
