"""Newham's expected answers: what the protocol says today, as data the owner regenerates.

    .venv/bin/python -m handbook expected      (make expected)

writes data/expected/ from data/protocol.yaml, then shows the change as `git diff
--stat` and the diff itself, for the protocol owner to review and commit with the
edit. The tests (tests/handbook/test_expected.py) compare the live answers with these
files, so a revision changes data, never test code. The clauses' own text is not
copied here: tests/handbook/test_fidelity.py compares it with data/source/. One item
a line, for small diffs:

- `outline.txt`: the sections and their clauses, in order;
- `timing.txt`: each timing rule, its kind and what `{rule:…}` reads;
- `due_dates.json`: the due dates on set days of 2026-2028, by the rules alone (no
  bank holidays), the last strategy meeting 9 weeks before each day.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from calculators.clause_text import rule_words
from calculators.dates.expected import due_dates
from calculators.protocol import Protocol

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_DIR = ROOT / "data" / "expected"


def outline(protocol: Protocol) -> list[str]:
    lines = []
    for section in protocol.sections:
        lines.append(f"section {section.number}: {section.title}")
        lines.extend(f"  {clause.id}" for clause in section.clauses)
    return lines


def timing(protocol: Protocol) -> list[str]:
    return [
        f"{rule.id}: {rule.kind}, clause {rule.clause}, reads {rule_words(protocol, rule.id)!r}"
        for rule in protocol.timing.rules
    ]


def expected_files(protocol_data: dict[str, Any], protocol: Protocol) -> dict[str, str]:
    """Each file of data/expected/ by name, with the text the protocol gives it today."""
    rows = ",\n".join(" " + json.dumps(row) for row in due_dates(protocol_data))
    return {
        "outline.txt": "\n".join(outline(protocol)) + "\n",
        "timing.txt": "\n".join(timing(protocol)) + "\n",
        "due_dates.json": f"[\n{rows}\n]\n",
    }


def write_expected(protocol_path: Path | str, directory: Path = EXPECTED_DIR) -> list[Path]:
    """Rewrite `directory` from the protocol file; return the files written."""
    from handbook.build.loader import load_protocol
    from handbook.build.protocol_json import with_bank_holidays

    loaded = load_protocol(protocol_path)
    files = expected_files(with_bank_holidays(loaded.data), loaded.protocol)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def show_changes(directory: Path = EXPECTED_DIR) -> None:
    """Print the change to `directory` as git sees it (new files included), for review."""
    if not directory.resolve().is_relative_to(ROOT):
        print(f"{directory} is outside this repository: compare it yourself.")
        return
    directory = directory.resolve()
    git = ["git", "-C", str(ROOT)]
    subprocess.run([*git, "add", "--intent-to-add", "--", str(directory)], check=False)
    stat = subprocess.run(
        [*git, "diff", "--stat", "--", str(directory)], capture_output=True, text=True, check=False
    ).stdout
    if not stat.strip():
        print(f"{directory.relative_to(ROOT)}: no change.")
        return
    print(stat, end="")
    sys.stdout.flush()
    subprocess.run([*git, "--no-pager", "diff", "--", str(directory)], check=False)
    print(f"Review the change above, then commit {directory.relative_to(ROOT)} with the edit.")
