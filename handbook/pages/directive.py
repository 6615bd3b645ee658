"""The directive's own pages: a section's clauses, the contents, warning signs,
the categories, the indicator matrix and the immediate-danger notice."""

from __future__ import annotations

from calculators.protocol import Clause, Protocol
from handbook.pages.links import (
    HANDBOOK_LABELS_NOTE,
    clause_ref,
    handbook_marker,
    html_text,
    md_text,
    note_page,
    page_link,
    section_page,
    site_link,
    with_references,
)


def render_clause(protocol: Protocol, clause: Clause, here: str) -> str:
    """One clause: its number as a visible permalink, its text, its sub-items and note."""
    text = with_references(protocol, clause.text, here)
    if clause.handbook_label:  # the handbook's words, not the directive's: say so
        marker = handbook_marker(protocol, HANDBOOK_LABELS_NOTE, "Handbook note", here)
        text = f'<span class="handbook-label">{marker} {text}</span>'
    lines = [
        f'<div class="clause" id="{clause.anchor}" markdown>',
        f'<a class="clause-number" href="#{clause.anchor}" '
        f'title="Link to clause {clause.id}">{clause.id}</a> '
        # shown by docs/javascripts/components/cite.js, which copies the clause's address
        f'<button type="button" class="clause-copy" data-copy-link="#{clause.anchor}" '
        "data-search-exclude hidden>"
        f'Copy link<span class="visually-hidden"> to clause {clause.id}</span></button> ' + text,
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


def warning_signs(protocol: Protocol, here: str) -> str:
    """The warning signs clause (`site.warning_signs`) as its mnemonic and a list, each
    sign led by its letter.

    A list, not a definition list: the letters repeat (two As), and each sign's
    text already starts with its letter, so the letter is shown but not read twice.
    """
    clause = protocol.clause(protocol.site.warning_signs)
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
            lines.append(
                f"    {md_text(protocol.site.words.local_wording)}: “{md_text(level.local_wording)}”"
            )
            lines.append("")
            about = page_link(note_page(note.id), here)
            lines.append(f"    See [the decision for the protocol owner]({about}).")
            lines.append("")
        lines.append("</div>")
        lines.append("")
    lines.append(f"Source: {md_text(cats.source)}.")
    return "\n".join(lines)


def indicator_matrix(protocol: Protocol) -> str:
    """The indicators' grid as an accessible table: caption, header cells with scope."""
    levels = protocol.categories.levels
    out = ['<div class="table-wrapper"><table class="indicator-matrix">']
    out.append(
        f"<caption>{html_text(protocol.site.words.grid_caption)} "
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
                out.append(f'<td data-label="{html_text(level.name)}"><ul>{items}</ul></td>')
            else:
                out.append(
                    f'<td class="none" data-label="{html_text(level.name)}">'
                    f"No {html_text(level.name)} indicators listed</td>"
                )
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def immediate_danger(protocol: Protocol, here: str) -> str:
    """The immediate-danger notice, as HTML for the top of a page (after its heading).

    The handbook's words, not the directive's, so it carries a handbook marker. The
    out-of-hours sentence appears only once its number is filled in.
    """
    notice = protocol.immediate_danger
    about = site_link("decisions/", here) + f"#note-{protocol.note(notice.note).id}"
    lines = [
        '<div class="admonition danger immediate-danger">',
        f'<p class="admonition-title">{html_text(notice.text)} '
        f'<a class="handbook-marker" href="{html_text(about)}">Handbook note</a></p>',
    ]
    if notice.out_of_hours_line:
        lines.append(f"<p>{html_text(notice.out_of_hours_line)}</p>")
    lines.append("</div>")
    return "\n".join(lines)
