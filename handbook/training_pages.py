"""The Training section's pages, rendered from the protocol's training data.

Every clause a page rests on is quoted from `sections:` (through the same
reference resolution as the directive's pages) or linked, never restated. The
process map is drawn here, at build time, as inline SVG: no script, no CDN.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from calculators.protocol import Clause, Indicator, Protocol, Scenario
from calculators.training.scenarios import category_words, due_date_lines
from calculators.wording import category_name
from handbook.pages import (
    clause_ref,
    clause_refs,
    clause_target,
    html_text,
    md_text,
    page_link,
    site_link,
    with_references,
)

INVENTED_NAMES = (
    "Every name in these scenarios is invented. Any likeness to a real child, family or "
    "professional is chance."
)
NO_SCRIPT = "The comparison needs JavaScript and WebAssembly. The scenarios can still be read."

# Helpers ---------------------------------------------------------------------


def clause_url(protocol: Protocol, clause_id: str, here: str) -> str:
    """The built address of a clause's anchor, for raw HTML (SVG links are not rewritten)."""
    page, _, anchor = clause_target(protocol, clause_id).partition("#")
    return site_link(page.removesuffix(".md") + "/", here) + f"#{anchor}"


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


def _cell(protocol: Protocol, indicator: Indicator) -> str:
    domain = protocol.domain(indicator.domain)
    return f"{indicator.text} ({domain.name}, {category_name(indicator.category)})"


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


# The process map -------------------------------------------------------------------


@dataclass(frozen=True)
class _Box:
    x: int
    y: int
    width: int
    height: int
    lines: tuple[str, ...]


MAP_FONT = 14
XHTML = "http://www.w3.org/1999/xhtml"
MAP_LINE = 18
MAP_PAD = 10
MAP_GAP = 30
MAP_BOX_X = 8
MAP_BOX_WIDTH = 250
MAP_LANE_START = MAP_BOX_X + MAP_BOX_WIDTH + 14
MAP_LANE_STEP = 14
MAP_WRAP = 28
MAP_LABEL_WRAP = 13


