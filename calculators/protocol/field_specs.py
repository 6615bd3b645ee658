"""How a field of the protocol's dataclasses is described beyond its type hint: the
metadata helpers (`identifier()`, `items(1)`, `refers_to("clause")`, …) that `reading.py`
reads, and the keys a dataclass takes in the file."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_KEY = "protocol"
_ITEM_KEY = "(key)"  # where a keyed item's key is passed to its from_key() field


@dataclass(frozen=True)
class Spec:
    """How to read one field, beyond its type hint."""

    kind: str | None = None  # "identifier", "weekday", "week", "working_day", "level", "choice"
    minimum: int | None = None
    maximum: int | None = None
    min_items: int = 0
    choices: tuple[str, ...] = ()
    aliases: Mapping[str, str] | None = None
    check: Callable[[Any, str], Any] | None = None
    parent: str | None = None
    refers_to: str | None = None  # checked across the file by references.py
    kinds: Mapping[str, type] | None = None  # a mapping's `kind:` names its dataclass
    keyed: bool = False  # the mapping's other keys, each an item
    one_or_many: bool = False  # a tuple field may be given one value instead of a list
    pairs: bool = False  # a mapping of id to id, read as a tuple of (key, value) pairs
    key: str | None = None  # the key in the file, where it cannot be the field's name ("from")
    not_text: str | None = None  # what to say when a text field is given something else


def spec(**options: Any) -> dict[str, Spec]:
    """Field metadata: `field(metadata=spec(kind="identifier", min_items=1))`."""
    return {_KEY: Spec(**options)}


def identifier(**options: Any) -> dict[str, Spec]:
    """Letters, digits, '-', '_' or '.' (each item, for a tuple)."""
    return spec(kind="identifier", **options)


def weekday_name(**options: Any) -> dict[str, Spec]:
    """A weekday name in the file ("thursday"), its number in the model (3)."""
    return spec(kind="weekday", **options)


def week_of_month(**options: Any) -> dict[str, Spec]:
    """The week of the month: 1 to 5, or "last" (read as `calendar_rules.LAST`)."""
    return spec(kind="week", **options)


def working_day(**options: Any) -> dict[str, Spec]:
    """The working day of the month: 1 to 23, or "last" (read as `calendar_rules.LAST`)."""
    return spec(kind="working_day", **options)


def level(**options: Any) -> dict[str, Spec]:
    """One of the protocol's level numbers: the nearest `levels` (or `categories`) read."""
    return spec(kind="level", **options)


def whole(
    minimum: int | None = None, maximum: int | None = None, **options: Any
) -> dict[str, Spec]:
    """A whole number from minimum to maximum (either may be left open)."""
    return spec(minimum=minimum, maximum=maximum, **options)


def items(min_items: int, **options: Any) -> dict[str, Spec]:
    """A list of at least min_items items."""
    return spec(min_items=min_items, **options)


def choice(
    choices: Sequence[str], aliases: Mapping[str, str] | None = None, **options: Any
) -> dict[str, Spec]:
    """One of the named choices; an alias (an older name) reads as its choice."""
    return spec(kind="choice", choices=tuple(choices), aliases=aliases, **options)


def checked(check: Callable[[Any, str], Any], **options: Any) -> dict[str, Spec]:
    """A custom check `check(value, path) -> value` of the field's value (a whole tuple, for a
    tuple), after the type's own; not called for a missing optional value."""
    return spec(check=check, **options)


def from_parent(name: str) -> dict[str, Spec]:
    """Not a key in the file: the enclosing item's field `name` (an indicator's domain)."""
    return spec(parent=name)


def refers_to(kind: str, **options: Any) -> dict[str, Spec]:
    """A reference to another item, checked once the whole file is read (`references.py`):
    "clause", "contact", "note", "template", "indicator", "use" (a clause or form:<template>)
    or "text" (text that may hold {contact:…} and {rule:…})."""
    return spec(refers_to=kind, **options)


def keyed_items(**options: Any) -> dict[str, Spec]:
    """Not one key: every other key of the mapping, each read as an item (a tuple's X)
    whose `from_key()` field is that key. The key must be an id."""
    return spec(keyed=True, **options)


def from_key() -> dict[str, Spec]:
    """Not a key in the file: the key a keyed item is listed under (its id)."""
    return spec(parent=_ITEM_KEY)


def key_of(item: Any) -> str | None:
    """The key a keyed item was listed under, from its `from_key()` field."""
    for item_field in dataclasses.fields(item):
        if field_spec(item_field).parent == _ITEM_KEY:
            return getattr(item, item_field.name)
    return None


def field_spec(item: dataclasses.Field[Any]) -> Spec:
    return item.metadata.get(_KEY, Spec())


def file_key(item: dataclasses.Field[Any]) -> str:
    """The field's key in the file: its name, unless its spec names another."""
    return field_spec(item).key or item.name


def has_default(item: dataclasses.Field[Any]) -> bool:
    return (
        item.default is not dataclasses.MISSING or item.default_factory is not dataclasses.MISSING
    )


def keys(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The file's keys for a dataclass: (required, optional)."""
    keyed = [
        f
        for f in dataclasses.fields(cls)
        if field_spec(f).parent is None and not field_spec(f).keyed
    ]
    return (
        tuple(file_key(f) for f in keyed if not has_default(f)),
        tuple(file_key(f) for f in keyed if has_default(f)),
    )
