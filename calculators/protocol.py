"""The directive as frozen dataclasses, built from plain data and validated.

This module receives the protocol as a mapping (parsed from YAML at build time,
or from JSON in the browser) and never reads files. Every problem is reported as
a `ProtocolError` naming the path of the bad item, e.g.
`sections[3].clauses[5].text`, and what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from calculators.calendar_rules import nth_weekday_of_month
from calculators.wording import ordinal, weekday_name

T = TypeVar("T")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CATEGORY_NUMBERS = (1, 2, 3)
FIELD_TYPES = ("text", "textarea", "date", "choice", "rows", "number")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_CLAUSE_ID = re.compile(r"^[1-9][0-9]*\.[1-9][0-9]*$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,24}[0-9]$")
# Clause text refers to data held once: {contact:cse-lead}, {rule:mase_panel}; and
# points elsewhere in the directive in its own words, which stay as written:
# {section:4|section 4}, {form:mase-referral|Appendices section}, {appendix:B|Appendices}.
REFERENCE = re.compile(r"\{(contact|rule|section|form|appendix):([^}|]*)(?:\|([^}]*))?\}")
RULE_NAMES = ("mase_panel", "mase_referral", "monthly_report", "strategy_meeting")
LINK_KINDS = ("section", "form", "appendix")
# The lettered appendices the directive has: B is the categories and indicators (`categories:`).
APPENDICES = ("B",)


class ProtocolError(ValueError):
    """A protocol item that is missing, malformed or inconsistent."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


# Model ----------------------------------------------------------------------


@dataclass(frozen=True)
class Metadata:
    title: str
    short_title: str
    organisation: str
    version: str
    effective_date: date
    next_review_date: date
    owner: str
    purpose: str
    sources_intro: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    email: str
    role: str
    organisation: str
    personal: bool
    used_in: tuple[str, ...]


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    expansion: str
    # The directive uses the term without saying what it means: the expansion is the
    # handbook's reading, for the protocol owner to confirm.
    to_confirm: bool = False


@dataclass(frozen=True)
class Item:
    label: str
    text: str


@dataclass(frozen=True)
class Clause:
    id: str
    text: str
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
    number: int
    title: str
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Category:
    number: int
    name: str
    definition: str
    local_wording: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Indicator:
    id: str
    domain: str
    category: int
    text: str


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    indicators: tuple[Indicator, ...]

    def in_category(self, number: int) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.category == number)


@dataclass(frozen=True)
class Categories:
    framework: str
    source: str
    levels: tuple[Category, ...]
    domains: tuple[Domain, ...]


@dataclass(frozen=True)
class RiskRule:
    id: str
    method: str
    clauses: tuple[str, ...]
    text: str
    none_ticked: str
    decision_support: str
    no_information: str


@dataclass(frozen=True)
class MonthlyMeeting:
    """A meeting held on the nth given weekday of every month."""

    clause: str
    name: str
    weekday: int
    week_of_month: int


@dataclass(frozen=True)
class ReferralRule:
    clause: str
    name: str
    days_before_panel: int


@dataclass(frozen=True)
class ReportRule:
    clause: str
    name: str
    weekday: int
    week_of_month: int
    send_to: str


@dataclass(frozen=True)
class StrategyRule:
    clause: str
    name: str
    min_weeks: int
    max_weeks: int
    out_of_borough_clause: str
    out_of_borough_reminder: str


@dataclass(frozen=True)
class PanelChange:
    date: date
    moved_to: date | None
    cancelled: bool
    reason: str


@dataclass(frozen=True)
class BankHoliday:
    date: date
    name: str


@dataclass(frozen=True)
class BankHolidays:
    country: str
    subdivision: str
    years_before: int
    years_after: int
    dates: tuple[BankHoliday, ...] = ()


@dataclass(frozen=True)
class Timing:
    mase_panel: MonthlyMeeting
    mase_referral: ReferralRule
    monthly_report: ReportRule
    strategy_meeting: StrategyRule
    panel_changes: tuple[PanelChange, ...]
    bank_holidays: BankHolidays


@dataclass(frozen=True)
class EditorialNote:
    id: str
    title: str
    text: str


