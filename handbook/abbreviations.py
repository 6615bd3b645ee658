"""Mark every glossary abbreviation in a page's HTML with <abbr title=…>, focusable.

Works on the rendered HTML, so text in tables and forms built as HTML is covered
as well as Markdown. Only text between tags changes; attributes, links, code,
scripts and form controls are left alone.
"""

from __future__ import annotations

import html
import re

from calculators.protocol import Abbreviation

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>|<!--.*?-->", re.DOTALL)
_SKIP = {
    "abbr",
    "code",
    "pre",
    "script",
    "style",
    "textarea",
    "option",
    "select",
    "title",
    "kbd",
    "svg",
}


def mark_abbreviations(page_html: str, glossary: tuple[Abbreviation, ...]) -> str:
    """Wrap each whole-word abbreviation found in text outside skipped elements."""
    if not glossary:
        return page_html
    titles = {a.abbr: html.escape(a.expansion, quote=True) for a in glossary}
    names = sorted(titles, key=len, reverse=True)
    word = re.compile(r"(?<![\w@.-])(" + "|".join(map(re.escape, names)) + r")(?![\w@-])")

    def wrap(text: str) -> str:
        return word.sub(
            lambda m: f'<abbr title="{titles[m.group(1)]}" tabindex="0">{m.group(1)}</abbr>', text
        )

    out: list[str] = []
    skipping: list[str] = []
    last = 0
    for tag in _TAG.finditer(page_html):
        text = page_html[last : tag.start()]
        out.append(text if skipping else wrap(text))
        out.append(tag.group(0))
        last = tag.end()
        name = (tag.group(2) or "").lower()
        if name in _SKIP and not tag.group(3):
            if tag.group(1):
                if skipping and skipping[-1] == name:
                    skipping.pop()
            else:
                skipping.append(name)
    tail = page_html[last:]
    out.append(tail if skipping else wrap(tail))
    return "".join(out)
