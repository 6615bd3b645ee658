"""The template forms in headless Chromium: filled, checked, downloaded, drafted and cleared."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from navigation import MEMORY_JS, arrive, follow, peek_handoff
from playwright.sync_api import expect

from calculators.limits import MAX_ROWS
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser


@pytest.fixture
def recorder(tab: Any) -> Any:
    """This module's tests share one tab and one start of the calculators (conftest `tab`):
    each arrives at its page afresh, with the tab's memory forgotten."""
    return tab


REFERRAL_PAGE = "forms/mase-referral/"
READY = "form#form-mase-referral[data-calculator-state='ready']"
START_LIMIT_S = 30
AWKWARD = 'Jo & <Sam> "quoted" 😀 مرحبا'
SENTINEL = "SENTINEL-forms-Qp31"


def open_referral(recorder: Any) -> Any:
    page = arrive(recorder, REFERRAL_PAGE)
    page.wait_for_selector(READY, timeout=START_LIMIT_S * 1000)
    return page


def fill_required(page: Any, name: str = AWKWARD) -> None:
    page.fill("#f-yp_name", name)
    page.fill("#f-yp_dob_age", "14")
    page.fill("#f-background", "First line\nSecond line\n\nA new paragraph")
    page.fill("#f-immediate_harm", "Missing overnight")
    page.fill("#f-barriers", "None known")
    page.fill("#f-referrer_name", "A Referrer")
    page.fill("#f-referrer_contact", "020 0000 0000")
    page.fill("#f-referral_date-day", "7")
    page.fill("#f-referral_date-month", "1")
    page.fill("#f-referral_date-year", "2027")


def add_rows(page: Any) -> None:
    add = page.locator("[data-action='add-row'][data-rows='significant_events']")
    for number, (when, detail) in enumerate(
        [("1 January", "Seen at the station"), ("2 January", "Returned home <late> & tired")]
    ):
        add.click()
        page.fill(f"#f-significant_events-{number}-date", when)
        page.fill(f"#f-significant_events-{number}-detail", detail)
    add.click()  # a third row, then removed again
    page.click(
        "#f-significant_events-2-date >> xpath=ancestor::fieldset[1] >> [data-action='remove-row']"
    )


def read_download(page: Any, button: str) -> tuple[str, bytes]:
    with page.expect_download() as caught:
        page.click(button)
    download = caught.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def all_cells(document: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in document.tables for row in t.rows]


def test_referral_form_with_rows_downloads_a_word_document_that_reads_back(
    recorder: Any, served: Deployed
) -> None:
    page = open_referral(recorder)
    fill_required(page)
    page.check("#f-strat_held-1")
    add_rows(page)
    name, data = read_download(page, "#form-mase-referral button[type='submit']")
    assert name == "mase-referral-completed.docx"
    document = docx.Document(io.BytesIO(data))
    cells = all_cells(document)
    assert ["Young person's Name", AWKWARD] in cells
    assert ["CSE Strat held?", "Yes"] in cells
    assert ["Date:", "Thursday 7 January 2027"] in cells
    background = next(
        row for t in document.tables for row in t.rows if row.cells[0].text.startswith("Background")
    )
    assert [p.text for p in background.cells[1].paragraphs] == [
        "First line\nSecond line",
        "A new paragraph",
    ]
    assert ["1 January", "Seen at the station", ""] in cells
    assert ["2 January", "Returned home <late> & tired", ""] in cells
    events = next(t for t in document.tables if t.rows[0].cells[0].text == "Date")
    assert len(events.rows) == 3  # the header and the two rows left after removing one
    assert "Young person's Name: " + AWKWARD in page.input_value("#form-text")
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_missing_required_fields_show_an_error_summary_that_takes_focus(
    recorder: Any, served: Deployed
) -> None:
    page = open_referral(recorder)
    page.fill("#f-yp_name", "Jo")
    page.fill("#f-strat_date-day", "31")
    page.fill("#f-strat_date-month", "2")
    page.fill("#f-strat_date-year", "2027")
    page.click("#form-mase-referral button[type='submit']")
    summary = page.locator("#error-summary")
    summary.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    text = summary.inner_text()
    assert "Enter DOB/Age" in text and "Enter Background of case/summary update" in text
    assert "Date (most recent) must be a real date, for example 27 3 2027" in text
    before = page.url
    page.click("#error-summary a >> text=Enter DOB/Age")
    assert page.evaluate("document.activeElement.id") == "f-yp_dob_age"
    assert page.url == before  # the page was not loaded again, not even to a fragment
    assert page.input_value("#f-yp_name") == "Jo"  # nothing typed is lost


