"""Fill a blank Word template with the standard library only (runs in Pyodide).

The blank (written at build time by `handbook.build.docx_templates`) marks each place a
value goes with a block-level content control (`w:sdt`) whose `w:tag` is the
field id; the cells of a repeatable group's one template row are tagged
`field-id/column-id`. Filling replaces each control with paragraphs of the value,
clones the template row once per entry (and removes it), and leaves every other
part of the package byte-for-byte as it was.

ElementTree does the escaping. Two of its habits are handled here: it renames
namespace prefixes it was not told about (so every namespace declared in the part
is registered before parsing), and it drops declarations no element uses (so they
are put back, which keeps the prefixes named in `mc:Ignorable` declared; Word asks
to repair a file whose ignorable prefix is undeclared).
"""

from __future__ import annotations

import copy
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from typing import Any
from xml.etree import ElementTree as ET

from calculators.documents.drafts import check_values
from calculators.documents.field_types import display_value, field_type
from calculators.errors import InputError
from calculators.protocol import Field, Template

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
CONTENT_TYPES = "[Content_Types].xml"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
MAX_BLANK_BYTES = 5_000_000
ROW_TAG_SEPARATOR = "/"  # never in an id (letters, digits, '-', '_', '.')

_SDT, _SDT_PR, _SDT_CONTENT = f"{{{W}}}sdt", f"{{{W}}}sdtPr", f"{{{W}}}sdtContent"
_TAG, _VAL = f"{{{W}}}tag", f"{{{W}}}val"
_P, _P_PR, _R, _T = f"{{{W}}}p", f"{{{W}}}pPr", f"{{{W}}}r", f"{{{W}}}t"
_BR, _TAB, _TR = f"{{{W}}}br", f"{{{W}}}tab", f"{{{W}}}tr"
_BIDI, _R_PR, _RTL = f"{{{W}}}bidi", f"{{{W}}}rPr", f"{{{W}}}rtl"
# The w:pPr children that the schema (CT_PPrBase) puts after w:bidi.
_AFTER_BIDI = frozenset(
    f"{{{W}}}{name}"
    for name in (
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    )
)
_AUTOMATIC_PREFIX = re.compile(r"ns\d+$")


def row_tag(field_id: str, column_id: str) -> str:
    """The tag of a column's control in a repeatable group's template row."""
    return f"{field_id}{ROW_TAG_SEPARATOR}{column_id}"


def fill_docx(blank: bytes, template: Template, values: Mapping[str, Any]) -> bytes:
    """Return a filled copy of `blank` with `values` (checked against `template`) in place.

    Raises InputError naming the field for a value that cannot go in the document,
    and naming "blank" for a blank that is not this template's Word document.
    """
    clean = check_values(template, values, complete=False)
    if not isinstance(blank, bytes | bytearray) or len(blank) > MAX_BLANK_BYTES:
        raise InputError.one(
            "blank", f"expected a Word document of at most {MAX_BLANK_BYTES:,} bytes"
        )
    try:
        source = zipfile.ZipFile(io.BytesIO(blank))
    except zipfile.BadZipFile:
        raise InputError.one("blank", "the blank template is not a Word document") from None
    with source:
        infos = source.infolist()
        if not infos or infos[0].filename != CONTENT_TYPES:
            raise InputError.one("blank", f"a Word document starts with {CONTENT_TYPES}")
        main_part = _main_document_part(source)
        filled_part = _fill_part(source.read(main_part), template, clean)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in infos:
                data = filled_part if info.filename == main_part else source.read(info)
                member = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                member.compress_type = zipfile.ZIP_DEFLATED
                member.external_attr = info.external_attr
                target.writestr(member, data)
    return out.getvalue()


def filled_filename(template: Template) -> str:
    """The download's name: the template id only, never a child's name."""
    return f"{template.id}-completed.docx"


# The main part ------------------------------------------------------------------


def _main_document_part(source: zipfile.ZipFile) -> str:
    """The package's main document, found through its relationship, not by name."""
    try:
        root = ET.fromstring(source.read("_rels/.rels"))
    except (KeyError, ET.ParseError):
        raise InputError.one("blank", "the blank template has no readable _rels/.rels") from None
    for relationship in root.iter(f"{{{RELS_NS}}}Relationship"):
        if relationship.get("Type") == OFFICE_DOCUMENT:
            name = relationship.get("Target", "").lstrip("/")
            if name in source.namelist():
                return name
    raise InputError.one("blank", "the blank template has no main document part")


def _fill_part(xml: bytes, template: Template, values: Mapping[str, Any]) -> bytes:
    declared = _register_namespaces(xml)
    root = ET.fromstring(xml)
    parents = {child: parent for parent in root.iter() for child in parent}
    controls: dict[str, list[ET.Element]] = {}
    for sdt in root.iter(_SDT):
        tag = sdt.find(f"{_SDT_PR}/{_TAG}")
        if tag is not None and tag.get(_VAL):
            controls.setdefault(tag.get(_VAL), []).append(sdt)

    for field in template.fields:
        if field_type(field).repeated:
            _fill_rows(field, values.get(field.id, []), controls, parents)
        else:
            places = controls.get(field.id, [])
            if not places:
                raise InputError.one("blank", f"the blank template has no place for {field.id!r}")
            for sdt in places:
                _replace_control(sdt, parents, display_value(field, values.get(field.id)))

    _keep_declarations(root, declared)
    text = ET.tostring(root, encoding="unicode")
    return XML_DECLARATION + text.encode("utf-8")


