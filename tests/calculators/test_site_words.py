"""The site's own words and menu (`site:`), read and checked like the rest of the protocol."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping


def test_the_menu_is_mkdocs_navigation_in_the_protocols_words(protocol: Protocol) -> None:
    nav = protocol.site.nav
    assert nav[0] == {"Home": "index.md"}
    assert {
        "Calculators": [
            {"Risk indicators": "calculators/risk.md"},
            {"Due dates": "calculators/dates.md"},
        ]
    } in nav
    assert {"Forms": ["forms/index.md"]} in nav  # no label: the page's own title


def test_the_warning_signs_are_the_clause_2_1_the_protocol_names(protocol: Protocol) -> None:
    clause = protocol.clause(protocol.site.warning_signs)
    assert clause.id == "2.1"
    assert "".join(item.label for item in clause.items) == "SAFEGUARD"


@pytest.mark.parametrize(
    ("change", "path", "expected"),
    [
        (lambda s: s.update(warning_signs="2.9"), "site.warning_signs", "2.9"),
        (lambda s: s["menu"][0].update(page="/index.md"), "site.menu[0].page", "under docs/"),
        (lambda s: s["menu"][0].update(pages=[{"page": "a.md"}]), "site.menu[0]", "either page:"),
        (lambda s: s["menu"][1].pop("label"), "site.menu[1].label", "the group's label"),
        (lambda s: s.pop("description"), "site", "description"),
    ],
)
def test_a_broken_site_block_is_refused_naming_the_item(
    protocol_data: dict[str, Any], change: Any, path: str, expected: str
) -> None:
    data = copy.deepcopy(protocol_data)
    change(data["site"])
    with pytest.raises(ProtocolError) as error:
        protocol_from_mapping(data)
    assert error.value.path.startswith(path)
    assert expected in str(error.value)
