"""The Training pages in Chromium: a scenario, the quiz, the language hint, and axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from navigation import follow, go, open_ready, wait_ready
from playwright.sync_api import expect

from calculators.protocol import protocol_from_mapping
from calculators.training.quiz import generate, lengths
from calculators.training.quiz_summary import cites
from handbook.build.loader import load_protocol
from handbook.build.protocol_json import with_bank_holidays
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser

START_LIMIT_MS = 90_000  # a shared, busy machine may start Pyodide slowly
QUIZ_SEED = 424242
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
  .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)"""
PAGES = [
    "training/",
    "training/roles/",
    "training/process/",
    "training/scenarios/",
    "training/quiz/",
    "training/language/",
    "training/scenario-pack/",
    "categories/",
]


@pytest.fixture
def seeded(make_recorder: Any, served: Deployed) -> Any:
    """A fresh recording tab whose quiz draws its questions from QUIZ_SEED."""
    return make_recorder(
        served.base_url,
        f"globalThis.CSE_QUIZ_SEED = {QUIZ_SEED};"
        f"globalThis.CSE_CALCULATOR_START_LIMIT_MS = {START_LIMIT_MS};",
    )


@pytest.fixture
def protocol() -> Any:
    """The protocol as the pages read it, bank holidays included."""
    return protocol_from_mapping(with_bank_holidays(load_protocol().data))


