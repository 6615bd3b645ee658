"""The handbook's own stylesheets in one request.

mkdocs.yml lists them one file per concern (extra_css), and the theme links each
from every page's head. Each link blocks the first paint until its file has
arrived, so after rendering, a page links one file instead: the same files joined
in the same order (so the cascade is unchanged; print.css holds only @media print
rules), named by a hash of its content so a browser may keep it. The files stay
separate in docs/stylesheets/, where they are edited.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

FOLDER = "stylesheets"
NAME = "handbook-all"
HASH_LENGTH = 12


def joined(docs_dir: Path, paths: Sequence[str]) -> tuple[str, str]:
    """The joined file's path (relative to the site root) and its text."""
    parts = []
    for path in paths:
        text = (Path(docs_dir) / path).read_text(encoding="utf-8")
        parts.append(f"/* {path} */\n{text.rstrip()}\n")
    text = "\n".join(parts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]
    return f"{FOLDER}/{NAME}.{digest}.css", text


def link_joined(html: str, paths: Sequence[str], joined_path: str) -> str:
    """Replace the page's link to each of paths by one link to joined_path, where the
    first was. A page that does not link every one of them is left as it is."""
    if not paths:
        return html
    links = []
    for path in paths:
        found = re.search(rf'<link rel="stylesheet" href="([^"]*?){re.escape(path)}">\n?', html)
        if found is None:
            return html
        links.append(found)
    prefix = links[0].group(1)
    first = f'<link rel="stylesheet" href="{prefix}{joined_path}">\n'
    out, end = [], 0
    for index, found in enumerate(sorted(links, key=lambda m: m.start())):
        out.append(html[end : found.start()])
        if index == 0:
            out.append(first)
        end = found.end()
    out.append(html[end:])
    return "".join(out)


def write_joined(site_dir: Path, docs_dir: Path, paths: Sequence[str]) -> Path | None:
    """Write the joined file into the built site; None if there is nothing to join."""
    if not paths:
        return None
    path, text = joined(docs_dir, paths)
    target = Path(site_dir) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
