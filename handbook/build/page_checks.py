"""Pages the protocol names that the handbook must have: the menu's and the induction
path's. A page is a file under docs/ or one the build makes from the protocol."""

from __future__ import annotations

from pathlib import Path

from calculators.protocol import Protocol, ProtocolError
from handbook.build.generated_pages import UnknownIdError, generated_pages

DOCS = Path(__file__).resolve().parents[2] / "docs"


def missing_pages(protocol: Protocol, docs: Path = DOCS) -> list[ProtocolError]:
    """A problem for each page the menu or the induction path names that does not exist."""
    try:
        made = {page.src_uri for page in generated_pages(protocol)}
    except UnknownIdError as error:  # a page the handbook cannot make: name it, check no more
        return [ProtocolError("templates", str(error))]
    named: list[tuple[str, str]] = []
    for i, entry in enumerate(protocol.site.menu):
        if entry.page is not None:
            named.append((entry.page, f"site.menu[{i}].page"))
        named += [(p.page, f"site.menu[{i}].pages[{j}].page") for j, p in enumerate(entry.pages)]
    for i, step in enumerate(protocol.induction.steps):
        named += [
            (p.path, f"induction.steps[{i}].pages[{j}].path") for j, p in enumerate(step.pages)
        ]
    return [
        ProtocolError(path, f"expected a page the handbook has (a file under docs/), got {page!r}")
        for page, path in named
        if page not in made and not (docs / page).is_file()
    ]
