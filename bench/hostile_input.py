"""The slowest hostile inputs through the bridge, timed on CPython and inside Pyodide under Node.

    python -m bench.hostile_input          prints the figures as JSON

`measure_hostile_input()` returns a dict for `make bench`: each request's time in
milliseconds and whether it was answered or refused (never the "did not expect"
fallback), and the slowest. Requests are built at the limits (the request and draft
limits, the document caps) in the shapes that used to be slow: a quote followed by
escaped quotes, brackets, control characters, lone surrogates, the largest documents.

`hostile_requests` and `time_requests` use only the standard library and the
calculators, so the same code runs inside Pyodide (the bridge's own runtime).
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from calculators import bridge
from calculators.limits import (
    MAX_DOCUMENT_CHARS,
    MAX_DOCUMENT_PARAGRAPHS,
    MAX_DRAFT_BYTES,
    MAX_REQUEST_BYTES,
    MAX_TEXT_CHARS,
)
from calculators.protocol import Protocol, Template

BENCH = Path(__file__).resolve().parent
RUNNER = BENCH / "hostile_pyodide.mjs"
REPEATS = 3
UNEXPECTED = bridge.UNEXPECTED.split("(")[0]


# Requests -----------------------------------------------------------------------------


def request(request_type: str, payload: dict[str, Any]) -> str:
    """The request as the page's worker sends it (JSON.stringify: non-ASCII left as it is)."""
    return json.dumps({"type": request_type, "payload": payload}, ensure_ascii=False)


def largest_answers(template: Template, character: str) -> dict[str, Any]:
    """Answers at the document caps: table rows first, then every character in text boxes."""
    values: dict[str, Any] = {}
    chars = paragraphs = 0
    for field in template.fields:
        if field.type == "rows":
            rows = (MAX_DOCUMENT_PARAGRAPHS - paragraphs - 100) // len(field.columns)
            values[field.id] = [{c.id: character for c in field.columns}] * rows
            chars += rows * len(field.columns)
            paragraphs += rows * len(field.columns)
        elif field.type == "choice" and field.required:
            values[field.id] = field.options[0]
        elif field.type == "date":
            values[field.id] = "2027-03-27"
        chars += len(values.get(field.id, "")) if field.type != "rows" else 0
    texts = [f for f in template.fields if f.type in ("text", "textarea")]
    chars += len(texts)  # a character for each text field, so the required ones are answered
    for field in texts:
        room = min(MAX_TEXT_CHARS, MAX_DOCUMENT_CHARS - chars + 1)
        values[field.id] = character * room
        chars += room - 1
    return values


