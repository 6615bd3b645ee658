"""Read data/protocol.yaml into the validated model, with file and line in every error."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from calculators.protocol import Protocol, ProtocolError, check_references, protocol_from_mapping
from calculators.protocol.primitives import Problems, ProtocolProblems
from calculators.protocol.reading import read
from handbook.build.page_checks import missing_pages
from handbook.build.protocol_json import with_bank_holidays

PROTOCOL_PATH = Path(__file__).resolve().parents[2] / "data" / "protocol.yaml"
MAX_PROTOCOL_BYTES = 2_000_000
AFTER_READING = (
    "Once these are fixed, `make check` also checks across the file: references between "
    "items, and the pages the menu and the induction path name."
)


class ProtocolFileError(Exception):
    """A protocol file that cannot be used, with a message for the protocol owner."""


@dataclass(frozen=True)
class LoadedProtocol:
    path: Path
    data: dict[str, Any]
    protocol: Protocol


# libyaml's parser where PyYAML has it (several times faster), else the pure-Python one.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
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


def _parse(text: str) -> tuple[yaml.Node | None, Any]:
    """The file's node tree (for line numbers) and its data, from one parse."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


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
        node, data = _parse(text)
    except yaml.MarkedYAMLError as error:
        raise ProtocolFileError(f"{path}{_yaml_problem(error, text)}") from None
    except yaml.YAMLError as error:
        raise ProtocolFileError(f"{path}: invalid YAML: {error}") from None
    except RecursionError:
        raise ProtocolFileError(
            f"{path}: the YAML is nested too deeply to read; expected the protocol's few levels "
            "of lists and mappings."
        ) from None
    try:
        protocol = read(Protocol, data, "")
    except RecursionError:
        raise ProtocolFileError(
            f"{path}: the protocol is nested too deeply; expected the protocol's few levels "
            "of lists and mappings."
        ) from None
    except ProtocolError as error:
        message = _problems_message(path, node, error)
        raise ProtocolFileError(f"{message}\n{AFTER_READING}") from None
    # Across the file, once it reads: references, then the pages it names.
    problems = Problems()
    problems.check(lambda: check_references(protocol))
    if not problems.found and protocol.timing.changes_need_bank_holidays:
        problems.check(lambda: protocol_from_mapping(with_bank_holidays(data)))  # as built
    problems.found += missing_pages(protocol)
    if problems.found:
        raise ProtocolFileError(_problems_message(path, node, ProtocolProblems(problems.found)))
    return LoadedProtocol(path=path, data=data, protocol=protocol)


def _yaml_problem(error: yaml.MarkedYAMLError, text: str) -> str:
    """YAML's own error in the owner's words, at the line to look at."""
    problem = error.problem or error.context or "invalid YAML"
    mark = error.problem_mark or error.context_mark
    line = text.splitlines()[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
    if "nesting depth" in problem:
        return (
            ": the YAML is nested too deeply to read; expected the protocol's few levels "
            "of lists and mappings."
        )
    if "'\\t'" in problem or (mark is not None and "\t" in line[: mark.column + 1]):
        advice = "use spaces, not a tab, to indent"
    else:
        unclosed = _unclosed_quote(text, mark.line if mark else text.count("\n"))
        if unclosed is not None:
            return (
                f', line {unclosed + 1}: a quote (") opens on this line and is not closed; '
                "close it at the end of the text."
            )
        advice = f"invalid YAML: {problem}. Check the indentation and quoting there"
    if mark is None:
        return f": {advice}."
    return f", line {mark.line + 1}, column {mark.column + 1}: {advice}."


def _unclosed_quote(text: str, last_line: int) -> int | None:
    """The first line, up to where YAML stopped, whose value opens a double quote that the
    line does not close: YAML reads on from an open quote and reports the error lines later."""
    for number, line in enumerate(text.splitlines()[: last_line + 1]):
        if _OPENS_QUOTE.match(line) and line.replace('\\"', "").count('"') % 2 == 1:
            return number
    return None


# A value that starts with a double quote: `key: "…` or `- "…`.
_OPENS_QUOTE = re.compile(r'^\s*(?:-\s+|[\w.-]+:\s+)"')


def _problems_message(path: Path, node: yaml.Node | None, error: ProtocolError) -> str:
    """One problem on one line; several as a count, then one line each, in file order."""
    problems = getattr(error, "problems", None) or (error,)
    lines = sorted(
        (_line_of(node, p.path) or 0, f"{p.path or 'top level'}: {p.message}{_quote_hint(node, p)}")
        for p in problems
    )
    if len(lines) == 1:
        line, text = lines[0]
        return f"{path}{f', line {line}' if line else ''}: {text}"
    listed = "\n".join(f"  line {line}: {text}" if line else f"  {text}" for line, text in lines)
    return f"{path}: {len(lines)} problems:\n{listed}"


def _quote_hint(node: yaml.Node | None, problem: ProtocolError) -> str:
    """A number where text is expected: YAML read `id: 6.10` as 6.1, so say to quote it."""
    found = _node_of(node, problem.path)
    if (
        isinstance(found, yaml.ScalarNode)
        and not found.style  # plain (libyaml gives "", PyYAML None)
        and found.tag in ("tag:yaml.org,2002:float", "tag:yaml.org,2002:int")
        and "expected" in problem.message
        and ("text" in problem.message or "clause number" in problem.message)
    ):
        return f'; quote it: "{found.value}"'
    return ""


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _line_of(node: yaml.Node | None, item_path: str) -> int | None:
    """The line of the deepest node along a path like sections[3].clauses[5].text."""
    return _walk(node, item_path)[1]


def _node_of(node: yaml.Node | None, item_path: str) -> yaml.Node | None:
    """The node at a path, if the path reaches one."""
    return _walk(node, item_path)[0]


def _walk(node: yaml.Node | None, item_path: str) -> tuple[yaml.Node | None, int | None]:
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
    return node, line
