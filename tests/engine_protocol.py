"""Newham's protocol with the engine's own timing rules, as files for the command line
and the build (tests/calculators/engine_timing.py says which rules, and why).

Tests of the engine's behaviour run on these, so that the protocol owner's next
revision of data/protocol.yaml's dates changes no test. CPython only (PyYAML).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from handbook.build.loader import load_protocol
from handbook.build.protocol_json import with_bank_holidays
from tests.calculators.engine_timing import engine_timing


def engine_protocol_data(today: date | None = None) -> dict[str, Any]:
    """As the browser receives it (bank holidays included), with the engine's timing."""
    return engine_timing(with_bank_holidays(load_protocol().data, today))


def write_engine_protocol_json(path: Path) -> Path:
    """The protocol JSON the command line's --protocol reads."""
    path.write_text(json.dumps(engine_protocol_data(), ensure_ascii=False), encoding="utf-8")
    return path


def write_engine_protocol_yaml(path: Path) -> Path:
    """A protocol file (YAML, without the comments) to check or build from."""
    data = engine_timing(load_protocol().data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
