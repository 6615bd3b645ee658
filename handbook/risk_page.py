"""The risk category calculator's form, rendered from the Appendix B matrix."""

from __future__ import annotations

from calculators.protocol import Protocol
from handbook.forms_pages import blank_template_link, clear_all_button, clear_all_status
from handbook.pages import html_text, site_link

SUMMARY_TEMPLATE = "risk-summary"
REPORT_TEMPLATE = "monthly-report"
REPORT_FIELD = "risk_level_rationale"


def risk_form(protocol: Protocol, here: str) -> str:
    """Checkboxes grouped by domain (fieldset and legend), one per matrix cell."""
    rule = protocol.risk_rule
    out = [
        '<form id="risk-form" class="calculator" data-calculator="risk" novalidate '
        'autocomplete="off">',
        '<p class="calculator-status" role="status">This calculator needs JavaScript and '
        "WebAssembly. The indicators and categories above can still be read without it.</p>",
        f'<div class="form-tools">{clear_all_button()}</div>',
        clear_all_status(),
        f'<p class="rule"><strong>The rule:</strong> {html_text(rule.text)}</p>',
    ]
    for domain in protocol.categories.domains:
        out.append(f'<fieldset class="domain" id="domain-{domain.id}">')
        out.append(f"<legend>{html_text(domain.name)}</legend>")
        for level in protocol.categories.levels:
            indicators = domain.in_category(level.number)
            if not indicators:
                continue
            out.append(f'<div class="category-group" data-category="{level.number}">')
            out.append(f'<p class="category-label">{html_text(level.name)}</p>')
            for i in indicators:
                out.append(
                    '<div class="checkbox">'
                    f'<input type="checkbox" name="indicator" id="indicator-{i.id}" '
                    f'value="{html_text(i.id)}" disabled>'
                    f'<label for="indicator-{i.id}">{html_text(i.text)}'
                    f' <span class="visually-hidden">({html_text(level.name)})</span></label>'
                    "</div>"
                )
            out.append("</div>")
        out.append("</fieldset>")
    out.append('<button type="submit" class="md-button md-button--primary" disabled>')
    out.append("Suggest a category</button>")
    out.append('<button type="button" class="md-button" data-action="clear-risk" disabled>')
    out.append("Untick all</button>")
    out.append("</form>")
    out.append('<div id="risk-answer" class="calculator-answer" aria-live="polite"></div>')
    out.append(judgement_form(protocol, here))
    return "\n".join(out)


def judgement_form(protocol: Protocol, here: str) -> str:
    """Professional judgement: the category recorded, and the reason when it differs."""
    options = ['<option value="">As suggested</option>'] + [
        f'<option value="{level.number}">{html_text(level.name)}</option>'
        for level in protocol.categories.levels
    ]
    blank = blank_template_link(protocol.template(SUMMARY_TEMPLATE), here)
    report = protocol.template(REPORT_TEMPLATE)
    report_field = next(f for f in report.fields if f.id == REPORT_FIELD)
    report_page = site_link(f"forms/{report.id}/", here)
    return "\n".join(
        [
            '<form id="judgement-form" class="calculator template-form" '
            'data-calculator="risk-judgement" '
            f'data-template="{SUMMARY_TEMPLATE}" data-blank="{html_text(blank)}" '
            f'data-report-template="{report.id}" data-report-field="{REPORT_FIELD}" '
            f'data-report-url="{html_text(report_page)}" '
            'novalidate autocomplete="off" hidden>',
            "<h2>Professional judgement</h2>",
            '<div class="field" id="recorded_category-field">',
            '<label for="recorded_category">Category you are recording</label>',
            '<p class="hint" id="recorded_category-hint">Leave as suggested, or choose the '
            "category the evidence supports.</p>",
            '<p class="field-error" id="recorded_category-error" hidden></p>',
            '<select id="recorded_category" name="recorded_category" '
            'aria-describedby="recorded_category-hint" disabled>',
            *options,
            "</select>",
            "</div>",
            '<div class="field" id="reason-field">',
            '<label for="reason">Reason</label>',
            '<p class="hint" id="reason-hint">Required when you record a different category '
            "from the one suggested.</p>",
            '<p class="field-error" id="reason-error" hidden></p>',
            '<textarea id="reason" name="reason" rows="4" maxlength="5000" '
            'aria-describedby="reason-hint" disabled></textarea>',
            "</div>",
            '<button type="submit" class="md-button md-button--primary" disabled>'
            "Download Word document</button>",
            '<button type="button" class="md-button" data-action="copy-text" disabled>'
            "Copy text for the case record</button>",
            '<button type="button" class="md-button" data-action="offer-report" disabled>'
            f"Use in the monthly report’s “{html_text(report_field.label)}”</button>",
            '<p class="export-status" role="status" aria-live="polite"></p>',
            '<label for="risk-text">Text for the case record</label>',
            '<textarea id="risk-text" rows="10" readonly></textarea>',
            "</form>",
        ]
    )
