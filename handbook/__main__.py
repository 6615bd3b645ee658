"""Command line of the build side: `python -m handbook check|open-decisions|build|expected`.

The calculators' tests inside Pyodide run from the tests themselves
(`make test-pyodide`), so the build side imports nothing from tests/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.build.loader import PROTOCOL_PATH, ProtocolFileError, load_protocol


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the protocol file without building")
    check.add_argument("path", nargs="?", default=str(PROTOCOL_PATH))
    listing = commands.add_parser(
        "open-decisions",
        help="list the protocol owner's open decisions, one a line; exit 1 if any is open",
    )
    listing.add_argument("path", nargs="?", default=str(PROTOCOL_PATH))
    commands.add_parser("build", help="build the site into site/ (all or nothing)")
    expected = commands.add_parser(
        "expected",
        help="rewrite expected/ beside the protocol file (what it says today); show the change",
    )
    expected.add_argument("path", nargs="?", default=str(PROTOCOL_PATH))
    args = parser.parse_args(argv)

    if args.command in ("check", "open-decisions"):
        try:
            loaded = load_protocol(args.path)
        except ProtocolFileError as error:
            print(f"The protocol file has a problem:\n  {error}", file=sys.stderr)
            return 2
        p = loaded.protocol
        if args.command == "open-decisions":
            for decision in p.open_decisions:
                print(f"{decision.id}: {decision.title}")
            return 1 if p.open_decisions else 0
        print(
            f"{loaded.path}: valid. {len(p.sections)} sections, {len(p.clauses)} clauses, "
            f"{len(p.indicators)} indicators, {len(p.templates)} templates, "
            f"{len(p.contacts)} contacts."
        )
        print(
            f"Status: {p.metadata.status}. Open decisions for the protocol owner: "
            f"{len(p.open_decisions)} of {len(p.decisions)} "
            "(python -m handbook open-decisions lists them)."
        )
        return 0
    if args.command == "expected":
        from handbook.build.expected import show_changes, write_expected

        directory = Path(args.path).resolve().parent / "expected"  # beside the protocol
        try:
            written = write_expected(args.path, directory)
        except ProtocolFileError as error:
            print(f"The protocol file has a problem:\n  {error}", file=sys.stderr)
            return 2
        print(f"Wrote {len(written)} files to {directory} from {args.path}.")
        show_changes(directory)
        return 0
    if args.command == "build":
        from handbook.build.site_build import build_site

        return build_site()
    return 2


if __name__ == "__main__":
    sys.exit(main())
