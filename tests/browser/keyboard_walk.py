"""Walking a calculator or form page by keyboard alone, for the keyboard tests.

The walk presses Tab from the top of the page into the form, and from there only
Tab, Shift+Tab, Space, Enter, the arrow keys and typing; it lists the form's
controls from the page itself, so a control added later must be reachable too.
Imported by test_keyboard_forms.py and test_keyboard_calculators.py.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from navigation import arrive

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


TYPED_PREFIX = "Keyed "


def typed_text(number: int) -> str:
    """The nth text typed by a walk: short (each key is a round trip to the browser), and
    ending in a full stop, so that no one is the start of another."""
    return f"{TYPED_PREFIX}{number}."


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
        elif now["key"] == "case_reference":
            value = "CS-2024-0113"  # a reference, never words (the calendar file refuses them)
        else:
            self.count += 1
            value = typed_text(self.count)
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
    """Open `path` for a walk: in a fresh tab by a page load, on a module's shared tab
    (`tab`) by instant navigation with the tab's memory forgotten (see `arrive`)."""
    page = recorder.page
    if not page.url.startswith(recorder.base_url):
        # Before the first load: the limits apply from the calculators' start.
        page.add_init_script(COUNT_PRINTS + GENEROUS_LIMITS)
        # Intercept file choosers from the start: a listener added only when Enter is
        # pressed can switch interception on after the input asked for the chooser.
        page.on("filechooser", lambda chooser: None)
    arrive(recorder, path)
    page.evaluate(f"() => {{ {COUNT_PRINTS} }}")  # counted afresh on a shared tab too
    page.wait_for_selector(f"{ready}, {FAILED}", timeout=START_LIMIT_MS)
    failed = page.locator(FAILED)
    assert not failed.count(), failed.first.locator(".calculator-status").inner_text()
    return page


def read_word(download: Any) -> str:
    document = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


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
