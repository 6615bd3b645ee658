"""`make release`: the built site as a versioned archive, with its SHA-256 and a manifest.

    CSE_SITE_URL=https://intranet.example/cse-handbook/ python -m handbook.build.release

writes dist/cse-handbook-<protocol version>.tar.gz (one folder, site/), its .sha256
and a .manifest.json (protocol version, build date, commit, the address, the
decisions still open). It refuses, writing nothing, while the protocol file has a
problem, without an address, or while decisions are open (unless ALLOW_OPEN_DECISIONS=1).
The archive is the same bytes for the same site: sorted entries, no owners, no gzip time.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from handbook.build.loader import PROTOCOL_PATH, ProtocolFileError, load_protocol
from handbook.build.site_build import ROOT, build_site

DIST = ROOT / "dist"


class ReleaseRefused(Exception):
    """Why no release was written, in words for whoever ran `make release`."""


@dataclass(frozen=True)
class Release:
    archive: Path
    checksum: Path
    manifest: Path


def open_decisions(protocol_path: Path) -> list[str]:
    """The decisions still open for the protocol owner, one line each, as
    `python -m handbook open-decisions` prints them."""
    protocol = load_protocol(protocol_path).protocol
    return [f"{d.id}: {d.title}" for d in protocol.open_decisions]


def make_release(
    site_url: str,
    protocol_path: Path = PROTOCOL_PATH,
    dist: Path = DIST,
    allow_open_decisions: bool = False,
) -> Release:
    """Check, build for site_url and write the archive, checksum and manifest into dist."""
    if not site_url:
        raise ReleaseRefused(
            "A release needs the address the site will have: "
            "CSE_SITE_URL=https://intranet.example/cse-handbook/ make release"
        )
    try:
        protocol = load_protocol(protocol_path).protocol
    except ProtocolFileError as error:
        raise ReleaseRefused(f"The protocol file has a problem (make check):\n  {error}") from None
    still_open = open_decisions(Path(protocol_path))
    if still_open and not allow_open_decisions:
        listed = "\n".join(f"  {line}" for line in still_open)
        raise ReleaseRefused(
            f"Decisions are still open for the protocol owner:\n{listed}\n"
            "Release anyway (they go into the manifest) with ALLOW_OPEN_DECISIONS=1."
        )
    version = protocol.metadata.version
    dist = Path(dist)
    dist.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".release-", dir=dist) as scratch:
        site = Path(scratch) / "site"
        if build_site(
            site_dir=site, protocol_path=Path(protocol_path), site_url=site_url, quiet=True
        ):
            raise ReleaseRefused("The site did not build (the errors are above).")
        name = f"cse-handbook-{version}"
        archive = dist / f"{name}.tar.gz"
        write_archive(site, archive)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    checksum = dist / f"{name}.tar.gz.sha256"
    checksum.write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    manifest = dist / f"{name}.manifest.json"
    manifest.write_text(
        json.dumps(
            {
                "protocol_version": version,
                "build_date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "commit": commit(),
                "site_url": site_url,
                "archive": archive.name,
                "sha256": digest,
                "open_decisions": still_open,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return Release(archive, checksum, manifest)


def write_archive(site: Path, archive: Path) -> None:
    """site/ as a tar.gz whose bytes depend only on the files' names, contents and times."""

    def anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    partial = archive.with_name(archive.name + ".part")
    with (
        partial.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        tar.add(site, arcname="site", recursive=False, filter=anonymous)
        for path in sorted(site.rglob("*")):
            tar.add(
                path,
                arcname=f"site/{path.relative_to(site).as_posix()}",
                recursive=False,
                filter=anonymous,
            )
    partial.replace(archive)


def commit() -> str:
    """The commit built, with "-dirty" if the work tree has changes."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "HEAD") or "unknown"
    return head + ("-dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def main() -> int:
    protocol = Path(os.environ.get("CSE_PROTOCOL") or PROTOCOL_PATH)
    try:
        release = make_release(
            os.environ.get("CSE_SITE_URL", ""),
            protocol_path=protocol,
            allow_open_decisions=os.environ.get("ALLOW_OPEN_DECISIONS") == "1",
        )
    except ReleaseRefused as refused:
        print(f"No release was made. {refused}", file=sys.stderr)
        return 1
    for path in (release.archive, release.checksum, release.manifest):
        print(f"Wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
