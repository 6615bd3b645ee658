"""The calculators: one table, read by the bridge (which function answers each request),
the pages (the form's `data-calculator` and the page binding that runs it) and the build
(which calculator a template's `filled_by` may name)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Calculator:
    """One calculator: the form that names it, its page binding and the requests it asks."""

    name: str  # the form's data-calculator
    binding: str  # the page binding that runs the form, docs/javascripts/<binding>, one of pages/
    requests: Mapping[str, str]  # request type → "module:function" that answers it
    page: str | None = None  # its handbook page, when a template's filled_by may name it


def _requests(**answers: str) -> Mapping[str, str]:
    return MappingProxyType(answers)


CALCULATORS: tuple[Calculator, ...] = (
    Calculator(
        "risk",
        "pages/risk.js",
        _requests(risk="calculators.risk.assessment:handle_risk"),
        page="calculators/risk.md",
    ),
    Calculator(
        "dates",
        "pages/dates.js",
        _requests(
            dates="calculators.dates.request:handle_dates",
            calendar="calculators.dates.request:handle_calendar",
            calendar_file="calculators.documents.ics:handle_calendar_file",
        ),
    ),
    Calculator(
        "form",
        "pages/forms.js",
        _requests(
            fill="calculators.documents.forms:handle_fill",
            template_text="calculators.documents.forms:handle_template_text",
            check_form="calculators.documents.forms:handle_check",
            save_draft="calculators.documents.forms:handle_save_draft",
            open_draft="calculators.documents.forms:handle_open_draft",
        ),
    ),
    Calculator(
        "scenarios",
        "pages/training.js",
        _requests(
            scenario_check="calculators.training.scenarios:handle_scenario_check",
            language_check="calculators.training.language:handle_language_check",
        ),
    ),
    Calculator(
        "quiz", "pages/training.js", _requests(quiz="calculators.training.quiz:handle_quiz")
    ),
)


def calculator(name: str, calculators: tuple[Calculator, ...] = CALCULATORS) -> Calculator:
    """The calculator a form names; KeyError names the ones there are."""
    for found in calculators:
        if found.name == name:
            return found
    known = ", ".join(c.name for c in calculators)
    raise KeyError(f"no calculator {name!r}; there are: {known}")


def request_answers(calculators: tuple[Calculator, ...] = CALCULATORS) -> dict[str, str]:
    """Every request type, with the "module:function" that answers it, in the table's order."""
    answers: dict[str, str] = {}
    for found in calculators:
        for request_type, function in found.requests.items():
            if request_type in answers:
                raise ValueError(f"two calculators answer {request_type!r}")
            answers[request_type] = function
    return answers


def page_calculators(calculators: tuple[Calculator, ...] = CALCULATORS) -> dict[str, str]:
    """The calculators with a page of their own, by name: those a template may be filled by."""
    return {c.name: c.page for c in calculators if c.page is not None}
