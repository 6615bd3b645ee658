"""Every kind of page passes axe-core's accessibility rules in Chromium (no violation at all)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from navigation import go

from tests.support.accessibility_pages import checked_pages
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)"""


def test_every_kind_of_page_has_no_accessibility_violation(browser: Any, served: Deployed) -> None:
    assert AXE.exists(), "axe-core is missing: run `npm ci`"
    # axe is injected as an inline script, which the pages' own policy rightly refuses
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        found = {}
        # The first page loaded whole, the others reached as a person moves between them
        # (instant navigation), the calculators started once.
        page.goto(served.base_url)
        for path in checked_pages():
            go(page, served.base_url + path)
            # a form a calculator fills shows its structure, with nothing to start
            if page.locator("form[data-calculator]").count():
                page.wait_for_selector("form[data-calculator-state='ready']", timeout=30_000)
            if page.evaluate("typeof axe === 'undefined'"):
                page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
            violations = page.evaluate(RUN_AXE)
            if violations:
                found[path or "/"] = violations
        assert not found, found
    finally:
        context.close()


def test_the_risk_answer_after_a_tick_is_also_accessible(browser: Any, served: Deployed) -> None:
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(served.base_url + "calculators/risk/")
        page.wait_for_selector("form#risk-form[data-calculator-state='ready']", timeout=30_000)
        page.focus("#indicator-eh-1-1")  # ticked from the keyboard alone
        page.keyboard.press("Space")
        page.locator("#risk-answer", has_text="Category 1").wait_for()
        assert page.is_checked("#indicator-eh-1-1")
        page.check("#indicator-eh-2-4")  # the same indicator higher: its siblings are shown
        page.locator("#compare-emotional-health").wait_for()
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        assert page.evaluate(RUN_AXE) == []
    finally:
        context.close()
