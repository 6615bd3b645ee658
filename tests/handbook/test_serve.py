"""`make serve` for the protocol owner: mkdocs' live-reload script is allowed, by its hash,
only in what `make serve` serves (handbook/serve.py)."""

from __future__ import annotations

import base64
import hashlib

from handbook.serve import allow_live_reload


def test_the_live_reload_script_is_allowed_by_its_hash_only_where_served() -> None:
    page = (
        b'<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        b"script-src 'self'; worker-src 'self'\"><body>x<script>livereload(1, 2);</script></body>"
    )
    digest = base64.b64encode(hashlib.sha256(b"livereload(1, 2);").digest())
    assert b"script-src 'sha256-" + digest + b"' 'self'; worker-src" in allow_live_reload(page)
    without = page.replace(b"<script>livereload(1, 2);</script>", b"")
    assert allow_live_reload(without) == without
