"""Test tooling: the Chromium launcher, the loopback static server and the Pyodide runner.

Imported as `tests.support` from the repository root (pytest, `python -m bench`,
`python -m tests.support.pyodide_runner`, `make test-pyodide`)."""
