"""Abbreviations show their expansion from the glossary on focus, so keyboard users get it too."""

from __future__ import annotations

from typing import Any

import pytest

from handbook.build.loader import load_protocol
from tests.support.static_server import Site

pytestmark = pytest.mark.browser


def test_focusing_an_abbreviation_shows_its_expansion(recorder: Any, served: Site) -> None:
    expansion = next(a.expansion for a in load_protocol().protocol.glossary if a.abbr == "TM")
    page = recorder.page
    page.goto(recorder.url("directive/section-6/"))
    abbreviation = page.locator("#clause-6-1 abbr", has_text="TM").first
    assert abbreviation.get_attribute("title") == expansion  # the built page, before any script
    # focus it, again if the theme's script had not yet mounted its tooltips
    page.wait_for_function(
        """() => {
            const abbreviation = document.querySelector("#clause-6-1 abbr");
            abbreviation.blur();
            abbreviation.focus();
            return abbreviation.hasAttribute("aria-describedby");
        }""",
        polling=250,
        timeout=10_000,
    )
    tooltip_id = abbreviation.get_attribute("aria-describedby")
    tooltip = page.locator(f"[id='{tooltip_id}']")
    tooltip.wait_for(state="visible")
    assert expansion in tooltip.inner_text()
    recorder.assert_clean()
