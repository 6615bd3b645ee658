"""The site's configuration from the protocol: its name, description and menu.

MkDocs reads mkdocs.yml for the theme, plugins and extensions; what a council
words (`metadata.short_title`, `site:`) comes from the protocol, so mkdocs.yml
names no council. Called from macros.py, which MkDocs and other generators that
run mkdocs-macros both run first, and from the tests.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from calculators.protocol import Protocol


class SiteConfigError(Exception):
    """mkdocs.yml says what the protocol says (a menu of its own)."""


def configure(conf: MutableMapping[str, Any], protocol: Protocol) -> None:
    """Set the site's name, description and menu from the protocol."""
    if conf.get("nav"):
        raise SiteConfigError(
            "mkdocs.yml has a nav: of its own; the menu is site.menu in data/protocol.yaml"
        )
    conf["site_name"] = protocol.metadata.short_title
    conf["site_description"] = protocol.site.description
    conf["nav"] = protocol.site.nav
