"""One generic reader: plain data into a frozen dataclass, driven by its fields.

A field is written once, in the dataclass. Its type hint says how its value is read:

- `str`: non-empty text, stripped;        - `int`: a whole number;
- `bool`: true or false;                  - `date`: YYYY-MM-DD;
- `tuple[X, ...]`: a list of X;           - `X | None`: X, or nothing;
- another dataclass: a mapping, read the same way.

A field with a default may be left out of the file; one without is required; any
other key is refused as a probable typo. What a type cannot say goes in the field's
metadata, made by the helpers in `field_specs.py`:

    id: str = field(metadata=identifier())
    weekday: int = field(metadata=weekday_name())
    week_of_month: int = field(metadata=whole(1, 4))
    category: int = field(metadata=level())
    domain: str = field(metadata=from_parent("id"))
    clauses: tuple[Clause, ...] = field(metadata=items(min_items=1))
    email: str = field(metadata=checked(an_email))
    send_to: str = field(metadata=refers_to("contact"))
    levels: tuple[Level, ...] = field(metadata=checked(lowest_first, min_items=1))
    week_of_month: int = field(metadata=week_of_month())   # 1-5 or "last" (LAST)
    rules: tuple[Rule, ...] = field(default=(), metadata=keyed_items(kinds=KINDS))
    id: str = field(metadata=from_key())

The option `kinds=` (on any field: `spec(kinds=...)`, `keyed_items(kinds=...)`)
reads a mapping whose `kind:` names the dataclass to read it into (a tagged
union, e.g. the timing rules by kind). `keyed_items()` reads every key of
the mapping that is not another field's, each as an item whose `from_key()` field
is that key: `timing: {mase_panel: {kind: monthly_meeting, ...}, panel_changes: []}`.

A dataclass may also define `validate(self, path)`, called once its fields are
read, for checks across its own fields (e.g. max_weeks at least min_weeks).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from calculators.protocol import primitives as p

# The field helpers, read by the dataclasses from here as before.
from calculators.protocol.field_specs import (  # noqa: F401
    _ITEM_KEY,
    Spec,
    checked,
    choice,
    field_spec,
    file_key,
    from_key,
    from_parent,
    has_default,
    identifier,
    items,
    key_of,
    keyed_items,
    keys,
    level,
    refers_to,
    spec,
    week_of_month,
    weekday_name,
    whole,
    working_day,
)
from calculators.protocol.primitives import ProtocolError

T = TypeVar("T")
# The values read so far, outermost mapping first: children see their ancestors.
Context = tuple[Mapping[str, Any], ...]
# A field whose value had a problem (reported once): its siblings do not check against it.
FAILED: Any = type("Failed", (), {"__repr__": lambda self: "<failed>"})()


def read(cls: type[T], data: Any, path: str = "", context: Context = ()) -> T:
    """Read `data` into the dataclass `cls`, naming `path` in every error."""
    return _Reader().read(cls, data, path, context)


@dataclass(frozen=True)
class _Plan:
    """A dataclass's fields with their resolved type hints, specs and keys in the file."""

    fields: tuple[tuple[dataclasses.Field[Any], Any, Spec, str], ...]
    required: tuple[str, ...]
    optional: tuple[str, ...]
    other_keys: bool  # a keyed_items() field reads the keys that are not fields


@dataclass(frozen=True)
class _Shape:
    """A type hint taken apart once per reading (the browser reads the file on every start)."""

    origin: Any
    arguments: tuple[Any, ...]
    is_dataclass: bool