@dataclass(frozen=True)
class ImmediateDanger:
    """What to do when a child is in immediate danger: the handbook's words, not the directive's.

    `out_of_hours` holds "{number}" where `out_of_hours_number` goes; while the
    number is not filled in, the out-of-hours line is not shown at all. `note` is the
    editorial note asking the protocol owner to confirm the wording.
    """

    text: str
    out_of_hours: str
    out_of_hours_number: str | None
    note: str

    @property
    def out_of_hours_line(self) -> str | None:
        if self.out_of_hours_number is None:
            return None
        return self.out_of_hours.replace("{number}", self.out_of_hours_number)


@dataclass(frozen=True)
class ChangeLogEntry:
    version: str
    date: date
    summary: str


@dataclass(frozen=True)
class Column:
    id: str
    label: str


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    type: str
    required: bool = False
    help: str | None = None
    options: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()


@dataclass(frozen=True)
class TemplateSection:
    """A part of a template; `clauses` are shown with it, quoted from the directive."""

    id: str
    title: str
    fields: tuple[Field, ...]
    help: str | None = None
    clauses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    clauses: tuple[str, ...]
    sections: tuple[TemplateSection, ...]
    appendix: bool = False
    proposed: bool = False
    description: str | None = None
    notes: tuple[str, ...] = ()
    email_to: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for s in self.sections for f in s.fields)


@dataclass(frozen=True)
class Protocol:
    metadata: Metadata
    contacts: tuple[Contact, ...]
    glossary: tuple[Abbreviation, ...]
    sections: tuple[Section, ...]
    categories: Categories
    risk_rule: RiskRule
    timing: Timing
    editorial_notes: tuple[EditorialNote, ...]
    changelog: tuple[ChangeLogEntry, ...]
    templates: tuple[Template, ...]
    immediate_danger: ImmediateDanger

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(c for s in self.sections for c in s.clauses)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for d in self.categories.domains for i in d.indicators)

    def clause(self, clause_id: str) -> Clause:
        return _find(self.clauses, "id", clause_id, "clause")

    def section(self, number: int) -> Section:
        return _find(self.sections, "number", number, "section")

    def contact(self, contact_id: str) -> Contact:
        return _find(self.contacts, "id", contact_id, "contact")

    def indicator(self, indicator_id: str) -> Indicator:
        return _find(self.indicators, "id", indicator_id, "indicator")

    def domain(self, domain_id: str) -> Domain:
        return _find(self.categories.domains, "id", domain_id, "domain")

    def category(self, number: int) -> Category:
        return _find(self.categories.levels, "number", number, "category")

    def template(self, template_id: str) -> Template:
        return _find(self.templates, "id", template_id, "template")

    def note(self, note_id: str) -> EditorialNote:
        return _find(self.editorial_notes, "id", note_id, "editorial note")


def _find(items: Iterable[T], attribute: str, value: Any, kind: str) -> T:
    for item in items:
        if getattr(item, attribute) == value:
            return item
    raise KeyError(f"Unknown {kind}: {value!r}")


# Readers: one per part of the file ------------------------------------------


def protocol_from_mapping(data: Any) -> Protocol:
    """Validate the parsed protocol file and return the frozen model."""
    m = _mapping(
        data,
        "",
        required=(
            "metadata",
            "contacts",
            "glossary",
            "sections",
            "categories",
            "risk_rule",
            "timing",
            "editorial_notes",
            "changelog",
            "templates",
            "immediate_danger",
        ),
    )
    protocol = Protocol(
        metadata=_metadata(m["metadata"], "metadata"),
        contacts=_list(m["contacts"], "contacts", _contact),
        glossary=_list(m["glossary"], "glossary", _abbreviation),
        sections=_list(m["sections"], "sections", _section),
        categories=_categories(m["categories"], "categories"),
        risk_rule=_risk_rule(m["risk_rule"], "risk_rule"),
        timing=_timing(m["timing"], "timing"),
        editorial_notes=_list(m["editorial_notes"], "editorial_notes", _note),
        changelog=_list(m["changelog"], "changelog", _change),
        templates=_list(m["templates"], "templates", _template),
        immediate_danger=_immediate_danger(m["immediate_danger"], "immediate_danger"),
    )
    _check_references(protocol)
    return protocol


