"""Small repairs to the theme's markup that accessibility checks (axe) ask for.

Material's search panel has role="dialog" but no name; screen readers announce an
unnamed dialog. Configuration cannot set it, so the built page gets the name.
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
)


def name_search_dialog(page_html: str) -> str:
    """Give Material's search dialog an accessible name."""
    return page_html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)
