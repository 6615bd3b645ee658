"""A trainee's answer to a scenario, compared with its model answer.

The trainee ticks the indicators they see in the vignette and chooses the
category they would argue for at the strategy meeting. The comparison goes by
fact, not by cell: a model answer's indicator is found whichever copy of it is
ticked (the same words in another column, or a cell of its theme,
`calculators.risk.listing.found_by`), and the column is named only where the
wording differs. It says which indicators were missed or added, which cells
decide the highest column (`calculators.risk.assessment.assess`), what the category
definitions say, and the due dates for the scenario's own dates
(`calculators.timing`). The level itself is set by the strategy meeting
(clauses 6.3 and 6.9).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from calculators.dates.words import answer_words
from calculators.errors import FieldProblem, InputError
from calculators.protocol import Indicator, Protocol, Scenario
from calculators.risk.assessment import assess
from calculators.risk.listing import found_by, same_fact, same_words
from calculators.risk.words import listing
from calculators.timing.answers import dates_answer
from calculators.wording import clause_list

NO_CATEGORY = "none"
NO_CATEGORY_WORDS = "No category"


@dataclass(frozen=True)
class ScenarioCheck:
    scenario: Scenario
    ticked: tuple[Indicator, ...]
    chosen: int | None
    model: tuple[Indicator, ...]
    missed: tuple[Indicator, ...]
    added: tuple[Indicator, ...]
    model_highest: int | None
    ticked_highest: int | None
    deciding: tuple[Indicator, ...]
    # (model answer's cell, the ticked cell that found it) where their wording differs
    found_in_other_words: tuple[tuple[Indicator, Indicator], ...] = ()

    @property
    def category_agrees(self) -> bool:
        return self.chosen == self.scenario.model_category


def category_words(protocol: Protocol, number: int | None) -> str:
    return NO_CATEGORY_WORDS if number is None else protocol.risk_rule.name_of(number)


def highest_category(protocol: Protocol, indicator_ids: Iterable[str]) -> int | None:
    """The highest category among the ticked indicators, as the risk calculator gives it."""
    return assess(protocol, list(indicator_ids)).category


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    """A scenario as the command line prints it."""
    return {
        "id": scenario.id,
        "title": scenario.title,
        "text": scenario.text,
        "indicators": list(scenario.indicators),
        "model_category": scenario.model_category,
        "out_of_borough": scenario.out_of_borough,
        "differs_because": scenario.differs_because,
        "clauses": list(scenario.clauses),
    }


def check_scenario(
    protocol: Protocol, scenario_id: Any, ticked_ids: Any, chosen: Any
) -> ScenarioCheck:
    """Compare the trainee's ticks and category with the scenario's model answer."""
    problems: list[FieldProblem] = []
    scenario = None
    if not isinstance(scenario_id, str):
        problems.append(FieldProblem("scenario", "expected the id of a scenario"))
    else:
        try:
            scenario = protocol.scenario(scenario_id)
        except KeyError:
            known = ", ".join(s.id for s in protocol.scenarios)
            problems.append(
                FieldProblem("scenario", f"unknown scenario {scenario_id[:60]!r}; known: {known}")
            )
    if not isinstance(ticked_ids, list) or not all(isinstance(i, str) for i in ticked_ids):
        problems.append(FieldProblem("indicators", "expected a list of indicator ids"))
        ticked_ids = []
    category = _chosen_category(protocol, chosen, problems)
    if problems:
        raise InputError(problems)
    assert scenario is not None
    ticked_highest = highest_category(protocol, ticked_ids)  # raises for an unknown id
    model_highest = highest_category(protocol, scenario.indicators)
    ticked_set, model_set = set(ticked_ids), set(scenario.indicators)
    order = protocol.indicators
    model = tuple(i for i in order if i.id in model_set)
    ticked = tuple(i for i in order if i.id in ticked_set)
    found = {m.id: found_by(m, ticked) for m in model}
    return ScenarioCheck(
        scenario=scenario,
        ticked=ticked,
        chosen=category,
        model=model,
        missed=tuple(m for m in model if found[m.id] is None),
        added=tuple(i for i in ticked if not any(same_fact(i, m) for m in model)),
        model_highest=model_highest,
        ticked_highest=ticked_highest,
        deciding=tuple(i for i in model if i.category == model_highest),
        found_in_other_words=tuple(
            (m, hit)
            for m in model
            if (hit := found[m.id]) is not None and hit != m and not same_words(hit, m)
        ),
    )


def _chosen_category(protocol: Protocol, chosen: Any, problems: list[FieldProblem]) -> int | None:
    levels = protocol.categories.numbers
    allowed = {str(n): n for n in levels}
    if chosen == NO_CATEGORY:
        return None
    if isinstance(chosen, str) and chosen.strip() in allowed:
        return allowed[chosen.strip()]
    if isinstance(chosen, int) and not isinstance(chosen, bool) and chosen in levels:
        return chosen
    listed = ", ".join(map(str, levels))
    problems.append(
        FieldProblem(
            "category",
            f"Choose the category you would argue for: {listed} or {NO_CATEGORY!r} for no category",
        )
    )
    return None


def cell_words(protocol: Protocol, indicator: Indicator) -> str:
    """An indicator with every column that lists its words: "Pregnancy (Sexual health,
    Category 3)", "Getting into strangers cars (Sexualised risk taking, Categories 2 and 3)"."""
    domain = protocol.domain(indicator.domain)
    return f"{indicator.text} ({domain.name}, {listing(protocol, indicator)})"


