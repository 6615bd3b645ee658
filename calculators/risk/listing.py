"""Where Appendix B lists an indicator: one fact, sometimes listed in several columns.

Appendix B lists some indicators in the same words in more than one column of a
domain ("Getting into strangers cars" under Categories 2 and 3). Those cells are
one indicator listed several times, so which copy was ticked says nothing more
than the words do. Repetition is read from the data, never from a list: the same
words (ignoring case, spacing and punctuation other than apostrophes) in the same
domain. Pure functions over the protocol's indicators.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from calculators.protocol import Indicator, Protocol

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]*)*")  # a word, with any apostrophes in or after it


def words(text: str) -> tuple[str, ...]:
    """The words of an indicator, as compared: "Cutting/ Overdosing" -> ("cutting", "overdosing")."""
    return tuple(_WORD.findall(text.replace("\u2019", "'").casefold()))


def same_words(one: Indicator, other: Indicator) -> bool:
    """Two cells of one domain that Appendix B words the same."""
    return one.domain == other.domain and words(one.text) == words(other.text)


def copies(protocol: Protocol, indicator: Indicator) -> tuple[Indicator, ...]:
    """Every cell of the indicator's domain in the same words, itself included, lowest first."""
    domain = protocol.domain(indicator.domain)
    found = [i for i in domain.indicators if same_words(i, indicator)]
    return tuple(sorted(found, key=lambda i: i.category or 0))


def listed_under(protocol: Protocol, indicator: Indicator) -> tuple[int, ...]:
    """The level numbers of every column of its domain that lists the indicator's words."""
    if indicator.category is None:
        return ()
    return tuple(
        sorted({i.category for i in copies(protocol, indicator) if i.category is not None})
    )


def also_listed(protocol: Protocol, indicator: Indicator) -> tuple[int, ...]:
    """The other level numbers where the same words stand (empty for words listed once)."""
    return tuple(n for n in listed_under(protocol, indicator) if n != indicator.category)


def repeated(protocol: Protocol) -> tuple[tuple[Indicator, ...], ...]:
    """Each indicator Appendix B lists in more than one column, as its copies."""
    groups: list[tuple[Indicator, ...]] = []
    for indicator in protocol.indicators:
        found = copies(protocol, indicator)
        if len(found) > 1 and found not in groups:
            groups.append(found)
    return tuple(groups)


def same_fact(one: Indicator, other: Indicator) -> bool:
    """One fact: the same cell, the same words in its domain, or cells of one theme."""
    return one == other or same_words(one, other) or bool(set(one.themes) & set(other.themes))


def found_by(model: Indicator, ticked: Iterable[Indicator]) -> Indicator | None:
    """The ticked cell that finds a model answer's fact: the cell itself if it is ticked,
    else a copy in the same words, else a cell of its theme (None: not found)."""
    chosen = tuple(ticked)
    for test in (
        lambda i: i == model,
        lambda i: same_words(i, model),
        lambda i: same_fact(i, model),
    ):
        hit = next((i for i in chosen if test(i)), None)
        if hit is not None:
            return hit
    return None