def _metadata(data: Any, path: str) -> Metadata:
    m = _mapping(
        data,
        path,
        required=(
            "title",
            "short_title",
            "organisation",
            "version",
            "effective_date",
            "next_review_date",
            "owner",
            "purpose",
            "sources_intro",
            "sources",
        ),
    )
    return Metadata(
        title=_text(m, "title", path),
        short_title=_text(m, "short_title", path),
        organisation=_text(m, "organisation", path),
        version=_text(m, "version", path),
        effective_date=_date(m, "effective_date", path),
        next_review_date=_date(m, "next_review_date", path),
        owner=_text(m, "owner", path),
        purpose=_text(m, "purpose", path),
        sources_intro=_text(m, "sources_intro", path),
        sources=_list(m["sources"], f"{path}.sources", _plain_text, min_items=1),
    )


def _contact(data: Any, path: str) -> Contact:
    m = _mapping(
        data,
        path,
        required=("id", "name", "email", "role", "organisation", "personal", "used_in"),
    )
    email = _text(m, "email", path)
    if not _EMAIL.match(email):
        raise ProtocolError(
            f"{path}.email", f"expected an email address like name@newham.gov.uk, got {email!r}"
        )
    return Contact(
        id=_identifier(m, "id", path),
        name=_text(m, "name", path),
        email=email,
        role=_text(m, "role", path),
        organisation=_text(m, "organisation", path),
        personal=_bool(m, "personal", path),
        used_in=_list(m["used_in"], f"{path}.used_in", _plain_text),
    )


def _abbreviation(data: Any, path: str) -> Abbreviation:
    m = _mapping(data, path, required=("abbr", "expansion"), optional=("to_confirm",))
    return Abbreviation(
        abbr=_text(m, "abbr", path),
        expansion=_text(m, "expansion", path),
        to_confirm=_bool(m, "to_confirm", path) if "to_confirm" in m else False,
    )


def _section(data: Any, path: str) -> Section:
    m = _mapping(data, path, required=("number", "title", "clauses"))
    number = _int(m, "number", path, minimum=1)
    clauses = _list(m["clauses"], f"{path}.clauses", _clause, min_items=1)
    for index, clause in enumerate(clauses):
        if not clause.id.startswith(f"{number}."):
            raise ProtocolError(
                f"{path}.clauses[{index}].id",
                f"expected a clause of section {number} ({number}.1, {number}.2, …), "
                f"got {clause.id!r}",
            )
    return Section(number=number, title=_text(m, "title", path), clauses=clauses)


def _clause(data: Any, path: str) -> Clause:
    m = _mapping(data, path, required=("id", "text"), optional=("items", "note", "handbook_label"))
    clause_id = _text(m, "id", path)
    if not _CLAUSE_ID.match(clause_id):
        raise ProtocolError(
            f"{path}.id", f'expected a clause number like "6.13" (in quotes), got {clause_id!r}'
        )
    return Clause(
        id=clause_id,
        text=_text(m, "text", path),
        items=_list(m.get("items", []), f"{path}.items", _item),
        note=_optional_text(m, "note", path),
        handbook_label=_bool(m, "handbook_label", path) if "handbook_label" in m else False,
    )


def _item(data: Any, path: str) -> Item:
    m = _mapping(data, path, required=("label", "text"))
    return Item(label=_text(m, "label", path), text=_text(m, "text", path))


def _categories(data: Any, path: str) -> Categories:
    m = _mapping(data, path, required=("framework", "source", "levels", "domains"))
    levels = _list(m["levels"], f"{path}.levels", _category)
    numbers = sorted(level.number for level in levels)
    if numbers != list(CATEGORY_NUMBERS):
        raise ProtocolError(
            f"{path}.levels", f"expected exactly the categories 1, 2 and 3, got {numbers}"
        )
    return Categories(
        framework=_text(m, "framework", path),
        source=_text(m, "source", path),
        levels=tuple(sorted(levels, key=lambda level: level.number)),
        domains=_list(m["domains"], f"{path}.domains", _domain, min_items=1),
    )


def _category(data: Any, path: str) -> Category:
    m = _mapping(
        data, path, required=("number", "name", "definition"), optional=("local_wording", "note")
    )
    return Category(
        number=_category_number(m, "number", path),
        name=_text(m, "name", path),
        definition=_text(m, "definition", path),
        local_wording=_optional_text(m, "local_wording", path),
        note=_optional_text(m, "note", path),
    )