def _cells(protocol: Protocol, indicators: tuple[Indicator, ...]) -> str:
    return "; ".join(cell_words(protocol, i) for i in indicators)


def due_date_lines(protocol: Protocol, scenario: Scenario) -> list[str]:
    """The due dates on the scenario's own dates, in the words the dates calculator uses."""
    dates = scenario.dates
    answer = dates_answer(
        protocol,
        dates.today,
        last_strategy=dates.last_strategy,
        initial_strategy=dates.initial_strategy,
        out_of_borough=scenario.out_of_borough,
        interval_weeks=scenario.interval_weeks,
    )
    lines = []
    for item in answer_words(protocol, answer):
        lines.append(f"{item['title']}: {item['summary']} ({item['clause_text']}).")
        lines.extend(item["details"])
        if item.get("warning"):
            lines.append(item["warning"])
    return lines


def check_sections(protocol: Protocol, check: ScenarioCheck) -> list[dict[str, Any]]:
    """The comparison as headed groups of plain sentences, for the page to show as text."""
    scenario = check.scenario
    indicators = []
    if check.missed:
        indicators.append(f"Missed: {_cells(protocol, check.missed)}.")
    else:
        indicators.append("You missed none of the model answer's indicators.")
    if check.added:
        indicators.append(f"Added (not in the model answer): {_cells(protocol, check.added)}.")
    else:
        indicators.append("You added no indicator the model answer leaves out.")
    agreed = len(check.model) - len(check.missed)
    indicators.append(f"You found {agreed} of the model answer's {len(check.model)} indicators.")
    for model, hit in check.found_in_other_words:
        indicators.append(
            f"Found in other words: you ticked {cell_words(protocol, hit)} where the model "
            f"answer ticks {cell_words(protocol, model)}."
        )

    highest = []
    if check.model_highest is None:
        highest.append("The model answer ticks no indicator, so its profile has no category.")
    else:
        highest.append(
            f"Highest category among the model answer's indicators: "
            f"{protocol.risk_rule.name_of(check.model_highest)}, decided by: {_cells(protocol, check.deciding)}."
        )
        if len(check.model) == 1:
            highest.append("It rests on a single indicator.")
    highest.append(
        f"Highest category among the indicators you ticked: {category_words(protocol, check.ticked_highest)}."
    )

    category = [
        f"You would argue for: {category_words(protocol, check.chosen)}. "
        f"The model answer argues for: {category_words(protocol, scenario.model_category)}.",
        "Your category matches the model answer."
        if check.category_agrees
        else "Your category differs from the model answer.",
    ]
    if scenario.differs_because:
        category.append(
            "Why the model answer differs from the highest category among its indicators: "
            + scenario.differs_because
        )
    category.append(protocol.risk_rule.decision_support)

    shown = sorted(
        {n for n in (check.chosen, scenario.model_category, check.model_highest) if n is not None}
    )
    definitions = [
        f"{protocol.category(n).name}: {protocol.category(n).definition}" for n in shown
    ] or ["No category is in question here: see the warning signs (clause 2.1)."]

    return [
        {"heading": "Indicators", "lines": indicators},
        {"heading": "Which cells decide the highest category", "lines": highest},
        {"heading": "The category you would argue for", "lines": category},
        {"heading": "What the definitions ask", "lines": definitions},
        {
            "heading": "Due dates on this scenario's dates",
            "lines": due_date_lines(protocol, scenario),
        },
        {"heading": "Clauses", "lines": [clause_list(scenario.clauses).capitalize() + "."]},
    ]


def _indicator_data(protocol: Protocol, indicators: tuple[Indicator, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": i.id,
            "text": i.text,
            "domain": i.domain,
            "domain_name": protocol.domain(i.domain).name,
            "category": i.category,
        }
        for i in indicators
    ]


def handle_scenario_check(protocol: Protocol, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Bridge entry: {"scenario": id, "indicators": [ids], "category": "1"|"2"|"3"|"none"}."""
    check = check_scenario(
        protocol, payload.get("scenario"), payload.get("indicators", []), payload.get("category")
    )
    return {
        "scenario": check.scenario.id,
        "missed": _indicator_data(protocol, check.missed),
        "added": _indicator_data(protocol, check.added),
        "deciding": _indicator_data(protocol, check.deciding),
        "found_in_other_words": [
            {"model": model.id, "ticked": hit.id} for model, hit in check.found_in_other_words
        ],
        "model_indicators": list(check.scenario.indicators),
        "model_category": check.scenario.model_category,
        "model_highest": check.model_highest,
        "ticked_highest": check.ticked_highest,
        "chosen_category": check.chosen,
        "category_agrees": check.category_agrees,
        "differs_because": check.scenario.differs_because,
        "sections": check_sections(protocol, check),
        "clauses": list(check.scenario.clauses),
    }
