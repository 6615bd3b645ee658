"""`make serve` for the protocol owner: an edit to the protocol file refreshes the open
page, with no manual reload and no policy violation (mkdocs' live-reload script is
allowed, by its hash, only in what `make serve` serves)."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from handbook.build.loader import PROTOCOL_PATH, load_protocol
from handbook.build.site_build import ROOT
from handbook.serve import allow_live_reload
from tests.support.static_server import free_port

pytestmark = pytest.mark.browser
FIRST_CLAUSE = load_protocol().data["sections"][0]["clauses"][0]["text"].split(".")[0]
EDITED = FIRST_CLAUSE + " (edited while serving zqxj)"
START_LIMIT_S = 240


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`python -m handbook.serve` on a copy of the protocol, as `make serve` runs it."""
    protocol = tmp_path / "protocol.yaml"
    shutil.copy2(PROTOCOL_PATH, protocol)
    port = free_port()
    env = {**os.environ, "CSE_PROTOCOL": str(protocol), "NO_MKDOCS_2_WARNING": "true"}
    command = [
        sys.executable,
        "-m",
        "handbook.serve",
        "--port",
        str(port),
        "--watch",
        str(tmp_path),
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(base, process)
        yield base, protocol
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_serving(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_LIMIT_S
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()[-3000:]
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", int(base.rsplit(":", 1)[1].strip("/")))) == 0:
                with urllib.request.urlopen(base, timeout=30) as response:
                    if response.status == 200:
                        return
        time.sleep(0.5)
    raise AssertionError("make serve did not start")


def test_the_live_reload_script_is_allowed_by_its_hash_only_where_served() -> None:
    page = (
        b'<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        b"script-src 'self'; worker-src 'self'\"><body>x<script>livereload(1, 2);</script></body>"
    )
    digest = base64.b64encode(hashlib.sha256(b"livereload(1, 2);").digest())
    assert b"script-src 'sha256-" + digest + b"' 'self'; worker-src" in allow_live_reload(page)
    without = page.replace(b"<script>livereload(1, 2);</script>", b"")
    assert allow_live_reload(without) == without


def test_an_edit_to_the_protocol_refreshes_the_open_page(
    serving: tuple[str, Path], make_recorder: Any
) -> None:
    base, protocol = serving
    recorder = make_recorder(base)
    page = recorder.page
    page.goto(base + "directive/section-1/")
    page.evaluate("window.notReloaded = true")
    assert EDITED not in page.content()
    text = protocol.read_text(encoding="utf-8")
    assert text.count(FIRST_CLAUSE) == 1
    protocol.write_text(text.replace(FIRST_CLAUSE, EDITED), encoding="utf-8")
    page.wait_for_function("() => window.notReloaded === undefined", timeout=START_LIMIT_S * 1000)
    page.get_by_text("edited while serving zqxj").first.wait_for()
    assert recorder.csp_violations() == []
