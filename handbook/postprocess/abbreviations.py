"""Mark every glossary abbreviation in a page's HTML with <abbr title=…>, its first use
expanded in the text.

Works on the rendered HTML, so text in tables and forms built as HTML is covered
as well as Markdown. Only text between tags changes; attributes, links, code,
scripts and form controls are left alone.

No abbreviation is a tab stop: a keyboard user would otherwise stop on every one.
Instead the first use on a page in running text is followed by its expansion in
brackets, "ABBR (Expansion)", so the expansion is there for everyone; later uses are a
plain <abbr> with its title, as is every use on a page that spells the expansion out
already (the glossary, or text such as "Expansion (ABBR)"). The added words are a span of their own
(class "abbr-expansion"), so the directive's words around them stay as written.
Headings, links and buttons are never expanded: their words are names others
point at (the contents, the accessible name of a control).
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
EXPANSION_CLASS = "abbr-expansion"
# Text inside one of these keeps its words as they are: the abbreviation is not expanded.
_NAMED = {"a", "button", "summary", "label", "legend", "h1", "h2", "h3", "h4", "h5", "h6"}


def mark_abbreviations(page_html: str, glossary: tuple[Abbreviation, ...]) -> str:
    """Wrap each whole-word abbreviation found in text outside skipped elements,
    the first one in running text followed by its expansion."""
    if not glossary:
        return page_html
    expansions = {a.abbr: a.expansion for a in glossary}
    names = sorted(expansions, key=len, reverse=True)
    word = re.compile(r"(?<![\w@.-])(" + "|".join(map(re.escape, names)) + r")(?![\w@-])")
    expanded: set[str] = set()
    page_text = re.sub(r"\s+", " ", html.unescape(_TAG.sub("", page_html))).lower()

    def wrap(text: str, may_expand: bool) -> str:
        def one(m: re.Match[str]) -> str:
            abbr = m.group(1)
            expansion = expansions[abbr]
            marked = f'<abbr title="{html.escape(expansion, quote=True)}">{abbr}</abbr>'
            if not may_expand or abbr in expanded:
                return marked
            expanded.add(abbr)
            if expansion.lower() in page_text:  # the page spells it out already
                return marked
            return f'{marked}<span class="{EXPANSION_CLASS}"> ({html.escape(expansion)})</span>'

        return word.sub(one, text)

    out: list[str] = []
    skipping: list[str] = []
    inside = dict.fromkeys(_NAMED, 0)
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
