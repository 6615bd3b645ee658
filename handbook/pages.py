"""Render the handbook's pages from the protocol model, as Markdown with a little HTML.

Plain functions of (protocol, here): `here` is the source path of the page being
rendered (e.g. "directive/section-6.md"), so links between pages stay relative
and the site works under any sub-path. macros.py only registers these.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

from calculators.clause_text import plain_text
from calculators.clause_text import segments as clause_segments
from calculators.documents.text import PROPOSED_NOTICE
from calculators.protocol import Clause, Protocol, Template, TemplateSection
from calculators.wording import long_date

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
    """The source path of a directive section's page (generated: handbook/generated_pages.py)."""
    return f"directive/section-{number}.md"


def form_page(template_id: str) -> str:
    """The source path of a template's page (generated: handbook/generated_pages.py)."""
    return f"forms/{template_id}.md"


def clause_target(protocol: Protocol, clause_id: str) -> str:
    clause = protocol.clause(clause_id)
    return f"{section_page(int(clause.id.split('.')[0]))}#{clause.anchor}"


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

# Where a cross-reference in clause text points: {appendix:B|…} is the categories page.
APPENDIX_PAGES = {"B": "categories.md"}


def reference_target(kind: str, name: str) -> str:
    """The page a clause's cross-reference points at: {section:4|…}, {form:ID|…}, {appendix:B|…}."""
    if kind == "section":
        return section_page(int(name))
    if kind == "form":
        return f"forms/{name}.md"
    if kind == "appendix" and name in APPENDIX_PAGES:
        return APPENDIX_PAGES[name]
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
            link = page_link(reference_target(*segment.target), here)
            out.append(f"[{md_text(segment.text)}]({link})")
        else:
            out.append(md_text(segment.text))
    return "".join(out)


def handbook_marker(protocol: Protocol, note_id: str, words: str, here: str) -> str:
    """A short marker on words the handbook adds, linking to the editorial note that explains.

    Markdown (attr_list), so the link to About stays relative and is checked by the build.
    """
    protocol.note(note_id)  # an unknown note stops the build
    return f"[{md_text(words)}]({page_link(f'about.md#note-{note_id}', here)}){{.handbook-marker}}"


def email_link(protocol: Protocol, contact_id: str) -> str:
    email = protocol.contact(contact_id).email
    return f'<a href="mailto:{html_text(email)}">{html_text(email)}</a>'


# The directive --------------------------------------------------------------


def render_clause(protocol: Protocol, clause: Clause, here: str) -> str:
    """One clause: its number as a visible permalink, its text, its sub-items and note."""
    text = with_references(protocol, clause.text, here)
    if clause.handbook_label:  # the handbook's words, not the directive's: say so
        marker = handbook_marker(protocol, HANDBOOK_LABELS_NOTE, "Handbook note", here)
        text = f'<span class="handbook-label">{marker} {text}</span>'
    lines = [
        f'<div class="clause" id="{clause.anchor}" markdown>',
        f'<a class="clause-number" href="#{clause.anchor}" '
        f'title="Link to clause {clause.id}">{clause.id}</a> ' + text,
        "",
    ]
    if clause.items:
        lines.append('<ul class="clause-items">')
        for item in clause.items:
            label = html_text(item.label)
            lines.append(
                f'<li markdown><span class="clause-item-label">{label}</span> '
                f"{with_references(protocol, item.text, here)}</li>"
            )
        lines.append("</ul>")
        lines.append("")
    if clause.note:
        lines.append(f'<p class="clause-note" markdown>{md_text(clause.note)}</p>')
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines) + "\n"


def section_title(protocol: Protocol, number: int) -> str:
    return f"{number}. {md_text(protocol.section(number).title)}"


def section_clauses(protocol: Protocol, number: int, here: str) -> str:
    clauses = protocol.section(number).clauses
    return "\n".join(render_clause(protocol, c, here) for c in clauses)


def directive_contents(protocol: Protocol, here: str) -> str:
    lines = []
    for section in protocol.sections:
        first, last = section.clauses[0].id, section.clauses[-1].id
        span = first if first == last else f"{first}–{last}"
        link = page_link(section_page(section.number), here)
        lines.append(f"- [{section.number}. {md_text(section.title)}]({link}) (clauses {span})")
    return "\n".join(lines)


# Warning signs, categories and indicators -----------------------------------


def warning_signs(protocol: Protocol, clause_id: str, here: str) -> str:
    """The warning signs clause as its mnemonic and a list, each sign led by its letter.

    A list, not a definition list: the letters repeat (two As), and each sign's
    text already starts with its letter, so the letter is shown but not read twice.
    """
    clause = protocol.clause(clause_id)
    mnemonic = "".join(item.label for item in clause.items)
    lines = [f'<p class="mnemonic">{html_text(mnemonic)}</p>', ""]
    lines.append('<ul class="warning-signs">')
    for item in clause.items:
        lines.append(
            f'<li><span class="sign-letter" aria-hidden="true">{html_text(item.label)}</span> '
            f"{html_text(item.text)}</li>"
        )
    lines.append("</ul>")
    lines.append("")
    if clause.note:
        lines.append(md_text(clause.note))
        lines.append("")
    lines.append(f"From {clause_ref(protocol, clause.id, here)}.")
    return "\n".join(lines)


