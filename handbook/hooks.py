"""MkDocs hooks (mkdocs.yml `hooks:`): the CSP on every page, the browser's assets after the build.

MkDocs loads this file by path, so the repository root is put on sys.path for the
`handbook` and `calculators` packages.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from handbook import assets, csp  # noqa: E402

# Hooks ----------------------------------------------------------------------


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Give each page a Content-Security-Policy with its own inline scripts' hashes."""
    return csp.add_policy(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Static templates such as 404.html get the same policy."""
    if template_name.endswith(".html"):
        return csp.add_policy(output_content)
    return output_content


def on_post_build(config: Any) -> None:
    """Write the Pyodide runtime, the calculators wheel, protocol JSON and manifest."""
    assets.write_runtime_assets(Path(config["site_dir"]))
