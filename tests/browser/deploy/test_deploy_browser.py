"""The handbook in Chromium through Debian's nginx and Apache with the README's samples:
the calculators start and answer, typed answers survive following links, the blank
template downloads, and a first visit to the risk page stays under its byte budget."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from navigation import keep_a_name_across_links, open_ready
from playwright.sync_api import expect
from test_forms import fill_required, read_download

from tests.support.deploy_servers import Deployed

pytestmark = [pytest.mark.browser, pytest.mark.deploy]

FIRST_VISIT_BUDGET_BYTES = 6_000_000
REFERRAL = "form#form-mase-referral"


def test_the_risk_calculator_starts_and_answers_and_nothing_leaves_the_origin(
    deployed_for_browser: Deployed, make_recorder: Any
) -> None:
    recorder = make_recorder(deployed_for_browser.base_url)
    page = open_ready(recorder, "calculators/risk/", "form#risk-form")
    page.locator("#risk-form input[name='indicator']").first.check()
    expect(page.locator("#risk-answer")).to_contain_text("Category 1")
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_a_first_visit_to_the_risk_page_transfers_under_six_megabytes(
    deployed_for_browser: Deployed, make_recorder: Any
) -> None:
    before = len(deployed_for_browser.responses())
    recorder = make_recorder(deployed_for_browser.base_url)
    open_ready(recorder, "calculators/risk/", "form#risk-form")
    visit = deployed_for_browser.responses()[before:]
    assert any(r.path.endswith("pyodide.asm.wasm") for r in visit)
    fetched = {r.path for r in visit if r.status == 200}
    # 304: a file the page and its worker both import (runtimefault.js), revalidated the
    # second time (no-cache), after the first fetch of this visit
    failed = [r for r in visit if not (r.status == 200 or (r.status == 304 and r.path in fetched))]
    assert not failed, failed
    assert sum(r.body_bytes for r in visit) <= FIRST_VISIT_BUDGET_BYTES


def test_typed_answers_survive_following_links(
    deployed_for_browser: Deployed, make_recorder: Any
) -> None:
    recorder = make_recorder(deployed_for_browser.base_url)
    keep_a_name_across_links(recorder)
    recorder.assert_clean()


def test_the_blank_template_and_a_filled_form_download(
    deployed_for_browser: Deployed, make_recorder: Any
) -> None:
    recorder = make_recorder(deployed_for_browser.base_url)
    page = open_ready(recorder, "forms/mase-referral/", REFERRAL)
    name, blank = read_download(page, ".blank-template a")
    assert name == "mase-referral.docx"
    assert docx.Document(io.BytesIO(blank)).paragraphs
    fill_required(page, "Filled through the server")
    name, filled = read_download(page, "#form-mase-referral button[type='submit']")
    assert name.endswith(".docx")
    document = docx.Document(io.BytesIO(filled))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Filled through the server" in "\n".join([p.text for p in document.paragraphs] + cells)
    recorder.assert_clean()
