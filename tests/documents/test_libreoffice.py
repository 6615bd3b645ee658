"""Every filled template opens in LibreOffice: converted headless, its text comes out as typed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from calculators.documents.docx import fill_docx
from handbook.docx_templates import blank_template_docx
from handbook.loader import load_protocol

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
    documents = sorted(str(p) for p in tmp_path.glob("*.docx"))
    profile = tmp_path / "profile"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(tmp_path / "out"),
            *documents,
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for template_id, texts in expected.items():
        converted = (tmp_path / "out" / f"{template_id}.txt").read_text(encoding="utf-8-sig")
        for text in texts:
            for line in text.split("\n"):
                assert line in converted, (template_id, line)
