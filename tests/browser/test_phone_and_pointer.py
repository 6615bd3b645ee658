"""Phone, pointer and keyboard in Chromium: no page of the built site scrolls sideways on a
desktop, a 390 px or a 320 px screen (WCAG 2.2, 1.4.10 reflow), every target passes axe's target-size
rule (2.5.8, 24 by 24 CSS px), and a focused button shows the yellow focus fields show."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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


DESKTOP = 1280
PHONES = (390, 320)  # a phone, and the narrowest width WCAG reflows to
WIDTHS = (DESKTOP, *PHONES)
TARGET_SIZE_WIDTHS = (DESKTOP, PHONES[0])
HEIGHT = 844


@dataclass(frozen=True)
class Walk:
    """What one walk through every page found at each screen width, by width and page."""

    too_wide: dict[int, dict[str, Any]]  # the page's scroll width and its widest elements
    small_targets: dict[int, dict[str, list[str]]]  # axe's target-size failures


@pytest.fixture(scope="module")
def walk(browser: Any, served: Deployed, browser_site: Path) -> Walk:
    """Every page once (the calculators start once), measured at each width in turn: the
    window is resized on each page, as a person turns a phone or narrows a window."""
    pages = every_page(browser_site)
    assert len(pages) > 20 and "categories/" in pages and "planner/" in pages
    # bypass_csp: axe is added to each page as a script tag (layout is not affected).
    context = browser.new_context(bypass_csp=True, viewport={"width": DESKTOP, "height": HEIGHT})
    found = Walk({width: {} for width in WIDTHS}, {width: {} for width in TARGET_SIZE_WIDTHS})
    try:
        page = context.new_page()
        for path in visit_every_page(page, served.base_url, pages):
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": HEIGHT})
                measure(page, path or "/", width, found)
            page.set_viewport_size({"width": DESKTOP, "height": HEIGHT})
        return found
    finally:
        context.close()


def measure(page: Any, path: str, width: int, found: Walk) -> None:
    """The page's width, and at TARGET_SIZE_WIDTHS its small targets, at this width."""
    # Two frames: the resize is laid out, and what listens for it has answered.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.evaluate("window.innerWidth") == width
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        found.too_wide[width][path] = (scroll_width, page.evaluate(WIDER_THAN_SCREEN))
    if width in TARGET_SIZE_WIDTHS:
        if page.evaluate("typeof axe === 'undefined'"):
            page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        failing = page.evaluate(RUN_TARGET_SIZE)
        if failing:
            found.small_targets[width][path] = failing[:5]


@pytest.mark.parametrize("width", PHONES)
def test_no_page_scrolls_sideways_on_a_phone(walk: Walk, width: int) -> None:
    too_wide = walk.too_wide[width]
    assert not too_wide, too_wide


def test_no_page_scrolls_sideways_on_a_desktop(walk: Walk) -> None:
    too_wide = walk.too_wide[DESKTOP]
    assert not too_wide, too_wide


@pytest.mark.parametrize("width", TARGET_SIZE_WIDTHS)
def test_every_target_is_at_least_24_css_px(walk: Walk, width: int) -> None:
    small = walk.small_targets[width]
    assert not small, small


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
