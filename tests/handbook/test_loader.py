"""A broken protocol file fails with a message naming the file, the item, its line and what is expected."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from handbook.build.expected import EXPECTED_DIR
from handbook.build.loader import PROTOCOL_PATH, ProtocolFileError, load_protocol

ORIGINAL = PROTOCOL_PATH.read_text(encoding="utf-8")


def first(pattern: str) -> str:
    """The first text of the protocol file that `pattern` matches, whatever its values."""
    match = re.search(pattern, ORIGINAL)
    assert match, f"test setup: nothing in the protocol file matches {pattern!r}"
    return match.group()


# January 2027's panel, as data/expected/ records it (`make expected`), and the day after.
PANEL_2027_01 = next(
    row["next_meeting"]
    for row in json.loads((EXPECTED_DIR / "due_dates.json").read_text(encoding="utf-8"))
    if row["today"] == "2027-01-01"
)
NOT_A_PANEL = f"2027-01-{int(PANEL_2027_01[-2:]) + 1:02d}"


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


@dataclass(frozen=True)
class Breakage:
    """One edit that breaks the protocol file, and what the message must then say.

    `on_line_of` names text of the broken file whose line the message must give
    (`lines_below` lines further down).
    """

    old: str
    new: str
    says: tuple[str, ...]
    on_line_of: str | None = None
    lines_below: int = 0


BREAKAGES = {
    "missing_key_names_the_key_and_its_place": Breakage(
        "  owner: CSE lead, Children and Young People's Services (CYPS)\n",
        "",
        says=("metadata.owner", "missing required key 'owner'", ", line "),
    ),
    "wrong_type_says_what_was_expected": Breakage(
        first(r"    min_weeks: \d+\n"),
        "    min_weeks: eight\n",
        says=("timing.strategy_meeting.min_weeks", "expected a whole number"),
        on_line_of="min_weeks: eight",
    ),
    "unknown_key_is_reported_as_a_probable_typo": Breakage(
        "    week_of_month: 3\n",
        "    week_of_month: 3\n    sendto: cse-lead\n",
        says=("timing.monthly_report.sendto", "unknown key 'sendto'", "allowed:", "send_to"),
        on_line_of="sendto:",
    ),
    "duplicate_clause_id_names_both_places": Breakage(
        '- id: "6.14"',
        '- id: "6.13"',
        says=(
            "sections[5].clauses[13].id",
            "duplicate clause id '6.13'",
            "first used at sections[5].clauses[12].id",
        ),
    ),
    "duplicate_indicator_id_is_refused": Breakage(
        "{id: eh-1-2,",
        "{id: eh-1-1,",
        says=("categories.domains[0].indicators[1].id", "duplicate indicator id 'eh-1-1'"),
    ),
    "category_outside_one_to_three_is_refused": Breakage(
        "{id: sm-3-1, category: 3,",
        "{id: sm-3-1, category: 4,",
        says=(
            "categories.domains[5].indicators[4].category",
            "expected a category 1, 2 or 3, got 4",
        ),
        on_line_of="sm-3-1",
    ),
    "malformed_email_is_refused": Breakage(
        "email: Jane.Sharp@newham.gov.uk",
        "email: Jane.Sharp.newham.gov.uk",
        says=("contacts[0].email", "expected an email address", "'Jane.Sharp.newham.gov.uk'"),
    ),
    "impossible_date_is_refused": Breakage(
        "effective_date: 2026-12-01",
        "effective_date: 2026-02-31",
        says=(
            "metadata.effective_date",
            "expected a real date in the form YYYY-MM-DD, got '2026-02-31'",
        ),
        on_line_of="2026-02-31",
    ),
    "empty_text_is_refused": Breakage(
        "        text: MASE to be used as an escalation procedure where there are barriers"
        " to progress",
        '        text: "  "',
        says=("sections[5].clauses[11].text", "expected some text, got an empty text"),
    ),
    "invalid_yaml_gives_line_and_column": Breakage(
        "  levels:\n",
        "  levels: [\n",
        says=("invalid YAML", ", line ", "column"),
    ),
    "duplicate_yaml_key_is_refused": Breakage(
        first(r'  version: "[^"]*"\n'),
        first(r'  version: "[^"]*"\n') + '  version: "99.0"\n',
        says=("duplicate key 'version'",),
    ),
    "reference_to_an_unknown_contact_is_refused": Breakage(
        "{contact:cse-lead}",
        "{contact:cse-leed}",
        says=("sections[4].clauses[2].text", "expected a contact id", "'cse-leed'"),
    ),
    "a_panel_change_on_a_day_without_a_panel_names_the_line": Breakage(
        "  panel_changes: []\n",
        f"  panel_changes:\n    - {{date: {NOT_A_PANEL}, cancelled: true, reason: A slip}}\n",
        says=("timing.panel_changes[0].date", f"that month's panel is on {PANEL_2027_01}"),
        on_line_of=f"{{date: {NOT_A_PANEL}, cancelled",
    ),
    "a_cross_reference_to_an_unknown_form_names_the_clause_and_its_line": Breakage(
        "(see {form:mase-referral|",
        "(see {form:mase-referal|",
        says=("sections[3].clauses[5].text", "expected a template id", "'mase-referal'"),
        on_line_of='id: "4.6"',
        lines_below=1,  # the line of 4.6's text
    ),
    "an_approved_edition_names_who_approved_it": Breakage(
        "  status: draft\n",
        "  status: approved\n",
        says=("metadata.approved_by", "expected who and when with status: approved"),
    ),
    "a_draft_edition_names_no_approval_date": Breakage(
        "  approved_on: null\n",
        "  approved_on: 2027-01-04\n",
        says=("metadata.approved_on", "expected null until status is approved"),
    ),
    "an_edition_status_is_draft_or_approved": Breakage(
        "  status: draft\n",
        "  status: signed off\n",
        says=("metadata.status", "'signed off'"),
    ),
    "a_decided_decision_says_who_when_and_what": Breakage(
        "      question is removed or reworded; until then the form keeps the source's words.\n"
        "    status: open\n",
        "      question is removed or reworded; until then the form keeps the source's words.\n"
        "    status: decided\n    decided_by: The CSE lead\n    decided_on: 2027-01-04\n",
        says=("decisions[11].decision", "expected the decision in words"),
    ),
}


def test_the_real_protocol_file_is_valid() -> None:
    loaded = load_protocol()
    outline = (EXPECTED_DIR / "outline.txt").read_text(encoding="utf-8").splitlines()
    assert len(loaded.protocol.clauses) == sum(not line.startswith("section") for line in outline)


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_a_broken_protocol_file_is_refused_with_a_message(
    tmp_path: Path, breakage: Breakage
) -> None:
    path = broken(tmp_path, breakage.old, breakage.new)
    message = message_for(path)
    assert str(path) in message
    for words in breakage.says:
        assert words in message
    if breakage.on_line_of is not None:
        line = line_of(path.read_text(), breakage.on_line_of) + breakage.lines_below
        assert f"line {line}" in message


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


def test_check_counts_the_open_decisions(capsys: pytest.CaptureFixture[str]) -> None:
    from handbook.__main__ import main

    protocol = load_protocol().protocol
    assert main(["check", str(PROTOCOL_PATH)]) == 0
    opened = len(protocol.open_decisions)
    assert opened > 0
    assert f"Open decisions for the protocol owner: {opened} of {len(protocol.decisions)}" in (
        capsys.readouterr().out
    )


def test_open_decisions_lists_each_open_one_and_fails_while_any_is_open(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from handbook.__main__ import main

    protocol = load_protocol().protocol
    assert main(["open-decisions", str(PROTOCOL_PATH)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{d.id}: {d.title}" for d in protocol.decisions if d.is_open]


def test_open_decisions_passes_when_every_decision_is_decided(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from handbook.__main__ import main

    made_up = Path(__file__).resolve().parent.parent / "fixtures" / "made_up_protocol.yaml"
    assert not load_protocol(made_up).protocol.open_decisions
    assert main(["open-decisions", str(made_up)]) == 0
    assert capsys.readouterr().out == ""


def test_one_open_decision_fails_the_listing(tmp_path: Path) -> None:
    from handbook.__main__ import main

    made_up = Path(__file__).resolve().parent.parent / "fixtures" / "made_up_protocol.yaml"
    text = made_up.read_text(encoding="utf-8")
    decided = (
        "    status: decided\n    decided_by: Sam Example\n    decided_on: 2027-03-01\n"
        "    decision: Keep the fourth level.\n"
    )
    assert decided in text
    path = tmp_path / "protocol.yaml"
    path.write_text(text.replace(decided, "    status: open\n"), encoding="utf-8")
    assert main(["open-decisions", str(path)]) == 1


TEN_MISTAKES = [
    ("  status: draft\n", "  status: drafted\n", "metadata.status:"),
    ("    email: Jane.Sharp@newham.gov.uk", "    email: Jane.Sharp-at-newham", "contacts[0].email"),
    ('      - id: "6.10"', "      - id: 6.10", 'quote it: "6.10"'),
    ('      - id: "4.2"', '      - id: "4.9"', "expected the clauses in order"),
    ("  effective_date: 2026-12-01", "  effective_date: 2026-13-01", "metadata.effective_date:"),
    (first(r"    weekday: \w+"), "    weekday: thursdey", "mase_panel.weekday:"),
    ("    model_category: 1", "    model_category: 7", "scenarios[0].model_category:"),
    ("  short_title: CSE practice handbook", '  short_title: ""', "metadata.short_title:"),
    ("    week_of_month: 3\n", "    week_of_month: 9\n", "monthly_report.week_of_month:"),
    ("  title: Child Sexual", "  titel: Child Sexual", "unknown key 'titel'"),
]


def test_check_on_a_file_with_ten_mistakes_lists_all_ten_in_file_order(tmp_path: Path) -> None:
    text = ORIGINAL
    for old, new, _ in TEN_MISTAKES:
        assert old in text, f"test setup: {old!r} is not in the protocol file"
        text = text.replace(old, new, 1)
    path = tmp_path / "protocol.yaml"
    path.write_text(text, encoding="utf-8")
    message = message_for(path)
    lines = [line for line in message.splitlines() if line.startswith("  line ")]
    assert message.startswith(f"{path}: 10 problems:"), message
    for _, _, expected in TEN_MISTAKES:
        assert sum(expected in line for line in lines) == 1, (expected, message)
    numbers = [int(line.split(":")[0].split()[-1]) for line in lines]
    assert numbers == sorted(numbers) and len(numbers) == 10


def test_across_the_file_every_reference_and_page_problem_is_listed_in_one_run(
    tmp_path: Path,
) -> None:
    text = ORIGINAL
    for old, new in [
        ("held on the {rule:mase_panel}", "held on the {rule:mase_panels}"),
        ("{path: warning-signs.md,", "{path: warning-sign.md,"),
        ("- {label: Contacts, page: contacts.md}", "- {label: Contacts, page: contact.md}"),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "protocol.yaml"
    path.write_text(text, encoding="utf-8")
    message = message_for(path)
    assert message.splitlines()[0] == f"{path}: 3 problems:", message
    for expected in ("'mase_panels'", "'warning-sign.md'", "'contact.md'"):
        assert expected in message


def test_reading_problems_say_the_checks_across_the_file_come_next(tmp_path: Path) -> None:
    message = message_for(broken(tmp_path, "  status: draft\n", "  status: drafted\n"))
    assert "also checks across the file" in message


def test_a_tab_says_use_spaces(tmp_path: Path) -> None:
    message = message_for(broken(tmp_path, "  title: Child Sexual", "\ttitle: Child Sexual"))
    assert f"line {line_of(ORIGINAL, '  title: Child Sexual')}, column 1" in message
    assert "use spaces, not a tab" in message


def test_an_unclosed_quote_is_named_on_the_line_where_it_opens(tmp_path: Path) -> None:
    old = "  title: Child Sexual Exploitation (CSE) Practice Directive"
    message = message_for(broken(tmp_path, old, '  title: "Child Sexual Exploitation'))
    assert f'line {line_of(ORIGINAL, old)}: a quote (") opens on this line' in message
