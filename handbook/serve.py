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
_LAST_SCRIPT = re.compile(rb"<script>(.*?)</script>(?=(?:(?!<script>).)*</body>)", re.S)


def allow_live_reload(served: bytes) -> bytes:
    """The served page with its policy allowing the live-reload script mkdocs added last."""
    scripts = _LAST_SCRIPT.findall(served)
    if not scripts:
        return served
    digest = base64.b64encode(hashlib.sha256(scripts[-1]).digest())
    return _SCRIPT_SRC.sub(rb"\1 'sha256-" + digest + b"'", served, count=1)


def patch_live_reload_server() -> None:
    from mkdocs.livereload import LiveReloadServer

    inject = LiveReloadServer._inject_js_into_html

    def inject_allowed(self: Any, content: bytes, epoch: int) -> bytes:
        return allow_live_reload(inject(self, content, epoch))

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