def _domain(data: Any, path: str) -> Domain:
    m = _mapping(data, path, required=("id", "name", "indicators"))
    domain_id = _identifier(m, "id", path)

    def indicator(item: Any, item_path: str) -> Indicator:
        i = _mapping(item, item_path, required=("id", "category", "text"))
        return Indicator(
            id=_identifier(i, "id", item_path),
            domain=domain_id,
            category=_category_number(i, "category", item_path),
            text=_text(i, "text", item_path),
        )

    return Domain(
        id=domain_id,
        name=_text(m, "name", path),
        indicators=_list(m["indicators"], f"{path}.indicators", indicator, min_items=1),
    )


def _risk_rule(data: Any, path: str) -> RiskRule:
    m = _mapping(
        data,
        path,
        required=(
            "id",
            "method",
            "clauses",
            "text",
            "none_ticked",
            "decision_support",
            "no_information",
        ),
    )
    method = _text(m, "method", path)
    if method != "highest_ticked":
        raise ProtocolError(f"{path}.method", f"expected 'highest_ticked', got {method!r}")
    return RiskRule(
        id=_identifier(m, "id", path),
        method=method,
        clauses=_list(m["clauses"], f"{path}.clauses", _plain_text, min_items=1),
        text=_text(m, "text", path),
        none_ticked=_text(m, "none_ticked", path),
        decision_support=_text(m, "decision_support", path),
        no_information=_text(m, "no_information", path),
    )


def _timing(data: Any, path: str) -> Timing:
    m = _mapping(
        data,
        path,
        required=(
            "mase_panel",
            "mase_referral",
            "monthly_report",
            "strategy_meeting",
            "panel_changes",
            "bank_holidays",
        ),
    )
    mase_panel = _monthly_meeting(m["mase_panel"], f"{path}.mase_panel")
    panel_changes = _list(m["panel_changes"], f"{path}.panel_changes", _panel_change)
    _check_panel_changes(mase_panel, panel_changes, f"{path}.panel_changes")
    return Timing(
        mase_panel=mase_panel,
        mase_referral=_referral(m["mase_referral"], f"{path}.mase_referral"),
        monthly_report=_report(m["monthly_report"], f"{path}.monthly_report"),
        strategy_meeting=_strategy(m["strategy_meeting"], f"{path}.strategy_meeting"),
        panel_changes=panel_changes,
        bank_holidays=_bank_holidays(m["bank_holidays"], f"{path}.bank_holidays"),
    )


def _monthly_meeting(data: Any, path: str) -> MonthlyMeeting:
    m = _mapping(data, path, required=("clause", "name", "weekday", "week_of_month"))
    return MonthlyMeeting(
        clause=_text(m, "clause", path),
        name=_text(m, "name", path),
        weekday=_weekday(m, "weekday", path),
        week_of_month=_int(m, "week_of_month", path, minimum=1, maximum=4),
    )


def _check_panel_changes(rule: MonthlyMeeting, changes: tuple[PanelChange, ...], path: str) -> None:
    """Each moved or cancelled panel must be a date the panel meets by the rule, listed once."""
    _unique(((c.date, f"{path}[{i}].date") for i, c in enumerate(changes)), "panel date")
    for index, change in enumerate(changes):
        day = change.date
        scheduled = nth_weekday_of_month(day.year, day.month, rule.weekday, rule.week_of_month)
        if scheduled != day:
            raise ProtocolError(
                f"{path}[{index}].date",
                f"expected the date of a MASE panel by the rule ({ordinal(rule.week_of_month)} "
                f"{weekday_name(rule.weekday)} of the month), got {day.isoformat()}; "
                f"that month's panel is on {scheduled.isoformat()}",
            )


def _referral(data: Any, path: str) -> ReferralRule:
    m = _mapping(data, path, required=("clause", "name", "days_before_panel"))
    return ReferralRule(
        clause=_text(m, "clause", path),
        name=_text(m, "name", path),
        days_before_panel=_int(m, "days_before_panel", path, minimum=0, maximum=60),
    )


