"""MkDocs hooks for page content: the immediate-danger notice, the glossary's abbreviations,
and a named search dialog."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # mkdocs loads hooks by path

from handbook.abbreviations import mark_abbreviations  # noqa: E402
from handbook.accessibility import name_search_dialog  # noqa: E402
from handbook.pages import immediate_danger  # noqa: E402

# Hooks ------------------------------------------------------------------------


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    protocol = config["plugins"]["macros"].variables["protocol"]
    here = page.file.src_uri
    if needs_immediate_danger_notice(here, html):
        html = after_first_heading(html, immediate_danger(protocol, here))
    return mark_abbreviations(html, protocol.glossary)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return name_search_dialog(output)


# Helpers ----------------------------------------------------------------------


def needs_immediate_danger_notice(here: str, html: str) -> bool:
    """The home page, every calculator and form page, and any page with a calculator."""
    return (
        here == "index.md"
        or here.startswith(("calculators/", "forms/"))
        or "data-calculator=" in html
    )


def after_first_heading(html: str, insert: str) -> str:
    """Put `insert` just after the page's h1 (or first, if it has none)."""
    end = html.find("</h1>")
    if end < 0:
        return insert + "\n" + html
    end += len("</h1>")
    return html[:end] + "\n" + insert + html[end:]
