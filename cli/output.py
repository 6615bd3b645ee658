"""What every command prints with --json: the answer as indented UTF-8 JSON."""

from __future__ import annotations

import json
from typing import Any


def print_json(data: Any) -> int:
    """Print the answer as JSON; the command's exit status (0)."""
    print(json.dumps(data, ensure_ascii=False, indent=2))
    return 0
