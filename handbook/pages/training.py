"""The Training section's pages, rendered from the protocol's training data.

Every clause a page rests on is quoted from `sections:` (through the same
reference resolution as the directive's pages) or linked, never restated. The
process map is drawn here, at build time, as inline SVG: no script, no CDN.
"""

from __future__ import annotations

import json

from calculators.dates.words import rule_name
from calculators.protocol import Clause, Protocol, Scenario
from calculators.training.quiz import lengths
from calculators.training.scenarios import category_words, cell_words, due_date_lines
from handbook.pages.components import calculator_attributes
from handbook.pages.links import (
    clause_ref,
    clause_refs,
    clause_url,
    html_text,
    md_text,
    note_page,
    page_link,
    with_references,
)

INVENTED_NAMES = (
    "Every name in these scenarios is invented. Any likeness to a real child, family or "
    "professional is chance."
)
NO_SCRIPT = "The comparison needs JavaScript and WebAssembly. The scenarios can still be read."

# Helpers ---------------------------------------------------------------------


def quote_clause(protocol: Protocol, clause: Clause, here: str) -> str:
    """A clause quoted from the directive, with its number linking to it (no id: quoted twice)."""
    lines = [
        '<blockquote class="clause-quote" markdown>',
        f"{clause_ref(protocol, clause.id, here).replace('[clause', '[Clause', 1)}: "
        + with_references(protocol, clause.text, here),
        "",
    ]
    for item in clause.items:
        lines += [f"- ({md_text(item.label)}) {with_references(protocol, item.text, here)}"]
    if clause.items:
        lines.append("")
    if clause.note:
        lines += [md_text(clause.note), ""]
    lines.append("</blockquote>")
    return "\n".join(lines) + "\n"


# The induction path --------------------------------------------------------------


def induction_path(protocol: Protocol, here: str) -> str:
    induction = protocol.induction
    lines = [md_text(induction.intro), ""]
    for number, step in enumerate(induction.steps, start=1):
        lines += [f"## Step {number}: {md_text(step.title)} {{#step-{step.id}}}", ""]
        lines += [quote_clause(protocol, protocol.clause(c), here) for c in step.clauses]
        if step.pages:
            links = ", ".join(
                f"[{md_text(p.label)}]({page_link(p.path, here)})" for p in step.pages
            )
            lines += [f"Open: {links}.", ""]
        if step.ask:
            lines += [
                '<p class="training-ask" markdown><strong>Ask yourself:</strong> '
                f"{md_text(step.ask)}</p>",
                "",
            ]
    return "\n".join(lines)


# Who does what -------------------------------------------------------------------


def roles_table(protocol: Protocol, here: str) -> str:
    """A table of roles and the clauses they act under, then each role's clauses quoted."""
    lines = ["| Role | What they do, by clause |", "| --- | --- |"]
    for role in protocol.roles:
        duties = "; ".join(
            f"{md_text(d.topic)} ({clause_ref(protocol, d.clause, here)})" for d in role.duties
        )
        lines.append(f"| [{md_text(role.name)}](#role-{role.id}) | {duties} |")
    lines.append("")
    for role in protocol.roles:
        lines += [f"## {md_text(role.name)} {{#role-{role.id}}}", ""]
        for duty in role.duties:
            lines += [f"### {md_text(duty.topic)}", ""]
            lines.append(quote_clause(protocol, protocol.clause(duty.clause), here))
    return "\n".join(lines)


def _vignette(scenario: Scenario, heading: str = "h2") -> str:
    place = "out of borough" if scenario.out_of_borough else ""
    extra = f' <span class="scenario-tag">({place})</span>' if place else ""
    return (
        f'<article class="scenario" id="scenario-{scenario.id}" data-scenario="{scenario.id}">'
        f"<{heading}>{html_text(scenario.title)}{extra}</{heading}>"
        f"<p>{html_text(scenario.text)}</p></article>"
    )


def scenario_form(protocol: Protocol, here: str) -> str:
    """Pick a scenario, tick the indicators, choose a category; the calculators compare."""
    out = [
        f'<p class="invented-names"><strong>{html_text(INVENTED_NAMES)}</strong></p>',
        f'<form id="scenario-form" class="calculator training-form" {calculator_attributes("scenarios")} '
        'novalidate autocomplete="off">',
        f'<p class="calculator-status" role="status">{html_text(NO_SCRIPT)}</p>',
        '<div class="field"><label for="scenario-choice">Scenario</label>',
        '<select id="scenario-choice" name="scenario" disabled>',
    ]
    for scenario in protocol.scenarios:
        out.append(f'<option value="{scenario.id}">{html_text(scenario.title)}</option>')
    out += ["</select></div>", '<div class="scenario-list">']
    out += [_vignette(s) for s in protocol.scenarios]
    out += ["</div>", "<h2>The indicators you see</h2>"]
    for domain in protocol.categories.domains:
        out.append(f'<fieldset class="domain" id="t-domain-{domain.id}">')
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
                    f'<input type="checkbox" name="indicator" id="t-indicator-{i.id}" '
                    f'value="{html_text(i.id)}" disabled>'
                    f'<label for="t-indicator-{i.id}">{html_text(i.text)}'
                    f' <span class="visually-hidden">({html_text(level.name)})</span></label>'
                    "</div>"
                )
            out.append("</div>")
        out.append("</fieldset>")
    out += [
        '<fieldset class="radios" id="t-category"><legend><h2>The category you would argue '
        f"for at the {html_text(rule_name(protocol, 'recurring_review'))}</h2></legend>",
    ]
    choices = [(str(level.number), level.name) for level in protocol.categories.levels]
    choices.append(("none", "No category"))
    for value, label in choices:
        out.append(
            f'<div class="radio"><input type="radio" id="t-category-{value}" name="category" '
            f'value="{value}" disabled><label for="t-category-{value}">{html_text(label)}'
            "</label></div>"
        )
    out += [
        "</fieldset>",
        '<button type="submit" class="md-button md-button--primary" disabled>'
        "Compare with the model answer</button>",
        "</form>",
        '<div id="scenario-answer" class="calculator-answer" aria-live="polite"></div>',
    ]
    return "\n".join(out)


