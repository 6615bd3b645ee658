"""The worker's check of the shipped bytecode: whether the magic number the site's
manifest records is the running Python's (zipimport itself passes over a .pyc that does
not fit and compiles the source beside it, tests/handbook/test_bytecode.py)."""

import importlib.util

from calculators.bytecode import bytecode_fits


def test_bytecode_compiled_for_this_python_fits() -> None:
    assert bytecode_fits(importlib.util.MAGIC_NUMBER.hex()) is True


def test_bytecode_with_another_magic_number_does_not_fit() -> None:
    assert bytecode_fits("00000000") is False


def test_a_manifest_without_a_readable_magic_number_does_not_fit() -> None:
    for magic in ("", "not hex", None):
        assert bytecode_fits(magic) is False  # type: ignore[arg-type]
