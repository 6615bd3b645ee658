"""Daily use: clause cross-references are links, the immediate-danger notice is where it is needed,
and everything the handbook adds to the directive's words is marked as the handbook's."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

from handbook.build.generated_pages import generated_pages
from handbook.build.loader import PROTOCOL_PATH, load_protocol
from handbook.build.site_build import build_site
from handbook.build.steps import after_first_heading, needs_immediate_danger_notice
from handbook.pages.directive import immediate_danger

PROTOCOL = load_protocol().protocol


def read(site: Path, page: str) -> str:
    path = site / page / "index.html" if page else site / "index.html"
    return path.read_text(encoding="utf-8")


def article(site: Path, page: str) -> str:
    found = re.search(r"<article.*?</article>", read(site, page), re.S)
    assert found, page
    return re.sub(r"<abbr[^>]*>|</abbr>", "", found.group(0))


# Cross-references in clause text ------------------------------------------------

# (clause, the directive's words, the page they lead to, from directive/section-N/)
CROSS_REFERENCES = [
    ("4.6", "Appendices section", "../../forms/mase-referral/"),
    ("5.1", "Appendices", "../../forms/final-report/"),
    ("6.3", "Appendices", "../../categories/"),
    ("6.7", "section 4", "../section-4/"),
    ("6.15", "appendices", "../../forms/strategy-meeting/"),
]


@pytest.mark.parametrize(("clause_id", "words", "href"), CROSS_REFERENCES)
def test_a_cross_reference_in_a_clause_is_a_link_on_the_directives_own_words(
    built_site: Path, clause_id: str, words: str, href: str
) -> None:
    page = article(built_site, f"directive/section-{clause_id.split('.')[0]}")
    clause = re.search(
        rf'<div class="clause" id="clause-{clause_id.replace(".", "-")}">(.*?)</div>', page, re.S
    )
    assert clause, clause_id
    assert f'<a href="{href}">{words}</a>' in clause.group(1)
    page_dir = built_site / "directive" / f"section-{clause_id.split('.')[0]}"
    assert (page_dir / href / "index.html").resolve().is_file(), href


def test_an_unknown_cross_reference_stops_the_build_naming_the_clause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "protocol.yaml"
    original = PROTOCOL_PATH.read_text(encoding="utf-8")
    bad.write_text(original.replace("in {section:4|section 4})", "in {section:99|section 4})"))
    site = tmp_path / "site"
    assert build_site(site_dir=site, protocol_path=bad, quiet=True) == 2
    error = capsys.readouterr().err
    assert "sections[5].clauses[6].text" in error
    numbers = ", ".join(str(s.number) for s in load_protocol().protocol.sections)
    assert f"expected a section number ({numbers})" in error and "'99'" in error
    assert not site.exists()


# The immediate-danger notice ------------------------------------------------------

NOTICE_PAGES = [
    "",
    "calculators/risk",
    "calculators/dates",
    "forms",
    "forms/mase-referral",
    "forms/monthly-report",
    "forms/final-report",
    "forms/strategy-meeting",
    "forms/risk-summary",
]


@pytest.mark.parametrize("page", NOTICE_PAGES)
def test_the_home_calculator_and_form_pages_say_call_999_as_a_handbook_note(
    built_site: Path, page: str
) -> None:
    content = html.unescape(article(built_site, page))
    notice = re.search(
        r'<div class="admonition danger immediate-danger">(.*?)</div>', content, re.S
    )
    assert notice, page
    assert PROTOCOL.immediate_danger.text in notice.group(1)
    assert re.search(
        r'class="handbook-marker" href="[./]*decisions/#note-immediate-danger"', notice.group(1)
    )
    assert content.index("</h1>") < content.index("immediate-danger")  # after the page's heading
    # no out-of-hours sentence while its number is not filled in
    assert "out-of-hours" not in re.sub(r"<[^>]+>", "", notice.group(1))


@pytest.mark.parametrize("page", ["directive/section-6", "glossary", "contacts", "about"])
def test_reading_pages_carry_no_notice(built_site: Path, page: str) -> None:
    assert "admonition danger immediate-danger" not in article(built_site, page)


def test_every_calculator_and_form_page_is_covered(root: Path) -> None:
    pages = [p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")]
    pages += [page.src_uri for page in generated_pages(PROTOCOL)]  # made from the protocol
    assert "forms/mase-referral.md" in pages
    for page in pages:
        if page.startswith(("calculators/", "forms/")) or page == "index.md":
            assert needs_immediate_danger_notice(page, ""), page
    assert needs_immediate_danger_notice("training/scenario.md", '<form data-calculator="risk">')
    assert not needs_immediate_danger_notice("directive/section-6.md", "<p>6.1</p>")


def test_a_filled_out_of_hours_number_is_shown_under_the_999_line() -> None:
    filled = dataclasses.replace(
        PROTOCOL,
        immediate_danger=dataclasses.replace(
            PROTOCOL.immediate_danger, out_of_hours_number="020 8430 2000"
        ),
    )
    notice = immediate_danger(filled, "forms/mase-referral.md")
    assert "on 020 8430 2000.</p>" in html.unescape(notice)
    assert 'href="../../decisions/#note-immediate-danger"' in notice


def test_the_notice_goes_after_the_heading() -> None:
    page = '<h1 id="x">Title</h1><p>Intro</p>'
    assert (
        after_first_heading(page, "<div>N</div>")
        == '<h1 id="x">Title</h1>\n<div>N</div><p>Intro</p>'
    )


# The handbook's words, marked as such --------------------------------------------


def test_the_glossary_marks_the_handbooks_readings_and_only_those(built_site: Path) -> None:
    page = html.unescape(article(built_site, "glossary"))
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", page, re.S)
    assert len(rows) == len(PROTOCOL.glossary)
    marked = {term for term, meaning in rows if "Handbook's reading, to be confirmed" in meaning}
    assert marked == {a.abbr for a in PROTOCOL.glossary if a.to_confirm}
    assert marked == {"Carefirst", "P no.", "Strat", "triage"}
    assert page.count('href="../decisions/#note-glossary-readings"') == 4


def test_the_handbooks_label_on_clause_2_1_is_marked_as_a_handbook_note(built_site: Path) -> None:
    page = html.unescape(article(built_site, "directive/section-2"))
    label = PROTOCOL.clause("2.1").text
    assert (
        '<span class="handbook-label"><a class="handbook-marker" '
        f'href="../../decisions/#note-handbook-labels">Handbook note</a> {label}</span>'
    ) in page
    others = html.unescape(article(built_site, "directive/section-6"))
    assert "handbook-label" not in others
