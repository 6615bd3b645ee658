"""The suggested CSE risk category from the Appendix B indicators: decision support only.

The rule is data (`risk_rule` in the protocol): the suggested category is the
highest category in which at least one indicator is ticked. The strategy meeting
sets the risk level (clauses 6.3 and 6.9); every result says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from calculators.drafts import check_text
from calculators.errors import FieldProblem, InputError
from calculators.protocol import CATEGORY_NUMBERS, Indicator, Protocol
from calculators.wording import category_name

MAX_REASON_CHARACTERS = 5_000
MAX_INDICATORS = 1_000


@dataclass(frozen=True)
class DomainReading:
    """What was ticked in one domain; nothing ticked means no information recorded."""

    domain_id: str
    name: str
    ticked: tuple[Indicator, ...]


@dataclass(frozen=True)
class RiskAssessment:
    category: int | None
    counts: tuple[tuple[int, int], ...]
    domains: tuple[DomainReading, ...]
    rationale: tuple[str, ...]
    clauses: tuple[str, ...]
    rule: str
    decision_support: str

    @property
    def ticked(self) -> tuple[Indicator, ...]:
        return tuple(i for d in self.domains for i in d.ticked)

    @property
    def unrecorded(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.domains if not d.ticked)


@dataclass(frozen=True)
class Judgement:
    """The category the practitioner records, and why when it differs from the suggestion."""

    suggested: int | None
    recorded: int | None
    reason: str

    @property
    def differs(self) -> bool:
        return self.recorded != self.suggested


def assess(protocol: Protocol, indicator_ids: Iterable[str]) -> RiskAssessment:
    """Apply the protocol's risk rule to the ticked indicators."""
    ids = list(indicator_ids)
    if len(ids) > MAX_INDICATORS:
        raise InputError.one("indicators", f"expected at most {MAX_INDICATORS} indicator ids")
    known = {i.id: i for i in protocol.indicators}
    unknown = [i for i in ids if i not in known]
    if unknown:
        shown = ", ".join(repr(i)[:60] for i in unknown[:5])
        raise InputError.one(
            "indicators",
            f"unknown indicator id {shown}: expected ids such as "
            f"{protocol.indicators[0].id} (see `python -m calculators indicators`)",
        )
    chosen = set(ids)
    rule = protocol.risk_rule
    domains = tuple(
        DomainReading(
            domain_id=d.id, name=d.name, ticked=tuple(i for i in d.indicators if i.id in chosen)
        )
        for d in protocol.categories.domains
    )
    ticked = [i for d in domains for i in d.ticked]
    counts = tuple((n, sum(1 for i in ticked if i.category == n)) for n in CATEGORY_NUMBERS)
    category = max((i.category for i in ticked), default=None)

    rationale: list[str] = []
    if category is None:
        rationale.append(rule.none_ticked)
    else:
        rationale.append(f"{category_name(category)} suggested. {rule.text}")
        counted = ", ".join(f"{count} in {category_name(n)}" for n, count in counts)
        rationale.append(f"Ticked: {counted}.")
        for reading in domains:
            if reading.ticked:
                listed = "; ".join(
                    f"{i.text} ({category_name(i.category)})" for i in reading.ticked
                )
                rationale.append(f"{reading.name}: {listed}.")
    unrecorded = [d.name for d in domains if not d.ticked]
    if unrecorded:
        rationale.append(f"{rule.no_information.capitalize()}: {', '.join(unrecorded)}.")
    rationale.append(rule.decision_support)

    return RiskAssessment(
        category=category,
        counts=counts,
        domains=domains,
        rationale=tuple(rationale),
        clauses=rule.clauses,
        rule=rule.text,
        decision_support=rule.decision_support,
    )


