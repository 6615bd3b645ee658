"""The indicator profile for the CSE strategy meeting, from the Appendix B matrix.

Decision support only: the strategy meeting sets the risk level (clauses 6.3, 6.9
and 6.10), so nothing here records a category. The rule is data (`risk_rule` in
the protocol): for each domain the highest category ticked, the number counted in
each category, and the highest category among all the ticked indicators. Cells of
one domain that are the same indicator at different levels share a theme; a theme
ticked at two levels counts once, at the higher. Every sentence comes from
`risk_rule`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from calculators.errors import InputError
from calculators.protocol import Band, Indicator, Protocol, RiskRule
from calculators.risk_methods import METHODS

MAX_INDICATORS = 1_000
BLANK = "____________________"  # the line left for the meeting to fill in on paper


@dataclass(frozen=True)
class DomainReading:
    """What was ticked in one domain, and the highest category among it (None: nothing)."""

    domain_id: str
    name: str
    ticked: tuple[Indicator, ...]

    @property
    def highest(self) -> int | None:
        return max((i.category for i in self.ticked), default=None)


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
            f"{protocol.indicators[0].id} (see `python -m calculators indicators`)",
        )


def counted_indicators(ticked: Iterable[Indicator]) -> tuple[Indicator, ...]:
    """The ticked indicators less those a theme ticked at a higher level absorbs."""
    chosen = tuple(ticked)
    return tuple(
        i
        for i in chosen
        if not any(
            other.category > i.category and set(other.themes) & set(i.themes) for other in chosen
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
    category = max((i.category for i in ticked), default=None)
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
    return _with_rationale(assessment, protocol)


# Words, all from risk_rule ----------------------------------------------------


def headline(rule: RiskRule, assessment: RiskAssessment) -> str:
    if assessment.category is None:
        return rule.none_ticked
    return band_line(rule, assessment) or highest_line(rule, assessment)


def highest_line(rule: RiskRule, assessment: RiskAssessment) -> str:
    assert assessment.category is not None
    return rule.highest.format(category=rule.name_of(assessment.category))


def band_line(rule: RiskRule, assessment: RiskAssessment) -> str | None:
    """weighted_bands: "Total score 9: High (Level 3)."; None for other methods."""
    band = assessment.band
    if band is None or rule.band_line is None:
        return None
    level = "" if band.level is None else rule.name_of(band.level)
    return rule.band_line.format(score=assessment.score, band=band.name, level=level)


def single_line(protocol: Protocol, assessment: RiskAssessment) -> str | None:
    single = assessment.single
    if single is None:
        return None
    rule = protocol.risk_rule
    return rule.single_indicator.format(
        indicator=single.text,
        domain=protocol.domain(single.domain).name,
        category=rule.name_of(single.category),
    )


def counted_once_lines(rule: RiskRule, assessment: RiskAssessment) -> list[str]:
    lines = []
    for entry in assessment.counted_once:
        higher = max(entry.ticked, key=lambda i: i.category)
        names = [rule.name_of(i.category) for i in entry.ticked]
        listed = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
        lines.append(
            rule.counted_once.format(
                indicator=higher.text,
                domain=entry.domain,
                categories=listed,
                category=rule.name_of(entry.category),
            )
        )
    return lines


def domain_lines(rule: RiskRule, assessment: RiskAssessment) -> list[str]:
    lines = []
    for reading in assessment.domains:
        if reading.highest is None:
            lines.append(f"{reading.name}: {rule.no_information}.")
        else:
            listed = "; ".join(f"{i.text} ({rule.name_of(i.category)})" for i in reading.ticked)
            lines.append(
                rule.domain_line.format(
                    domain=reading.name, category=rule.name_of(reading.highest), indicators=listed
                )
            )
    return lines


def counts_line(rule: RiskRule, assessment: RiskAssessment) -> str:
    listed = ", ".join(f"{rule.name_of(n)}: {count}" for n, count in assessment.counts)
    return rule.counts_line.format(counts=listed)


def definition_line(protocol: Protocol, assessment: RiskAssessment) -> str | None:
    if assessment.category is None:
        return None
    level = protocol.category(assessment.category)
    return protocol.risk_rule.definition.format(category=level.name, definition=level.definition)


def prompt_lines(rule: RiskRule) -> list[str]:
    return [f"{rule.name_of(p.category)}: {p.text}" for p in rule.prompts]


def _with_rationale(assessment: RiskAssessment, protocol: Protocol) -> RiskAssessment:
    rule = protocol.risk_rule
    lines = [headline(rule, assessment)]
    if assessment.category is not None:
        if assessment.band is not None:
            lines.append(highest_line(rule, assessment))
        single = single_line(protocol, assessment)
        if single:
            lines.append(single)
        lines.append(counts_line(rule, assessment))
        lines.extend(counted_once_lines(rule, assessment))
    lines.extend(domain_lines(rule, assessment))
    lines.append(rule.decision_support)
    return replace(assessment, rationale=tuple(lines))


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
    """Plain text for the case record: the profile, the prompts and the blank for the meeting."""
    rule = protocol.risk_rule
    lines = [rule.title, "", *assessment.rationale[:-1]]
    definition = definition_line(protocol, assessment)
    if definition:
        lines += ["", definition]
    lines += ["", rule.prompts_title, *prompt_lines(rule)]
    lines += ["", f"{rule.agreed_blank}: {BLANK}", "", rule.decision_support]
    lines.append("Clauses: " + ", ".join(assessment.clauses))
    return "\n".join(lines)


def profile_fields(protocol: Protocol, assessment: RiskAssessment) -> dict[str, Any]:
    """Values for the "risk-summary" template (the profile for the strategy meeting)."""
    rule = protocol.risk_rule
    return {
        "highest_category": headline(rule, assessment),
        "single_indicator": single_line(protocol, assessment) or "",
        "highest_definition": definition_line(protocol, assessment) or "",
        "domains": [
            {
                "domain": d.name,
                "highest": rule.no_information if d.highest is None else rule.name_of(d.highest),
            }
            for d in assessment.domains
        ],
        "counts": [
            {"category": rule.name_of(n), "count": str(count)} for n, count in assessment.counts
        ],
        "counted_once": "\n".join(counted_once_lines(rule, assessment)),
        "indicators": [
            {"domain": d.name, "indicator": i.text, "category": rule.name_of(i.category)}
            for d in assessment.domains
            for i in d.ticked
        ],
        "prompts": "\n".join(prompt_lines(rule)),
        "clauses": ", ".join(assessment.clauses),
    }


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
    result["domain_lines"] = domain_lines(rule, assessment)
    result["prompts_title"] = rule.prompts_title
    result["prompts"] = prompt_lines(rule)
    result["themes"] = [theme_data(protocol, view) for view in assessment.themes]
    result["text"] = profile_text(protocol, assessment)
    result["document_fields"] = profile_fields(protocol, assessment)
    return result
