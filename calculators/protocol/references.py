"""Consistency across the file: unique ids, and every reference to a clause, contact,
rule, template or note pointing at one that exists.

Clause text refers to data held once: {contact:cse-lead}, {rule:mase_panel}.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from calculators.protocol.model import Protocol
from calculators.protocol.primitives import ProtocolError, unique, unique_nested

REFERENCE = re.compile(r"\{(contact|rule):([^}]*)\}")
RULE_NAMES = ("mase_panel", "mase_referral", "monthly_report", "strategy_meeting")


def check_references(protocol: Protocol) -> None:
    """Raise a ProtocolError at the first duplicate id or reference to nothing."""
    _check_unique_ids(protocol)
    clause_ref = _known("the number of a clause in sections", {c.id for c in protocol.clauses})
    contact_ref = _known_listed("a contact id", {c.id for c in protocol.contacts})

    def text_refs(text: str, path: str) -> None:
        for kind, name in REFERENCE.findall(text):
            if kind == "contact":
                contact_ref(name, path)
            elif name not in RULE_NAMES:
                raise ProtocolError(
                    path, f"expected a rule ({', '.join(RULE_NAMES)}) in {{rule:…}}, got {name!r}"
                )

    for s_index, section in enumerate(protocol.sections):
        for c_index, clause in enumerate(section.clauses):
            path = f"sections[{s_index}].clauses[{c_index}]"
            text_refs(clause.text, f"{path}.text")
            for i_index, item in enumerate(clause.items):
                text_refs(item.text, f"{path}.items[{i_index}].text")
    template_ids = {t.id for t in protocol.templates}
    for index, contact in enumerate(protocol.contacts):
        for u_index, use in enumerate(contact.used_in):
            path = f"contacts[{index}].used_in[{u_index}]"
            if use.startswith("form:"):
                if use[5:] not in template_ids:
                    raise ProtocolError(path, f"expected form:<template id>, got {use!r}")
            else:
                clause_ref(use, path)
    note_ids = {n.id for n in protocol.editorial_notes}
    for index, level in enumerate(protocol.categories.levels):
        if level.note is not None and level.note not in note_ids:
            raise ProtocolError(
                f"categories.levels[{index}].note",
                f"expected an editorial note id, got {level.note!r}",
            )
    _check_weights(protocol)
    for index, clause in enumerate(protocol.risk_rule.clauses):
        clause_ref(clause, f"risk_rule.clauses[{index}]")
    timing = protocol.timing
    for name in RULE_NAMES:
        clause_ref(getattr(timing, name).clause, f"timing.{name}.clause")
    clause_ref(
        timing.strategy_meeting.out_of_borough_clause,
        "timing.strategy_meeting.out_of_borough_clause",
    )
    contact_ref(timing.monthly_report.send_to, "timing.monthly_report.send_to")
    for t_index, template in enumerate(protocol.templates):
        for index, clause in enumerate(template.clauses):
            clause_ref(clause, f"templates[{t_index}].clauses[{index}]")
        for s_index, section in enumerate(template.sections):
            for index, clause in enumerate(section.clauses):
                clause_ref(clause, f"templates[{t_index}].sections[{s_index}].clauses[{index}]")
        for index, contact in enumerate(template.email_to):
            contact_ref(contact, f"templates[{t_index}].email_to[{index}]")


def _known(expected: str, known: set[str]) -> Callable[[str, str], None]:
    def check(value: str, path: str) -> None:
        if value not in known:
            raise ProtocolError(path, f"expected {expected}, got {value!r}")

    return check


def _known_listed(expected: str, known: set[str]) -> Callable[[str, str], None]:
    return _known(f"{expected} ({', '.join(sorted(known))})", known)


def _check_weights(protocol: Protocol) -> None:
    """Under weighted_bands, every indicator carries its weight."""
    if protocol.risk_rule.method != "weighted_bands":
        return
    for d_index, domain in enumerate(protocol.categories.domains):
        for i_index, indicator in enumerate(domain.indicators):
            if indicator.weight is None:
                raise ProtocolError(
                    f"categories.domains[{d_index}].indicators[{i_index}].weight",
                    "expected a weight (a whole number) on every indicator, "
                    "as risk_rule.method is weighted_bands",
                )


def _check_unique_ids(protocol: Protocol) -> None:
    sections = protocol.sections
    _unique_in(sections, "sections", "number", "section number")
    unique_nested(sections, "sections", "clauses", "id", "clause id")
    _unique_in(protocol.contacts, "contacts", "id", "contact id")
    _unique_in(protocol.glossary, "glossary", "abbr", "abbreviation")
    domains = protocol.categories.domains
    _unique_in(domains, "categories.domains", "id", "domain id")
    unique_nested(domains, "categories.domains", "indicators", "id", "indicator id")
    _unique_in(protocol.editorial_notes, "editorial_notes", "id", "note id")
    _unique_in(protocol.templates, "templates", "id", "template id")


def _unique_in(items: tuple[object, ...], path: str, attribute: str, what: str) -> None:
    unique(
        ((getattr(item, attribute), f"{path}[{i}].{attribute}") for i, item in enumerate(items)),
        what,
    )
