"""Consistency across the file: unique ids, and every reference pointing at an item that exists.

A field says what it refers to in its metadata (`refers_to("clause")`, see
`reading.py`); `check_references` walks the whole model and checks each such
value by its kind, so a new field that cites clauses needs no code here.
Clause text refers to data held once: {contact:cse-lead}, {rule:<id of any timing rule>}.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from typing import Any

from calculators.protocol.categories import Domain
from calculators.protocol.model import HANDOFF_TEXT, Protocol, Template
from calculators.protocol.primitives import (
    Problems,
    ProtocolError,
    join,
    unique,
    unique_nested,
)
from calculators.protocol.reading import field_spec, file_key, key_of
from calculators.protocol.risk_checks import check_risk_method
from calculators.protocol.timing import REVIEW_HANDOFF_SOURCES, REVIEW_HANDOFF_TEXT

# Clause text refers to data held once: {contact:cse-lead}, {rule:mase_panel}; and
# points elsewhere in the directive in its own words, which stay as written:
# {section:4|section 4}, {clause:6.13|clause 6.13}, {form:mase-referral|Appendices section},
# {appendix:B|Appendices} (the appendix id `categories.appendix` names).
REFERENCE = re.compile(r"\{(contact|rule|section|clause|form|appendix):([^}|]*)(?:\|([^}]*))?\}")
LINK_KINDS = ("section", "clause", "form", "appendix")
Check = Callable[[str, str], None]


def check_references(protocol: Protocol) -> None:
    """Raise ProtocolProblems naming every duplicate id and every reference to nothing."""
    problems = Problems()
    problems.check(lambda: _check_unique_ids(protocol))
    checks = reference_checks(protocol)
    for kind, value, path in references(protocol):
        if kind not in checks:
            raise TypeError(f"{path}: unknown reference kind {kind!r} in the model")
        problems.check(lambda kind=kind, value=value, path=path: checks[kind](value, path))
    problems.check(lambda: check_risk_method(protocol))
    problems.check(lambda: _check_themes(protocol.categories.domains))
    for index, template in enumerate(protocol.templates):
        problems.check(
            lambda index=index, template=template: _check_handoffs(
                protocol, template, f"templates[{index}]"
            )
        )
    problems.check(lambda: _check_dates_handoffs(protocol))
    problems.raise_any()


def references(item: Any, path: str = "") -> Iterator[tuple[str, str, str]]:
    """(kind, value, path) of every value marked `refers_to` in the model, in file order."""
    return _references(item, path, {})


# A field as the walk needs it: its name, its key in the file, what it refers to, whether
# it is listed by key.
_Walked = tuple[str, str, str | None, bool]


def _references(
    item: Any, path: str, fields: dict[type, tuple[_Walked, ...]]
) -> Iterator[tuple[str, str, str]]:
    """The walk, with each dataclass's fields looked up once per walk (the browser checks
    the whole protocol on every start)."""
    cls = type(item)
    walked = fields.get(cls)
    if walked is None:
        walked = tuple(
            (f.name, file_key(f), field_spec(f).refers_to, field_spec(f).keyed)
            for f in dataclasses.fields(item)
        )
        fields[cls] = walked
    for name, key, kind, keyed in walked:
        value = getattr(item, name)
        if isinstance(value, tuple):
            values = value
        elif kind is None and not dataclasses.is_dataclass(value):
            continue  # a plain value that refers to nothing
        else:
            values = (value,)
        for index, one in enumerate(values):
            if kind is None and not dataclasses.is_dataclass(one):
                continue
            if keyed:  # listed by key: timing.mase_panel
                one_path = join(path, str(key_of(one)))
            elif isinstance(value, tuple):
                one_path = f"{join(path, key)}[{index}]"
            else:
                one_path = join(path, key)
            if kind is not None and one is not None:
                yield kind, one, one_path
            elif dataclasses.is_dataclass(one):
                yield from _references(one, one_path, fields)


def appendix_ids(protocol: Protocol) -> tuple[str, ...]:
    """The appendices clause text may point at: the one holding the categories, if named."""
    appendix = protocol.categories.appendix
    return (appendix,) if appendix else ()


def reference_checks(protocol: Protocol) -> dict[str, Check]:
    """One check per kind of reference, each naming what it expected."""
    templates = {t.id for t in protocol.templates}
    clause = _known("the number of a clause in sections", {c.id for c in protocol.clauses})
    contact_ids = {c.id for c in protocol.contacts}
    contact = _known(f"a contact id ({', '.join(sorted(contact_ids))})", contact_ids)
    rule_ids = protocol.timing.ids
    rule = _known(f"a rule ({', '.join(rule_ids)}) in {{rule:…}}", set(rule_ids))

    def use(value: str, path: str) -> None:
        if not value.startswith("form:"):
            clause(value, path)
        elif value[5:] not in templates:
            raise ProtocolError(path, f"expected form:<template id>, got {value!r}")

    def link(kind: str, name: str, words: str | None, path: str) -> None:
        if words is None or not words.strip():
            raise ProtocolError(
                path,
                f"expected the directive's words after '|' in {{{kind}:{name}|…}}, "
                "e.g. {section:4|section 4}",
            )
        if kind == "section":
            what, known = "a section number", [str(s.number) for s in protocol.sections]
        elif kind == "clause":
            what, known = "a clause number", [c.id for c in protocol.clauses]
        elif kind == "form":
            what, known = "a template id", sorted(templates)
        else:
            what, known = "an appendix id (categories.appendix)", list(appendix_ids(protocol))
        if kind == "clause" and name not in known:
            raise ProtocolError(
                path,
                f"expected the number of a clause in sections (such as {known[-1]}) in "
                f"{{clause:…|…}}, got {name!r}",
            )
        if name not in known:
            raise ProtocolError(
                path,
                f"expected {what} ({', '.join(known) or 'none is named'}) in {{{kind}:…|…}}, "
                f"got {name!r}",
            )

    def text(value: str, path: str) -> None:
        for kind, name, words in REFERENCE.findall(value):
            if kind in LINK_KINDS:
                link(kind, name, words or None, path)
            elif words:
                raise ProtocolError(
                    path, f"expected {{{kind}:{name}}} without '|…': its words come from the data"
                )
            elif kind == "contact":
                contact(name, path)
            else:
                rule(name, path)
        leftover = REFERENCE.sub("", value)
        if "{" in leftover or "}" in leftover:
            raise ProtocolError(
                path,
                "expected a reference like {contact:ID}, {rule:NAME}, {section:N|words}, "
                "{clause:N.N|words}, {form:ID|words} or {appendix:ID|words}, "
                "got a stray '{' or '}'",
            )

    return {
        "clause": clause,
        "contact": contact,
        "note": _known("a decision id", {n.id for n in protocol.decisions}),
        "template": _known("a template id", templates),
        "indicator": _known(
            f"an indicator id from categories.domains (such as {protocol.indicators[0].id})",
            {i.id for i in protocol.indicators},
        ),
        "role": _known_listed("a role id", {r.id for r in protocol.roles}),
        "node": _known_listed("a node id", {n.id for n in protocol.process_map.nodes}),
        "use": use,
        "text": text,
    }


def _known_listed(expected: str, known: set[str]) -> Check:
    return _known(f"{expected} ({', '.join(sorted(known))})", known)


def _known(expected: str, known: set[str]) -> Check:
    def check(value: str, path: str) -> None:
        if value not in known:
            raise ProtocolError(path, f"expected {expected}, got {value!r}")

    return check


def _check_unique_ids(protocol: Protocol) -> None:
    _unique_in(protocol.sections, "sections", "number", "section number")
    unique_nested(protocol.sections, "sections", "clauses", "id", "clause id")
    _unique_in(protocol.contacts, "contacts", "id", "contact id")
    _unique_in(protocol.glossary, "glossary", "abbr", "abbreviation")
    domains = protocol.categories.domains
    _unique_in(domains, "categories.domains", "id", "domain id")
    unique_nested(domains, "categories.domains", "indicators", "id", "indicator id")
    _unique_in(protocol.decisions, "decisions", "id", "decision id")
    _unique_in(protocol.templates, "templates", "id", "template id")
    _unique_in(protocol.roles, "roles", "id", "role id")
    _unique_in(protocol.scenarios, "scenarios", "id", "scenario id")


def _unique_in(items: tuple[Any, ...], path: str, attribute: str, what: str) -> None:
    unique(
        ((getattr(item, attribute), f"{path}[{i}].{attribute}") for i, item in enumerate(items)),
        what,
    )


def _check_handoffs(protocol: Protocol, template: Template, path: str) -> None:
    """A hand-off goes to another template's fields, from this one's fields or its text."""
    own = {f.id for f in template.fields} | {HANDOFF_TEXT}
    templates = {t.id: t for t in protocol.templates}
    for index, handoff in enumerate(template.handoffs):
        where = f"{path}.handoffs[{index}]"
        target = templates.get(handoff.to)
        if target is None or target is template:
            raise ProtocolError(
                f"{where}.to", f"expected the id of another template, got {handoff.to!r}"
            )
        expected = f"a field of this template or {HANDOFF_TEXT!r}"
        _check_handoff_fields(handoff, target, where, own, expected, dates_only=False)
        levels = set() if template.filled_by else {f.id for f in template.fields if f.records_level}
        _check_level_fields(handoff, target, where, levels)


def _check_dates_handoffs(protocol: Protocol) -> None:
    """The due-dates page hands its dates to date fields of the protocol's templates, and a
    date in words ("by … at the latest") to a text field."""
    templates = {t.id: t for t in protocol.templates}
    expected = "one of " + ", ".join(REVIEW_HANDOFF_SOURCES)
    for rule in protocol.timing.of_kind("recurring_review"):
        path = f"timing.{rule.id}"
        if rule.handoffs and not rule.handbook_wording.handoff_label:
            raise ProtocolError(
                f"{path}.handbook_wording.handoff_label",
                "expected the label of the button that hands the dates to the forms",
            )
        for index, handoff in enumerate(rule.handoffs):
            where = f"{path}.handoffs[{index}]"
            target = templates.get(handoff.to)
            if target is None:
                raise ProtocolError(f"{where}.to", f"expected a template id, got {handoff.to!r}")
            sources = set(REVIEW_HANDOFF_SOURCES)
            _check_handoff_fields(handoff, target, where, sources, expected, dates_only=False)
            types = {f.id: f.type for f in target.fields}
            for field_id, source in handoff.fields:
                words = source in REVIEW_HANDOFF_TEXT
                if types[field_id] not in (("text", "textarea") if words else ("date",)):
                    kind = "a text field" if words else "a date field"
                    raise ProtocolError(
                        f"{where}.fields.{field_id}",
                        f"expected {kind} for {source}, got a {types[field_id]} field",
                    )
            _check_level_fields(handoff, target, where, set())


def _check_handoff_fields(
    handoff: Any, target: Template, where: str, sources: set[str], expected: str, dates_only: bool
) -> None:
    """Each field a hand-off fills is one of the target's (a date field, if dates_only), and
    each source one of `sources` (described as `expected`)."""
    kind = "a date field" if dates_only else "a field"
    fields = {f.id for f in target.fields if f.type == "date" or not dates_only}
    for field_id, source in handoff.fields:
        if field_id not in fields:
            raise ProtocolError(
                f"{where}.fields.{field_id}",
                f"expected {kind} of the {handoff.to!r} template, got {field_id!r}",
            )
        if source not in sources:
            raise ProtocolError(
                f"{where}.fields.{field_id}", f"expected {expected}, got {source!r}"
            )


def _check_level_fields(handoff: Any, target: Template, where: str, levels: set[str]) -> None:
    """A field the target names for the level (`records: level`) is filled only from the level
    a meeting agreed: a level field of a form people fill in (`levels`), never from a
    calculator's reading (clauses 6.3, 6.9)."""
    marked = {f.id: f for f in target.fields if f.records_level}
    for field_id, source in handoff.fields:
        if field_id in marked and source not in levels:
            raise ProtocolError(
                f"{where}.fields.{field_id}",
                f"expected no hand-off into {marked[field_id].label!r}, the field the "
                f"{handoff.to!r} template names for the level (records: level), except from "
                f"the level a meeting agreed (a level field of a form), got {source!r}",
            )


