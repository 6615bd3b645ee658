"""mkdocs-macros entry point: loads the protocol once and registers the page renderers.

All rendering lives in plain functions in the `handbook` package; this module only
wires them to the pages, so a move away from Material stays a small step.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # mkdocs loads this file by path

from calculators.dates import words as schedule_words  # noqa: E402
from handbook.build import site_config  # noqa: E402
from handbook.build.loader import PROTOCOL_PATH, ProtocolFileError, load_protocol  # noqa: E402
from handbook.build.protocol_json import site_protocol  # noqa: E402
from handbook.pages import (  # noqa: E402
    dates,
    directive,
    edition,
    links,
    planner,
    process_map,
    reference,
    risk,
    training,
)
from handbook.pages.forms import template_form  # noqa: E402

PROTOCOL_ENV = "CSE_PROTOCOL"


def define_env(env: Any) -> None:
    """Register one macro per renderer; each gets the protocol and the current page."""
    try:
        loaded = load_protocol(os.environ.get(PROTOCOL_ENV) or PROTOCOL_PATH)
    except ProtocolFileError as error:  # a message for the protocol owner, not a traceback
        from mkdocs.exceptions import PluginError

        raise PluginError(f"The protocol file has a problem: {error}") from None
    # Every page, the printed scenario pack too, reads the protocol with its bank holidays.
    protocol = site_protocol(loaded.data)
    env.variables["protocol"] = protocol
    try:
        site_config.configure(env.conf, protocol)
    except site_config.SiteConfigError as error:
        from mkdocs.exceptions import PluginError

        raise PluginError(str(error)) from None
    # The banner on every page (overrides/main.html): the edition's status.
    env.conf["extra"]["edition_notice"] = edition.edition_notice(protocol)
    env.conf["extra"]["edition_link"] = protocol.metadata.handbook_wording["link_words"]
    env.filter(links.md_text, "text")

    def here() -> str:
        return env.page.file.src_uri

    def with_page(render: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(render)
        def macro(*args: Any) -> str:
            return render(protocol, *args, here())

        return macro

    def plain(render: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(render)
        def macro(*args: Any) -> str:
            return render(protocol, *args)

        return macro

    # The directive
    env.macro(plain(directive.section_title), "section_title")
    env.macro(with_page(directive.section_clauses), "section_clauses")
    env.macro(with_page(directive.directive_contents), "directive_contents")
    env.macro(with_page(directive.warning_signs), "warning_signs")
    env.macro(with_page(directive.category_definitions), "category_definitions")
    env.macro(plain(directive.indicator_matrix), "indicator_matrix")
    # Forms and reference
    env.macro(with_page(reference.template_structure), "template_structure")
    env.macro(with_page(reference.forms_list), "forms_list")
    env.macro(with_page(reference.form_links), "form_links")
    env.macro(with_page(template_form), "template_form")
    env.macro(with_page(reference.contacts_table), "contacts_table")
    env.macro(with_page(reference.glossary_table), "glossary_table")
    env.macro(plain(edition.version_summary), "version_summary")
    env.macro(plain(edition.decisions_list), "decisions_list")
    env.macro(plain(reference.purpose), "purpose")
    env.macro(plain(reference.metadata_table), "metadata_table")
    env.macro(plain(reference.sources_list), "sources_list")
    env.macro(plain(planner.holiday_panels_note), "holiday_panels_note")
    env.macro(plain(reference.changelog), "changelog")
    env.macro(reference.pinned_package, "pinned_package")
    env.macro(with_page(links.clause_ref), "clause_ref")
    # Calculators
    env.macro(with_page(risk.risk_form), "risk_form")
    env.macro(with_page(planner.year_planner), "year_planner")
    env.macro(with_page(dates.dates_form), "dates_form")
    env.macro(plain(schedule_words.rule_name), "rule_name")
    # Training (issue 11)
    env.macro(with_page(training.induction_path), "induction_path")
    env.macro(with_page(training.roles_table), "roles_table")
    env.macro(with_page(process_map.process_map), "process_map")
    env.macro(with_page(training.scenario_form), "scenario_form")
    env.macro(with_page(training.scenario_pack), "scenario_pack")
    env.macro(with_page(training.quiz_form), "quiz_form")
    env.macro(with_page(training.language_list), "language_list")
    env.macro(with_page(training.language_note), "language_note")