def record_judgement(assessment: RiskAssessment, recorded: Any, reason: Any) -> Judgement:
    """Check the practitioner's own category: a reason is required when it differs."""
    problems: list[FieldProblem] = []
    if recorded in (None, ""):
        recorded_category = assessment.category
    elif isinstance(recorded, bool) or str(recorded).strip() not in {
        str(n) for n in CATEGORY_NUMBERS
    }:
        problems.append(
            FieldProblem("recorded_category", "Choose Category 1, 2 or 3, or leave it as suggested")
        )
        recorded_category = None
    else:
        recorded_category = int(str(recorded).strip())
    text = "" if reason is None else reason
    if not isinstance(text, str):
        problems.append(FieldProblem("reason", "Enter the reason as text"))
        text = ""
    text = text.strip()
    if len(text) > MAX_REASON_CHARACTERS:
        problems.append(
            FieldProblem("reason", f"Reason must be {MAX_REASON_CHARACTERS:,} characters or fewer")
        )
    else:
        try:
            text = check_text("reason", "Reason", text)
        except InputError as error:
            problems.extend(error.problems)
    if not problems and recorded_category != assessment.category and not text:
        problems.append(
            FieldProblem(
                "reason",
                "Enter the reason for recording a different category from the one suggested",
            )
        )
    if problems:
        raise InputError(problems)
    return Judgement(suggested=assessment.category, recorded=recorded_category, reason=text)


def assessment_data(assessment: RiskAssessment) -> dict[str, Any]:
    """The JSON form shared by the command line and the browser."""
    return {
        "category": assessment.category,
        "category_name": category_name(assessment.category),
        "counts": {str(n): count for n, count in assessment.counts},
        "ticked": [
            {
                "id": i.id,
                "domain": i.domain,
                "domain_name": d.name,
                "category": i.category,
                "text": i.text,
            }
            for d in assessment.domains
            for i in d.ticked
        ],
        "no_information": list(assessment.unrecorded),
        "rationale": list(assessment.rationale),
        "clauses": list(assessment.clauses),
        "rule": assessment.rule,
        "decision_support": assessment.decision_support,
    }


def judgement_data(judgement: Judgement) -> dict[str, Any]:
    return {
        "suggested_category": judgement.suggested,
        "recorded_category": judgement.recorded,
        "recorded_category_name": category_name(judgement.recorded),
        "differs": judgement.differs,
        "reason": judgement.reason,
    }


def summary_text(assessment: RiskAssessment, judgement: Judgement) -> str:
    """Plain text for the case record."""
    lines = [
        "CSE risk assessment summary",
        f"Suggested category: {category_name(assessment.category)}",
        f"Recorded category: {category_name(judgement.recorded)}",
    ]
    if judgement.reason:
        lines.append(f"Reason: {judgement.reason}")
    lines.append("")
    lines.extend(assessment.rationale)
    lines.append("Clauses: " + ", ".join(assessment.clauses))
    return "\n".join(lines)


def summary_fields(assessment: RiskAssessment, judgement: Judgement) -> dict[str, Any]:
    """Values for the "risk-summary" template's fields, for the Word document."""
    return {
        "suggested_category": category_name(assessment.category),
        "recorded_category": category_name(judgement.recorded),
        "different_reason": judgement.reason,
        "indicators": [
            {"domain": d.name, "indicator": i.text, "category": category_name(i.category)}
            for d in assessment.domains
            for i in d.ticked
        ],
        "counts": [
            {"category": category_name(n), "count": str(count)} for n, count in assessment.counts
        ],
        "no_information": "\n".join(assessment.unrecorded),
        "clauses": ", ".join(assessment.clauses),
    }


def handle_risk(protocol: Protocol, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Bridge entry: {"indicators": [...], "recorded_category"?, "reason"?}."""
    indicators = payload.get("indicators", [])
    if not isinstance(indicators, list) or not all(isinstance(i, str) for i in indicators):
        raise InputError.one("indicators", "expected a list of indicator ids")
    assessment = assess(protocol, indicators)
    result = assessment_data(assessment)
    judgement = record_judgement(
        assessment, payload.get("recorded_category"), payload.get("reason")
    )
    result["judgement"] = judgement_data(judgement)
    result["text"] = summary_text(assessment, judgement)
    result["document_fields"] = summary_fields(assessment, judgement)
    return result
