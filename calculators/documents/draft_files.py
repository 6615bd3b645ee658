"""What a file chosen as a draft holds: JSON text in UTF-8, or a message saying what it is.

A draft is the UTF-8 JSON file "Save draft to a file" makes. A file in another encoding
is refused whole (never opened with characters changed: a Latin-1 "Zoë" would read
"Zo�"); a Word document, a PDF or a picture is named as such. A draft saved under
another protocol version keeps the answers whose fields the form still has, and says
which it dropped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from calculators.documents.field_types import field_type
from calculators.errors import InputError
from calculators.json_text import MAX_NESTING, nesting_depth
from calculators.limits import MAX_DRAFT_BYTES
from calculators.protocol import Template

# The first bytes of files a practitioner may choose by mistake, and what to call them.
SIGNATURES = (
    (b"PK\x03\x04", "a Word document (.docx) or another zip file"),
    (b"\xd0\xcf\x11\xe0", "an older Word (.doc) or Office file"),
    (b"%PDF", "a PDF"),
    (b"{\\rtf", "a rich text (.rtf) document"),
    (b"\x89PNG", "a picture (PNG)"),
    (b"\xff\xd8\xff", "a picture (JPEG)"),
    (b"GIF8", "a picture (GIF)"),
)
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
A_DRAFT = 'A draft is the .json file "Save draft to a file" makes.'


def not_a_draft(what: str) -> InputError:
    return InputError.one("draft", f"The file is not a draft: it is {what}. {A_DRAFT}")


def draft_json_text(data: bytes) -> str:
    """The text of a draft file's bytes: UTF-8 (a byte order mark allowed), or InputError."""
    if len(data) > MAX_DRAFT_BYTES:
        raise InputError.one("draft", too_large())
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            raise not_a_draft(what)
    if data.startswith(UTF16_MARKS):
        raise InputError.one(
            "draft",
            "The file is in UTF-16, and a draft must be UTF-8 text, so it was not opened "
            "(its characters would be changed). Open the draft as the handbook saved it.",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError.one(
            "draft",
            f"The file is not UTF-8 text (byte {error.start + 1} is not UTF-8: it may have "
            "been saved again in another encoding, such as Windows-1252 or Latin-1), so it "
            "was not opened: its letters would be changed. Open the draft as the handbook "
            "saved it, or save this file as UTF-8.",
        ) from None


def parse_draft_json(text: str | bytes) -> Any:
    """The JSON value of a draft file (bytes or text), or InputError naming what is wrong."""
    if isinstance(text, bytes | bytearray):
        text = draft_json_text(bytes(text))
    if not isinstance(text, str):
        raise InputError.one("draft", "The file is not a draft: expected JSON text.")
    if len(text) > MAX_DRAFT_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_DRAFT_BYTES:
        raise InputError.one("draft", too_large())
    if not text.lstrip("\ufeff \t\r\n").startswith("{"):
        raise not_a_draft("not JSON text beginning with {")
    if nesting_depth(text, stop_above=MAX_NESTING) > MAX_NESTING:
        # json.loads would overflow Pyodide's stack
        raise InputError.one(
            "draft", f"The file is nested too deeply to be a draft (at most {MAX_NESTING} levels)."
        )
    try:
        return json.loads(text)
    except ValueError as error:
        where = ""
        if isinstance(error, json.JSONDecodeError):
            where = f" (line {error.lineno}, column {error.colno}: {error.msg})"
        raise InputError.one(
            "draft", f"The file is not valid JSON{where}, so it is not a draft."
        ) from None


def fit_to_template(template: Template, fields: Any) -> tuple[Any, list[str]]:
    """A draft's fields from another protocol version, without those the form no longer
    has (and the table columns it no longer has): the answers kept, and what was dropped."""
    if not isinstance(fields, Mapping):
        return fields, []
    known = {field.id: field for field in template.fields}
    kept: dict[str, Any] = {}
    dropped = [str(key) for key in fields if key not in known]
    for key, value in fields.items():
        field = known.get(key)
        if field is None:
            continue
        columns = {column.id for column in field.columns}
        if field_type(field).repeated and isinstance(value, list):
            gone = sorted(
                {str(k) for row in value if isinstance(row, Mapping) for k in row} - columns
            )
            dropped += [f"{key}, column {column}" for column in gone]
            value = [
                {k: v for k, v in row.items() if k in columns} if isinstance(row, Mapping) else row
                for row in value
            ]
        kept[key] = value
    return kept, dropped


def too_large() -> str:
    return f"The file is too large for a draft: at most {MAX_DRAFT_BYTES:,} bytes."
