"""The due-dates calculator's form: GOV.UK-style date inputs, yes/no questions, a case reference.

The field names are the payload's (`today`, `last_strategy`, …), so an error
from the calculators names the field the page shows it beside. Every id on the
page is built from those names: the fieldset `today`, its inputs `today-day`,
`today-month`, `today-year`, its message `today-error`.

The answers come on arrival, from today's date, and update as the fields change
(docs/javascripts/pages/dates.js); "Work out the dates" does the same and shows any problem.
On a wide screen the answers stand beside the fields; on a narrow one, under the
field last changed.

After an answer, "Use these dates in the forms" hands the strategy meeting dates to
the forms (docs/javascripts/pages/dates.js, as the risk page hands its answer to the
monthly report): the target templates and their field ids are looked up in the
protocol here and written into the form's data-handoff attribute, so a renamed
field fails the build instead of silently filling nothing.
"""

from __future__ import annotations

import json

from calculators.dates.case_reference import MAX_CASE_REFERENCE
from calculators.dates.fields import EXAMPLE, MAX_RATIONALE_LENGTH
from calculators.protocol import Protocol
from calculators.timing.answers import review_rule
from calculators.wording import clause_list
from handbook.pages.components import calculator_attributes
from handbook.pages.forms import clear_all_button, clear_all_status, date_parts
from handbook.pages.links import html_text, site_link

NO_SCRIPT = (
    "This calculator needs JavaScript and WebAssembly. The year planner lists the panels "
    "and deadlines without it."
)
PAGE = "calculators/dates.md"


def handoff_targets(protocol: Protocol, here: str = PAGE) -> list[dict[str, object]]:
    """The forms the dates go to (the review rule's `handoffs`, checked when the protocol
    is read): template id, title, page link and {field id: date}."""
    return [
        {
            "template": handoff.to,
            "title": protocol.template(handoff.to).title,
            "url": site_link(f"forms/{handoff.to}/", here),
            "fields": dict(handoff.fields),
        }
        for handoff in review_rule(protocol).handoffs
    ]


def field_words(protocol: Protocol, field_id: str) -> tuple[str, str]:
    """A field's label and hint (`site.dates_form`), the hint filled from the review rule."""
    rule = review_rule(protocol)
    field = getattr(protocol.site.dates_form, field_id)
    hint = (field.hint or "").format(
        min_weeks=rule.min_weeks,
        max_weeks=rule.max_weeks,
        clauses=clause_list((rule.out_of_borough_clause,)),
        shortest=rule.shortest_agreed_weeks,
        longest=rule.longest_agreed_weeks,
    )
    return field.label, hint


def dates_form(protocol: Protocol, here: str = PAGE) -> str:
    """The whole form, its error summary and the place for the answers."""

    def words(field_id: str) -> tuple[str, str]:
        return field_words(protocol, field_id)

    reference = protocol.calendar_file.case_reference
    handoff = json.dumps(handoff_targets(protocol, here), ensure_ascii=False)
    out = [
        '<div class="dates-layout">',
        f'<form id="dates-form" class="calculator template-form dates-form" {calculator_attributes("dates")} '
        f'data-handoff="{html_text(handoff)}" '
        f'data-nothing-to-hand-off="{html_text(protocol.site.dates_form.nothing_to_hand_off)}" '
        'novalidate autocomplete="off">',
        f'<p class="calculator-status" role="status">{html_text(NO_SCRIPT)}</p>',
        '<div class="error-summary" id="dates-error-summary" tabindex="-1" hidden '
        'aria-labelledby="dates-error-summary-title" role="alert">',
        '<h2 id="dates-error-summary-title">There is a problem</h2>',
        '<ul class="error-summary-list"></ul>',
        "</div>",
        f'<div class="form-tools">{clear_all_button()}</div>',
        clear_all_status(),
        date_input("today", *words("today")),
        date_input("last_strategy", *words("last_strategy")),
        date_input("initial_strategy", *words("initial_strategy")),
        yes_no("out_of_borough", *words("out_of_borough")),
        '<div class="conditional" id="out_of_borough-details" hidden>',
        text_input(
            "agreed_interval_weeks",
            *words("agreed_interval_weeks"),
            width=3,
            numeric=True,
            max_length=3,
        ),
        textarea(
            "interval_rationale", *words("interval_rationale"), max_length=MAX_RATIONALE_LENGTH
        ),
        "</div>",
        yes_no("referral_planned", *words("referral_planned")),
        text_input(
            "case_reference",
            reference.label,
            reference.hint,
            width=20,
            numeric=False,
            max_length=MAX_CASE_REFERENCE,
        ),
        '<div class="form-actions">',
        '<button type="submit" class="md-button md-button--primary" disabled>'
        "Work out the dates</button>",
        '<button type="button" class="md-button" data-action="download-ics" disabled>'
        "Download calendar file (.ics)</button>",
        '<button type="button" class="md-button" data-action="handoff-forms" hidden disabled>'
        f"{html_text(review_rule(protocol).handbook_wording.handoff_label)}</button>",
        "</div>",
        '<p class="export-status" role="status" aria-live="polite"></p>',
        "</form>",
        # beside the form on a wide screen, under the field last changed on a narrow one
        # (docs/javascripts/pages/dates.js); a region of its own, scrolled when it is long
        '<div id="dates-answer" class="calculator-answer" aria-live="polite" role="region" '
        'aria-label="The dates" tabindex="0"></div>',
        "</div>",
    ]
    return "\n".join(out)


