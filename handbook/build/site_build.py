"""Build the deployable site/ folder all or nothing: a failed build leaves the old one intact."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from handbook.build.loader import PROTOCOL_PATH, ProtocolFileError, load_protocol
from handbook.pages.planner import holiday_panels_warning

ROOT = Path(__file__).resolve().parents[2]


def build_site(
    site_dir: Path = ROOT / "site",
    protocol_path: Path | None = None,
    quiet: bool = False,
    site_url: str | None = None,
) -> int:
    """Check the protocol, run `mkdocs build --strict` into a new folder, then swap it in.

    site_url is the address the site will have (else $CSE_SITE_URL, as in mkdocs.yml).
    """
    protocol_path = Path(protocol_path or os.environ.get("CSE_PROTOCOL") or PROTOCOL_PATH)
    try:
        loaded = load_protocol(protocol_path)
    except ProtocolFileError as error:
        print(
            f"The site was not built. The protocol file has a problem:\n  {error}", file=sys.stderr
        )
        return 2
    warning = holiday_panels_warning(loaded.protocol)
    if warning:  # for the protocol owner; the build goes on
        print(warning, file=sys.stderr)
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    env = {**os.environ, "CSE_PROTOCOL": str(protocol_path.resolve())}
    if site_url is not None:
        env["CSE_SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)]
    if quiet:
        command.append("--quiet")
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print("The site was not built: mkdocs reported the errors above.", file=sys.stderr)
        return 1
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {site_dir}")
    if not env.get("CSE_SITE_URL") and not quiet:
        print(
            "Built without CSE_SITE_URL: every link will load its page in full, so answers "
            "and hand-offs will not survive moving between pages. Build with the address the "
            "site will have (README, Deploying).",
            file=sys.stderr,
        )
    return 0
