"""A loopback static server for a built site, for what Debian's nginx cannot do in a test.

The browser tests run against nginx with the README's sample (tests/browser/conftest.py
`served`); this server is for the rest: recording every request it receives (`watched`,
for the tests that check nothing typed reached a server), a second origin (the tests
that another origin is refused), injected faults (a file missing, answered 404, or a
type sent wrongly for an extension: `types={".wasm": "text/plain"}`), the made-up
protocols' sites under their own sub-paths, and the benchmark's bare Pyodide page.

It serves a folder under a sub-path, with the MIME types Pyodide needs. Like a server
that follows the README it sends `Cache-Control: no-cache` (revalidate), except for
content-hashed files, which it marks immutable (stricter than the README asks); it
sends none of the README's security headers, so a test here sees the handbook
protected by its own `<meta>` policy alone.
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import MappingProxyType
from urllib.parse import unquote, urlsplit

MIME_TYPES = MappingProxyType(
    {
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".zip": "application/zip",
        ".whl": "application/zip",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
        ".svg": "image/svg+xml",
        ".xml": "application/xml",
        ".gz": "application/gzip",
    }
)
_HASHED = re.compile(r"(\.[0-9a-f]{8,}\.(js|css|json)$)|(/wheels/[0-9a-f]{16}/)")
EMPTY: Mapping[str, Path] = MappingProxyType({})
EMPTY_TYPES: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class SeenRequest:
    """One request as the server received it."""

    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    status: int
    length: int


@dataclass
class Site:
    """A running server: its base URL (ending in the sub-path) and what it saw."""

    base_url: str
    seen: list[SeenRequest] = field(default_factory=list)


def free_port() -> int:
    """A loopback port free now, to build a site for before serving it there."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_site(
    root: Path,
    prefix: str = "/cse-handbook/",
    extra_files: Mapping[str, Path] = EMPTY,
    wasm_type: str = "application/wasm",
    port: int = 0,
    missing: frozenset[str] = frozenset(),
    types: Mapping[str, str] = EMPTY_TYPES,
) -> Iterator[Site]:
    """Serve root under prefix on 127.0.0.1 and a free port until the block ends.

    extra_files maps paths under the prefix to files outside root (the bench's bare
    page); wasm_type lets a test send .wasm with a wrong MIME type, and types any
    extension; missing names paths under the prefix answered 404 as if absent; port 0
    takes a free one (a site built for its address, with instant navigation, needs the
    port it was built for).
    """
    root = Path(root).resolve()
    lock = threading.Lock()
    site = Site(base_url="")
    types = {**MIME_TYPES, ".wasm": wasm_type, **types}

    class Handler(SimpleHTTPRequestHandler):
        extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **types}

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def translate_path(self, path: str) -> str:
            route = unquote(urlsplit(path).path)
            if not route.startswith(prefix):
                return str(root / "__outside_the_sub_path__")
            relative = route[len(prefix) :]
            if relative in missing:
                return str(root / "__missing_by_request__")
            if relative in extra_files:
                return str(extra_files[relative])
            return super().translate_path("/" + relative)

        def end_headers(self) -> None:
            if _HASHED.search(self.path):
                self.send_header("Cache-Control", "public, max-age=31536000, immutable")
            else:
                self.send_header("Cache-Control", "no-cache")
            # Recorded before the body goes out: whoever reads the answer finds it seen.
            if getattr(self, "command", None) and getattr(self, "headers", None) is not None:
                self._record(getattr(self, "_body", b""))
            super().end_headers()

        def send_response(self, code: int, message: str | None = None) -> None:
            self._status = code
            self._length = 0
            super().send_response(code, message)

        def send_header(self, keyword: str, value: str) -> None:
            if keyword.lower() == "content-length":
                self._length = int(value)
            super().send_header(keyword, value)

        def _record(self, body: bytes = b"") -> None:
            with lock:
                site.seen.append(
                    SeenRequest(
                        method=self.command,
                        path=self.path,
                        headers=tuple(self.headers.items()),
                        body=body,
                        status=getattr(self, "_status", 0),
                        length=getattr(self, "_length", 0) if self.command == "GET" else 0,
                    )
                )

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self._body = self.rfile.read(min(length, 10_000_000))
            self.send_error(405, "This site accepts no data")

        do_PUT = do_PATCH = do_DELETE = do_POST

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a browser that closes a connection early (a terminated worker) is normal

    server = Server(("127.0.0.1", port), Handler)
    site.base_url = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
