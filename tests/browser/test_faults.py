"""When the calculators cannot start, or the network goes, nothing typed is locked or lost.

Served by the test server with its faults injected (tests/support/static_server.py):
a missing .wasm, a wrong MIME type for the .wasm and for the .mjs. Each time the
message names the file and the cause, at the top and beside the buttons, within a
few seconds (not after the start limit); the fields stay editable; Clear all and
Save draft work without Python, and the draft is one the calculators open again.
Offline after load, the Word document is still made. A worker that dies with a
question on its way is said to have stopped, started again at once, and asked again.
"""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from navigation import START_LIMIT_MS, open_ready
from playwright.sync_api import expect
from test_forms import fill_required
from test_memory import calculator_workers

from calculators.documents.drafts import read_draft
from handbook.build.loader import load_protocol
from tests.support.deploy_servers import Deployed
from tests.support.static_server import serve_site

pytestmark = pytest.mark.browser

FORM_PAGE = "forms/mase-referral/"
FORM = "form#form-mase-referral"
FAILED = f"{FORM}[data-calculator-state='failed']"
TYPED = "Typed before the failure"
WITHIN_S = 10  # well inside the 30 s start limit: the fault itself is detected

FAULTS = {
    "missing wasm": (
        {"missing": frozenset({"pyodide/pyodide.asm.wasm"})},
        "pyodide.asm.wasm is missing on the server (404",
    ),
    "wasm as text": (
        {"types": {".wasm": "text/plain"}},
        "pyodide.asm.wasm was sent as text/plain; the server must send application/wasm",
    ),
    "mjs as text": (
        {"types": {".mjs": "text/plain"}},
        "pyodide.mjs was sent as text/plain; the server must send text/javascript",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_server_fault_is_named_beside_the_buttons_and_locks_nothing(
    make_recorder: Any, browser_site: Path, tmp_path: Path, fault: str
) -> None:
    injected, message = FAULTS[fault]
    with serve_site(browser_site, **injected) as site:
        recorder = make_recorder(site.base_url)
        page = recorder.page
        began = time.monotonic()
        page.goto(recorder.url(FORM_PAGE), wait_until="domcontentloaded")
        page.fill("#f-yp_name", TYPED)
        page.wait_for_selector(FAILED, timeout=WITHIN_S * 1000)
        assert time.monotonic() - began < WITHIN_S
        assert message in page.inner_text(f"{FORM} .calculator-status")
        near = page.locator(f"{FORM} .form-actions + .calculator-failure")
        assert message in near.inner_text()  # beside the buttons as well as at the top

        page.fill("#f-yp_name", TYPED + ", still editable")
        assert page.input_value("#f-yp_name") == TYPED + ", still editable"
        with page.expect_download() as info:
            page.click(f"{FORM} button[data-action='save-draft']")
        saved = tmp_path / info.value.suggested_filename
        info.value.save_as(saved)
        draft = read_draft(load_protocol().protocol, saved.read_text(encoding="utf-8"))
        assert draft["template"].id == "mase-referral"
        assert draft["fields"]["yp_name"] == TYPED + ", still editable"

        page.click(f"{FORM} button[data-action='clear-all']")
        assert page.input_value("#f-yp_name") == ""
        assert recorder.page_errors == []


def test_offline_after_load_the_document_is_made_and_nothing_is_locked(
    recorder: Any, tmp_path: Path
) -> None:
    page = open_ready(recorder, FORM_PAGE, FORM)
    page.wait_for_load_state("networkidle")  # the blank template is in memory
    page.context.set_offline(True)
    try:
        fill_required(page, name="Made offline")
        with page.expect_download() as info:
            page.click(f"{FORM} button[type='submit']")
        with zipfile.ZipFile(info.value.path()) as document:
            assert "Made offline" in document.read("word/document.xml").decode("utf-8")
        with page.expect_download() as saved:
            page.click(f"{FORM} button[data-action='save-draft']")
        assert json.loads(Path(saved.value.path()).read_text(encoding="utf-8"))["fields"][
            "yp_name"
        ] == ("Made offline")
        page.click(f"{FORM} button[data-action='clear-all']")
        assert page.input_value("#f-yp_name") == ""
    finally:
        page.context.set_offline(False)


# Kills the calculators' worker (from the page: the test holds each Worker made) the
# moment it says a question arrived, and drops whatever it had still sent: the worker
# dies with the question received and unanswered.
KILL_ON_RECEIPT = """
window.killOnReceipt = false;
const PageWorker = window.Worker;
window.Worker = class extends PageWorker {
  constructor(...args) {
    super(...args);
    let dead = false;
    this.addEventListener("message", (event) => {
      if (dead) return void event.stopImmediatePropagation();
      if (!event.data.received || !window.killOnReceipt) return;
      window.killOnReceipt = false;
      dead = true;
      this.terminate();
    });
  }
};
"""
RESTARTED = "The calculator stopped working; it has been restarted. Your answers are still here."
RISK = "form#risk-form"


def test_a_worker_that_dies_mid_question_is_restarted_and_the_question_answered(
    make_recorder: Any, served: Deployed
) -> None:
    recorder = make_recorder(served.base_url, KILL_ON_RECEIPT)
    page = open_ready(recorder, "calculators/risk/", RISK)
    (first,) = calculator_workers(page)
    page.evaluate("window.killOnReceipt = true")
    boxes = page.locator("#risk-form input[name='indicator']")
    began = time.monotonic()
    boxes.first.check()
    near = page.locator(f"{RISK} .form-actions + .calculator-failure")
    expect(near).to_have_text(RESTARTED, timeout=WITHIN_S * 1000)
    assert time.monotonic() - began < 5  # at once: not the question's 20 s limit
    assert page.evaluate("window.killOnReceipt") is False  # the worker did die
    assert page.inner_text(f"{RISK} .calculator-status") == RESTARTED
    assert boxes.first.is_checked() and boxes.nth(1).is_enabled()
    boxes.nth(1).check()  # nothing locked
    expect(page.locator("#risk-answer")).to_contain_text("Category 1", timeout=START_LIMIT_MS)
    assert first not in calculator_workers(page)
    assert recorder.page_errors == []
