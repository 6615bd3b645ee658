"""Each clause is its own search entry at its anchor (issue 17, item 10)."""

from __future__ import annotations

from handbook.postprocess.search_index import clause_entries

PAGE = (
    '<article><h1>6. Strategy meetings</h1><div class="clause" id="clause-6-13">'
    "<button>Copy link to clause 6.13</button><p>6.13 If a child is placed <b>out of borough</b></p></div>"
    '<div class="clause" id="clause-6-14"><p>6.14 Minutes &amp; actions</p></div></article>'
)


def test_each_clause_box_is_an_entry_at_its_anchor_titled_with_its_number() -> None:
    assert clause_entries("directive/section-6/", PAGE) == [
        {
            "location": "directive/section-6/#clause-6-13",
            "title": "6.13",
            "text": "6.13 If a child is placed out of borough",
        },
        {
            "location": "directive/section-6/#clause-6-14",
            "title": "6.14",
            "text": "6.14 Minutes & actions",
        },
    ]


def test_a_page_without_clauses_adds_no_entries() -> None:
    assert clause_entries("planner/", "<article><p>6.13</p></article>") == []
