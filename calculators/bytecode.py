"""Whether the bytecode shipped beside the calculators' sources fits the running Python.

The site's wheel carries a .pyc file beside each source, compiled at build time by
Pyodide's own Python (handbook/build/bytecode.py), and the browser's worker imports
the calculators straight from the wheel (zipimport). When a .pyc's magic number is
not this interpreter's, zipimport passes over it and compiles the source beside it,
so the calculators still load; the worker asks `bytecode_fits` with the magic number
the site's manifest records (assets/runtime.json) only to say so in the console.
"""

import importlib.util


def bytecode_fits(magic: str) -> bool:
    """Whether bytecode with this magic number (hex, as the manifest records it) is for
    the running Python."""
    try:
        return bytes.fromhex(magic) == importlib.util.MAGIC_NUMBER
    except (TypeError, ValueError):
        return False
