"""The edition's status is the protocol owner's to set: until approved, every built page
says so, no page states an effective date, and one page lists the owner's decisions."""

from __future__ import annotations

import html
import re
from pathlib import Path

from calculators.wording import long_date
from handbook.build.loader import load_protocol
from handbook.pages.edition import edition_notice

PROTOCOL = load_protocol().protocol


def text_of(page: Path) -> str:
    markup = page.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))


def pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    assert len(found) > 20
    return found


def test_todays_protocol_is_a_draft() -> None:
    assert PROTOCOL.metadata.status == "draft"
    assert PROTOCOL.metadata.approved_by is None and PROTOCOL.metadata.approved_on is None


def test_home_page_says_the_edition_is_not_yet_approved_and_states_no_effective_date(
    built_site: Path,
) -> None:
    home = text_of(built_site / "index.html")
    assert "not yet approved by the protocol owner" in home
    assert "effective" not in home.lower()
    assert long_date(PROTOCOL.metadata.effective_date) not in home
    assert "Version 1.0, effective from" not in home


def test_every_page_says_the_edition_is_not_yet_approved(built_site: Path) -> None:
    notice = re.sub(r"\s+", " ", edition_notice(PROTOCOL))
    assert "not yet approved by the protocol owner" in notice
    for page in pages(built_site):
        markup = page.read_text(encoding="utf-8")
        banner = re.search(r'<aside class="md-banner">(.*?)</aside>', markup, re.S)
        assert banner, f"{page} has no edition banner"
        assert notice in re.sub(r"\s+", " ", html.unescape(banner.group(1))), page
        link = PROTOCOL.metadata.handbook_wording["link_words"]
        assert re.search(rf'<a href="[./]*(decisions/)?">{link}</a>', banner.group(1)), page


def test_the_printed_pages_keep_the_edition_banner(built_site: Path) -> None:
    css = (built_site / "stylesheets" / "print.css").read_text(encoding="utf-8")
    assert re.search(r"@media print\s*{\s*\.md-banner\s*{\s*display:\s*block", css)


def test_no_page_states_an_effective_or_review_date(built_site: Path) -> None:
    m = PROTOCOL.metadata
    for page in pages(built_site):
        text = text_of(page)
        assert "effective from" not in text.lower(), page
        assert "Next review" not in text, page
        if page.parent.name != "planner":  # the year planner lists that day's panels
            assert long_date(m.effective_date) not in text, page
        assert long_date(m.next_review_date) not in text, page


def test_the_decisions_page_lists_the_owner_questions_with_their_status(
    built_site: Path,
) -> None:
    page = text_of(built_site / "decisions" / "index.html")
    for decision in PROTOCOL.decisions:
        assert decision.title in page
    assert page.count("Open: for the protocol owner to decide.") == len(PROTOCOL.open_decisions)
    assert f"{len(PROTOCOL.open_decisions)} of {len(PROTOCOL.decisions)} are open" in page
    for words in ("2017", "2021", "13 February 2024", "out-of-hours", "MASE coordinator"):
        assert words in page


def test_no_page_says_it_has_no_list_of_bank_holidays(built_site: Path) -> None:
    """Every page, the printed scenario pack included, is built from the protocol with its
    generated bank holidays (as `grep -c "no list of bank holidays"` over the site: 0)."""
    count = sum(
        page.read_text(encoding="utf-8").count("no list of bank holidays")
        for page in built_site.rglob("*")
        if page.is_file() and page.suffix in {".html", ".json", ".js", ".txt", ".xml"}
    )
    assert count == 0
    pack = text_of(built_site / "training" / "scenario-pack" / "index.html")
    assert "Due dates on the scenario's dates" in pack
