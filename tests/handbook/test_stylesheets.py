"""The handbook's own stylesheets reach a page as one file, in the order mkdocs.yml lists them."""

from __future__ import annotations

from pathlib import Path

from handbook.postprocess.stylesheets import joined, link_joined, write_joined

PATHS = ("stylesheets/a.css", "stylesheets/b.css")
HEAD = (
    '<link rel="stylesheet" href="../assets/main.css">\n'
    '<link rel="stylesheet" href="../stylesheets/a.css">\n'
    '<link rel="stylesheet" href="../stylesheets/b.css">\n'
    "<script>x()</script>\n"
)


def docs(tmp_path: Path, a: str = ".a { color: red; }\n", b: str = ".b { color: blue; }\n") -> Path:
    (tmp_path / "stylesheets").mkdir(exist_ok=True)
    (tmp_path / "stylesheets" / "a.css").write_text(a, encoding="utf-8")
    (tmp_path / "stylesheets" / "b.css").write_text(b, encoding="utf-8")
    return tmp_path


def test_the_joined_file_holds_every_stylesheet_in_the_listed_order(tmp_path: Path) -> None:
    path, text = joined(docs(tmp_path), PATHS)
    assert path.startswith("stylesheets/handbook-all.") and path.endswith(".css")
    assert text.index(".a { color: red; }") < text.index(".b { color: blue; }")


def test_the_joined_files_name_changes_with_its_content(tmp_path: Path) -> None:
    before, _ = joined(docs(tmp_path), PATHS)
    after, _ = joined(docs(tmp_path, b=".b { color: green; }\n"), PATHS)
    assert before != after


def test_a_page_links_the_joined_file_once_where_the_first_stylesheet_was() -> None:
    page = link_joined(HEAD, PATHS, "stylesheets/handbook-all.0123.css")
    assert page == (
        '<link rel="stylesheet" href="../assets/main.css">\n'
        '<link rel="stylesheet" href="../stylesheets/handbook-all.0123.css">\n'
        "<script>x()</script>\n"
    )


def test_a_page_without_every_stylesheet_is_left_as_it_is() -> None:
    page = HEAD.replace('<link rel="stylesheet" href="../stylesheets/b.css">\n', "")
    assert link_joined(page, PATHS, "stylesheets/handbook-all.0123.css") == page


def test_the_joined_file_is_written_into_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    written = write_joined(site, docs(tmp_path), PATHS)
    assert written is not None
    assert written.read_text(encoding="utf-8") == joined(tmp_path, PATHS)[1]
