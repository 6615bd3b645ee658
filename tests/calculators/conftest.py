"""Fixtures for the calculators' tests, which run on CPython and again inside Pyodide.

Inside Pyodide there is no PyYAML: `make test-pyodide` writes the protocol as JSON
and names it in CSE_PROTOCOL_JSON. On CPython the fixtures load data/protocol.yaml
through the build loader, with the bank holidays the browser would receive.
Tests here must use only the standard library, pytest and hypothesis.

These tests are of the engine, and pass whatever the protocol owner's next revision
says: `protocol_data` and `protocol` are Newham's protocol with the engine's own timing
rules (`engine_timing.py`). `newham_protocol_data` is data/protocol.yaml as it is.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from engine_timing import engine_timing
from hypothesis import settings

from calculators.protocol import Protocol, protocol_from_mapping

PROTOCOL_JSON_VARIABLE = "CSE_PROTOCOL_JSON"

# Pyodide runs several times slower than CPython: no per-example deadline there.
settings.register_profile("pyodide", deadline=None)
if sys.platform == "emscripten":
    settings.load_profile("pyodide")


@pytest.fixture(scope="session")
def protocol_data(newham_protocol_data: dict[str, Any]) -> dict[str, Any]:
    """The protocol as plain data, as the browser receives it, with the engine's timing."""
    return engine_timing(newham_protocol_data)


@pytest.fixture(scope="session")
def newham_protocol_data() -> dict[str, Any]:
    """data/protocol.yaml as plain data, exactly as the browser receives it."""
    json_path = os.environ.get(PROTOCOL_JSON_VARIABLE)
    if json_path:
        return json.loads(Path(json_path).read_text(encoding="utf-8"))
    from handbook.build.loader import load_protocol  # CPython only: needs PyYAML
    from handbook.build.protocol_json import with_bank_holidays

    return with_bank_holidays(load_protocol().data)


@pytest.fixture(scope="session")
def protocol(protocol_data: dict[str, Any]) -> Protocol:
    """The validated, frozen protocol model."""
    return protocol_from_mapping(protocol_data)


@pytest.fixture(scope="session")
def protocol_json_text(protocol_data: dict[str, Any]) -> str:
    """The protocol as the JSON text the site serves (for the bridge)."""
    return json.dumps(protocol_data, ensure_ascii=False, sort_keys=True)
