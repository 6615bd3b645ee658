"""The Appendix B reading in words, every sentence from `risk_rule` in the protocol.

The reading leads with what is ticked, never with a level: per domain, each ticked
indicator with every column that lists its words; then the highest column ticked,
whether it rests on one indicator or only on indicators listed in several columns,
the counts, the definitions' questions and the blank for the level the strategy
meeting agrees (clauses 6.3, 6.9).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from calculators.protocol import Indicator, Protocol, RiskRule
from calculators.risk.listing import listed_under

if TYPE_CHECKING:
    from calculators.risk.assessment import RiskAssessment

BLANK = "____________________"  # the line left for the meeting to fill in on paper


def listing(protocol: Protocol, indicator: Indicator) -> str:
    """Every column that lists the indicator's words: "Categories 2 and 3"."""
    return protocol.risk_rule.names_of(listed_under(protocol, indicator))


def listed_line(protocol: Protocol, indicator: Indicator) -> str:
    """ "Getting into strangers cars: listed under Categories 2 and 3" (an indicator with no
    level: its words)."""
    if indicator.category is None:
        return indicator.text
    return protocol.risk_rule.listed_under.format(
        indicator=indicator.text, categories=listing(protocol, indicator)
    )


def headline(rule: RiskRule, assessment: RiskAssessment) -> str:
    """What is ticked, in how many domains: never a level."""
    if not assessment.ticked:
        return rule.none_ticked
    return rule.headline.format(
        count=len(assessment.ticked),
        domains=sum(1 for d in assessment.domains if d.ticked),
        total=len(assessment.domains),
    )


def highest_line(rule: RiskRule, assessment: RiskAssessment) -> str | None:
    """The highest level ticked: highest_level's answer only (a band is weighted_bands')."""
    if assessment.category is None or rule.method != "highest_level":
        return None
    return rule.highest.format(category=rule.name_of(assessment.category))


def band_line(rule: RiskRule, assessment: RiskAssessment) -> str | None:
    """weighted_bands: "Total score 9: High (Level 3)."; None for other methods."""
    band = assessment.band
    if band is None or rule.band_line is None or not assessment.ticked:
        return None
    level = "" if band.level is None else rule.name_of(band.level)
    return rule.band_line.format(score=assessment.score, band=band.name, level=level)


def single_line(protocol: Protocol, assessment: RiskAssessment) -> str | None:
    single = assessment.single
    if single is None:
        return None
    return protocol.risk_rule.single_indicator.format(
        indicator=single.text,
        domain=protocol.domain(single.domain).name,
        category=listing(protocol, single),
    )


def resting_on_repeats(protocol: Protocol, assessment: RiskAssessment) -> tuple[Indicator, ...]:
    """The ticked indicators of the highest column ticked, when every one of them is listed in
    more than one column (empty otherwise)."""
    top = tuple(i for i in assessment.ticked if i.category == assessment.category)
    if top and all(len(listed_under(protocol, i)) > 1 for i in top):
        return top
    return ()


def repeated_only_line(protocol: Protocol, assessment: RiskAssessment) -> str | None:
    """Says so when the highest column ticked rests only on indicators listed in several."""
    top = resting_on_repeats(protocol, assessment)
    if not top or assessment.category is None or protocol.risk_rule.method != "highest_level":
        return None
    rule = protocol.risk_rule
    return rule.repeated_only.format(
        indicators="; ".join(listed_line(protocol, i) for i in top),
        category=rule.name_of(assessment.category),
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


def domain_lines(protocol: Protocol, assessment: RiskAssessment) -> list[str]:
    """Per domain what is ticked and every column that lists it, or that nothing is."""
    rule = protocol.risk_rule
    lines = []
    for reading in assessment.domains:
        if not reading.ticked:
            lines.append(f"{reading.name}: {rule.no_information}.")
        else:
            listed = "; ".join(listed_line(protocol, i) for i in reading.ticked)
            highest = "" if reading.highest is None else rule.name_of(reading.highest)
            lines.append(
                rule.domain_line.format(domain=reading.name, category=highest, indicators=listed)
            )
    return lines


def counts_line(rule: RiskRule, assessment: RiskAssessment) -> str:
    listed = ", ".join(f"{rule.name_of(n)}: {count}" for n, count in assessment.counts)
    return rule.counts_line.format(counts=listed)


def definition_line(protocol: Protocol, assessment: RiskAssessment) -> str | None:
    """The definition the reading points to: the highest level ticked's (highest_level), the
    band's own (weighted_bands: its `definition`, else its level's), none for a checklist."""
    rule = protocol.risk_rule
    band = assessment.band
    if rule.method == "weighted_bands":
        if band is None or not assessment.ticked:
            return None
        if band.definition is not None:
            return rule.definition.format(category=band.name, definition=band.definition)
        if band.level is None:
            return None
        level = protocol.category(band.level)
        return rule.definition.format(category=level.name, definition=level.definition)
    if rule.method != "highest_level" or assessment.category is None:
        return None
    level = protocol.category(assessment.category)
    return rule.definition.format(category=level.name, definition=level.definition)


def prompt_lines(rule: RiskRule) -> list[str]:
    """The questions for the meeting, each after its level or band (a checklist's plain)."""
    lines = []
    for p in rule.prompts:
        named = rule.name_of(p.category) if p.category is not None else p.band
        lines.append(p.text if named is None else f"{named}: {p.text}")
    return lines


def rationale_lines(protocol: Protocol, assessment: RiskAssessment) -> tuple[str, ...]:
    """The reading, line by line: what is ticked first, decision support last."""
    rule = protocol.risk_rule
    lines = [headline(rule, assessment), *domain_lines(protocol, assessment)]
    if assessment.ticked:
        for line in (
            band_line(rule, assessment),
            highest_line(rule, assessment),
            single_line(protocol, assessment),
            repeated_only_line(protocol, assessment),
        ):
            if line:
                lines.append(line)
        if assessment.counts:  # a protocol with levels
            lines.append(counts_line(rule, assessment))
        lines.extend(counted_once_lines(rule, assessment))
    lines.append(rule.decision_support)
    return tuple(lines)


def reading_text(protocol: Protocol, assessment: RiskAssessment) -> str:
    """Plain text for the case record: the reading, the prompts and the blank for the meeting."""
    rule = protocol.risk_rule
    lines = [rule.title, "", *assessment.rationale[:-1]]
    definition = definition_line(protocol, assessment)
    if definition:
        lines += ["", definition]
    lines += ["", rule.prompts_title, *prompt_lines(rule)]
    lines += ["", f"{rule.agreed_blank}: {BLANK}", "", rule.decision_support]
    lines.append("Clauses: " + ", ".join(assessment.clauses))
    return "\n".join(lines)
