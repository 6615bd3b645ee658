"""Checks across the file for the risk rule's method: levels, weights, prompts and the risk form.

Each method asks its own of the indicators (`calculators.risk.methods`):
`highest_level` a level on every indicator; `weighted_bands` a weight on every
indicator and a level on all or none; `checklist` no levels at all. Prompts go
with the method: one per level, one per band, or plain questions. The template
marked `filled_by: risk` carries only fields the method fills
(`calculators.risk.methods.form_fields`) or fields left blank and not required, and
none the method fills is its `records: level` field (clauses 6.3, 6.9).
"""

from __future__ import annotations

from calculators.protocol.model import Protocol
from calculators.protocol.primitives import ProtocolError
from calculators.risk.methods.form_fields import CALCULATOR, form_values


def check_risk_method(protocol: Protocol) -> None:
    """Raise a ProtocolError at the first item the method cannot read."""
    _check_indicators(protocol)
    _check_prompts(protocol)
    _check_risk_form(protocol)


def levelled(protocol: Protocol) -> bool:
    """Whether the indicators name levels (all of them do, or none)."""
    return any(i.category is not None for i in protocol.indicators)


def _check_indicators(protocol: Protocol) -> None:
    method = protocol.risk_rule.method
    if method == "checklist" and protocol.categories.levels:
        raise ProtocolError(
            "categories.levels", "expected no levels (levels: []), as risk_rule.method is checklist"
        )
    with_level = levelled(protocol)
    for d_index, domain in enumerate(protocol.categories.domains):
        for i_index, indicator in enumerate(domain.indicators):
            path = f"categories.domains[{d_index}].indicators[{i_index}]"
            if method == "weighted_bands" and indicator.weight is None:
                raise ProtocolError(
                    f"{path}.weight",
                    "expected a weight (a whole number) on every indicator, "
                    "as risk_rule.method is weighted_bands",
                )
            if method == "highest_level" and indicator.category is None:
                raise ProtocolError(
                    f"{path}.category",
                    "expected a level (category) on every indicator, as risk_rule.method is "
                    "highest_level",
                )
            if with_level and indicator.category is None:
                raise ProtocolError(
                    f"{path}.category",
                    "expected a level (category) on every indicator or on none: "
                    f"{protocol.indicators[0].id} has one",
                )


def _check_prompts(protocol: Protocol) -> None:
    """One question for each level lowest first (highest_level), one for each band in order
    (weighted_bands), or questions naming neither (checklist)."""
    rule = protocol.risk_rule
    prompts = rule.prompts
    if rule.method == "highest_level":
        numbers = [p.category for p in prompts]
        levels = list(protocol.categories.numbers)
        if numbers != levels or any(p.band is not None for p in prompts):
            raise ProtocolError(
                "risk_rule.prompts",
                f"expected one prompt for each category {', '.join(map(str, levels))} in order, "
                f"got {numbers}",
            )
    elif rule.method == "weighted_bands":
        names = [b.name for b in rule.bands]
        given = [p.band for p in prompts]
        if given != names or any(p.category is not None for p in prompts):
            raise ProtocolError(
                "risk_rule.prompts",
                f"expected one prompt for each band ({', '.join(names)}) in order, each naming "
                f"its band as `band:`, got {given}",
            )
    else:
        for index, prompt in enumerate(prompts):
            if prompt.category is not None or prompt.band is not None:
                raise ProtocolError(
                    f"risk_rule.prompts[{index}]",
                    f"expected a question naming no category or band, as risk_rule.method is "
                    f"{rule.method}",
                )


def _check_risk_form(protocol: Protocol) -> None:
    """The risk page's Word document can be filled: every field is one the method fills, of
    the right type, or one left blank and not required."""
    method = protocol.risk_rule.method
    values = form_values(method, levelled(protocol))
    known = ", ".join(values)
    for t_index, template in enumerate(protocol.templates):
        if template.filled_by != CALCULATOR:
            continue
        filled = 0
        for s_index, section in enumerate(template.sections):
            for f_index, form_field in enumerate(section.fields):
                path = f"templates[{t_index}].sections[{s_index}].fields[{f_index}]"
                value = values.get(form_field.id)
                if value is None:
                    if form_field.required:
                        raise ProtocolError(
                            f"{path}.required",
                            f"expected {form_field.id!r} not to be required: the risk page "
                            f"fills only {known} under {method}, and leaves other fields blank",
                        )
                    continue
                if form_field.records_level:
                    raise ProtocolError(
                        f"{path}.records",
                        f"expected no records: level on {form_field.id!r}: the risk page fills "
                        f"it with {value.what}, a reading for the meeting, never the level "
                        "(the meeting sets it)",
                    )
                if form_field.type not in value.types:
                    raise ProtocolError(
                        f"{path}.type",
                        f"expected a {' or '.join(value.types)} field for {form_field.id!r} "
                        f"({value.what}), got {form_field.type}",
                    )
                unknown = [c.id for c in form_field.columns if c.id not in value.columns]
                if unknown:
                    raise ProtocolError(
                        f"{path}.columns",
                        f"expected columns among {', '.join(value.columns)} for "
                        f"{form_field.id!r} under {method}, got {', '.join(unknown)}",
                    )
                filled += 1
        if not filled:
            raise ProtocolError(
                f"templates[{t_index}].sections",
                f"expected at least one field the risk page fills under {method} ({known})",
            )
