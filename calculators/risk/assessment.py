"""The Appendix B reading for the CSE strategy meeting, from the indicator matrix.

Decision support only: the strategy meeting sets the risk level (clauses 6.3, 6.9
and 6.10), so nothing here records a category, and no hand-off puts the reading
into a field a form names for the level (`records: level`, checked when the
protocol is read). The rule is data (`risk_rule` in the protocol): for each domain
what is ticked and every column that lists it, the number counted in each column,
and the highest column ticked. Cells of one domain in the same words
(`calculators.risk.listing`) or of one theme are one indicator at different
columns; ticked at two, it counts once, at the higher. The words are in
`calculators.risk.words`, every sentence from `risk_rule`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from calculators.documents.field_types import field_type
from calculators.errors import InputError
from calculators.protocol import Band, Indicator, Protocol
from calculators.risk.listing import also_listed, same_words
from calculators.risk.methods import METHODS
from calculators.risk.methods.form_fields import CALCULATOR, form_values
from calculators.risk.words import (
    BLANK,
    band_line,
    counted_once_lines,
    counts_line,
    definition_line,
    domain_lines,
    headline,
    highest_line,
    listing,
    prompt_lines,
    rationale_lines,
    reading_text,
    repeated_only_line,
    single_line,
)

MAX_INDICATORS = 1_000


@dataclass(frozen=True)
class DomainReading:
    """What was ticked in one domain, and the highest category among it (None: nothing)."""

    domain_id: str
    name: str
    ticked: tuple[Indicator, ...]

    @property
    def highest(self) -> int | None:
        return max((i.category for i in self.ticked if i.category is not None), default=None)


@dataclass(frozen=True)
class CountedOnce:
    """A theme ticked at more than one level: it counts once, at `category`."""

    theme: str
    domain: str
    ticked: tuple[Indicator, ...]

    @property
    def category(self) -> int:
        return max(i.category for i in self.ticked)


@dataclass(frozen=True)
class ThemeView:
    """Every cell of a theme that has a ticked cell, for the page to show side by side."""

    theme: str
    domain: str
    cells: tuple[Indicator, ...]
    ticked: frozenset[str]

    @property
    def domain_id(self) -> str:
        return self.cells[0].domain


@dataclass(frozen=True)
class RiskAssessment:
    category: int | None
    counts: tuple[tuple[int, int], ...]
    domains: tuple[DomainReading, ...]
    counted: tuple[Indicator, ...]
    counted_once: tuple[CountedOnce, ...]
    themes: tuple[ThemeView, ...]
    rationale: tuple[str, ...]
    clauses: tuple[str, ...]
    rule: str
    decision_support: str
    # weighted_bands: the total of the counted indicators' weights, and its band.
    score: int | None = None
    band: Band | None = None

    @property
    def ticked(self) -> tuple[Indicator, ...]:
        return tuple(i for d in self.domains for i in d.ticked)

    @property
    def unrecorded(self) -> tuple[str, ...]:
        """The names of the domains where nothing is ticked."""
        return tuple(d.name for d in self.domains if not d.ticked)

    @property
    def single(self) -> Indicator | None:
        """The one indicator the profile rests on, when it rests on one."""
        return self.counted[0] if len(self.counted) == 1 else None

    @property
    def profile(self) -> dict[str, int | None]:
        return {d.domain_id: d.highest for d in self.domains}


def _check_ids(protocol: Protocol, ids: list[str]) -> None:
    if len(ids) > MAX_INDICATORS:
        raise InputError.one("indicators", f"expected at most {MAX_INDICATORS} indicator ids")
    known = {i.id for i in protocol.indicators}
    unknown = [i for i in ids if i not in known]
    if unknown:
        shown = ", ".join(repr(i)[:60] for i in unknown[:5])
        raise InputError.one(
            "indicators",
            f"unknown indicator id {shown}: expected ids such as "
            f"{protocol.indicators[0].id} (the protocol's indicators list every id)",
        )


def _one_indicator(one: Indicator, other: Indicator) -> bool:
    """Cells that are one indicator: of one theme, or in the same words in one domain."""
    return bool(set(one.themes) & set(other.themes)) or same_words(one, other)


def counted_indicators(ticked: Iterable[Indicator]) -> tuple[Indicator, ...]:
    """The ticked indicators less those the same indicator ticked at a higher level absorbs."""
    chosen = tuple(ticked)
    return tuple(
        i
        for i in chosen
        if i.category is None
        or not any(
            other.category is not None and other.category > i.category and _one_indicator(other, i)
            for other in chosen
        )
    )


def assess(protocol: Protocol, indicator_ids: Iterable[str]) -> RiskAssessment:
    """The indicator profile for the ticked indicators."""
    ids = list(indicator_ids)
    _check_ids(protocol, ids)
    chosen = set(ids)
    rule = protocol.risk_rule
    domains = tuple(
        DomainReading(
            domain_id=d.id, name=d.name, ticked=tuple(i for i in d.indicators if i.id in chosen)
        )
        for d in protocol.categories.domains
    )
    ticked = tuple(i for d in domains for i in d.ticked)
    counted = counted_indicators(ticked)
    levels = protocol.categories.numbers
    counts = tuple((n, sum(1 for i in counted if i.category == n)) for n in levels)
    category = max((i.category for i in ticked if i.category is not None), default=None)
    method = METHODS[rule.method](protocol, counted)

    once: list[CountedOnce] = []
    views: list[ThemeView] = []
    for domain in protocol.categories.domains:
        themes = dict.fromkeys(t for i in domain.indicators for t in i.themes)
        for theme in themes:
            cells = tuple(i for i in domain.indicators if theme in i.themes)
            hit = tuple(i for i in cells if i.id in chosen)
            if hit:
                views.append(ThemeView(theme, domain.name, cells, frozenset(i.id for i in hit)))
            if len(hit) > 1:
                once.append(CountedOnce(theme=theme, domain=domain.name, ticked=hit))

    assessment = RiskAssessment(
        category=category,
        counts=counts,
        domains=domains,
        counted=counted,
        counted_once=tuple(once),
        themes=tuple(views),
        rationale=(),
        clauses=rule.clauses,
        rule=rule.text,
        decision_support=rule.decision_support,
        score=method.score,
        band=method.band,
    )
    return replace(assessment, rationale=rationale_lines(protocol, assessment))


# Outputs ----------------------------------------------------------------------


def theme_data(protocol: Protocol, view: ThemeView) -> dict[str, Any]:
    return {
        "theme": view.theme,
        "domain": view.domain_id,
        "domain_name": view.domain,
        "cells": [
            {
                "id": i.id,
                "text": i.text,
                "category": i.category,
                "category_name": protocol.category(i.category).name,
                "definition": protocol.category(i.category).definition,
                "ticked": i.id in view.ticked,
            }
            for i in view.cells
        ],
    }


def assessment_data(assessment: RiskAssessment, protocol: Protocol) -> dict[str, Any]:
    """The JSON form shared by the command line and the browser."""
    rule = protocol.risk_rule
    return {
        "method": rule.method,
        # the grid's columns: one per level, lowest first (none for a checklist)
        "levels": [{"number": lv.number, "name": lv.name} for lv in protocol.categories.levels],
        "category": assessment.category,
        "category_name": None if assessment.category is None else rule.name_of(assessment.category),
        "headline": headline(rule, assessment),
        "profile": assessment.profile,
        "counts": {str(n): count for n, count in assessment.counts},
        "counted_once": [entry.theme for entry in assessment.counted_once],
        "single_indicator": None if assessment.single is None else assessment.single.id,
        "ticked": [
            {
                "id": i.id,
                "domain": i.domain,
                "domain_name": d.name,
                "category": i.category,
                "text": i.text,
                "themes": list(i.themes),
                "also_listed": list(also_listed(protocol, i)),
            }
            for d in assessment.domains
            for i in d.ticked
        ],
        "no_information": list(assessment.unrecorded),
        "rationale": list(assessment.rationale),
        "clauses": list(assessment.clauses),
        "rule": assessment.rule,
        "decision_support": assessment.decision_support,
        # weighted_bands only, so that highest_level's keys stay as they were.
        **(
            {"score": assessment.score, "band": assessment.band.name}
            if assessment.band is not None
            else {}
        ),
    }


def profile_text(protocol: Protocol, assessment: RiskAssessment) -> str:
    """Plain text for the case record (see `risk_words.reading_text`)."""
    return reading_text(protocol, assessment)


def profile_fields(protocol: Protocol, assessment: RiskAssessment) -> dict[str, Any]:
    """Values for the template marked `filled_by: risk` (the reading for the meeting): each
    field the method fills (`risk_methods.form_fields`, which the protocol checks hold the
    template to), rows cut to the template's own columns. Its level field, the level the
    meeting agrees, is never filled here."""
    rule = protocol.risk_rule
    highest = highest_line(rule, assessment)
    repeated = repeated_only_line(protocol, assessment)
    band = assessment.band if assessment.ticked else None
    values: dict[str, Any] = {
        "ticked_summary": headline(rule, assessment),
        "domains": [
            {
                "domain": d.name,
                "ticked": "; ".join(i.text for i in d.ticked) or rule.no_information,
                "highest": rule.no_information if d.highest is None else rule.name_of(d.highest),
            }
            for d in assessment.domains
        ],
        "indicators": [
            {
                "domain": d.name,
                "indicator": i.text,
                "category": "" if i.category is None else listing(protocol, i),
                "weight": "" if i.weight is None else str(i.weight),
            }
            for d in assessment.domains
            for i in d.ticked
        ],
        "single_indicator": single_line(protocol, assessment) or "",
        "prompts": "\n".join(prompt_lines(rule)),
        "clauses": ", ".join(assessment.clauses),
        "counts": [
            {"category": rule.name_of(n), "count": str(count)} for n, count in assessment.counts
        ],
        "counted_once": "\n".join(counted_once_lines(rule, assessment)),
        "highest_column": "\n".join(line for line in (highest, repeated) if line),
        "highest_definition": definition_line(protocol, assessment) or "",
        "score": "" if assessment.score is None else str(assessment.score),
        "band": band_line(rule, assessment) or "",
        "band_definition": (definition_line(protocol, assessment) or "") if band else "",
    }
    filled = form_values(rule.method, any(i.category is not None for i in protocol.indicators))
    out: dict[str, Any] = {}
    for template in protocol.templates:
        if template.filled_by != CALCULATOR:
            continue
        for form_field in template.fields:
            if form_field.id not in filled:
                continue
            value = values[form_field.id]
            if field_type(form_field).repeated:  # each row keeps only its columns
                columns = [c.id for c in form_field.columns]
                value = [{c: row[c] for c in columns} for row in value]
            out[form_field.id] = value
    return out


def handle_risk(protocol: Protocol, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Bridge entry: {"indicators": [...]} gives the profile, its words and its exports."""
    indicators = payload.get("indicators", [])
    if not isinstance(indicators, list) or not all(isinstance(i, str) for i in indicators):
        raise InputError.one("indicators", "expected a list of indicator ids")
    assessment = assess(protocol, indicators)
    rule = protocol.risk_rule
    result = assessment_data(assessment, protocol)
    result["single_indicator_line"] = single_line(protocol, assessment)
    result["definition"] = definition_line(protocol, assessment)
    result["counts_line"] = counts_line(rule, assessment)
    result["counted_once_lines"] = counted_once_lines(rule, assessment)
    result["domain_lines"] = domain_lines(protocol, assessment)
    result["repeated_only_line"] = repeated_only_line(protocol, assessment)
    result["title"] = rule.title
    result["agreed_line"] = f"{rule.agreed_blank}: {BLANK}"  # for the meeting to fill in
    result["prompts_title"] = rule.prompts_title
    result["prompts"] = prompt_lines(rule)
    result["themes"] = [theme_data(protocol, view) for view in assessment.themes]
    result["text"] = profile_text(protocol, assessment)
    result["document_fields"] = profile_fields(protocol, assessment)
    return result