def _report(data: Any, path: str) -> ReportRule:
    m = _mapping(data, path, required=("clause", "name", "weekday", "week_of_month", "send_to"))
    return ReportRule(
        clause=_text(m, "clause", path),
        name=_text(m, "name", path),
        weekday=_weekday(m, "weekday", path),
        week_of_month=_int(m, "week_of_month", path, minimum=1, maximum=4),
        send_to=_text(m, "send_to", path),
    )


def _strategy(data: Any, path: str) -> StrategyRule:
    m = _mapping(
        data,
        path,
        required=(
            "clause",
            "name",
            "min_weeks",
            "max_weeks",
            "out_of_borough_clause",
            "out_of_borough_reminder",
        ),
    )
    minimum = _int(m, "min_weeks", path, minimum=1, maximum=52)
    maximum = _int(m, "max_weeks", path, minimum=1, maximum=52)
    if maximum < minimum:
        raise ProtocolError(
            f"{path}.max_weeks", f"expected at least min_weeks ({minimum}), got {maximum}"
        )
    return StrategyRule(
        clause=_text(m, "clause", path),
        name=_text(m, "name", path),
        min_weeks=minimum,
        max_weeks=maximum,
        out_of_borough_clause=_text(m, "out_of_borough_clause", path),
        out_of_borough_reminder=_text(m, "out_of_borough_reminder", path),
    )


def _panel_change(data: Any, path: str) -> PanelChange:
    m = _mapping(data, path, required=("date", "reason"), optional=("moved_to", "cancelled"))
    cancelled = _bool(m, "cancelled", path) if "cancelled" in m else False
    moved_to = _date(m, "moved_to", path) if "moved_to" in m else None
    if cancelled == (moved_to is not None):
        raise ProtocolError(path, "expected either 'cancelled: true' or 'moved_to: YYYY-MM-DD'")
    return PanelChange(
        date=_date(m, "date", path),
        moved_to=moved_to,
        cancelled=cancelled,
        reason=_text(m, "reason", path),
    )


def _bank_holidays(data: Any, path: str) -> BankHolidays:
    m = _mapping(
        data,
        path,
        required=("country", "subdivision", "years_before", "years_after"),
        optional=("dates",),
    )

    def holiday(item: Any, item_path: str) -> BankHoliday:
        h = _mapping(item, item_path, required=("date", "name"))
        return BankHoliday(date=_date(h, "date", item_path), name=_text(h, "name", item_path))

    return BankHolidays(
        country=_text(m, "country", path),
        subdivision=_text(m, "subdivision", path),
        years_before=_int(m, "years_before", path, minimum=0, maximum=10),
        years_after=_int(m, "years_after", path, minimum=0, maximum=20),
        dates=_list(m.get("dates", []), f"{path}.dates", holiday),
    )


def _note(data: Any, path: str) -> EditorialNote:
    m = _mapping(data, path, required=("id", "title", "text"))
    return EditorialNote(
        id=_identifier(m, "id", path), title=_text(m, "title", path), text=_text(m, "text", path)
    )


def _immediate_danger(data: Any, path: str) -> ImmediateDanger:
    m = _mapping(data, path, required=("text", "out_of_hours", "out_of_hours_number", "note"))
    out_of_hours = _text(m, "out_of_hours", path)
    if out_of_hours.count("{number}") != 1:
        raise ProtocolError(
            f"{path}.out_of_hours",
            "expected the sentence with {number} once, where the out-of-hours number goes",
        )
    number = m["out_of_hours_number"]
    if number is not None and not isinstance(number, str):
        raise ProtocolError(
            f"{path}.out_of_hours_number",
            f'expected the telephone number in quotes, e.g. "020 8430 2000", got {_describe(number)}',
        )
    number = number.strip() if number else None
    if number is not None and not _PHONE.match(number):
        raise ProtocolError(
            f"{path}.out_of_hours_number",
            f'expected a telephone number of digits and spaces, e.g. "020 8430 2000", got {number!r}',
        )
    return ImmediateDanger(
        text=_text(m, "text", path),
        out_of_hours=out_of_hours,
        out_of_hours_number=number,
        note=_identifier(m, "note", path),
    )


