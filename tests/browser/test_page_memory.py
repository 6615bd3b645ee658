"""Every calculator and form page keeps what was ticked and typed while the practitioner
moves between the handbook's pages (memory.js, in the tab's memory only), hand-offs
fill empty fields only and ask before changing one that holds an answer, and "Clear
all case data" forgets every page's answers and starts the calculators afresh."""

from __future__ import annotations

from typing import Any

import pytest
from navigation import arrive, fill_date, follow, kept_answers, open_ready, wait_ready
from playwright.sync_api import expect
from test_memory import calculator_workers

from handbook.build.loader import load_protocol
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser


@pytest.fixture
def recorder(tab: Any) -> Any:
    """This module's tests share one tab and one start of the calculators (conftest `tab`),
    as a person keeps one tab open: each arrives at its first page with the tab's memory
    forgotten, then moves between pages by the handbook's own links."""
    return tab


RISK = "form#risk-form"
DATES = "form#dates-form"
REPORT = "form#form-monthly-report"
QUIZ_SEED = 424242
MEMORY_JS = """async () => {
  const memory = await import(new URL("javascripts/components/memory.js", __md_scope).href);
  return memory.holdsCaseData();
}"""


def away_and_back(page: Any, path: str, form: str, away: str = "glossary/") -> None:
    follow(page, away)
    follow(page, path)
    wait_ready(page, form)


def nothing_stored(page: Any, text: str) -> None:
    stored = page.evaluate(
        "JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage),"
        " document.cookie, location.href])"
    )
    assert text not in stored


def test_risk_ticks_come_back_after_moving_to_another_page_and_back(recorder: Any) -> None:
    page = open_ready(recorder, "calculators/risk/", RISK)
    boxes = page.locator("#risk-form input[name='indicator']")
    boxes.nth(0).check()
    boxes.nth(5).check()
    nothing = load_protocol().protocol.risk_rule.none_ticked
    expect(page.locator("#risk-headline")).not_to_have_text(nothing)  # the reading of the two
    headline = page.inner_text("#risk-headline")
    away_and_back(page, "calculators/risk/", RISK, away="calculators/dates/")
    ticked = page.locator("#risk-form input[name='indicator']:checked")
    expect(ticked).to_have_count(2)
    assert ticked.nth(0).get_attribute("id") == boxes.nth(0).get_attribute("id")
    assert ticked.nth(1).get_attribute("id") == boxes.nth(5).get_attribute("id")
    expect(page.locator("#risk-headline")).to_have_text(headline)
    assert len(kept_answers(page, "#risk-form")["checked"]) == 2
    recorder.assert_clean()


def test_due_date_entries_come_back_and_are_answered_again(recorder: Any) -> None:
    page = open_ready(recorder, "calculators/dates/", DATES)
    fill_date(page, "today", "29", "11", "2026")
    fill_date(page, "last_strategy", "1", "10", "2026")
    page.check("#out_of_borough-yes")
    page.fill("#agreed_interval_weeks", "12")
    page.fill("#interval_rationale", "Kept rationale")
    page.locator("#dates-answer section[data-answer='strategy_meeting']").wait_for()
    away_and_back(page, "calculators/dates/", DATES)
    assert page.input_value("#today-day") == "29"  # not today's date from the clock
    assert page.input_value("#last_strategy-month") == "10"
    assert page.is_checked("#out_of_borough-yes")
    expect(page.locator("#interval_rationale")).to_be_visible()
    assert page.input_value("#interval_rationale") == "Kept rationale"
    assert page.input_value("#agreed_interval_weeks") == "12"
    page.locator("#dates-answer section[data-answer='strategy_meeting']").wait_for()
    nothing_stored(page, "Kept rationale")
    recorder.assert_clean()


def test_a_dates_page_nobody_touched_holds_nothing_to_warn_about(recorder: Any) -> None:
    page = open_ready(recorder, "calculators/dates/", DATES)
    assert page.input_value("#today-day") != ""  # filled from the clock
    assert kept_answers(page, "#dates-form") is None
    assert page.evaluate(MEMORY_JS) is False