def test_dates_go_to_the_date_checker_as_typed(recorder: Any, served: Deployed) -> None:
    page = open_referral(recorder)
    fill_required(page)
    page.fill("#f-strat_date-day", "5")  # a day alone
    page.fill("#f-referral_date-year", "0001")
    page.click("#form-mase-referral button[type='submit']")
    summary = page.locator("#error-summary")
    summary.wait_for(state="visible")
    messages = summary.locator("li").all_inner_texts()
    assert messages == [
        "Date (most recent) must include a month and year",
        "Date must have a year from 2000 to 2100",
    ]
    assert "-00-05" not in page.content()
    assert page.get_attribute("#f-strat_date-day", "aria-invalid") == "true"
    summary.locator("a", has_text="must include a month and year").click()
    assert page.evaluate("document.activeElement.id") == "f-strat_date-day"

    page.fill("#f-referral_date-year", "9999")
    page.click("#form-mase-referral button[type='submit']")
    expect(summary.locator("li").nth(1)).to_have_text("Date must have a year from 2000 to 2100")

    page.fill("#f-strat_date-month", "2")
    page.fill("#f-strat_date-year", "2027")
    page.fill("#f-referral_date-year", "2027")
    name, data = read_download(page, "#form-mase-referral button[type='submit']")
    assert name == "mase-referral-completed.docx"
    cells = all_cells(docx.Document(io.BytesIO(data)))
    assert ["Date (most recent)", "Friday 5 February 2027"] in cells
    assert ["Date:", "Thursday 7 January 2027"] in cells

    _, saved = read_download(page, "[data-action='save-draft']")
    fields = json.loads(saved)["fields"]
    assert fields["strat_date"] == "2027-02-05" and fields["referral_date"] == "2027-01-07"


def test_a_saved_draft_opens_again_and_a_bad_draft_loses_nothing(
    recorder: Any, served: Deployed, tmp_path: Path
) -> None:
    page = open_referral(recorder)
    fill_required(page)
    add_rows(page)
    name, data = read_download(page, "[data-action='save-draft']")
    assert name == "mase-referral-draft.json"
    draft = json.loads(data)
    assert draft["template"] == "mase-referral" and draft["fields"]["yp_name"] == AWKWARD

    page.click("[data-action='clear-all']")
    assert page.input_value("#f-yp_name") == ""
    draft_file = tmp_path / name
    draft_file.write_bytes(data)
    page.set_input_files("#open-draft", str(draft_file))
    # Clear all started the calculator afresh: the draft is read once Python is up again.
    expect(page.locator("#f-yp_name")).to_have_value(AWKWARD, timeout=90_000)
    assert page.input_value("#f-yp_name") == AWKWARD
    assert page.input_value("#f-significant_events-1-detail") == "Returned home <late> & tired"
    assert page.input_value("#f-referral_date-day") == "7"

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"template": "mase-referral", "fields": {"shoe_size": 9}}))
    page.set_input_files("#open-draft", str(bad))
    page.locator("#error-summary").wait_for(state="visible")
    assert "shoe_size" in page.locator("#error-summary").inner_text()
    assert page.input_value("#f-yp_name") == AWKWARD  # nothing typed was lost


