"""Search in Chromium: it runs in the page, and what was typed never reaches a URL."""

from __future__ import annotations

from typing import Any

import pytest

from handbook.static_server import Site

pytestmark = pytest.mark.browser

TYPED = "escalation"  # a word of clause 6.12, so that search has a result to follow


def test_search_finds_a_clause_and_what_was_typed_stays_out_of_every_url(
    recorder: Any, served: Site
) -> None:
    before = len(served.seen)
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
    recorder.assert_sentinel_absent(TYPED, served.seen[before:])
    recorder.assert_same_origin_gets()
    recorder.assert_clean()