def test_a_scenario_and_its_comparison_come_back(recorder: Any) -> None:
    page = open_ready(recorder, "training/scenarios/", "form#scenario-form")
    chosen = page.locator("#scenario-choice option").nth(1).get_attribute("value")
    page.select_option("#scenario-choice", chosen)
    page.locator("#scenario-form input[name='indicator']").nth(2).check()
    page.locator("#scenario-form input[name='category']").nth(1).check()
    page.click("#scenario-form button[type='submit']")
    expect(page.locator("#scenario-answer h2")).to_be_visible()
    away_and_back(page, "training/scenarios/", "form#scenario-form", away="training/")
    assert page.input_value("#scenario-choice") == chosen
    expect(page.locator(f"#scenario-{chosen}")).to_be_visible()
    assert page.locator("#scenario-form input[name='indicator']").nth(2).is_checked()
    assert page.locator("#scenario-form input[name='category']").nth(1).is_checked()
    expect(page.locator("#scenario-answer h2")).to_be_visible()  # compared again
    recorder.assert_clean()


def test_the_quiz_comes_back_at_the_same_question_with_the_same_choice_and_score(
    make_recorder: Any, served: Deployed
) -> None:
    recorder = make_recorder(served.base_url, f"globalThis.CSE_QUIZ_SEED = {QUIZ_SEED};")
    page = open_ready(recorder, "training/quiz/", "form#quiz-form")
    page.locator("#quiz-question input[name='choice']").first.wait_for()
    page.locator("#quiz-question input[name='choice']").first.check()
    page.click("#quiz-form [data-action='check']")
    page.click("#quiz-form [data-action='next']")
    page.locator("#quiz-question input[name='choice']").nth(1).check()
    prompt = page.inner_text("#quiz-question legend")
    progress = page.inner_text("#quiz-progress")
    away_and_back(page, "training/quiz/", "form#quiz-form", away="training/")
    expect(page.locator("#quiz-question legend")).to_have_text(prompt)
    expect(page.locator("#quiz-progress")).to_have_text(progress)
    assert "Answered 1" in progress
    assert page.locator("#quiz-question input[name='choice']").nth(1).is_checked()
    recorder.assert_clean()


def test_every_form_keeps_its_answers_while_moving_through_the_others(recorder: Any) -> None:
    templates = [t.id for t in load_protocol().protocol.templates]
    page = arrive(recorder, f"forms/{templates[0]}/")
    typed = {}
    for template in templates:
        if template != templates[0]:
            follow(page, f"forms/{template}/")
        form = f"form#form-{template}"
        if page.locator(form).count() == 0:
            continue  # made from the risk page, tested above
        wait_ready(page, form)
        box = page.locator(f"{form} input[type='text'][data-field]").first
        box.fill(f"Kept on {template}")
        radio = page.locator(f"{form} fieldset.radios input[type='radio']")
        if radio.count():
            radio.first.check()
        typed[template] = (box.get_attribute("id"), radio.count() > 0)
    assert len(typed) >= 4
    follow(page, "glossary/")
    for template, (box, has_radio) in typed.items():
        follow(page, f"forms/{template}/")
        form = f"form#form-{template}"
        wait_ready(page, form)
        assert page.input_value(f"#{box}") == f"Kept on {template}"
        if has_radio:
            assert page.locator(f"{form} fieldset.radios input[type='radio']").first.is_checked()
    recorder.assert_clean()


