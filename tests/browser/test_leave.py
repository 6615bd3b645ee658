"""Before a full load would lose answers, the browser asks (leave.js); moving between
the handbook's pages does not ask (the answers are kept in the tab's memory), and after
"Clear all case data" nothing is left to lose, so nothing asks.

Asking needs no Python: leave.js listens once calculator.js has taken up the form, so
these tests wait for Python only where the answer needs it (the quiz's question) or
where "Clear all case data" must be bound, and never after the reload that asks.

For every calculator page whose answers memory.js keeps: the risk page's ticks, the
due-dates entries, a training scenario's ticks and the quiz's choice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from navigation import arrive, fill_date, follow, wait_ready, wait_started

pytestmark = pytest.mark.browser


def tick_an_indicator(page: Any) -> None:
    page.locator("#risk-form input[name='indicator']").first.check()


def type_a_strategy_meeting(page: Any) -> None:
    fill_date(page, "last_strategy", "1", "10", "2026")


def tick_a_scenario_indicator(page: Any) -> None:
    page.locator("#scenario-form input[type='checkbox']").first.check()


def choose_a_quiz_answer(page: Any) -> None:
    wait_ready(page, "form#quiz-form")  # Python sets the question
    page.locator("#quiz-form input[type='radio']").first.check()


# page, its form, what the practitioner does there, and a handbook page with
# "Clear all case data" to move to by a link
PAGES: dict[str, tuple[str, str, Callable[[Any], None], str]] = {
    "risk": (
        "calculators/risk/",
        "form#risk-form",
        tick_an_indicator,
        "calculators/dates/",
    ),
    "due dates": (
        "calculators/dates/",
        "form#dates-form",
        type_a_strategy_meeting,
        "calculators/risk/",
    ),
    "scenario": (
        "training/scenarios/",
        "form#scenario-form",
        tick_a_scenario_indicator,
        "calculators/risk/",
    ),
    "quiz": (
        "training/quiz/",
        "form#quiz-form",
        choose_a_quiz_answer,
        "calculators/risk/",
    ),
}
CLEAR_FORM = {
    "calculators/dates/": "form#dates-form",
    "calculators/risk/": "form#risk-form",
}


def dialogs_asked(page: Any) -> list[str]:
    """The dialogs the page asks from now on (each accepted), by type."""
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.accept()

    page.on("dialog", answer)
    return asked


@pytest.mark.parametrize("name", list(PAGES))
def test_a_reload_after_answering_asks_first(recorder: Any, name: str) -> None:
    path, form, answer, _ = PAGES[name]
    page = arrive(recorder, path)
    wait_started(page, form)
    asked = dialogs_asked(page)
    page.reload()
    wait_started(page, form)
    assert asked == []  # nothing answered yet: nothing to lose
    answer(page)
    page.reload()  # the browser asks before it unloads the page
    assert asked == ["beforeunload"]


@pytest.mark.parametrize("name", list(PAGES))
def test_moving_by_a_link_does_not_ask_and_after_clear_all_a_reload_does_not(
    recorder: Any, name: str
) -> None:
    path, form, answer, elsewhere = PAGES[name]
    page = arrive(recorder, path)
    wait_started(page, form)
    asked = dialogs_asked(page)
    answer(page)
    follow(page, elsewhere)
    wait_ready(page, CLEAR_FORM[elsewhere])  # "Clear all case data" is bound
    assert asked == []  # instant navigation keeps the answers: nothing to ask
    page.click(f"{CLEAR_FORM[elsewhere]} [data-action='clear-all']")
    page.reload()  # a dialog would be asked here, before the page unloads
    assert asked == []
