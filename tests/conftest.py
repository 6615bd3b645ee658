"""Fixtures shared across the suite: the project root and one built site per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook built once from data/protocol.yaml, exactly as `make build` does."""
    from handbook.build.site_build import build_site

    site = tmp_path_factory.mktemp("built") / "site"
    assert build_site(site_dir=site, quiet=True) == 0, "the site did not build"
    return site


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest single test (tests/calculators inside Pyodide, one Node process) goes
    first, so that a worker starts it at once rather than last, alone, at the end."""
    items.sort(key=lambda item: item.get_closest_marker("pyodide") is None)