def _check_themes(domains: tuple[Domain, ...]) -> None:
    """A theme is one indicator at different levels: one domain, one cell per category."""
    seen: dict[str, tuple[str, dict[int, str]]] = {}
    first: dict[str, str] = {}  # where each theme is first named
    for d_index, domain in enumerate(domains):
        for i_index, indicator in enumerate(domain.indicators):
            path = f"categories.domains[{d_index}].indicators[{i_index}].theme"
            for theme in indicator.themes:
                first.setdefault(theme, path)
                home, cells = seen.setdefault(theme, (domain.id, {}))
                if home != domain.id:
                    raise ProtocolError(
                        path,
                        f"theme {theme!r} of {indicator.id} is already used in the domain "
                        f"{home!r}: a theme's cells lie in one domain",
                    )
                if indicator.category in cells:
                    raise ProtocolError(
                        path,
                        f"theme {theme!r} of {indicator.id} already has a Category "
                        f"{indicator.category} cell ({cells[indicator.category]}): a theme's "
                        "cells stand at different categories",
                    )
                cells[indicator.category] = indicator.id
    for theme, (_home, cells) in seen.items():
        if len(cells) < 2:
            raise ProtocolError(
                first[theme],
                f"theme {theme!r} has one cell ({', '.join(cells.values())}): a theme names "
                "the same indicator in two or more categories",
            )