def _described(name: str, hint: str) -> str:
    return f"{name}-hint {name}-error" if hint else f"{name}-error"


def _hint_and_error(name: str, hint: str) -> str:
    hint_html = f'<p class="hint" id="{name}-hint">{html_text(hint)}</p>' if hint else ""
    return hint_html + f'<p class="field-error" id="{name}-error" hidden></p>'


def date_input(name: str, legend: str, hint: str) -> str:
    """A GOV.UK date input: day, month and year fields in a fieldset with legend and hint."""
    parts = date_parts(name, "disabled", named=True)
    full_hint = f"{hint} For example, {EXAMPLE}".strip()
    return (
        f'<div class="field" id="{name}-field" data-field-wrapper="{name}">'
        f'<fieldset class="date-input" id="{name}" '
        f'aria-describedby="{_described(name, full_hint)}" data-date="{name}">'
        f"<legend>{html_text(legend)}</legend>{_hint_and_error(name, full_hint)}"
        f'<div class="date-parts">{parts}</div></fieldset></div>'
    )


def yes_no(name: str, legend: str, hint: str) -> str:
    radios = "".join(
        f'<div class="radio"><input type="radio" id="{name}-{value}" name="{name}" '
        f'value="{value}"{" checked" if value == "no" else ""} disabled>'
        f'<label for="{name}-{value}">{label}</label></div>'
        for value, label in (("yes", "Yes"), ("no", "No"))
    )
    return (
        f'<div class="field" id="{name}-field" data-field-wrapper="{name}">'
        f'<fieldset class="radios" id="{name}" aria-describedby="{_described(name, hint)}">'
        f"<legend>{html_text(legend)}</legend>{_hint_and_error(name, hint)}{radios}"
        "</fieldset></div>"
    )


def text_input(
    name: str, label: str, hint: str, *, width: int, numeric: bool, max_length: int
) -> str:
    mode = ' inputmode="numeric"' if numeric else ""
    return (
        f'<div class="field" id="{name}-field" data-field-wrapper="{name}">'
        f'<label for="{name}">{html_text(label)}</label>{_hint_and_error(name, hint)}'
        f'<input type="text" id="{name}" name="{name}"{mode} size="{width}" '
        f'maxlength="{max_length}" aria-describedby="{_described(name, hint)}" disabled></div>'
    )


def textarea(name: str, label: str, hint: str, *, max_length: int) -> str:
    return (
        f'<div class="field" id="{name}-field" data-field-wrapper="{name}">'
        f'<label for="{name}">{html_text(label)}</label>{_hint_and_error(name, hint)}'
        f'<textarea id="{name}" name="{name}" rows="3" maxlength="{max_length}" '
        f'aria-describedby="{_described(name, hint)}" disabled></textarea></div>'
    )
