"""The risk page: the Appendix B grid, and the reading of it for the strategy meeting.

A row per domain (a fieldset with a legend), a column per category, the cell's
indicators as checkboxes whose names include their category. Beside the grid, a
panel that stays in view shows the reading the calculators work out on every tick
(docs/javascripts/pages/risk.js), headed `risk_rule.title`: what is ticked and every
column that lists it, never a level. No category is recorded on this page: the
strategy meeting sets the risk level (clauses 6.3 and 6.9), and the page hands the
reading to the meeting's minutes and to the monthly report's attachment field (the
hand-offs in the risk-summary template), never to a field marked `records: level`.
"""

from __future__ import annotations

from calculators.protocol import Indicator, Level, Protocol
from handbook.build.generated_pages import filled_by
from handbook.pages.components import calculator_attributes
from handbook.pages.forms import (
    blank_template_link,
    clear_all_button,
    clear_all_status,
    handoff_button,
)
from handbook.pages.links import html_text, note_page, page_link

CALCULATOR = "risk"  # the template this page fills is the one with `filled_by: risk`
REPLACED_NOTE = "london-protocol-replaced"


def replaced_note(protocol: Protocol, here: str) -> str:
    """The page's two warnings as one short line with a link: decision support, not a
    decision; and the owner's open question whether Appendix B is still the endorsed tool
    (left out for a protocol without that decision). The grid starts on the first screen."""
    line = f"<strong>{html_text(protocol.risk_rule.decision_support)}</strong>"
    if REPLACED_NOTE in {n.id for n in protocol.editorial_notes}:
        note = protocol.note(REPLACED_NOTE)
        about = page_link(note_page(note.id), here)
        line += f' {html_text(note.title)}: <a href="{html_text(about)}">the decision</a>.'
    return f'<p class="editorial-note risk-note-line">{line}</p>'


def _bands(protocol: Protocol) -> list[str]:
    """The bands of total score, for a method that has them (weighted_bands): none otherwise."""
    bands = protocol.risk_rule.bands
    if not bands:
        return []
    out = [
        '<table class="risk-bands">',
        "<caption>Bands of the total score</caption>",
        '<thead><tr><th scope="col">Band</th><th scope="col">Total score</th>'
        '<th scope="col">Level</th></tr></thead>',
        "<tbody>",
    ]
    for band in bands:
        scores = (
            f"{band.min_score} or more"
            if band.max_score is None
            else f"{band.min_score} to {band.max_score}"
        )
        level = "" if band.level is None else protocol.level(band.level).name
        out.append(
            f'<tr><th scope="row">{html_text(band.name)}</th><td>{scores}</td>'
            f"<td>{html_text(level)}</td></tr>"
        )
    out += ["</tbody>", "</table>"]
    return out


def grid_levels(protocol: Protocol) -> tuple[Level | None, ...]:
    """The grid's columns: one per level, lowest first, or one (None) when the indicators name
    no level (a checklist, or weights alone)."""
    if any(i.category is not None for i in protocol.indicators):
        return protocol.categories.levels
    return (None,)


def _checkbox(indicator: Indicator, level: Level | None) -> str:
    themes = " ".join(indicator.themes)
    hidden = (
        "" if level is None else f' <span class="visually-hidden">({html_text(level.name)})</span>'
    )
    return (
        '<div class="checkbox">'
        f'<input type="checkbox" name="indicator" id="indicator-{indicator.id}" '
        f'value="{html_text(indicator.id)}" data-themes="{html_text(themes)}" disabled>'
        f'<label for="indicator-{indicator.id}">{html_text(indicator.text)}{hidden}</label>'
        "</div>"
    )


