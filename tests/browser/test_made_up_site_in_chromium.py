"""The made-up protocol (tests/fixtures) as a working site in Chromium: its calculators
answer by its own rules, with no code change. Four levels and weighted bands; a panel
on the 2nd Tuesday with a referral 10 working days before it; a report on the last
Friday; a review every 6 weeks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from handbook.build.site_build import build_site
from tests.support.static_server import Site, free_port, serve_site

pytestmark = pytest.mark.browser

MADE_UP = Path(__file__).resolve().parent.parent / "fixtures" / "made_up_protocol.yaml"
PREFIX = "/made-up/"
START_LIMIT_MS = 90_000  # a limit for Pyodide to start on a busy machine, not a timing check


@pytest.fixture(scope="module")
def made_up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    port = free_port()
    folder = tmp_path_factory.mktemp("made-up-browser") / "site"
    site_url = f"http://127.0.0.1:{port}{PREFIX}"
    assert build_site(site_dir=folder, protocol_path=MADE_UP, quiet=True, site_url=site_url) == 0
    with serve_site(folder, prefix=PREFIX, port=port) as site:
        yield site


def opened(make_recorder: Any, site: Site, path: str) -> Any:
    recorder = make_recorder(site.base_url, "")
    page = recorder.page
    page.goto(recorder.url(path))
    page.wait_for_selector("form[data-calculator-state='ready']", timeout=START_LIMIT_MS)
    return recorder, page


def test_its_due_dates_follow_its_own_rules(make_recorder: Any, made_up: Site) -> None:
    recorder, page = opened(make_recorder, made_up, "calculators/dates/")
    for name, (day, month) in {"today": ("1", "3"), "last_strategy": ("1", "2")}.items():
        for part, value in (("day", day), ("month", month), ("year", "2027")):
            page.fill(f"#{name}-{part}", value)
    page.click("#dates-form button[type='submit']")
    panel = page.locator("[data-answer='mase_next_meeting']")
    expect(panel.locator("h3")).to_have_text("Next Multi-agency panel")
    expect(panel).to_contain_text("Tuesday 9 March 2027")  # the 2nd Tuesday
    referral = page.locator("[data-answer='mase_referral_deadline']")
    expect(referral).to_contain_text("Refer a child to the panel at least 10 working days")
    expect(referral).to_contain_text("Tuesday 30 March 2027")  # 10 working days before 13 April
    report = page.locator("[data-answer='monthly_report_due']")
    expect(report).to_contain_text("Friday 26 March 2027")  # the last Friday
    review = page.locator("[data-answer='strategy_meeting']")
    expect(review.locator("h3")).to_have_text("Next Review meeting")
    expect(review).to_contain_text("Monday 15 March 2027")  # 6 weeks after 1 February
    # It names no forms to hand the dates to, so it offers none.
    expect(page.locator("[data-action='handoff-forms']")).to_be_hidden()
    recorder.assert_clean()


def test_its_risk_profile_adds_the_weights_into_its_bands(
    make_recorder: Any, made_up: Site
) -> None:
    recorder, page = opened(make_recorder, made_up, "calculators/risk/")
    page.check("input[name='indicator'][value='sc-3']")
    page.check("input[name='indicator'][value='mo-3']")
    expect(page.locator("#risk-headline")).to_have_text("2 ticked.")  # what is ticked first
    expect(page.locator("#risk-answer")).to_contain_text("Total score 9: High (Level 3).")
    expect(page.locator("#risk-answer")).to_contain_text(
        "Ticked at each level: Level 1: 0, Level 2: 0, Level 3: 2, Level 4: 0"
    )
    recorder.assert_clean()


def test_its_risk_grid_draws_its_own_four_columns(make_recorder: Any, made_up: Site) -> None:
    recorder = make_recorder(made_up.base_url, "")
    page = recorder.page
    page.set_viewport_size({"width": 1400, "height": 900})  # wide: the columns side by side
    page.goto(recorder.url("calculators/risk/"))
    tracks = page.eval_on_selector(".risk-row", "row => getComputedStyle(row).gridTemplateColumns")
    assert len(tracks.split()) == 4  # one per level, as its levels are
    expect(page.locator(".risk-grid-head span")).to_have_count(4)
    recorder.assert_clean()
