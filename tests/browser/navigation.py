"""Moving between handbook pages as a person does (by the links the page offers), and
looking at what memory.js keeps in the tab. Imported by the browser tests."""

from __future__ import annotations

from typing import Any

MEMORY_JS = """async (template) => {
  const memory = await import(new URL("javascripts/components/memory.js", __md_scope).href);
  return template === null ? memory.holdsCaseData() : memory.keptAnswers(template);
}"""
PEEK_HANDOFF_JS = """async (template) => {
  const memory = await import(new URL("javascripts/components/memory.js", __md_scope).href);
  const handoff = memory.takeHandOff(template);
  if (handoff) memory.handOff(template, handoff);  // put back: this only looks
  return handoff;
}"""

# Instant navigation changes the address first, then puts the new page in: the
# content shown is the new page's once the container marked here is gone.
LEAVING_JS = "document.querySelector('[data-md-component=container]').dataset.leaving = 'yes'"
SHOWN_JS = """() => {
  const container = document.querySelector("[data-md-component=container]");
  return container !== null && container.dataset.leaving === undefined;
}"""


def follow(page: Any, path: str) -> None:
    """Click the first visible link to `path` (relative to the site root), as a person
    would, and wait until the page shown is that one. Material's instant navigation
    keeps the tab's JavaScript (and memory.js) across the move."""
    page.evaluate(LEAVING_JS)
    page.locator(f"a[href$='/{path}']:visible").first.click()
    page.wait_for_url(f"**/{path}")
    page.wait_for_function(SHOWN_JS)


def kept_answers(page: Any, template: str) -> Any:
    """A form's answers as memory.js keeps them in this tab (None if none)."""
    return page.evaluate(MEMORY_JS, template)


def peek_handoff(page: Any, template: str) -> Any:
    """The hand-off waiting for a form in memory.js, left in place."""
    return page.evaluate(PEEK_HANDOFF_JS, template)


START_LIMIT_MS = 90_000  # a limit for Pyodide to start on a busy machine, not a timing check


def wait_ready(page: Any, form: str = "form") -> None:
    """Wait until the calculator form `form` (a selector) is ready: Python answers it."""
    page.wait_for_selector(f"{form}[data-calculator-state='ready']", timeout=START_LIMIT_MS)


# A fresh arrival on a shared tab: what the tab keeps for the case (memory.js) and the
# files made there (files.js) are forgotten, as "Clear all case data" does, but the
# calculators' worker is kept (it holds no case data: every question carries its own).
FORGET_JS = """async () => {
  const memory = await import(new URL("javascripts/components/memory.js", __md_scope).href);
  const files = await import(new URL("javascripts/components/files.js", __md_scope).href);
  memory.forgetAll();
  files.revokeDownloads();
}"""
# Instant navigation follows a click on a link to a page of the site.
CLICK_LINK_JS = """(href) => {
  const link = document.createElement("a");
  link.href = href;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}"""
STOPOVER = "contacts/"  # a page with no calculator, on the way to a fresh copy of the next


def go(page: Any, url: str) -> None:
    """Move to `url` by the handbook's instant navigation and wait until it is shown."""
    if page.url == url:
        return
    page.evaluate(LEAVING_JS)
    page.evaluate(CLICK_LINK_JS, url)
    page.wait_for_url(url)
    page.wait_for_function(SHOWN_JS)


def arrive(recorder: Any, path: str) -> Any:
    """Open `path` in the recorder's page: a page load in a fresh tab; on a shared tab
    that already shows the handbook, its memory forgotten and the page reached afresh
    by instant navigation (by way of a page without a calculator)."""
    page = recorder.page
    if not (recorder.shared and page.url.startswith(recorder.base_url)):
        page.goto(recorder.url(path))
        return page
    page.evaluate(FORGET_JS)
    go(page, recorder.url(STOPOVER))
    go(page, recorder.url(path))
    return page


def wait_started(page: Any, form: str = "form") -> None:
    """Wait until calculator.js has taken up the form `form` (a selector), and so leave.js
    listens: Python may still be starting."""
    page.wait_for_selector(f"{form}[data-calculator-state]", timeout=START_LIMIT_MS)


def open_ready(recorder: Any, path: str, form: str = "form") -> Any:
    """Open `path` (relative to the site root) in the recorder's page and wait until its
    calculator form `form` is ready."""
    page = arrive(recorder, path)
    wait_ready(page, form)
    return page


def fill_date(page: Any, name: str, day: str, month: str, year: str) -> None:
    """Type a date into the three boxes `#{name}-day`, `-month` and `-year`."""
    for part, value in (("day", day), ("month", month), ("year", year)):
        page.fill(f"#{name}-{part}", value)


REFERRAL = "form#form-mase-referral"


def keep_a_name_across_links(recorder: Any) -> Any:
    """Type a name into the referral, follow a link away and one back: the name is there."""
    page = open_ready(recorder, "forms/mase-referral/", REFERRAL)
    page.fill("#f-yp_name", "Kept in memory")
    follow(page, "contacts/")
    follow(page, "forms/mase-referral/")
    wait_ready(page, REFERRAL)
    assert page.input_value("#f-yp_name") == "Kept in memory"
    return page
