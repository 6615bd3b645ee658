"""The fields a risk form may carry: what each method fills in the template marked `filled_by: risk`.

The risk page fills its Word document from the reading: a field whose id is below
gets that value, by the protocol's method; any other field is left blank for people
to fill in (the child's name, the level the meeting agrees), so it may not be
required. A text value goes into a `text` or `textarea` field; a list of rows into a
`rows` field whose columns are among the ones listed. The protocol checks
(`calculators.protocol.references`) hold a risk form to this table, so that
`make check` names a field the download could not fill; `calculators.risk.assessment` fills it.
No field here is the level: a form's `records: level` field is never one of them
(clauses 6.3, 6.9).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

CALCULATOR = "risk"  # the template filled is the one the protocol marks `filled_by: risk`


@dataclass(frozen=True)
class FormValue:
    """One value the risk page fills: what it is (for messages), and its columns if rows."""

    what: str
    columns: tuple[str, ...] = ()

    @property
    def types(self) -> tuple[str, ...]:
        return ("rows",) if self.columns else ("text", "textarea")


def form_values(method: str, levelled: bool) -> Mapping[str, FormValue]:
    """The field ids a risk form may carry under `method`, and what each gets.

    `levelled`: the indicators name levels (always under highest_level, never under
    checklist, either way under weighted_bands)."""
    levels = levelled and method != "checklist"
    domain_columns = ("domain", "ticked", *(("highest",) if levels else ()))
    indicator_columns = (
        "domain",
        "indicator",
        *(("category",) if levels else ()),
        *(("weight",) if method == "weighted_bands" else ()),
    )
    values = {
        "ticked_summary": FormValue("what is ticked, in how many domains"),
        "domains": FormValue("each domain and what is ticked in it", domain_columns),
        "indicators": FormValue("each ticked indicator", indicator_columns),
        "single_indicator": FormValue("the one indicator the reading rests on, if one"),
        "prompts": FormValue("the questions for the meeting"),
        "clauses": FormValue("the clauses the reading rests on"),
    }
    if levels:
        values |= {
            "counts": FormValue("the number counted at each level", ("category", "count")),
            "counted_once": FormValue("indicators ticked at several levels, counted once"),
        }
    if method == "highest_level":
        values |= {
            "highest_column": FormValue("the highest level ticked"),
            "highest_definition": FormValue("the definition of the highest level ticked"),
        }
    if method == "weighted_bands":
        values |= {
            "score": FormValue("the total score"),
            "band": FormValue("the band the total falls in, with the total"),
            "band_definition": FormValue("the band's own definition"),
        }
    return values
