"""Headless Chromium through Playwright, as the browser tests and the benchmark launch it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


class ChromiumMissing(RuntimeError):
    """No Chromium where the tests look for it."""


def chromium_path() -> Path:
    """The Chromium to drive: $CHROMIUM, else Debian's /usr/bin/chromium."""
    path = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    if not (path.is_file() and os.access(path, os.X_OK)):
        raise ChromiumMissing(
            f"Chromium is needed for the browser tests and was not found at {path}. "
            "Install it with `apt-get install chromium` (or `make chromium` as root), "
            "or set CHROMIUM=/path/to/chromium."
        )
    return path


def launch(playwright: Any) -> Any:
    """Launch headless Chromium with the flags that work on these machines."""
    return playwright.chromium.launch(
        executable_path=str(chromium_path()), args=list(CHROMIUM_ARGS), headless=True
    )


def launch_profile(playwright: Any, user_data_dir: Path) -> Any:
    """A browser context with an on-disk profile (and disk cache), as a person's browser has."""
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=str(chromium_path()),
        args=list(CHROMIUM_ARGS),
        headless=True,
    )
