"""The trimmed standard library the site ships: what Pyodide's start and every
calculators module import is in it, and the calculators answer inside Pyodide with it
exactly as on CPython."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

from calculators import bridge
from calculators.protocol import protocol_from_mapping
from handbook.build.assets import (
    PYODIDE_PACKAGE,
    ROOT,
    STDLIB_LEFT_OUT,
    build_wheel,
    stdlib_entry_kept,
    trimmed_stdlib,
)
from handbook.build.loader import load_protocol
from handbook.build.protocol_json import protocol_json

RUNNER = ROOT / "tests" / "support" / "trimmed_stdlib_run.mjs"
FULL = PYODIDE_PACKAGE / "python_stdlib.zip"


def requests() -> list[dict]:
    first = load_protocol().protocol.indicators[0].id
    return [
        {"type": "ping"},
        {"type": "risk", "payload": {"indicators": [first]}},
        {"type": "dates", "payload": {"today": "2027-01-05", "last_strategy": "2026-11-02"}},
        {"type": "calendar", "payload": {"year": 2027}},
    ]


def run_in_pyodide(stdlib: Path, tmp_path: Path) -> dict:
    wheel = build_wheel(tmp_path / "wheel")
    protocol = tmp_path / "protocol.json"
    protocol.write_text(protocol_json(load_protocol().data), encoding="utf-8")
    asked = tmp_path / "requests.json"
    asked.write_text(json.dumps(requests()), encoding="utf-8")
    command = ["node", str(RUNNER), f"{PYODIDE_PACKAGE}/", str(stdlib), str(wheel)]
    done = subprocess.run(
        [*command, str(protocol), str(asked)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_trimmed_library_is_the_same_bytes_on_every_build_and_under_half_the_size() -> None:
    full = FULL.read_bytes()
    assert trimmed_stdlib(full) == trimmed_stdlib(full)
    assert len(trimmed_stdlib(full)) < len(full) / 2


def test_only_the_parts_left_out_are_missing_from_it() -> None:
    with zipfile.ZipFile(FULL) as full:
        names = full.namelist()
    kept = {name for name in names if stdlib_entry_kept(name)}
    assert "calendar.py" in kept and "zipfile/__init__.py" in kept
    assert (
        "encodings/utf_8.py" in kept
        and "encodings/cp437.py" in kept
        and "encodings/mac_roman.py" not in kept
    )
    for name in set(names) - kept:
        top = name.split("/")[0].removesuffix(".py")
        assert top in STDLIB_LEFT_OUT or top == "encodings", name


def test_inside_pyodide_with_it_every_calculator_imports_and_answers_as_on_cpython(
    tmp_path: Path,
) -> None:
    trimmed = tmp_path / "python_stdlib.handbook.zip"
    trimmed.write_bytes(trimmed_stdlib(FULL.read_bytes()))
    ran = run_in_pyodide(trimmed, tmp_path)
    assert not set(ran["modules"]) & STDLIB_LEFT_OUT
    protocol = protocol_from_mapping(json.loads(protocol_json(load_protocol().data)))
    on_cpython = [json.loads(bridge.handle(protocol, json.dumps(r))) for r in requests()]
    assert [answer["ok"] for answer in ran["answers"]] == [True] * len(requests())
    assert ran["answers"][1:] == on_cpython[1:]  # ping names the runtime's versions
