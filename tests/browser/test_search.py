"""Search in Chromium: it runs in the page, and what was typed never reaches a URL."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.deploy_servers import Deployed
from tests.support.static_server import Site

pytestmark = pytest.mark.browser

TYPED = "escalation"  # a word of clause 6.12, so that search has a result to follow


def test_search_finds_a_clause_and_what_was_typed_stays_out_of_every_url(
    watched_recorder: Any, watched: Site
) -> None:
    recorder = watched_recorder
    before = len(watched.seen)
    page = recorder.page
    page.goto(recorder.url(""))
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially(TYPED, delay=20)  # search listens to key presses
    result = page.locator(".md-search-result__link", has_text="Practice requirements").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_load_state("load")
    assert "section-6" in page.url
    assert TYPED not in page.url.lower()
    recorder.assert_sentinel_absent(TYPED, watched.seen[before:])
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_searching_for_a_clause_number_lands_on_the_clause(recorder: Any, served: Deployed) -> None:
    page = recorder.page
    page.goto(recorder.url(""))
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially("6.13", delay=20)
    # Material groups results by page: the page first, then its best entries in it
    first_page = page.locator(".md-search-result__item").first
    first_page.wait_for(timeout=10_000)
    result = first_page.locator("a.md-search-result__link").nth(1)
    assert result.get_attribute("href").endswith("directive/section-6/#clause-6-13")
    result.click()
    page.wait_for_url("**/directive/section-6/#clause-6-13", wait_until="commit")
    clause = page.locator("#clause-6-13")
    clause.wait_for()
    page.wait_for_function(  # in view: its top within the window
        """() => {
            const top = document.querySelector("#clause-6-13").getBoundingClientRect().top;
            return top >= 0 && top < window.innerHeight;
        }""",
        timeout=5_000,
    )
    recorder.assert_clean()


def test_without_javascript_the_handbook_reads_and_nothing_can_be_typed(
    browser: Any, served: Deployed
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served.base_url + "directive/section-6/")
        assert page.locator("#clause-6-13").is_visible()
        page.goto(served.base_url + "calculators/risk/")
        assert page.locator("#risk-form input[name='indicator']").first.is_disabled()
        assert "needs JavaScript" in page.locator("#risk-form .calculator-status").inner_text()
        assert not page.locator("input[data-md-component='search-query']").is_visible()
        page.goto(served.base_url + "forms/mase-referral/")
        name = page.locator("#f-yp_name")
        assert name.is_disabled()  # nothing to type into that could go anywhere
        assert page.locator("a.blank-template, .blank-template a").first.is_visible()
    finally:
        context.close()
