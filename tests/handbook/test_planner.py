"""The year planner page: every panel, its referral deadline and every report deadline."""

from __future__ import annotations

import copy
import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest

from calculators.protocol import Protocol, protocol_from_mapping
from handbook.build.loader import load_protocol
from handbook.build.protocol_json import with_bank_holidays
from handbook.pages import planner
from tests.calculators.engine_timing import engine_timing

TODAY = date(2026, 11, 29)
HERE = "planner.md"


@pytest.fixture(scope="module")
def protocol_data() -> dict[str, Any]:
    """Newham's protocol with the engine's own timing rules (tests/engine_protocol.py)."""
    return engine_timing(load_protocol().data)


@pytest.fixture(scope="module")
def protocol(protocol_data: dict[str, Any]) -> Protocol:
    return protocol_from_mapping(protocol_data)


class Tables(HTMLParser):
    """Captions, header scopes and the text of each row's cells."""

    def __init__(self) -> None:
        super().__init__()
        self.captions: list[str] = []
        self.scopes: list[str | None] = []
        self.rows: list[list[str]] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "th":
            self.scopes.append(dict(attrs).get("scope"))
        if tag == "tr":
            self.rows.append([])
        if tag in ("caption", "th", "td"):
            self._text = []
        if tag == "br" and self._text is not None:
            self._text.append(" ")

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("caption", "th", "td") and self._text is not None:
            text = " ".join("".join(self._text).split())
            if tag == "caption":
                self.captions.append(text)
            else:
                self.rows[-1].append(text)
            self._text = None


def parse(markdown: str) -> Tables:
    tables = Tables()
    tables.feed(markdown)
    return tables


def test_planner_has_a_captioned_table_for_this_year_and_next_clauses_4_6_5_3(
    protocol: Protocol,
) -> None:
    tables = parse(planner.year_planner(protocol, HERE, TODAY))
    assert tables.captions == [
        "2026: MASE panel, MASE referral deadline and Monthly CSE case report deadline",
        "2027: MASE panel, MASE referral deadline and Monthly CSE case report deadline",
    ]
    assert set(tables.scopes) == {"col", "row"}
    header, *months = [row for row in tables.rows if row][:13]
    assert header == [
        "Month",
        "MASE panel (clause 4.6)",
        "MASE referral deadline (clause 4.6)",
        "Monthly CSE case report deadline (clause 5.3)",
    ]
    assert [row[0] for row in months][:2] == ["January", "February"]
    assert months[1][1:] == [
        "Thursday 5 February 2026",
        "Thursday 22 January 2026",
        "Thursday 19 February 2026",
    ]


def test_planner_flags_a_bank_holiday_clause_4_6(protocol: Protocol) -> None:
    tables = parse(planner.year_planner(protocol, HERE, TODAY))
    january = tables.rows[1]
    assert january[1] == "Thursday 1 January 2026 Bank holiday: New Year's Day"


def test_planner_links_each_rule_to_its_clause_clauses_4_6_5_3(protocol: Protocol) -> None:
    markdown = planner.year_planner(protocol, HERE, TODAY)
    assert "[clause 4.6](directive/section-4.md#clause-4-6)" in markdown
    assert "[clause 5.3](directive/section-5.md#clause-5-3)" in markdown
    assert "This planner was made on Sunday 29 November 2026." in markdown


def test_planner_shows_moved_and_cancelled_panels_clause_4_6(protocol_data: dict[str, Any]) -> None:
    data = copy.deepcopy(protocol_data)
    data["timing"]["panel_changes"] = [
        {"date": "2027-01-07", "moved_to": "2027-01-14", "reason": "New Year"},
        {"date": "2027-08-05", "cancelled": True, "reason": "August recess"},
    ]
    markdown = planner.year_planner(protocol_from_mapping(data), HERE, TODAY)
    rows = {row[0]: row for row in parse(markdown).rows[14:] if row}
    assert rows["January"][1].startswith("Thursday 14 January 2027 Moved from Thursday 7")
    assert rows["January"][2] == "Thursday 31 December 2026"
    assert rows["August"][1:3] == [
        "Cancelled (Thursday 5 August 2027): August recess",
        "No MASE panel",
    ]


