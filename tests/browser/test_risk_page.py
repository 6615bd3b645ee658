"""The risk page in Chromium: the Appendix B grid, the live Appendix B reading for the
strategy meeting, its exports, and the hand-offs to the minutes and the monthly report.

No category is recorded on the page: the strategy meeting sets the risk level and its
minutes carry the agreed category to the monthly report. No hand-off puts the reading
into a field a form names for the level (`records: level`, clauses 6.3 and 6.9).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from navigation import MEMORY_JS, arrive, go, peek_handoff

from calculators.documents.text import ADDED_NOTICE
from handbook.build.loader import load_protocol
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser


@pytest.fixture
def recorder(tab: Any) -> Any:
    """This module's tests share one tab and one start of the calculators (conftest `tab`):
    each arrives at its page afresh, with the tab's memory forgotten."""
    return tab


PROTOCOL = load_protocol().protocol
RULE = PROTOCOL.risk_rule
RISK_PAGE = "calculators/risk/"
READY = "form#risk-form[data-calculator-state='ready']"
FORM_READY = "form[data-calculator-state='ready']"
START_LIMIT_MS = 90_000  # a limit for Pyodide to start on a busy machine, not a timing check


def open_page(recorder: Any, width: int | None = None) -> Any:
    """The risk page, ready, with nothing ticked; `width` wide (by 800 high) if given."""
    page = recorder.page
    if width is not None:
        page.set_viewport_size({"width": width, "height": 800})
    arrive(recorder, RISK_PAGE)
    page.wait_for_selector(READY, timeout=START_LIMIT_MS)
    page.locator("#risk-headline", has_text=RULE.none_ticked[:14]).wait_for()
    return page


def highest(number: int) -> str:
    return RULE.highest.format(category=RULE.name_of(number))


def wait_for_headline(page: Any, number: int) -> None:
    """Wait for the reading whose highest column ticked is `number` (after the headline)."""
    page.locator("#risk-answer", has_text=highest(number)).wait_for()


def hand_off(page: Any, to: str) -> None:
    """Click the page's hand-off to `to`, then the link it offers, as a person would."""
    page.click(f"[data-action='hand-off'][data-to='{to}']")
    link = page.locator(".export-status a")
    link.wait_for()
    link.click()
    page.wait_for_selector(f"form#form-{to}[data-calculator-state='ready']", timeout=START_LIMIT_MS)


def document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


# The grid ----------------------------------------------------------------------------


def test_the_grid_is_a_fieldset_per_domain_and_each_box_names_its_category(
    recorder: Any, served: Deployed
) -> None:
    page = open_page(recorder)
    legends = page.locator("#risk-form fieldset.risk-domain > legend").all_inner_texts()
    assert legends == [d.name for d in PROTOCOL.categories.domains]
    assert page.locator("#risk-form input[name='indicator']").count() == len(PROTOCOL.indicators)
    for indicator_id in ("sh-3-2", "srt-2-1", "rw-1-1"):
        indicator = PROTOCOL.indicator(indicator_id)
        name = f"{indicator.text} ({PROTOCOL.category(indicator.category).name})"
        assert page.get_by_role("checkbox", name=name, exact=True).count() == 1, name
    rewards = page.locator("#domain-rewards .risk-cell[data-category='3']")
    assert rewards.locator("input").count() == 0  # as in the source: no Category 3 for rewards
    assert page.locator("#risk-form button[type='submit']").count() == 0  # no button needed
    note = PROTOCOL.note("london-protocol-replaced")
    assert note.title in page.locator(".editorial-note").inner_text()
    recorder.assert_clean()


def test_on_a_wide_screen_the_grid_fits_in_about_two_screens_beside_the_profile(
    recorder: Any, served: Deployed
) -> None:
    page = open_page(recorder, width=1280)
    grid = page.locator(".risk-grid").bounding_box()
    panel = page.locator(".risk-profile").bounding_box()
    assert grid["height"] <= 2.6 * 800, grid
    assert panel["x"] >= grid["x"] + grid["width"]  # beside it
    page.mouse.wheel(0, grid["y"] + grid["height"] / 2)  # half way down the grid
    page.wait_for_function(
        "() => window.scrollY > 400"
    )  # a function: an expression is eval()ed, which the policy refuses
    panel = page.locator(".risk-profile").bounding_box()
    assert 0 <= panel["y"] < 800  # it stays in view


