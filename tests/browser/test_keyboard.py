"""Every control of each calculator and form, reached and operated by keyboard alone, to the download.

No click, no fill, no focus() call: the test presses Tab from the top of the page
into the form, and from there only Tab, Shift+Tab, Space, Enter, the arrow keys
and typing. It lists the form's controls from the page itself, so a control
added later must be reachable too.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pytest
from icalendar import Calendar
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.static_server import Site

pytestmark = pytest.mark.browser

START_LIMIT_MS = 180_000  # Python starting under load: generous, never a timing assertion
# The page's own limits on starting Python and on one call, as generous: this test is
# about the keyboard, and the machine may be busy (api.js reads these).
GENEROUS_LIMITS = (
    f"window.CSE_CALCULATOR_START_LIMIT_MS = {START_LIMIT_MS};"
    f"window.CSE_CALCULATOR_CALL_LIMIT_MS = {START_LIMIT_MS};"
)
FAILED = "form[data-calculator][data-calculator-state='failed']"
MAX_PRESSES = 1500
FORM_PAGES = ["mase-referral", "monthly-report", "final-report", "strategy-meeting"]
# The browser's print dialog cannot be driven headless: the print button's call is counted.
COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"
# The hand-off button has the focus, and the status offers the link to its form.
HANDED_OFF = """() => {
  const button = document.activeElement;
  const link = button.form.querySelector(".export-status a[href]");
  return !!link && link.textContent.includes(button.dataset.title);
}"""
# The copy button has the focus, and the status says the text was copied (or how to copy it).
COPIED = (
    """() => /cop/i.test(document.activeElement.form.querySelector(".export-status").textContent)"""
)
# Known dates, so that a form's own checks (next meeting after this one) are met.
DATES = {
    "previous_meeting_date": ("4", "11", "2026"),
    "meeting_date": ("6", "1", "2027"),
    "next_meeting_date": ("10", "3", "2027"),
    "today": ("4", "1", "2027"),
    "last_strategy": ("2", "11", "2026"),
    "initial_strategy": ("7", "9", "2026"),
}
DEFAULT_DATE = ("7", "1", "2027")

# A key for a control: a radio group counts as one; without an id, its tag, action and
# text, and its place among the same in its own form.
KEY_OF = """const keyOf = (e) => {
  if (e.type === "radio") return `radio:${e.name}`;
  if (e.id) return e.id;
  // a region named by its heading: its text is live (the risk profile), its name is not
  if (e.getAttribute("aria-labelledby")) return `labelled:${e.getAttribute("aria-labelledby")}`;
  // Counted within its own form only: the same text in the navigation shifts nothing.
  const root = e.closest(formSelector) || document;
  const sign = (o) => [o.dataset.action || "", o.dataset.rows || "", (o.textContent || "").trim()].join(":");
  const same = [...root.querySelectorAll(e.tagName)].filter((o) => sign(o) === sign(e));
  return `${root.id || ""}:${e.tagName}:${sign(e)}:${same.indexOf(e)}`;
};"""
# Where the focus is, by that key.
FOCUSED = """(formSelector) => {
{KEY_OF}
  const e = document.activeElement;
  if (!e || e === document.body) return {key: "", inForm: false};
  const form = e.closest(formSelector);
  const key = keyOf(e);
  return {
    key, inForm: !!form, tag: e.tagName.toLowerCase(), type: e.type || "",
    action: e.dataset.action || "", part: e.dataset.datePart || "", readOnly: !!e.readOnly,
    id: e.id || "", name: e.name || "", checked: !!e.checked, value: e.value ?? "",
    field: (e.closest("[data-field-wrapper]") || {dataset: {}}).dataset.fieldWrapper || "",
    inputmode: e.getAttribute("inputmode") || "",
    inStatus: !!e.closest(".export-status"),
  };
}"""
# Every control a keyboard user should reach in the forms, listed by the same keys.
CONTROLS = """(formSelector) => {
{KEY_OF}
  const keys = new Set();
  for (const form of document.querySelectorAll(formSelector)) {
    for (const e of form.querySelectorAll("input, select, textarea, button, a[href], [tabindex]")) {
      if (e.disabled || e.tabIndex < 0 || e.closest("[hidden], template")) continue;
      if (e.type === "hidden") continue;
      keys.add(keyOf(e));
    }
  }
  return [...keys];
}"""
FOCUSED, CONTROLS = (script.replace("{KEY_OF}", KEY_OF) for script in (FOCUSED, CONTROLS))


@dataclass
class Walk:
    """What one keyboard walk through a form reached, typed and downloaded."""

    page: Any
    form: str
    reached: list[str] = field(default_factory=list)
    typed: dict[str, str] = field(default_factory=dict)
    downloads: dict[str, Any] = field(default_factory=dict)
    count: int = 0
    status_links: list[str] = field(default_factory=list)

    def focused(self) -> dict[str, Any]:
        return self.page.evaluate(FOCUSED, self.form)

    def press(self, key: str) -> dict[str, Any]:
        self.page.keyboard.press(key)
        now = self.focused()
        if now.get("inStatus") and now["tag"] == "a":
            self.status_links.append(now["key"])  # a link a hand-off offered
        return now

    def into_form(self) -> dict[str, Any]:
        """Tab from the top of the page until the focus is in the form."""
        for _ in range(MAX_PRESSES):
            now = self.press("Tab")
            if now["inForm"]:
                return now
        raise AssertionError(f"Tab never reached {self.form}")

    def controls(self) -> set[str]:
        return set(self.page.evaluate(CONTROLS, self.form))

    def type_into(self, now: dict[str, Any]) -> None:
        """Replace the value of a text box by keyboard: select all, then type."""
        if now["part"]:
            day, month, year = DATES.get(now["field"], DEFAULT_DATE)
            value = {"day": day, "month": month, "year": year}[now["part"]]
        elif now["inputmode"] in ("numeric", "decimal"):
            value = "12"
        else:
            self.count += 1
            value = f"Typed by keyboard {self.count}"
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(value)
        assert self.focused()["value"] == value, now["key"]
        self.typed[now["key"]] = value

    def download(self, key: str, name: str) -> Any:
        with self.page.expect_download() as caught:
            self.page.keyboard.press(key)
        self.downloads[name] = caught.value
        return caught.value


def open_page(recorder: Any, path: str, ready: str) -> Any:
    page = recorder.page
    page.add_init_script(COUNT_PRINTS + GENEROUS_LIMITS)
    # Intercept file choosers from the start: a listener added only when Enter is pressed
    # can switch interception on after the input has asked for the chooser, which is lost.
    page.on("filechooser", lambda chooser: None)
    page.goto(recorder.url(path))
    page.wait_for_selector(f"{ready}, {FAILED}", timeout=START_LIMIT_MS)
    failed = page.locator(FAILED)
    assert not failed.count(), failed.first.locator(".calculator-status").inner_text()
    return page


def read_word(download: Any) -> str:
    document = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


# The forms --------------------------------------------------------------------


def forward_through_a_form(walk: Walk) -> dict[str, Any]:
    """Tab through the form once, filling every field and pressing the buttons that make things.

    Returns where the focus was when it left the form.
    """
    page = walk.page
    added: set[str] = set()
    now = walk.into_form()
    for _ in range(MAX_PRESSES):
        if not now["inForm"]:
            return now
        first_time = now["key"] not in walk.reached
        walk.reached.append(now["key"])
        moved = False
        if not first_time:
            pass  # each control is operated once
        elif now["tag"] == "textarea" and not now["readOnly"] or now["type"] == "text":
            walk.type_into(now)
        elif now["type"] == "radio":
            page.keyboard.press("Space")  # the first choice
            assert walk.focused()["checked"], now["key"]
            page.keyboard.press("ArrowDown")  # then the next, by arrow key
            after = walk.focused()
            assert after["checked"] and after["id"] != now["id"], now["key"]
        elif now["action"] == "add-row" and now["key"] not in added:
            added.add(now["key"])
            page.keyboard.press("Enter")  # a row appears and takes the focus
            moved = True
        elif now["type"] == "submit":
            walk.download("Enter", "word")
        elif now["action"] == "copy-text":
            page.keyboard.press("Enter")
            page.wait_for_function("() => document.querySelector('#form-text').value !== ''")
            page.wait_for_function(COPIED)
        elif now["action"] == "hand-off":
            page.keyboard.press("Enter")  # the link to the other form appears after the buttons
            page.wait_for_function(HANDED_OFF)
        elif now["action"] == "print":
            page.keyboard.press("Space")
            page.wait_for_function("() => window.__prints === 1")
        now = walk.focused() if moved else walk.press("Tab")
    raise AssertionError(f"the walk did not leave the form: {walk.reached[-30:]}")


def back_to(walk: Walk, action: str) -> list[str]:
    """Shift+Tab until the control with this data-action has the focus; the keys passed."""
    passed = []
    for _ in range(MAX_PRESSES):
        now = walk.press("Shift+Tab")
        if now["inForm"]:
            passed.append(now["key"])
        if now["action"] == action:
            return passed
    raise AssertionError(f"Shift+Tab never reached {action}")


@pytest.mark.parametrize("template", FORM_PAGES)
def test_every_control_of_a_form_works_by_keyboard_through_to_the_download(
    recorder: Any, served: Site, template: str
) -> None:
    form = f"form#form-{template}"
    page = open_page(recorder, f"forms/{template}/", f"{form}[data-calculator-state='ready']")
    walk = Walk(page=page, form=form)

    forward_through_a_form(walk)
    if page.locator(f"{form} [data-action='hand-off']").count():
        assert walk.status_links, "Tab never reached the link a hand-off offers"
    if page.locator("[data-action='add-row']").count():
        assert any("-0-" in key for key in walk.typed), "no table row was added and filled"
    word = read_word(walk.downloads["word"])
    for value in walk.typed.values():
        if value.startswith("Typed by keyboard"):
            assert value in word, value
    assert str(template) in walk.downloads["word"].suggested_filename

    # Back up by Shift+Tab through every control, to the tools at the top.
    passed = back_to(walk, "save-draft")
    assert set(walk.reached) - {"open-draft"} <= set(passed)
    # Every control was reached, going forward or back: an abbreviation in the label of a
    # radio button left behind by the arrow key is reached by Shift+Tab.
    missed = walk.controls() - set(walk.reached) - set(passed)
    assert not missed, f"not reached by Tab or Shift+Tab: {sorted(missed)}"
    draft = walk.download("Enter", "draft")
    saved = json.loads(Path(draft.path()).read_text(encoding="utf-8"))
    assert saved["template"] == template

    # Clear everything, then open the draft again: all by keyboard.
    now = walk.press("Tab")
    assert now["action"] == "clear-all", now
    page.keyboard.press("Enter")
    first_text = next(k for k, v in walk.typed.items() if v == "Typed by keyboard 1")
    page.wait_for_function(f"() => document.getElementById('{first_text}').value === ''")
    walk.press("Shift+Tab")
    now = walk.press("Shift+Tab")
    assert now["id"] == "open-draft", now
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(draft.path())
    page.wait_for_function(
        f"() => document.getElementById('{first_text}').value === 'Typed by keyboard 1'"
    )

    # A row is removed by keyboard too, and the focus goes back to its Add button.
    rows = page.locator(".row-list > .row")
    if rows.count():
        before = rows.count()
        for _ in range(MAX_PRESSES):
            now = walk.press("Tab")
            if now["action"] == "remove-row":
                break
        else:
            raise AssertionError("Tab never reached a Remove button")
        page.keyboard.press("Space")
        assert rows.count() == before - 1
        assert walk.focused()["action"] == "add-row"
    recorder.assert_clean()


# The due-dates calculator --------------------------------------------------------


def test_every_control_of_the_due_dates_calculator_works_by_keyboard(
    recorder: Any, served: Site
) -> None:
    form = "form#dates-form"
    page = open_page(recorder, "calculators/dates/", f"{form}[data-calculator-state='ready']")
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
    recorder.assert_clean()


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
    recorder: Any, served: Site
) -> None:
    forms = "form[data-calculator]"
    page = open_page(recorder, "calculators/risk/", "form[data-calculator-state='ready']")
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
    recorder.assert_clean()
