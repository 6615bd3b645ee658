"""The directive as frozen dataclasses. Each field is written once, here.

The reader (`reading.py`) reads each field by its type hint and its metadata, so
a new field in the protocol file is one line in its dataclass, e.g.
`theme: str | None = field(default=None, metadata=identifier())`. Checks across
a dataclass's own fields are its `validate(path)`; checks across the whole file
are in `references.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from calculators.protocol.categories import Categories, Category, Domain, Indicator
from calculators.protocol.primitives import ProtocolError, find, unique, unique_nested
from calculators.protocol.reading import (
    checked,
    choice,
    identifier,
    items,
    refers_to,
    spec,
)
from calculators.protocol.reading import whole as whole_number
from calculators.protocol.risk_rule import RiskRule
from calculators.protocol.site import Site
from calculators.protocol.status import EDITION_STATES, Decision, EditionWording, check_approval
from calculators.protocol.timing import Timing
from calculators.protocol.training import Induction, Language, ProcessMap, Role, Scenario

FIELD_TYPE_NAMES = ("text", "textarea", "date", "choice", "rows", "number")
# What a field records, when the protocol says: "level" marks a field a form names for
# the risk level or category. Only the level a meeting agreed fills it (references.py).
FIELD_RECORDS = ("level",)
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,24}[0-9]$")
_CLAUSE_ID = re.compile(r"^[1-9][0-9]*\.[1-9][0-9]*$")


def an_email(value: str, path: str) -> str:
    if not _EMAIL.match(value):
        raise ProtocolError(
            path, f"expected an email address like name@example.gov.uk, got {value!r}"
        )
    return value


def a_clause_number(value: str, path: str) -> str:
    if not _CLAUSE_ID.match(value):
        raise ProtocolError(
            path, f'expected a clause number like "6.13" (in quotes), got {value!r}'
        )
    return value


@dataclass(frozen=True)
class Metadata:
    """The protocol's title, organisation, version, dates and status."""

    title: str
    short_title: str
    organisation: str
    version: str
    effective_date: date
    next_review_date: date
    owner: str
    purpose: str
    sources_intro: str
    sources: tuple[str, ...] = field(metadata=items(1))
    # The owner's to set (status.py): draft until approved, by whom and when.
    status: str = field(metadata=choice(EDITION_STATES))
    approved_by: str | None
    approved_on: date | None
    handbook_wording: EditionWording

    @property
    def approved(self) -> bool:
        return self.status == EDITION_STATES[-1]

    def validate(self, path: str) -> None:
        check_approval(self.status, self.approved_by, self.approved_on, path)


@dataclass(frozen=True)
class Contact:
    """A named contact and how to reach them."""

    id: str = field(metadata=identifier())
    name: str
    email: str = field(metadata=checked(an_email))
    role: str
    organisation: str
    personal: bool
    used_in: tuple[str, ...] = field(metadata=refers_to("use"))


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation the directive uses and what it stands for."""

    abbr: str
    expansion: str
    # The directive uses the term without saying what it means: the expansion is the
    # handbook's reading, for the protocol owner to confirm.
    to_confirm: bool = False


@dataclass(frozen=True)
class Item:
    """One labelled item of a clause's list."""

    label: str
    text: str = field(metadata=refers_to("text"))


@dataclass(frozen=True)
class Clause:
    """One clause of the directive, word for word, with its list if it has one."""

    id: str = field(metadata=checked(a_clause_number))
    text: str = field(metadata=refers_to("text"))
    items: tuple[Item, ...] = ()
    note: str | None = None
    # The text is a label the handbook adds (2.1's lead-in), not the directive's words.
    handbook_label: bool = False

    @property
    def anchor(self) -> str:
        """The stable HTML anchor, in the directive's own numbering: clause-6-13."""
        return "clause-" + self.id.replace(".", "-")