def hostile_requests(
    protocol: Protocol, blank_docx: bytes | None = None
) -> Iterator[tuple[str, str]]:
    """(name, request JSON text) for each hostile shape, at the limits."""
    quotes = '"' + '\\"' * (MAX_REQUEST_BYTES // 2 - 1)
    yield "request: a quote then escaped quotes, at the request limit", quotes
    yield "request: open brackets, at the request limit", "[" * MAX_REQUEST_BYTES
    pairs = (MAX_REQUEST_BYTES - 2) // 3
    yield "request: a list of empty lists, at the request limit", "[" + "[]," * pairs + "[]]"
    yield (
        "request: one long string, at the request limit",
        json.dumps("x" * (MAX_REQUEST_BYTES - 2)),
    )

    open_draft = "open_draft"
    yield (
        "open_draft: a quote then escaped quotes, at the draft limit",
        request(open_draft, {"text": quotes[:MAX_DRAFT_BYTES]}),
    )
    yield (
        "open_draft: control characters, at the draft limit (six characters each in JSON)",
        request(open_draft, {"text": "\x01" * MAX_DRAFT_BYTES}),
    )
    yield (
        "open_draft: open brackets inside a draft, at the draft limit",
        request(open_draft, {"text": '{"fields": ' + "[" * (MAX_DRAFT_BYTES - 12)}),
    )
    template = max(protocol.templates, key=lambda t: len(t.fields))
    for character, kind in (("\U0001f600", "emoji"), ('"', "quotes")):
        values = largest_answers(template, character)
        saved = json.loads(
            bridge.handle(
                protocol, request("save_draft", {"template": template.id, "fields": values})
            )
        )
        if saved["ok"]:
            yield (
                f"open_draft: the largest draft that saves ({kind})",
                request(open_draft, {"text": saved["result"]["json"]}),
            )
        yield (
            f"save_draft: the largest answers ({kind})",
            request("save_draft", {"template": template.id, "fields": values}),
        )
        yield (
            f"template_text: the largest answers ({kind})",
            request("template_text", {"template": template.id, "fields": values}),
        )
        if blank_docx is not None:
            fill_template = protocol.template("monthly-report")
            yield (
                f"fill: the largest answers ({kind})",
                request(
                    "fill",
                    {
                        "template": fill_template.id,
                        "fields": largest_answers(fill_template, character),
                        "blank_docx_base64": base64.b64encode(blank_docx).decode("ascii"),
                    },
                ),
            )

    table = max(
        (f for t in protocol.templates for f in t.fields if f.type == "rows"),
        key=lambda f: len(f.columns),
    )
    owner = next(t for t in protocol.templates if table in t.fields)
    cell = "\n\n".join(["short"] * 5)
    yield (
        "check_form: 200 rows of short paragraphs (refused by the cap)",
        request(
            "check_form",
            {
                "template": owner.id,
                "fields": {table.id: [{c.id: cell for c in table.columns}] * 200},
            },
        ),
    )
    surrogates = {f.id: "\ud800" * 5_000 for f in template.fields if f.type in ("text", "textarea")}
    yield (
        "check_form: lone surrogates in every text field",
        request("check_form", {"template": template.id, "fields": surrogates}),
    )
    long_text = "x" * (MAX_REQUEST_BYTES // 12)
    dates_fields = (
        "today",
        "last_strategy",
        "initial_strategy",
        "out_of_borough",
        "agreed_interval_weeks",
    )
    yield (
        "calendar_file: long text in every answer, at the request limit",
        request(
            "calendar_file",
            {
                key: long_text
                for key in (
                    *dates_fields,
                    "interval_rationale",
                    "referral_planned",
                    "case_reference",
                    "now",
                )
            },
        ),
    )
    yield (
        "calendar_file: a case reference of spaces and one letter, at the request limit",
        request(
            "calendar_file",
            {
                "today": "2027-03-27",
                "last_strategy": "2027-03-01",
                "case_reference": " " * (MAX_REQUEST_BYTES - 200) + "x",
            },
        ),
    )
    yield (
        "calendar_file: a time stamp in year 1",
        request("calendar_file", {"today": "2027-03-27", "now": "0001-01-01T00:00+01:00"}),
    )
    ids = [i.id for i in protocol.indicators]
    many = (ids * (MAX_REQUEST_BYTES // (12 * len(ids)) + 1))[: MAX_REQUEST_BYTES // 12]
    yield "risk: every indicator ticked many times", request("risk", {"indicators": many})


# Timing --------------------------------------------------------------------------------


def time_requests(protocol_json_text: str, blank_docx: bytes | None = None) -> dict[str, Any]:
    """Each hostile request's best time of REPEATS, and how it was answered."""
    protocol = bridge.load_protocol(protocol_json_text)
    results: dict[str, Any] = {}
    for name, text in hostile_requests(protocol, blank_docx):
        times = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            answer = bridge.handle(protocol, text)
            times.append((time.perf_counter() - started) * 1000)
        response = json.loads(answer)
        errors = response.get("errors", [])
        results[name] = {
            "request_bytes": len(text.encode("utf-8", "surrogatepass")),
            "ms": round(min(times), 1),
            "ok": response["ok"],
            "fields": sorted({e["field"] for e in errors}),
            "unexpected": any(e["message"].startswith(UNEXPECTED) for e in errors),
        }
    slowest = max(results, key=lambda name: results[name]["ms"])
    return {
        "requests": results,
        "slowest": slowest,
        "slowest_ms": results[slowest]["ms"],
        "unexpected": sorted(name for name, r in results.items() if r["unexpected"]),
    }


# Runs ----------------------------------------------------------------------------------


def measure_hostile_input(pyodide: bool = True) -> dict[str, Any]:
    """The hostile requests timed on CPython and, when Node is here, inside Pyodide."""
    from handbook.build.docx_templates import blank_template_docx
    from handbook.build.loader import load_protocol
    from handbook.build.protocol_json import protocol_json

    loaded = load_protocol()
    protocol_text = protocol_json(loaded.data)
    blank = blank_template_docx(loaded.protocol, loaded.protocol.template("monthly-report"))
    figures = {
        "limits": {"max_request_bytes": MAX_REQUEST_BYTES, "max_draft_bytes": MAX_DRAFT_BYTES},
        "cpython": time_requests(protocol_text, blank),
    }
    if pyodide:
        figures["pyodide"] = time_in_pyodide(protocol_text, blank)
    return figures


def time_in_pyodide(protocol_text: str, blank: bytes) -> dict[str, Any]:
    """The same requests inside Pyodide under Node, as the page's worker runs them."""
    from handbook.build.assets import PYODIDE_PACKAGE, build_wheel

    node = shutil.which("node")
    if node is None:
        return {"skipped": "Node.js (node) is not on the PATH"}
    with tempfile.TemporaryDirectory(prefix="cse-bench-hostile-") as scratch_name:
        scratch = Path(scratch_name)
        (scratch / "protocol.json").write_text(protocol_text, encoding="utf-8")
        (scratch / "blank.docx").write_bytes(blank)
        config = {
            "pyodide": str(PYODIDE_PACKAGE),
            "wheel": str(build_wheel(scratch / "wheel")),
            "module": str(Path(__file__)),
            "protocol": str(scratch / "protocol.json"),
            "blank": str(scratch / "blank.docx"),
        }
        (scratch / "config.json").write_text(json.dumps(config), encoding="utf-8")
        result = subprocess.run(
            [node, str(RUNNER), str(scratch / "config.json")],
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
    if result.returncode != 0:
        raise RuntimeError(f"The hostile-input bench failed inside Pyodide:\n{result.stderr}")
    return json.loads(result.stdout)


if __name__ == "__main__":
    print(json.dumps(measure_hostile_input(pyodide="--cpython-only" not in sys.argv), indent=2))
