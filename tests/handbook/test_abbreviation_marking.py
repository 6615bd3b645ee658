"""Abbreviations are marked from the glossary, none a tab stop, the first use in running
text expanded."""

from __future__ import annotations

from calculators.protocol import Abbreviation
from handbook.postprocess.abbreviations import mark_abbreviations

GLOSSARY = (Abbreviation("CSE", "Child sexual exploitation"), Abbreviation("TM", "Team manager"))
CSE = '<abbr title="Child sexual exploitation">CSE</abbr>'
EXPANDED = f'{CSE}<span class="abbr-expansion"> (Child sexual exploitation)</span>'


def test_the_first_use_in_running_text_is_expanded_and_the_rest_are_plain() -> None:
    marked = mark_abbreviations("<p>The CSE lead</p><p>CSE again</p>", GLOSSARY)
    assert marked == f"<p>The {EXPANDED} lead</p><p>{CSE} again</p>"


def test_no_abbreviation_is_a_tab_stop() -> None:
    assert "tabindex" not in mark_abbreviations("<p>CSE and TM, CSE</p>", GLOSSARY)


def test_headings_links_and_buttons_keep_their_words_and_the_expansion_waits() -> None:
    marked = mark_abbreviations(
        '<h2>CSE</h2><a href="x">CSE forms</a><button>Use in CSE report</button><p>CSE</p>',
        GLOSSARY,
    )
    assert marked == (
        f'<h2>{CSE}</h2><a href="x">{CSE} forms</a><button>Use in {CSE} report</button>'
        f"<p>{EXPANDED}</p>"
    )


def test_a_page_that_spells_the_expansion_out_already_is_not_expanded_again() -> None:
    marked = mark_abbreviations("<p>Child Sexual Exploitation (CSE) and CSE</p>", GLOSSARY)
    assert marked == f"<p>Child Sexual Exploitation ({CSE}) and {CSE}</p>"
    glossary = "<table><tr><td>CSE</td><td>Child sexual exploitation</td></tr></table>"
    assert "abbr-expansion" not in mark_abbreviations(glossary, GLOSSARY)


def test_code_and_attributes_are_left_alone() -> None:
    page = '<p title="CSE"><code>CSE</code></p>'
    assert mark_abbreviations(page, GLOSSARY) == page
