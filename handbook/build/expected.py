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

import copy
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from calculators.clause_text import rule_words
from calculators.dates import request as dates_request
from calculators.protocol import Protocol, protocol_from_mapping

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_DIR = ROOT / "data" / "expected"


def due_date_grid() -> list[date]:
    """Days around each month's panel and report deadlines, 2026-2028."""
    return [
        date(year, month, day)
        for year in (2026, 2027, 2028)
        for month in range(1, 13)
        for day in (1, 7, 8, 14, 15, 21, 22, 28)
    ]


def due_dates(protocol_data: dict[str, Any]) -> list[dict[str, Any]]:
    """The due dates on every day of the grid, by the rules alone (no bank holidays)."""
    data = copy.deepcopy(protocol_data)
    data["timing"]["bank_holidays"] = {**data["timing"]["bank_holidays"], "dates": []}
    protocol = protocol_from_mapping(data)
    rows = []
    for today in due_date_grid():
        answer = dates_request.handle_dates(
            protocol,
            {"today": today.isoformat(), "last_strategy": (today - timedelta(days=63)).isoformat()},
        )
        strategy = answer["strategy_meeting"]
        rows.append(
            {
                "today": answer["today"],
                "next_meeting": answer["panel"]["next_meeting"],
                "referable_meeting": answer["panel"]["referable_meeting"],
                "referral_deadline": answer["panel"]["referral_deadline"],
                "report_due": answer["monthly_report"]["due"],
                "report_last_due": answer["monthly_report"]["last_due"],
                "strategy_9_weeks_ago": [strategy["earliest"], strategy["latest"]],
            }
        )
    return rows


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
