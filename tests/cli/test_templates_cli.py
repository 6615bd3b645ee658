"""`python -m cli templates|fill`: the forms' fields, and filled Word documents."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx

COMPLETE_REFERRAL = {
    "yp_name": "Jo & Sam <test>",
    "yp_dob_age": "14",
    "background": "First line\nSecond line",
    "immediate_harm": "Missing overnight",
    "barriers": "None known",
    "referrer_name": "A Referrer",
    "referrer_contact": "020 0000 0000",
    "referral_date": "2027-01-07",
    "significant_events": [{"date": "1 Jan", "detail": "Seen at station", "reference": "CAD 1"}],
}


def test_templates_lists_each_template_with_its_fields(run: Any) -> None:
    result = run("templates", "--json")
    assert result.returncode == 0, result.stderr
    templates = {t["id"]: t for t in json.loads(result.stdout)}
    assert set(templates) == {
        "mase-referral",
        "monthly-report",
        "final-report",
        "strategy-meeting",
        "risk-summary",
    }
    assert templates["strategy-meeting"]["proposed"] is True
    fields = {f["id"]: f for f in templates["mase-referral"]["fields"]}
    assert fields["yp_name"] == {
        "id": "yp_name",
        "label": "Young person's Name",
        "type": "text",
        "required": True,
    }
    assert [c["id"] for c in fields["significant_events"]["columns"]] == [
        "date",
        "detail",
        "reference",
    ]


def test_fill_writes_a_word_document_from_a_plain_object(run: Any, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps(COMPLETE_REFERRAL), encoding="utf-8")
    out = tmp_path / "referral.docx"
    result = run("fill", "mase-referral", "--input", str(case), "--out", str(out), "--text")
    assert result.returncode == 0, result.stderr
    assert "Young person's Name: Jo & Sam <test>" in result.stdout
    document = docx.Document(io.BytesIO(out.read_bytes()))
    texts = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Jo & Sam <test>" in texts
    assert "First line\nSecond line" in texts
    assert "Seen at station" in texts


def test_fill_takes_a_saved_draft_and_a_blank_from_the_site(run: Any, tmp_path: Path) -> None:
    from handbook.build.docx_templates import write_blank_templates
    from handbook.build.loader import load_protocol

    blanks = write_blank_templates(load_protocol().protocol, tmp_path / "templates")
    blank = next(p for p in blanks if p.name == "mase-referral.docx")
    draft = {"template": "mase-referral", "protocol_version": "1.0", "fields": COMPLETE_REFERRAL}
    case = tmp_path / "draft.json"
    case.write_text(json.dumps(draft), encoding="utf-8")
    out = tmp_path / "referral.docx"
    result = run(
        "fill", "mase-referral", "--input", str(case), "--out", str(out), "--blank", str(blank)
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:2] == b"PK"


def test_fill_refuses_text_that_is_not_json(run: Any, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text('{"yp_name": "Jo",', encoding="utf-8")
    result = run("fill", "mase-referral", "--input", str(case), "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr and "line 1" in result.stderr
    assert not (tmp_path / "x.docx").exists()


def test_fill_names_unknown_and_wrongly_typed_fields(run: Any, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    bad = dict(COMPLETE_REFERRAL, shoe_size="9", referral_date="next week", yp_name=["Jo"])
    case.write_text(json.dumps(bad), encoding="utf-8")
    result = run("fill", "mase-referral", "--input", str(case), "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "error: shoe_size: unknown field 'shoe_size'" in result.stderr
    assert "error: referral_date: Date must be a date in the form YYYY-MM-DD" in result.stderr
    assert "error: yp_name: Young person's Name: expected text, got a list" in result.stderr
    assert "Traceback" not in result.stderr


def test_fill_names_missing_required_fields(run: Any, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"yp_name": "Jo"}), encoding="utf-8")
    result = run("fill", "mase-referral", "--input", str(case), "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "error: background: Enter Background of case/summary update" in result.stderr


def test_fill_names_an_unknown_template(run: Any, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text("{}", encoding="utf-8")
    result = run("fill", "tax-return", "--input", str(case), "--out", str(tmp_path / "x.docx"))
    assert result.returncode == 2
    assert "unknown template 'tax-return'" in result.stderr


def test_fill_refuses_minutes_whose_next_meeting_is_not_after_the_meeting(
    run: Any, tmp_path: Path
) -> None:
    case = tmp_path / "minutes.json"
    case.write_text(
        json.dumps({"meeting_date": "2027-01-06", "next_meeting_date": "2027-01-05"}),
        encoding="utf-8",
    )
    result = run(
        "fill", "strategy-meeting", "--input", str(case), "--out", str(tmp_path / "m.docx")
    )
    assert result.returncode == 2
    assert "next_meeting_date: Date of next CSE strategy meeting must be after" in result.stderr
    assert "Traceback" not in result.stderr