def _change(data: Any, path: str) -> ChangeLogEntry:
    m = _mapping(data, path, required=("version", "date", "summary"))
    return ChangeLogEntry(
        version=_text(m, "version", path),
        date=_date(m, "date", path),
        summary=_text(m, "summary", path),
    )


def _template(data: Any, path: str) -> Template:
    m = _mapping(
        data,
        path,
        required=("id", "title", "clauses", "sections"),
        optional=("appendix", "proposed", "description", "notes", "email_to"),
    )
    template = Template(
        id=_identifier(m, "id", path),
        title=_text(m, "title", path),
        clauses=_list(m["clauses"], f"{path}.clauses", _plain_text),
        sections=_list(m["sections"], f"{path}.sections", _template_section, min_items=1),
        appendix=_bool(m, "appendix", path) if "appendix" in m else False,
        proposed=_bool(m, "proposed", path) if "proposed" in m else False,
        description=_optional_text(m, "description", path),
        notes=_list(m.get("notes", []), f"{path}.notes", _plain_text),
        email_to=_list(m.get("email_to", []), f"{path}.email_to", _plain_text),
    )
    _unique(
        (
            (f.id, f"{path}.sections[{i}].fields[{j}].id")
            for i, s in enumerate(template.sections)
            for j, f in enumerate(s.fields)
        ),
        "field id",
    )
    return template


def _template_section(data: Any, path: str) -> TemplateSection:
    m = _mapping(data, path, required=("id", "title", "fields"), optional=("help", "clauses"))
    return TemplateSection(
        id=_identifier(m, "id", path),
        title=_text(m, "title", path),
        fields=_list(m["fields"], f"{path}.fields", _field, min_items=1),
        help=_optional_text(m, "help", path),
        clauses=_list(m.get("clauses", []), f"{path}.clauses", _plain_text),
    )


def _field(data: Any, path: str) -> Field:
    m = _mapping(
        data,
        path,
        required=("id", "label", "type"),
        optional=("required", "help", "options", "columns"),
    )
    field_type = _text(m, "type", path)
    if field_type not in FIELD_TYPES:
        raise ProtocolError(
            f"{path}.type", f"expected one of {', '.join(FIELD_TYPES)}, got {field_type!r}"
        )
    options = _list(m.get("options", []), f"{path}.options", _plain_text)
    columns = _list(m.get("columns", []), f"{path}.columns", _column)
    if field_type == "choice" and not options:
        raise ProtocolError(f"{path}.options", "expected a list of options for a choice field")
    if field_type == "rows" and not columns:
        raise ProtocolError(f"{path}.columns", "expected a list of columns for a rows field")
    _unique(((c.id, f"{path}.columns[{i}].id") for i, c in enumerate(columns)), "column id")
    return Field(
        id=_identifier(m, "id", path),
        label=_text(m, "label", path),
        type=field_type,
        required=_bool(m, "required", path) if "required" in m else False,
        help=_optional_text(m, "help", path),
        options=options,
        columns=columns,
    )


def _column(data: Any, path: str) -> Column:
    m = _mapping(data, path, required=("id", "label"))
    return Column(id=_identifier(m, "id", path), label=_text(m, "label", path))


# Consistency across the file ------------------------------------------------