def test_on_a_narrow_screen_domains_stack_and_the_profile_is_a_bar_at_the_bottom(
    recorder: Any, served: Deployed
) -> None:
    page = open_page(recorder, width=400)
    headings = page.locator("#domain-education .risk-cell-heading")
    assert headings.all_inner_texts() == [level.name for level in PROTOCOL.categories.levels]
    assert all(headings.nth(i).is_visible() for i in range(3))
    page.check("#indicator-ed-2-1")  # scrolled into view, half way down the grid
    wait_for_headline(page, 2)
    panel = page.locator(".risk-profile").bounding_box()
    assert panel["y"] + panel["height"] == pytest.approx(800, abs=2)


# The live profile -----------------------------------------------------------------------


def test_one_category_3_indicator_gives_a_profile_resting_on_one_indicator_with_the_definition(
    recorder: Any, served: Deployed
) -> None:
    page = open_page(recorder)
    page.check("#indicator-sh-3-2")  # Pregnancy, and nothing else
    wait_for_headline(page, 3)
    text = page.locator(".risk-profile").inner_text()
    single = RULE.single_indicator.format(
        indicator="Pregnancy", domain="Sexual health", category="Category 3"
    )
    assert single in text
    level = PROTOCOL.category(3)
    assert RULE.definition.format(category=level.name, definition=level.definition) in text
    for prompt in RULE.prompts:
        assert prompt.text in text
    assert "suggested" not in text.lower()
    assert page.locator("#risk-headline").get_attribute("aria-live") == "polite"
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


def test_a_theme_ticked_at_two_levels_counts_once_and_shows_its_siblings_side_by_side(
    recorder: Any, served: Deployed
) -> None:
    page = open_page(recorder)
    page.check("#indicator-srt-2-1")
    compare = page.locator("#compare-sexualised-risk-taking")
    compare.get_by_text(PROTOCOL.category(3).definition[:40]).wait_for()
    columns = compare.locator(".risk-compare-row").first.locator(":scope > div")
    assert [columns.nth(n).inner_text().startswith("Police Category") for n in range(3)] == [
        True,
        True,
        True,
    ]
    for number in (1, 2, 3):
        assert PROTOCOL.category(number).definition[:40] in compare.inner_text()
    page.check("#indicator-srt-3-1")
    wait_for_headline(page, 3)
    text = page.locator(".risk-profile").inner_text()
    assert "Category 2: 0, Category 3: 1" in text
    assert "counted once" in text
    recorder.assert_clean()


def test_nothing_ticked_says_nothing_ticked(recorder: Any, served: Deployed) -> None:
    page = open_page(recorder)
    page.check("#indicator-eh-1-1")
    wait_for_headline(page, 1)
    page.uncheck("#indicator-eh-1-1")
    page.locator("#risk-headline", has_text=RULE.none_ticked).wait_for()
    assert "No information recorded" not in page.locator(".risk-profile").inner_text()


def test_the_whole_grid_works_by_keyboard(recorder: Any, served: Deployed) -> None:
    page = open_page(recorder)
    order = [
        i.id
        for d in PROTOCOL.categories.domains
        for level in PROTOCOL.categories.levels
        for i in d.in_category(level.number)
    ]
    page.focus("#risk-form [data-action='clear-all']")
    focused: list[str] = []
    for _ in range(3 * len(order)):
        page.keyboard.press("Tab")
        active = page.evaluate("document.activeElement.id")
        if active.startswith("indicator-"):
            focused.append(active.removeprefix("indicator-"))
            if active in ("indicator-srt-2-1", "indicator-srt-3-1", "indicator-sh-3-2"):
                page.keyboard.press("Space")
        if len(focused) == len(order):
            break
    assert focused == order
    assert [page.is_checked(f"#indicator-{i}") for i in ("srt-2-1", "srt-3-1", "sh-3-2")] == [
        True
    ] * 3
    wait_for_headline(page, 3)
    page.locator(".risk-profile", has_text="Category 3: 2").wait_for()  # the theme once
    assert "counted once" in page.locator(".risk-profile").inner_text()


# Exports -------------------------------------------------------------------------------


