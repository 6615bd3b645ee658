"""calculators.documents.field_types: one table of the field types, read by the checks, the
documents, the plain text, the size caps and the form pages."""

from __future__ import annotations

import pytest

from calculators.documents.field_types import (
    FIELD_TYPES,
    check_value,
    display_value,
    required_message,
    texts_of,
)
from calculators.errors import InputError
from calculators.protocol import FIELD_TYPE_NAMES, Column, Field


def a_field(type_: str, **more: object) -> Field:
    return Field(id="answer", label="The answer:", type=type_, **more)  # type: ignore[arg-type]


def test_every_type_the_protocol_may_use_has_one_row_in_the_table() -> None:
    assert set(FIELD_TYPES) == set(FIELD_TYPE_NAMES)
    assert all(row.name == name for name, row in FIELD_TYPES.items())


def test_a_required_field_says_what_to_do_in_its_own_words() -> None:
    assert required_message(a_field("text")) == "Enter The answer"
    assert required_message(a_field("choice", options=("Yes", "No"))) == "Select The answer"
    rows = a_field("rows", columns=(Column(id="date", label="Date"),))
    assert required_message(rows) == "Add at least one row to The answer"


def test_a_date_is_kept_as_iso_text_and_shown_in_words() -> None:
    date = a_field("date")
    assert check_value(date, {"day": "7", "month": "1", "year": "2027"}) == "2027-01-07"
    assert display_value(date, "2027-01-07") == "Thursday 7 January 2027"
    assert display_value(date, "") == ""


def test_a_choice_outside_its_options_is_refused_naming_them() -> None:
    with pytest.raises(InputError, match="expected one of 'Yes', 'No', got 'Maybe'"):
        check_value(a_field("choice", options=("Yes", "No")), "Maybe")


def test_a_table_puts_each_cell_into_the_document_and_a_text_itself() -> None:
    rows = a_field("rows", columns=(Column(id="a", label="A"), Column(id="b", label="B")))
    assert texts_of(rows, [{"a": "one", "b": "two"}, {"a": "three", "b": ""}]) == [
        "one",
        "two",
        "three",
        "",
    ]
    assert texts_of(a_field("textarea"), "all of it") == ["all of it"]


def test_each_type_tells_the_form_page_how_to_read_it() -> None:
    kinds = {name: row.control_data()["kind"] for name, row in FIELD_TYPES.items()}
    assert kinds == {
        "text": "value",
        "textarea": "value",
        "number": "value",
        "date": "parts",
        "choice": "radios",
        "rows": "rows",
    }
    assert FIELD_TYPES["date"].control_data()["parts"] == ["day", "month", "year"]
