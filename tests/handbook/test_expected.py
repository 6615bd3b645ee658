"""Newham's protocol gives today the answers recorded in data/expected/.

What the directive says today (its outline, its timing rules and the due dates they
give) is data: after a revision the protocol owner runs `make expected`, reviews the
diff and commits it. A failure here means the
answers changed without that: run `make expected` and review what changed.
"""

from __future__ import annotations

import json

import pytest

from handbook.build.expected import EXPECTED_DIR, expected_files
from handbook.build.loader import load_protocol
from handbook.build.protocol_json import with_bank_holidays

LOADED = load_protocol()
LIVE = expected_files(with_bank_holidays(LOADED.data), LOADED.protocol)


@pytest.mark.parametrize("name", sorted(LIVE))
def test_the_protocol_gives_the_answers_recorded_in_data_expected(name: str) -> None:
    path = EXPECTED_DIR / name
    assert path.exists(), f"{path} is missing: run `make expected`"
    recorded = path.read_text(encoding="utf-8")
    assert LIVE[name].splitlines() == recorded.splitlines(), (
        f"{name} differs from what data/protocol.yaml gives: run `make expected` and review "
        "the diff"
    )


def test_data_expected_holds_only_the_files_make_expected_writes() -> None:
    assert sorted(p.name for p in EXPECTED_DIR.iterdir()) == sorted(LIVE)


def test_every_day_of_the_due_dates_grid_is_recorded_once() -> None:
    rows = json.loads((EXPECTED_DIR / "due_dates.json").read_text(encoding="utf-8"))
    days = [row["today"] for row in rows]
    assert len(days) == len(set(days)) == 3 * 12 * 8