def test_the_profile_downloads_as_word_with_the_agreed_category_left_blank(
    recorder: Any, served: Deployed
) -> None:
    page = open_page(recorder)
    page.check("#indicator-eh-1-1")
    page.check("#indicator-rm-3-2")
    wait_for_headline(page, 3)
    with page.expect_download() as caught:
        page.click("[data-action='download']")
    download = caught.value
    assert download.suggested_filename.endswith(".docx")
    text = document_text(Path(download.path()).read_bytes())
    assert highest(3) in text
    assert RULE.agreed_blank in text and RULE.prompts[1].text in text
    assert "Poor self-image" in text and "Pattern of street homelessness" in text
    assert RULE.decision_support in text
    assert "Recorded" not in text and "Suggested" not in text
    assert f"{RULE.agreed_blank}: ___" in page.input_value("#risk-text")
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


# Hand-offs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "to", "profile_field", "category_field", "empty_dates"),
    [
        pytest.param(
            "cc-3-3",
            "strategy-meeting",
            "indicator_profile",
            "agreed_category",
            (),
            id="into_the_strategy_meeting_minutes_which_record_the_category",
        ),
        pytest.param(
            "sh-3-2",
            "monthly-report",
            "strategy_reading",
            "last_strat_category",
            ("last_strat_category_date", "last_strat_date"),
            id="into_the_monthly_reports_attachment_field_whose_level_stays_empty",
        ),
    ],
)
def test_6_3_the_hand_off_fills_in_the_reading_and_leaves_the_category_unrecorded(
    recorder: Any,
    served: Deployed,
    indicator: str,
    to: str,
    profile_field: str,
    category_field: str,
    empty_dates: tuple[str, ...],
) -> None:
    page = open_page(recorder)
    page.check(f"#indicator-{indicator}")  # a Category 3 indicator
    wait_for_headline(page, 3)
    hand_off(page, to)
    reading = page.input_value(f"#f-{profile_field}")
    assert reading.startswith(RULE.title) and highest(3) in reading
    assert page.locator(f"[name='{category_field}']:checked").count() == 0
    if to == "monthly-report":
        assert page.input_value("#f-risk_level_rationale") == ""
        assert page.locator("#f-strategy_reading-added").inner_text() == ADDED_NOTICE
    for field in empty_dates:
        for part in ("day", "month", "year"):
            assert page.input_value(f"#f-{field}-{part}") == ""
    recorder.assert_clean()


def test_6_9_the_category_agreed_in_the_minutes_with_its_rationale_and_date_reaches_the_report(
    recorder: Any, served: Deployed
) -> None:
    page = arrive(recorder, "forms/strategy-meeting/")
    page.wait_for_selector(FORM_READY, timeout=START_LIMIT_MS)
    page.check("[name='agreed_category'][value='Category 2']")
    page.fill("#f-meeting_date-day", "4")
    page.fill("#f-meeting_date-month", "3")
    page.fill("#f-meeting_date-year", "2027")
    page.fill("#f-category_rationale", "Exchange for a place to stay; the partnership agreed.")
    hand_off(page, "monthly-report")
    assert page.is_checked("[name='last_strat_category'][value='Category 2']")
    for field in ("last_strat_category_date", "last_strat_date"):
        parts = [page.input_value(f"#f-{field}-{p}") for p in ("day", "month", "year")]
        assert parts == ["4", "3", "2027"], field
    assert page.input_value("#f-risk_level_rationale") == (
        "Exchange for a place to stay; the partnership agreed."
    )
    added = page.locator("#f-last_strat_category_date-added")
    assert added.inner_text() == ADDED_NOTICE
    assert "f-last_strat_category_date-added" in (
        page.locator("#f-last_strat_category_date").get_attribute("aria-describedby") or ""
    )
    recorder.assert_clean()


