"""What the risk page's tests share: the protocol read once, opening the page ready with
nothing ticked, waiting for a reading, handing off as a person would, a document's text.
Imported by test_risk_page.py and test_risk_hand_offs.py."""

from __future__ import annotations

import io
from typing import Any

import docx
from navigation import START_LIMIT_MS, arrive

from handbook.build.loader import load_protocol

PROTOCOL = load_protocol().protocol
RULE = PROTOCOL.risk_rule
RISK_PAGE = "calculators/risk/"
READY = "form#risk-form[data-calculator-state='ready']"
FORM_READY = "form[data-calculator-state='ready']"


def open_page(recorder: Any, width: int | None = None) -> Any:
    """The risk page, ready, with nothing ticked; `width` wide (by 800 high) if given."""
    page = recorder.page
    if width is not None:
        page.set_viewport_size({"width": width, "height": 800})
    arrive(recorder, RISK_PAGE)
    page.wait_for_selector(READY, timeout=START_LIMIT_MS)
    page.locator("#risk-headline", has_text=RULE.none_ticked[:14]).wait_for()
    return page


def highest(number: int) -> str:
    return RULE.highest.format(category=RULE.name_of(number))


def wait_for_headline(page: Any, number: int) -> None:
    """Wait for the reading whose highest column ticked is `number` (after the headline)."""
    page.locator("#risk-answer", has_text=highest(number)).wait_for()


def hand_off(page: Any, to: str) -> None:
    """Click the page's hand-off to `to`, then the link it offers, as a person would."""
    page.click(f"[data-action='hand-off'][data-to='{to}']")
    link = page.locator(".export-status a")
    link.wait_for()
    link.click()
    page.wait_for_selector(f"form#form-{to}[data-calculator-state='ready']", timeout=START_LIMIT_MS)


def document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)
