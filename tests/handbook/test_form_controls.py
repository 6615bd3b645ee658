"""The form pages draw each field by its type's control kind (calculators.documents.field_types)."""

from __future__ import annotations

from calculators.documents.field_types import FIELD_TYPES
from calculators.protocol import protocol_from_mapping
from handbook.build.loader import load_protocol
from handbook.pages.forms import CONTROL_HTML, field_html


def test_every_control_kind_of_the_field_types_has_its_html() -> None:
    assert {kind.control for kind in FIELD_TYPES.values()} == set(CONTROL_HTML)


def test_each_field_of_newhams_forms_is_drawn_with_its_own_control() -> None:
    protocol = protocol_from_mapping(load_protocol().data)
    fields = [f for t in protocol.templates for s in t.sections for f in s.fields]
    seen = set()
    for field in fields:
        html = field_html(field)
        kind = FIELD_TYPES[field.type]
        seen.add(kind.control)
        assert html.startswith(f'<div class="field" id="f-{field.id}-field"'), field.id
        assert html.endswith("</div>")
        if kind.control == "value":
            assert (f'<textarea id="f-{field.id}"' in html) is kind.multiline, field.id
        elif kind.control == "parts":
            assert all(f'id="f-{field.id}-{part}"' in html for part in kind.parts), field.id
        elif kind.control == "radios":
            assert html.count('type="radio"') == len(field.options), field.id
        else:
            assert f'data-row-template="{field.id}"' in html, field.id
    assert seen == set(CONTROL_HTML), "Newham's forms use every control kind"
