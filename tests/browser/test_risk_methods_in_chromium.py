"""Two made-up protocols (tests/fixtures) as working sites in Chromium, each risk page by its
own method with no code change: weighted bands with weights alone (the answer names the
band the total reaches and shows that band's own definition), and a checklist with no
levels (the answer lists what is ticked, by domain, with the questions). Each grid draws
its own number of columns, and each Word download holds the reading."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from playwright.sync_api import expect

from handbook.build.loader import load_protocol
from handbook.build.site_build import build_site
from tests.support.static_server import Site, free_port, serve_site

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
WEIGHTED = FIXTURES / "made_up_weighted_protocol.yaml"
CHECKLIST = FIXTURES / "made_up_checklist_protocol.yaml"
START_LIMIT_MS = 90_000  # a limit for Pyodide to start on a busy machine, not a timing check


def built(tmp_path_factory: pytest.TempPathFactory, protocol: Path, prefix: str) -> Iterator[Site]:
    port = free_port()
    folder = tmp_path_factory.mktemp(prefix.strip("/")) / "site"
    site_url = f"http://127.0.0.1:{port}{prefix}"
    assert build_site(site_dir=folder, protocol_path=protocol, quiet=True, site_url=site_url) == 0
    with serve_site(folder, prefix=prefix, port=port) as site:
        yield site


@pytest.fixture(scope="module")
def weighted_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from built(tmp_path_factory, WEIGHTED, "/weighted/")


@pytest.fixture(scope="module")
def checklist_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from built(tmp_path_factory, CHECKLIST, "/checklist/")


def risk_page(make_recorder: Any, site: Site) -> Any:
    recorder = make_recorder(
        site.base_url, f"globalThis.CSE_CALCULATOR_START_LIMIT_MS = {START_LIMIT_MS};"
    )
    page = recorder.page
    page.set_viewport_size({"width": 1400, "height": 900})  # wide: the grid's columns side by side
    page.goto(recorder.url("calculators/risk/"))
    page.wait_for_selector("form[data-calculator-state='ready']", timeout=START_LIMIT_MS)
    return recorder, page


def columns_drawn(page: Any) -> int:
    """How many columns the first domain's row is drawn in."""
    tracks = page.eval_on_selector(".risk-row", "row => getComputedStyle(row).gridTemplateColumns")
    return len(tracks.split())


def word_text(page: Any) -> str:
    with page.expect_download() as caught:
        page.click("[data-action='download']")
    download = caught.value
    assert download.suggested_filename.endswith(".docx")
    document = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_weighted_risk_page_answers_with_the_band_and_its_own_definition(
    make_recorder: Any, weighted_site: Site
) -> None:
    rule = load_protocol(WEIGHTED).protocol.risk_rule
    low, raised, severe = rule.bands
    recorder, page = risk_page(make_recorder, weighted_site)
    assert columns_drawn(page) == 1  # weights alone: no level columns
    expect(page.locator(".risk-grid-head")).to_have_count(0)
    answer = page.locator("#risk-answer")
    page.check("input[name='indicator'][value='sc-3']")  # weight 5
    expect(answer).to_contain_text("Total score 5: No apparent risk.")
    expect(answer.locator(".risk-definition")).to_have_text(low.definition or "")
    page.check("input[name='indicator'][value='mo-1']")  # 5 + 1
    expect(answer).to_contain_text("Total score 6: Raised.")
    expect(answer.locator(".risk-definition")).to_have_text(raised.definition or "")
    assert severe.definition not in answer.inner_text()
    expect(answer.locator(".risk-prompts li")).to_have_count(len(rule.prompts))
    text = word_text(page)
    assert "Total score 6: Raised." in text and (raised.definition or "") in text
    assert (low.definition or "") not in text
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_a_checklist_risk_page_lists_what_is_ticked_by_domain(
    make_recorder: Any, checklist_site: Site
) -> None:
    protocol = load_protocol(CHECKLIST).protocol
    rule = protocol.risk_rule
    recorder, page = risk_page(make_recorder, checklist_site)
    assert columns_drawn(page) == 1  # no levels at all
    page.check("input[name='indicator'][value='sc-1']")
    page.check("input[name='indicator'][value='mo-2']")
    answer = page.locator("#risk-answer")
    expect(answer.locator(".risk-domains li")).to_have_text(
        [
            rule.domain_line.format(domain="School", indicators="Late for school", category=""),
            rule.domain_line.format(
                domain="Money and gifts", indicators="New phone or clothes", category=""
            ),
        ]
    )
    expect(answer.locator(".risk-prompts li")).to_have_text([p.text for p in rule.prompts])
    expect(answer.locator(".risk-definition")).to_have_count(0)
    text = word_text(page)
    assert "Late for school" in text and "New phone or clothes" in text
    assert rule.prompts[0].text in text
    recorder.assert_same_origin_gets()
    recorder.assert_clean()
