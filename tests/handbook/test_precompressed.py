"""The gzip copies the build writes beside the site's files, for nginx's gzip_static and
the README's Apache rules: the same bytes on every build, decompressing to the file."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from handbook.build.assets import SERVING, gzipped, write_precompressed


def a_site(root: Path) -> Path:
    (root / "pyodide").mkdir(parents=True)
    (root / "index.html").write_text("<p>clause 6.3</p>\n" * 200)
    (root / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm" + bytes(range(256)) * 40)
    (root / "pyodide" / "python_stdlib.zip").write_bytes(b"PK" * 2000)
    (root / "small.js").write_text("export {};\n")
    os.utime(root / "index.html", (1_000_000, 1_000_000))
    return root


def test_each_text_file_and_the_webassembly_get_a_copy_that_decompresses_to_it(
    tmp_path: Path,
) -> None:
    site = a_site(tmp_path / "site")
    written = write_precompressed(site)
    assert sorted(p.relative_to(site).as_posix() for p in written) == [
        "index.html.gz",
        "pyodide/pyodide.asm.wasm.gz",
    ]
    for copy in written:
        original = copy.with_name(copy.name.removesuffix(".gz"))
        assert gzip.decompress(copy.read_bytes()) == original.read_bytes()
    assert (site / "index.html.gz").stat().st_mtime == 1_000_000


def test_two_builds_write_the_same_bytes(tmp_path: Path) -> None:
    first, second = a_site(tmp_path / "one"), a_site(tmp_path / "two")
    write_precompressed(first)
    write_precompressed(second)
    for copy in first.rglob("*.gz"):
        assert copy.read_bytes() == (second / copy.relative_to(first)).read_bytes()


def test_make_serve_writes_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SERVING, "1")
    assert write_precompressed(a_site(tmp_path / "site")) == []


def test_a_large_file_is_gzipped_once_and_a_damaged_kept_copy_is_made_again(
    tmp_path: Path,
) -> None:
    data = bytes(range(256)) * 5000  # over the size kept in the cache
    first = gzipped(data, tmp_path)
    [kept] = list(tmp_path.iterdir())
    assert gzip.decompress(first) == data and gzipped(data, tmp_path) == first
    kept.write_bytes(b"not gzip at all")
    assert gzip.decompress(gzipped(data, tmp_path)) == data
    assert kept.read_bytes() == first
