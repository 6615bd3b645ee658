"""Every filled template opens in LibreOffice: converted headless, its text comes out as typed.

The largest documents the calculators accept open too: the caps on a form's answers keep
them small enough to open in a few seconds (no time is asserted: the caps keep this fast).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from calculators.documents.docx import fill_docx
from calculators.documents.drafts import check_values
from calculators.limits import MAX_DOCUMENT_CHARS, MAX_DOCUMENT_PARAGRAPHS
from calculators.protocol import Protocol
from handbook.build.docx_templates import blank_template_docx
from handbook.build.loader import load_protocol

SOFFICE = os.environ.get("SOFFICE", "soffice")
TYPED = [
    "Jo & <Sam> \"quoted\" 'single'",
    "Emoji 😀 and Arabic مرحبا بالعالم",
    "line one\nline two",
]


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which(SOFFICE)
    assert found, (
        "LibreOffice is missing: run `make libreoffice` (apt-get install libreoffice-writer-nogui)"
    )
    return found


def convert(soffice: str, folder: Path, to: str) -> Path:
    """Convert every .docx in `folder` with LibreOffice headless (its own profile there);
    the converted files are in the folder returned."""
    documents = sorted(str(p) for p in folder.glob("*.docx"))
    assert documents, f"test setup: no document in {folder}"
    out = folder / "out"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            *documents,
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_every_filled_template_converts_in_libreoffice_with_its_text(
    soffice: str, tmp_path: Path
) -> None:
    protocol = load_protocol().protocol
    expected: dict[str, list[str]] = {}
    for template in protocol.templates:
        values: dict[str, object] = {}
        for index, field in enumerate(template.fields):
            text = f"{TYPED[index % len(TYPED)]} #{index}"
            if field.type in ("text", "textarea"):
                values[field.id] = text
            elif field.type == "rows":
                values[field.id] = [{c.id: f"{text} {c.id}" for c in field.columns}] * 2
        blank = blank_template_docx(protocol, template)
        (tmp_path / f"{template.id}.docx").write_bytes(fill_docx(blank, template, values))
        expected[template.id] = [v for v in values.values() if isinstance(v, str)]
    out = convert(soffice, tmp_path, "txt:Text (encoded):UTF8")
    for template_id, texts in expected.items():
        converted = (out / f"{template_id}.txt").read_text(encoding="utf-8-sig")
        for text in texts:
            for line in text.split("\n"):
                assert line in converted, (template_id, line)


# The largest documents the calculators accept --------------------------------------------


def words(count: int) -> str:
    """`count` characters of words, so that lines wrap as typed text does."""
    return ("lorem ipsum dolor sit amet " * (count // 27 + 1))[:count].rstrip() or "x"


def largest_documents(protocol: Protocol) -> dict[str, dict[str, object]]:
    """Answers at the document caps, in the shapes that LibreOffice lays out most slowly."""
    template = protocol.template("monthly-report")
    table = max((f for f in template.fields if f.type == "rows"), key=lambda f: len(f.columns))
    width = len(table.columns)
    areas = [f.id for f in template.fields if f.type == "textarea"]
    rows = MAX_DOCUMENT_PARAGRAPHS // width
    per_cell = MAX_DOCUMENT_CHARS // (rows * width)
    per_row_cell = MAX_DOCUMENT_CHARS // width
    per_area = MAX_DOCUMENT_CHARS // len(areas)
    lines_per_area = MAX_DOCUMENT_PARAGRAPHS // len(areas)
    return {
        # every paragraph the cap allows as table cells, the characters spread over them
        "rows": {table.id: [{c.id: words(per_cell) for c in table.columns}] * rows},
        # every character in one table row: the row runs over many pages
        "one-row": {table.id: [{c.id: words(per_row_cell) for c in table.columns}]},
        # every character and paragraph in the text boxes
        "paragraphs": {
            area: "\n\n".join([words(per_area // lines_per_area - 2)] * lines_per_area)
            for area in areas
        },
    }


def test_the_largest_documents_the_calculators_accept_open_in_libreoffice(
    soffice: str, tmp_path: Path
) -> None:
    protocol = load_protocol().protocol
    template = protocol.template("monthly-report")
    blank = blank_template_docx(protocol, template)
    largest = largest_documents(protocol)
    for name, values in largest.items():
        clean = check_values(template, values)  # accepted: within every cap
        texts = [c for v in clean.values() for c in (v if isinstance(v, str) else ())]
        cells = [c for v in clean.values() if isinstance(v, list) for r in v for c in r.values()]
        chars = sum(len(t) for t in texts + cells)
        assert chars > MAX_DOCUMENT_CHARS * 0.95, (name, chars)  # and close to the caps
        (tmp_path / f"{name}.docx").write_bytes(fill_docx(blank, template, values))
    out = convert(soffice, tmp_path, "pdf")
    for name in largest:
        pdf = out / f"{name}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF"), pdf.name
