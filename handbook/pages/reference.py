"""Reference pages: a template's structure, the forms list, contacts, glossary and
the about page (version, metadata, sources, changelog)."""

from __future__ import annotations

import json
from pathlib import Path

from calculators.protocol import Protocol
from calculators.wording import long_date
from handbook.pages.components import section_guidance, template_intro
from handbook.pages.edition import edition_rows
from handbook.pages.links import (
    GLOSSARY_READINGS_NOTE,
    clause_ref,
    email_link,
    form_page,
    handbook_marker,
    md_text,
    page_link,
)


def template_structure(protocol: Protocol, template_id: str, here: str) -> str:
    """A blank appendix form as a structured list of its sections and fields."""
    template = protocol.template(template_id)
    lines = template_intro(protocol, template, here)
    for section in template.sections:
        lines += [f"## {md_text(section.title)}", ""]
        for line in section_guidance(protocol, section):
            lines += [md_text(line), ""]
        for field in section.fields:
            required = " (required)" if field.required else ""
            entry = f"- **{md_text(field.label)}**{required}"
            if field.help:
                entry += f": {md_text(field.help)}"
            if field.options:
                entry += " (" + " / ".join(md_text(o) for o in field.options) + ")"
            if field.columns:
                entry += ": a table of " + ", ".join(md_text(c.label) for c in field.columns)
            lines.append(entry)
        lines.append("")
    return "\n".join(lines)


def forms_list(protocol: Protocol, here: str) -> str:
    lines = []
    for template in protocol.templates:
        kind = "appendix form" if template.appendix else "template"
        if template.proposed:
            kind = "proposed template"
        link = page_link(form_page(template.id), here)
        lines.append(f"- [{md_text(template.title)}]({link}) ({kind})")
    return "\n".join(lines)


def form_links(protocol: Protocol, here: str) -> str:
    """Links to every form page, as "[title](page),", one a line."""
    return "\n".join(
        f"[{md_text(t.title)}]({page_link(form_page(t.id), here)})," for t in protocol.templates
    )


def contacts_table(protocol: Protocol, here: str) -> str:
    lines = [
        "| Name | Role | Organisation | Email | Where the directive uses it |",
        "| --- | --- | --- | --- | --- |",
    ]
    for contact in protocol.contacts:
        uses = []
        for use in contact.used_in:
            if use.startswith("form:"):
                template = protocol.template(use[5:])
                uses.append(
                    f"[{md_text(template.title)}]({page_link(form_page(template.id), here)})"
                )
            else:
                uses.append(clause_ref(protocol, use, here))
        lines.append(
            f"| {md_text(contact.name)} | {md_text(contact.role)} | "
            f"{md_text(contact.organisation)} | {email_link(protocol, contact.id)} | "
            f"{', '.join(uses)} |"
        )
    return "\n".join(lines)


def glossary_table(protocol: Protocol, here: str) -> str:
    """The glossary; a meaning that is the handbook's reading says so, with a link to why."""
    lines = ["| Term | Meaning |", "| --- | --- |"]
    for entry in sorted(protocol.glossary, key=lambda a: a.abbr.lower()):
        meaning = md_text(entry.expansion)
        if entry.to_confirm:
            reading = "Handbook's reading, to be confirmed"
            meaning += " " + handbook_marker(protocol, GLOSSARY_READINGS_NOTE, reading, here)
        lines.append(f"| {md_text(entry.abbr)} | {meaning} |")
    return "\n".join(lines)


def purpose(protocol: Protocol) -> str:
    return md_text(protocol.metadata.purpose)


def metadata_table(protocol: Protocol) -> str:
    m = protocol.metadata
    rows = [
        ("Title", md_text(m.title)),
        ("Organisation", md_text(m.organisation)),
        *edition_rows(protocol),
        ("Owner", md_text(m.owner)),
    ]
    return "\n".join(["| Detail | Value |", "| --- | --- |", *(f"| {k} | {v} |" for k, v in rows)])


def sources_list(protocol: Protocol) -> str:
    m = protocol.metadata
    return md_text(m.sources_intro) + ":\n\n" + "\n".join(f"- {md_text(s)}" for s in m.sources)


PACKAGE_JSON = Path(__file__).resolve().parents[2] / "package.json"


def pinned_package(name: str) -> str:
    """The exact version package.json pins for an npm package (the accessibility statement's tools)."""
    manifest = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))
    pins = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
    if name not in pins:
        raise RuntimeError(f"package.json pins no version of {name!r}")
    return str(pins[name])


def changelog(protocol: Protocol) -> str:
    """The editions; their dates only once the protocol owner has approved one (until then
    no page states a date the edition would take effect)."""
    if not protocol.metadata.approved:
        lines = ["| Version | Change |", "| --- | --- |"]
        lines += [f"| {md_text(e.version)} | {md_text(e.summary)} |" for e in protocol.changelog]
        return "\n".join(lines)
    lines = ["| Version | Date | Change |", "| --- | --- | --- |"]
    for entry in protocol.changelog:
        lines.append(
            f"| {md_text(entry.version)} | {long_date(entry.date)} | {md_text(entry.summary)} |"
        )
    return "\n".join(lines)
