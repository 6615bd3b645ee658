"""The theme's search worker in Chromium: started from a blob: URL, under the page's policy.

It receives every search query, where a practitioner may type a child's name, so
from inside it no request may reach another origin, even on a server that sends
no headers (the test server sends none). docs/javascripts/runtime/search-worker.js starts
it from a blob: URL; the calculators' worker is tested the same way in
test_memory.py.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.support.deploy_servers import Deployed
from tests.support.static_server import serve_site

pytestmark = pytest.mark.browser

# Each probe answers "reached" or "refused"; none may leave the page's origin.
PROBES = {
    "fetch": """async (url) => {
        try { await fetch(url, {mode: "no-cors"}); return "reached"; }
        catch { return "refused"; } }""",
    "XMLHttpRequest": """(url) => new Promise((resolve) => {
        const request = new XMLHttpRequest();
        try { request.open("GET", url); request.send(); } catch { resolve("refused"); return; }
        request.onload = () => resolve("reached");
        request.onerror = () => resolve("refused"); })""",
    "EventSource": """(url) => new Promise((resolve) => {
        let source;
        try { source = new EventSource(url); } catch { resolve("refused"); return; }
        source.onopen = () => { source.close(); resolve("reached"); };
        source.onerror = () => { source.close(); resolve("refused"); }; })""",
    "WebSocket": """(url) => new Promise((resolve) => {
        let socket;
        try { socket = new WebSocket(url.replace(/^http/, "ws")); }
        catch { resolve("refused"); return; }
        socket.onopen = () => { socket.close(); resolve("reached"); };
        socket.onerror = () => resolve("refused"); })""",
    "a nested worker from the other origin": """(url) => {
        try { new Worker(url + "nested.js"); return "reached"; }
        catch { return "refused"; } }""",
    "a nested blob: worker's fetch": """(url) => new Promise((resolve) => {
        const source = `fetch(${JSON.stringify(url)}, {mode: "no-cors"})
          .then(() => postMessage("reached"), () => postMessage("refused"));`;
        let nested;
        try {
          nested = new Worker(URL.createObjectURL(new Blob([source], {type: "text/javascript"})));
        } catch { resolve("refused"); return; }
        nested.onmessage = (event) => resolve(event.data);
        nested.onerror = () => resolve("refused"); })""",
}


def search_worker(page: Any) -> Any:
    """The worker running Material's search (lunr is its own), once it has started."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        for worker in page.workers:
            if worker.evaluate("typeof lunr !== 'undefined'"):
                return worker
        page.wait_for_timeout(100)
    raise AssertionError("the search worker did not start")


def test_the_search_worker_starts_from_a_blob_url_and_still_finds_a_clause(
    recorder: Any,
) -> None:
    page = recorder.page
    page.goto(recorder.url(""))
    worker = search_worker(page)
    assert worker.url.startswith("blob:"), worker.url
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially("escalation", delay=20)
    page.locator(".md-search-result__link").first.wait_for(timeout=10_000)
    recorder.assert_same_origin_gets()
    recorder.assert_clean()


@pytest.mark.parametrize("path", ["", "calculators/risk/"])
def test_from_inside_the_search_worker_another_origin_is_refused(
    recorder: Any, served: Deployed, browser_site: Path, path: str
) -> None:
    page = recorder.page
    page.goto(recorder.url(path))
    worker = search_worker(page)
    with serve_site(browser_site) as other:
        target = other.base_url
        for name, probe in PROBES.items():
            assert worker.evaluate(probe, target + "index.html") == "refused", name
        assert other.seen == []  # refused by the policy in the browser, not by the server
        # The other server answers and records a request made outside the page's policy.
        assert page.request.get(target + "index.html").status == 200
        assert [seen.path for seen in other.seen] == ["/cse-handbook/index.html"]
    same_origin = worker.evaluate("(url) => fetch(url).then((r) => r.status)", recorder.url())
    assert same_origin == 200  # the probes can reach a server: this one is the page's own
