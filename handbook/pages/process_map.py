"""The Training section's process map, drawn at build time as inline SVG (no script,
no CDN): each box a link to its clause, and the same steps as text."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from calculators.protocol import Protocol
from handbook.pages.links import (
    clause_url,
    html_text,
)


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