def _check_references(protocol: Protocol) -> None:
    sections = protocol.sections
    _unique(((s.number, f"sections[{i}].number") for i, s in enumerate(sections)), "section number")
    _unique(
        (
            (c.id, f"sections[{i}].clauses[{j}].id")
            for i, s in enumerate(sections)
            for j, c in enumerate(s.clauses)
        ),
        "clause id",
    )
    _unique(((c.id, f"contacts[{i}].id") for i, c in enumerate(protocol.contacts)), "contact id")
    _unique(
        ((a.abbr, f"glossary[{i}].abbr") for i, a in enumerate(protocol.glossary)), "abbreviation"
    )
    domains = protocol.categories.domains
    _unique(((d.id, f"categories.domains[{i}].id") for i, d in enumerate(domains)), "domain id")
    _unique(
        (
            (n.id, f"categories.domains[{i}].indicators[{j}].id")
            for i, d in enumerate(domains)
            for j, n in enumerate(d.indicators)
        ),
        "indicator id",
    )
    notes = protocol.editorial_notes
    _unique(((n.id, f"editorial_notes[{i}].id") for i, n in enumerate(notes)), "note id")
    _unique(((t.id, f"templates[{i}].id") for i, t in enumerate(protocol.templates)), "template id")

    clause_ids = {c.id for c in protocol.clauses}
    contact_ids = {c.id for c in protocol.contacts}
    template_ids = {t.id for t in protocol.templates}
    note_ids = {n.id for n in protocol.editorial_notes}

    def clause_ref(value: str, path: str) -> None:
        if value not in clause_ids:
            raise ProtocolError(path, f"expected the number of a clause in sections, got {value!r}")

    def contact_ref(value: str, path: str) -> None:
        if value not in contact_ids:
            known = ", ".join(sorted(contact_ids))
            raise ProtocolError(path, f"expected a contact id ({known}), got {value!r}")

    def link_ref(kind: str, name: str, words: str | None, path: str) -> None:
        if words is None or not words.strip():
            raise ProtocolError(
                path,
                f"expected the directive's words after '|' in {{{kind}:{name}|…}}, "
                "e.g. {section:4|section 4}",
            )
        if kind == "section":
            what, known = "a section number", [str(s.number) for s in sections]
        elif kind == "form":
            what, known = "a template id", sorted(template_ids)
        else:
            what, known = "an appendix letter", list(APPENDICES)
        if name not in known:
            raise ProtocolError(
                path, f"expected {what} ({', '.join(known)}) in {{{kind}:…|…}}, got {name!r}"
            )

    def text_refs(text: str, path: str) -> None:
        for kind, name, words in REFERENCE.findall(text):
            if kind in LINK_KINDS:
                link_ref(kind, name, words or None, path)
            elif words:
                raise ProtocolError(
                    path, f"expected {{{kind}:{name}}} without '|…': its words come from the data"
                )
            elif kind == "contact":
                contact_ref(name, path)
            elif name not in RULE_NAMES:
                raise ProtocolError(
                    path, f"expected a rule ({', '.join(RULE_NAMES)}) in {{rule:…}}, got {name!r}"
                )
        leftover = REFERENCE.sub("", text)
        if "{" in leftover or "}" in leftover:
            raise ProtocolError(
                path,
                "expected a reference like {contact:ID}, {rule:NAME}, {section:N|words}, "
                "{form:ID|words} or {appendix:B|words}, got a stray '{' or '}'",
            )

    for s_index, section in enumerate(protocol.sections):
        for c_index, clause in enumerate(section.clauses):
            path = f"sections[{s_index}].clauses[{c_index}]"
            text_refs(clause.text, f"{path}.text")
            for i_index, item in enumerate(clause.items):
                text_refs(item.text, f"{path}.items[{i_index}].text")
    for index, contact in enumerate(protocol.contacts):
        for u_index, use in enumerate(contact.used_in):
            path = f"contacts[{index}].used_in[{u_index}]"
            if use.startswith("form:"):
                if use[5:] not in template_ids:
                    raise ProtocolError(path, f"expected form:<template id>, got {use!r}")
            else:
                clause_ref(use, path)
    for index, level in enumerate(protocol.categories.levels):
        if level.note is not None and level.note not in note_ids:
            raise ProtocolError(
                f"categories.levels[{index}].note",
                f"expected an editorial note id, got {level.note!r}",
            )
    for index, clause in enumerate(protocol.risk_rule.clauses):
        clause_ref(clause, f"risk_rule.clauses[{index}]")
    if protocol.immediate_danger.note not in note_ids:
        raise ProtocolError(
            "immediate_danger.note",
            f"expected an editorial note id, got {protocol.immediate_danger.note!r}",
        )
    timing = protocol.timing
    for name in ("mase_panel", "mase_referral", "monthly_report", "strategy_meeting"):
        clause_ref(getattr(timing, name).clause, f"timing.{name}.clause")
    clause_ref(
        timing.strategy_meeting.out_of_borough_clause,
        "timing.strategy_meeting.out_of_borough_clause",
    )
    contact_ref(timing.monthly_report.send_to, "timing.monthly_report.send_to")
    for t_index, template in enumerate(protocol.templates):
        for index, clause in enumerate(template.clauses):
            clause_ref(clause, f"templates[{t_index}].clauses[{index}]")
        for s_index, section in enumerate(template.sections):
            for index, clause in enumerate(section.clauses):
                clause_ref(clause, f"templates[{t_index}].sections[{s_index}].clauses[{index}]")
        for index, contact in enumerate(template.email_to):
            contact_ref(contact, f"templates[{t_index}].email_to[{index}]")