def _grid(protocol: Protocol) -> list[str]:
    columns = grid_levels(protocol)
    out = ['<div class="risk-grid">']
    if columns != (None,):
        out.append('<div class="risk-grid-head" aria-hidden="true">')
        out += [f"<span>{html_text(level.name)}</span>" for level in columns if level]
        out.append("</div>")
    for domain in protocol.categories.domains:
        out.append(f'<fieldset class="risk-domain" id="domain-{domain.id}">')
        out.append(f"<legend>{html_text(domain.name)}</legend>")
        out.append('<div class="risk-row">')
        for level in columns:
            if level is None:
                out.append('<div class="risk-cell">')
                out += [_checkbox(i, None) for i in domain.indicators]
                out.append("</div>")
                continue
            indicators = domain.in_category(level.number)
            out.append(f'<div class="risk-cell" data-category="{level.number}">')
            out.append(f'<p class="risk-cell-heading">{html_text(level.name)}</p>')
            if not indicators:
                out.append(
                    f'<p class="risk-cell-none">No {html_text(level.name)} indicators listed</p>'
                )
            out += [_checkbox(i, level) for i in indicators]
            out.append("</div>")
        out.append("</div>")
        out.append("</fieldset>")
    out.append("</div>")
    return out


def _comparisons(protocol: Protocol) -> list[str]:
    """A place per domain for its repeated indicators side by side (risk.js), in the
    profile panel, so opening one never moves the grid."""
    return [
        f'<div class="risk-compare" id="compare-{domain.id}" data-domain="{domain.id}" '
        f'aria-label="{html_text(domain.name)}" role="group" hidden></div>'
        for domain in protocol.categories.domains
    ]


def _panel(protocol: Protocol, here: str) -> list[str]:
    """The profile, its exports at the top (in view beside the first rows), the comparisons."""
    rule = protocol.risk_rule
    return [
        '<div class="risk-profile" role="region" aria-labelledby="risk-profile-title" '
        'tabindex="0">',
        f'<h2 id="risk-profile-title">{html_text(rule.title)}</h2>',
        '<p id="risk-headline" class="risk-headline" role="status" aria-live="polite"></p>',
        *_exports(protocol, here),
        *_comparisons(protocol),
        '<div id="risk-answer" class="risk-answer"></div>',
        "</div>",
    ]


def _exports(protocol: Protocol, here: str) -> list[str]:
    template = filled_by(protocol, CALCULATOR)
    out = ['<div class="form-actions risk-exports">']
    out.append(
        '<button type="button" class="md-button md-button--primary" data-action="download" '
        "disabled>Download Word document</button>"
    )
    out.append(
        '<button type="button" class="md-button" data-action="copy-text" disabled>'
        "Copy text for the case record</button>"
    )
    out.append(
        '<button type="button" class="md-button" data-action="print" disabled>Print</button>'
    )
    out += [handoff_button(protocol, handoff, here) for handoff in template.handoffs]
    out.append(
        '<button type="button" class="md-button" data-action="clear-risk" disabled>'
        "Untick all</button>"
    )
    out += ["</div>", '<p class="export-status" role="status" aria-live="polite"></p>']
    return out


def _case_text() -> list[str]:
    return [
        '<div class="case-text">',
        '<label for="risk-text">Text for the case record</label>',
        '<textarea id="risk-text" rows="12" readonly></textarea>',
        "</div>",
    ]


def risk_form(protocol: Protocol, here: str) -> str:
    """The grid, the live profile panel and the exports, in one form never submitted."""
    rule = protocol.risk_rule
    blank = blank_template_link(filled_by(protocol, CALCULATOR), here)
    columns = grid_levels(protocol)
    numbers = " ".join(str(level.number) for level in columns if level)
    out = [
        replaced_note(protocol, here),
        f'<form id="risk-form" class="calculator risk-form" {calculator_attributes("risk")} novalidate '
        f'autocomplete="off" data-template="{filled_by(protocol, CALCULATOR).id}" '
        f'data-blank="{html_text(blank)}" data-source="{html_text(rule.title)}" '
        f'data-levels="{numbers}" style="--risk-columns: {len(columns)}">',
        '<p class="calculator-status" role="status">This calculator needs JavaScript and '
        "WebAssembly. The indicators and categories above can still be read without it.</p>",
        f'<div class="form-tools">{clear_all_button()}</div>',
        clear_all_status(),
        '<div class="risk-layout">',
        *_grid(protocol),
        *_panel(protocol, here),
        "</div>",
        # how the profile is worked out, after the grid: the grid starts on the first screen
        f'<p class="rule">{html_text(rule.text)}</p>',
        *_bands(protocol),
        f'<p class="hint">{html_text(rule.themes_note)}</p>',
        *_case_text(),
        "</form>",
    ]
    return "\n".join(out)
