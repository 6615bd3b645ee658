"""A Content-Security-Policy for each built page, with hashes of that page's own inline scripts.

Material's templates carry small inline scripts, one of which embeds the page's
base URL, so the hashes are computed per page after rendering. Script blocks of
a data type (`application/json`) are not run and need no hash.

Only a page that holds a calculator form (`data-calculator=`) may compile
WebAssembly ('wasm-unsafe-eval'). Every page may start a worker from a `blob:`
URL: the calculators' worker (docs/javascripts/runtime/api.js) and Material's search
worker (docs/javascripts/runtime/search-worker.js) are started that way, so that each
inherits this policy. `'self'` stays in worker-src because a module worker's
imports (worker.js, Pyodide's .mjs) are fetched as worker scripts. With
Material's instant navigation the policy of the page a tab first loads governs
every page shown after it without a reload (docs/javascripts/runtime/calculator.js), and
a tab that began on a text-only page loads a calculator page in full, under that
page's own policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

CALCULATOR_MARK = "data-calculator="
POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("worker-src", "'self' blob:"),
    ("connect-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("font-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
)
JAVASCRIPT_TYPES = frozenset(
    {
        "",
        "module",
        "text/javascript",
        "application/javascript",
        "application/ecmascript",
        "text/ecmascript",
        "application/x-javascript",
    }
)
REFERRER_META = '<meta name="referrer" content="no-referrer">'

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset=[^>]*>", re.IGNORECASE)
_REFERRER = re.compile(r"<meta\s+name=[\"']?referrer[\"']?", re.IGNORECASE)
_EXISTING = re.compile(r"<meta\s+http-equiv=[\"']?content-security-policy", re.IGNORECASE)


# Policy ---------------------------------------------------------------------


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for each inline script the browser would run."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attributes = _attributes(match.group(1))
        if "src" in attributes:
            continue
        if (attributes.get("type") or "").strip().lower() not in JAVASCRIPT_TYPES:
            continue
        digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


CALCULATOR_SOURCES = {"script-src": "'wasm-unsafe-eval'"}


def hosts_calculator(html: str) -> bool:
    """Whether the page holds a calculator form, and so runs the calculators' worker."""
    return CALCULATOR_MARK in html


def policy_for(html: str) -> str:
    """The policy text for one rendered page."""
    hashes = inline_script_hashes(html)
    calculator = hosts_calculator(html)
    parts = []
    for directive, sources in POLICY:
        if calculator and directive in CALCULATOR_SOURCES:
            sources = f"{sources} {CALCULATOR_SOURCES[directive]}"
        if directive == "script-src" and hashes:
            sources = f"{sources} {' '.join(hashes)}"
        parts.append(f"{directive} {sources}")
    return "; ".join(parts)


def add_policy(html: str) -> str:
    """Insert the CSP (and a no-referrer policy) at the start of <head>.

    Only a `<meta charset>` stays in front, as browsers look for it in the first bytes.
    """
    if _EXISTING.search(html):
        raise RuntimeError("The page already has a Content-Security-Policy meta element.")
    head = _HEAD.search(html)
    if head is None:
        raise RuntimeError("The page has no <head>: cannot add its Content-Security-Policy.")
    position = head.end()
    charset = _CHARSET.match(html, position)
    if charset:
        position = charset.end()
    policy = policy_for(html)
    tags = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    if not _REFERRER.search(html):
        tags += REFERRER_META
    return html[:position] + tags + html[position:]


# Helpers --------------------------------------------------------------------


class _StartTag(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attributes: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes = {name.lower(): value for name, value in attrs}


def _attributes(text: str) -> dict[str, str | None]:
    parser = _StartTag()
    parser.feed(f"<script{text}>")
    parser.close()
    return parser.attributes