def process_map(protocol: Protocol, here: str) -> str:
    """The process as an inline SVG flow chart, each box a link to its clause, and its text."""
    chart = protocol.process_map
    order = {n.id: index for index, n in enumerate(chart.nodes)}
    boxes: dict[str, _Box] = {}
    y = 8
    for node in chart.nodes:
        wrapped = tuple(textwrap.wrap(node.label, MAP_WRAP))
        lines = (*wrapped, f"Clause {node.clause}")
        height = len(lines) * MAP_LINE + 2 * MAP_PAD
        boxes[node.id] = _Box(MAP_BOX_X, y, MAP_BOX_WIDTH, height, lines)
        y += height + MAP_GAP
    height = y - MAP_GAP + 8

    down = [e for e in chart.edges if order[e.target] == order[e.source] + 1]
    looped = [e for e in chart.edges if e not in down]
    lanes = len(looped)
    label_x = MAP_LANE_START + lanes * MAP_LANE_STEP + 4
    width = label_x + 9 * MAP_LABEL_WRAP

    # where each looped edge meets the right side of its boxes, spread along that side
    ends: dict[str, list[int]] = {}
    for index, edge in enumerate(looped):
        ends.setdefault(edge.source, []).append(index)
        ends.setdefault(edge.target, []).append(index)

    def side_y(node_id: str, index: int) -> float:
        box, users = boxes[node_id], ends[node_id]
        return box.y + box.height * (users.index(index) + 1) / (len(users) + 1)

    svg = [
        f'<svg class="process-map-svg" viewBox="0 0 {width} {height}" role="group" '
        'aria-labelledby="process-map-title" aria-describedby="process-map-desc" '
        'xmlns="http://www.w3.org/2000/svg" focusable="false">',
        f'<title id="process-map-title">{html_text(chart.title)}</title>',
        f'<desc id="process-map-desc">{html_text(chart.description)} The same steps follow '
        "the chart as a numbered list.</desc>",
        '<defs><marker id="process-map-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" class="process-map-head"/></marker></defs>',
    ]
    for edge in down:
        a, b = boxes[edge.source], boxes[edge.target]
        cx = a.x + a.width // 2
        svg.append(
            f'<line class="process-map-edge" x1="{cx}" y1="{a.y + a.height}" x2="{cx}" '
            f'y2="{b.y - 2}" marker-end="url(#process-map-arrow)"/>'
        )
        if edge.label:
            svg.append(
                f'<text class="process-map-label" x="{cx + 8}" '
                f'y="{(a.y + a.height + b.y) // 2 + 4}">{html_text(edge.label)}</text>'
            )
    placed: list[float] = []
    for index, edge in enumerate(looped):
        a, b = boxes[edge.source], boxes[edge.target]
        lane = MAP_LANE_START + index * MAP_LANE_STEP
        y1, y2 = side_y(edge.source, index), side_y(edge.target, index)
        right = a.x + a.width
        svg.append(
            f'<path class="process-map-edge" d="M {right} {y1:.0f} H {lane} V {y2:.0f} '
            f'H {b.x + b.width + 2}" fill="none" marker-end="url(#process-map-arrow)"/>'
        )
        if edge.label:
            mid = (y1 + y2) / 2
            while any(abs(mid - p) < 2 * MAP_LINE for p in placed):
                mid += MAP_LINE
            placed.append(mid)
            text_lines = textwrap.wrap(edge.label, MAP_LABEL_WRAP)
            svg.append(
                f'<line class="process-map-leader" x1="{lane}" y1="{mid:.0f}" '
                f'x2="{label_x - 2}" y2="{mid:.0f}"/>'
            )
            spans = "".join(
                f'<tspan x="{label_x}" dy="{0 if i == 0 else 14}">{html_text(t)}</tspan>'
                for i, t in enumerate(text_lines)
            )
            svg.append(f'<text class="process-map-label" y="{mid + 4:.0f}">{spans}</text>')
    # Each box is an HTML link inside <foreignObject>: Material's instant navigation
    # handles it like any link (it assigns `.href`, read-only on an SVG <a>).
    for node in chart.nodes:
        box = boxes[node.id]
        role = protocol.role(node.role).name
        spans = "".join(
            f'<span class="{kind}">{html_text(line)}</span>'
            for i, line in enumerate(box.lines)
            for kind in ["process-map-clause" if i == len(box.lines) - 1 else "process-map-text"]
        )
        svg.append(
            '<g class="process-map-node">'
            f'<rect x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" rx="6"/>'
            f'<foreignObject x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}">'
            f'<a xmlns="{XHTML}" class="process-map-link" '
            f'href="{html_text(clause_url(protocol, node.clause, here))}" '
            f'title="{html_text(role)}: clause {html_text(node.clause)}">{spans}</a>'
            "</foreignObject></g>"
        )
    svg.append("</svg>")

    steps = []
    for node in chart.nodes:
        outgoing = [e for e in chart.edges if e.source == node.id]
        then = "; ".join(
            (f"{e.label}: " if e.label else "")
            + f"step {order[e.target] + 1} ({chart.node(e.target).label})"
            for e in outgoing
        )
        link = clause_url(protocol, node.clause, here)
        role = protocol.role(node.role).name
        steps.append(
            f'<li id="map-step-{node.id}">{html_text(node.label)} '
            f'(<a href="{html_text(link)}">clause {html_text(node.clause)}</a>; '
            f"{html_text(role)})." + (f" Then: {html_text(then)}." if then else "") + "</li>"
        )
    return "\n".join(
        [
            '<figure class="process-map">',
            '<div class="process-map-scroll">',
            "".join(svg),
            "</div>",
            f"<figcaption>{html_text(chart.title)}. Each box links to its clause.</figcaption>",
            "</figure>",
            "",
            '<h2 id="process-map-text">The process as a list</h2>',
            "",
            '<ol class="process-map-steps">',
            *steps,
            "</ol>",
        ]
    )


# Scenarios ---------------------------------------------------------------------------


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
        '<form id="scenario-form" class="calculator training-form" data-calculator="scenarios" '
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
        "for at the strategy meeting</h2></legend>",
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
            lines += [f"- {md_text(_cell(protocol, i))}" for i in model]
        else:
            lines.append("No Appendix B indicator is ticked.")
        lines.append("")
        lines.append(
            f"Category to argue for at the strategy meeting: "
            f"**{md_text(category_words(scenario.model_category))}**."
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
        "    The cells: " + "; ".join(md_text(_cell(protocol, i)) for i in cells) + ".",
        "",
        f"    See [the language guide]({page_link('training/language.md', here)}) and "
        f"[the editorial notes]({page_link(f'about.md#note-{note.id}', here)}).",
        "",
    ]
    return "\n".join(lines)


# The quiz ------------------------------------------------------------------------------


def quiz_form(protocol: Protocol, here: str) -> str:
    """The quiz's frame: the questions come from the calculators in the browser."""
    return "\n".join(
        [
            '<form id="quiz-form" class="calculator training-form" data-calculator="quiz" '
            'novalidate autocomplete="off">',
            '<p class="calculator-status" role="status">The quiz needs JavaScript and '
            "WebAssembly.</p>",
            '<p class="quiz-progress" id="quiz-progress" role="status"></p>',
            '<div id="quiz-question"></div>',
            '<div class="form-actions">',
            '<button type="submit" class="md-button md-button--primary" data-action="check" '
            "disabled>Check my answer</button>",
            '<button type="button" class="md-button" data-action="next" disabled>'
            "Next question</button>",
            '<button type="button" class="md-button" data-action="restart" disabled>'
            "Start a new quiz</button>",
            "</div>",
            '<div id="quiz-feedback" class="calculator-answer" aria-live="polite"></div>',
            "</form>",
        ]
    )
