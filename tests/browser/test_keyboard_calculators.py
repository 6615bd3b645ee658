"""Every control of the due-dates and risk calculators, reached and operated by keyboard
alone, to the calendar file and the Word summary.

No click, no fill, no focus() call: keyboard_walk.py presses Tab from the top of the page
into the form, and from there only keys. A control added later must be reachable too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from keyboard_walk import COPIED, HANDED_OFF, MAX_PRESSES, Walk, back_to, open_page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser


# The due-dates calculator --------------------------------------------------------


def test_every_control_of_the_due_dates_calculator_works_by_keyboard(
    tab: Any, served: Deployed
) -> None:
    form = "form#dates-form"
    page = open_page(tab, "calculators/dates/", f"{form}[data-calculator-state='ready']")
    walk = Walk(page=page, form=form)
    now = walk.into_form()
    for _ in range(MAX_PRESSES):
        if not now["inForm"]:
            break
        walk.reached.append(now["key"])
        if now["type"] == "text" or now["tag"] == "textarea":
            walk.type_into(now)
        elif now["type"] == "radio":
            page.keyboard.press("Space")  # the choice already made (No)
            page.keyboard.press("ArrowUp")  # Yes, by arrow key
            after = walk.focused()
            assert after["checked"] and after["id"].endswith("-yes"), now["key"]
        elif now["type"] == "submit":
            page.keyboard.press("Enter")
            page.wait_for_function(
                "() => document.getElementById('dates-answer').textContent.trim() !== ''"
                " || !document.getElementById('dates-error-summary').hidden"
            )
            assert page.locator("#dates-error-summary").is_hidden(), page.inner_text(
                "#dates-error-summary"
            )
        elif now["action"] == "download-ics":
            name = walk.download("Space", "ics").suggested_filename
            status = "#dates-form .export-status"
            page.wait_for_function(
                f"() => document.querySelector('{status}').textContent.includes('{name}')"
            )
        elif now["action"] == "handoff-forms":
            page.keyboard.press("Enter")
            page.locator(".export-status a").first.wait_for()
        now = walk.press("Tab")
    # the out-of-borough details opened by the arrow key were reached as well
    assert {"agreed_interval_weeks", "interval_rationale", "case_reference"} <= set(walk.reached)
    missed = walk.controls() - set(walk.reached)
    assert not missed, f"not reached by Tab: {sorted(missed)} {walk.reached[-8:]}"
    calendar = Calendar.from_ical(Path(walk.downloads["ics"].path()).read_bytes())
    assert calendar.walk("VEVENT"), "the calendar file has no event"

    # Shift+Tab back to the top, then clear it all by keyboard.
    passed = back_to(walk, "clear-all")
    assert set(walk.reached) <= set(passed)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('case_reference').value === ''")
    tab.assert_clean()


# The risk calculator: generic, whatever its layout ------------------------------


def operate_risk_control(
    walk: Walk, now: dict[str, Any], pressed: set[str], clearing: list[str], start: str
) -> None:
    """Tick a box; press a button once (those that clear, later); type; choose."""
    page = walk.page
    if now["type"] == "checkbox":
        if not now["checked"]:
            page.keyboard.press("Space")
        assert walk.focused()["checked"], now["key"]
    elif now["tag"] == "button" and ("clear" in now["action"] or "untick" in now["action"]):
        if now["key"] not in clearing:
            clearing.append(now["key"])  # pressed last
    elif now["tag"] == "button" and now["key"] not in pressed:
        pressed.add(now["key"])
        if now["type"] == "submit" or "download" in now["action"]:
            try:
                with page.expect_download(timeout=5_000) as caught:
                    page.keyboard.press("Enter")
                walk.downloads[now["key"]] = caught.value
            except PlaywrightTimeout:
                pass  # a button that answers on the page rather than downloading
        elif now["action"] == "hand-off":
            page.keyboard.press("Enter")  # the link to the form appears after the buttons
            page.wait_for_function(HANDED_OFF)
        elif now["action"] == "copy-text":
            page.keyboard.press("Enter")
            page.wait_for_function(COPIED)
        else:
            page.keyboard.press("Enter")
        assert page.url.split("#")[0] == start.split("#")[0], f"{now['key']} left the page"
    elif now["tag"] == "select":
        page.keyboard.press("ArrowDown")
    elif now["tag"] == "textarea" and not now["readOnly"] or now["type"] == "text":
        walk.type_into(now)


def test_every_indicator_and_button_of_the_risk_calculator_works_by_keyboard(
    tab: Any, served: Deployed
) -> None:
    forms = "form[data-calculator]"
    page = open_page(tab, "calculators/risk/", "form[data-calculator-state='ready']")
    start = page.url
    walk = Walk(page=page, form=forms)
    boxes = page.locator(f"{forms} input[type='checkbox']")
    assert boxes.count() >= 99
    pressed: set[str] = set()
    clearing: list[str] = []
    now = walk.into_form()
    for _ in range(MAX_PRESSES):
        if not now["key"]:  # past the end of the page
            break
        if now["inForm"]:
            walk.reached.append(now["key"])
            operate_risk_control(walk, now, pressed, clearing, start)
        now = walk.press("Tab")
    ticked = page.evaluate(
        f"() => [...document.querySelectorAll(\"{forms} input[type='checkbox']\")]"
        ".filter(b => !b.checked).map(b => b.id)"
    )
    assert ticked == [], f"not ticked by keyboard: {ticked}"
    missed = walk.controls() - set(walk.reached)
    assert not missed, f"not reached by Tab: {sorted(missed)}"
    assert pressed, "no button was pressed"
    hand_offs = page.locator(f"{forms} [data-action='hand-off']").count()
    assert hand_offs >= 1, "the risk page offers no hand-off"
    assert len([key for key in pressed if ":hand-off:" in key]) == hand_offs
    assert walk.status_links, "Tab never reached the link a hand-off offers"
    assert walk.downloads, "no download was made by keyboard"
    # the clearing buttons last: back to one by Shift+Tab, and every box is unticked
    assert clearing, "no button clears the indicators"
    for _ in range(MAX_PRESSES):
        now = walk.press("Shift+Tab")
        if now["key"] in clearing:
            break
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => ![...document.querySelectorAll(\"{forms} input[type='checkbox']\")]"
        ".some(b => b.checked)"
    )
    tab.assert_clean()
