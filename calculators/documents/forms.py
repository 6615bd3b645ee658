"""Filled forms for the browser bridge and the command line: one code path for both.

The browser fetches the blank template the build wrote (assets/templates/<id>.docx)
and passes its bytes in; nothing here reads files or the network.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any

from calculators.dates.minutes import minutes_warnings
from calculators.documents.docx import fill_docx, filled_filename
from calculators.documents.drafts import (
    check_values,
    draft_filename,
    draft_text,
    read_draft,
    template_or_error,
    value_warnings,
)
from calculators.documents.text import template_text
from calculators.errors import InputError
from calculators.protocol import Protocol, Template

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def fill_form(
    protocol: Protocol, template: Template, values: Mapping[str, Any], blank: bytes
) -> dict[str, Any]:
    """The completed form: Word bytes, its file name and the plain text (answers complete)."""
    clean = check_values(template, values, complete=True)
    return {
        "docx": fill_docx(blank, template, clean),
        "filename": filled_filename(template),
        "text": template_text(protocol, template, clean),
        "warnings": value_warnings(protocol, template, clean),
    }


# Bridge handlers: fn(protocol, payload) -> JSON-able dict -------------------------


def handle_fill(protocol: Protocol, payload: Mapping[str, Any]) -> dict[str, Any]:
    """{template, fields, blank_docx_base64} -> {docx_base64, filename, media_type, text}."""
    template = template_or_error(protocol, payload.get("template"))
    blank = _base64(payload.get("blank_docx_base64"), "blank_docx_base64")
    form = fill_form(protocol, template, payload.get("fields", {}), blank)
    return {
        "docx_base64": base64.b64encode(form["docx"]).decode("ascii"),
        "filename": form["filename"],
        "media_type": DOCX_MEDIA_TYPE,
        "text": form["text"],
        "warnings": form["warnings"],
    }


def handle_template_text(protocol: Protocol, payload: Mapping[str, Any]) -> dict[str, Any]:
    """{template, fields} -> {text}: the plain text, incomplete answers allowed."""
    template = template_or_error(protocol, payload.get("template"))
    return {"text": template_text(protocol, template, payload.get("fields", {}))}


def handle_check(protocol: Protocol, payload: Mapping[str, Any]) -> dict[str, Any]:
    """{template, fields, complete?} -> {fields, warnings}: the answers checked as for a
    download (with `complete: false`, as for a draft: required fields may be empty).
    Warnings are {field, message}: answers allowed, but worth a second look."""
    template = template_or_error(protocol, payload.get("template"))
    complete = payload.get("complete", True) is not False
    fields = check_values(template, payload.get("fields", {}), complete=complete)
    warnings = minutes_warnings(protocol, template, fields)
    return {
        "fields": fields,
        "warnings": [{"field": w.field, "message": w.message} for w in warnings],
    }


def handle_save_draft(protocol: Protocol, payload: Mapping[str, Any]) -> dict[str, Any]:
    """{template, fields} -> {json, filename}: a draft for the practitioner's own disk."""
    template = template_or_error(protocol, payload.get("template"))
    text = draft_text(protocol, template, payload.get("fields", {}))
    return {"json": text, "filename": draft_filename(template)}


def handle_open_draft(protocol: Protocol, payload: Mapping[str, Any]) -> dict[str, Any]:
    """{text} or {base64: the file's bytes} -> {template, fields, warnings}; problems name
    the draft's fields. The page sends the bytes, so that the encoding is checked here."""
    given = payload.get("base64")
    draft = read_draft(protocol, payload.get("text") if given is None else _base64(given, "draft"))
    return {
        "template": draft["template"].id,
        "fields": draft["fields"],
        "warnings": draft["warnings"],
    }


def _base64(value: Any, field: str) -> bytes:
    if not isinstance(value, str) or not value:
        raise InputError.one(field, "expected the blank template's bytes as base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise InputError.one(field, "expected base64 text") from None
