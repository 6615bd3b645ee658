"""The blank Word templates, written at build time with python-docx (CPython only).

Each template in protocol.yaml becomes a real Word document: a title, the notes,
where to email it, a table per section (label | value) and a table with a header
row for each repeatable group, and a footer with the organisation, the template's
name and the protocol version.

Where a value goes, the blank holds a block-level content control (`w:sdt`) whose
`w:tag` is the field id, or `field-id/column-id` in the one template row of a
repeatable group. `calculators.documents.docx.fill_docx` finds those tags (no
guessing) in the browser with the standard library only.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from calculators.documents.docx import row_tag
from calculators.documents.field_types import field_type
from calculators.documents.text import ADDED_NOTICE, PROPOSED_NOTICE
from calculators.protocol import Field, Protocol, Template
from handbook.pages.components import section_guidance

CURRENT_VERSION_REMINDER = "Check you are using the current version"
HINT_COLOUR = RGBColor(0x50, 0x5A, 0x5F)
LABEL_SHADING = "F3F2F1"
_ALIAS_LIMIT = 64


# Entry points ---------------------------------------------------------------


def write_blank_templates(protocol: Protocol, folder: Path) -> list[Path]:
    """Write `<template id>.docx` for every template into `folder`; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for template in protocol.templates:
        path = folder / blank_filename(template)
        path.write_bytes(blank_template_docx(protocol, template))
        written.append(path)
    return written


def blank_filename(template: Template) -> str:
    return f"{template.id}.docx"


def blank_template_docx(protocol: Protocol, template: Template) -> bytes:
    """The blank template as .docx bytes; the same definition always gives the same bytes."""
    document = docx.Document()
    _page_setup(document)
    _properties(document, protocol, template)
    _footer(document, protocol, template)

    document.add_heading(template.title, level=1)
    if template.proposed:
        _hint_paragraph(document, PROPOSED_NOTICE, bold=True)
    if template.description:
        document.add_paragraph(template.description)
    for note in template.notes:
        document.add_paragraph().add_run(note).bold = True
    if template.email_to:
        contacts = [protocol.contact(contact_id) for contact_id in template.email_to]
        addresses = "; ".join(f"{c.name} <{c.email}>" for c in contacts)
        document.add_paragraph(f"Email the completed form to: {addresses}")

    control_ids = iter(range(1, 1_000_000))
    for section in template.sections:
        document.add_heading(section.title, level=2)
        for line in section_guidance(protocol, section):
            _hint_paragraph(document, line)
        singles: list[Field] = []  # consecutive fields share a label | value table
        for field in (*section.fields, None):
            if field is not None and not field_type(field).repeated:
                singles.append(field)
                continue
            if singles:
                _fields_table(document, singles, control_ids)
                singles = []
            if field is not None:
                if field.label != section.title:
                    document.add_paragraph().add_run(field.label).bold = True
                if field.help:
                    _hint_paragraph(document, field.help)
                _rows_table(document, field, control_ids)

    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible(buffer.getvalue(), protocol)


# Document parts ---------------------------------------------------------------


def _page_setup(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)


def _properties(document: docx.document.Document, protocol: Protocol, template: Template) -> None:
    properties = document.core_properties
    properties.title = template.title
    properties.author = protocol.metadata.organisation
    properties.last_modified_by = protocol.metadata.organisation
    properties.subject = protocol.metadata.title
    properties.comments = f"Protocol version {protocol.metadata.version}"
    properties.revision = 1


def footer_text(protocol: Protocol, template: Template) -> str:
    """The footer of every blank and filled copy of a template."""
    return (
        f"{protocol.metadata.organisation} · {template.title} · "
        f"Protocol version {protocol.metadata.version} · {CURRENT_VERSION_REMINDER}"
    )


def _footer(document: docx.document.Document, protocol: Protocol, template: Template) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    run = paragraph.add_run(footer_text(protocol, template))
    run.font.size = Pt(8)
    run.font.color.rgb = HINT_COLOUR


def _hint_paragraph(document: docx.document.Document, text: str, bold: bool = False) -> None:
    run = document.add_paragraph().add_run(text)
    run.italic = not bold
    run.bold = bold
    run.font.color.rgb = HINT_COLOUR


def _fields_table(document: docx.document.Document, fields: list[Field], ids) -> None:
    table = document.add_table(rows=len(fields), cols=2)
    table.style = "Table Grid"
    table.autofit = False
    for row, field in zip(table.rows, fields, strict=True):
        label_cell, value_cell = row.cells
        label_cell.width, value_cell.width = Cm(6), Cm(11)
        _shade(label_cell)
        label = label_cell.paragraphs[0]
        label.add_run(field.label).bold = True
        if field.added:  # not on the source form: said so, as a proposed template is
            added = label_cell.add_paragraph().add_run(ADDED_NOTICE)
            added.bold = True
            added.font.size = Pt(9)
            added.font.color.rgb = HINT_COLOUR
        if field.help:
            hint = label_cell.add_paragraph().add_run(field.help)
            hint.italic = True
            hint.font.size = Pt(9)
            hint.font.color.rgb = HINT_COLOUR
        placeholder = field_type(field).placeholder(field)
        _replace_with_control(value_cell, field.id, field.label, placeholder, next(ids))


def _rows_table(document: docx.document.Document, field: Field, ids) -> None:
    """A header row, then the one template row the filler clones for each entry."""
    table: Table = document.add_table(rows=2, cols=len(field.columns))
    table.style = "Table Grid"
    header, template_row = table.rows
    _repeat_as_header(header)
    for cell, column in zip(header.cells, field.columns, strict=True):
        _shade(cell)
        cell.paragraphs[0].add_run(column.label).bold = True
    for cell, column in zip(template_row.cells, field.columns, strict=True):
        tag = row_tag(field.id, column.id)
        _replace_with_control(cell, tag, f"{field.label}: {column.label}", "", next(ids))


# XML helpers ------------------------------------------------------------------


def _replace_with_control(cell, tag: str, alias: str, placeholder: str, control_id: int) -> None:
    """Put a rich-text content control tagged `tag` where the cell's empty paragraph was."""
    tc = cell._tc
    empty = tc.findall(qn("w:p"))
    sdt = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    for name, value in (
        ("w:alias", alias[:_ALIAS_LIMIT]),
        ("w:tag", tag),
        ("w:id", str(control_id)),
    ):
        element = OxmlElement(name)
        element.set(qn("w:val"), value)
        properties.append(element)
    sdt.append(properties)
    content = OxmlElement("w:sdtContent")
    paragraph = OxmlElement("w:p")
    if placeholder:
        run = OxmlElement("w:r")
        run_properties = OxmlElement("w:rPr")
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), str(HINT_COLOUR))
        run_properties.append(colour)
        run.append(run_properties)
        text = OxmlElement("w:t")
        text.text = placeholder
        run.append(text)
        paragraph.append(run)
    content.append(paragraph)
    sdt.append(content)
    for p in empty:
        tc.remove(p)
    tc.append(sdt)


def _shade(cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), LABEL_SHADING)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_as_header(row) -> None:
    header = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(header)


def _reproducible(data: bytes, protocol: Protocol) -> bytes:
    """Rewrite the zip with fixed member dates, so a build is byte-for-byte repeatable."""
    effective = protocol.metadata.effective_date
    stamp = (max(effective.year, 1980), effective.month, effective.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            target.writestr(member, source.read(info))
    return out.getvalue()
