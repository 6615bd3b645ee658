"""`make bench`: how fast the calculators start and answer, and what a text page costs (JSON out).

Measured in one run, in headless Chromium, against the built site served on
127.0.0.1 under /cse-handbook/: navigation-to-ready of the risk page beside a
bare page that only boots the same Pyodide in a worker (cold, fresh cache;
repeat, same cache; each run a fresh on-disk profile, as a person's browser has a disk
cache), the bridge's latency once ready, the bytes a text-only
page transfers, and the build time. Results also go to bench/results/latest.json.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from handbook.assets import PYODIDE_FILES
from handbook.chromium import launch, launch_profile
from handbook.site_build import build_site
from handbook.static_server import Site, serve_site

BENCH = Path(__file__).resolve().parent
RUNS = 5
BUILDS = 3
BRIDGE_CALLS = 50
RISK_PAGE = "calculators/risk/"
RISK_READY = "form#risk-form[data-calculator-state='ready']"
BARE_FILES = {name: BENCH / name for name in ("bare.html", "bare.js", "bare-worker.js")}
TARGET_RATIO = 1.15
TARGET_P95_MS = 50.0
TIMEOUT_MS = 60_000

BRIDGE_LATENCY_JS = """async ([count, ids]) => {
  const api = await import(new URL("../../javascripts/api.js", location.href).href);
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const answer = await api.risk({indicators: ids.slice(0, i % (ids.length + 1))});
    times.push(performance.now() - started);
    if (!answer.ok) throw new Error(JSON.stringify(answer.errors));
  }
  return times;
}"""


def mark(page: Any, name: str) -> float:
    """Milliseconds from navigation start to the page's performance mark."""
    return float(page.evaluate(f"performance.getEntriesByName({name!r})[0].startTime"))


def visit(context: Any, url: str, ready: str, name: str) -> float:
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(ready, timeout=TIMEOUT_MS)
    elapsed = mark(page, name)
    page.close()
    return elapsed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(playwright: Any, browser: Any, site: Site) -> dict[str, Any]:
    bare_url, risk_url = site.base_url + "bare.html", site.base_url + RISK_PAGE
    bare_cold, risk_cold, bare_repeat, risk_repeat = [], [], [], []
    repeat_statuses: dict[str, int] = {}
    repeat_downloads: list[str] = []
    for _ in range(RUNS):
        for url, ready, name, cold, repeat in (
            (bare_url, "body[data-state='ready']", "bare-ready", bare_cold, bare_repeat),
            (risk_url, RISK_READY, "calculator-ready", risk_cold, risk_repeat),
        ):
            profile = tempfile.TemporaryDirectory(prefix="cse-bench-profile-")
            context = launch_profile(playwright, Path(profile.name))
            cold.append(visit(context, url, ready, name))
            before = len(site.seen)
            repeat.append(visit(context, url, ready, name))
            if name == "calculator-ready":
                for seen in site.seen[before:]:
                    repeat_statuses[str(seen.status)] = repeat_statuses.get(str(seen.status), 0) + 1
                    if seen.status == 200:
                        repeat_downloads.append(seen.path)
            context.close()
            profile.cleanup()

    context = browser.new_context()
    page = context.new_page()
    page.goto(risk_url)
    page.wait_for_selector(RISK_READY, timeout=TIMEOUT_MS)
    ids = page.eval_on_selector_all("input[name='indicator']", "boxes => boxes.map(b => b.value)")
    times = page.evaluate(BRIDGE_LATENCY_JS, [BRIDGE_CALLS, ids])
    context.close()

    context = browser.new_context()
    page = context.new_page()
    before = len(site.seen)
    page.goto(site.base_url)
    page.wait_for_load_state("networkidle")
    text_requests = site.seen[before:]
    context.close()
    pyodide_on_text = [s.path for s in text_requests if "/pyodide/" in s.path or ".whl" in s.path]

    bare_median, risk_median = statistics.median(bare_cold), statistics.median(risk_cold)
    return {
        "runs": RUNS,
        "ready_ms": {
            "bare_cold": bare_cold,
            "risk_cold": risk_cold,
            "bare_repeat": bare_repeat,
            "risk_repeat": risk_repeat,
            "bare_cold_median": bare_median,
            "risk_cold_median": risk_median,
            "bare_repeat_median": statistics.median(bare_repeat),
            "risk_repeat_median": statistics.median(risk_repeat),
            "cold_ratio": risk_median / bare_median,
        },
        "repeat_visit": {
            "server_statuses": repeat_statuses,
            "downloaded_again": repeat_downloads,
        },
        "bridge_ms": {
            "calls": len(times),
            "median": statistics.median(times),
            "p95": percentile(times, 0.95),
            "max": max(times),
        },
        "text_page": {
            "path": "/",
            "requests": len(text_requests),
            "bytes": sum(s.length for s in text_requests),
            "pyodide_files": pyodide_on_text,
        },
    }


def build_times() -> list[float]:
    times = []
    with tempfile.TemporaryDirectory(prefix="cse-bench-build-") as scratch:
        for run in range(BUILDS):
            started = time.perf_counter()
            if build_site(site_dir=Path(scratch) / f"site{run}", quiet=True) != 0:
                raise RuntimeError("The site did not build.")
            times.append(time.perf_counter() - started)
    return times


def main() -> int:
    from playwright.sync_api import sync_playwright

    builds = build_times()
    with tempfile.TemporaryDirectory(prefix="cse-bench-site-") as scratch:
        site_dir = Path(scratch) / "site"
        if build_site(site_dir=site_dir, quiet=True) != 0:
            return 1
        with serve_site(site_dir, extra_files=BARE_FILES) as site, sync_playwright() as pw:
            browser = launch(pw)
            try:
                results = measure(pw, browser, site)
            finally:
                browser.close()
    results["build_s"] = {"runs": builds, "median": statistics.median(builds)}
    results["pyodide_files"] = list(PYODIDE_FILES)
    results["targets"] = {
        "cold_ratio_within_1_15": results["ready_ms"]["cold_ratio"] <= TARGET_RATIO,
        "repeat_downloads_nothing": not results["repeat_visit"]["downloaded_again"],
        "bridge_p95_under_50_ms": results["bridge_ms"]["p95"] < TARGET_P95_MS,
        "text_page_without_pyodide": not results["text_page"]["pyodide_files"],
    }
    text = json.dumps(results, indent=2)
    print(text)
    out = BENCH / "results" / "latest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
