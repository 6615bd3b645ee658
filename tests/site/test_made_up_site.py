"""The made-up protocol (tests/fixtures) builds into a full site with no code change.

Four levels, weighted bands, a section 7, a panel on the 2nd Tuesday, a referral 10
working days before it, a report on the last Friday and a review every 6 weeks: each
page reads them from the protocol, never Newham's three categories or rule ids.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from calculators.wording import long_date
from handbook.build.loader import load_protocol
from handbook.build.site_build import build_site

MADE_UP = Path(__file__).resolve().parent.parent / "fixtures" / "made_up_protocol.yaml"


def read(site: Path, page: str) -> str:
    return html.unescape((site / page / "index.html").read_text(encoding="utf-8"))


def text_of(markup: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)).strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("made-up") / "site"
    assert build_site(site_dir=folder, protocol_path=MADE_UP, quiet=True) == 0
    return folder


def test_its_section_7_has_a_page(site: Path) -> None:
    section = load_protocol(MADE_UP).protocol.section(7)
    page = read(site, "directive/section-7")
    assert re.search(rf"<h1[^>]*>7\. {re.escape(section.title)}", page)
    assert f'id="clause-{section.clauses[0].id.replace(".", "-")}"' in page


def test_the_categories_page_has_its_four_levels(site: Path) -> None:
    levels = load_protocol(MADE_UP).protocol.categories.levels
    assert len(levels) == 4
    page = text_of(read(site, "categories"))
    for level in levels:
        assert level.name in page and level.definition in page
    assert "Category 3" not in page  # none of Newham's names


def test_the_risk_page_shows_its_weighted_bands_clause_6_2(site: Path) -> None:
    protocol = load_protocol(MADE_UP).protocol
    page = read(site, "calculators/risk")
    bands = re.search(r'<table class="risk-bands">.*?</table>', page, re.S)
    assert bands, "no table of bands"
    rows = [text_of(row) for row in re.findall(r"<tr>.*?</tr>", bands.group(0), re.S)][1:]
    assert rows == [
        "Low 0 to 3 Level 1 (emerging)",
        "Medium 4 to 7 Level 2 (moderate)",
        "High 8 to 12 Level 3 (significant)",
        "Very high 13 or more Level 4 (severe)",
    ]
    assert [b.name for b in protocol.risk_rule.bands] == ["Low", "Medium", "High", "Very high"]


def test_its_form_has_a_page(site: Path) -> None:
    page = read(site, "forms/panel-referral")
    assert re.search(r"<h1[^>]*>Panel referral form", page)
    assert '<form id="form-panel-referral"' in page
    assert "Child's name" in page


def test_the_planner_follows_its_rules_clauses_4_1_5_1(site: Path) -> None:
    page = text_of(read(site, "planner"))
    assert (
        "2nd Tuesday" in page
        and "Refer a child to the panel at least 10 working days before it meets." in page
    )
    assert "last Friday" in page


def test_the_pages_own_words_name_its_rules(site: Path) -> None:
    dates = text_of(read(site, "calculators/dates"))
    assert (
        "When is the next multi-agency panel, and the panel referral deadline for it? When is "
        "the next monthly report deadline, and by when the next review meeting?" in dates
    )
    risk = text_of(read(site, "calculators/risk"))
    assert load_protocol(MADE_UP).protocol.risk_rule.title in risk
    assert "Appendix B" not in risk
    home = text_of(read(site, ""))
    assert "Find when the panel referral deadline, the monthly report deadline and the next" in home
    assert "MASE" not in home


def test_an_approved_edition_states_who_approved_it_and_its_effective_date(site: Path) -> None:
    m = load_protocol(MADE_UP).protocol.metadata
    assert m.approved
    home = text_of(read(site, ""))
    assert f"approved by {m.approved_by}" in home
    assert long_date(m.effective_date) in home and long_date(m.next_review_date) in home
    assert "Guide 0.1, approved by" in home  # its banner, from its own wording
    assert "Not approved yet" not in home


NEWHAM_WORDS = re.compile(r"newham|\bMASE\b|police categor|Jane Sharp|appendix B", re.I)


def test_its_name_description_and_menu_are_its_own(site: Path) -> None:
    protocol = load_protocol(MADE_UP).protocol
    home = read(site, "")
    assert f"<title>{protocol.metadata.short_title}</title>" in home
    assert f'<meta name="description" content="{protocol.site.description}">' in home
    menu = text_of(home[home.index("md-nav--primary") : home.index("md-sidebar--secondary")])
    for label in ("Start", "The guide", "Levels and indicators", "Tools", "Learning"):
        assert label in menu
    assert "Categories and indicators" not in menu and "Training" not in menu


def test_its_dates_form_is_labelled_in_its_own_words(site: Path) -> None:
    page = text_of(read(site, "calculators/dates"))
    assert "Is the child living outside Testford?" in page
    assert "Reviews then follow the agreed interval, not every 6-6 weeks (clause 6.3)." in page
    assert "strategy meeting" not in page.lower()


@pytest.mark.parametrize(
    "page",
    [
        "",
        "categories",
        "accessibility",
        "training/quiz",
        "training/scenarios",
        "training/language",
        "training/scenario-pack",
        "calculators/dates",
    ],
)
def test_its_thin_pages_say_nothing_of_newham(site: Path, page: str) -> None:
    protocol = load_protocol(MADE_UP).protocol
    text = text_of(read(site, page)).replace(protocol.metadata.purpose, "")
    assert not NEWHAM_WORDS.findall(text)
