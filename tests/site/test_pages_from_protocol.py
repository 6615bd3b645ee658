"""A new section (7 after the directive's six; the next number after a revision's) and a new
template are a YAML edit: the build makes their pages and nav entries."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from handbook.build.loader import PROTOCOL_PATH, load_protocol
from handbook.build.site_build import ROOT, build_site

# The section after the protocol's last (7 in Newham's directive as transcribed).
N = load_protocol().protocol.sections[-1].number + 1
SECTION = f"""\
  - number: {N}
    title: Reviewing this directive zqxj
    clauses:
      - id: "{N}.1"
        text: The protocol owner reviews this directive every year zqxj.
"""
NEW_TEMPLATE = f"""\
  - id: review-note
    title: Directive review note zqxj
    clauses: ["{N}.1"]
    sections:
      - id: review
        title: Review
        fields:
          - {{id: reviewed_by, label: "Reviewed by zqxj", type: text, required: true}}
          - {{id: reviewed_on, label: "Reviewed on", type: date}}
"""


def read(site: Path, page: str) -> str:
    return html.unescape((site / page / "index.html").read_text(encoding="utf-8"))


def nav_links(page: str) -> list[tuple[str, str]]:
    """(href, text) of every link in the page's navigation panel, in order."""
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>', page, re.S)
    assert nav, "no navigation panel"
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*">(.*?)</a>', nav.group(0), re.S)
    return [
        (href, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()) for href, text in links
    ]


@pytest.fixture(scope="module")
def site_with_a_new_section(tmp_path_factory: pytest.TempPathFactory) -> Path:
    original = PROTOCOL_PATH.read_text(encoding="utf-8")
    assert original.count("\ncategories:\n") == 1
    changed = original.replace("\ncategories:\n", SECTION + "\ncategories:\n")
    # The new template goes at the end of `templates:`, before the next top-level key.
    start = changed.index("\ntemplates:\n")
    after = re.compile(r"^[a-z_]+:", re.M).search(changed, start + len("\ntemplates:\n"))
    end = after.start() if after else len(changed)
    changed = changed[:end].rstrip("\n") + "\n" + NEW_TEMPLATE + "\n" + changed[end:]
    folder = tmp_path_factory.mktemp("new-section")
    protocol = folder / "protocol.yaml"
    protocol.write_text(changed, encoding="utf-8")
    site = folder / "site"
    assert build_site(site_dir=site, protocol_path=protocol, quiet=True) == 0
    return site


def test_the_new_section_has_its_page_title_and_clause_anchor(
    site_with_a_new_section: Path,
) -> None:
    page = read(site_with_a_new_section, f"directive/section-{N}")
    assert re.search(rf"<h1[^>]*>{N}\. Reviewing this directive zqxj", page)
    assert f'id="clause-{N}-1"' in page and f'href="#clause-{N}-1"' in page
    assert "The protocol owner reviews this directive every year zqxj." in page


def test_the_new_template_has_a_form_page(site_with_a_new_section: Path) -> None:
    page = read(site_with_a_new_section, "forms/review-note")
    assert re.search(r"<h1[^>]*>Directive review note zqxj", page)
    assert '<form id="form-review-note"' in page
    assert "Reviewed by zqxj" in page
    assert (
        f'href="../../directive/section-{N}/#clause-{N}-1"' in page
    )  # "Directive: clause 7.1" in Newham


def test_both_are_in_the_navigation_after_the_pages_before_them(
    site_with_a_new_section: Path,
) -> None:
    links = nav_links(read(site_with_a_new_section, "about"))
    hrefs = [href for href, _ in links]
    last = hrefs.index(f"../directive/section-{N - 1}/")
    assert links[last + 1] == (f"../directive/section-{N}/", f"{N}. Reviewing this directive zqxj")
    risk_summary = hrefs.index("../forms/risk-summary/")
    assert links[risk_summary + 1] == ("../forms/review-note/", "Directive review note zqxj")


def test_the_directive_and_forms_indexes_list_them(site_with_a_new_section: Path) -> None:
    assert f'href="section-{N}/"' in read(site_with_a_new_section, "directive")
    assert 'href="review-note/"' in read(site_with_a_new_section, "forms")


def test_nothing_but_the_protocol_was_written_for_them() -> None:
    assert not (ROOT / "docs" / "directive" / f"section-{N}.md").exists()
    assert not list((ROOT / "docs").rglob("section-*.md")), "section pages are generated"
    assert not (ROOT / "docs" / "forms" / "review-note.md").exists()


def test_a_calculator_the_handbook_lacks_stops_the_build(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    original = PROTOCOL_PATH.read_text(encoding="utf-8")
    assert original.count("    filled_by: risk\n") == 1
    protocol = tmp_path / "protocol.yaml"
    protocol.write_text(original.replace("    filled_by: risk\n", "    filled_by: quiz\n"), "utf-8")
    assert build_site(site_dir=tmp_path / "site", protocol_path=protocol, quiet=True) != 0
    assert not (tmp_path / "site").exists()
    err = capfd.readouterr().err
    assert "'quiz'" in err, err
