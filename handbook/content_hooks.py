"""MkDocs hooks for page content: the glossary's abbreviations, and a named search dialog."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # mkdocs loads hooks by path

from handbook.abbreviations import mark_abbreviations  # noqa: E402
from handbook.accessibility import name_search_dialog  # noqa: E402

# Hooks ------------------------------------------------------------------------


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    protocol = config["plugins"]["macros"].variables["protocol"]
    return mark_abbreviations(html, protocol.glossary)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return name_search_dialog(output)
