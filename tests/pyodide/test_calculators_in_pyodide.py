"""tests/calculators a second time, inside real Pyodide under Node (`make test-pyodide`
alone), as one test of the suite, so that it runs beside the others on the second
processor instead of after them all. Its own pytest's report is shown when it fails."""

from __future__ import annotations

import pytest

from tests.support.pyodide_runner import run_pyodide_tests

pytestmark = pytest.mark.pyodide


def test_the_calculators_tests_pass_inside_pyodide_as_on_cpython() -> None:
    assert run_pyodide_tests() == 0, "the tests inside Pyodide failed: their report is above"