def test_a_scenario_a_quiz_right_and_wrong_and_the_language_hint_with_no_request_made(
    seeded: Any, protocol: Any
) -> None:
    recorder, page = seeded, seeded.page

    # A scenario: tick what the model answer ticks, choose its category, compare.
    scenario = protocol.scenario("amara-online")
    open_ready(recorder, "training/scenarios/", "form#scenario-form")
    page.select_option("#scenario-choice", scenario.id)
    expect(page.locator(f"#scenario-{scenario.id}")).to_be_visible()
    expect(page.locator("#scenario-kayden-flat")).to_be_hidden()
    for indicator in scenario.indicators:
        page.check(f"#t-indicator-{indicator}")
    page.check("#t-indicator-sh-3-2")  # one the model answer does not tick
    page.check(f"#t-category-{scenario.model_category}")
    page.click("#scenario-form button[type='submit']")
    answer = page.locator("#scenario-answer")
    expect(answer).to_contain_text("You missed none of the model answer's indicators.")
    expect(answer).to_contain_text("Added (not in the model answer): Pregnancy")
    expect(answer).to_contain_text("Your category matches the model answer.")
    expect(answer).to_contain_text(protocol.category(1).definition)
    expect(answer).to_contain_text("Monthly CSE case report")

    # The quiz: the first question answered right, the second wrong.
    questions = generate(protocol, QUIZ_SEED, 2)
    open_ready(recorder, "training/quiz/", "form#quiz-form")
    legend = page.locator("#quiz-question legend")
    expect(legend).to_have_text(questions[0].prompt)
    page.check(f"#quiz-choice-{questions[0].answer}")
    page.click("#quiz-form [data-action='check']")
    feedback = page.locator("#quiz-feedback")
    expect(feedback).to_contain_text("Right.")
    expect(feedback).to_contain_text(f"clause {questions[0].clause}")
    assert all(cites(feedback.inner_text(), c) == 1 for c in questions[0].clauses)
    page.click("#quiz-form [data-action='next']")
    expect(legend).to_have_text(questions[1].prompt)
    wrong = next(i for i in range(len(questions[1].choices)) if i != questions[1].answer)
    page.check(f"#quiz-choice-{wrong}")
    page.click("#quiz-form [data-action='check']")
    expect(feedback).to_contain_text(
        f"Not quite: the answer is {questions[1].choices[questions[1].answer]}."
    )
    expect(feedback).to_contain_text(f"clause {questions[1].clause}")
    expect(page.locator("#quiz-progress")).to_contain_text("Answered 2, right 1")

    # The language hint beside a form's free-text field.
    open_ready(recorder, "forms/mase-referral/", "form#form-mase-referral")
    typed = "Seen with her boyfriend, who is 27, near the station."
    page.locator("#f-background").press_sequentially(typed)
    hint = page.locator("#f-background-language")
    expect(hint).to_contain_text("“boyfriend”")
    expect(hint).to_contain_text(protocol.language.terms[3].instead)
    assert page.input_value("#f-background") == typed  # never changed
    described = page.get_attribute("#f-background", "aria-describedby") or ""
    assert "f-background-language" in described.split()
    page.fill("#f-background", "Seen near the station.")
    expect(hint).to_have_count(0)

    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_a_quiz_of_the_chosen_length_ends_with_a_summary_linking_the_clauses_to_reread(
    seeded: Any, protocol: Any
) -> None:
    recorder, page = seeded, seeded.page
    length = lengths(protocol)[1]
    questions = generate(protocol, QUIZ_SEED, length)
    open_ready(recorder, "training/quiz/", "form#quiz-form")
    page.locator("#quiz-question legend").wait_for()
    page.select_option("#quiz-length", str(length))
    progress = page.locator("#quiz-progress")
    legend = page.locator("#quiz-question legend")
    wrong = {}
    for number, question in enumerate(questions):
        expect(legend).to_have_text(question.prompt)
        expect(progress).to_contain_text(f"Question {number + 1} of {length}.")
        choice = question.answer if number % 3 else (question.answer + 1) % len(question.choices)
        if choice != question.answer:
            wrong[number + 1] = question
        page.check(f"#quiz-choice-{choice}")
        page.click("#quiz-form [data-action='check']")
        if number + 1 < length:
            page.click("#quiz-form [data-action='next']")
    summary = page.locator("#quiz-summary")
    expect(summary).to_contain_text(
        f"You answered {length - len(wrong)} of {length} questions right."
    )
    mistakes = summary.locator("li", has_text="You chose")
    expect(mistakes).to_have_count(len(wrong))
    for line, (number, question) in zip(mistakes.all(), wrong.items(), strict=True):
        assert line.inner_text().startswith(f"Question {number}: {question.prompt}")
        assert f"The answer is {question.choices[question.answer]}" in line.inner_text()
    # Away and back: the length and the summary come back as they were.
    lines = summary.locator("p, li")
    shown = lines.all_inner_texts()
    follow(page, "training/")
    follow(page, "training/quiz/")
    wait_ready(page, "form#quiz-form")
    expect(lines).to_have_text(shown)
    assert page.input_value("#quiz-length") == str(length)
    reread = list(dict.fromkeys(c for q in wrong.values() for c in q.clauses))
    links = summary.locator("ul.quiz-reread a")
    expect(links).to_have_count(len(reread))
    assert sorted(links.all_inner_texts()) == sorted(f"Clause {c}" for c in reread)
    first = links.first
    clause = protocol.clause(first.inner_text().removeprefix("Clause "))
    first.click()
    page.wait_for_url(f"**/directive/section-{clause.id.split('.')[0]}/#{clause.anchor}")
    expect(page.locator(f"#{clause.anchor}")).to_be_in_viewport()
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_the_training_pages_and_the_process_map_have_no_accessibility_violation(
    browser: Any, served: Deployed
) -> None:
    assert AXE.exists(), "axe-core is missing: run `npm ci`"
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(f"globalThis.CSE_CALCULATOR_START_LIMIT_MS = {START_LIMIT_MS};")
    try:
        page = context.new_page()
        found = {}
        # The first page loaded whole, the others reached by instant navigation, as a
        # person moves between them: the calculators start once.
        page.goto(served.base_url + PAGES[0])
        for path in PAGES:
            go(page, served.base_url + path)
            if path in ("training/scenarios/", "training/quiz/"):
                page.wait_for_selector(
                    "form[data-calculator-state='ready']", timeout=START_LIMIT_MS
                )
            if path == "training/quiz/":
                page.locator("#quiz-question legend").wait_for()
            if path == "training/process/":
                assert page.locator("svg.process-map-svg a").count() >= 10
            if page.evaluate("typeof axe === 'undefined'"):  # kept across instant navigation
                page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
            violations = page.evaluate(RUN_AXE)
            if violations:
                found[path] = violations
        assert not found, found
    finally:
        context.close()


def test_the_scenario_pack_prints_vignettes_first_and_answers_on_a_new_page(
    recorder: Any,
) -> None:
    page = recorder.page
    page.goto(recorder.url("training/scenario-pack/"))
    page.emulate_media(media="print")
    assert page.locator(".md-sidebar").first.is_hidden()  # the print stylesheet applies
    answers = page.locator(".pack-answers")
    assert answers.evaluate("e => getComputedStyle(e).breakBefore") == "page"
    first_answer = answers.bounding_box()
    last_vignette = page.locator("#pack-scenarios ~ h3").last.bounding_box()
    assert first_answer and last_vignette and last_vignette["y"] < first_answer["y"]
    page.goto(recorder.url("training/process/"))
    page.emulate_media(media="print")
    svg = page.locator("svg.process-map-svg")
    assert svg.is_visible()
    assert svg.evaluate("e => getComputedStyle(e).maxHeight") != "none"
    recorder.assert_clean()
