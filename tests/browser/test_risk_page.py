"""The risk page in Chromium: the Appendix B grid, the live Appendix B reading for the
strategy meeting and its exports. The hand-offs are in test_risk_hand_offs.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from risk_page import PROTOCOL, RULE, document_text, highest, open_page, wait_for_headline

from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser


@pytest.fixture
def recorder(tab: Any) -> Any:
    """This module's tests share one tab and one start of the calculators (conftest `tab`):
    each arrives at its page afresh, with the tab's memory forgotten."""
    return tab


# The grid ----------------------------------------------------------------------------


def test_the_grid_is_a_fieldset_per_domain_and_each_box_names_its_category_appendix_b(
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


def test_one_category_3_indicator_gives_a_profile_resting_on_it_with_the_definition_clause_6_3(
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


def test_a_theme_ticked_at_two_levels_counts_once_and_shows_its_siblings_clause_6_3(
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


def test_nothing_ticked_says_nothing_ticked_clause_6_3(recorder: Any, served: Deployed) -> None:
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


def test_the_profile_downloads_as_word_with_the_agreed_category_left_blank_clauses_6_3_6_9(
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
