"""The generic reader: each field of a dataclass read by its type hint and metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from calculators.protocol import ProtocolError
from calculators.protocol.reading import (
    checked,
    choice,
    from_parent,
    identifier,
    items,
    level,
    read,
    weekday_name,
    whole,
)


@dataclass(frozen=True)
class Leaf:
    name: str


@dataclass(frozen=True)
class Child:
    id: str = field(metadata=identifier())
    owner: str = field(metadata=from_parent("id"))
    level: int = field(metadata=level())


@dataclass(frozen=True)
class Level:
    number: int


def shouted(value: str, path: str) -> str:
    if value != value.upper():
        raise ProtocolError(path, f"expected capitals, got {value!r}")
    return value


@dataclass(frozen=True)
class Sample:
    text: str
    count: int = field(default=2, metadata=whole(1, 4))
    flag: bool = False
    day: date | None = None
    weekday: int | None = field(default=None, metadata=weekday_name())
    tags: tuple[str, ...] = field(default=(), metadata=identifier())
    leaves: tuple[Leaf, ...] = field(default=(), metadata=items(0))
    leaf: Leaf | None = None
    kind: str = field(default="plain", metadata=choice(("plain", "fancy"), {"old": "plain"}))
    code: str | None = field(default=None, metadata=checked(shouted))
    at_least: int = field(default=0, metadata=whole(0))


@dataclass(frozen=True)
class Required:
    names: tuple[str, ...] = field(metadata=items(1))


@dataclass(frozen=True)
class Parent:
    id: str
    levels: tuple[Level, ...]
    children: tuple[Child, ...] = ()


@dataclass(frozen=True)
class Ordered:
    low: int
    high: int

    def validate(self, path: str) -> None:
        if self.high < self.low:
            raise ProtocolError(f"{path}.high", f"expected at least low ({self.low})")


@dataclass(frozen=True)
class Unsupported:
    value: float


def error_for(cls: type, data: Any, path: str = "top") -> ProtocolError:
    with pytest.raises(ProtocolError) as error:
        read(cls, data, path)
    return error.value


def test_each_supported_type_is_read_by_its_hint() -> None:
    sample = read(
        Sample,
        {
            "text": "  words  ",
            "count": 3,
            "flag": True,
            "day": "2027-03-04",
            "weekday": "Thursday",
            "tags": ["a-1", "b_2"],
            "leaves": [{"name": "one"}, {"name": "two"}],
            "leaf": {"name": "three"},
            "kind": "fancy",
            "code": "OK",
            "at_least": 12,
        },
        "sample",
    )
    assert sample == Sample(
        text="words",
        count=3,
        flag=True,
        day=date(2027, 3, 4),
        weekday=3,
        tags=("a-1", "b_2"),
        leaves=(Leaf("one"), Leaf("two")),
        leaf=Leaf("three"),
        kind="fancy",
        code="OK",
        at_least=12,
    )


def test_a_field_with_a_default_may_be_left_out_or_given_as_nothing() -> None:
    assert read(Sample, {"text": "t"}) == Sample(text="t")
    assert read(Sample, {"text": "t", "day": None, "leaf": None}) == Sample(text="t")


def test_a_date_object_is_taken_as_it_is() -> None:
    assert read(Sample, {"text": "t", "day": date(2027, 1, 7)}).day == date(2027, 1, 7)


def test_an_alias_reads_as_its_choice() -> None:
    assert read(Sample, {"text": "t", "kind": "old"}).kind == "plain"


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        ({"text": 5}, "top.text", "expected text, got 5 (int)"),
        ({"text": "   "}, "top.text", "expected some text, got an empty text"),
        (
            {"text": "t", "count": "eight"},
            "top.count",
            "expected a whole number, got the text 'eight'",
        ),
        (
            {"text": "t", "count": True},
            "top.count",
            "expected a whole number, got True (true/false)",
        ),
        ({"text": "t", "count": 5}, "top.count", "expected a whole number from 1 to 4, got 5"),
        (
            {"text": "t", "at_least": -1},
            "top.at_least",
            "expected a whole number of at least 0, got -1",
        ),
        ({"text": "t", "flag": "yes"}, "top.flag", "expected true or false, got the text 'yes'"),
        (
            {"text": "t", "day": "2027-02-30"},
            "top.day",
            "expected a real date in the form YYYY-MM-DD, got '2027-02-30'",
        ),
        (
            {"text": "t", "day": "tomorrow"},
            "top.day",
            "expected a date in the form YYYY-MM-DD, got the text 'tomorrow'",
        ),
        (
            {"text": "t", "weekday": "Thorsday"},
            "top.weekday",
            "expected a weekday name (monday … sunday), got the text 'Thorsday'",
        ),
        (
            {"text": "t", "tags": ["ok", "not ok"]},
            "top.tags[1]",
            "expected an id of letters, digits, '-', '_' or '.', got 'not ok'",
        ),
        ({"text": "t", "tags": "ok"}, "top.tags", "expected a list, got the text 'ok'"),
        (
            {"text": "t", "leaves": [{"name": ""}]},
            "top.leaves[0].name",
            "expected some text, got an empty text",
        ),
        (
            {"text": "t", "leaf": ["x"]},
            "top.leaf",
            "expected a mapping of keys to values, got a list",
        ),
        (
            {"text": "t", "kind": "plainer"},
            "top.kind",
            "expected one of plain, fancy, got 'plainer'",
        ),
        ({"text": "t", "code": "lower"}, "top.code", "expected capitals, got 'lower'"),
        ({}, "top.text", "missing required key 'text' in top"),
        (
            {"text": "t", "txt": "u"},
            "top.txt",
            "unknown key 'txt' in top (allowed: text, count, flag, day, weekday, tags, "
            "leaves, leaf, kind, code, at_least)",
        ),
        ("words", "top", "expected a mapping of keys to values, got the text 'words'"),
    ],
)
def test_each_bad_value_is_named_with_its_path_and_what_was_expected(
    data: Any, path: str, message: str
) -> None:
    error = error_for(Sample, data)
    assert (error.path, error.message) == (path, message)


def test_a_list_may_require_items() -> None:
    error = error_for(Required, {"names": []})
    assert (error.path, error.message) == (
        "top.names",
        "expected at least 1 item(s), got an empty list",
    )


def test_the_top_level_path_is_empty_and_named_as_the_file() -> None:
    error = error_for(Leaf, {}, path="")
    assert (error.path, error.message) == (
        "name",
        "missing required key 'name' in the protocol file",
    )


def family(**child: Any) -> dict[str, Any]:
    """A parent with levels 1 and 2 and one child, id "c"."""
    return {"id": "p", "levels": [{"number": 1}, {"number": 2}], "children": [{"id": "c", **child}]}


def test_a_child_takes_its_parents_field_and_a_level_read_before_it() -> None:
    parent = read(Parent, family(level=2))
    assert parent.children == (Child(id="c", owner="p", level=2),)


def test_a_level_the_levels_lack_is_refused_naming_the_levels() -> None:
    error = error_for(Parent, family(level=3))
    assert (error.path, error.message) == (
        "top.children[0].level",
        "expected a category 1 or 2, got 3 (int)",
    )


def test_a_key_taken_from_the_parent_is_not_a_key_in_the_file() -> None:
    error = error_for(Parent, family(level=1, owner="x"))
    assert error.path == "top.children[0].owner"
    assert error.message.startswith("unknown key 'owner'")


def test_a_dataclass_validates_across_its_own_fields_once_read() -> None:
    assert read(Ordered, {"low": 1, "high": 2}) == Ordered(1, 2)
    error = error_for(Ordered, {"low": 3, "high": 2})
    assert (error.path, error.message) == ("top.high", "expected at least low (3)")


def test_a_field_type_the_reader_does_not_know_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="no reader for fields of type"):
        read(Unsupported, {"value": 1.5})


def ascending(values: tuple[int, ...], path: str) -> tuple[int, ...]:
    if list(values) != sorted(values):
        raise ProtocolError(path, f"expected ascending numbers, got {list(values)}")
    return values


@dataclass(frozen=True)
class Numbers:
    values: tuple[int, ...] = field(default=(), metadata=checked(ascending))


def test_a_custom_check_of_a_list_sees_the_whole_list() -> None:
    assert read(Numbers, {"values": [1, 2, 5]}).values == (1, 2, 5)
    error = error_for(Numbers, {"values": [2, 1]})
    assert (error.path, error.message) == ("top.values", "expected ascending numbers, got [2, 1]")
