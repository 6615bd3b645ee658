"""The calculators' bytecode the site ships: compiled by Pyodide's own Python, the same
bytes on every build, each .pyc beside its source in the wheel, imported inside Pyodide
straight from the wheel (zipimport) instead of the sources, answering as on CPython,
and the sources used when its magic number does not fit (the worker's own check,
calculators/bytecode.py, then says so)."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from calculators import bridge
from calculators.protocol import protocol_from_mapping
from handbook.build import bytecode
from handbook.build.assets import PYODIDE_PACKAGE, ROOT, build_wheel
from handbook.build.bytecode import compile_with_pyodide, wheel_with_bytecode
from handbook.build.loader import load_protocol
from handbook.build.protocol_json import protocol_json

RUNNER = ROOT / "tests" / "support" / "bytecode_run.mjs"


def requests() -> list[dict]:
    first = load_protocol().protocol.indicators[0].id
    return [
        {"type": "risk", "payload": {"indicators": [first]}},
        {"type": "dates", "payload": {"today": "2027-03-01", "last_strategy": "2027-01-04"}},
    ]


def run_in_pyodide(site: Path, tmp_path: Path, *wheel: Path) -> dict:
    protocol = tmp_path / "protocol.json"
    protocol.write_text(protocol_json(load_protocol().data), encoding="utf-8")
    asked = tmp_path / "requests.json"
    asked.write_text(json.dumps(requests()), encoding="utf-8")
    command = ["node", str(RUNNER), f"{site}/", str(protocol), str(asked), *map(str, wheel)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def on_cpython() -> list[dict]:
    protocol = protocol_from_mapping(json.loads(protocol_json(load_protocol().data)))
    return [json.loads(bridge.handle(protocol, json.dumps(r))) for r in requests()]


@pytest.fixture(scope="module")
def shipped_wheel(built_site: Path) -> zipfile.ZipFile:
    manifest = json.loads((built_site / "assets" / "runtime.json").read_text(encoding="utf-8"))
    return zipfile.ZipFile(io.BytesIO((built_site / manifest["wheel"]).read_bytes()))


def test_every_calculators_module_ships_with_its_bytecode_beside_it(
    shipped_wheel: zipfile.ZipFile,
) -> None:
    names = shipped_wheel.namelist()
    sources = [name for name in names if name.endswith(".py")]
    assert "calculators/bridge.py" in sources
    for source in sources:
        assert source[: -len(".py")] + ".pyc" in names, source  # where zipimport looks
    assert not [name for name in names if "__pycache__" in name]
    record = next(name for name in names if name.endswith("RECORD"))
    listed = shipped_wheel.read(record).decode("utf-8")
    assert "calculators/bridge.pyc,sha256=" in listed


def test_the_wheel_holds_the_calculators_only_no_command_line_or_build_code(
    shipped_wheel: zipfile.ZipFile,
) -> None:
    packages = {name.split("/")[0] for name in shipped_wheel.namelist() if ".dist-info" not in name}
    assert packages == {"calculators"}
    sources = [n for n in shipped_wheel.namelist() if n.endswith(".py")]
    for source in sources:
        text = shipped_wheel.read(source).decode("utf-8")
        assert "import handbook" not in text and "from handbook" not in text, source
        assert "argparse" not in text, source


def test_the_bytecode_is_the_same_bytes_on_every_build(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "wheel")
    first = compile_with_pyodide(PYODIDE_PACKAGE, wheel)
    second = compile_with_pyodide(PYODIDE_PACKAGE, wheel)
    assert first.files == second.files
    source = wheel.read_bytes()
    assert wheel_with_bytecode(source, first) == wheel_with_bytecode(source, second)


def test_inside_pyodide_the_calculators_import_from_the_shipped_bytecode(
    built_site: Path, tmp_path: Path
) -> None:
    manifest = json.loads((built_site / "assets" / "runtime.json").read_text(encoding="utf-8"))
    ran = run_in_pyodide(built_site, tmp_path)
    assert ran["shipped"] > 40
    assert ran["headers"] == [ran["magic"]] == [manifest["bytecode_magic"]]
    assert ran["fits"] is True
    assert ran["compiled_from_source"] == []
    assert "calculators.bridge" in ran["modules"]
    for name, module in ran["modules"].items():
        assert module["loader"] == "zipimporter", name
        assert module["origin"].startswith("/lib/calculators.whl/"), name
        assert module["origin"].endswith(".pyc"), name
    assert [answer["ok"] for answer in ran["answers"]] == [True] * len(requests())
    assert ran["answers"] == on_cpython()


def test_with_a_magic_number_that_does_not_fit_the_sources_are_imported_instead(
    built_site: Path, tmp_path: Path
) -> None:
    manifest = json.loads((built_site / "assets" / "runtime.json").read_text(encoding="utf-8"))
    spoilt = tmp_path / "spoilt.whl"
    with (
        zipfile.ZipFile(built_site / manifest["wheel"]) as source,
        zipfile.ZipFile(spoilt, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, b"\0\0\0\0" + data[4:] if name.endswith(".pyc") else data)
    ran = run_in_pyodide(built_site, tmp_path, spoilt)
    assert ran["headers"] == ["00000000"] != [ran["magic"]]
    assert "calculators/bridge.py" in " ".join(ran["compiled_from_source"])
    for name, module in ran["modules"].items():
        assert module["origin"].endswith(".py"), name
    assert ran["answers"] == on_cpython()


def test_a_build_of_the_same_sources_reads_the_kept_bytecode_and_a_changed_source_compiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[Path] = []

    def compile_counted(pyodide_dir: Path, wheel: Path) -> bytecode.Bytecode:
        compiled.append(wheel)
        return bytecode.Bytecode(magic="cb0d0d0a", files={"a/m.pyc": b"\x00\xff"})

    monkeypatch.setattr(bytecode, "compile_with_pyodide", compile_counted)
    cache = tmp_path / "cache"
    wheel = build_wheel(tmp_path / "one")
    first = bytecode.cached_bytecode(PYODIDE_PACKAGE, wheel, cache)
    again = bytecode.cached_bytecode(PYODIDE_PACKAGE, build_wheel(tmp_path / "two"), cache)
    assert again == first and len(compiled) == 1  # the same sources: read from the cache

    changed = tmp_path / "changed.whl"
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(changed, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data + b"\n# changed\n" if name.endswith("bridge.py") else data)
    bytecode.cached_bytecode(PYODIDE_PACKAGE, changed, cache)
    assert len(compiled) == 2  # a changed source: compiled afresh

    [kept] = [p for p in cache.iterdir() if bytecode.bytecode_key(PYODIDE_PACKAGE, wheel) in p.name]
    kept.write_text("{not json", encoding="utf-8")
    assert bytecode.cached_bytecode(PYODIDE_PACKAGE, wheel, cache) == first
    assert len(compiled) == 3  # an unreadable entry: compiled afresh, never a traceback