def scenario_pack(protocol: Protocol, here: str) -> str:
    """Every vignette first, then every model answer, for a trainer to print."""
    lines = [f"**{md_text(INVENTED_NAMES)}**", "", "## Scenarios {#pack-scenarios}", ""]
    for number, scenario in enumerate(protocol.scenarios, start=1):
        place = " (placed out of borough)" if scenario.out_of_borough else ""
        lines += [
            f"### {number}. {md_text(scenario.title)}{place}",
            "",
            md_text(scenario.text),
            "",
        ]
    lines += ['<div class="pack-answers" markdown>', "", "## Answers {#pack-answers}", ""]
    for number, scenario in enumerate(protocol.scenarios, start=1):
        model = [protocol.indicator(i) for i in scenario.indicators]
        lines += [f"### {number}. {md_text(scenario.title)}", ""]
        if model:
            lines.append("Indicators the vignette gives evidence for:")
            lines.append("")
            lines += [f"- {md_text(cell_words(protocol, i))}" for i in model]
        else:
            lines.append(f"None of {md_text(protocol.site.words.indicators)} is ticked.")
        lines.append("")
        lines.append(
            f"Category to argue for at the {md_text(rule_name(protocol, 'recurring_review'))}: "
            f"**{md_text(category_words(protocol, scenario.model_category))}**."
        )
        lines.append("")
        if scenario.differs_because:
            lines += [f"Why it differs from the profile: {md_text(scenario.differs_because)}", ""]
        lines.append("Due dates on the scenario's dates:")
        lines.append("")
        lines += [f"- {md_text(line)}" for line in due_date_lines(protocol, scenario)]
        lines += ["", f"Directive: {clause_refs(protocol, scenario.clauses, here)}.", ""]
    lines += [md_text(protocol.risk_rule.decision_support), "", "</div>"]
    return "\n".join(lines)


# Language ------------------------------------------------------------------------------


def language_list(protocol: Protocol, here: str) -> str:
    language = protocol.language
    lines = [
        md_text(language.principle),
        "",
        f"The principle comes from {md_text(language.source)}. The entries below are the "
        "handbook's own words.",
        "",
        "| Words to avoid | Why they harm | Say instead |",
        "| --- | --- | --- |",
    ]
    for term in language.terms:
        phrases = ", ".join(f"“{md_text(p)}”" for p in term.phrases)
        lines.append(f"| {phrases} | {md_text(term.why)} | {md_text(term.instead)} |")
    lines.append("")
    return "\n".join(lines)


def language_note(protocol: Protocol, here: str) -> str:
    """The editorial note on Appendix B cells that keep the 2015 protocol's words verbatim."""
    language = protocol.language
    note = protocol.note(language.verbatim_note)
    cells = [protocol.indicator(i) for i in language.verbatim_indicators]
    lines = [
        f'!!! note "Editorial note: {html_text(note.title)}"',
        "",
        f"    {md_text(note.text)}",
        "",
        "    The cells: " + "; ".join(md_text(cell_words(protocol, i)) for i in cells) + ".",
        "",
        f"    See [the language guide]({page_link('training/language.md', here)}) and "
        f"[the decisions for the protocol owner]({page_link(note_page(note.id), here)}).",
        "",
    ]
    return "\n".join(lines)


# The quiz ------------------------------------------------------------------------------


def quiz_form(protocol: Protocol, here: str) -> str:
    """The quiz's frame: the questions and the summary come from the calculators in the
    browser; each clause's address is written here, for the summary's links."""
    links = {c.id: clause_url(protocol, c.id, here) for c in protocol.clauses}
    options = [f'<option value="{n}">{n} questions</option>' for n in lengths(protocol)]
    return "\n".join(
        [
            f'<form id="quiz-form" class="calculator training-form" {calculator_attributes("quiz")} '
            f"data-clause-links='{html_text(json.dumps(links))}' "
            'novalidate autocomplete="off">',
            '<p class="calculator-status" role="status">The quiz needs JavaScript and '
            "WebAssembly.</p>",
            '<div class="field"><label for="quiz-length">How many questions '
            "(a new quiz starts)</label>",
            '<select id="quiz-length" name="length" disabled>',
            *options,
            "</select></div>",
            '<p class="quiz-progress" id="quiz-progress" role="status"></p>',
            '<div id="quiz-question"></div>',
            '<div class="form-actions">',
            '<button type="submit" class="md-button md-button--primary" data-action="check" '
            "disabled>Check my answer</button>",
            '<button type="button" class="md-button" data-action="next" disabled>'
            "Next question</button>",
            '<button type="button" class="md-button" data-action="restart" disabled>'
            "Start again</button>",
            "</div>",
            '<div id="quiz-feedback" class="calculator-answer" aria-live="polite"></div>',
            '<div id="quiz-summary" class="calculator-answer quiz-summary" aria-live="polite">'
            "</div>",
            "</form>",
        ]
    )
