"""What a council's nginx or Apache sends with the README's sample, file by file: the
type of every kind of file, compression, the handbook's 404 page at any depth, the
bare path sent on to its slash, and every recommended header on pages, files and the 404 page."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.deploy_servers import Deployed, recommended_headers

pytestmark = pytest.mark.deploy

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TYPES = {
    ".html": ("text/html",),
    ".css": ("text/css",),
    ".js": ("text/javascript", "application/javascript"),
    ".mjs": ("text/javascript",),
    ".json": ("application/json",),
    ".wasm": ("application/wasm",),
    ".zip": ("application/zip",),
    ".whl": ("application/zip",),
    ".docx": (DOCX,),
    ".xml": ("application/xml", "text/xml"),
    ".png": ("image/png",),
}
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".wasm"}
NOT_SERVED_ON_PURPOSE = {".gz", ".map"}  # the precompressed copies; the theme's source maps


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes  # as decoded by the client

    def type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def get(url: str, accept_gzip: bool = True) -> Response:
    headers = {"Accept-Encoding": "gzip"} if accept_gzip else {}
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        response = opener.open(urllib.request.Request(url, headers=headers), timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        body = response.read()
        found = dict(response.headers.items())
    if found.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return Response(response.status, found, body)


def one_file_of_each_kind(site: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            files.setdefault(path.suffix, path)
    return files


def test_the_site_has_no_kind_of_file_these_tests_do_not_check(deploy_site: Path) -> None:
    assert set(one_file_of_each_kind(deploy_site)) - NOT_SERVED_ON_PURPOSE == set(TYPES)


@pytest.mark.parametrize("accept_gzip", [True, False], ids=["gzip", "identity"])
def test_every_kind_of_file_goes_out_whole_with_its_type(
    deployed: Deployed, deploy_site: Path, accept_gzip: bool
) -> None:
    for suffix, path in one_file_of_each_kind(deploy_site).items():
        if suffix in NOT_SERVED_ON_PURPOSE:
            continue
        relative = path.relative_to(deploy_site).as_posix()
        response = get(deployed.base_url + relative, accept_gzip)
        assert response.status == 200, relative
        assert response.type() in TYPES[suffix], (relative, response.headers)
        assert response.body == path.read_bytes(), relative
        encoding = response.headers.get("Content-Encoding")
        if accept_gzip and suffix in COMPRESSED and path.stat().st_size > 1024:
            assert encoding == "gzip", (relative, response.headers)
        if not accept_gzip:
            assert encoding is None, relative


def test_the_webassembly_goes_out_at_under_two_fifths_of_its_size(
    deployed: Deployed, deploy_site: Path
) -> None:
    wasm = deploy_site / "pyodide" / "pyodide.asm.wasm"
    request = urllib.request.Request(
        deployed.base_url + "pyodide/pyodide.asm.wasm", headers={"Accept-Encoding": "gzip"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        sent = response.read()
        assert response.headers["Content-Type"] == "application/wasm"
        assert "Accept-Encoding" in response.headers.get("Vary", "")
    assert len(sent) < 0.4 * wasm.stat().st_size
    assert gzip.decompress(sent) == wasm.read_bytes()


@pytest.mark.parametrize("missing", ["nowhere", "directive/section-99/", "a/b/c/d/gone.html"])
def test_a_missing_address_at_any_depth_shows_the_handbooks_404_page(
    deployed: Deployed, deploy_site: Path, missing: str
) -> None:
    response = get(deployed.base_url + missing)
    assert response.status == 404
    assert response.type() == "text/html"
    assert response.body == (deploy_site / "404.html").read_bytes()


def test_the_bare_path_is_sent_on_to_the_one_with_a_slash(deployed: Deployed) -> None:
    response = get(deployed.base_url.rstrip("/"))
    assert response.status == 301
    assert response.headers["Location"] in (deployed.base_url, "/cse-handbook/")


@pytest.mark.parametrize("path", ["", "calculators/risk/", "pyodide/pyodide.asm.wasm", "a/b/c"])
def test_every_recommended_header_goes_out_on_pages_files_and_the_404_page(
    deployed: Deployed, path: str
) -> None:
    url = deployed.base_url + path
    response = get(url)
    for name, value in recommended_headers().items():
        assert response.headers.get(name) == value, (name, url, response.status)
