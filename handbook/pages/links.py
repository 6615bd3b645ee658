"""Render the handbook's pages from the protocol model, as Markdown with a little HTML.

Plain functions of (protocol, here): `here` is the source path of the page being
rendered (e.g. "directive/section-6.md"), so links between pages stay relative
and the site works under any sub-path. macros.py only registers these.
"""

from __future__ import annotations

import html
import posixpath
import re

from calculators.clause_text import segments as clause_segments
from calculators.protocol import Protocol

# Helpers --------------------------------------------------------------------

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#|!])")


def md_text(text: str) -> str:
    """Text from the protocol, safe to place in Markdown: no markup, no HTML, no macros."""
    escaped = html.escape(text, quote=False)
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escaped)


def html_text(text: str) -> str:
    return html.escape(text, quote=True)


def page_link(target: str, here: str) -> str:
    """A link from page `here` to `target` (a source path with an optional #anchor)."""
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(here) or ".") if path else ""
    return relative + (f"#{anchor}" if anchor else "")


def site_link(target: str, here: str) -> str:
    """A URL from the built page of source `here` to a path in the site (directory URLs)."""
    page_dir = posixpath.dirname(here)
    if posixpath.basename(here) != "index.md":  # forms/x.md is served at forms/x/
        page_dir = posixpath.join(page_dir, posixpath.splitext(posixpath.basename(here))[0])
    link = posixpath.relpath(target, page_dir or ".")
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def section_page(number: int) -> str:
    """The source path of a directive section's page (generated: handbook/build/generated_pages.py)."""
    return f"directive/section-{number}.md"


def form_page(template_id: str) -> str:
    """The source path of a template's page (generated: handbook/build/generated_pages.py)."""
    return f"forms/{template_id}.md"


def clause_target(protocol: Protocol, clause_id: str) -> str:
    clause = protocol.clause(clause_id)
    return f"{section_page(int(clause.id.split('.')[0]))}#{clause.anchor}"


def clause_url(protocol: Protocol, clause_id: str, here: str) -> str:
    """The built address of a clause's anchor, for raw HTML (SVG links are not rewritten)."""
    page, _, anchor = clause_target(protocol, clause_id).partition("#")
    return site_link(page.removesuffix(".md") + "/", here) + f"#{anchor}"


def clause_ref(protocol: Protocol, clause_id: str, here: str) -> str:
    """ "[clause 6.13](../directive/section-6.md#clause-6-13)"."""
    return f"[clause {clause_id}]({page_link(clause_target(protocol, clause_id), here)})"


def clause_refs(protocol: Protocol, clause_ids: tuple[str, ...] | list[str], here: str) -> str:
    links = [f"[{c}]({page_link(clause_target(protocol, c), here)})" for c in clause_ids]
    word = "clause" if len(links) == 1 else "clauses"
    if len(links) > 1:
        return f"{word} " + ", ".join(links[:-1]) + " and " + links[-1]
    return f"{word} {links[0]}"


# The editorial notes that explain what the handbook adds (ids in data/protocol.yaml).
HANDBOOK_LABELS_NOTE = "handbook-labels"
GLOSSARY_READINGS_NOTE = "glossary-readings"

CATEGORIES_PAGE = "categories.md"  # the categories and indicators (`categories:`)


def reference_target(protocol: Protocol, kind: str, name: str) -> str:
    """Where a clause's cross-reference points: {section:4|…} a section, {clause:6.13|…}
    the clause's anchor, {form:ID|…} a form, {appendix:B|…} the categories page."""
    if kind == "section":
        return section_page(int(name))
    if kind == "clause":
        return clause_target(protocol, name)
    if kind == "form":
        return f"forms/{name}.md"
    if kind == "appendix" and name == protocol.categories.appendix:
        return CATEGORIES_PAGE
    raise RuntimeError(f"Unknown cross-reference: {{{kind}:{name}}}")


def with_references(protocol: Protocol, text: str, here: str) -> str:
    """Escape clause text and resolve its references.

    Contacts become mailto links, rules their words, and cross-references links
    on the directive's own words.
    """
    out = []
    for segment in clause_segments(protocol, text):
        if segment.kind == "contact" and segment.contact_id:
            out.append(email_link(protocol, segment.contact_id))
        elif segment.kind == "link" and segment.target:
            link = page_link(reference_target(protocol, *segment.target), here)
            out.append(f"[{md_text(segment.text)}]({link})")
        else:
            out.append(md_text(segment.text))
    return "".join(out)


DECISIONS_PAGE = "decisions.md"  # the one page of decisions for the protocol owner


def note_page(note_id: str) -> str:
    """The decision's place on the decisions page: "decisions.md#note-immediate-danger"."""
    return f"{DECISIONS_PAGE}#note-{note_id}"


def handbook_marker(protocol: Protocol, note_id: str, words: str, here: str) -> str:
    """A short marker on words the handbook adds, linking to the decision that explains.

    Markdown (attr_list), so the link to the decisions page stays relative and is checked
    by the build.
    """
    protocol.note(note_id)  # an unknown note stops the build
    return f"[{md_text(words)}]({page_link(note_page(note_id), here)}){{.handbook-marker}}"


def email_link(protocol: Protocol, contact_id: str) -> str:
    email = protocol.contact(contact_id).email
    return f'<a href="mailto:{html_text(email)}">{html_text(email)}</a>'
