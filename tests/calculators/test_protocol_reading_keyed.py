"""The generic reader on items keyed by id and read by kind (the timing rules' shape),
and one reading that names every problem at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from calculators.calendar_rules import LAST
from calculators.protocol import ProtocolError
from calculators.protocol.reading import (
    choice,
    from_key,
    items,
    key_of,
    keyed_items,
    read,
    week_of_month,
    whole,
)


@dataclass(frozen=True, kw_only=True)
class Walk:
    id: str = field(metadata=from_key())
    kind: str = field(default="walk", metadata=choice(("walk",)))
    week: int = field(metadata=week_of_month())


@dataclass(frozen=True, kw_only=True)
class Swim:
    id: str = field(metadata=from_key())
    kind: str = field(default="swim", metadata=choice(("swim",)))
    lengths: int = field(metadata=whole(1, 99))


@dataclass(frozen=True)
class Plans:
    note: str
    plans: tuple[Walk | Swim, ...] = field(
        default=(), metadata=keyed_items(kinds={"walk": Walk, "swim": Swim})
    )


def test_keyed_items_are_the_other_keys_each_read_by_its_kind_with_its_key_as_id() -> None:
    plans = read(
        Plans,
        {
            "note": "n",
            "monday": {"kind": "walk", "week": "last"},
            "friday": {"kind": "swim", "lengths": 8},
        },
    )
    assert plans.plans == (Walk(id="monday", week=LAST), Swim(id="friday", lengths=8))
    assert key_of(plans.plans[1]) == "friday"


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        (
            {"note": "n", "monday": {"week": 1}},
            "monday.kind",
            "missing required key 'kind' in monday (one of walk, swim)",
        ),
        (
            {"note": "n", "monday": {"kind": "run"}},
            "monday.kind",
            "expected one of walk, swim, got 'run'",
        ),
        (
            {"note": "n", "monday": {"kind": "walk", "week": 0}},
            "monday.week",
            'expected a week of the month, 1 to 5 or "last", got 0 (int)',
        ),
        (
            {"note": "n", "monday": {"kind": "swim", "lengths": 8, "week": 1}},
            "monday.week",
            "unknown key 'week' in monday (allowed: lengths, kind)",
        ),
        (
            {"note": "n", "nots": "typo"},
            "nots",
            "unknown key 'nots' in the protocol file (allowed: note, "
            "or the id of an item with its mapping of keys to values)",
        ),
        (
            {"note": "n", "mon day": {"kind": "swim", "lengths": 8}},
            "mon day",
            "expected an id of letters, digits, '-', '_' or '.', got 'mon day'",
        ),
    ],
)
def test_keyed_items_by_kind_refuse_naming_the_item(data: Any, path: str, message: str) -> None:
    with pytest.raises(ProtocolError) as error:
        read(Plans, data)
    assert (error.value.path, error.value.message) == (path, message)


@dataclass(frozen=True)
class _Entry:
    name: str
    count: int = field(metadata=whole(1))


@dataclass(frozen=True)
class _Book:
    title: str
    entries: tuple[_Entry, ...] = field(metadata=items(1))
    year: int = field(metadata=whole(2000))


def test_one_reading_names_every_problem_keys_first_then_each_field() -> None:
    data = {"titel": "x", "entries": [{"name": "a", "count": 0}, {"name": 5, "count": 1}]}
    with pytest.raises(ProtocolError) as error:
        read(_Book, data)
    problems = [(p.path, p.message) for p in error.value.problems]
    assert problems == [
        (
            "titel",
            "unknown key 'titel' in the protocol file: did you mean 'title'? "
            "(allowed: title, entries, year)",
        ),
        ("year", "missing required key 'year' in the protocol file"),
        ("entries[0].count", "expected a whole number of at least 1, got 0"),
        ("entries[1].name", "expected text, got 5 (int)"),
    ]
    assert (error.value.path, error.value.message) == problems[0]  # the first, for one line


def test_a_typo_far_from_every_key_gets_no_guess() -> None:
    with pytest.raises(ProtocolError) as error:
        read(
            _Book,
            {"colour": "x", "title": "t", "entries": [{"name": "a", "count": 1}], "year": 2001},
        )
    assert "did you mean" not in error.value.message
