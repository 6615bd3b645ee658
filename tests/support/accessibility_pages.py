"""The pages axe checks in Chromium (tests/browser/test_accessibility.py), which the
accessibility statement names as checked (tests/site/test_accessibility_statement.py)."""

from __future__ import annotations

from handbook.build.loader import load_protocol

PAGES = [
    "",
    "directive/section-6/",
    "warning-signs/",
    "categories/",
    "calculators/risk/",
    "calculators/dates/",
    "planner/",
    "contacts/",
    "glossary/",
    "about/",
]


def checked_pages() -> list[str]:
    """The pages axe checks: one of each kind, and every form page the protocol has."""
    return PAGES + [f"forms/{t.id}/" for t in load_protocol().protocol.templates]