def test_clear_all_case_data_leaves_nothing_on_the_page_or_in_storage(
    recorder: Any, served: Deployed
) -> None:
    page = open_page(recorder)
    page.check("#indicator-sh-3-2")
    page.check("#indicator-cc-2-5")
    wait_for_headline(page, 3)
    page.click("[data-action='hand-off'][data-to='monthly-report']")
    page.locator(".export-status a").wait_for()
    assert "Pregnancy" in page.input_value("#risk-text")
    assert page.locator("#compare-coercion-control").is_visible()

    page.click("[data-action='clear-all']")
    assert page.locator("#risk-form input:checked").count() == 0
    page.locator("#risk-headline", has_text=RULE.none_ticked).wait_for()
    assert page.input_value("#risk-text").find("Pregnancy") == -1
    assert page.locator(".risk-compare:visible").count() == 0
    assert page.locator("#risk-form .export-status").inner_text() == ""
    assert "cleared" in page.locator("#risk-form .clear-status").inner_text().lower()
    assert "Pregnancy (Category 3)" not in page.content()
    assert "Physical injuries –external/ internal ✓" not in page.content()
    assert page.evaluate(MEMORY_JS, None) is False
    assert page.evaluate("sessionStorage.length") == 0
    local = page.evaluate("JSON.stringify(Object.entries(localStorage))")
    assert "Pregnancy" not in local and "Category" not in local
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


# The reading never becomes the level (clauses 6.3, 6.9) --------------------------------


def level_fields_are_empty(page: Any, template_id: str) -> None:
    """Every field the form names for the level or category (`records: level`) is empty."""
    for field in PROTOCOL.template(template_id).fields:
        if not field.records_level:
            continue
        if field.type == "choice":
            assert page.locator(f"[name='{field.id}']:checked").count() == 0, field.id
        else:
            assert page.input_value(f"#f-{field.id}") == "", field.id


def test_6_3_after_every_hand_off_of_the_risk_page_every_level_field_is_empty_until_the_minutes(
    recorder: Any, served: Deployed
) -> None:
    """Tick Category 3 and Category 1 indicators, use every hand-off of the risk page, and
    every form's level and category fields stay empty, until the category the strategy
    meeting agreed, handed on from its minutes, fills the monthly report's."""
    forms = [t for t in PROTOCOL.templates if t.filled_by is None]
    handoffs = PROTOCOL.template("risk-summary").handoffs
    assert {h.to for h in handoffs} == {"strategy-meeting", "monthly-report"}
    page = open_page(recorder)  # every hand-off at once: what waits in memory for each form
    page.check("#indicator-cc-3-3")
    page.check("#indicator-eh-1-1")
    wait_for_headline(page, 3)
    for handoff in handoffs:
        page.click(f"[data-action='hand-off'][data-to='{handoff.to}']")
        page.locator(".export-status a").wait_for()
    for template in forms:
        waiting = peek_handoff(page, template.id)
        levels = {f.id for f in template.fields if f.records_level}
        assert waiting is None or not levels & set(waiting["fields"]), template.id
        assert (waiting is not None) == (template.id in {h.to for h in handoffs})
    for handoff in handoffs:
        page = open_page(recorder)
        page.check("#indicator-cc-3-3")  # Category 3
        page.check("#indicator-eh-1-1")  # Category 1
        page.check("#indicator-srt-3-1")  # Category 3, the same words under Category 2
        wait_for_headline(page, 3)
        hand_off(page, handoff.to)
        [(field, _)] = handoff.fields
        reading = page.input_value(f"#f-{field}")
        assert "Getting into strangers cars: listed under Categories 2 and 3" in reading
        level_fields_are_empty(page, handoff.to)
    for template in forms:  # in the same tab, with what it keeps in memory
        go(page, recorder.url(f"forms/{template.id}/"))
        page.wait_for_selector(FORM_READY, timeout=START_LIMIT_MS)
        level_fields_are_empty(page, template.id)

    # The meeting agrees Category 1, with its own rationale, in its minutes.
    page = recorder.page
    page.goto(recorder.url("forms/strategy-meeting/"))
    page.wait_for_selector(FORM_READY, timeout=START_LIMIT_MS)
    page.check("[name='agreed_category'][value='Category 1']")
    page.fill("#f-category_rationale", "Grooming online; no evidence of an offence.")
    for part, value in (("day", "6"), ("month", "9"), ("year", "2027")):
        page.fill(f"#f-meeting_date-{part}", value)
    hand_off(page, "monthly-report")
    assert page.is_checked("[name='last_strat_category'][value='Category 1']")
    assert page.locator("[name='last_strat_category']:checked").count() == 1
    rationale = page.input_value("#f-risk_level_rationale")
    assert rationale == "Grooming online; no evidence of an offence."
    assert "Category 3" not in rationale and RULE.title not in rationale
    assert [page.input_value(f"#f-last_strat_category_date-{p}") for p in ("day", "month")] == [
        "6",
        "9",
    ]
    recorder.assert_clean()
