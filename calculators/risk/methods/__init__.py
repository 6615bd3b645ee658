"""The risk rule's methods: what the ticked indicators point to, by the method the protocol names.

`risk_rule.method` in the protocol names one of `METHODS`:

- `highest_level`: the highest level (category) among the ticked indicators, as
  Appendix B reads; `highest_ticked` is its older name and still accepted.
- `weighted_bands`: each indicator carries a weight (and may name a level); the
  ticked weights are added up and the total falls in one of the protocol's bands
  (SERAF-style tools), each band with its own definition and prompt.
- `checklist`: no levels at all (as the 2021 London protocol): the reading lists
  what is ticked, domain by domain, with the protocol's prompts.

Each method is a pure function `(protocol, ticked indicators) -> MethodResult`,
so a new method is a function and a line in `METHODS`. The result is decision
support for the strategy meeting, which sets the risk level (clauses 6.3, 6.9);
it carries the rule's clauses. This module reads the protocol only through the
attributes it names, so the protocol package can import the method names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from calculators.protocol import Band, Indicator, Protocol


@dataclass(frozen=True)
class MethodResult:
    """What a method makes of the ticked indicators.

    `level` is the level number the indicators point to (for `weighted_bands`, the
    band's level, if the protocol gives it one; for `checklist`, always None), or None;
    `score` and `band` are only set by `weighted_bands`.
    """

    method: str
    level: int | None
    clauses: tuple[str, ...]
    score: int | None = None
    band: Band | None = None


def highest_level(protocol: Protocol, ticked: tuple[Indicator, ...]) -> MethodResult:
    """The highest level in which at least one indicator is ticked (None if nothing is)."""
    return MethodResult(
        method="highest_level",
        level=max((i.category for i in ticked if i.category is not None), default=None),
        clauses=protocol.risk_rule.clauses,
    )


def weighted_bands(protocol: Protocol, ticked: tuple[Indicator, ...]) -> MethodResult:
    """The sum of the ticked indicators' weights, and the band it falls in."""
    score = sum(i.weight or 0 for i in ticked)
    band = band_for(protocol.risk_rule.bands, score)
    return MethodResult(
        method="weighted_bands",
        level=band.level,
        clauses=protocol.risk_rule.clauses,
        score=score,
        band=band,
    )


def checklist(protocol: Protocol, ticked: tuple[Indicator, ...]) -> MethodResult:
    """No level and no score: the reading is what is ticked, by domain."""
    return MethodResult(method="checklist", level=None, clauses=protocol.risk_rule.clauses)


def band_for(bands: Iterable[Band], score: int) -> Band:
    """The band holding the score; the protocol's bands cover 0 upwards without gaps."""
    for band in bands:
        if band.min_score <= score and (band.max_score is None or score <= band.max_score):
            return band
    raise ValueError(f"no band holds the score {score}")


Method = Callable[["Protocol", "tuple[Indicator, ...]"], MethodResult]
METHODS: dict[str, Method] = {
    "highest_level": highest_level,
    "weighted_bands": weighted_bands,
    "checklist": checklist,
}
# Names the protocol file may still use for a method.
ALIASES = {"highest_ticked": "highest_level"}


def apply_method(protocol: Protocol, indicator_ids: Iterable[str]) -> MethodResult:
    """Apply the protocol's own method to the ticked indicator ids, in the protocol's order.

    An id the protocol does not have raises KeyError: callers check input first.
    """
    chosen = set(indicator_ids)
    unknown = chosen - {i.id for i in protocol.indicators}
    if unknown:
        raise KeyError(f"Unknown indicator: {sorted(unknown)[0]!r}")
    ticked = tuple(i for i in protocol.indicators if i.id in chosen)
    return METHODS[protocol.risk_rule.method](protocol, ticked)
