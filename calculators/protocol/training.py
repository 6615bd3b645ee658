"""Training (issue 11): roles, the induction path, the process map, scenarios and language.

The handbook's own material for new staff. It cites clauses and indicators (checked
in `references.py` through `refers_to`) and never restates them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from calculators.protocol.primitives import ProtocolError, find, unique
from calculators.protocol.reading import checked, identifier, items, refers_to, spec
from calculators.protocol.reading import level as a_level
from calculators.protocol.reading import whole as whole_number

SCENARIO_MIN_CHARACTERS = 200


def a_page(value: str, path: str) -> str:
    if not value.endswith(".md") or value.startswith(("/", ".")) or "//" in value:
        raise ProtocolError(
            path, f"expected a page of the handbook such as calculators/dates.md, got {value!r}"
        )
    return value


def a_vignette(value: str, path: str) -> str:
    text = " ".join(value.split())
    if len(text) < SCENARIO_MIN_CHARACTERS:
        raise ProtocolError(
            path,
            f"expected a vignette of at least {SCENARIO_MIN_CHARACTERS} characters, "
            f"got {len(text)}",
        )
    return text


@dataclass(frozen=True)
class Duty:
    """Something a role does, by the clause it rests on; `topic` is the handbook's label."""

    clause: str = field(metadata=refers_to("clause"))
    topic: str


@dataclass(frozen=True)
class Role:
    """A role in the process and its duties, for the induction."""

    id: str = field(metadata=identifier())
    name: str
    duties: tuple[Duty, ...] = field(metadata=items(1))

    @property
    def clauses(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.clause for d in self.duties))


@dataclass(frozen=True)
class PageLink:
    """A handbook page by its source path (e.g. "calculators/dates.md")."""

    path: str = field(metadata=checked(a_page))
    label: str


@dataclass(frozen=True)
class InductionStep:
    """One step of the induction path and the clauses it rests on."""

    id: str = field(metadata=identifier())
    title: str
    clauses: tuple[str, ...] = field(metadata=refers_to("clause", min_items=1))
    pages: tuple[PageLink, ...] = ()
    ask: str | None = None


@dataclass(frozen=True)
class Induction:
    """The induction path for new staff."""

    intro: str
    steps: tuple[InductionStep, ...] = field(metadata=items(1))

    def validate(self, path: str) -> None:
        unique(((s.id, f"{path}.steps[{i}].id") for i, s in enumerate(self.steps)), "step id")


@dataclass(frozen=True)
class MapNode:
    """A step on the process map and the clause it rests on."""

    id: str = field(metadata=identifier())
    label: str
    clause: str = field(metadata=refers_to("clause"))
    role: str = field(metadata=refers_to("role"))


@dataclass(frozen=True)
class MapEdge:
    """An arrow on the process map, from one step to another."""

    source: str = field(metadata=spec(key="from", refers_to="node"))
    target: str = field(metadata=spec(key="to", refers_to="node"))
    label: str | None = None

    def validate(self, path: str) -> None:
        if self.source == self.target:
            raise ProtocolError(path, "expected an edge between two nodes")


@dataclass(frozen=True)
class ProcessMap:
    """The process map: steps and the arrows between them."""

    title: str
    description: str
    nodes: tuple[MapNode, ...] = field(metadata=items(1))
    edges: tuple[MapEdge, ...] = ()

    def node(self, node_id: str) -> MapNode:
        return find(self.nodes, "id", node_id, "process map node")

    def validate(self, path: str) -> None:
        unique(((n.id, f"{path}.nodes[{i}].id") for i, n in enumerate(self.nodes)), "node id")


@dataclass(frozen=True)
class ScenarioDates:
    """The scenario's own dates, for the due-dates comparison."""

    today: date
    last_strategy: date | None = None
    initial_strategy: date | None = None

    def validate(self, path: str) -> None:
        for key in ("last_strategy", "initial_strategy"):
            day = getattr(self, key)
            if day is not None and day > self.today:
                raise ProtocolError(
                    f"{path}.{key}", f"expected a date on or before today ({self.today})"
                )


@dataclass(frozen=True)
class Scenario:
    """A case scenario for training: the indicators it shows, its dates and the model answer."""

    id: str = field(metadata=identifier())
    title: str
    text: str = field(metadata=checked(a_vignette))
    indicators: tuple[str, ...] = field(metadata=refers_to("indicator"))
    model_category: int | None = field(metadata=a_level())
    dates: ScenarioDates
    clauses: tuple[str, ...] = field(metadata=refers_to("clause", min_items=1))
    out_of_borough: bool = False
    interval_weeks: int | None = field(default=None, metadata=whole_number(1, 52))
    differs_because: str | None = None
    tags: tuple[str, ...] = ()

    def validate(self, path: str) -> None:
        if self.out_of_borough != (self.interval_weeks is not None):
            raise ProtocolError(
                f"{path}.interval_weeks",
                "expected interval_weeks (the agreed interval for a child placed out of borough) exactly "
                "when out_of_borough is true",
            )
        unique(((v, f"{path}.indicators[{j}]") for j, v in enumerate(self.indicators)), "indicator")


@dataclass(frozen=True)
class LanguageTerm:
    """Words that blame a child: the phrases to find, why they harm, what to say instead."""

    id: str = field(metadata=identifier())
    phrases: tuple[str, ...] = field(metadata=items(1))
    why: str
    instead: str


@dataclass(frozen=True)
class Language:
    """The guidance on the words used about a child: the terms that blame, and what to say instead."""

    source: str
    principle: str
    verbatim_note: str = field(metadata=refers_to("note"))
    verbatim_indicators: tuple[str, ...] = field(metadata=refers_to("indicator"))
    terms: tuple[LanguageTerm, ...] = field(metadata=items(1))

    def validate(self, path: str) -> None:
        terms = self.terms
        unique(((t.id, f"{path}.terms[{i}].id") for i, t in enumerate(terms)), "term id")
        unique(
            (
                (" ".join(p.lower().split()), f"{path}.terms[{i}].phrases[{j}]")
                for i, t in enumerate(terms)
                for j, p in enumerate(t.phrases)
            ),
            "phrase",
        )
