"""Bytecode for the calculators, compiled by Pyodide's own Python at build time.

The host Python is another version than Pyodide's, so its bytecode would be useless
in the browser. The build runs the pinned Pyodide under Node once
(compile_bytecode.mjs) and writes the .pyc files into the wheel, each beside its
source (calculators/bridge.pyc), where zipimport finds it: the worker imports the
calculators straight from the wheel, with no unpacking. They are unchecked-hash .pyc
files (PEP 552): the same sources give the same bytes, and importing does not read
the sources. Should the magic number ever differ from the running Python's, zipimport
passes over them and compiles the sources instead (and the worker says so).

A build keeps what it compiled in `.cache/bytecode/`, under a key made of everything
the bytes follow from (the wheel's sources, the pinned Pyodide's package.json and the
compiler script), so the next build of the same sources reads it instead of starting
Pyodide again. `make clean` removes it.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

COMPILER = Path(__file__).with_name("compile_bytecode.mjs")
# A wheel's entries get one fixed time, so the same files give the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Bytecode:
    """The compiled files by their path in the wheel, and the magic number they carry."""

    magic: str
    files: dict[str, bytes]


def compile_with_pyodide(pyodide_dir: Path, wheel: Path) -> Bytecode:
    """Compile every .py file of the wheel with Pyodide's Python (one Node run)."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Compiling the calculators for Pyodide needs Node.js (`node`).")
    command = [node, str(COMPILER), f"{pyodide_dir}/", str(wheel)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError("Compiling the calculators with Pyodide failed:\n" + done.stderr[-3000:])
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    files = {name: base64.b64decode(data) for name, data in answer["pyc"].items()}
    return Bytecode(magic=answer["magic"], files=files)


def bytecode_key(pyodide_dir: Path, wheel: Path) -> str:
    """What the compiled bytes follow from, as one digest."""
    digest = hashlib.sha256()
    digest.update(COMPILER.read_bytes())
    digest.update((Path(pyodide_dir) / "package.json").read_bytes())
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(n for n in archive.namelist() if n.endswith(".py")):
            digest.update(name.encode("utf-8") + b"\0")
            digest.update(archive.read(name) + b"\0")
    return digest.hexdigest()


def cached_bytecode(pyodide_dir: Path, wheel: Path, cache_dir: Path) -> Bytecode:
    """The bytecode for the wheel's sources: from cache_dir when it holds them, else
    compiled with Pyodide and kept there (written whole, then renamed into place)."""
    path = Path(cache_dir) / f"{bytecode_key(pyodide_dir, wheel)}.json"
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        files = {name: base64.b64decode(data) for name, data in kept["pyc"].items()}
        return Bytecode(magic=kept["magic"], files=files)
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not kept yet, or unreadable: compile afresh
    bytecode = compile_with_pyodide(pyodide_dir, wheel)
    pyc = {name: base64.b64encode(data).decode("ascii") for name, data in bytecode.files.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    partial.write_text(json.dumps({"magic": bytecode.magic, "pyc": pyc}), encoding="utf-8")
    partial.replace(path)
    return bytecode


def wheel_with_bytecode(wheel: bytes, bytecode: Bytecode) -> bytes:
    """The wheel with the .pyc files added and listed in its RECORD, deterministically."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(wheel)) as source, zipfile.ZipFile(out, "w") as target:
        names = source.namelist()
        record = next(name for name in names if name.endswith(".dist-info/RECORD"))
        for name in names:
            if name != record:
                _write(target, name, source.read(name))
        for name in sorted(bytecode.files):
            _write(target, name, bytecode.files[name])
        _write(target, record, _record(source.read(record), bytecode.files))
    return out.getvalue()


def _write(target: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    target.writestr(info, data)


def _record(record: bytes, files: dict[str, bytes]) -> bytes:
    rows = list(csv.reader(io.StringIO(record.decode("utf-8"))))
    last = [row for row in rows if row and row[0].endswith("RECORD")]
    rows = [row for row in rows if row and not row[0].endswith("RECORD")]
    for name in sorted(files):
        digest = base64.urlsafe_b64encode(hashlib.sha256(files[name]).digest()).rstrip(b"=")
        rows.append([name, f"sha256={digest.decode('ascii')}", str(len(files[name]))])
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([*rows, *last])
    return text.getvalue().encode("utf-8")
