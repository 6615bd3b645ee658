"""The calculators in headless Chromium: ready, answering, private, and plain when they cannot run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from calculators import bridge
from calculators.protocol import protocol_from_mapping
from handbook.build.assets import LOCK_FILE, PYODIDE_LOADED
from handbook.build.loader import load_protocol
from handbook.build.protocol_json import with_bank_holidays
from tests.support.deploy_servers import Deployed
from tests.support.static_server import Site, serve_site

pytestmark = pytest.mark.browser

RISK_PAGE = "calculators/risk/"
READY = "form#risk-form[data-calculator-state='ready']"
FAILED = "form#risk-form[data-calculator-state='failed']"
START_LIMIT_S = 30
SENTINEL = "SENTINEL-Zx81-do-not-send"


def first_indicators() -> list[str]:
    """The first indicator of Category 1 and of Category 2."""
    first: dict[int, str] = {}
    for indicator in load_protocol().protocol.indicators:
        first.setdefault(indicator.category, indicator.id)
    return [first[1], first[2]]


def answer_on_cpython(payload: dict[str, Any]) -> dict[str, Any]:
    protocol = protocol_from_mapping(with_bank_holidays(load_protocol().data))
    return json.loads(bridge.handle(protocol, json.dumps({"type": "risk", "payload": payload})))


def open_risk_page(recorder: Any) -> Any:
    page = recorder.page
    page.goto(recorder.url(RISK_PAGE))
    page.wait_for_selector(READY, timeout=START_LIMIT_S * 1000)
    return page


def test_risk_page_is_usable_at_once_then_answers_with_category_and_reasons_clause_6_3(
    recorder: Any, served: Deployed
) -> None:
    page = recorder.page
    page.goto(recorder.url(RISK_PAGE), wait_until="domcontentloaded")
    status = page.locator("#risk-form .calculator-status")
    assert page.locator("#risk-form input[name='indicator']").first.is_enabled()  # from first paint
    page.wait_for_selector(READY, timeout=START_LIMIT_S * 1000)
    assert status.text_content() == "The calculator is ready."
    assert page.locator("#risk-form input[name='indicator']").first.is_enabled()

    ids = first_indicators()
    for indicator_id in ids:
        page.check(f"#indicator-{indicator_id}")  # the profile follows each tick, no button
    expected = answer_on_cpython({"indicators": ids})
    assert expected["ok"] is True
    page.locator("#risk-headline", has_text=expected["result"]["headline"]).wait_for()
    page.locator(".risk-profile", has_text=expected["result"]["counts_line"]).wait_for()
    text = page.locator(".risk-profile").inner_text()
    for line in expected["result"]["rationale"]:
        assert line in text
    assert "strategy meeting" in text  # decision support, said every time

    recorder.assert_same_origin_gets()
    recorder.assert_clean()
    urls = {request["url"] for request in recorder.requests}
    for name in PYODIDE_LOADED:
        assert recorder.url(f"pyodide/{name}") in urls, name
    assert recorder.url(f"pyodide/{LOCK_FILE}") not in urls  # its `info` comes in the manifest


def test_typed_text_goes_nowhere(watched_recorder: Any, watched: Site) -> None:
    recorder = watched_recorder
    before = len(watched.seen)
    page = open_risk_page(recorder)
    first = first_indicators()[0]
    page.check(f"#indicator-{first}")  # the live profile follows the tick, no button
    expected = answer_on_cpython({"indicators": [first]})
    assert expected["ok"] is True
    page.locator(".risk-profile", has_text=expected["result"]["counts_line"]).wait_for()
    # the search box last: Enter there opens the first result, another page
    text_inputs = "input[type='text']:not(.md-search__input), input:not([type]), textarea"
    typed = 0
    fields = page.locator(text_inputs)
    for index in range(fields.count()):
        element = fields.nth(index)
        if not element.count():  # gone: the page changed after the last field's Enter
            raise AssertionError(f"field {index} went away after typing: {page.url}")
        if element.is_visible() and element.is_editable():
            element.fill(SENTINEL)
            element.press("Enter")
            typed += 1
    search = page.locator("input[data-md-component='search-query']")
    search.click()
    search.fill(SENTINEL)
    search.press("Enter")
    typed += 1
    assert typed >= 1, "no text field to type into"
    page.wait_for_timeout(500)
    recorder.assert_sentinel_absent(SENTINEL, watched.seen[before:])
    recorder.assert_same_origin_gets()
    recorder.assert_clean()
    assert SENTINEL not in page.url


def test_text_only_page_loads_none_of_pyodide(recorder: Any) -> None:
    page = recorder.page
    page.goto(recorder.url(""))
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() >= 1
    urls = [request["url"] for request in recorder.requests]
    assert not [url for url in urls if "/pyodide/" in url or url.endswith(".whl")], urls
    calculators_js = [url for url in urls if url.endswith(("/worker.js", "/api.js"))]
    assert not calculators_js, urls
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_every_page_carries_the_policy_and_raises_no_violation(recorder: Any) -> None:
    page = recorder.page
    for path in ("", "directive/section-1/", "categories/", RISK_PAGE):
        page.goto(recorder.url(path))
        policy = page.locator("meta[http-equiv='Content-Security-Policy']")
        assert policy.count() == 1, path
        content = policy.get_attribute("content") or ""
        assert "'unsafe-eval'" not in content and "form-action 'none'" in content
    page.wait_for_selector(READY, timeout=START_LIMIT_S * 1000)
    recorder.assert_clean()


def test_without_webassembly_the_page_says_so_at_once_and_locks_nothing(
    make_recorder: Any, served: Deployed
) -> None:
    recorder = make_recorder(served.base_url, "delete globalThis.WebAssembly;")
    page = recorder.page
    page.goto(recorder.url(RISK_PAGE))
    page.wait_for_selector(FAILED, timeout=5000)
    status = page.locator("#risk-form .calculator-status").text_content() or ""
    assert "needs WebAssembly" in status
    # Nothing ticked is locked: the boxes and Clear all still work.
    assert page.locator("#risk-form input[name='indicator']").first.is_enabled()
    assert page.locator("#risk-form button[data-action='clear-all']").is_enabled()
    urls = [request["url"] for request in recorder.requests]
    assert not [url for url in urls if "/pyodide/" in url], urls
    assert recorder.page_errors == []


def test_wasm_with_the_wrong_mime_type_gives_a_plain_message_in_time(
    make_recorder: Any, browser_site: Path
) -> None:
    limit_ms = 6000
    with serve_site(browser_site, wasm_type="application/octet-stream") as site:
        recorder = make_recorder(
            site.base_url, f"globalThis.CSE_CALCULATOR_START_LIMIT_MS = {limit_ms};"
        )
        page = recorder.page
        page.goto(recorder.url(RISK_PAGE))
        page.wait_for_selector(FAILED, timeout=limit_ms + 10_000)
        status = page.locator("#risk-form .calculator-status").text_content() or ""
        assert "could not start" in status
        assert "pyodide.asm.wasm was sent as application/octet-stream" in status
        assert "the server must send application/wasm" in status
        assert page.locator("#risk-form input[name='indicator']").first.is_enabled()
        assert recorder.page_errors == []
