"""What a first visit costs through the README's nginx and Apache samples (`make bench`).

For each server, on Debian's binaries with the README's own blocks
(tests/support/deploy_servers.py): the bytes a first visit to the risk page
transfers (bodies, from the server's access log) and the time to ready, against the
bare page that only boots the same Pyodide (with its full standard library), served
the same way. Each visit in a new browser context; the two sides alternate first.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from typing import Any

from tests.support.deploy_servers import Deployed, serve_deployed

SERVERS = ("nginx", "apache")
TARGET_FIRST_VISIT_BYTES = 6_000_000
AIM_FIRST_VISIT_BYTES = 4_000_000


def first_visit(
    browser: Any, server: Deployed, page_path: str, ready: str, mark: str, start_js: str
) -> tuple[int, float]:
    """Bytes the server sent and milliseconds to the page's ready mark, in a new context."""
    before = len(server.responses())
    context = browser.new_context()
    context.add_init_script(start_js)
    page = context.new_page()
    page.goto(server.base_url + page_path)
    page.wait_for_selector(ready, timeout=180_000)
    elapsed = float(page.evaluate(f"performance.getEntriesByName({mark!r})[0].startTime"))
    context.close()
    return sum(r.body_bytes for r in server.responses()[before:]), elapsed


def measure_deployed(
    browser: Any, site_dir: Path, port: int, bare_files: dict[str, Path], runs: int, start_js: str
) -> dict[str, Any]:
    for name, path in bare_files.items():
        shutil.copy2(path, site_dir / name)
    results: dict[str, Any] = {}
    for name in SERVERS:
        with serve_deployed(name, site_dir, port) as server:
            risk = (
                "calculators/risk/",
                "form#risk-form[data-calculator-state='ready']",
                "calculator-ready",
            )
            bare = ("bare.html", "body[data-state='ready']", "bare-ready")
            risk_bytes, risk_ms, bare_bytes, bare_ms = [], [], [], []
            for run in range(runs):
                order = (risk, bare) if run % 2 else (bare, risk)
                for side in order:
                    sent, elapsed = first_visit(browser, server, *side, start_js)
                    (risk_bytes if side is risk else bare_bytes).append(sent)
                    (risk_ms if side is risk else bare_ms).append(elapsed)
            results[name] = {
                "risk_first_visit_bytes": statistics.median(risk_bytes),
                "bare_first_visit_bytes": statistics.median(bare_bytes),
                "risk_cold_ready_ms": risk_ms,
                "bare_cold_ready_ms": bare_ms,
                "cold_ratio": statistics.median(risk_ms) / statistics.median(bare_ms),
                "first_visit_within_6_mb": statistics.median(risk_bytes)
                <= TARGET_FIRST_VISIT_BYTES,
                "first_visit_within_4_mb": statistics.median(risk_bytes) <= AIM_FIRST_VISIT_BYTES,
            }
    for name in bare_files:
        (site_dir / name).unlink()
    return results