@dataclass(frozen=True)
class Section:
    """A numbered section of the directive and its clauses."""

    number: int = field(metadata=whole_number(1))
    title: str
    clauses: tuple[Clause, ...] = field(metadata=items(1))

    def validate(self, path: str) -> None:
        number = self.number
        for index, clause in enumerate(self.clauses):
            if not clause.id.startswith(f"{number}."):
                raise ProtocolError(
                    f"{path}.clauses[{index}].id",
                    f"expected a clause of section {number} ({number}.1, {number}.2, …), "
                    f"got {clause.id!r}",
                )
        for index, (before, clause) in enumerate(
            zip(self.clauses, self.clauses[1:], strict=False), start=1
        ):
            if int(clause.id.split(".")[1]) < int(before.id.split(".")[1]):  # same: a duplicate
                raise ProtocolError(
                    f"{path}.clauses[{index}].id",
                    f"expected the clauses in order: {clause.id!r} comes after {before.id!r}",
                )


EditorialNote = Decision  # the older name: every owner note is now a decision


def one_number_slot(value: str, path: str) -> str:
    if value.count("{number}") != 1:
        raise ProtocolError(
            path, "expected the sentence with {number} once, where the out-of-hours number goes"
        )
    return value


def a_phone_number(value: str, path: str) -> str:
    if not _PHONE.match(value):
        raise ProtocolError(
            path,
            f'expected a telephone number of digits and spaces, e.g. "020 8430 2000", got {value!r}',
        )
    return value


@dataclass(frozen=True)
class ImmediateDanger:
    """What to do when a child is in immediate danger: the handbook's words, not the directive's.

    `out_of_hours` holds "{number}" where `out_of_hours_number` goes; while the
    number is not filled in, the out-of-hours line is not shown at all. `note` is the
    editorial note asking the protocol owner to confirm the wording.
    """

    text: str
    out_of_hours: str = field(metadata=checked(one_number_slot))
    out_of_hours_number: str | None = field(
        metadata=spec(
            check=a_phone_number,
            not_text='expected the telephone number in quotes, e.g. "020 8430 2000"',
        )
    )
    note: str = field(metadata=refers_to("note"))

    @property
    def out_of_hours_line(self) -> str | None:
        if self.out_of_hours_number is None:
            return None
        return self.out_of_hours.replace("{number}", self.out_of_hours_number)


@dataclass(frozen=True)
class CaseReferenceWording:
    """The calendar file's case reference: a reference, never a name or a date of birth.

    Each problem's sentence names the rule (calculators/dates/case_reference.py checks it).
    """

    label: str
    hint: str
    not_a_reference: str  # spaces between words, or characters a reference never has
    looks_like_a_name: str  # no digit at all
    looks_like_a_date: str  # a date, as a date of birth is written


@dataclass(frozen=True)
class CalendarFile:
    """The handbook's words for the calendar file the due-dates page makes."""

    case_reference: CaseReferenceWording


@dataclass(frozen=True)
class ChangeLogEntry:
    """One entry of the protocol's change log."""

    version: str
    date: date
    summary: str


@dataclass(frozen=True)
class Column:
    """A column of a field made of rows."""

    id: str = field(metadata=identifier())
    label: str


@dataclass(frozen=True)
class Field:
    """One field of a form: its label, type and what it records."""

    id: str = field(metadata=identifier())
    label: str
    type: str = field(metadata=choice(FIELD_TYPE_NAMES))
    required: bool = False
    help: str | None = None
    options: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()
    added: bool = False  # not on the source form: an addition by the handbook
    # "level": the form names this field for the risk level or category (6.3, 6.9).
    records: str | None = field(default=None, metadata=choice(FIELD_RECORDS))

    @property
    def records_level(self) -> bool:
        return self.records == "level"

    def validate(self, path: str) -> None:
        if self.type == "choice" and not self.options:
            raise ProtocolError(f"{path}.options", "expected a list of options for a choice field")
        if self.type == "rows" and not self.columns:
            raise ProtocolError(f"{path}.columns", "expected a list of columns for a rows field")
        unique(((c.id, f"{path}.columns[{i}].id") for i, c in enumerate(self.columns)), "column id")


