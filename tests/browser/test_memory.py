"""Case data in the tab's memory only, one worker per tab under the page's policy.

The handbook moves between its pages without reloading (Material's
navigation.instant), so memory.js keeps answers and hand-offs, and api.js its one
worker, while the practitioner follows links. The worker starts from a blob: URL,
so the page's Content-Security-Policy governs it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from navigation import (
    follow,
    keep_a_name_across_links,
    kept_answers,
    open_ready,
    peek_handoff,
    wait_ready,
    wait_started,
)
from playwright.sync_api import expect

from calculators.documents.drafts import MAX_DRAFT_BYTES
from tests.support.deploy_servers import Deployed
from tests.support.static_server import serve_site

pytestmark = pytest.mark.browser

RISK = "form#risk-form"
DATES = "form#dates-form"
REFERRAL = "form#form-mase-referral"
TINY_WASM = "new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])"  # an empty module: "\0asm", version 1
COMPILES = f"WebAssembly.compile({TINY_WASM}).then(() => 'compiled', () => 'refused')"


def calculator_workers(page: Any) -> list[Any]:
    """The calculators' worker (named so by api.js; the search worker is a blob: one too)."""
    return [
        w
        for w in page.workers
        if w.url.startswith("blob:") and w.evaluate("self.name") == "calculators"
    ]


def tick_first_indicator(page: Any) -> None:
    """Tick the first indicator (a Category 1 one) and wait for the answer to name it."""
    page.locator("#risk-form input[name='indicator']").first.check()
    expect(page.locator("#risk-answer")).to_contain_text("Category 1")


def test_from_inside_the_worker_another_origin_is_refused_and_the_calculators_still_answer(
    recorder: Any, served: Deployed, browser_site: Path
) -> None:
    page = open_ready(recorder, "calculators/risk/", RISK)
    (worker,) = calculator_workers(page)
    with serve_site(browser_site) as other:
        reached = worker.evaluate(
            "async (url) => { try { await fetch(url, {mode: 'no-cors'}); return 'reached'; }"
            " catch (error) { return 'refused'; } }",
            other.base_url + "index.html",
        )
        assert reached == "refused"
        assert other.seen == []  # refused by the policy in the browser, not by the server
    same_origin = worker.evaluate("(url) => fetch(url).then((r) => r.status)", recorder.url())
    assert same_origin == 200
    tick_first_indicator(page)  # the calculators still answer
    assert "Category 1" in page.inner_text("#risk-answer")
    recorder.assert_same_origin_gets()


def test_fields_are_usable_before_python_is_ready_and_the_answer_follows(
    recorder: Any,
) -> None:
    page = recorder.page
    page.goto(recorder.url("calculators/risk/"), wait_until="domcontentloaded")
    first = page.locator("#risk-form input[name='indicator']").first
    assert first.is_enabled()
    first.check()  # whether or not Python is ready yet
    wait_ready(page, RISK)
    expect(page.locator("#risk-answer")).to_contain_text("Category 1")
    assert page.inner_text("#risk-form .calculator-status") == "The calculator is ready."
    recorder.assert_clean()


def test_python_starts_once_while_following_links_between_calculator_pages(
    recorder: Any,
) -> None:
    page = open_ready(recorder, "calculators/risk/", RISK)
    (worker,) = calculator_workers(page)
    follow(page, "calculators/dates/")
    wait_ready(page, DATES)
    follow(page, "glossary/")
    follow(page, "forms/mase-referral/")
    wait_ready(page, REFERRAL)
    assert calculator_workers(page) == [worker]
    # Downloaded once (the worker's HEAD request only checks the server's headers).
    wasm = [r["method"] for r in recorder.requests if r["url"].endswith("pyodide.asm.wasm")]
    assert wasm.count("GET") == 1, wasm
    # The first page's policy governs the tab: a text page shown since did not take
    # WebAssembly away from it.
    assert page.evaluate(COMPILES) == "compiled"
    recorder.assert_clean()


def test_a_tab_that_began_on_a_text_page_loads_a_calculator_page_in_full(
    recorder: Any,
) -> None:
    page = recorder.page
    page.goto(recorder.url("glossary/"))
    assert page.evaluate(COMPILES) == "refused"  # no WebAssembly on a text-only page
    recorder.csp_messages.clear()
    page.evaluate("window.sameDocument = true")
    follow(page, "calculators/risk/")
    wait_ready(page, RISK)
    assert page.evaluate("window.sameDocument === undefined")  # a new document
    tick_first_indicator(page)
    assert "Category 1" in page.inner_text("#risk-answer")
    assert page.evaluate("(async () => (await indexedDB.databases()).length)()") == 0


