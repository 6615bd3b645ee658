"""Blank templates written by python-docx, filled with the standard library, read back
with python-docx field by field (CPython only: python-docx and lxml are not in Pyodide)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from typing import Any
from xml.etree import ElementTree as ET

import docx
import pytest

from calculators.documents.docx import fill_docx, row_tag
from calculators.documents.drafts import make_draft, read_draft
from calculators.documents.forms import fill_form
from calculators.documents.text import template_text
from calculators.errors import InputError
from calculators.protocol import Field, Protocol, Template
from calculators.wording import long_date
from handbook.build.docx_templates import (
    CURRENT_VERSION_REMINDER,
    PROPOSED_NOTICE,
    blank_template_docx,
    write_blank_templates,
)
from handbook.build.loader import load_protocol

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

AWKWARD = [
    "Tom & Jerry <script>alert('x')</script> \"quoted\" 'single'",
    "Emoji 😀👩🏽‍⚕️ and a flag 🏴",
    "Right to left: مرحبا بالعالم and שלום",
    "line one\nline two\nline three",
    "paragraph one\n\nparagraph two\n\n\nafter an empty line",
    "   leading spaces and trailing   ",
    "tab\tseparated\tvalues",
    "x" * 1_500,  # long, and short enough that every field together stays within the caps
    ("A long paragraph. " * 80).strip(),
    "]]> <![CDATA[ &amp; &#x41; <?xml?>",
]


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return load_protocol().protocol


@pytest.fixture(scope="module")
def blanks(protocol: Protocol) -> dict[str, bytes]:
    return {t.id: blank_template_docx(protocol, t) for t in protocol.templates}


def every_value(template: Template, seed: int) -> dict[str, Any]:
    """A value for every field, cycling through the awkward strings."""
    values: dict[str, Any] = {}
    for index, field in enumerate(template.fields):
        text = AWKWARD[(index + seed) % len(AWKWARD)]
        if field.type == "date":
            values[field.id] = date(2027, 1 + index % 12, 1 + index % 28).isoformat()
        elif field.type == "choice":
            values[field.id] = field.options[(index + seed) % len(field.options)]
        elif field.type == "number":
            values[field.id] = str(index)
        elif field.type == "rows":
            values[field.id] = [
                {
                    c.id: AWKWARD[(index + row + col) % len(AWKWARD)]
                    for col, c in enumerate(field.columns)
                }
                for row in range(3)
            ]
        else:
            values[field.id] = text
    return values


def shown(field: Field, value: str) -> str:
    return long_date(date.fromisoformat(value)) if field.type == "date" else value


def cell_text(cell) -> str:
    """A cell's text, paragraphs joined by the blank line they were typed with."""
    return "\n\n".join(p.text for p in cell.paragraphs)


def read_back(document: docx.document.Document, template: Template) -> dict[str, Any]:
    """Each field's value: the label | value tables in the template's order, and each
    repeatable group's table, found by its header row."""
    found: dict[str, Any] = {}
    tables = list(document.tables)
    for field in template.fields:
        if field.type == "rows":
            labels = [c.label for c in field.columns]
            table = next(t for t in tables if [c.text for c in t.rows[0].cells] == labels)
            tables.remove(table)
            found[field.id] = [
                {c.id: cell_text(cell) for c, cell in zip(field.columns, row.cells, strict=True)}
                for row in table.rows[1:]
            ]
    singles = [f for f in template.fields if f.type != "rows"]
    pairs = [
        (row.cells[0].paragraphs[0].text, cell_text(row.cells[1])) for t in tables for row in t.rows
    ]
    assert [label for label, _ in pairs] == [f.label for f in singles]
    found.update((f.id, value) for f, (_, value) in zip(singles, pairs, strict=True))
    return found


@pytest.mark.parametrize("seed", [0, 3, 7])
def test_every_template_filled_with_every_field_reads_back_exactly(
    protocol: Protocol, blanks: dict[str, bytes], seed: int
) -> None:
    for template in protocol.templates:
        values = every_value(template, seed)
        filled = fill_docx(blanks[template.id], template, values)
        document = docx.Document(io.BytesIO(filled))
        found = read_back(document, template)
        for field in template.fields:
            if field.type == "rows":
                assert found[field.id] == values[field.id], (template.id, field.id)
            else:
                assert found[field.id] == shown(field, values[field.id]), (template.id, field.id)


def test_repeatable_rows_become_table_rows_and_none_leaves_only_the_header(
    protocol: Protocol, blanks: dict[str, bytes]
) -> None:
    template = protocol.template("mase-referral")
    events = [{"date": f"{day} January", "detail": f"event {day}"} for day in range(1, 6)]
    filled = fill_docx(blanks[template.id], template, {"significant_events": events})
    found = read_back(docx.Document(io.BytesIO(filled)), template)
    assert found["significant_events"] == [
        {"date": e["date"], "detail": e["detail"], "reference": ""} for e in events
    ]
    assert found["alleged_perpetrators"] == []


