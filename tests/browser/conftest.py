"""End-to-end fixtures: one build, served under /cse-handbook/ by Debian's nginx with the
README's own sample (as a council runs it), and one Chromium. The few tests that check
what reached a server use `watched`, a loopback server that records every request.

Each test's page records every request (URL, method, headers, body) made by the
page and its workers, console errors, page errors and Content-Security-Policy
violations, so the tests can assert that nothing left the browser.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from handbook.build.site_build import build_site
from tests.support.chromium import ChromiumMissing, launch
from tests.support.deploy_servers import (
    Deployed,
    missing_servers,
    readable_dir,
    serve_deployed,
)
from tests.support.static_server import Site, free_port, serve_site

CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({
    directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample,
  });
});
"""


@dataclass
class Recorder:
    """What one page did: requests, console errors, page errors, CSP violations."""

    page: Any
    base_url: str
    requests: list[dict[str, Any]] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    csp_messages: list[str] = field(default_factory=list)
    # On a tab shared by a module's tests (`tab`): pages are reached without a reload.
    shared: bool = False

    def url(self, path: str = "") -> str:
        return self.base_url + path

    def csp_violations(self) -> list[Any]:
        reported = self.page.evaluate("window.__cspViolations || []")
        return [*reported, *self.csp_messages]

    def assert_same_origin_gets(self) -> None:
        origin = urlsplit(self.base_url)
        assert self.requests, "no request was recorded"
        for request in self.requests:
            parts = urlsplit(request["url"])
            if parts.scheme in ("blob", "data"):
                continue
            assert (parts.scheme, parts.netloc) == (origin.scheme, origin.netloc), request["url"]
            # GET, or HEAD for the runtime files' headers (docs/javascripts/runtime/worker.js, api.js)
            assert request["method"] in ("GET", "HEAD"), request
            assert not request["post_data"], request

    def assert_sentinel_absent(self, sentinel: str, seen_by_server: list[Any]) -> None:
        for request in self.requests:
            assert sentinel not in json.dumps(request), request
        for seen in seen_by_server:
            assert sentinel not in seen.path
            assert sentinel not in json.dumps(seen.headers)
            assert sentinel.encode() not in seen.body

    def assert_clean(self) -> None:
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.csp_violations() == []


PREFIX = "/cse-handbook/"
VIEWPORT = {"width": 1280, "height": 720}  # Playwright's default


@pytest.fixture(scope="session")
def site_port() -> int:
    """The loopback port the site is built for and served on (instant navigation reads
    the sitemap, whose addresses carry the port)."""
    return free_port()


@pytest.fixture(scope="session")
def browser_site(site_port: int) -> Iterator[Path]:
    """The handbook, built once for the browser tests for its address, in a folder the
    server's unprivileged workers can read."""
    folder = readable_dir("cse-browser-site-")
    site = folder / "site"
    site_url = f"http://127.0.0.1:{site_port}{PREFIX}"
    assert build_site(site_dir=site, quiet=True, site_url=site_url) == 0, "the site did not build"
    yield site
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def served(browser_site: Path, site_port: int) -> Iterator[Deployed]:
    """The site behind Debian's nginx, configured by the README's sample block."""
    missing = missing_servers()
    if "nginx" in missing:
        pytest.fail(
            "The browser tests serve the site with Debian's nginx: apt-get install nginx "
            "(make system-tools does it as root)",
            pytrace=False,
        )
    with serve_deployed("nginx", browser_site, site_port) as server:
        yield server


@pytest.fixture(scope="session")
def watched(browser_site: Path) -> Iterator[Site]:
    """The same site on a loopback server that records every request it receives, for
    the tests that check nothing typed reached a server. Its port is not the one the
    site was built for, so links there load whole pages (no instant navigation)."""
    with serve_site(browser_site, prefix=PREFIX) as site:
        yield site


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    """Playwright, once per session (its sync API runs once per thread)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright: Any) -> Iterator[Any]:
    try:
        chromium = launch(playwright)
    except ChromiumMissing as error:
        pytest.fail(str(error), pytrace=False)
    yield chromium
    chromium.close()


def record(
    context: Any, page: Any, base_url: str, shared: bool = False
) -> tuple[Recorder, Callable[[], None]]:
    """Record what `page` and the context's workers do from now on; call the returned
    function to stop."""
    recorder = Recorder(page=page, base_url=base_url, shared=shared)

    def on_request(request: Any) -> None:
        recorder.requests.append(
            {
                "url": request.url,
                "method": request.method,
                "headers": request.headers,
                "post_data": request.post_data_buffer.decode("utf-8", "replace")
                if request.post_data_buffer
                else "",
            }
        )

    def on_console(message: Any) -> None:
        if message.type == "error":
            recorder.console_errors.append(message.text)
        if "Content Security Policy" in message.text:
            recorder.csp_messages.append(message.text)

    def on_page_error(error: Any) -> None:
        recorder.page_errors.append(str(error))

    context.on("request", on_request)
    context.on("console", on_console)  # pages and their workers
    page.on("pageerror", on_page_error)

    def stop() -> None:
        context.remove_listener("request", on_request)
        context.remove_listener("console", on_console)
        page.remove_listener("pageerror", on_page_error)

    return recorder, stop


def new_tab(browser: Any, init_script: str = "") -> tuple[Any, Any]:
    """A fresh browser context (nothing shared with any other) and a page in it."""
    context = browser.new_context(service_workers="block")
    context.add_init_script(CSP_LISTENER + init_script)
    return context, context.new_page()


def open_recorder(browser: Any, base_url: str, init_script: str = "") -> tuple[Any, Recorder]:
    """A fresh context and page that records everything; close the context when done."""
    context, page = new_tab(browser, init_script)
    recorder, _ = record(context, page, base_url)
    return context, recorder


@pytest.fixture(scope="module")
def shared_tab(browser: Any, served: Deployed) -> Iterator[tuple[Any, Any]]:
    """One tab for a module's tests, as a person keeps one tab open and moves between the
    handbook's pages: the calculators' worker starts once. Each test arrives by the
    handbook's own (instant) navigation with the tab's memory forgotten (`tab`)."""
    context, page = new_tab(browser)
    yield context, page
    context.close()


@pytest.fixture
def tab(shared_tab: tuple[Any, Any], served: Deployed) -> Iterator[Recorder]:
    """A recorder on the module's shared tab; `open_ready` arrives there without a reload."""
    context, page = shared_tab
    page.set_viewport_size(VIEWPORT)
    recorder, stop = record(context, page, served.base_url, shared=True)
    yield recorder
    stop()


@pytest.fixture
def recorder(browser: Any, served: Deployed) -> Iterator[Recorder]:
    context, recording = open_recorder(browser, served.base_url)
    yield recording
    context.close()


@pytest.fixture
def watched_recorder(browser: Any, watched: Site) -> Iterator[Recorder]:
    """A recording page on the `watched` server."""
    context, recording = open_recorder(browser, watched.base_url)
    yield recording
    context.close()


@pytest.fixture
def make_recorder(browser: Any) -> Iterator[Callable[[str, str], Recorder]]:
    """Open recording pages on another server or with an init script; closed afterwards."""
    contexts: list[Any] = []

    def make(base_url: str, init_script: str = "") -> Recorder:
        context, recording = open_recorder(browser, base_url, init_script)
        contexts.append(context)
        return recording

    yield make
    for context in contexts:
        context.close()
