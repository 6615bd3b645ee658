"""The build's own work, as plain functions of the protocol, paths and HTML text, so that
any generator can call them: MkDocs' hooks (handbook/postprocess/hooks.py) call each
one at its event, and another generator reading mkdocs.yml would call the same.

- `protocol_pages`: a page per directive section and per template (the files to add);
- `page_content`: the immediate-danger notice and the glossary's abbreviations;
- `page_html`: the search dialog's name, one stylesheet, the Content-Security-Policy;
- `finish_site`: the joined stylesheet, the browser's assets, the clauses in the
  search index and a gzip copy of every file worth compressing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from calculators.protocol import Protocol
from handbook.build import assets
from handbook.build.generated_pages import GeneratedPage, UnknownIdError, generated_pages
from handbook.pages.directive import immediate_danger
from handbook.postprocess import csp, search_index, stylesheets
from handbook.postprocess.abbreviations import mark_abbreviations
from handbook.postprocess.accessibility import name_search_dialog


def protocol_pages(
    protocol: Protocol, written_by_hand: Callable[[str], bool]
) -> tuple[GeneratedPage, ...]:
    """The pages made from the protocol; UnknownIdError if one is also written by hand."""
    pages = generated_pages(protocol)
    for page in pages:
        if written_by_hand(page.src_uri):
            raise UnknownIdError(
                f"docs/{page.src_uri} is written by hand, but this page is made from the "
                "protocol: delete the file"
            )
    return pages


def page_content(protocol: Protocol, here: str, html: str) -> str:
    """A page's content (`here` is its source path) with the immediate-danger notice
    where it belongs and the glossary's abbreviations marked."""
    if needs_immediate_danger_notice(here, html):
        html = after_first_heading(html, immediate_danger(protocol, here))
    return mark_abbreviations(html, protocol.glossary)


def page_html(html: str, docs_dir: Path, extra_css: Sequence[str]) -> str:
    """A whole page: the search dialog named, the handbook's stylesheets linked as one
    file, then the policy with its inline scripts' hashes."""
    return csp.add_policy(one_stylesheet(name_search_dialog(html), docs_dir, extra_css))


def static_template_html(html: str, docs_dir: Path, extra_css: Sequence[str]) -> str:
    """A static template such as 404.html: the same stylesheet and policy."""
    return csp.add_policy(one_stylesheet(html, docs_dir, extra_css))


def finish_site(site_dir: Path, docs_dir: Path, extra_css: Sequence[str]) -> None:
    """After every page is written: the joined stylesheet, the Pyodide runtime, the
    calculators' wheel, the protocol JSON and manifest, the clauses in the search
    index, then a gzip copy of every file worth compressing."""
    stylesheets.write_joined(site_dir, docs_dir, list(extra_css))
    assets.write_runtime_assets(site_dir)
    search_index.add_clause_entries(site_dir)
    assets.write_precompressed(site_dir)


def one_stylesheet(html: str, docs_dir: Path, extra_css: Sequence[str]) -> str:
    """The page linking the handbook's stylesheets (extra_css) as one file."""
    paths = list(extra_css)
    if not paths:
        return html
    joined_path, _ = stylesheets.joined(docs_dir, paths)
    return stylesheets.link_joined(html, paths, joined_path)


def needs_immediate_danger_notice(here: str, html: str) -> bool:
    """The home page, every calculator and form page, and any page with a calculator."""
    return (
        here == "index.md"
        or here.startswith(("calculators/", "forms/"))
        or "data-calculator=" in html
    )


def after_first_heading(html: str, insert: str) -> str:
    """Put `insert` just after the page's h1 (or first, if it has none)."""
    end = html.find("</h1>")
    if end < 0:
        return insert + "\n" + html
    end += len("</h1>")
    return html[:end] + "\n" + insert + html[end:]