def test_the_blank_has_one_tagged_place_per_field_and_one_template_row_per_group(
    protocol: Protocol, blanks: dict[str, bytes]
) -> None:
    for template in protocol.templates:
        with zipfile.ZipFile(io.BytesIO(blanks[template.id])) as package:
            root = ET.fromstring(package.read("word/document.xml"))
        tags = [t.get(f"{{{W}}}val") for t in root.iter(f"{{{W}}}tag")]
        expected = []
        for field in template.fields:
            if field.type == "rows":
                expected.extend(row_tag(field.id, c.id) for c in field.columns)
            else:
                expected.append(field.id)
        assert tags == expected, template.id


def test_filled_package_keeps_every_other_part_byte_for_byte_content_types_first(
    protocol: Protocol, blanks: dict[str, bytes]
) -> None:
    template = protocol.template("monthly-report")
    filled = fill_docx(blanks[template.id], template, every_value(template, 1))
    with (
        zipfile.ZipFile(io.BytesIO(blanks[template.id])) as before,
        zipfile.ZipFile(io.BytesIO(filled)) as after,
    ):
        assert after.namelist() == before.namelist()
        assert after.namelist()[0] == "[Content_Types].xml"
        assert after.testzip() is None
        for name in before.namelist():
            if name != "word/document.xml":
                assert after.read(name) == before.read(name), name


def declared_prefixes(xml: bytes) -> dict[str, str]:
    return {prefix: uri for _, (prefix, uri) in ET.iterparse(io.BytesIO(xml), events=("start-ns",))}


def test_filled_xml_parses_and_declares_its_prefixes_and_ignorable_ones(
    protocol: Protocol, blanks: dict[str, bytes]
) -> None:
    for template in protocol.templates:
        filled = fill_docx(blanks[template.id], template, every_value(template, 2))
        with (
            zipfile.ZipFile(io.BytesIO(filled)) as package,
            zipfile.ZipFile(io.BytesIO(blanks[template.id])) as blank,
        ):
            for name in package.namelist():
                if name.endswith((".xml", ".rels")):
                    ET.fromstring(package.read(name))  # well-formed
            xml = package.read("word/document.xml")
            original = declared_prefixes(blank.read("word/document.xml"))
        declared = declared_prefixes(xml)
        assert declared == original  # same prefixes, same namespaces, none renamed
        root = ET.fromstring(xml)
        ignorable = root.get(f"{{{MC}}}Ignorable").split()
        assert ignorable and all(prefix in declared for prefix in ignorable)
        assert b"ns0:" not in xml


def test_spaces_are_kept_with_xml_space_preserve(
    protocol: Protocol, blanks: dict[str, bytes]
) -> None:
    template = protocol.template("mase-referral")
    filled = fill_docx(blanks[template.id], template, {"yp_name": "  two leading"})
    with zipfile.ZipFile(io.BytesIO(filled)) as package:
        xml = package.read("word/document.xml").decode()
    assert '<w:t xml:space="preserve">  two leading</w:t>' in xml


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x0b", "\x1f", "\ufffe", "\ud800"])
def test_characters_xml_cannot_hold_are_refused_naming_the_field(
    protocol: Protocol, blanks: dict[str, bytes], character: str
) -> None:
    template = protocol.template("mase-referral")
    with pytest.raises(InputError) as caught:
        fill_docx(blanks[template.id], template, {"background": f"before{character}after"})
    [problem] = caught.value.problems
    assert problem.field == "background"
    assert "Background of case/summary update" in problem.message
    assert f"U+{ord(character):04X}" in problem.message


def test_a_blank_for_another_template_is_refused(
    protocol: Protocol, blanks: dict[str, bytes]
) -> None:
    with pytest.raises(InputError) as caught:
        fill_docx(blanks["risk-summary"], protocol.template("mase-referral"), {})
    assert caught.value.problems[0].field == "blank"
    with pytest.raises(InputError):
        fill_docx(b"not a zip", protocol.template("mase-referral"), {})


def test_filling_is_deterministic(protocol: Protocol, blanks: dict[str, bytes]) -> None:
    template = protocol.template("strategy-meeting")
    values = every_value(template, 4)
    assert fill_docx(blanks[template.id], template, values) == fill_docx(
        blanks[template.id], template, values
    )


def test_a_saved_draft_reopened_gives_the_same_document(
    protocol: Protocol, blanks: dict[str, bytes]
) -> None:
    for template in protocol.templates:
        values = every_value(template, 5)
        direct = fill_form(protocol, template, values, blanks[template.id])
        saved = json.dumps(make_draft(protocol, template, values), ensure_ascii=False)
        reopened = read_draft(protocol, saved.encode("utf-8"))
        assert reopened["template"] == template
        assert reopened["warnings"] == direct["warnings"]  # the same checks, nothing more
        again = fill_form(protocol, template, reopened["fields"], blanks[template.id])
        assert again["docx"] == direct["docx"], template.id
        assert again["text"] == direct["text"]


