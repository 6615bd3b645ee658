"""Rewrite the golden snapshot of due dates after a deliberate rule change.

    .venv/bin/python tests/calculators/golden/regenerate.py

Then review `git diff tests/calculators/golden/due_dates.json`: every changed date
should follow from the change in data/protocol.yaml.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "calculators"))

from test_golden_due_dates import GOLDEN, golden_due_dates  # noqa: E402

from handbook.build.loader import load_protocol  # noqa: E402


def main() -> int:
    rows = golden_due_dates(load_protocol().data)
    lines = ",\n".join(" " + json.dumps(row) for row in rows)  # one day a line: small diffs
    GOLDEN.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    print(f"Wrote {len(rows)} days to {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