def category_definitions(protocol: Protocol, here: str) -> str:
    cats = protocol.categories
    lines = [f"*{md_text(cats.framework)}*", ""]
    for level in cats.levels:
        lines.append(f'<div class="category category-{level.number}" markdown>')
        lines.append(f"### {md_text(level.name)} {{#category-{level.number}}}")
        lines.append("")
        lines.append(md_text(level.definition))
        lines.append("")
        if level.local_wording and level.note:
            note = protocol.note(level.note)
            lines.append(f'!!! warning "{html_text(note.title)}"')
            lines.append("")
            lines.append(f"    The Newham page reads: “{md_text(level.local_wording)}”")
            lines.append("")
            about = page_link(f"about.md#note-{note.id}", here)
            lines.append(f"    See [the editorial note]({about}).")
            lines.append("")
        lines.append("</div>")
        lines.append("")
    lines.append(f"Source: {md_text(cats.source)}.")
    return "\n".join(lines)


def indicator_matrix(protocol: Protocol) -> str:
    """The Appendix B matrix as an accessible table: caption, header cells with scope."""
    levels = protocol.categories.levels
    out = ['<div class="table-wrapper"><table class="indicator-matrix">']
    out.append(
        "<caption>Appendix B indicators by domain and police category "
        f"({html_text(protocol.categories.source)})</caption>"
    )
    out.append('<thead><tr><th scope="col">Domain</th>')
    for level in levels:
        out.append(f'<th scope="col">{html_text(level.name)}</th>')
    out.append("</tr></thead><tbody>")
    for domain in protocol.categories.domains:
        out.append(f'<tr id="domain-{domain.id}"><th scope="row">{html_text(domain.name)}</th>')
        for level in levels:
            indicators = domain.in_category(level.number)
            if indicators:
                items = "".join(
                    f'<li id="indicator-{i.id}">{html_text(i.text)}</li>' for i in indicators
                )
                out.append(f"<td><ul>{items}</ul></td>")
            else:
                out.append(f'<td class="none">No {html_text(level.name)} indicators listed</td>')
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


# Forms, contacts, glossary, about --------------------------------------------


def section_guidance(protocol: Protocol, section: TemplateSection) -> list[str]:
    """A template section's help: its own hint, then each clause it rests on, quoted."""
    lines = [section.help] if section.help else []
    for clause_id in section.clauses:
        clause = protocol.clause(clause_id)
        items = " ".join(f"({i.label}) {i.text}" for i in clause.items)
        text = plain_text(protocol, f"{clause.text} {items}".strip())
        lines.append(f"Clause {clause.id}: {text}")
    return lines


def template_intro(protocol: Protocol, template: Template, here: str) -> list[str]:
    """Markdown lines before a template's fields: status, notes, clauses, where to send it."""
    lines: list[str] = []
    if template.proposed:
        lines += ['!!! note "Proposed template"', "", f"    {md_text(PROPOSED_NOTICE)}", ""]
    if template.description:
        lines += [md_text(template.description), ""]
    for note in template.notes:
        lines += [f"**{md_text(note)}**", ""]
    if template.clauses:
        lines += [f"Directive: {clause_refs(protocol, template.clauses, here)}.", ""]
    if template.email_to:
        emails = "; ".join(email_link(protocol, c) for c in template.email_to)
        lines += [f"Email the completed form to: {emails}", ""]
    return lines


def template_structure(protocol: Protocol, template_id: str, here: str) -> str:
    """A blank appendix form as a structured list of its sections and fields."""
    template = protocol.template(template_id)
    lines = template_intro(protocol, template, here)
    for section in template.sections:
        lines += [f"## {md_text(section.title)}", ""]
        for line in section_guidance(protocol, section):
            lines += [md_text(line), ""]
        for field in section.fields:
            required = " (required)" if field.required else ""
            entry = f"- **{md_text(field.label)}**{required}"
            if field.help:
                entry += f": {md_text(field.help)}"
            if field.options:
                entry += " (" + " / ".join(md_text(o) for o in field.options) + ")"
            if field.columns:
                entry += ": a table of " + ", ".join(md_text(c.label) for c in field.columns)
            lines.append(entry)
        lines.append("")
    return "\n".join(lines)


def forms_list(protocol: Protocol, here: str) -> str:
    lines = []
    for template in protocol.templates:
        kind = "appendix form" if template.appendix else "template"
        if template.proposed:
            kind = "proposed template"
        link = page_link(form_page(template.id), here)
        lines.append(f"- [{md_text(template.title)}]({link}) ({kind})")
    return "\n".join(lines)


