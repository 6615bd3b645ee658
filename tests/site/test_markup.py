"""Every built page is valid HTML for the W3C Nu HTML Checker (vnu), apart from the theme's listed own.

One vnu run checks the whole site, served over loopback as a web server would
serve it (a page read from a file: address has no origin, so vnu would wrongly
report its own-origin scripts and styles as blocked by the page's policy).

A message fails the test unless it is an info note. The theme's own errors are
listed below, each matched by its message and by the element it points at, so a
new error can never hide behind a listed one. A page written wrong on purpose is
checked in the same run, to show that the checker does report what it should.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.static_server import serve_site

VNU_JAR = Path("node_modules") / "vnu-jar" / "build" / "dist" / "vnu.jar"
# vnu refuses loopback addresses unless told otherwise (it guards its web service).
ALLOW_LOOPBACK = "-Dnu.validator.servlet.allow-forbidden-hosts=true"
CANARY = "vnu-canary.html"  # served beside the site, never part of it
CANARY_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Canary</title></head>
<body><a href="#x"><abbr title="Child sexual exploitation" tabindex="0">CSE</abbr></a></body></html>
"""


@dataclass(frozen=True)
class KnownError:
    """A message of the theme's own markup, matched by its text and by the element it points at."""

    message: str  # a regular expression for the whole message
    element: str  # a regular expression for the whole start tag vnu highlights
    why: str

    def matches(self, found: dict[str, Any]) -> bool:
        return bool(
            re.fullmatch(self.message, found["message"])
            and re.fullmatch(self.element, highlighted(found))
        )


# Material for MkDocs' templates, not ours: configuration cannot change them.
KNOWN_THEME_ERRORS = (
    KnownError(
        message=r"Bad value “” for attribute “tabindex” on element “label”: "
        r"The empty string is not a valid integer\.",
        element=r'<label class="md-nav__link" for="__nav_\d+" id="__nav_\d+_label" tabindex="">',
        why='Material\'s navigation section labels (partials/nav-item.html) render tabindex=""',
    ),
    KnownError(
        message=r"Attribute “autocomplete” is only allowed when the input type is .*",
        element=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
        r'id="__(drawer|search)" autocomplete="off">',
        why="Material's drawer and search toggles (base.html) are checkboxes with autocomplete",
    ),
    KnownError(
        message=r"Inline script violates Content Security Policy \(meta tag\): blocked by "
        r"“script-src” directive \(missing “‘unsafe-inline’” or nonce/hash\)\.",
        element=r'<script id="__config" type="application/json">',
        why="Material's settings are a JSON data block (base.html): browsers never run it, so "
        "script-src does not apply, but vnu's policy check counts it as a script",
    ),
)


def highlighted(found: dict[str, Any]) -> str:
    """The markup vnu points at: for an element, its start tag."""
    extract = found.get("extract", "")
    start = found.get("hiliteStart", 0)
    return extract[start : start + found.get("hiliteLength", 0)].strip()


def is_problem(found: dict[str, Any]) -> bool:
    """Errors and warnings count; plain info notes (no subType) do not."""
    return found["type"] != "info" or found.get("subType") == "warning"


def describe(found: dict[str, Any]) -> str:
    page = found.get("url", "").split("/cse-handbook/", 1)[-1] or "(home)"
    kind = found.get("subType") or found["type"]
    return (
        f"{page} line {found.get('lastLine')}: {kind}: {found['message']}\n    {highlighted(found)}"
    )


@dataclass(frozen=True)
class Report:
    pages: tuple[str, ...]  # the URLs given to vnu
    checked: tuple[str, ...]  # the URLs vnu says it checked
    messages: tuple[dict[str, Any], ...]


@pytest.fixture(scope="module")
def report(built_site: Path, root: Path, tmp_path_factory: pytest.TempPathFactory) -> Report:
    java = shutil.which("java")
    assert java, "the markup check needs Java: run `make system-tools` (default-jre-headless)"
    jar = root / VNU_JAR
    assert jar.is_file(), f"the Nu HTML Checker is missing: run `make setup` ({VNU_JAR})"
    canary = tmp_path_factory.mktemp("vnu") / CANARY
    canary.write_text(CANARY_HTML, encoding="utf-8")
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    with serve_site(built_site, extra_files={CANARY: canary}) as site:
        urls = tuple(site.base_url + page.removesuffix("index.html") for page in pages)
        urls += (site.base_url + CANARY,)
        result = subprocess.run(
            [java, ALLOW_LOOPBACK, "-jar", str(jar), "--verbose", "--format", "json", *urls],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {result.returncode}):\n{result.stderr[-2000:]}")
    checked = tuple(line.strip() for line in result.stdout.splitlines() if line.strip())
    return Report(pages=urls, checked=checked, messages=tuple(messages))


def test_the_checker_read_every_built_page(report: Report) -> None:
    assert len(report.pages) > 20
    assert set(report.pages) <= set(report.checked), set(report.pages) - set(report.checked)
    fetch_failures = [m for m in report.messages if m["type"] == "non-document-error"]
    assert not fetch_failures, "\n".join(describe(m) for m in fetch_failures)


def test_the_checker_reports_an_abbreviation_made_focusable_inside_a_link(report: Report) -> None:
    canary = [m for m in report.messages if m.get("url", "").endswith(CANARY) and is_problem(m)]
    assert [m["message"] for m in canary] == [
        "An element with the attribute “tabindex” must not appear as a descendant of the “a” element."
    ]
    assert not any(known.matches(canary[0]) for known in KNOWN_THEME_ERRORS)


def test_no_page_has_an_error_or_warning_in_the_handbooks_own_markup(report: Report) -> None:
    unexpected = [
        m
        for m in report.messages
        if is_problem(m)
        and not m.get("url", "").endswith(CANARY)
        and not any(known.matches(m) for known in KNOWN_THEME_ERRORS)
    ]
    assert not unexpected, f"{len(unexpected)} problem(s):\n" + "\n".join(map(describe, unexpected))


def test_every_listed_theme_error_still_occurs(report: Report) -> None:
    """A listed exception the theme no longer needs is removed, not kept as cover."""
    for known in KNOWN_THEME_ERRORS:
        assert any(known.matches(m) for m in report.messages), known.why
