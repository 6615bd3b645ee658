"""The README's examples for the protocol owner are edits the protocol accepts, with the
effect the README says: a rule, a section and a risk method added by YAML alone."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml

from calculators.dates import request as dates_request
from calculators.protocol import Protocol, protocol_from_mapping
from handbook.build.loader import load_protocol

README = Path(__file__).resolve().parents[2] / "README.md"


def examples() -> list[str]:
    """The README's YAML blocks, in order."""
    return re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def example(starting: str) -> Any:
    [block] = [b for b in examples() if b.lstrip().startswith(starting)]
    return yaml.safe_load(block)


def edited(change: Any) -> Protocol:
    data = copy.deepcopy(load_protocol().data)
    change(data)
    return protocol_from_mapping(data)


def test_the_readmes_rule_is_accepted_and_among_the_due_dates() -> None:
    rule = example("timing:")["timing"]
    protocol = edited(lambda data: data["timing"].update(rule))
    [added] = rule
    answers = dates_request.handle_dates(protocol, {"today": "2027-01-05"})["answers"]
    assert f"{added}_due" in [answer["id"] for answer in answers]


def test_the_readmes_section_is_accepted_after_the_last_section() -> None:
    """The README adds section 7 to the directive's six; on a protocol that already has
    more, the same section comes next under the next number."""
    [section] = example("- number: 7")
    last = load_protocol().protocol.sections[-1].number
    number = max(7, last + 1)
    section = {
        **section,
        "number": number,
        "clauses": [{**c, "id": f"{number}.{c['id'].split('.')[1]}"} for c in section["clauses"]],
    }
    protocol = edited(lambda data: data["sections"].append(section))
    assert protocol.sections[-1].number == number
    assert protocol.clause(f"{number}.1").text == section["clauses"][0]["text"]


def test_the_readmes_weighted_method_names_bands_from_zero_up() -> None:
    rule = example("risk_rule:")["risk_rule"]
    assert rule["method"] == "weighted_bands"
    bands = rule["bands"]
    assert bands[0]["min_score"] == 0 and "max_score" not in bands[-1]
    for lower, upper in zip(bands, bands[1:], strict=False):
        assert upper["min_score"] == lower["max_score"] + 1