HANDOFF_TEXT = "text"  # a hand-off source: the answer as text for the case record


@dataclass(frozen=True)
class HandOffRule:
    """Answers one form passes to another: `fields` maps the target's field to a source,
    a field of this template or "text" (checked in references.py)."""

    to: str = field(metadata=identifier())
    label: str
    fields: tuple[tuple[str, str], ...] = field(metadata=spec(pairs=True))


@dataclass(frozen=True)
class TemplateSection:
    """A part of a template; `clauses` are shown with it, quoted from the directive."""

    id: str = field(metadata=identifier())
    title: str
    fields: tuple[Field, ...] = field(metadata=items(1))
    help: str | None = None
    clauses: tuple[str, ...] = field(default=(), metadata=refers_to("clause"))


@dataclass(frozen=True)
class Template:
    """One of the directive's forms, filled in and downloaded as a Word document."""

    id: str = field(metadata=identifier())
    title: str
    clauses: tuple[str, ...] = field(metadata=refers_to("clause"))
    sections: tuple[TemplateSection, ...] = field(metadata=items(1))
    appendix: bool = False
    proposed: bool = False
    description: str | None = None
    notes: tuple[str, ...] = ()
    email_to: tuple[str, ...] = field(default=(), metadata=refers_to("contact"))
    handoffs: tuple[HandOffRule, ...] = ()
    # The calculator that fills this template (e.g. "risk"): its page in the handbook
    # then lists the template's fields instead of offering a form to type into.
    filled_by: str | None = field(default=None, metadata=identifier())

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for s in self.sections for f in s.fields)

    def handoff(self, to: str) -> HandOffRule:
        return find(self.handoffs, "to", to, "hand-off")

    def validate(self, path: str) -> None:
        unique_nested(self.sections, f"{path}.sections", "fields", "id", "field id")


@dataclass(frozen=True)
class Protocol:
    """The whole protocol as read from the file: the one source every page and calculator reads."""

    metadata: Metadata
    contacts: tuple[Contact, ...]
    glossary: tuple[Abbreviation, ...]
    sections: tuple[Section, ...]
    categories: Categories
    risk_rule: RiskRule
    timing: Timing
    decisions: tuple[Decision, ...]
    changelog: tuple[ChangeLogEntry, ...]
    templates: tuple[Template, ...]
    immediate_danger: ImmediateDanger
    calendar_file: CalendarFile
    # Training (issue 11): after `categories`, whose levels a scenario's category names.
    roles: tuple[Role, ...] = field(metadata=items(1))
    induction: Induction
    process_map: ProcessMap
    scenarios: tuple[Scenario, ...] = field(metadata=items(1))
    language: Language
    site: Site

    @property
    def editorial_notes(self) -> tuple[Decision, ...]:
        """The older name of `decisions`."""
        return self.decisions

    @property
    def open_decisions(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.is_open)

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(c for s in self.sections for c in s.clauses)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for d in self.categories.domains for i in d.indicators)

    def clause(self, clause_id: str) -> Clause:
        return find(self.clauses, "id", clause_id, "clause")

    def section(self, number: int) -> Section:
        return find(self.sections, "number", number, "section")

    def contact(self, contact_id: str) -> Contact:
        return find(self.contacts, "id", contact_id, "contact")

    def indicator(self, indicator_id: str) -> Indicator:
        return find(self.indicators, "id", indicator_id, "indicator")

    def domain(self, domain_id: str) -> Domain:
        return find(self.categories.domains, "id", domain_id, "domain")

    def category(self, number: int) -> Category:
        return find(self.categories.levels, "number", number, "category")

    level = category

    def template(self, template_id: str) -> Template:
        return find(self.templates, "id", template_id, "template")

    def note(self, note_id: str) -> EditorialNote:
        return find(self.decisions, "id", note_id, "decision")

    def role(self, role_id: str) -> Role:
        return find(self.roles, "id", role_id, "role")

    def scenario(self, scenario_id: str) -> Scenario:
        return find(self.scenarios, "id", scenario_id, "scenario")
