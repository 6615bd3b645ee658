"""The risk rule: how the indicator profile reads the matrix, and every sentence it says.

The sentences are the handbook's, not the directive's; each may name only the values
the calculator fills in (`RISK_SENTENCES`), and must name the ones it needs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from calculators.protocol.primitives import ProtocolError, unique
from calculators.protocol.reading import checked, choice, identifier, refers_to
from calculators.protocol.reading import level as a_level
from calculators.protocol.reading import whole as whole_number
from calculators.risk.methods import ALIASES, METHODS

# The values each sentence may name, as {name}: (must appear, may appear).
RISK_SENTENCES: Mapping[str, tuple[frozenset[str], frozenset[str]]] = {
    "headline": (frozenset({"count"}), frozenset({"domains", "total"})),
    "highest": (frozenset({"category"}), frozenset()),
    "repeated_only": (frozenset({"indicators"}), frozenset({"category"})),
    "listed_under": (frozenset({"indicator", "categories"}), frozenset()),
    "quiz_question": (frozenset({"indicators"}), frozenset()),
    "single_indicator": (frozenset({"indicator"}), frozenset({"domain", "category"})),
    "counted_once": (frozenset({"indicator", "categories", "category"}), frozenset({"domain"})),
    "domain_line": (frozenset({"domain"}), frozenset({"category", "indicators"})),
    "counts_line": (frozenset({"counts"}), frozenset()),
    "definition": (frozenset({"definition"}), frozenset({"category"})),
    "level_name": (frozenset({"number"}), frozenset()),
    "level_names": (frozenset({"numbers"}), frozenset()),
    "band_line": (frozenset({"score", "band"}), frozenset({"level"})),
}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def sentence(key: str) -> dict[str, Any]:
    """A sentence whose {names} are the ones the calculator fills in for `key`."""
    needed, optional = RISK_SENTENCES[key]

    def check(text: str, path: str) -> str:
        names = set(_PLACEHOLDER.findall(text))
        if names - needed - optional or not needed <= names:
            allowed = ", ".join(f"{{{n}}}" for n in sorted(needed | optional))
            required = ", ".join(f"{{{n}}}" for n in sorted(needed))
            raise ProtocolError(
                path, f"expected a sentence naming {required} (may use {allowed}), got {text!r}"
            )
        return text

    return checked(check)


@dataclass(frozen=True)
class Prompt:
    """A question for the meeting: drawn from one level's definition (highest_level), for
    one band (weighted_bands, `band:` its name), or plain (checklist)."""

    text: str
    category: int | None = field(default=None, metadata=a_level())
    band: str | None = None


@dataclass(frozen=True)
class Band:
    """A range of total scores under the weighted_bands method, from min_score to max_score."""

    name: str
    min_score: int = field(metadata=whole_number(0))
    max_score: int | None = field(default=None, metadata=whole_number(0))
    level: int | None = field(default=None, metadata=a_level())
    definition: str | None = None

    def validate(self, path: str) -> None:
        if self.max_score is not None and self.max_score < self.min_score:
            raise ProtocolError(
                f"{path}.max_score",
                f"expected at least min_score ({self.min_score}), got {self.max_score}",
            )


@dataclass(frozen=True)
class RiskRule:
    """How the risk reading is made from the indicators ticked, and its wording."""

    id: str = field(metadata=identifier())
    method: str = field(metadata=choice(tuple(METHODS), ALIASES))
    clauses: tuple[str, ...] = field(metadata=refers_to("clause", min_items=1))
    title: str
    text: str
    # A level as the answers name it: "Category {number}".
    level_name: str = field(metadata=sentence("level_name"))
    # Several levels: "Categories {numbers}", {numbers} reading "2 and 3".
    level_names: str = field(metadata=sentence("level_names"))
    # The reading's first line: what is ticked, never a level.
    headline: str = field(metadata=sentence("headline"))
    highest: str = field(metadata=sentence("highest"))
    single_indicator: str = field(metadata=sentence("single_indicator"))
    # The highest column ticked rests only on indicators listed in several columns.
    repeated_only: str = field(metadata=sentence("repeated_only"))
    # An indicator and every column of its domain that lists the same words.
    listed_under: str = field(metadata=sentence("listed_under"))
    # The quiz's risk question: the highest column that lists any of {indicators}.
    quiz_question: str = field(metadata=sentence("quiz_question"))
    counted_once: str = field(metadata=sentence("counted_once"))
    domain_line: str = field(metadata=sentence("domain_line"))
    counts_line: str = field(metadata=sentence("counts_line"))
    none_ticked: str
    no_information: str
    definition: str = field(metadata=sentence("definition"))
    prompts_title: str
    # One question for each level, lowest first; for each band under weighted_bands; any
    # under checklist (checked in references.py).
    prompts: tuple[Prompt, ...]
    agreed_blank: str
    themes_note: str
    decision_support: str
    bands: tuple[Band, ...] = ()
    # weighted_bands: the total and its band, first in the profile ({level}: the band's).
    band_line: str | None = field(default=None, metadata=sentence("band_line"))

    def name_of(self, level: int) -> str:
        """A level as the answers name it: "Category 3"."""
        return self.level_name.format(number=level)

    def names_of(self, levels: tuple[int, ...]) -> str:
        """One level or several as the answers name them: "Category 3", "Categories 2 and 3"."""
        if not levels:  # an indicator with no level
            return ""
        if len(levels) == 1:
            return self.name_of(levels[0])
        numbers = [str(n) for n in levels]
        return self.level_names.format(numbers=", ".join(numbers[:-1]) + " and " + numbers[-1])

    def validate(self, path: str) -> None:
        where = f"{path}.bands"
        if self.method != "weighted_bands":
            if self.bands or self.band_line is not None:
                raise ProtocolError(
                    where if self.bands else f"{path}.band_line",
                    "expected no bands or band_line: only weighted_bands uses them",
                )
            return
        if not self.bands:
            raise ProtocolError(where, "expected the bands the weighted_bands method scores into")
        if self.band_line is None:
            raise ProtocolError(
                f"{path}.band_line",
                "expected the sentence that gives the total and its band, naming {score} "
                "and {band} (weighted_bands)",
            )
        unique(((b.name, f"{where}[{i}].name") for i, b in enumerate(self.bands)), "band name")
        expected = 0
        for index, band in enumerate(self.bands):
            if band.min_score != expected:
                raise ProtocolError(
                    f"{where}[{index}].min_score",
                    f"expected {expected}, so that the bands run on from 0 without gaps "
                    f"or overlaps, got {band.min_score}",
                )
            if band.max_score is None:
                if index != len(self.bands) - 1:
                    raise ProtocolError(
                        f"{where}[{index}].max_score",
                        "expected a max_score: only the last band is open-ended",
                    )
                return
            expected = band.max_score + 1
        raise ProtocolError(
            f"{where}[{len(self.bands) - 1}].max_score",
            "expected no max_score on the last band, so that every total falls in a band",
        )
