"""A broken protocol file fails with a message naming the file, the item, its line and what is expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.build.loader import PROTOCOL_PATH, ProtocolFileError, load_protocol

ORIGINAL = PROTOCOL_PATH.read_text(encoding="utf-8")


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    assert old in ORIGINAL, f"test setup: {old!r} is not in the protocol file"
    path = tmp_path / "protocol.yaml"
    path.write_text(ORIGINAL.replace(old, new, count), encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def message_for(path: Path) -> str:
    with pytest.raises(ProtocolFileError) as error:
        load_protocol(path)
    return str(error.value)


def test_the_real_protocol_file_is_valid() -> None:
    loaded = load_protocol()
    assert len(loaded.protocol.clauses) == 31


def test_missing_key_names_the_key_and_its_place(tmp_path: Path) -> None:
    path = broken(tmp_path, "  owner: CSE lead, Children and Young People's Services (CYPS)\n", "")
    message = message_for(path)
    assert str(path) in message
    assert "metadata.owner" in message
    assert "missing required key 'owner'" in message
    assert ", line " in message


def test_wrong_type_says_what_was_expected(tmp_path: Path) -> None:
    path = broken(tmp_path, "    min_weeks: 8\n", "    min_weeks: eight\n")
    message = message_for(path)
    assert "timing.strategy_meeting.min_weeks" in message
    assert "expected a whole number" in message
    assert f"line {line_of(path.read_text(), 'min_weeks: eight')}" in message


def test_unknown_key_is_reported_as_a_probable_typo(tmp_path: Path) -> None:
    path = broken(
        tmp_path, "    week_of_month: 3\n", "    week_of_month: 3\n    sendto: cse-lead\n"
    )
    message = message_for(path)
    assert "timing.monthly_report.sendto" in message
    assert "unknown key 'sendto'" in message
    assert "allowed:" in message and "send_to" in message
    assert f"line {line_of(path.read_text(), 'sendto:')}" in message


def test_duplicate_clause_id_names_both_places(tmp_path: Path) -> None:
    path = broken(tmp_path, '- id: "6.14"', '- id: "6.13"')
    message = message_for(path)
    assert "sections[5].clauses[13].id" in message
    assert "duplicate clause id '6.13'" in message
    assert "first used at sections[5].clauses[12].id" in message


def test_duplicate_indicator_id_is_refused(tmp_path: Path) -> None:
    path = broken(tmp_path, "{id: eh-1-2,", "{id: eh-1-1,")
    message = message_for(path)
    assert "categories.domains[0].indicators[1].id" in message
    assert "duplicate indicator id 'eh-1-1'" in message


def test_category_outside_one_to_three_is_refused(tmp_path: Path) -> None:
    path = broken(tmp_path, "{id: sm-3-1, category: 3,", "{id: sm-3-1, category: 4,")
    message = message_for(path)
    assert "categories.domains[5].indicators[4].category" in message
    assert "expected a category 1, 2 or 3, got 4" in message
    assert f"line {line_of(path.read_text(), 'sm-3-1')}" in message


def test_malformed_email_is_refused(tmp_path: Path) -> None:
    path = broken(tmp_path, "email: Jane.Sharp@newham.gov.uk", "email: Jane.Sharp.newham.gov.uk")
    message = message_for(path)
    assert "contacts[0].email" in message
    assert "expected an email address" in message
    assert "'Jane.Sharp.newham.gov.uk'" in message


def test_impossible_date_is_refused(tmp_path: Path) -> None:
    path = broken(tmp_path, "effective_date: 2026-12-01", "effective_date: 2026-02-31")
    message = message_for(path)
    assert "metadata.effective_date" in message
    assert "expected a real date in the form YYYY-MM-DD, got '2026-02-31'" in message
    assert f"line {line_of(path.read_text(), '2026-02-31')}" in message


def test_empty_text_is_refused(tmp_path: Path) -> None:
    path = broken(
        tmp_path,
        "        text: MASE to be used as an escalation procedure where there are barriers to progress",
        '        text: "  "',
    )
    message = message_for(path)
    assert "sections[5].clauses[11].text" in message
    assert "expected some text, got an empty text" in message


def test_invalid_yaml_gives_line_and_column(tmp_path: Path) -> None:
    path = broken(tmp_path, "  levels:\n", "  levels: [\n")
    message = message_for(path)
    assert str(path) in message
    assert "invalid YAML" in message
    assert ", line " in message and "column" in message


def test_duplicate_yaml_key_is_refused(tmp_path: Path) -> None:
    path = broken(tmp_path, '  version: "1.0"\n', '  version: "1.0"\n  version: "2.0"\n')
    message = message_for(path)
    assert "duplicate key 'version'" in message


def test_reference_to_an_unknown_contact_is_refused(tmp_path: Path) -> None:
    path = broken(tmp_path, "{contact:cse-lead}", "{contact:cse-leed}")
    message = message_for(path)
    assert "sections[4].clauses[2].text" in message
    assert "expected a contact id" in message and "'cse-leed'" in message


def test_a_panel_change_on_a_day_without_a_panel_names_the_line(tmp_path: Path) -> None:
    path = broken(
        tmp_path,
        "  panel_changes: []\n",
        "  panel_changes:\n    - {date: 2027-01-08, cancelled: true, reason: A slip}\n",
    )
    message = message_for(path)
    assert "timing.panel_changes[0].date" in message
    assert "that month's panel is on 2027-01-07" in message
    assert f"line {line_of(path.read_text(), '2027-01-08')}" in message


def test_a_deeply_nested_file_is_refused_plainly(tmp_path: Path) -> None:
    path = tmp_path / "protocol.yaml"
    path.write_text("metadata: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    message = message_for(path)
    assert str(path) in message
    assert "nested too deeply" in message


def test_missing_file_and_huge_file_get_plain_messages(tmp_path: Path) -> None:
    assert "cannot read the protocol file" in message_for(tmp_path / "nope.yaml")
    huge = tmp_path / "huge.yaml"
    huge.write_text("# " + "x" * 2_100_000, encoding="utf-8")
    assert "expected at most" in message_for(huge)


def test_check_command_exits_2_with_the_message(tmp_path: Path) -> None:
    from handbook.__main__ import main

    path = broken(tmp_path, "email: Jane.Sharp@newham.gov.uk", "email: nobody")
    assert main(["check", str(path)]) == 2
    assert main(["check", str(PROTOCOL_PATH)]) == 0


def test_a_cross_reference_to_an_unknown_form_names_the_clause_and_its_line(
    tmp_path: Path,
) -> None:
    path = broken(tmp_path, "(see {form:mase-referral|", "(see {form:mase-referal|")
    message = message_for(path)
    assert "sections[3].clauses[5].text" in message
    assert "expected a template id" in message and "'mase-referal'" in message
    text_line = line_of(path.read_text(), 'id: "4.6"') + 1  # the line of 4.6's text:
    assert f"line {text_line}" in message
