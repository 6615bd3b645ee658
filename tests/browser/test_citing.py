"""Citing a clause in Chromium: "Copy link" beside every clause copies its full address,
anchor included."""

from __future__ import annotations

from typing import Any

import pytest

from calculators.protocol import protocol_from_mapping
from handbook.build.loader import load_protocol
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser

PROTOCOL = protocol_from_mapping(load_protocol().data)


def test_copy_link_beside_every_clause_copies_its_address(browser: Any, served: Deployed) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(served.base_url + "directive/section-6/")
        clauses = page.locator(".clause")
        buttons = page.locator(".clause > p > button.clause-copy:visible")
        assert buttons.count() == clauses.count() == len(PROTOCOL.section(6).clauses)
        assert page.get_by_role("button", name="Copy link to clause 6.13").count() == 1
        button = page.locator("button[data-copy-link='#clause-6-13']")
        button.click()
        page.get_by_role("button", name="Link copied to clause 6.13").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == served.base_url + "directive/section-6/#clause-6-13"
        box = button.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
    finally:
        context.close()