def test_blank_templates_carry_the_footer_with_version_and_reminder(
    protocol: Protocol, blanks: dict[str, bytes]
) -> None:
    for template in protocol.templates:
        document = docx.Document(io.BytesIO(blanks[template.id]))
        footer = document.sections[0].footer.paragraphs[0].text
        assert protocol.metadata.organisation in footer
        assert template.title in footer
        assert f"Protocol version {protocol.metadata.version}" in footer
        assert CURRENT_VERSION_REMINDER in footer
        body = [p.text for p in document.paragraphs]
        assert body[0] == template.title
        assert (PROPOSED_NOTICE in body) == template.proposed
        for contact_id in template.email_to:
            email = protocol.contact(contact_id).email
            assert any(
                line.startswith("Email the completed form to:") and email in line for line in body
            )
        for section in template.sections:
            assert section.title in body


def test_blank_templates_are_reproducible_and_written_to_a_folder(
    protocol: Protocol, tmp_path
) -> None:
    paths = write_blank_templates(protocol, tmp_path / "templates")
    assert sorted(p.name for p in paths) == sorted(f"{t.id}.docx" for t in protocol.templates)
    for path in paths:
        template = protocol.template(path.stem)
        assert path.read_bytes() == blank_template_docx(protocol, template)


def test_final_report_is_the_monthly_report_with_the_exit_required_clauses_5_1_6_5(
    protocol: Protocol,
) -> None:
    monthly, final = protocol.template("monthly-report"), protocol.template("final-report")
    assert [(f.id, f.label, f.type) for f in final.fields] == [
        (f.id, f.label, f.type) for f in monthly.fields
    ]
    required = {f.id for f in final.fields if f.required} - {
        f.id for f in monthly.fields if f.required
    }
    assert required == {"exit_rationale", "exit_strat_date"}


def test_plain_text_shows_each_answer_under_its_section(protocol: Protocol) -> None:
    template = protocol.template("mase-referral")
    text = template_text(
        protocol,
        template,
        {
            "yp_name": "A & B",
            "background": "one\ntwo",
            "referral_date": "2027-01-07",
            "significant_events": [{"date": "1 Jan", "detail": "seen"}],
        },
    )
    assert text.startswith(template.title + "\n")
    assert "Young person's Name: A & B\n" in text
    assert "Background of case/summary update:\n  one\n  two\n" in text
    assert "Date: Thursday 7 January 2027" in text
    assert "Significant events 1\n  Date: 1 Jan\n  Significant event detail: seen\n" in text
    assert "Carefirst ref" not in text  # unanswered fields are left out


def test_right_to_left_answers_are_marked_right_to_left_and_read_back_exactly(
    protocol: Protocol, blanks: dict[str, bytes]
) -> None:
    template = protocol.template("mase-referral")
    arabic = "خرجت من المنزل ليلاً\nand came back late"
    values = {"yp_name": "Sam Example", "background": arabic, "immediate_harm": "שלום"}
    filled = fill_docx(blanks[template.id], template, values)
    document = docx.Document(io.BytesIO(filled))
    paragraphs = [
        p for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs
    ]
    by_text = {p.text: p for p in paragraphs}
    assert arabic in by_text and "שלום" in by_text and "Sam Example" in by_text
    qn = f"{{{W}}}"
    for text in (arabic, "שלום"):
        paragraph = by_text[text]._p
        properties = paragraph.find(qn + "pPr")
        names = [child.tag.removeprefix(qn) for child in properties]
        assert "bidi" in names
        later = {"spacing", "ind", "jc", "rPr"} & set(names)
        assert all(names.index("bidi") < names.index(name) for name in later)
        assert paragraph.find(f"{qn}r/{qn}rPr/{qn}rtl") is not None
    english = by_text["Sam Example"]._p
    assert english.find(f"{qn}pPr/{qn}bidi") is None
    assert english.find(f"{qn}r/{qn}rPr/{qn}rtl") is None


def test_a_field_added_to_a_source_form_is_marked_as_an_addition_in_the_word_document(
    protocol: Protocol, blanks: dict[str, bytes]
) -> None:
    from calculators.documents.text import ADDED_NOTICE

    for template_id in ("monthly-report", "final-report"):
        template = protocol.template(template_id)
        added = [f for f in template.fields if f.added]
        assert [f.id for f in added] == [
            "last_strat_category",
            "last_strat_category_date",
            "strategy_reading",  # the Appendix B reading, attached: never the level
        ]
        document = docx.Document(io.BytesIO(blanks[template_id]))
        labels = {
            row.cells[0].paragraphs[0].text: row.cells[0].text
            for table in document.tables
            for row in table.rows
            if len(row.cells) == 2
        }
        for field in template.fields:
            if field.type != "rows":
                assert (ADDED_NOTICE in labels[field.label]) == field.added, field.id
