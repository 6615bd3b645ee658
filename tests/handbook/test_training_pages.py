"""The Training pages as rendered at build time: quoted clauses, the process map, the pack."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from calculators.clause_text import plain_text
from calculators.protocol import Protocol, protocol_from_mapping
from handbook.build.loader import load_protocol
from handbook.build.protocol_json import with_bank_holidays
from handbook.pages import training
from handbook.pages.links import md_text
from handbook.pages.process_map import process_map

SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return protocol_from_mapping(with_bank_holidays(load_protocol().data))


def the_svg(markup: str) -> Any:
    found = re.search(r"<svg .*?</svg>", markup, re.DOTALL)
    assert found, "no inline SVG"
    return ET.fromstring(found.group(0))  # well-formed XML, or this raises


def test_the_map_has_a_title_a_description_and_a_box_linking_each_clause(
    protocol: Protocol,
) -> None:
    markup = process_map(protocol, "training/process.md")
    svg = the_svg(markup)
    assert svg.find(f"{SVG}title").text == protocol.process_map.title
    assert protocol.process_map.description in svg.find(f"{SVG}desc").text
    assert svg.get("aria-labelledby") and svg.get("aria-describedby")
    assert svg.get("viewBox") and "width" not in svg.attrib  # scales with the column
    # HTML links in <foreignObject> (an SVG <a> breaks Material's instant navigation)
    assert not list(svg.iter(f"{SVG}a"))
    links = [a.get("href") for a in svg.iter(f"{XHTML}a")]
    expected = [
        f"../../directive/section-{n.clause.split('.')[0]}/#clause-{n.clause.replace('.', '-')}"
        for n in protocol.process_map.nodes
    ]
    assert links == expected
    names = [a.get("title") for a in svg.iter(f"{XHTML}a")]
    assert all(
        f"clause {n.clause}" in t for n, t in zip(protocol.process_map.nodes, names, strict=True)
    )
    own = markup.replace(SVG[1:-1], "").replace(XHTML[1:-1], "")
    assert "<script" not in markup and "http://" not in own


def test_the_map_has_an_ordered_list_with_every_step_and_where_it_leads(
    protocol: Protocol,
) -> None:
    markup = process_map(protocol, "training/process.md")
    items = re.findall(r"<li id=\"map-step-([^\"]+)\">(.*?)</li>", markup, re.DOTALL)
    assert [i for i, _ in items] == [n.id for n in protocol.process_map.nodes]
    texts = dict(items)
    for edge in protocol.process_map.edges:
        target = protocol.process_map.node(edge.target)
        assert target.label in texts[edge.source].replace("&#x27;", "'")


def test_each_induction_step_quotes_its_clauses_from_the_directive(protocol: Protocol) -> None:
    markdown = training.induction_path(protocol, "training/index.md")
    for step in protocol.induction.steps:
        section = markdown.split(f"{{#step-{step.id}}}")[1].split("## Step")[0]
        words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", section)  # links read as their words
        for clause_id in step.clauses:
            clause = protocol.clause(clause_id)
            first_words = md_text(plain_text(protocol, clause.text))[:40]
            assert first_words in words or ("{contact:" in clause.text), (step.id, clause_id)
            assert f"#clause-{clause_id.replace('.', '-')}" in section


def test_the_roles_page_lists_every_role_and_links_each_duty(protocol: Protocol) -> None:
    markdown = training.roles_table(protocol, "training/roles.md")
    for role in protocol.roles:
        assert f"{{#role-{role.id}}}" in markdown
        for duty in role.duties:
            assert f"#clause-{duty.clause.replace('.', '-')}" in markdown


def test_the_scenario_pack_puts_every_vignette_before_every_answer(protocol: Protocol) -> None:
    markdown = training.scenario_pack(protocol, "training/scenario-pack.md")
    answers_at = markdown.index("## Answers")
    assert training.INVENTED_NAMES in markdown.replace("\\", "")
    for scenario in protocol.scenarios:
        assert markdown.index(md_text(scenario.text)) < answers_at
        if scenario.differs_because:
            assert markdown.index(md_text(scenario.differs_because)) > answers_at
    assert markdown.index('<div class="pack-answers"') < answers_at


def test_the_scenario_form_says_names_are_invented_and_renders_every_cell_disabled(
    protocol: Protocol,
) -> None:
    markup = training.scenario_form(protocol, "training/scenarios.md")
    assert training.INVENTED_NAMES in markup
    boxes = re.findall(r'<input type="checkbox"[^>]*>', markup)
    assert len(boxes) == len(protocol.indicators)
    assert all(" disabled" in box for box in boxes)


def test_the_language_note_lists_the_verbatim_cells(protocol: Protocol) -> None:
    markdown = training.language_note(protocol, "categories.md")
    for indicator_id in protocol.language.verbatim_indicators:
        assert md_text(protocol.indicator(indicator_id).text) in markdown
