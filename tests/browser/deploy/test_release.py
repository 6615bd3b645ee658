"""`make release`: the archive, its checksum and manifest, the refusals, and the archive
unpacked and served by Debian's nginx with the README's sample, calculators answering."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from navigation import open_ready
from playwright.sync_api import expect

from handbook.build.loader import PROTOCOL_PATH, load_protocol
from handbook.build.release import Release, ReleaseRefused, make_release, open_decisions
from tests.support.deploy_servers import PREFIX, readable_dir, serve_deployed
from tests.support.static_server import free_port

pytestmark = pytest.mark.deploy
VERSION = load_protocol().protocol.metadata.version


@pytest.fixture(scope="module")
def release_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory, release_port: int) -> Release:
    dist = tmp_path_factory.mktemp("dist")
    url = f"http://127.0.0.1:{release_port}{PREFIX}"
    return make_release(url, dist=dist, allow_open_decisions=True)


@pytest.fixture(scope="module")
def unpacked(release: Release) -> Iterator[Path]:
    folder = readable_dir("cse-release-")
    with tarfile.open(release.archive) as archive:
        archive.extractall(folder, filter="data")
    yield folder / "site"
    shutil.rmtree(folder, ignore_errors=True)


def test_the_archive_is_named_by_the_protocol_version_with_its_checksum_and_manifest(
    release: Release, release_port: int
) -> None:
    assert release.archive.name == f"cse-handbook-{VERSION}.tar.gz"
    digest = hashlib.sha256(release.archive.read_bytes()).hexdigest()
    assert release.checksum.read_text() == f"{digest}  {release.archive.name}\n"
    manifest = json.loads(release.manifest.read_text())
    assert manifest["protocol_version"] == VERSION
    assert manifest["sha256"] == digest
    assert manifest["site_url"] == f"http://127.0.0.1:{release_port}{PREFIX}"
    assert len(manifest["commit"].split("-")[0]) == 40
    assert manifest["build_date"].endswith("Z")
    assert manifest["open_decisions"] == open_decisions(PROTOCOL_PATH)
    with tarfile.open(release.archive) as archive:
        names = archive.getnames()
    assert "site/index.html" in names and "site/pyodide/pyodide.asm.wasm.gz" in names
    assert all(name == "site" or name.startswith("site/") for name in names)


def test_a_protocol_with_a_problem_makes_no_release(tmp_path: Path) -> None:
    broken = tmp_path / "protocol.yaml"
    broken.write_text(PROTOCOL_PATH.read_text(encoding="utf-8") + "\n  : : broken\n")
    with pytest.raises(ReleaseRefused, match="make check"):
        make_release("http://127.0.0.1/cse-handbook/", protocol_path=broken, dist=tmp_path / "d")
    assert not (tmp_path / "d").exists()


def test_no_address_makes_no_release(tmp_path: Path) -> None:
    with pytest.raises(ReleaseRefused, match="CSE_SITE_URL"):
        make_release("", dist=tmp_path / "d")


def test_open_decisions_stop_a_release_unless_allowed_and_go_into_its_manifest(
    tmp_path: Path,
) -> None:
    still_open = open_decisions(PROTOCOL_PATH)
    assert still_open, "today's protocol has decisions open for its owner"
    listed = subprocess.run(
        [sys.executable, "-m", "handbook", "open-decisions", str(PROTOCOL_PATH)],
        capture_output=True,
        text=True,
    )
    assert listed.returncode == 1 and listed.stdout.splitlines() == still_open
    with pytest.raises(ReleaseRefused, match="ALLOW_OPEN_DECISIONS=1"):
        make_release("http://127.0.0.1/cse-handbook/", dist=tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.browser
def test_the_archive_unpacked_behind_nginx_with_the_readme_sample_answers(
    unpacked: Path, release_port: int, make_recorder: Any
) -> None:
    with serve_deployed("nginx", unpacked, release_port) as server:
        recorder = make_recorder(server.base_url)
        page = open_ready(recorder, "calculators/risk/", "form#risk-form")
        page.locator("#risk-form input[name='indicator']").first.check()
        expect(page.locator("#risk-answer")).to_contain_text("Category 1")
        recorder.assert_clean()
        response = page.goto(server.base_url + "no/such/page/")
        assert response.status == 404
        expect(page.locator("h1")).to_have_text("404 - Not found")
