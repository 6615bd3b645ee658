"""`make test-pyodide`: run tests/calculators a second time inside real Pyodide under Node.

The pure-Python wheels of pytest and its dependencies are fetched once from PyPI
with pip, at the versions pinned in the lock files, and kept in
.cache/pyodide-wheels. The calculators wheel is built as for the site. Inside
Pyodide there is no PyYAML, so the protocol travels as JSON (CSE_PROTOCOL_JSON).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from handbook.build.assets import PYODIDE_PACKAGE, ROOT, build_wheel, pyodide_version
from handbook.build.loader import load_protocol
from handbook.build.protocol_json import protocol_json

TEST_PACKAGES = (
    "pytest",
    "pluggy",
    "iniconfig",
    "packaging",
    "Pygments",
    "hypothesis",
    "sortedcontainers",
)
# hypothesis releases after 6.155.7 need a compiled module (hypothesis._native) that has no
# Pyodide build, so the Pyodide run pins the last pure-Python release.
PYODIDE_PINS = {"hypothesis": "6.155.7"}
LOCK_FILES = (ROOT / "requirements.lock", ROOT / "requirements-test.lock")
WHEEL_CACHE = ROOT / ".cache" / "pyodide-wheels"
RUNNER = ROOT / "tests" / "support" / "pyodide_run.mjs"
TEST_FOLDER = "tests/calculators"
PYODIDE_ROOT = "/home/pyodide/work"
PROTOCOL_IN_PYODIDE = "/home/pyodide/protocol.json"
# Newham's golden due dates (`make expected`), answered again inside Pyodide.
EXPECTED_DUE_DATES = ROOT / "data" / "expected" / "due_dates.json"
EXPECTED_IN_PYODIDE = "/home/pyodide/expected/due_dates.json"


def run_pyodide_tests(extra_args: list[str] | None = None) -> int:
    """Run the calculators' tests in Pyodide; return pytest's exit status."""
    node = shutil.which("node")
    if node is None:
        print("The Pyodide tests need Node.js (`node`) on the PATH.", file=sys.stderr)
        return 2
    wheels = fetch_test_wheels()
    with tempfile.TemporaryDirectory(prefix="cse-pyodide-tests-") as scratch_name:
        scratch = Path(scratch_name)
        calculators_wheel = build_wheel(scratch / "wheel")
        protocol_file = scratch / "protocol.json"
        protocol_file.write_text(protocol_json(load_protocol().data), encoding="utf-8")
        files = [{"host": str(protocol_file), "dest": PROTOCOL_IN_PYODIDE}]
        files.append({"host": str(EXPECTED_DUE_DATES), "dest": EXPECTED_IN_PYODIDE})
        files.append(
            {"host": str(ROOT / "pyproject.toml"), "dest": f"{PYODIDE_ROOT}/pyproject.toml"}
        )
        for path in sorted((ROOT / TEST_FOLDER).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                relative = path.relative_to(ROOT).as_posix()
                files.append({"host": str(path), "dest": f"{PYODIDE_ROOT}/{relative}"})
        config = {
            "pyodide": str(PYODIDE_PACKAGE),
            "wheels": [str(w) for w in [*wheels, calculators_wheel]],
            "files": files,
            "env": {
                "CSE_PROTOCOL_JSON": PROTOCOL_IN_PYODIDE,
                "CSE_EXPECTED_DUE_DATES": EXPECTED_IN_PYODIDE,
                "HOME": "/home/pyodide",
            },
            "cwd": PYODIDE_ROOT,
            "pytest_args": [TEST_FOLDER, "-p", "no:cacheprovider", *(extra_args or [])],
        }
        config_file = scratch / "config.json"
        config_file.write_text(json.dumps(config, indent=2), encoding="utf-8")
        print(f"Running {TEST_FOLDER} inside Pyodide {pyodide_version()} under Node", flush=True)
        result = subprocess.run([node, str(RUNNER), str(config_file)], cwd=ROOT, check=False)
    if result.returncode != 0:
        print(
            f"The tests inside Pyodide failed (exit status {result.returncode}).", file=sys.stderr
        )
    return result.returncode


def pinned_versions(lock_files: tuple[Path, ...] = LOCK_FILES) -> dict[str, str]:
    """The exact versions of the test packages: the lock files', except PYODIDE_PINS."""
    pins: dict[str, str] = {}
    lines = [line for f in lock_files for line in f.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        match = re.match(r"^\s*([A-Za-z0-9._-]+)\s*==\s*([^\s#;]+)", line)
        if match:
            pins[_normalise(match.group(1))] = match.group(2)
    missing = [name for name in TEST_PACKAGES if _normalise(name) not in pins]
    if missing:
        raise RuntimeError(f"the lock files pin no version of {', '.join(missing)}")
    return {name: PYODIDE_PINS.get(name, pins[_normalise(name)]) for name in TEST_PACKAGES}


def fetch_test_wheels(cache: Path = WHEEL_CACHE) -> list[Path]:
    """Return the pinned pure-Python wheels, downloading with pip only those not cached."""
    cache.mkdir(parents=True, exist_ok=True)
    versions = pinned_versions()
    wanted = {name: _cached_wheel(cache, name, version) for name, version in versions.items()}
    missing = [f"{name}=={versions[name]}" for name, path in wanted.items() if path is None]
    if missing:
        command = [
            sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
            "--no-deps", "--only-binary=:all:", "--dest", str(cache),
            *missing,
        ]  # fmt: skip
        subprocess.run(command, check=True)
        wanted = {name: _cached_wheel(cache, name, version) for name, version in versions.items()}
    absent = [name for name, path in wanted.items() if path is None]
    if absent:
        raise RuntimeError(f"pip did not provide pure-Python wheels for {', '.join(absent)}")
    return [path for path in wanted.values() if path is not None]


def _cached_wheel(cache: Path, name: str, version: str) -> Path | None:
    prefix = f"{_normalise(name).replace('-', '_')}-{version}-"
    for path in sorted(cache.glob("*.whl")):
        if path.name.lower().startswith(prefix) and path.name.endswith("-none-any.whl"):
            return path
    return None


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


if __name__ == "__main__":
    sys.exit(run_pyodide_tests(sys.argv[1:]))