def test_typed_answers_survive_following_links_and_nothing_is_stored(recorder: Any) -> None:
    page = keep_a_name_across_links(recorder)
    assert kept_answers(page, "mase-referral")["yp_name"] == "Kept in memory"
    stored = page.evaluate(
        "JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage),"
        " document.cookie, location.href])"
    )
    assert "Kept in memory" not in stored
    recorder.assert_clean()


def test_the_dates_hand_off_reaches_the_form_by_its_link(recorder: Any) -> None:
    page = open_ready(recorder, "calculators/dates/", DATES)
    for part, value in zip(("day", "month", "year"), ("1", "10", "2026"), strict=True):
        page.fill(f"#last_strategy-{part}", value)
    page.click("#dates-form button[type='submit']")
    page.locator("#dates-answer section").first.wait_for()
    page.click("[data-action='handoff-forms']")
    link = page.locator("#dates-form .export-status a[href$='/forms/monthly-report/']")
    link.wait_for()
    assert peek_handoff(page, "monthly-report") is not None
    link.click()
    page.wait_for_url("**/forms/monthly-report/")
    wait_ready(page, "form#form-monthly-report")
    assert page.input_value("#f-last_strat_date-day") == "1"
    assert page.input_value("#f-last_strat_date-year") == "2026"
    assert "the due-dates calculator" in page.inner_text("#form-monthly-report .form-notice")
    assert peek_handoff(page, "monthly-report") is None  # taken once
    recorder.assert_clean()


def test_a_reload_with_answers_asks_first_and_after_clearing_does_not(recorder: Any) -> None:
    page = recorder.page
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    page.goto(recorder.url("forms/mase-referral/"))
    wait_started(page, REFERRAL)  # leave.js listens; Python need not be ready
    page.fill("#f-yp_name", "Not saved")
    page.reload()
    wait_ready(page, REFERRAL)  # "Clear all case data" is bound
    assert asked == ["beforeunload"]
    assert page.input_value("#f-yp_name") == ""  # a reload forgets, as the page says
    page.fill("#f-yp_name", "Then cleared")
    page.click("#form-mase-referral [data-action='clear-all']")
    page.reload()  # a dialog would be asked here, before the page unloads
    assert asked == ["beforeunload"]


def test_a_question_that_overruns_is_answered_plainly_and_the_worker_restarts(
    recorder: Any,
) -> None:
    page = open_ready(recorder, "calculators/risk/", RISK)
    (first,) = calculator_workers(page)
    answers = page.evaluate(
        """async () => {
          const api = await import(new URL("javascripts/runtime/api.js", __md_scope).href);
          const overran = await api.call("risk", {indicators: []}, {limitMs: 0});
          const again = await api.call("risk", {indicators: []});
          return [overran, again];
        }"""
    )
    overran, again = answers
    assert overran["ok"] is False
    assert "took longer than" in overran["errors"][0]["message"]
    assert again["ok"] is True
    workers = calculator_workers(page)
    assert len(workers) == 1 and workers[0] != first


def test_a_draft_over_the_limit_is_refused_before_it_is_read(
    make_recorder: Any, served: Deployed
) -> None:
    recorder = make_recorder(
        served.base_url,
        "window.draftReads = 0; for (const how of ['readAsText', 'readAsArrayBuffer']) {"
        " const read = FileReader.prototype[how];"
        " FileReader.prototype[how] = function (...args) {"
        " window.draftReads++; return read.apply(this, args); }; }",
    )
    page = open_ready(recorder, "forms/mase-referral/", REFERRAL)
    page.fill("#f-yp_name", "Left as it was")
    page.set_input_files(
        "#open-draft",
        files=[
            {
                "name": "big.json",
                "mimeType": "application/json",
                "buffer": b" " * (MAX_DRAFT_BYTES + 1),
            }
        ],
    )
    summary = page.locator("#error-summary")
    summary.wait_for(state="visible")
    assert "big.json was not opened" in summary.inner_text()
    assert page.evaluate("window.draftReads") == 0
    assert page.input_value("#f-yp_name") == "Left as it was"
