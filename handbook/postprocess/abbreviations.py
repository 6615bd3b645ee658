"""Mark every glossary abbreviation in a page's HTML with <abbr title=…>, focusable.

Works on the rendered HTML, so text in tables and forms built as HTML is covered
as well as Markdown. Only text between tags changes; attributes, links, code,
scripts and form controls are left alone.

Inside a link or a button the abbreviation keeps its title but is not made
focusable: HTML allows no focusable element inside interactive content, and the
link or button already takes the focus.
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
# Interactive content: an abbreviation inside one of these gets no tabindex.
_INTERACTIVE = {"a", "button", "summary"}


def mark_abbreviations(page_html: str, glossary: tuple[Abbreviation, ...]) -> str:
    """Wrap each whole-word abbreviation found in text outside skipped elements."""
    if not glossary:
        return page_html
    titles = {a.abbr: html.escape(a.expansion, quote=True) for a in glossary}
    names = sorted(titles, key=len, reverse=True)
    word = re.compile(r"(?<![\w@.-])(" + "|".join(map(re.escape, names)) + r")(?![\w@-])")

    def wrap(text: str, focusable: bool) -> str:
        tabindex = ' tabindex="0"' if focusable else ""
        return word.sub(
            lambda m: f'<abbr title="{titles[m.group(1)]}"{tabindex}>{m.group(1)}</abbr>', text
        )

    out: list[str] = []
    skipping: list[str] = []
    inside = dict.fromkeys(_INTERACTIVE, 0)
    last = 0
    for tag in _TAG.finditer(page_html):
        text = page_html[last : tag.start()]
        out.append(text if skipping else wrap(text, not any(inside.values())))
        out.append(tag.group(0))
        last = tag.end()
        name = (tag.group(2) or "").lower()
        if name in inside and not tag.group(3):
            inside[name] = max(0, inside[name] + (-1 if tag.group(1) else 1))
        if name in _SKIP and not tag.group(3):
            if tag.group(1):
                if skipping and skipping[-1] == name:
                    skipping.pop()
            else:
                skipping.append(name)
    tail = page_html[last:]
    out.append(tail if skipping else wrap(tail, not any(inside.values())))
    return "".join(out)
