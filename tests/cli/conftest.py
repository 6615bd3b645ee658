"""The command line, run as a practitioner would: `python -m cli …` in a subprocess.

`run` answers by Newham's protocol with the engine's own timing rules
(tests/engine_protocol.py), so that a revision of data/protocol.yaml's dates changes
no test here; a test's own `--protocol` comes later and wins. `run_calculators` runs
the command line as it is, on data/protocol.yaml.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.engine_protocol import write_engine_protocol_json

ROOT = Path(__file__).resolve().parents[2]

Run = Callable[..., subprocess.CompletedProcess[str]]


def run_calculators(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def engine_protocol_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_engine_protocol_json(tmp_path_factory.mktemp("engine") / "protocol.json")


@pytest.fixture
def run(engine_protocol_file: Path) -> Run:
    """Run `python -m cli --protocol <the engine's protocol>` with these arguments; never
    raises on exit status."""

    def run_on_engine_rules(*args: str) -> subprocess.CompletedProcess[str]:
        return run_calculators("--protocol", str(engine_protocol_file), *args)

    return run_on_engine_rules