def _fill_rows(
    field: Field,
    rows: list[Mapping[str, str]],
    controls: Mapping[str, list[ET.Element]],
    parents: dict[ET.Element, ET.Element],
) -> None:
    template_rows = set()
    for column in field.columns:
        for sdt in controls.get(row_tag(field.id, column.id), []):
            template_rows.add(_ancestor(sdt, _TR, parents))
    if len(template_rows) != 1 or None in template_rows:
        raise InputError.one("blank", f"the blank template has no single row for {field.id!r}")
    template_row = template_rows.pop()
    table = parents[template_row]
    position = list(table).index(template_row)
    for offset, row in enumerate(rows, start=1):
        clone = copy.deepcopy(template_row)
        clone_parents = {child: parent for parent in clone.iter() for child in parent}
        for sdt in list(clone.iter(_SDT)):
            tag = sdt.find(f"{_SDT_PR}/{_TAG}")
            column_id = (
                tag.get(_VAL, "").rpartition(ROW_TAG_SEPARATOR)[2] if tag is not None else ""
            )
            _replace_control(sdt, clone_parents, row.get(column_id, ""))
        table.insert(position + offset, clone)
    table.remove(template_row)


def _ancestor(element: ET.Element, tag: str, parents: dict[ET.Element, ET.Element]):
    while element in parents:
        element = parents[element]
        if element.tag == tag:
            return element
    return None


def _replace_control(sdt: ET.Element, parents: dict[ET.Element, ET.Element], text: str) -> None:
    """Put the text where the control is: paragraphs at block level, runs inside a paragraph."""
    parent = parents[sdt]
    index = list(parent).index(sdt)
    content = sdt.find(_SDT_CONTENT)
    first = content.find(_P) if content is not None else None
    parent.remove(sdt)
    if parent.tag == _P:  # an inline control: one run, paragraphs as two line breaks
        parent.insert(index, _run(text))
        return
    properties = first.find(_P_PR) if first is not None else None
    for offset, part in enumerate(text.split("\n\n")):
        paragraph = ET.Element(_P)
        if properties is not None:
            paragraph.append(copy.deepcopy(properties))
        if right_to_left(part):
            _set_bidi(paragraph)
        if part:
            paragraph.append(_run(part))
        parent.insert(index + offset, paragraph)


def right_to_left(text: str) -> bool:
    """True when the first letter with a direction is in a right-to-left script (Arabic, Hebrew…)."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _set_bidi(paragraph: ET.Element) -> None:
    """Mark a paragraph right-to-left: w:bidi, in the place the schema gives it within w:pPr."""
    properties = paragraph.find(_P_PR)
    if properties is None:
        properties = ET.Element(_P_PR)
        paragraph.insert(0, properties)
    if properties.find(_BIDI) is not None:
        return
    later = [i for i, child in enumerate(properties) if child.tag in _AFTER_BIDI]
    properties.insert(later[0] if later else len(properties), ET.Element(_BIDI))


def _run(text: str) -> ET.Element:
    """One run: line breaks become w:br, tabs w:tab, spaces kept as typed; w:rtl for RTL text."""
    run = ET.Element(_R)
    if right_to_left(text):
        ET.SubElement(ET.SubElement(run, _R_PR), _RTL)
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            ET.SubElement(run, _BR)
        for piece_number, piece in enumerate(line.split("\t")):
            if piece_number:
                ET.SubElement(run, _TAB)
            if piece:
                element = ET.SubElement(run, _T)
                element.text = piece
                element.set(XML_SPACE, "preserve")
    return run


# Namespaces -----------------------------------------------------------------------


def _register_namespaces(xml: bytes) -> dict[str, str]:
    """Register every prefix the part declares, so ElementTree writes the same ones."""
    declared: dict[str, str] = {}
    for _, (prefix, uri) in ET.iterparse(io.BytesIO(xml), events=("start-ns",)):
        if not prefix:
            raise InputError.one("blank", "the blank template uses a default namespace")
        if prefix in declared and declared[prefix] != uri:
            raise InputError.one("blank", f"the prefix {prefix!r} names two namespaces")
        declared[prefix] = uri
        if prefix != "xml" and not _AUTOMATIC_PREFIX.match(prefix):
            ET.register_namespace(prefix, uri)
    return declared


def _keep_declarations(root: ET.Element, declared: Mapping[str, str]) -> None:
    """Declare again on the root each namespace ElementTree would drop as unused."""
    used = set()
    for element in root.iter():
        for name in (element.tag, *element.attrib):
            if name.startswith("{"):
                used.add(name[1:].partition("}")[0])
    for prefix, uri in declared.items():
        if uri not in used and prefix != "xml":
            root.set(f"xmlns:{prefix}", uri)
    ignorable = root.get(f"{{{MC}}}Ignorable", "").split()
    missing = [prefix for prefix in ignorable if prefix not in declared]
    if missing:
        raise InputError.one("blank", f"mc:Ignorable names undeclared prefixes {missing}")
