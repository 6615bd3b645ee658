"""The risk page's hand-offs in Chromium: its reading into the strategy meeting's
minutes and the monthly report, and the category the minutes record into the report.

No category is recorded on the risk page: the strategy meeting sets the risk level and
its minutes carry the agreed category to the monthly report. No hand-off puts the
reading into a field a form names for the level (`records: level`, clauses 6.3 and 6.9).
"""

from __future__ import annotations

from typing import Any

import pytest
from navigation import MEMORY_JS, START_LIMIT_MS, arrive, go, peek_handoff
from risk_page import FORM_READY, PROTOCOL, RULE, hand_off, highest, open_page, wait_for_headline

from calculators.documents.text import ADDED_NOTICE
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser


@pytest.fixture
def recorder(tab: Any) -> Any:
    """This module's tests share one tab and one start of the calculators (conftest `tab`):
    each arrives at its page afresh, with the tab's memory forgotten."""
    return tab


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
