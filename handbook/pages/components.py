"""Shared pieces of the form pages and the Word templates: a template's introduction
and each section's guidance, quoted from the clauses it rests on."""

from __future__ import annotations

from calculators.clause_text import plain_text
from calculators.documents.text import PROPOSED_NOTICE
from calculators.protocol import Protocol, Template, TemplateSection
from calculators.registry import calculator
from handbook.pages.links import clause_refs, email_link, md_text


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


def calculator_attributes(name: str) -> str:
    """A calculator form's attributes from calculators.registry: the name the page's
    script knows it by, and the page binding that runs it."""
    found = calculator(name)
    return f'data-calculator="{found.name}" data-binding="{found.binding}"'