def form_links(protocol: Protocol, *args: str) -> str:
    """Links to the form pages of these templates, as "[title](page),", one a line: the
    ones the protocol has (another council's protocol may have none of them).

    The last argument is the page the links are on (the macro passes it).
    """
    *template_ids, here = args
    present = {template.id: template for template in protocol.templates}
    return "\n".join(
        f"[{md_text(present[i].title)}]({page_link(form_page(i), here)}),"
        for i in template_ids
        if i in present
    )


def contacts_table(protocol: Protocol, here: str) -> str:
    lines = [
        "| Name | Role | Organisation | Email | Where the directive uses it |",
        "| --- | --- | --- | --- | --- |",
    ]
    for contact in protocol.contacts:
        uses = []
        for use in contact.used_in:
            if use.startswith("form:"):
                template = protocol.template(use[5:])
                uses.append(
                    f"[{md_text(template.title)}]({page_link(form_page(template.id), here)})"
                )
            else:
                uses.append(clause_ref(protocol, use, here))
        lines.append(
            f"| {md_text(contact.name)} | {md_text(contact.role)} | "
            f"{md_text(contact.organisation)} | {email_link(protocol, contact.id)} | "
            f"{', '.join(uses)} |"
        )
    return "\n".join(lines)


def glossary_table(protocol: Protocol, here: str) -> str:
    """The glossary; a meaning that is the handbook's reading says so, with a link to why."""
    lines = ["| Term | Meaning |", "| --- | --- |"]
    for entry in sorted(protocol.glossary, key=lambda a: a.abbr.lower()):
        meaning = md_text(entry.expansion)
        if entry.to_confirm:
            reading = "Handbook's reading, to be confirmed"
            meaning += " " + handbook_marker(protocol, GLOSSARY_READINGS_NOTE, reading, here)
        lines.append(f"| {md_text(entry.abbr)} | {meaning} |")
    return "\n".join(lines)


def immediate_danger(protocol: Protocol, here: str) -> str:
    """The immediate-danger notice, as HTML for the top of a page (after its heading).

    The handbook's words, not the directive's, so it carries a handbook marker. The
    out-of-hours sentence appears only once its number is filled in.
    """
    notice = protocol.immediate_danger
    about = site_link("about/", here) + f"#note-{protocol.note(notice.note).id}"
    lines = [
        '<div class="admonition danger immediate-danger">',
        f'<p class="admonition-title">{html_text(notice.text)} '
        f'<a class="handbook-marker" href="{html_text(about)}">Handbook note</a></p>',
    ]
    if notice.out_of_hours_line:
        lines.append(f"<p>{html_text(notice.out_of_hours_line)}</p>")
    lines.append("</div>")
    return "\n".join(lines)


def version_summary(protocol: Protocol) -> str:
    m = protocol.metadata
    return (
        f"Version {md_text(m.version)}, effective from {long_date(m.effective_date)}. "
        f"Next review by {long_date(m.next_review_date)}."
    )


def purpose(protocol: Protocol) -> str:
    return md_text(protocol.metadata.purpose)


def metadata_table(protocol: Protocol) -> str:
    m = protocol.metadata
    rows = [
        ("Title", md_text(m.title)),
        ("Organisation", md_text(m.organisation)),
        ("Version", md_text(m.version)),
        ("Effective date", long_date(m.effective_date)),
        ("Next review date", long_date(m.next_review_date)),
        ("Owner", md_text(m.owner)),
    ]
    return "\n".join(["| Detail | Value |", "| --- | --- |", *(f"| {k} | {v} |" for k, v in rows)])


def sources_list(protocol: Protocol) -> str:
    m = protocol.metadata
    return md_text(m.sources_intro) + ":\n\n" + "\n".join(f"- {md_text(s)}" for s in m.sources)


def editorial_notes(protocol: Protocol) -> str:
    lines = []
    for note in protocol.editorial_notes:
        lines += [f"### {md_text(note.title)} {{#note-{note.id}}}", "", md_text(note.text), ""]
    return "\n".join(lines)


PACKAGE_JSON = Path(__file__).resolve().parent.parent / "package.json"


def pinned_package(name: str) -> str:
    """The exact version package.json pins for an npm package (the accessibility statement's tools)."""
    manifest = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))
    pins = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
    if name not in pins:
        raise RuntimeError(f"package.json pins no version of {name!r}")
    return str(pins[name])


def changelog(protocol: Protocol) -> str:
    lines = ["| Version | Date | Change |", "| --- | --- | --- |"]
    for entry in protocol.changelog:
        lines.append(
            f"| {md_text(entry.version)} | {long_date(entry.date)} | {md_text(entry.summary)} |"
        )
    return "\n".join(lines)
