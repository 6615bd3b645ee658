"""Answers where the practitioner looks, at 1280×800 and on a 390 px phone: the due dates
answer on arrival and beside the fields, a changed date's answer is in view, and on the
risk page the grid, the profile and its exports are on the first screen."""

from __future__ import annotations

from typing import Any

import pytest
from navigation import arrive, fill_date, wait_ready
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from calculators.dates.request import handle_dates
from handbook.build.loader import load_protocol
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
IN_VIEW = """(selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.top < window.innerHeight - 40;
}"""


def in_view(page: Any, selector: str) -> bool:
    """The element's top is on the screen shown, with room below it to read a line."""
    return bool(page.evaluate(IN_VIEW, selector))


def comes_into_view(page: Any, selector: str) -> bool:
    """The element is brought into view within 5 s of appearing (its panel scrolls to it)."""
    try:
        page.wait_for_function(IN_VIEW, arg=selector, timeout=5_000)
    except PlaywrightTimeout:  # it never came into view
        return False
    return True


def first_strategy_line(today_day: str, last_day: str) -> str:
    """The strategy meeting answer's first line, by the protocol's own rules, for a day of
    November 2026 as today and a day of September 2026 as the last meeting."""
    fields = {
        "today": {"day": today_day, "month": "11", "year": "2026"},
        "last_strategy": {"day": last_day, "month": "9", "year": "2026"},
    }
    answers = handle_dates(load_protocol().protocol, fields)["answers"]
    return next(a for a in answers if a["id"] == "strategy_meeting")["details"][0]


@pytest.fixture
def on_laptop(tab: Any) -> Any:
    """The module's shared tab (conftest `tab`) at 1280×800: each test arrives at its page
    afresh by the handbook's own navigation, with the tab's memory forgotten."""
    tab.page.set_viewport_size(LAPTOP)
    yield tab
    tab.page.emulate_media(media="screen")  # after the print test


@pytest.fixture
def phone(browser: Any) -> Any:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


# The due dates ----------------------------------------------------------------------


def test_the_due_dates_are_answered_on_arrival_in_view(on_laptop: Any, served: Deployed) -> None:
    laptop = arrive(on_laptop, "calculators/dates/")
    panel = laptop.locator("#dates-answer section[data-answer='mase_referral_deadline']")
    panel.wait_for(timeout=90_000)  # no button pressed: today's date from the clock
    assert in_view(laptop, "#dates-answer section")
    answer = laptop.locator("#dates-answer").bounding_box()
    fields = laptop.locator("#today-field").bounding_box()
    assert answer["x"] > fields["x"] + fields["width"]  # beside the fields
    assert laptop.get_attribute("#dates-answer", "aria-live") == "polite"


def test_a_changed_dates_answer_is_in_view_beside_the_field(
    on_laptop: Any, served: Deployed
) -> None:
    laptop = arrive(on_laptop, "calculators/dates/")
    wait_ready(laptop, "form#dates-form")
    laptop.locator("#dates-answer section").first.wait_for()
    laptop.locator("#referral_planned-yes").scroll_into_view_if_needed()
    fill_date(laptop, "last_strategy", "1", "9", "2026")
    strategy = laptop.locator("#dates-answer section[data-answer='strategy_meeting']")
    strategy.wait_for()
    assert in_view(laptop, "#dates-answer")
    laptop.locator("#case_reference").scroll_into_view_if_needed()
    fill_date(laptop, "today", "20", "11", "2026")
    strategy.filter(has_text=first_strategy_line("20", "1")).wait_for()  # the answer changed
    assert in_view(laptop, "#dates-answer section")


def test_on_a_phone_the_answer_comes_under_the_changed_field(phone: Any, served: Deployed) -> None:
    phone.goto(served.base_url + "calculators/dates/")
    wait_ready(phone, "form#dates-form")
    phone.locator("#today-field + #dates-answer section").first.wait_for()  # on arrival
    fill_date(phone, "last_strategy", "1", "9", "2026")
    phone.locator(
        "#last_strategy-field + #dates-answer [data-answer='strategy_meeting']"
    ).wait_for()
    field = phone.locator("#last_strategy-year").bounding_box()
    answer = phone.locator("#dates-answer").bounding_box()
    assert 0 <= answer["y"] - (field["y"] + field["height"]) < 60  # right under the field
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# The risk page ----------------------------------------------------------------------


def open_risk_page(recorder: Any) -> Any:
    page = arrive(recorder, "calculators/risk/")
    wait_ready(page, "form#risk-form")
    return page


def test_an_indicator_is_on_the_risk_pages_first_screen(on_laptop: Any, served: Deployed) -> None:
    laptop = open_risk_page(on_laptop)
    assert in_view(laptop, "#indicator-eh-1-1")
    assert in_view(laptop, "#indicator-eh-3-1")  # the first row, every category
    assert laptop.locator(".risk-note-line a").count() == 1  # the warnings: one line, a link


def test_download_and_copy_are_in_view_beside_the_first_rows(
    on_laptop: Any, served: Deployed
) -> None:
    laptop = open_risk_page(on_laptop)
    laptop.check("#indicator-eh-1-1")
    laptop.locator("#risk-headline", has_text="Indicators ticked: 1,").wait_for()
    row = laptop.locator("#domain-emotional-health").bounding_box()
    for action in ("download", "copy-text", "print"):
        button = laptop.locator(f"#risk-form [data-action='{action}']")
        assert in_view(laptop, f"#risk-form [data-action='{action}']"), action
        assert button.bounding_box()["x"] >= row["x"] + row["width"]  # beside the rows
    laptop.mouse.wheel(0, 1500)  # half way down the grid the panel is still in view
    laptop.wait_for_function("() => window.scrollY > 1000")
    assert in_view(laptop, "#risk-form [data-action='download']")


def test_comparing_a_repeated_indicator_does_not_move_the_grid(
    on_laptop: Any, served: Deployed
) -> None:
    laptop = open_risk_page(on_laptop)
    laptop.check("#indicator-eh-1-1")
    laptop.locator("#risk-headline", has_text="Indicators ticked: 1,").wait_for()
    before = laptop.locator("#domain-sexual-health").bounding_box()
    laptop.check("#indicator-eh-2-4")  # the same indicator, higher: its siblings are compared
    laptop.locator("#compare-emotional-health").wait_for()
    assert laptop.locator("#domain-sexual-health").bounding_box() == before
    assert comes_into_view(laptop, "#compare-emotional-health")


def test_printing_the_risk_page_prints_the_profile_and_the_ticked_indicators(
    on_laptop: Any, served: Deployed
) -> None:
    laptop = open_risk_page(on_laptop)
    laptop.check("#indicator-eh-1-1")
    laptop.check("#indicator-cc-3-2")
    laptop.locator("#risk-headline", has_text="Indicators ticked: 2,").wait_for()
    laptop.emulate_media(media="print")
    assert laptop.locator("#risk-headline").is_visible()
    assert laptop.locator("label[for='indicator-eh-1-1']").is_visible()
    assert laptop.locator("label[for='indicator-cc-3-2']").is_visible()
    assert laptop.locator("label[for='indicator-eh-1-2']").is_hidden()  # not ticked
    assert laptop.locator("#domain-sexual-health").is_hidden()  # nothing ticked in it
    assert laptop.locator("[data-action='download']").is_hidden()
    profile = laptop.locator(".risk-profile").bounding_box()
    grid = laptop.locator(".risk-grid").bounding_box()
    assert profile["y"] < grid["y"]  # the profile first
    pdf = laptop.pdf(format="A4")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages <= 2, pages