class _Reader:
    """One reading of a file: each dataclass's type hints are resolved once per reading."""

    def __init__(self) -> None:
        self.plans: dict[type, _Plan] = {}
        self.shapes: dict[Any, _Shape] = {}

    def plan(self, cls: type) -> _Plan:
        if cls not in self.plans:
            hints = typing.get_type_hints(cls)
            required, optional = keys(cls)
            self.plans[cls] = _Plan(
                fields=tuple(
                    (f, hints[f.name], field_spec(f), file_key(f)) for f in dataclasses.fields(cls)
                ),
                required=required,
                optional=optional,
                other_keys=any(field_spec(f).keyed for f in dataclasses.fields(cls)),
            )
        return self.plans[cls]

    def shape(self, hint: Any) -> _Shape:
        found = self.shapes.get(hint)
        if found is None:
            found = _Shape(
                typing.get_origin(hint), typing.get_args(hint), dataclasses.is_dataclass(hint)
            )
            self.shapes[hint] = found
        return found

    def read(self, cls: type[T], data: Any, path: str, context: Context) -> T:
        """Read every field, keeping each field's problem and going on to the next, so
        that one reading names every problem (ProtocolProblems)."""
        plan = self.plan(cls)
        problems = p.Problems()
        mapping = problems.check(
            lambda: p.expect_mapping(data, path, plan.required, plan.optional, plan.other_keys)
        )
        if mapping is None:
            if not isinstance(data, Mapping):
                problems.raise_any()
            mapping = data  # unknown or missing keys: read the fields that are there
        values: dict[str, Any] = {}
        inner = (*context, values)
        for item, hint, options, key in plan.fields:
            try:
                if options.parent is not None:
                    if context[-1].get(options.parent) is FAILED:
                        raise p.ProtocolProblems(())  # the parent's own problem is reported
                    values[item.name] = context[-1][options.parent]
                elif options.keyed:
                    values[item.name] = self.keyed(hint, mapping, path, options, inner, plan)
                elif key in mapping:
                    where = p.join(path, key)
                    value = self.value(hint, mapping[key], where, options, inner)
                    if options.check is not None and value is not None:
                        value = options.check(value, where)
                    values[item.name] = value
                elif item.default is not dataclasses.MISSING:
                    values[item.name] = item.default
                elif item.default_factory is not dataclasses.MISSING:
                    values[item.name] = item.default_factory()
            except ProtocolError as problem:
                problems.found.append(problem)
                problems.failed = True
                values[item.name] = FAILED
        problems.raise_any()
        result = cls(**values)
        validate = getattr(result, "validate", None)
        if validate is not None:
            validate(path)
        return result

    def keyed(
        self,
        hint: Any,
        mapping: Mapping[str, Any],
        path: str,
        options: Spec,
        context: Context,
        plan: _Plan,
    ) -> tuple[Any, ...]:
        """The mapping's keys that are not fields, each an item with its key as its id."""
        arguments = typing.get_args(hint)
        if typing.get_origin(hint) is not tuple or arguments[1:] != (Ellipsis,):
            raise TypeError(f"{path}: keyed_items() fields must be `tuple[X, ...]`, not {hint}")
        fields = (*plan.required, *plan.optional)
        result = []
        problems = p.Problems()
        for key, value in mapping.items():
            if key in fields:
                continue
            where = p.join(path, str(key))
            if not isinstance(value, Mapping):
                where_in = path or "the protocol file"
                problems.check(
                    lambda where=where, where_in=where_in, key=key: p.fail(
                        where,
                        f"unknown key {key!r} in {where_in} (allowed: {', '.join(fields)}, "
                        f"or the id of an item with its mapping of keys to values)",
                    )
                )
                continue
            inner = (*context, {_ITEM_KEY: key})
            result.append(
                problems.check(
                    lambda key=key, value=value, where=where, inner=inner: (
                        p.identifier(key, where),
                        self.value(arguments[0], value, where, options, inner),
                    )[1]
                )
            )
        problems.raise_any()
        return tuple(result)

    def value(self, hint: Any, value: Any, path: str, options: Spec, context: Context) -> Any:
        shape = self.shape(hint)
        origin, arguments = shape.origin, shape.arguments
        if options.kinds is not None and origin is not tuple:
            return self.read(_kind(value, path, options.kinds), value, path, context)
        if origin in (typing.Union, types.UnionType):
            present = [a for a in arguments if a is not type(None)]
            if len(present) != 1:
                raise TypeError(f"{path}: only `X | None` unions can be read, not {hint}")
            return None if value is None else self.value(present[0], value, path, options, context)
        if options.pairs:
            return _id_pairs(value, path)
        if origin is tuple:
            if options.one_or_many and not isinstance(value, list):
                value = [value]
            if len(arguments) != 2 or arguments[1] is not Ellipsis:
                raise TypeError(f"{path}: only `tuple[X, ...]` can be read, not {hint}")
            return p.read_list(
                value,
                path,
                lambda item, item_path: self.value(arguments[0], item, item_path, options, context),
                options.min_items,
            )
        if shape.is_dataclass:
            return self.read(hint, value, path, context)
        return _leaf(hint, value, path, options, context)


def _id_pairs(value: Any, path: str) -> tuple[tuple[str, str], ...]:
    """A mapping of ids to ids (`{target: source}`), sorted by key: the site's JSON sorts
    its keys, so the same file reads the same on CPython and in the browser."""
    if not isinstance(value, Mapping) or not value:
        raise ProtocolError(path, f"expected a mapping of ids to ids, got {p.describe(value)}")
    pairs = (
        (p.identifier(key, path), p.identifier(item, p.join(path, str(key))))
        for key, item in value.items()
    )
    return tuple(sorted(pairs))


def _kind(value: Any, path: str, kinds: Mapping[str, type]) -> type:
    """The dataclass a mapping's `kind:` names."""
    names = tuple(kinds)
    if not isinstance(value, Mapping):
        raise ProtocolError(
            path, f"expected a mapping with a kind ({', '.join(names)}), got {p.describe(value)}"
        )
    if "kind" not in value:
        raise ProtocolError(
            p.join(path, "kind"),
            f"missing required key 'kind' in {path} (one of {', '.join(names)})",
        )
    return kinds[p.one_of(value["kind"], p.join(path, "kind"), names)]


def _leaf(hint: Any, value: Any, path: str, options: Spec, context: Context) -> Any:
    if hint is str and options.not_text and not isinstance(value, str):
        raise ProtocolError(path, f"{options.not_text}, got {p.describe(value)}")
    if hint is str:
        if options.kind == "identifier":
            return p.identifier(value, path)
        if options.kind == "choice":
            return p.one_of(value, path, options.choices, options.aliases)
        return p.plain_text(value, path)
    if hint is bool:
        return p.boolean(value, path)
    if hint is int:
        if options.kind == "weekday":
            return p.weekday(value, path)
        if options.kind == "week":
            return p.week_of_month(value, path)
        if options.kind == "working_day":
            return p.working_day_of_month(value, path)
        if options.kind == "level":
            return p.level_number(value, path, level_numbers(context))
        return p.whole_number(value, path, options.minimum, options.maximum)
    if hint is date:
        return p.iso_date(value, path)
    raise TypeError(f"{path}: no reader for fields of type {hint}")


def level_numbers(context: Context) -> tuple[int, ...]:
    """The numbers of the levels read before this item, innermost first."""
    for values in reversed(context):
        if values.get("levels") is FAILED or values.get("categories") is FAILED:
            raise p.ProtocolProblems(())  # the levels' own problem is reported
        if "levels" in values:
            return tuple(level.number for level in values["levels"])
        if "categories" in values:
            return values["categories"].numbers
    raise ProtocolError("", "expected the levels to be read before a level number")