def test_planner_follows_changed_rules_clauses_4_6_5_3(protocol_data: dict[str, Any]) -> None:
    data = copy.deepcopy(protocol_data)
    data["timing"]["mase_panel"].update(weekday="tuesday", week_of_month=2)
    data["timing"]["mase_referral"]["days"] = 10
    data["timing"]["monthly_report"].update(weekday="friday", week_of_month=4)
    markdown = planner.year_planner(protocol_from_mapping(data), HERE, TODAY)
    assert "The MASE panel meets on the 2nd Tuesday of every month." in markdown
    assert "submitted 10 days before the panel" in markdown
    february = parse(markdown).rows[2]
    assert february[1:] == [
        "Tuesday 10 February 2026",
        "Saturday 31 January 2026 Submit by Friday 30 January 2026",
        "Friday 27 February 2026",
    ]


def test_bank_holidays_already_in_the_protocol_are_kept(protocol_data: dict[str, Any]) -> None:
    data = with_bank_holidays(protocol_data, TODAY)
    data["timing"]["bank_holidays"]["dates"] = [{"date": "2026-02-05", "name": "Test day"}]
    markdown = planner.year_planner(protocol_from_mapping(data), HERE, TODAY)
    assert "Bank holiday: Test day" in markdown
    assert "New Year" not in re.sub(r"<caption>.*?</caption>", "", markdown)


# Panels on a bank holiday with no change recorded (for the protocol owner) ------------


def with_a_holiday_on_a_panel(protocol_data: dict[str, Any], changes: list) -> dict[str, Any]:
    data = copy.deepcopy(protocol_data)
    data["timing"]["bank_holidays"]["dates"] = [
        {"date": "2027-01-07", "name": "Test holiday"},
        {"date": "2026-10-01", "name": "Already passed"},
    ]
    data["timing"]["panel_changes"] = changes
    return data


def test_about_lists_panels_on_a_bank_holiday_with_no_change_recorded_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    protocol = protocol_from_mapping(with_a_holiday_on_a_panel(protocol_data, []))
    note = planner.holiday_panels_note(protocol, TODAY)
    assert note.startswith("### MASE panels that fall on a bank holiday")
    assert "Thursday 7 January 2027 (Test holiday)" in note
    assert "Already passed" not in note
    assert "Thursday 7 January 2027 (Test holiday)" in planner.holiday_panels_warning(
        protocol, TODAY
    )


def test_a_recorded_change_takes_the_panel_off_the_owners_list_clause_4_6(
    protocol_data: dict[str, Any],
) -> None:
    moved = {"date": "2027-01-07", "moved_to": "2027-01-14", "reason": "Test holiday"}
    protocol = protocol_from_mapping(with_a_holiday_on_a_panel(protocol_data, [moved]))
    assert planner.holiday_panels_note(protocol, TODAY) == ""
    assert planner.holiday_panels_warning(protocol, TODAY) == ""


def test_the_build_prints_the_warning_and_still_builds(
    protocol_data: dict[str, Any], tmp_path: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    import subprocess

    import yaml

    from calculators.calendar_rules import nth_weekday_of_month
    from handbook.build import site_build

    data = copy.deepcopy(protocol_data)
    panel = nth_weekday_of_month(date.today().year + 1, 1, 3, 1)  # next January's panel
    data["timing"]["bank_holidays"]["dates"] = [{"date": panel.isoformat(), "name": "Test day"}]
    source = tmp_path / "protocol.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    def mkdocs(command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 0)  # mkdocs itself is tested elsewhere

    monkeypatch.setattr(site_build.subprocess, "run", mkdocs)
    assert site_build.build_site(site_dir=tmp_path / "site", protocol_path=source) == 0
    printed = capsys.readouterr().err
    assert "Warning: 1 MASE panel(s) fall on a bank holiday" in printed
    assert "(Test day)" in printed


def test_a_rule_the_protocol_adds_gets_its_own_column(protocol_data: dict[str, Any]) -> None:
    data = copy.deepcopy(protocol_data)
    data["timing"]["case_audit"] = {
        **data["timing"]["monthly_report"],
        "name": "Case audit",
        "weekday": "monday",
        "week_of_month": 5,
    }
    data["timing"]["case_audit"]["handbook_wording"] = {
        **data["timing"]["monthly_report"]["handbook_wording"],
        "rule": "Audit the open cases on the {when} of a month that has one.",
    }
    markdown = planner.year_planner(protocol_from_mapping(data), HERE, TODAY)
    assert "Audit the open cases on the 5th Monday of a month that has one." in markdown
    tables = parse(markdown)
    assert tables.rows[0][-1] == "Case audit (clause 5.3)"
    audit = {row[0]: row[-1] for row in tables.rows[1:13]}
    assert audit["March"] == "Monday 30 March 2026"
    assert audit["April"] == "None this month"
