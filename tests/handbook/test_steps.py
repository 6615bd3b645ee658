"""handbook.build.steps: the build's work as functions another generator can call,
without MkDocs' objects (the hooks only pass their arguments on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.build import steps
from handbook.build.generated_pages import UnknownIdError
from handbook.build.loader import load_protocol


def test_the_protocol_pages_come_without_mkdocs_and_a_page_written_by_hand_is_refused() -> None:
    protocol = load_protocol().protocol
    pages = steps.protocol_pages(protocol, lambda src_uri: False)
    assert {f"directive/section-{s.number}.md" for s in protocol.sections} <= {
        p.src_uri for p in pages
    }
    with pytest.raises(UnknownIdError, match="docs/directive/section-6.md is written by hand"):
        steps.protocol_pages(protocol, lambda src_uri: src_uri == "directive/section-6.md")


def test_a_calculator_pages_content_gets_the_notice_after_its_heading() -> None:
    protocol = load_protocol().protocol
    html = steps.page_content(protocol, "calculators/risk.md", "<h1>Risk</h1><p>Body</p>")
    assert html.startswith("<h1>Risk</h1>\n") and html.endswith("<p>Body</p>")
    notice = html.removeprefix("<h1>Risk</h1>\n").removesuffix("<p>Body</p>")
    assert protocol.immediate_danger.text.rstrip(".") in notice  # the notice between them
    assert steps.page_content(protocol, "glossary.md", "<h1>G</h1>") == "<h1>G</h1>"


def test_a_whole_page_gets_its_policy_without_mkdocs(tmp_path: Path) -> None:
    page = "<html><head></head><body><script>var a = 1;</script></body></html>"
    finished = steps.page_html(page, tmp_path, [])
    assert 'http-equiv="Content-Security-Policy"' in finished
    assert "sha256-" in finished
