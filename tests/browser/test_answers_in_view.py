"""Answers where the practitioner looks, at 1280×800 and on a 390 px phone: the due dates
answer on arrival and beside the fields, a changed date's answer is in view, and on the
risk page the grid, the profile and its exports are on the first screen."""

from __future__ import annotations

from typing import Any

import pytest
from navigation import fill_date, wait_ready

from tests.support.static_server import Site

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


@pytest.fixture
def laptop(browser: Any) -> Any:
    context = browser.new_context(viewport=LAPTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Any) -> Any:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


# The due dates ----------------------------------------------------------------------


def test_the_due_dates_are_answered_on_arrival_in_view(laptop: Any, served: Site) -> None:
    laptop.goto(served.base_url + "calculators/dates/")
    panel = laptop.locator("#dates-answer section[data-answer='mase_referral_deadline']")
    panel.wait_for(timeout=90_000)  # no button pressed: today's date from the clock
    assert in_view(laptop, "#dates-answer section")
    answer = laptop.locator("#dates-answer").bounding_box()
    fields = laptop.locator("#today-field").bounding_box()
    assert answer["x"] > fields["x"] + fields["width"]  # beside the fields
    assert laptop.get_attribute("#dates-answer", "aria-live") == "polite"


def test_a_changed_dates_answer_is_in_view_beside_the_field(laptop: Any, served: Site) -> None:
    laptop.goto(served.base_url + "calculators/dates/")
    wait_ready(laptop, "form#dates-form")
    laptop.locator("#dates-answer section").first.wait_for()
    laptop.locator("#referral_planned-yes").scroll_into_view_if_needed()
    fill_date(laptop, "last_strategy", "1", "9", "2026")
    strategy = laptop.locator("#dates-answer section[data-answer='strategy_meeting']")
    strategy.wait_for()
    assert in_view(laptop, "#dates-answer")
    laptop.locator("#case_reference").scroll_into_view_if_needed()
    fill_date(laptop, "today", "20", "11", "2026")
    strategy.filter(has_text="Overdue by 10 days").wait_for()
    assert in_view(laptop, "#dates-answer section")


def test_on_a_phone_the_answer_comes_under_the_changed_field(phone: Any, served: Site) -> None:
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
