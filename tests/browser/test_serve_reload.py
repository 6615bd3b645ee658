"""`make serve` for the protocol owner: an edit to protocol.yaml refreshes an open page
by itself, under the page's own policy, which allows only mkdocs' live-reload script
(handbook/serve.py). Served from a copy of the buildable files, never the real protocol."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.support.processes import stop
from tests.support.static_server import free_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BUILDABLE = (
    *("mkdocs.yml", "macros.py", "pyproject.toml", "README.md", "requirements.lock"),
    *("package.json", "package-lock.json"),
    *("data", "docs", "overrides", "handbook", "calculators"),
)
RUNTIME = Path("node_modules") / "pyodide"
START_LIMIT_S = 180  # the first build on a busy machine, not a timing check
REFRESH_LIMIT_MS = 90_000  # the rebuild and the page's own refresh
WRITTEN = "This protocol has been written to advise"
EDITED = "This protocol was edited while served, to advise"


def serve_command(port: int) -> list[str]:
    """The Makefile's own `serve` line, run with this Python on the given port."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8")
    line = re.search(r"^\t\$\(PY\) -m handbook\.serve .*$", recipe, re.M)
    assert line, "the Makefile's serve target no longer runs handbook.serve"
    words = shlex.split(line.group(0).replace("$(PORT)", str(port)))
    return [sys.executable, *words[1:]]


def copy_buildable(folder: Path) -> None:
    for name in BUILDABLE:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", ".*")
            shutil.copytree(source, folder / name, ignore=ignore)
        else:
            shutil.copy2(source, folder / name)
    shutil.copytree(ROOT / RUNTIME, folder / RUNTIME)


def wait_until_served(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_LIMIT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            said = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            pytest.fail(f"make serve's command stopped before serving:\n{said}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(f"nothing was served at {url} within {START_LIMIT_S} s")


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the handbook under `make serve`'s command; the server always stopped."""
    copy_buildable(tmp_path)
    port = free_port()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
    log_path = tmp_path / "serve.log"
    log = log_path.open("wb")
    server = subprocess.Popen(
        serve_command(port), cwd=tmp_path, env=environment, stdout=log, stderr=log
    )
    try:
        base_url = f"http://127.0.0.1:{port}/"
        wait_until_served(base_url, server, log_path)
        yield tmp_path, base_url
    finally:
        stop(server, timeout=20)
        log.close()


def test_an_edit_to_the_protocol_refreshes_the_open_page(
    make_recorder: Any, serving: tuple[Path, str]
) -> None:
    folder, base_url = serving
    recorder = make_recorder(base_url, "")
    page = recorder.page
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(base_url)
    expect(page.locator("main")).to_contain_text(WRITTEN)
    page.wait_for_function("document.readyState === 'complete'")
    assert "Enabled live reload" in messages, "the live-reload script did not run"
    assert recorder.csp_violations() == []
    page.evaluate("window.__notReloaded = true")

    protocol = folder / "data" / "protocol.yaml"
    text = protocol.read_text(encoding="utf-8")
    assert text.count(WRITTEN) == 1
    protocol.write_text(text.replace(WRITTEN, EDITED), encoding="utf-8")

    expect(page.locator("main")).to_contain_text(EDITED, timeout=REFRESH_LIMIT_MS)
    assert page.evaluate("window.__notReloaded === undefined")  # the page reloaded itself
    assert recorder.csp_violations() == []
    recorder.assert_same_origin_gets()
    assert recorder.page_errors == []
