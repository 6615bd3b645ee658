"""`make serve`: mkdocs serve for the protocol owner, the open page refreshing after an edit.

mkdocs puts a small inline live-reload script into every page it serves; each page's
own Content-Security-Policy allows only the inline scripts it was built with, so the
script would be blocked and the page would never refresh. Here, and only here, the
served page's policy also allows that one script, by its hash. The built site and a
release never carry it.

    python -m handbook.serve [--port 8000] [--watch PATH ...]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import sys
from typing import Any

from handbook.build.assets import SERVING

_SCRIPT_SRC = re.compile(
    rb"(<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*?script-src)"
)
_SCRIPT_TAGS = (b"<script>", b"</script>")


def injected_script(page: bytes, served: bytes) -> bytes | None:
    """The text of the one inline script mkdocs put into `page` to give `served`, if any.

    mkdocs inserts `<script>…</script>` just before the page's last `</body>` (or at its
    end); the script is exactly the bytes added, so its hash is the hash of what runs.
    """
    body_end = page.rfind(b"</body>")
    if body_end < 0:
        body_end = len(page)
    added = served[body_end : body_end + len(served) - len(page)]
    start, end = _SCRIPT_TAGS
    if served[:body_end] != page[:body_end] or not (
        added.startswith(start) and added.endswith(end)
    ):
        return None
    return added[len(start) : -len(end)]


def allow_live_reload(page: bytes, served: bytes) -> bytes:
    """`served` with its policy allowing the live-reload script mkdocs added to `page`."""
    script = injected_script(page, served)
    if script is None:
        return served
    digest = base64.b64encode(hashlib.sha256(script).digest())
    return _SCRIPT_SRC.sub(rb"\1 'sha256-" + digest + b"'", served, count=1)


def patch_live_reload_server() -> None:
    from mkdocs.livereload import LiveReloadServer

    inject = LiveReloadServer._inject_js_into_html

    def inject_allowed(self: Any, content: bytes, epoch: int) -> bytes:
        return allow_live_reload(content, inject(self, content, epoch))

    LiveReloadServer._inject_js_into_html = inject_allowed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook.serve")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--watch", action="append", default=[])
    args = parser.parse_args(argv)
    patch_live_reload_server()
    os.environ[SERVING] = "1"
    from mkdocs.__main__ import cli

    command = ["serve", "--dev-addr", f"127.0.0.1:{args.port}"]
    for path in args.watch:
        command += ["--watch", path]
    return cli.main(command, prog_name="mkdocs", standalone_mode=False) or 0


if __name__ == "__main__":
    sys.exit(main())
