"""The site's own words: its description, its menu, and the headings and phrases the
handbook's thin pages use, so another council's site says nothing of Newham's.

The site's name is the edition's short title (`metadata.short_title`). The menu is
MkDocs' navigation in the protocol's words: an entry is a page or a group of pages,
each page a path under docs/ with its label (none: the page's own title).
"""

from __future__ import annotations

import dataclasses
import string
from dataclasses import dataclass, field
from typing import Any

from calculators.protocol.primitives import ProtocolError
from calculators.protocol.reading import checked, items, refers_to


def a_page_path(value: str, path: str) -> str:
    if not value.endswith(".md") or value.startswith(("/", ".")) or "\\" in value:
        raise ProtocolError(
            path, f"expected a page's path under docs/, such as calculators/risk.md, got {value!r}"
        )
    return value


@dataclass(frozen=True)
class MenuPage:
    """A page in the site's menu, under its own title or the label given."""

    page: str = field(metadata=checked(a_page_path))
    label: str | None = None  # none: the page's own title


@dataclass(frozen=True)
class MenuEntry:
    """One line of the menu: a page, or a group of pages under a label."""

    label: str | None = None
    page: str | None = field(default=None, metadata=checked(a_page_path))
    pages: tuple[MenuPage, ...] = ()

    def validate(self, path: str) -> None:
        if (self.page is None) == (not self.pages):
            raise ProtocolError(path, "expected either page: (one page) or pages: (a group)")
        if self.pages and self.label is None:
            raise ProtocolError(f"{path}.label", "expected the group's label")

    def as_nav(self) -> Any:
        """The entry as MkDocs' `nav` writes it: "a.md", {"Label": "a.md"} or a group."""
        if self.page is not None:
            return self.page if self.label is None else {self.label: self.page}
        return {self.label: [p.page if p.label is None else {p.label: p.page} for p in self.pages]}


@dataclass(frozen=True)
class SiteHeadings:
    """Headings the thin pages use."""

    levels: str  # the levels and their definitions: "The three police categories"
    indicators: str  # the grid of indicators: "Indicators (Appendix B)"
    language_in_indicators: str  # the language guide's notes on the grid's own words


@dataclass(frozen=True)
class SiteWords:
    """Phrases the pages put in their sentences."""

    indicators: str  # "the Appendix B indicators": "tick {indicators} you see"
    grid_caption: str  # the grid's table caption, before its source
    local_wording: str  # before a level's local wording: "The Newham page reads"


@dataclass(frozen=True)
class FormField:
    """A field of a calculator's form: its label and hint, and its name in messages."""

    label: str
    named: str  # in its error messages: "Date of the last strategy meeting must be …"
    hint: str | None = None


# The placeholders a dates form hint may use, filled from the review rule.
DATES_HINT_PLACEHOLDERS = ("min_weeks", "max_weeks", "clauses", "shortest", "longest")


@dataclass(frozen=True)
class DatesForm:
    """The due-dates page's fields, in the protocol's words."""

    today: FormField
    last_strategy: FormField
    initial_strategy: FormField
    out_of_borough: FormField
    agreed_interval_weeks: FormField
    interval_rationale: FormField
    referral_planned: FormField
    # Said under the answer when no strategy meeting date was typed to hand to the forms.
    nothing_to_hand_off: str

    def named(self, field_id: str) -> str:
        return getattr(self, field_id).named

    def validate(self, path: str) -> None:
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, FormField):
                continue
            hint = value.hint or ""
            try:
                names = [name for _, name, _, _ in string.Formatter().parse(hint)]
            except ValueError:
                names = ["a stray { or }"]
            for name in names:
                if name is not None and name not in DATES_HINT_PLACEHOLDERS:
                    raise ProtocolError(
                        f"{path}.{item.name}.hint",
                        f"expected placeholders from {', '.join(DATES_HINT_PLACEHOLDERS)} "
                        f"in {{…}}, got {{{name}}}",
                    )


@dataclass(frozen=True)
class Site:
    """The site's own words: description, audience, menu, headings and the dates form."""

    description: str  # for search engines and link previews
    audience: str  # the home page's "Who this handbook is for"
    menu: tuple[MenuEntry, ...] = field(metadata=items(1))
    headings: SiteHeadings
    words: SiteWords
    dates_form: DatesForm
    # The clause whose items are the warning signs, for the warning-signs page.
    warning_signs: str = field(metadata=refers_to("clause"))

    @property
    def nav(self) -> list[Any]:
        return [entry.as_nav() for entry in self.menu]
