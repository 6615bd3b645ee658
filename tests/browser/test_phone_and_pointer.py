"""Phone, pointer and keyboard in Chromium: no page of the built site scrolls sideways on a
390 px or a 320 px screen (WCAG 2.2, 1.4.10 reflow), every target passes axe's target-size
rule (2.5.8, 24 by 24 CSS px), and a focused button shows the yellow focus fields show."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from navigation import START_LIMIT_MS, go
from test_accessibility import AXE

from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser

RUN_TARGET_SIZE = """async () => (await axe.run(document, {runOnly: ['target-size'],
  resultTypes: ['violations']})).violations
  .flatMap(v => v.nodes.map(n => n.target.join(' ')))"""
WIDER_THAN_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(-3).map(e => `${e.tagName.toLowerCase()}.${e.className}`)"""
YELLOW = "rgb(255, 221, 0)"


def every_page(site: Path) -> list[str]:
    """Every page of the built site, as a path under its root."""
    pages = sorted(index.parent.relative_to(site).as_posix() for index in site.rglob("index.html"))
    return ["" if page == "." else f"{page}/" for page in pages] + ["404.html"]


def visit_every_page(page: Any, base_url: str, pages: list[str]) -> Iterator[str]:
    """Each page in turn, the first loaded whole and the rest reached by instant navigation
    as a person moves between them (the calculators start once); yields each path once
    the page is shown and settled."""
    page.goto(base_url)
    for path in pages:
        go(page, base_url + path)
        settle(page)
        yield path


def settle(page: Any) -> None:
    """Wait until a calculator on the page answers, so its answers are measured too."""
    if page.locator("[data-calculator]").count():
        page.wait_for_selector("[data-calculator-state='ready']", timeout=START_LIMIT_MS)
        page.wait_for_timeout(400)  # the first answers appear


@pytest.mark.parametrize("width", [390, 320])
def test_no_page_scrolls_sideways_on_a_phone(
    browser: Any, served: Deployed, browser_site: Path, width: int
) -> None:
    pages = every_page(browser_site)
    assert len(pages) > 20 and "categories/" in pages and "planner/" in pages
    context = browser.new_context(viewport={"width": width, "height": 844})
    try:
        page = context.new_page()
        too_wide = {}
        for path in visit_every_page(page, served.base_url, pages):
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide[path or "/"] = (scroll_width, page.evaluate(WIDER_THAN_SCREEN))
        assert not too_wide, too_wide
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_every_target_is_at_least_24_css_px(
    browser: Any, served: Deployed, browser_site: Path, width: int
) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        small = {}
        for path in visit_every_page(page, served.base_url, every_page(browser_site)):
            if page.evaluate("typeof axe === 'undefined'"):
                page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
            failing = page.evaluate(RUN_TARGET_SIZE)
            if failing:
                small[path or "/"] = failing[:5]
        assert not small, small
    finally:
        context.close()


def test_a_risk_checkbox_is_a_24_px_target(browser: Any, served: Deployed) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(served.base_url + "calculators/risk/")
        box = page.locator("#indicator-eh-1-1").bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
    finally:
        page.close()


def test_a_focused_button_shows_the_yellow_focus(browser: Any, served: Deployed) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(served.base_url + "calculators/dates/")
        page.wait_for_selector("[data-calculator-state='ready']", timeout=START_LIMIT_MS)
        page.focus("#case_reference")
        page.keyboard.press("Tab")  # from the keyboard, so :focus-visible applies
        button = page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return [e.tagName, e.type, s.outlineColor, s.outlineStyle]; }"
        )
        assert button == ["BUTTON", "submit", YELLOW, "solid"], button
    finally:
        page.close()
