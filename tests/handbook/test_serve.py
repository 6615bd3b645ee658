"""`make serve` for the protocol owner: mkdocs' live-reload script is allowed, by its hash,
only in what `make serve` serves (handbook/serve.py)."""

from __future__ import annotations

import base64
import hashlib

from handbook.serve import allow_live_reload

POLICY = (
    b'<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
    b"script-src 'self'; worker-src 'self'\">"
)
PAGE = POLICY + b"<body><script>var scope = 1;</script>x<script src='a.js'></script></body>"
LIVE_RELOAD = b"livereload(1, 2);"


def served(page: bytes) -> bytes:
    """The page as mkdocs serves it: its live-reload script just before the last </body>."""
    body_end = page.rindex(b"</body>")
    return page[:body_end] + b"<script>" + LIVE_RELOAD + b"</script>" + page[body_end:]


def source(script: bytes) -> bytes:
    return b"'sha256-" + base64.b64encode(hashlib.sha256(script).digest()) + b"'"


def test_the_live_reload_script_is_allowed_by_the_hash_of_exactly_what_runs() -> None:
    allowed = allow_live_reload(PAGE, served(PAGE))
    assert b"script-src " + source(LIVE_RELOAD) + b" 'self'; worker-src" in allowed
    # The page's own earlier inline script is not swept into the hash.
    assert allowed.count(b"'sha256-") == 1


def test_a_page_served_as_built_keeps_its_policy() -> None:
    assert allow_live_reload(PAGE, PAGE) == PAGE


def test_a_page_without_a_body_gets_the_script_at_its_end_and_allowed() -> None:
    page = POLICY + b"<p>x</p>"
    allowed = allow_live_reload(page, page + b"<script>" + LIVE_RELOAD + b"</script>")
    assert source(LIVE_RELOAD) in allowed
