"""MkDocs hooks (mkdocs.yml `hooks:`), the one hooks file of the build.

- the pages made from the protocol: a page per directive section and per template,
  and their place in the navigation (handbook/build/generated_pages.py);
- post-processing: the glossary's abbreviations in every page's content, a name for
  the search dialog, the Content-Security-Policy on every page and static template;
- the browser's assets after the build.

MkDocs loads this file by path, so the repository root is put on sys.path for the
`handbook` and `calculators` packages. Something the protocol or mkdocs.yml names
but the handbook lacks stops the build with a message (PluginError), as the
theme's own hooks do.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from calculators.protocol import Protocol  # noqa: E402
from handbook.build import assets  # noqa: E402
from handbook.build.generated_pages import UnknownIdError, add_to_nav, generated_pages  # noqa: E402
from handbook.pages.directive import immediate_danger  # noqa: E402
from handbook.postprocess import csp, search_index, stylesheets  # noqa: E402
from handbook.postprocess.abbreviations import mark_abbreviations  # noqa: E402
from handbook.postprocess.accessibility import name_search_dialog  # noqa: E402

# Hooks ----------------------------------------------------------------------


def on_files(files: Files, config: Any) -> Files:
    """Add the section and form pages made from the protocol, and their navigation entries."""
    try:
        pages = generated_pages(_protocol(config))
        for page in pages:
            if files.get_file_from_path(page.src_uri) is not None:
                raise UnknownIdError(
                    f"docs/{page.src_uri} is written by hand, but this page is made from the "
                    "protocol: delete the file"
                )
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        if config["nav"] is not None:
            add_to_nav(config["nav"], pages)
    except UnknownIdError as error:
        raise PluginError(f"The pages from the protocol: {error}") from None
    return files


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """The immediate-danger notice where it belongs, and the glossary's abbreviations."""
    protocol = _protocol(config)
    here = page.file.src_uri
    if needs_immediate_danger_notice(here, html):
        html = after_first_heading(html, immediate_danger(protocol, here))
    return mark_abbreviations(html, protocol.glossary)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Name the search dialog and link the handbook's stylesheets as one file, then give
    the page a policy with its inline scripts' hashes."""
    return csp.add_policy(_one_stylesheet(name_search_dialog(output), config))


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Static templates such as 404.html get the same stylesheet and policy."""
    if template_name.endswith(".html"):
        return csp.add_policy(_one_stylesheet(output_content, config))
    return output_content


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: Any) -> None:
    """Write the joined stylesheet, the Pyodide runtime, the calculators wheel, protocol
    JSON and manifest, then a gzip copy of every file worth compressing."""
    stylesheets.write_joined(
        Path(config["site_dir"]), Path(config["docs_dir"]), config["extra_css"]
    )
    assets.write_runtime_assets(Path(config["site_dir"]))
    search_index.add_clause_entries(Path(config["site_dir"]))
    assets.write_precompressed(Path(config["site_dir"]))


# Helpers --------------------------------------------------------------------


def _protocol(config: Any) -> Protocol:
    """The protocol macros.py loaded (the macros plugin's configuration runs first)."""
    return config["plugins"]["macros"].variables["protocol"]


def _one_stylesheet(html: str, config: Any) -> str:
    """The page linking the handbook's stylesheets (extra_css) as one file."""
    paths = config["extra_css"]
    if not paths:
        return html
    joined_path, _ = stylesheets.joined(Path(config["docs_dir"]), paths)
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
