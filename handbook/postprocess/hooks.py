"""MkDocs hooks (mkdocs.yml `hooks:`), the one hooks file of the build.

- the pages made from the protocol: a page per directive section and per template,
  and their place in the navigation (handbook/build/generated_pages.py);
- post-processing: the glossary's abbreviations in every page's content, a name for
  the search dialog, the Content-Security-Policy on every page and static template;
- the browser's assets after the build.

Each hook only calls the build's step for its event (handbook/build/steps.py), so
another generator can do the same work by calling those functions.

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
from handbook.build import steps  # noqa: E402
from handbook.build.generated_pages import UnknownIdError, add_to_nav  # noqa: E402

# Hooks: each calls the build's step for its event (handbook/build/steps.py) ---------


def on_files(files: Files, config: Any) -> Files:
    """Add the section and form pages made from the protocol, and their navigation entries."""
    try:

        def written_by_hand(src_uri: str) -> bool:
            return files.get_file_from_path(src_uri) is not None

        pages = steps.protocol_pages(_protocol(config), written_by_hand)
        for page in pages:
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        if config["nav"] is not None:
            add_to_nav(config["nav"], pages)
    except UnknownIdError as error:
        raise PluginError(f"The pages from the protocol: {error}") from None
    return files


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """The immediate-danger notice where it belongs, and the glossary's abbreviations."""
    return steps.page_content(_protocol(config), page.file.src_uri, html)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Name the search dialog, link the stylesheets as one file, add the policy."""
    return steps.page_html(output, Path(config["docs_dir"]), config["extra_css"])


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Static templates such as 404.html get the same stylesheet and policy."""
    if template_name.endswith(".html"):
        return steps.static_template_html(
            output_content, Path(config["docs_dir"]), config["extra_css"]
        )
    return output_content


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: Any) -> None:
    """The stylesheet, the runtime, the wheel, the protocol, the index, the gzip copies."""
    steps.finish_site(Path(config["site_dir"]), Path(config["docs_dir"]), config["extra_css"])


def _protocol(config: Any) -> Protocol:
    """The protocol macros.py loaded (the macros plugin's configuration runs first)."""
    return config["plugins"]["macros"].variables["protocol"]
