"""A Pyodide memory snapshot made at build time, measured and not shipped (`make bench`).

Booting from a snapshot of the heap with the calculators imported skips Python's own
start and the imports. Measured under Node (bench/snapshot.mjs) on 2 December 2026,
load average about 4 on 2 shared cores: the snapshot is 31.5 MB, 6.3 MB gzipped, and
a loaded protocol comes in 0.9 s from it against 6.1 s booting as the worker does
(medians of 3). It is not kept, because:

- a first visit would download 6.3 MB more, on top of the runtime the README's
  deployment keeps under 6 MB (aim 4 MB) for the whole visit: on a council laptop's
  network that costs more than the boot time it saves;
- the options that make and load it (`_makeSnapshot`, `_loadSnapshot`,
  `makeMemorySnapshot`) are Pyodide's private API, which may change in any release;
- a snapshot made under Node carries Node's side of the JavaScript state: loading it
  in a browser worker is not supported by Pyodide.

The bench measures it again on every run, so the figures stay current.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

MEASURE = Path(__file__).with_name("snapshot.mjs")


def measure_snapshot(site_dir: Path) -> dict[str, Any]:
    """The snapshot's size and boot times from bench/snapshot.mjs, or why it was not run."""
    node = shutil.which("node")
    if node is None:
        return {"skipped": "node is not on PATH"}
    command = [node, str(MEASURE), f"{site_dir}/"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        return {"failed": done.stderr[-2000:]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]), kept=False)
