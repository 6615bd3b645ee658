"""The worker keeps the calculators' shipped bytecode only when its magic number is the
running Python's; otherwise it removes every `__pycache__` so the sources are imported."""

from __future__ import annotations

import importlib.util
import py_compile
from pathlib import Path

from calculators.bytecode import PACKAGE, keep_bytecode_if_it_fits, shipped_magic


def package_with_bytecode(root: Path) -> Path:
    package = root / "calculators"
    (package / "documents").mkdir(parents=True)
    for source in (package / "__init__.py", package / "documents" / "__init__.py"):
        source.write_text("ANSWER = 42\n", encoding="utf-8")
        py_compile.compile(str(source), doraise=True)
    return package


def test_bytecode_compiled_for_this_python_is_kept(tmp_path: Path) -> None:
    package = package_with_bytecode(tmp_path)
    assert shipped_magic(package) == importlib.util.MAGIC_NUMBER
    assert keep_bytecode_if_it_fits(package) is True
    assert len(list(package.rglob("*.pyc"))) == 2


def test_bytecode_with_another_magic_number_is_removed_so_the_sources_are_imported(
    tmp_path: Path,
) -> None:
    package = package_with_bytecode(tmp_path)
    for pyc in package.rglob("*.pyc"):
        pyc.write_bytes(b"\0\0\0\0" + pyc.read_bytes()[4:])
    assert keep_bytecode_if_it_fits(str(package)) is False
    assert list(package.rglob("__pycache__")) == []
    assert (package / "documents" / "__init__.py").is_file()


def test_a_package_without_bytecode_is_left_to_its_sources(tmp_path: Path) -> None:
    package = tmp_path / "calculators"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    assert shipped_magic(package) == b""
    assert keep_bytecode_if_it_fits(package) is False
    assert (package / "__init__.py").is_file()


def test_by_default_the_check_reads_the_calculators_package_itself() -> None:
    assert Path(importlib.util.find_spec("calculators").origin).parent == PACKAGE
