"""The levels of risk and the domains of indicators (Appendix B's grid), as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field

from calculators.protocol.primitives import ProtocolError
from calculators.protocol.reading import checked, from_parent, identifier, items, refers_to
from calculators.protocol.reading import level as a_level
from calculators.protocol.reading import whole as whole_number


def lowest_first(levels: tuple[Category, ...], path: str) -> tuple[Category, ...]:
    """Levels are listed in order, each number once (checked before the indicators use them)."""
    numbers = [level.number for level in levels]
    if numbers != sorted(set(numbers)):
        raise ProtocolError(
            path, f"expected the levels lowest first, each number once, got {numbers}"
        )
    return levels


@dataclass(frozen=True)
class Category:
    """A level of risk, such as Police Category 2: its number orders the levels."""

    number: int = field(metadata=whole_number(0, 99))
    name: str
    definition: str
    local_wording: str | None = None
    note: str | None = field(default=None, metadata=refers_to("note"))


Level = Category


@dataclass(frozen=True)
class Indicator:
    """One indicator of a domain, with its level and weight where the method uses them."""

    id: str = field(metadata=identifier())
    domain: str = field(metadata=from_parent("id"))
    text: str
    # The indicator's level: every indicator names one under highest_level, none under
    # checklist, and under weighted_bands all or none do (checked in references.py).
    category: int | None = field(default=None, metadata=a_level())
    weight: int | None = field(default=None, metadata=whole_number(0, 1000))
    # The same indicator at other levels of its domain: one theme id, or a list when a
    # cell stands for two ("Miscarriages/ Terminations").
    theme: tuple[str, ...] = field(default=(), metadata=identifier(one_or_many=True))

    @property
    def themes(self) -> tuple[str, ...]:
        return self.theme


@dataclass(frozen=True)
class Domain:
    """A domain of the risk indicators (Appendix B's rows) and its indicators."""

    id: str = field(metadata=identifier())
    name: str
    indicators: tuple[Indicator, ...] = field(metadata=items(1))

    def in_category(self, number: int) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.category == number)


@dataclass(frozen=True)
class Categories:
    """The levels, lowest first (none, `levels: []`, for a checklist), and the domains of
    indicators (Appendix B's grid)."""

    framework: str
    source: str
    levels: tuple[Category, ...] = field(metadata=checked(lowest_first))
    domains: tuple[Domain, ...] = field(metadata=items(1))
    # The directive's own id for the appendix holding them ("B"), which clause text may
    # point at as {appendix:B|…}; none if the directive has no such appendix.
    appendix: str | None = None

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(level.number for level in self.levels)
