"""Abbreviations are marked from the glossary, focusable unless a link or button holds them."""

from __future__ import annotations

from calculators.protocol import Abbreviation
from handbook.postprocess.abbreviations import mark_abbreviations

GLOSSARY = (Abbreviation("CSE", "Child sexual exploitation"), Abbreviation("TM", "Team manager"))
FOCUSABLE = '<abbr title="Child sexual exploitation" tabindex="0">CSE</abbr>'
TITLE_ONLY = '<abbr title="Child sexual exploitation">CSE</abbr>'


def test_an_abbreviation_in_running_text_is_focusable() -> None:
    assert mark_abbreviations("<p>The CSE lead</p>", GLOSSARY) == f"<p>The {FOCUSABLE} lead</p>"


def test_an_abbreviation_inside_a_link_or_button_keeps_its_title_but_takes_no_focus() -> None:
    marked = mark_abbreviations(
        '<a href="x">CSE forms</a><button>Use in CSE report</button>', GLOSSARY
    )
    assert (
        marked == f'<a href="x">{TITLE_ONLY} forms</a><button>Use in {TITLE_ONLY} report</button>'
    )


def test_focus_returns_after_the_link_closes() -> None:
    marked = mark_abbreviations('<p><a href="x"><b>CSE</b></a> and CSE</p>', GLOSSARY)
    assert marked == f'<p><a href="x"><b>{TITLE_ONLY}</b></a> and {FOCUSABLE}</p>'


def test_code_and_attributes_are_left_alone() -> None:
    page = '<p title="CSE"><code>CSE</code></p>'
    assert mark_abbreviations(page, GLOSSARY) == page