def test_clear_all_case_data_leaves_nothing_on_the_page_or_in_storage(
    recorder: Any, served: Deployed
) -> None:
    page = open_referral(recorder)
    fill_required(page, name=SENTINEL)
    add_rows(page)
    page.fill("#f-significant_events-0-reference", SENTINEL)
    page.click("[data-action='copy-text']")
    expect(page.locator("#form-text")).to_have_value(re.compile(SENTINEL))
    assert page.evaluate(MEMORY_JS, None) is True  # kept in this tab's memory, until cleared
    assert page.evaluate("sessionStorage.length") == 0  # and in no browser storage

    page.click("[data-action='clear-all']")
    values = page.evaluate(
        "[...document.querySelectorAll('input, textarea, select')]"
        ".filter(e => !['radio', 'checkbox', 'file', 'button', 'submit'].includes(e.type))"
        ".map(e => e.value)"
    )
    assert all(value == "" for value in values)
    assert (
        page.evaluate("document.querySelectorAll('form.template-form input:checked').length") == 0
    )
    assert page.locator(".row-list > .row").count() == 0
    assert SENTINEL not in page.content()
    assert page.evaluate(MEMORY_JS, None) is False
    assert page.evaluate("sessionStorage.length") == 0
    local = page.evaluate("JSON.stringify(Object.entries(localStorage))")
    assert SENTINEL not in local and "Jo" not in local

    page.reload()
    page.wait_for_selector(READY, timeout=START_LIMIT_S * 1000)
    assert page.input_value("#f-yp_name") == ""
    recorder.assert_same_origin_gets()


def test_the_blank_template_downloads_from_the_form_page(recorder: Any, served: Deployed) -> None:
    page = arrive(recorder, REFERRAL_PAGE)
    name, data = read_download(page, ".blank-template a")
    assert name == "mase-referral.docx"
    document = docx.Document(io.BytesIO(data))
    assert (
        "Check you are using the current version" in document.sections[0].footer.paragraphs[0].text
    )


def test_answers_handed_over_in_the_tab_fill_the_form(recorder: Any, served: Deployed) -> None:
    page = open_referral(recorder)  # a calculator page: hand-offs start on one
    handoff = {"source": "the risk page", "fields": {"strategy_reading": "Poor self-image"}}
    page.evaluate(
        """async (handoff) => {
          const memory = await import(new URL("javascripts/components/memory.js", __md_scope).href);
          memory.handOff("monthly-report", handoff);
        }""",
        handoff,
    )
    follow(page, "forms/monthly-report/")
    page.wait_for_selector(
        "form#form-monthly-report[data-calculator-state='ready']", timeout=START_LIMIT_S * 1000
    )
    assert page.input_value("#f-strategy_reading") == "Poor self-image"
    notice = page.locator("#form-monthly-report .form-notice").inner_text()
    assert "the risk page" in notice and "Attachment: the Appendix B reading" in notice
    assert peek_handoff(page, "monthly-report") is None  # taken once


def test_a_table_stops_at_the_most_rows_a_form_can_hold_and_says_so(
    recorder: Any, served: Deployed
) -> None:
    page = open_referral(recorder)
    add = page.locator("[data-action='add-row'][data-rows='significant_events']")
    assert add.get_attribute("data-max-rows") == str(MAX_ROWS)
    page.evaluate(
        "(count) => { const add = document.querySelector("
        "\"[data-action='add-row'][data-rows='significant_events']\");"
        " for (let i = 0; i < count; i += 1) add.click(); }",
        MAX_ROWS,
    )
    rows = page.locator("[data-rows='significant_events'] > .row")
    expect(rows).to_have_count(MAX_ROWS)
    limit = page.locator("[data-row-limit='significant_events']")
    expect(limit).to_have_text("")
    add.click()
    expect(rows).to_have_count(MAX_ROWS)
    expect(limit).to_have_text(f"This table has the most rows a form can hold, {MAX_ROWS}.")
    rows.last.locator("[data-action='remove-row']").click()
    expect(rows).to_have_count(MAX_ROWS - 1)
    expect(limit).to_have_text("")
