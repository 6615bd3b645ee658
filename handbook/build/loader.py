"""Read data/protocol.yaml into the validated model, with file and line in every error."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping
from handbook.build.protocol_json import with_bank_holidays

PROTOCOL_PATH = Path(__file__).resolve().parents[2] / "data" / "protocol.yaml"
MAX_PROTOCOL_BYTES = 2_000_000


class ProtocolFileError(Exception):
    """A protocol file that cannot be used, with a message for the protocol owner."""


@dataclass(frozen=True)
class LoadedProtocol:
    path: Path
    data: dict[str, Any]
    protocol: Protocol


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so the model checks them with a clear message."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _no_duplicate_keys(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first on line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicate_keys)


def load_protocol(path: Path | str = PROTOCOL_PATH) -> LoadedProtocol:
    """Load and validate a protocol file; raise ProtocolFileError naming file, path and line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ProtocolFileError(
            f"{path}: cannot read the protocol file ({error.strerror})."
        ) from None
    if len(raw) > MAX_PROTOCOL_BYTES:
        raise ProtocolFileError(
            f"{path}: the protocol file is {len(raw):,} bytes; expected at most "
            f"{MAX_PROTOCOL_BYTES:,}."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolFileError(
            f"{path}: expected UTF-8 text, found an invalid byte at position {error.start}."
        ) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = error.problem or error.context or "invalid YAML"
        raise ProtocolFileError(
            f"{path}{line}: invalid YAML: {problem}. Check the indentation and quoting there."
        ) from None
    except yaml.YAMLError as error:
        raise ProtocolFileError(f"{path}: invalid YAML: {error}") from None
    except RecursionError:
        raise ProtocolFileError(
            f"{path}: the YAML is nested too deeply to read; expected the protocol's few levels "
            "of lists and mappings."
        ) from None
    try:
        protocol = protocol_from_mapping(data)
        if protocol.timing.changes_need_bank_holidays:
            protocol_from_mapping(with_bank_holidays(data))  # as the build will read it
    except RecursionError:
        raise ProtocolFileError(
            f"{path}: the protocol is nested too deeply; expected the protocol's few levels "
            "of lists and mappings."
        ) from None
    except ProtocolError as error:
        line = _line_of(node, error.path)
        where = f", line {line}" if line else ""
        raise ProtocolFileError(
            f"{path}{where}: {error.path or 'top level'}: {error.message}"
        ) from None
    return LoadedProtocol(path=path, data=data, protocol=protocol)


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _line_of(node: yaml.Node | None, item_path: str) -> int | None:
    """The line of the deepest node along a path like sections[3].clauses[5].text."""
    line = node.start_mark.line + 1 if node is not None else None
    for key, index in _STEP.findall(item_path):
        if node is None:
            break
        child = None
        if key and isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == key:
                    child = value_node
                    line = key_node.start_mark.line + 1
                    break
        elif index and isinstance(node, yaml.SequenceNode) and int(index) < len(node.value):
            child = node.value[int(index)]
            line = child.start_mark.line + 1
        node = child
    return line
