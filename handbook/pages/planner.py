"""The year planner page: every MASE panel, its referral deadline and every report deadline.

Built at build time for this year and next, from the timing rules in the protocol
and England's bank holidays (from the `holidays` library, as the browser's
protocol JSON has them). "Today" is the build date.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from calculators import timing as rules
from calculators.dates import words as schedule_words
from calculators.protocol import BankHoliday, Protocol
from calculators.timing import answers
from calculators.wording import and_list, long_date, month_name
from handbook.build.protocol_json import with_bank_holidays
from handbook.pages.links import clause_ref, html_text, md_text

YEARS_SHOWN = 2  # this year and next


# Page -----------------------------------------------------------------------


def year_planner(protocol: Protocol, here: str, today: date | None = None) -> str:
    """The macro: the planner as Markdown with accessible HTML tables."""
    today = today or date.today()
    protocol = with_holidays(protocol, today)
    return year_planner_markdown(protocol, today, here)


def year_planner_markdown(protocol: Protocol, today: date, here: str) -> str:
    out = []
    for rule in rules.dated_rules(protocol):
        sentence = schedule_words.rule_sentence(protocol, rule.id)
        out += [f"{sentence} ({clause_ref(protocol, rule.clause, here)})", ""]
    out += [
        "Where a date is a bank holiday in England it is marked, and a deadline that falls on "
        "a day that is not a working day gives the working day before it. Panels the protocol "
        "owner has moved or cancelled are shown as such.",
        "",
        f"This planner was made on {long_date(today)}.",
        "",
    ]
    for year in range(today.year, today.year + YEARS_SHOWN):
        out += [f"## {year}", "", year_table(protocol, year), ""]
    return "\n".join(out)


def year_table(protocol: Protocol, year: int) -> str:
    """A row a month, a column for each timing rule with dates of its own."""
    columns = rules.dated_rules(protocol)
    by_rule = [rules.months(protocol, rule.id, year) for rule in columns]
    rows = [
        f'<table class="planner" id="planner-{year}">',
        f"<caption>{year}: {html_text(and_list([rule.name for rule in columns]))}</caption>",
        "<thead><tr>",
        '<th scope="col">Month</th>',
        *(
            f'<th scope="col">{html_text(schedule_words.rule_heading(rule))}</th>'
            for rule in columns
        ),
        "</tr></thead>",
        "<tbody>",
    ]
    for month in range(1, 13):
        rows += ["<tr>", f'<th scope="row">{html_text(month_name(month))}</th>']
        for rule, dates in zip(columns, by_rule, strict=True):
            day = dates[month - 1]
            rows.append(f"<td>{day_cell(day) if day else html_text(_none(protocol, rule))}</td>")
        rows.append("</tr>")
    rows += ["</tbody>", "</table>"]
    return "\n".join(rows)


def _none(protocol: Protocol, rule: Any) -> str:
    """A month without a date: no meeting for a deadline to go with, or none by the rule."""
    if rule.kind == "deadline_before":
        return f"No {protocol.timing.rule(rule.meeting).name}"
    return "None this month"


def day_cell(occurrence: rules.Occurrence) -> str:
    """A meeting or deadline: its date, then its notes (schedule_words.day_notes)."""
    parts = [] if occurrence.cancelled else [html_text(long_date(occurrence.date))]
    for note in schedule_words.day_notes(occurrence):
        text = html_text(note.text)
        if note.kind == "cancelled":
            word, rest = text.split(" ", 1)
            parts.append(f"<strong>{word}</strong> {rest}")
        elif note.kind == "bank_holiday":
            parts.append(f'<br><strong class="bank-holiday">{text}</strong>')
        else:
            parts.append(f'<br><span class="planner-note">{text}</span>')
    return "".join(parts)


# Panels on a bank holiday, for the protocol owner ---------------------------


def unchanged_holiday_panels(protocol: Protocol, today: date | None = None) -> list[str]:
    """Each panel from today on a bank holiday with no change recorded: "Thursday 1 January
    2032 (New Year's Day)", over the years the build lists bank holidays for."""
    today = today or date.today()
    filled = with_holidays(protocol, today)
    return [
        f"{long_date(panel.scheduled)} ({panel.bank_holiday})"
        for panel in answers.unchanged_bank_holiday_panels(filled)
        if panel.scheduled >= today
    ]


def holiday_panels_note(protocol: Protocol, today: date | None = None) -> str:
    """The editorial note on About listing those panels (empty when there are none)."""
    panels = unchanged_holiday_panels(protocol, today)
    if not panels:
        return ""
    wording = answers.panel_rule(protocol).handbook_wording
    text = wording["owner_note"].format(panels="; ".join(panels))
    title = md_text(wording["owner_note_title"])
    return f"### {title} {{#note-panels-on-bank-holidays}}\n\n{md_text(text)}\n"


def holiday_panels_warning(protocol: Protocol, today: date | None = None) -> str:
    """The same list as one line for the build's output (empty when there are none)."""
    panels = unchanged_holiday_panels(protocol, today)
    if not panels:
        return ""
    name = answers.panel_rule(protocol).name
    return (
        f"Warning: {len(panels)} {name}(s) fall on a bank holiday with no change recorded "
        f"under timing.panel_changes: {'; '.join(panels)}. See the editorial note on About."
    )


# Data -----------------------------------------------------------------------


def with_holidays(protocol: Protocol, today: date) -> Protocol:
    """The protocol with England's bank holidays, unless it already carries them."""
    source = protocol.timing.bank_holidays
    if source.dates:
        return protocol
    settings = {
        "country": source.country,
        "subdivision": source.subdivision,
        "years_before": source.years_before,
        "years_after": source.years_after,
    }
    filled = with_bank_holidays({"timing": {"bank_holidays": settings}}, today)
    dates = tuple(
        BankHoliday(date=date.fromisoformat(item["date"]), name=item["name"])
        for item in filled["timing"]["bank_holidays"]["dates"]
    )
    timing = dataclasses.replace(
        protocol.timing, bank_holidays=dataclasses.replace(source, dates=dates)
    )
    return dataclasses.replace(protocol, timing=timing)
