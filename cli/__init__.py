"""The command line, `python -m cli …`: the same functions the browser calls.

Each command lives in its own module with a `register(subparsers)` function that
adds its parser and sets `handler`. Exit status 2 for bad input, with a message
naming the field.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path

from calculators.errors import InputError
from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping

COMMAND_MODULES = (
    "cli.risk",
    "cli.dates",
    "cli.templates",
    "cli.training",
)


def load_protocol_for_cli(path: str | None) -> Protocol:
    """Load the protocol: a JSON file if given, else data/protocol.yaml through the build loader."""
    if path and path.endswith(".json"):
        return protocol_from_mapping(json.loads(Path(path).read_text(encoding="utf-8")))
    from handbook.build.loader import PROTOCOL_PATH, ProtocolFileError, load_protocol  # PyYAML
    from handbook.build.protocol_json import site_protocol

    try:
        loaded = load_protocol(path or PROTOCOL_PATH)
    except ProtocolFileError as error:  # its message already names the file and line
        raise ProtocolFileUnusable(str(error)) from None
    return site_protocol(loaded.data)


class ProtocolFileUnusable(Exception):
    """The YAML protocol file could not be used; the message says where and why."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cli")
    parser.add_argument(
        "--protocol", help="protocol file (.yaml or .json); default data/protocol.yaml"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    args = parser.parse_args(argv)
    try:
        protocol = load_protocol_for_cli(args.protocol)
    except (ProtocolError, ValueError, OSError, RecursionError) as error:
        where = f"{args.protocol}: " if args.protocol else ""
        print(f"error: {where}the protocol cannot be used: {error}", file=sys.stderr)
        return 2
    except ProtocolFileUnusable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        status = args.handler(protocol, args)
        sys.stdout.flush()  # here, so that a closed pipe is met inside this try
        return status
    except BrokenPipeError:
        # The reader stopped early (`| head`): nothing more to say, and no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except InputError as error:
        for problem in error.problems:
            print(f"error: {problem.field}: {problem.message}", file=sys.stderr)
        return 2
