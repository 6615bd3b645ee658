"""Opening a draft on a form page in Chromium: it asks before replacing typed answers,
refuses a draft in another encoding with a message that says so, and a worker that has
died is started again at once (not after the call limit), and the draft opens."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from navigation import open_ready
from playwright.sync_api import expect
from test_memory import calculator_workers

from handbook.build.loader import load_protocol

pytestmark = pytest.mark.browser

REFERRAL = "form#form-mase-referral"


def draft(name: str, encoding: str = "utf-8") -> dict[str, Any]:
    version = load_protocol().protocol.metadata.version
    text = json.dumps(
        {"template": "mase-referral", "protocol_version": version, "fields": {"yp_name": name}},
        ensure_ascii=False,
    )
    return {"name": "draft.json", "mimeType": "application/json", "buffer": text.encode(encoding)}


def test_a_draft_asks_before_it_replaces_typed_answers(recorder: Any) -> None:
    page = open_ready(recorder, "forms/mase-referral/", REFERRAL)
    page.fill("#f-yp_name", "Mine")
    page.set_input_files("#open-draft", files=[draft("Zoë from the draft")])
    question = page.locator(".page-question")
    expect(question.locator("h2")).to_be_focused()
    question.get_by_role("button", name="Keep my answers").click()
    expect(page.locator(f"{REFERRAL} .form-notice")).to_contain_text("was not opened")
    assert page.input_value("#f-yp_name") == "Mine"
    page.set_input_files("#open-draft", files=[draft("Zoë from the draft")])
    question.get_by_role("button", name="Open the draft in their place").click()
    expect(page.locator("#f-yp_name")).to_have_value("Zoë from the draft")  # read as UTF-8
    recorder.assert_clean()


def test_a_latin_1_draft_is_refused_and_nothing_changes(recorder: Any) -> None:
    page = open_ready(recorder, "forms/mase-referral/", REFERRAL)
    page.fill("#f-yp_name", "Left as it was")
    page.set_input_files("#open-draft", files=[draft("Zoë", encoding="latin-1")])
    summary = page.locator("#error-summary")
    summary.wait_for(state="visible")
    assert "not UTF-8 text" in summary.inner_text()
    assert page.input_value("#f-yp_name") == "Left as it was"


def test_a_dead_worker_is_restarted_at_once_and_the_draft_still_opens(recorder: Any) -> None:
    page = open_ready(recorder, "forms/mase-referral/", REFERRAL)
    (first,) = calculator_workers(page)
    first.evaluate("setTimeout(() => self.close(), 0)")  # the worker dies, silently
    began = time.monotonic()
    while first in page.workers or not calculator_workers(page):
        assert time.monotonic() - began < 5, "not restarted at once"  # not at the call limit
        page.wait_for_timeout(100)
    page.set_input_files("#open-draft", files=[draft("After the restart")])
    expect(page.locator("#f-yp_name")).to_have_value("After the restart", timeout=90_000)
    assert page.locator("#error-summary").is_hidden()
    workers = calculator_workers(page)
    assert len(workers) == 1 and workers[0] != first
