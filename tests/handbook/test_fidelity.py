"""The protocol file says what the source text of the directive says, word for word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculators.clause_text import plain_text
from handbook.build.loader import load_protocol

# The directive's text, kept in the repository (data/source/README.md says where it comes from).
SOURCE_PATH = (
    Path(__file__).resolve().parents[2] / "data" / "source" / "newham-cse-practice-directive.txt"
)
PROTOCOL = load_protocol().protocol


@pytest.fixture(scope="module")
def source() -> str:
    assert SOURCE_PATH.exists(), f"the source text is missing: {SOURCE_PATH}"
    return SOURCE_PATH.read_text(encoding="utf-8")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


def test_every_clause_is_word_for_word_from_the_source(source: str) -> None:
    text = flat(source)
    for clause in PROTOCOL.clauses:
        if clause.handbook_label:  # the handbook's label (2.1); its items are checked below
            continue
        assert flat(plain_text(PROTOCOL, clause.text)) in text, clause.id
        for item in clause.items:
            assert f"({item.label}) {flat(item.text)}" in text, f"{clause.id} ({item.label})"


def test_only_words_the_source_lacks_are_marked_as_the_handbooks_label_clause_2_1(
    source: str,
) -> None:
    text = flat(source)
    labelled = [c for c in PROTOCOL.clauses if c.handbook_label]
    assert [c.id for c in labelled] == ["2.1"]
    for clause in labelled:
        assert flat(plain_text(PROTOCOL, clause.text)) not in text, clause.id


def test_safeguard_signs_match_the_source_apart_from_the_recorded_typo_clause_2_1(
    source: str,
) -> None:
    text = flat(source).replace("Emootional", "Emotional")
    for sign in PROTOCOL.clause("2.1").items:
        assert sign.text.startswith(sign.label)
        assert flat(sign.text) in text, sign.label


def matrix_rows(source: str) -> dict[str, list[str]]:
    """The Appendix B table: domain name -> its three category cells."""
    rows = {}
    for line in source.splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and cells[0].isupper() and cells[0] != "INDICATORS":
            rows[cells[0]] = [c.strip() for c in cells[1:4]] + [""] * (4 - len(cells))
    return rows


def test_each_matrix_cell_is_exactly_its_indicators_in_order_appendix_b(source: str) -> None:
    rows = matrix_rows(source)
    assert len(rows) == 9
    for domain, (name, cells) in zip(PROTOCOL.categories.domains, rows.items(), strict=True):
        assert flat(domain.name).upper() == name, domain.id
        for number, cell in enumerate(cells[:3], start=1):
            joined = " ".join(i.text for i in domain.in_category(number))
            assert joined == flat(cell), f"{domain.id} category {number}"


def test_category_definitions_come_from_the_source_appendix_b(source: str) -> None:
    text = flat(source)
    for level in PROTOCOL.categories.levels:
        assert flat(level.definition)[:150] in text or flat(level.definition) in text.replace(
            "IE:", "i.e."
        ).replace("reward. i.e.", "reward, i.e."), level.number
        if level.local_wording:
            assert flat(level.local_wording) in text


def test_every_email_in_the_source_is_a_contact(source: str) -> None:
    emails = set(re.findall(r"[\w.]+@[\w.]+\w", source))
    assert emails == {c.email for c in PROTOCOL.contacts}


def test_appendix_forms_keep_the_source_labels(source: str) -> None:
    text = flat(source).replace(" ?", "?")
    for template_id in ("mase-referral", "monthly-report"):
        for field in PROTOCOL.template(template_id).fields:
            if field.type == "rows":  # a table: its column headings are the source's
                labels = [c.label for c in field.columns]
            elif field.id == "exit_strat_date":  # the handbook splits that row's date out
                labels = []
            elif field.added:  # marked as the handbook's addition, shown as one
                assert flat(field.label).rstrip(":") not in text, (template_id, field.id)
                labels = []
            else:
                labels = [field.label]
            for label in labels:
                assert flat(label).rstrip(":") in text, (template_id, field.id, label)
