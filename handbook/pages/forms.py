"""A fillable form per template, rendered from its definition in protocol.yaml.

GOV.UK patterns: a fieldset per section, labels and hints, date inputs in three
parts, radios for choices, required markers, an error summary the script fills
and focuses, and repeatable rows with Add and Remove buttons. The form is never
submitted: docs/javascripts/pages/forms.js sends its answers to the calculators in the
browser and downloads the Word document they make.

Ids: an input is `f-<field>`; a date's parts `f-<field>-day|month|year`; a choice's
radios `f-<field>-<n>`; a row's cell `f-<field>-<row>-<column>` (added by the script).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from calculators.dates.fields import DATE_PART_DIGITS, DATE_PARTS, EXAMPLE
from calculators.documents.drafts import draft_filename
from calculators.documents.field_types import field_type
from calculators.documents.text import ADDED_NOTICE
from calculators.limits import MAX_DRAFT_BYTES, MAX_ROWS, MAX_TEXT_CHARS
from calculators.protocol import HANDOFF_TEXT, Field, HandOffRule, Protocol, Template
from handbook.build.docx_templates import blank_filename
from handbook.pages.components import calculator_attributes, section_guidance, template_intro
from handbook.pages.links import html_text, site_link

NO_SCRIPT = (
    "This form needs JavaScript and WebAssembly. Without them you can still download the "
    "blank Word template below and fill it in."
)
CLEAR_ALL_LABEL = "Clear all case data"
PRIVACY = (
    "What you type stays in this browser tab's memory: nothing is sent anywhere, and the "
    "browser stores none of it. It is kept while you move between the handbook's pages in "
    "this tab, and gone when you reload or close the tab, leave the handbook, or press "
    '"Clear all case data". Save a draft to your own computer to continue later.'
)


def clear_all_button() -> str:
    """The "Clear all case data" button every calculator page has (docs/javascripts/components/clear.js)."""
    return (
        '<button type="button" class="md-button" data-action="clear-all" disabled>'
        f"{html_text(CLEAR_ALL_LABEL)}</button>"
    )


def clear_all_status() -> str:
    """Where clear.js says that the case data has been cleared."""
    return '<p class="clear-status" role="status" aria-live="polite"></p>'


def blank_template_link(template: Template, here: str) -> str:
    """A link from page `here` to the blank template the build writes into assets/templates."""
    return site_link(f"assets/templates/{blank_filename(template)}", here)


def template_form(protocol: Protocol, template_id: str, here: str) -> str:
    """The page body for one template: notes, the form, and the blank template link."""
    template = protocol.template(template_id)
    blank = blank_template_link(template, here)
    intro = template_intro(protocol, template, here)
    intro += [
        f'<p class="blank-template"><a href="{html_text(blank)}" download>'
        f"Download the blank Word template</a> ({html_text(template.title)}).</p>",
        "",
        f'<p class="form-privacy">{html_text(PRIVACY)}</p>',
        "",
    ]
    return "\n".join(intro) + "\n" + _form_html(protocol, template, blank, here)


def handoff_button(protocol: Protocol, handoff: HandOffRule, here: str) -> str:
    """A button that hands answers to another form; the fields come from the protocol."""
    target = protocol.template(handoff.to)
    return (
        '<button type="button" class="md-button" data-action="hand-off" '
        f'data-to="{html_text(target.id)}" '
        f'data-fields="{html_text(json.dumps(dict(handoff.fields)))}" '
        f'data-url="{html_text(site_link(f"forms/{target.id}/", here))}" '
        f'data-title="{html_text(target.title)}" disabled>{html_text(handoff.label)}</button>'
    )


def handoff_buttons(protocol: Protocol, template: Template, here: str) -> list[str]:
    """A button per hand-off from this form's answers (`handoffs` in the template).

    forms.js hands them over with memory.js. Hand-offs of an answer's text belong
    to calculator pages (the risk page), not to the form.
    """
    return [
        handoff_button(protocol, handoff, here)
        for handoff in template.handoffs
        if all(source != HANDOFF_TEXT for _, source in handoff.fields)
    ]


def _form_html(protocol: Protocol, template: Template, blank: str, here: str) -> str:
    out = [
        f'<form id="form-{template.id}" class="calculator template-form" {calculator_attributes("form")} '
        f'data-template="{template.id}" data-blank="{html_text(blank)}" '
        f'data-title="{html_text(template.title)}" '
        f'data-draft-name="{html_text(draft_filename(template))}" '
        f'data-protocol-version="{html_text(protocol.metadata.version)}" '
        'novalidate autocomplete="off">',
        f'<p class="calculator-status" role="status">{html_text(NO_SCRIPT)}</p>',
        '<div class="error-summary" id="error-summary" tabindex="-1" hidden '
        'aria-labelledby="error-summary-title" role="alert">',
        '<h2 id="error-summary-title">There is a problem</h2>',
        '<ul class="error-summary-list"></ul>',
        "</div>",
        '<div class="form-tools">',
        '<label class="md-button" for="open-draft">Open a draft</label>',
        '<input type="file" id="open-draft" class="visually-hidden" accept=".json,application/json"'
        f' data-max-bytes="{MAX_DRAFT_BYTES}" disabled>',  # checked before the file is read
        '<button type="button" class="md-button" data-action="save-draft" disabled>'
        "Save draft to a file</button>",
        clear_all_button(),
        "</div>",
        clear_all_status(),
        '<p class="form-notice" role="status" aria-live="polite"></p>',
    ]
    for section in template.sections:
        out.append(f'<fieldset class="form-section" id="section-{section.id}">')
        out.append(f"<legend><h2>{html_text(section.title)}</h2></legend>")
        for line in section_guidance(protocol, section):
            out.append(f'<p class="hint">{html_text(line)}</p>')
        for field in section.fields:
            out.append(field_html(field))
        out.append("</fieldset>")
    out += [
        '<div class="form-actions">',
        '<button type="submit" class="md-button md-button--primary" disabled>'
        "Download Word document</button>",
        '<button type="button" class="md-button" data-action="copy-text" disabled>'
        "Copy text for the case record</button>",
        '<button type="button" class="md-button" data-action="print" disabled>Print</button>',
        *handoff_buttons(protocol, template, here),
        "</div>",
        '<p class="export-status" role="status" aria-live="polite"></p>',
        '<div class="case-text">',
        '<label for="form-text">Text for the case record</label>',
        '<textarea id="form-text" rows="10" readonly></textarea>',
        "</div>",
        "</form>",
    ]
    return "\n".join(out)


def _label_text(field: Field) -> str:
    required = ' <span class="required">(required)</span>' if field.required else ""
    return f"{html_text(field.label)}{required}"


def _hint(field: Field) -> tuple[str, str]:
    """The hint paragraphs and the aria-describedby ids (addition, hint and error)."""
    ids = f"f-{field.id}-error"
    hint = ""
    if field.help:
        hint = f'<p class="hint" id="f-{field.id}-hint">{html_text(field.help)}</p>'
        ids = f"f-{field.id}-hint {ids}"
    if field.added:
        hint = f'<p class="field-added" id="f-{field.id}-added">{html_text(ADDED_NOTICE)}</p>{hint}'
        ids = f"f-{field.id}-added {ids}"
    return hint, ids


def _error(field: Field) -> str:
    return f'<p class="field-error" id="f-{field.id}-error" hidden></p>'


def field_control(field: Field) -> dict[str, object]:
    """How forms.js reads, fills and focuses a field (calculators.documents.field_types):
    "parts" (the date's parts), "radios", "rows" or "value" (one input or textarea)."""
    return field_type(field).control_data()


def date_parts(control_id: str, attributes: str, *, named: bool = False) -> str:
    """The day, month and year inputs of a date, each as wide as the calculators allow."""
    out = []
    for part in DATE_PARTS:
        width = DATE_PART_DIGITS[part]
        name = f' name="{control_id}-{part}"' if named else ""
        out.append(
            f'<div class="date-part"><label for="{control_id}-{part}">{part.capitalize()}</label>'
            f'<input type="text" id="{control_id}-{part}"{name} inputmode="numeric" '
            f'maxlength="{width}" size="{width + 1}" data-date-part="{part}" {attributes}></div>'
        )
    return "".join(out)


@dataclass(frozen=True)
class _Shared:
    """What every control kind of a field draws: its hint, error and ARIA attributes."""

    hint: str
    described: str  # the aria-describedby ids
    attributes: str  # the attributes each input of the field carries
    error: str


def field_html(field: Field) -> str:
    """The field's wrapper and its control, drawn by its type's control kind."""
    hint, described = _hint(field)
    required = ' aria-required="true"' if field.required else ""
    common = f'data-field="{field.id}" aria-describedby="{described}"{required} disabled'
    control = html_text(json.dumps(field_control(field), separators=(",", ":")))
    wrapper = (
        f'<div class="field" id="f-{field.id}-field" data-field-wrapper="{field.id}" '
        f'data-type="{field.type}" data-control="{control}">'
    )
    shared = _Shared(hint, described, common, _error(field))
    return f"{wrapper}{CONTROL_HTML[field_type(field).control](field, shared)}</div>"


def _value_html(field: Field, shared: _Shared) -> str:
    """One text box: an input, or a textarea for a type of several lines."""
    kind = field_type(field)
    label = f'<label for="f-{field.id}">{_label_text(field)}</label>{shared.hint}{shared.error}'
    names = f'id="f-{field.id}" name="{field.id}"'
    if kind.multiline:
        return (
            f'{label}<textarea {names} rows="5" maxlength="{MAX_TEXT_CHARS}" '
            f"{shared.attributes}></textarea>"
        )
    mode = f' inputmode="{kind.inputmode}"' if kind.inputmode else ""
    return (
        f'{label}<input type="text" {names}{mode} maxlength="{MAX_TEXT_CHARS}" {shared.attributes}>'
    )


def _parts_html(field: Field, shared: _Shared) -> str:
    """A GOV.UK date input: day, month and year in a fieldset."""
    return (
        f'<fieldset class="date-input" id="f-{field.id}" '
        f'aria-describedby="{shared.described}"><legend>{_label_text(field)}</legend>'
        f'<p class="hint">For example, {EXAMPLE}</p>{shared.hint}{shared.error}'
        f'<div class="date-parts">{date_parts(f"f-{field.id}", shared.attributes)}</div></fieldset>'
    )


def _radios_html(field: Field, shared: _Shared) -> str:
    radios = []
    for number, option in enumerate(field.options, start=1):
        radio_id = f"f-{field.id}-{number}"
        radios.append(
            f'<div class="radio"><input type="radio" id="{radio_id}" name="{field.id}" '
            f'value="{html_text(option)}" {shared.attributes}>'
            f'<label for="{radio_id}">{html_text(option)}</label></div>'
        )
    return (
        f'<fieldset class="radios" id="f-{field.id}" aria-describedby="{shared.described}">'
        f"<legend>{_label_text(field)}</legend>{shared.hint}{shared.error}"
        f"{''.join(radios)}</fieldset>"
    )


def _rows_html(field: Field, shared: _Shared) -> str:
    """Repeatable rows: the list, the template row the script clones, Add a row."""
    cells = "".join(
        f'<div class="row-cell"><label data-column="{c.id}">{html_text(c.label)}</label>'
        f'<textarea rows="2" maxlength="{MAX_TEXT_CHARS}" data-column="{c.id}"></textarea></div>'
        for c in field.columns
    )
    return (
        f'<fieldset class="rows" id="f-{field.id}" aria-describedby="{shared.described}">'
        f"<legend>{_label_text(field)}</legend>{shared.hint}{shared.error}"
        f'<div class="row-list" data-rows="{field.id}"></div>'
        f'<template data-row-template="{field.id}"><fieldset class="row">'
        f'<legend class="row-legend"></legend>{cells}'
        '<button type="button" class="md-button" data-action="remove-row">Remove</button>'
        "</fieldset></template>"
        f'<button type="button" class="md-button" data-action="add-row" '
        f'data-rows="{field.id}" data-max-rows="{MAX_ROWS}" disabled>Add a row</button>'
        f'<p class="row-limit" role="status" data-row-limit="{field.id}"></p>'
        "</fieldset>"
    )


# The form page's HTML for each control kind of calculators.documents.field_types.
CONTROL_HTML: Mapping[str, Callable[[Field, _Shared], str]] = MappingProxyType(
    {"value": _value_html, "parts": _parts_html, "radios": _radios_html, "rows": _rows_html}
)
