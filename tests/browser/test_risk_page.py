"""The risk page in Chromium: tick, read the suggestion, record a judgement, download the summary."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from navigation import MEMORY_JS, peek_handoff

from handbook.static_server import Site

pytestmark = pytest.mark.browser

RISK_PAGE = "calculators/risk/"
READY = "form#risk-form[data-calculator-state='ready']"
TICKED = {"eh-1-1": "Poor self-image", "cc-2-4": None, "rm-3-2": "Pattern of street homelessness"}
REASON = "Disclosure at interview & <new> evidence 😀"


def open_page(recorder: Any) -> Any:
    page = recorder.page
    page.goto(recorder.url(RISK_PAGE))
    page.wait_for_selector(READY, timeout=30_000)
    return page


def tick_and_read(page: Any) -> str:
    for indicator_id in TICKED:
        page.check(f"#indicator-{indicator_id}")
    page.click("#risk-form button[type='submit']")
    answer = page.locator("#risk-answer")
    answer.locator("p", has_text="Suggested: Category 3").wait_for()
    return answer.inner_text()


def document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_ticked_indicators_suggest_the_highest_category_with_reasons(
    recorder: Any, served: Site
) -> None:
    page = open_page(recorder)
    text = tick_and_read(page)
    assert "Ticked: 1 in Category 1, 1 in Category 2, 1 in Category 3." in text
    assert "Running away/going missing: Pattern of street homelessness (Category 3)." in text
    assert "No information recorded: " in text
    assert "Clauses: 6.3, 6.9." in text
    assert page.locator("#risk-answer").get_attribute("aria-live") == "polite"
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_a_different_category_needs_a_reason_then_downloads_the_summary(
    recorder: Any, served: Site
) -> None:
    page = open_page(recorder)
    tick_and_read(page)
    page.select_option("#recorded_category", "2")
    page.click("#judgement-form button[type='submit']")
    error = page.locator("#reason-error")
    error.wait_for(state="visible")
    assert "Enter the reason" in error.inner_text()
    assert page.evaluate("document.activeElement.id") == "reason"

    page.fill("#reason", REASON)
    with page.expect_download() as caught:
        page.click("#judgement-form button[type='submit']")
    download = caught.value
    assert download.suggested_filename.endswith(".docx")
    text = document_text(Path(download.path()).read_bytes())
    assert "Category 3" in text and "Category 2" in text
    assert REASON in text
    assert "This is decision support, not a decision" in text
    for indicator_text in filter(None, TICKED.values()):
        assert indicator_text in text
    assert page.locator("#reason-error").is_hidden()
    assert "Recorded category: Category 2" in page.input_value("#risk-text")
    recorder.assert_same_origin_gets()
    recorder.assert_sentinel_absent(REASON, served.seen)
    recorder.assert_clean()


def test_the_answer_is_offered_to_the_monthly_report_in_the_same_tab(
    recorder: Any, served: Site
) -> None:
    page = open_page(recorder)
    tick_and_read(page)
    page.click("[data-action='offer-report']")
    link = page.locator("#judgement-form .export-status a")
    link.wait_for()
    stored = peek_handoff(page, "monthly-report")  # in the tab's memory (memory.js)
    assert "Suggested category: Category 3" in stored["fields"]["risk_level_rationale"]
    link.click()
    page.wait_for_selector("form[data-calculator-state='ready']", timeout=30_000)
    field = page.locator("[name='risk_level_rationale'], #f-risk_level_rationale").first
    assert "Suggested category: Category 3" in field.input_value()
    local = page.evaluate("JSON.stringify(Object.entries(localStorage))")
    assert "Category 3" not in local and "homelessness" not in local


def test_clear_all_case_data_leaves_nothing_on_the_page_or_in_storage(
    recorder: Any, served: Site
) -> None:
    page = open_page(recorder)
    tick_and_read(page)
    page.select_option("#recorded_category", "2")
    page.fill("#reason", REASON)
    page.click("[data-action='offer-report']")
    page.locator("#judgement-form .export-status a").wait_for()
    assert "Recorded category: Category 2" in page.input_value("#risk-text")
    assert peek_handoff(page, "monthly-report") is not None
    assert page.evaluate("sessionStorage.length") == 0
    checked = "form.calculator input:checked"
    assert page.locator(checked).count() == len(TICKED)

    page.click("[data-action='clear-all']")
    assert page.locator(checked).count() == 0
    values = page.evaluate(
        "[...document.querySelectorAll('#risk-form input, #judgement-form select, textarea')]"
        ".filter(e => e.type !== 'checkbox').map(e => e.value)"
    )
    assert values and all(value == "" for value in values)
    assert page.input_value("#recorded_category") == ""
    assert page.input_value("#reason") == "" and page.input_value("#risk-text") == ""
    assert page.locator("#risk-answer").inner_text() == ""
    assert page.locator("#judgement-form .export-status").inner_text() == ""
    assert "cleared" in page.locator("#risk-form .clear-status").inner_text()
    content = page.content()
    assert "Disclosure at interview" not in content and "Suggested: Category" not in content
    assert page.evaluate(MEMORY_JS, None) is False
    assert page.evaluate("sessionStorage.length") == 0
    local = page.evaluate("JSON.stringify(Object.entries(localStorage))")
    assert "Disclosure" not in local and "Category" not in local
    recorder.assert_same_origin_gets()
    recorder.assert_clean()
