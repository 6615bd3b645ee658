"""Citing a clause in Chromium: "Copy link" beside every clause copies its full address,
anchor included."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.sync_api import expect

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


def test_a_link_to_clause_6_13_from_another_page_lands_on_the_clause_after_a_scroll(
    browser: Any, served: Deployed
) -> None:
    """Material's scroll tracker (debounced by 100 ms) can write the old page's position
    into the new history entry while a slow page is fetched; the clause still shows."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        page.goto(served.base_url + "training/roles/")
        link = page.locator("article a[href$='directive/section-6/#clause-6-13']").first
        link.scroll_into_view_if_needed()
        page.wait_for_timeout(300)  # the tracker has recorded this position

        def slow(route: Any) -> None:
            time.sleep(0.6)  # a busy laptop or a slow network
            route.continue_()

        page.route("**/directive/section-6/", slow)
        page.mouse.move(640, 360)
        page.mouse.wheel(0, 40)
        link.click()
        page.wait_for_url("**/directive/section-6/#clause-6-13")
        expect(page.locator("#clause-6-13")).to_be_in_viewport()
        page.wait_for_timeout(300)  # and stays there
        expect(page.locator("#clause-6-13")).to_be_in_viewport()
    finally:
        context.close()
