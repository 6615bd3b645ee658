"""One search entry per clause, so a search for "6.13" lands on the clause's anchor.

Material's search index has one entry per page (and per heading); a section page's
clauses are not headings, so all of a section was one entry. After the build this
adds, for each clause box on a page, an entry at the clause's anchor with the
clause's number as its title and the clause's own text.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

_CLAUSE = re.compile(
    r'<div class="clause" id="(clause-[\w-]+)">(.*?)(?=<div class="clause"|</article>)', re.S
)
_TAG = re.compile(r"<[^>]+>")
_CONTROL = re.compile(r"<button\b.*?</button>", re.S)  # "Copy link to clause …" is no text


def clause_entries(location: str, page_html: str) -> list[dict[str, str]]:
    """The search entries for the clause boxes in one built page."""
    entries = []
    for anchor, body in _CLAUSE.findall(page_html):
        text = re.sub(r"\s+", " ", html.unescape(_TAG.sub(" ", _CONTROL.sub(" ", body)))).strip()
        number = anchor.removeprefix("clause-").replace("-", ".")
        entries.append({"location": f"{location}#{anchor}", "title": number, "text": text})
    return entries


def add_clause_entries(site_dir: Path) -> None:
    """Rewrite search/search_index.json with an entry per clause after its page's."""
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs = []
    for doc in index["docs"]:
        docs.append(doc)
        location = doc["location"]
        if "#" in location:
            continue
        page = site_dir / location / "index.html"
        if page.is_file():
            docs += clause_entries(location, page.read_text(encoding="utf-8"))
    index["docs"] = docs
    index_path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
