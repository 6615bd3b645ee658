"""The filler and the forms' bridge requests with the standard library only, as in Pyodide.

The blank here is a small Word package written by hand (python-docx is not in
Pyodide); tests/documents reads the build's real blanks back with python-docx.
"""

from __future__ import annotations

import base64
import io
import json
import zipfile
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from calculators import bridge
from calculators.documents.docx import fill_docx, row_tag
from calculators.protocol import Protocol, Template

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'mc:Ignorable="w14 wp14"'
)


def control(tag: str) -> str:
    return (
        f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/></w:sdtPr>'
        '<w:sdtContent><w:p><w:pPr><w:jc w:val="left"/></w:pPr></w:p></w:sdtContent></w:sdt>'
    )


def hand_made_blank(template: Template) -> bytes:
    body = []
    for field in template.fields:
        if field.type == "rows":
            header = "".join("<w:tc><w:p/></w:tc>" for _ in field.columns)
            cells = "".join(
                f"<w:tc>{control(row_tag(field.id, c.id))}</w:tc>" for c in field.columns
            )
            body.append(f"<w:tbl><w:tr>{header}</w:tr><w:tr>{cells}</w:tr></w:tbl>")
        else:
            body.append(
                f"<w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc>{control(field.id)}</w:tc></w:tr></w:tbl>"
            )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NAMESPACES}><w:body>{''.join(body)}<w:sectPr/></w:body></w:document>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
        'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml", document)
        package.writestr("word/styles.xml", "<styles>kept as is</styles>")
    return out.getvalue()


def cell_texts(xml: bytes) -> list[list[str]]:
    """Each table row's cells as text: w:t joined, w:br as a line break, w:tab as a tab,
    paragraphs joined by a blank line."""
    root = ET.fromstring(xml)
    rows = []
    for row in root.iter(f"{{{W}}}tr"):
        cells = []
        for cell in row.findall(f"{{{W}}}tc"):
            paragraphs = []
            for paragraph in cell.findall(f"{{{W}}}p"):
                text = ""
                for element in paragraph.iter():
                    if element.tag == f"{{{W}}}t":
                        text += element.text or ""
                    elif element.tag == f"{{{W}}}br":
                        text += "\n"
                    elif element.tag == f"{{{W}}}tab":
                        text += "\t"
                paragraphs.append(text)
            cells.append("\n\n".join(paragraphs))
        rows.append(cells)
    return rows


def test_values_and_rows_land_in_their_places(protocol: Protocol) -> None:
    template = protocol.template("risk-summary")
    awkward = '  A & <B> "C" 😀 مرحبا\tD\nE\n\nF  '
    values = {
        "yp_name": awkward,
        "ticked_summary": "Category 2",
        "indicators": [
            {"domain": "Sexual health", "indicator": "one", "category": "2"},
            {"domain": "Missing", "indicator": "two", "category": "1"},
        ],
    }
    filled = fill_docx(hand_made_blank(template), template, values)
    with zipfile.ZipFile(io.BytesIO(filled)) as package:
        assert package.namelist()[0] == "[Content_Types].xml"
        assert package.read("word/styles.xml") == b"<styles>kept as is</styles>"
        xml = package.read("word/document.xml")
    rows = cell_texts(xml)
    assert rows[0] == ["", awkward]
    assert ["", "Category 2"] in rows
    assert ["Sexual health", "one", "2"] in rows and ["Missing", "two", "1"] in rows
    singles = [f for f in template.fields if f.type != "rows"]
    # header and two rows for the indicators; the domains' and counts' headers only,
    # their template rows gone
    assert len(rows) == len(singles) + 3 + 2
    declared = {p for _, (p, _) in ET.iterparse(io.BytesIO(xml), events=("start-ns",))}
    assert {"w", "mc", "w14", "wp14"} <= declared
    assert b"<w:sdt" not in xml  # every control replaced by its value


def bridge_call(protocol: Protocol, request_type: str, payload: dict[str, Any]) -> dict[str, Any]:
    return json.loads(
        bridge.handle(protocol, json.dumps({"type": request_type, "payload": payload}))
    )


def test_bridge_fill_returns_the_document_its_name_and_text(protocol: Protocol) -> None:
    template = protocol.template("risk-summary")
    blank = base64.b64encode(hand_made_blank(template)).decode()
    fields = {"ticked_summary": "Category 3"}
    response = bridge_call(
        protocol, "fill", {"template": template.id, "fields": fields, "blank_docx_base64": blank}
    )
    assert response["ok"], response
    result = response["result"]
    assert result["filename"] == "risk-summary-completed.docx"
    assert "What is ticked: Category 3" in result["text"]
    document = base64.b64decode(result["docx_base64"])
    with zipfile.ZipFile(io.BytesIO(document)) as package:
        assert ["", "Category 3"] in cell_texts(package.read("word/document.xml"))


def test_bridge_fill_checks_required_fields_and_names_them(protocol: Protocol) -> None:
    template = protocol.template("risk-summary")
    blank = base64.b64encode(hand_made_blank(template)).decode()
    response = bridge_call(
        protocol, "fill", {"template": template.id, "fields": {}, "blank_docx_base64": blank}
    )
    assert response["ok"] is False
    assert {e["field"] for e in response["errors"]} == {"ticked_summary"}


@pytest.mark.parametrize("blank", [None, "not base64!", base64.b64encode(b"not a zip").decode()])
def test_bridge_fill_refuses_a_bad_blank(protocol: Protocol, blank: Any) -> None:
    fields = {"ticked_summary": "Category 3"}
    response = bridge_call(
        protocol, "fill", {"template": "risk-summary", "fields": fields, "blank_docx_base64": blank}
    )
    assert response["ok"] is False
    assert response["errors"][0]["field"] in {"blank", "blank_docx_base64"}


def test_bridge_saves_and_opens_a_draft(protocol: Protocol) -> None:
    fields = {"yp_name": "Jo", "significant_events": [{"date": "1 Jan"}]}
    saved = bridge_call(protocol, "save_draft", {"template": "mase-referral", "fields": fields})
    assert saved["ok"] and saved["result"]["filename"] == "mase-referral-draft.json"
    opened = bridge_call(protocol, "open_draft", {"text": saved["result"]["json"]})
    assert opened["ok"]
    assert opened["result"]["template"] == "mase-referral"
    assert opened["result"]["fields"]["significant_events"] == [
        {"date": "1 Jan", "detail": "", "reference": ""}
    ]
    bad = bridge_call(
        protocol, "open_draft", {"text": '{"template": "mase-referral", "fields": {"x": 1}}'}
    )
    assert bad["ok"] is False and bad["errors"][0]["field"] == "x"


def test_bridge_template_text_allows_incomplete_answers(protocol: Protocol) -> None:
    response = bridge_call(
        protocol, "template_text", {"template": "monthly-report", "fields": {"p_number": "P1"}}
    )
    assert response["ok"] and "P no.: P1\n" in response["result"]["text"]


def test_the_first_letter_with_a_direction_decides_right_to_left() -> None:
    from calculators.documents.docx import right_to_left

    assert right_to_left("مرحبا and hello")
    assert right_to_left("12 - שלום")
    assert not right_to_left("hello مرحبا")
    assert not right_to_left("2027-01-07")