# Small checkers ---------------------------------------------------------------


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{value!r} (true/false)"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"the text {shown!r}"
    return f"{value!r} ({type(value).__name__})"


def _mapping(
    data: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> Mapping[str, Any]:
    where = path or "the protocol file"
    if not isinstance(data, Mapping):
        raise ProtocolError(path, f"expected a mapping of keys to values, got {_describe(data)}")
    for key in data:
        if key not in required and key not in optional:
            allowed = ", ".join((*required, *optional))
            raise ProtocolError(
                _join(path, str(key)), f"unknown key {key!r} in {where} (allowed: {allowed})"
            )
    for key in required:
        if key not in data:
            raise ProtocolError(_join(path, key), f"missing required key {key!r} in {where}")
    return data


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _list(data: Any, path: str, read: Callable[[Any, str], T], min_items: int = 0) -> tuple[T, ...]:
    if not isinstance(data, list | tuple):
        raise ProtocolError(path, f"expected a list, got {_describe(data)}")
    if len(data) < min_items:
        raise ProtocolError(path, f"expected at least {min_items} item(s), got an empty list")
    return tuple(read(item, f"{path}[{index}]") for index, item in enumerate(data))


def _plain_text(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise ProtocolError(path, f"expected text, got {_describe(value)}")
    if not value.strip():
        raise ProtocolError(path, "expected some text, got an empty text")
    return value.strip()


def _text(m: Mapping[str, Any], key: str, path: str) -> str:
    return _plain_text(m[key], _join(path, key))


def _optional_text(m: Mapping[str, Any], key: str, path: str) -> str | None:
    return _text(m, key, path) if m.get(key) is not None else None


def _identifier(m: Mapping[str, Any], key: str, path: str) -> str:
    value = _text(m, key, path)
    if not _ID.match(value):
        raise ProtocolError(
            _join(path, key),
            f"expected an id of letters, digits, '-', '_' or '.', got {value!r}",
        )
    return value


def _int(
    m: Mapping[str, Any],
    key: str,
    path: str,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    value = m[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProtocolError(_join(path, key), f"expected a whole number, got {_describe(value)}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ProtocolError(
            _join(path, key), f"expected a whole number from {minimum} to {maximum}, got {value}"
        )
    return value


def _category_number(m: Mapping[str, Any], key: str, path: str) -> int:
    value = m[key]
    if isinstance(value, bool) or value not in CATEGORY_NUMBERS:
        raise ProtocolError(
            _join(path, key), f"expected a category 1, 2 or 3, got {_describe(value)}"
        )
    return int(value)


def _bool(m: Mapping[str, Any], key: str, path: str) -> bool:
    value = m[key]
    if not isinstance(value, bool):
        raise ProtocolError(_join(path, key), f"expected true or false, got {_describe(value)}")
    return value


def _weekday(m: Mapping[str, Any], key: str, path: str) -> int:
    value = m[key]
    if not isinstance(value, str) or value.strip().lower() not in WEEKDAYS:
        raise ProtocolError(
            _join(path, key), f"expected a weekday name (monday … sunday), got {_describe(value)}"
        )
    return WEEKDAYS.index(value.strip().lower())


def _date(m: Mapping[str, Any], key: str, path: str) -> date:
    value = m[key]
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ProtocolError(
                _join(path, key), f"expected a real date in the form YYYY-MM-DD, got {value!r}"
            ) from None
    raise ProtocolError(
        _join(path, key), f"expected a date in the form YYYY-MM-DD, got {_describe(value)}"
    )


def _unique(values: Iterable[tuple[Any, str]], what: str) -> None:
    """Fail on the second of two equal values, naming both places."""
    seen: dict[Any, str] = {}
    for value, path in values:
        if value in seen:
            raise ProtocolError(
                path,
                f"duplicate {what} {value!r} (first used at {seen[value]}): each must be unique",
            )
        seen[value] = path