def test_a_dates_hand_off_fills_the_empty_field_and_asks_before_changing_a_typed_one(
    recorder: Any,
) -> None:
    page = open_ready(recorder, "forms/monthly-report/", REPORT)
    fill_date(page, "f-initial_strat_date", "3", "9", "2026")
    follow(page, "calculators/dates/")
    wait_ready(page, DATES)
    fill_date(page, "last_strategy", "1", "10", "2026")
    fill_date(page, "initial_strategy", "4", "9", "2026")
    page.click("#dates-form button[type='submit']")
    page.locator("#dates-answer section[data-answer='strategy_meeting']").wait_for()
    page.click("[data-action='handoff-forms']")
    page.click("#dates-form .export-status a[href$='/forms/monthly-report/']")
    page.wait_for_url("**/forms/monthly-report/")
    wait_ready(page, REPORT)
    question = page.locator(".page-question")
    expect(question).to_be_visible()
    expect(question.locator("h2")).to_be_focused()
    assert "3/9/2026" in question.inner_text() and "4/9/2026" in question.inner_text()
    assert page.input_value("#f-initial_strat_date-day") == "3"  # nothing changed yet
    assert page.input_value("#f-last_strat_date-month") == "10"  # the empty one, filled
    question.get_by_role("button", name="Keep mine").click()
    expect(question).to_have_count(0)
    notice = page.locator(f"{REPORT} .form-notice")
    expect(notice).to_contain_text("Filled in from the due-dates calculator")
    expect(notice).to_contain_text("Kept as you had them")
    expect(notice).to_be_focused()
    assert page.input_value("#f-initial_strat_date-day") == "3"
    recorder.assert_clean()


def test_a_risk_hand_off_into_a_typed_attachment_can_go_below_it(recorder: Any) -> None:
    page = open_ready(recorder, "calculators/risk/", RISK)
    page.locator("#risk-form input[name='indicator']").first.check()
    expect(page.locator("#risk-headline")).not_to_be_empty()
    follow(page, "calculators/dates/")
    follow(page, "forms/monthly-report/")
    wait_ready(page, REPORT)
    page.fill("#f-strategy_reading", "My own rationale")
    follow(page, "calculators/risk/")
    wait_ready(page, RISK)
    page.click("#risk-form [data-action='hand-off'][data-to='monthly-report']")
    page.click("#risk-form .export-status a")
    page.wait_for_url("**/forms/monthly-report/")
    wait_ready(page, REPORT)
    question = page.locator(".page-question")
    expect(question).to_contain_text("My own rationale")
    question.get_by_role("button", name="Add it below mine").click()
    value = page.input_value("#f-strategy_reading")
    assert page.input_value("#f-risk_level_rationale") == ""  # the level is the meeting's
    assert value.startswith("My own rationale\n\n") and len(value) > 30
    expect(page.locator(f"{REPORT} .form-notice")).to_contain_text("Added below your text")
    recorder.assert_clean()


def test_clear_all_forgets_every_page_and_starts_the_calculator_afresh(recorder: Any) -> None:
    page = open_ready(recorder, "calculators/risk/", RISK)
    page.locator("#risk-form input[name='indicator']").first.check()
    expect(page.locator("#risk-headline")).not_to_be_empty()
    (first,) = calculator_workers(page)
    follow(page, "calculators/dates/")
    wait_ready(page, DATES)
    fill_date(page, "last_strategy", "1", "10", "2026")
    follow(page, "forms/mase-referral/")
    wait_ready(page, "form#form-mase-referral")
    page.fill("#f-yp_name", "Cleared everywhere")
    page.click("#form-mase-referral [data-action='clear-all']")
    status = page.locator("#form-mase-referral .clear-status")
    expect(status).to_contain_text("every page of this tab")
    expect(status).to_contain_text("close this tab and any other tab of the handbook")
    assert page.evaluate(MEMORY_JS) is False
    assert kept_answers(page, "#risk-form") is None
    assert kept_answers(page, "#dates-form") is None
    for _ in range(100):  # the old worker, and its heap, gone; a new one started
        if calculator_workers(page) not in ([], [first]):
            break
        page.wait_for_timeout(100)
    workers = calculator_workers(page)
    assert len(workers) == 1 and workers[0] != first
    follow(page, "calculators/risk/")
    wait_ready(page, RISK)
    expect(page.locator("#risk-form input[name='indicator']:checked")).to_have_count(0)
    follow(page, "calculators/dates/")
    wait_ready(page, DATES)
    assert page.input_value("#last_strategy-day") == ""
    recorder.assert_clean()
