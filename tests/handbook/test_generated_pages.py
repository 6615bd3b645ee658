"""The pages made from the protocol: one per section and per template, placed after their index."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from handbook.build.generated_pages import (
    UnknownIdError,
    add_to_nav,
    filled_by,
    form_markdown,
    generated_pages,
)
from handbook.build.loader import load_protocol

PROTOCOL = load_protocol().protocol
ROOT = Path(__file__).resolve().parent.parent.parent


def mkdocs_config(tmp_path: Path) -> MkDocsConfig:
    """mkdocs.yml as the build reads it, with macros.py's protocol loaded."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins["macros"].on_config(config)
    return config


def test_every_section_and_every_template_has_a_page_in_the_protocols_order() -> None:
    pages = [page.src_uri for page in generated_pages(PROTOCOL)]
    assert pages == [f"directive/section-{s.number}.md" for s in PROTOCOL.sections] + [
        f"forms/{t.id}.md" for t in PROTOCOL.templates
    ]


def test_a_section_page_calls_the_directives_macros_with_its_number() -> None:
    page = next(p for p in generated_pages(PROTOCOL) if p.src_uri == "directive/section-6.md")
    assert page.markdown == "# {{ section_title(6) }}\n\n{{ section_clauses(6) }}\n"
    assert page.listed_after == "directive/index.md"


def test_a_template_a_calculator_fills_shows_its_structure_and_the_others_a_form() -> None:
    summary = filled_by(PROTOCOL, "risk")
    assert '{{ template_structure("' + summary.id + '") }}' in form_markdown(summary)
    referral = PROTOCOL.template("mase-referral")
    assert referral.filled_by is None
    assert '{{ template_form("mase-referral") }}' in form_markdown(referral)


def test_a_calculator_the_handbook_lacks_stops_the_build_naming_the_template() -> None:
    template = dataclasses.replace(PROTOCOL.template("mase-referral"), filled_by="quiz")
    with pytest.raises(UnknownIdError, match="'mase-referral'.*'quiz'.*risk"):
        form_markdown(template)
    with pytest.raises(UnknownIdError, match="filled_by: quiz"):
        filled_by(PROTOCOL, "quiz")


def test_generated_entries_follow_their_index_in_order_and_listed_ones_stay() -> None:
    nav = [
        {"Home": "index.md"},
        {"The directive": [{"Overview": "directive/index.md"}, "directive/section-2.md"]},
        {"Forms": ["forms/index.md", {"Help": "forms/help.md"}]},
    ]
    add_to_nav(nav, generated_pages(PROTOCOL))
    sections = [f"directive/section-{s.number}.md" for s in PROTOCOL.sections]
    forms = [f"forms/{t.id}.md" for t in PROTOCOL.templates]
    directive = nav[1]["The directive"]
    assert directive[0] == {"Overview": "directive/index.md"}
    assert directive[1:] == [s for s in sections if s != "directive/section-2.md"] + [
        "directive/section-2.md"
    ]
    assert nav[2]["Forms"] == ["forms/index.md", *forms, {"Help": "forms/help.md"}]
    before = repr(nav)
    add_to_nav(nav, generated_pages(PROTOCOL))
    assert repr(nav) == before, "adding twice (mkdocs serve rebuilds) changes nothing"


def test_a_nav_without_the_index_page_stops_the_build() -> None:
    with pytest.raises(UnknownIdError, match="must list forms/index.md"):
        add_to_nav([{"The directive": ["directive/index.md"]}], generated_pages(PROTOCOL))


def test_a_hand_written_page_where_a_generated_one_goes_stops_the_build(tmp_path: Path) -> None:
    config = mkdocs_config(tmp_path)
    (tmp_path / "directive").mkdir()
    (tmp_path / "directive" / "section-1.md").write_text("# 1. By hand\n", encoding="utf-8")
    by_hand = File("directive/section-1.md", str(tmp_path), str(tmp_path / "site"), True)
    with pytest.raises(PluginError, match=r"docs/directive/section-1\.md .* delete the file"):
        config.plugins.on_files(Files([by_hand]), config=config)


def test_the_hook_adds_every_generated_page_and_its_nav_entry(tmp_path: Path) -> None:
    config = mkdocs_config(tmp_path)
    files = config.plugins.on_files(Files([]), config=config)
    added = {f.src_uri: f for f in files}
    for page in generated_pages(PROTOCOL):
        assert added[page.src_uri].content_string == page.markdown
    directive = next(e["The directive"] for e in config["nav"] if "The directive" in e)
    assert directive[1:] == [f"directive/section-{s.number}.md" for s in PROTOCOL.sections]
