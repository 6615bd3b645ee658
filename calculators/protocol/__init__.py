"""The directive as frozen dataclasses, built from plain data and validated.

This package receives the protocol as a mapping (parsed from YAML at build time,
or from JSON in the browser) and never reads files. Every problem is reported as
a `ProtocolError` naming the path of the bad item, e.g.
`sections[3].clauses[5].text`, and what was expected.

- `model.py` and `timing.py`: the dataclasses; each field is written once there.
- `reading.py`: the generic reader, driven by the dataclasses' fields.
- `references.py`: checks across the file (ids, references in clause text).
- `primitives.py`: the error and the checks of one value.
"""

from __future__ import annotations

from typing import Any

from calculators.protocol.categories import Categories, Category, Domain, Indicator, Level
from calculators.protocol.model import (
    FIELD_TYPE_NAMES,
    HANDOFF_TEXT,
    Abbreviation,
    ChangeLogEntry,
    Clause,
    Column,
    Contact,
    EditorialNote,
    Field,
    HandOffRule,
    Item,
    Metadata,
    Protocol,
    Section,
    Template,
    TemplateSection,
)
from calculators.protocol.primitives import WEEKDAYS, ProtocolError
from calculators.protocol.reading import read
from calculators.protocol.references import REFERENCE, check_references
from calculators.protocol.risk_rule import RISK_SENTENCES, Band, Prompt, RiskRule
from calculators.protocol.status import Decision, EditionWording
from calculators.protocol.timing import (
    RULE_KINDS,
    BankHoliday,
    BankHolidays,
    DeadlineBefore,
    MonthlyDeadline,
    MonthlyMeeting,
    PanelChange,
    RecurringReview,
    Timing,
    TimingRule,
)
from calculators.protocol.training import (
    SCENARIO_MIN_CHARACTERS,
    Induction,
    InductionStep,
    Language,
    LanguageTerm,
    MapEdge,
    MapNode,
    ProcessMap,
    Role,
    Scenario,
    ScenarioDates,
)

# The rules' older class names, kept for old imports.
ReferralRule = DeadlineBefore
ReportRule = MonthlyDeadline
StrategyRule = RecurringReview


def protocol_from_mapping(data: Any) -> Protocol:
    """Validate the parsed protocol file and return the frozen model."""
    protocol = read(Protocol, data, "")
    check_references(protocol)
    return protocol


__all__ = [
    "ScenarioDates",
    "Scenario",
    "Role",
    "ProcessMap",
    "MapNode",
    "MapEdge",
    "LanguageTerm",
    "Language",
    "InductionStep",
    "Induction",
    "SCENARIO_MIN_CHARACTERS",
    "FIELD_TYPE_NAMES",
    "HANDOFF_TEXT",
    "RISK_SENTENCES",
    "REFERENCE",
    "RULE_KINDS",
    "WEEKDAYS",
    "Abbreviation",
    "Band",
    "BankHoliday",
    "BankHolidays",
    "Categories",
    "Category",
    "ChangeLogEntry",
    "Clause",
    "Column",
    "Contact",
    "Decision",
    "EditionWording",
    "DeadlineBefore",
    "Domain",
    "EditorialNote",
    "Field",
    "HandOffRule",
    "Indicator",
    "Item",
    "Level",
    "Metadata",
    "MonthlyDeadline",
    "MonthlyMeeting",
    "PanelChange",
    "Prompt",
    "Protocol",
    "ProtocolError",
    "RecurringReview",
    "ReferralRule",
    "ReportRule",
    "RiskRule",
    "Section",
    "StrategyRule",
    "Template",
    "TemplateSection",
    "Timing",
    "TimingRule",
    "protocol_from_mapping",
]
