"""The accessibility statement says what the tests really do: the same pages, tools and versions."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from handbook.build.loader import load_protocol
from tests.support.accessibility_pages import checked_pages

PROTOCOL = load_protocol().protocol


def statement(site: Path) -> str:
    page = (site / "accessibility" / "index.html").read_text(encoding="utf-8")
    found = re.search(r"<article.*?</article>", page, re.S)
    assert found
    return html.unescape(re.sub(r"<abbr[^>]*>|</abbr>", "", found.group(0)))


def test_the_pages_it_says_axe_checks_are_the_pages_the_axe_test_checks(
    built_site: Path, root: Path
) -> None:
    tested = checked_pages()
    text = statement(built_site)
    axe_item = re.search(r"<li><strong>axe-core.*?</li>", text, re.S)
    assert axe_item
    linked = re.findall(r'<a href="\.\./([^"]*)">', axe_item.group(0))
    assert sorted(linked) == sorted(tested)


def test_it_names_the_pinned_versions_of_the_tools(built_site: Path, root: Path) -> None:
    pins = json.loads((root / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    text = statement(built_site)
    assert f"axe-core {pins['axe-core']}</strong>" in text
    assert f"The W3C Nu HTML Checker {pins['vnu-jar']}</strong>" in text


def test_it_describes_the_theme_exceptions_the_markup_test_allows(
    built_site: Path, root: Path
) -> None:
    source = (root / "tests" / "site" / "test_markup.py").read_text(encoding="utf-8")
    listed = re.findall(r"^    KnownError\(", source, re.M)
    assert len(listed) == 3  # two kinds of theme error, one mistaken policy warning
    text = re.sub(r"\s+", " ", statement(built_site))
    assert "two kinds of error" in text
    assert "one warning the checker gives wrongly" in text


def test_it_is_in_the_navigation_and_linked_from_about(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="accessibility/"' in home
    about = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../accessibility/">accessibility statement</a>' in about
