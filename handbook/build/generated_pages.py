"""The pages made from the protocol at build time: one per directive section, one per template.

Each is a thin page like the hand-written ones, a heading and a macro call, so it
renders through the same functions (handbook.pages.directive, handbook.pages.forms) by way of
macros.py. handbook/postprocess/hooks.py adds them to the site (`on_files`) and to the
navigation, right after the page that lists them: a section 7 in the YAML is a
page and a navigation entry with no other change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from calculators.protocol import Protocol, Section, Template
from calculators.registry import page_calculators
from handbook.pages.links import form_page, section_page

DIRECTIVE_INDEX = "directive/index.md"
FORMS_INDEX = "forms/index.md"
# The calculators a template may name in `filled_by`, and their pages (calculators.registry).
CALCULATOR_PAGES = page_calculators()


class UnknownIdError(ValueError):
    """The protocol or mkdocs.yml names something the handbook does not have."""


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # the source path, e.g. "directive/section-6.md"
    markdown: str
    listed_after: str  # the navigation entry it follows (with the pages before it)


# Pages ------------------------------------------------------------------------


def section_markdown(section: Section) -> str:
    number = section.number
    return f"# {{{{ section_title({number}) }}}}\n\n{{{{ section_clauses({number}) }}}}\n"


def form_markdown(template: Template) -> str:
    """A form to fill in, or the template's structure when a calculator fills it."""
    if template.filled_by is not None and template.filled_by not in CALCULATOR_PAGES:
        known = ", ".join(sorted(CALCULATOR_PAGES))
        raise UnknownIdError(
            f"templates {template.id!r}: filled_by names the calculator "
            f"{template.filled_by!r}, but the handbook has only: {known}"
        )
    render = "template_form" if template.filled_by is None else "template_structure"
    return (
        f'# {{{{ protocol.template("{template.id}").title | text }}}}\n\n'
        f'{{{{ {render}("{template.id}") }}}}\n'
    )


def generated_pages(protocol: Protocol) -> tuple[GeneratedPage, ...]:
    """Every section's page, then every template's, in the protocol's order."""
    sections = (
        GeneratedPage(section_page(s.number), section_markdown(s), DIRECTIVE_INDEX)
        for s in protocol.sections
    )
    forms = (
        GeneratedPage(form_page(t.id), form_markdown(t), FORMS_INDEX) for t in protocol.templates
    )
    return (*sections, *forms)


def filled_by(protocol: Protocol, calculator: str) -> Template:
    """The template a calculator fills (`filled_by` in the YAML), e.g. the risk summary."""
    for template in protocol.templates:
        if template.filled_by == calculator:
            return template
    raise UnknownIdError(f"no template in the protocol has filled_by: {calculator}")


# Navigation -------------------------------------------------------------------


def _entry_path(entry: Any) -> Any:
    """The source path of a nav entry: "a.md" or {"Title": "a.md"}; a list for a section."""
    if isinstance(entry, dict) and len(entry) == 1:
        return next(iter(entry.values()))
    return entry


def _listed(nav: list[Any]) -> set[str]:
    paths: set[str] = set()
    for entry in nav:
        path = _entry_path(entry)
        if isinstance(path, list):
            paths |= _listed(path)
        elif isinstance(path, str):
            paths.add(path)
    return paths


def _list_holding(nav: list[Any], path: str) -> list[Any] | None:
    for entry in nav:
        value = _entry_path(entry)
        if value == path:
            return nav
        if isinstance(value, list):
            found = _list_holding(value, path)
            if found is not None:
                return found
    return None


def add_to_nav(nav: list[Any], pages: tuple[GeneratedPage, ...]) -> None:
    """Insert each page not yet in `nav` (mkdocs.yml's list) after the entry it follows.

    Pages keep their order; an entry mkdocs.yml already lists stays where it is.
    """
    listed = _listed(nav)
    inserted: dict[str, int] = {}
    for page in pages:
        if page.src_uri in listed:
            continue
        holder = _list_holding(nav, page.listed_after)
        if holder is None:
            raise UnknownIdError(
                f"mkdocs.yml's nav must list {page.listed_after}: the generated page "
                f"{page.src_uri} goes after it"
            )
        anchor = next(i for i, e in enumerate(holder) if _entry_path(e) == page.listed_after)
        position = anchor + 1 + inserted.get(page.listed_after, 0)
        holder.insert(position, page.src_uri)
        inserted[page.listed_after] = inserted.get(page.listed_after, 0) + 1
        listed.add(page.src_uri)
