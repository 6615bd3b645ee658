"""Whether the bytecode shipped beside the calculators' sources fits the running Python.

The site's wheel carries .pyc files compiled at build time by Pyodide's own Python
(handbook/build/bytecode.py). The browser's worker calls `keep_bytecode_if_it_fits`
once, right after unpacking the wheel and before importing anything else: when the
magic number in the shipped .pyc header is this interpreter's, the bytecode is kept
and imported; when it is not (or there is none), every `__pycache__` folder of the
package is removed, so the import system compiles the sources beside them instead.

This module is itself imported from the package it checks: with a magic number that
does not fit, the import system already ignores its .pyc and compiles its source.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def shipped_magic(package: Path) -> bytes:
    """The first four bytes of the package's `__init__` bytecode, or b"" if there is none."""
    first = Path(importlib.util.cache_from_source(str(package / "__init__.py")))
    try:
        with first.open("rb") as pyc:
            return pyc.read(4)
    except OSError:
        return b""


def keep_bytecode_if_it_fits(package: str | Path = PACKAGE) -> bool:
    """Keep the package's bytecode if it was compiled for this Python, else remove it.

    Returns whether the bytecode is kept (False: the sources will be imported).
    """
    folder = Path(package)
    if shipped_magic(folder) == importlib.util.MAGIC_NUMBER:
        return True
    for cache in sorted(folder.rglob("__pycache__"), reverse=True):
        shutil.rmtree(cache, ignore_errors=True)
    return False
