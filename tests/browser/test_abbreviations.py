"""Abbreviations show their expansion without being a tab stop each (issue 17, item 9)."""

from __future__ import annotations

from typing import Any

import pytest

from handbook.build.loader import load_protocol
from tests.support.deploy_servers import Deployed

pytestmark = pytest.mark.browser

# For each abbreviation on the page: is any one a tab stop, and does the text at its
# first use in running text (not a heading, link or button) come with its expansion?
READ_ABBREVIATIONS = """() => {
    const all = [...document.querySelectorAll("article abbr")];
    const firsts = {};
    for (const abbr of all) {
        if (abbr.closest("h1, h2, h3, h4, h5, h6, a, button, summary, label, legend")) continue;
        if (abbr.textContent in firsts) continue;
        const after = abbr.nextSibling;
        const upTo = document.createRange();  // the page's text up to this first use
        upTo.setStart(document.querySelector("article"), 0);
        upTo.setEndAfter(abbr);
        firsts[abbr.textContent] = {
            title: abbr.title,
            before: upTo.toString(),
            after: after && after.nodeType === 1 ? after.textContent : "",
        };
    }
    return {
        count: all.length,
        tabStops: all.filter((abbr) => abbr.tabIndex >= 0).map((abbr) => abbr.textContent),
        firsts,
    };
}"""


def test_on_the_induction_path_the_abbreviations_add_no_tab_stops_and_are_expanded_at_first_use(
    recorder: Any, served: Deployed
) -> None:
    glossary = {a.abbr: a.expansion for a in load_protocol().protocol.glossary}
    page = recorder.page
    page.goto(recorder.url("training/"))
    page.wait_for_load_state("load")
    found = page.evaluate(READ_ABBREVIATIONS)
    assert found["count"] > 5  # the path is full of them
    assert found["tabStops"] == []
    assert len(found["firsts"]) > 2
    for abbr, first in found["firsts"].items():
        assert first["title"] == glossary[abbr]
        # expanded right after it, or spelt out by the page's own words before it
        spelt_out = glossary[abbr].lower() in first["before"].lower()
        assert spelt_out or first["after"] == f" ({glossary[abbr]})", abbr
    recorder.assert_clean()


def test_an_abbreviation_keeps_its_expansion_as_its_title(recorder: Any, served: Deployed) -> None:
    expansion = next(a.expansion for a in load_protocol().protocol.glossary if a.abbr == "TM")
    page = recorder.page
    page.goto(recorder.url("directive/section-6/"))
    abbreviation = page.locator("#clause-6-1 abbr", has_text="TM").first
    assert abbreviation.get_attribute("title") == expansion
    recorder.assert_clean()
