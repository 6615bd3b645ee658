"""The calendar file's case reference: a reference, never a name or a date of birth."""

from __future__ import annotations

import json

import pytest

from calculators import bridge
from calculators.dates.case_reference import looks_like_a_date, read_case_reference
from calculators.errors import InputError
from calculators.protocol import Protocol


def refusal(protocol: Protocol, value: str) -> str:
    with pytest.raises(InputError) as error:
        read_case_reference(protocol, value)
    (problem,) = error.value.problems
    assert problem.field == "case_reference"
    return problem.message


@pytest.mark.parametrize("reference", ["CS-2024-0113", "CR/2026/114_b", "REF-77", "12345"])
def test_a_reference_of_letters_and_digits_with_dash_slash_or_underscore_is_kept(
    protocol: Protocol, reference: str
) -> None:
    assert read_case_reference(protocol, f"  {reference} ") == reference


def test_no_reference_is_allowed(protocol: Protocol) -> None:
    assert read_case_reference(protocol, "") == ""
    assert read_case_reference(protocol, None) == ""


def test_a_name_with_a_date_of_birth_is_refused_naming_the_rule(protocol: Protocol) -> None:
    wording = protocol.calendar_file.case_reference
    assert refusal(protocol, "Jane Smith 12/03/2011") == wording.looks_like_a_date


@pytest.mark.parametrize("name", ["Jane Smith", "Jane Smith 7", "O'Brien-2"])
def test_words_with_spaces_or_a_names_characters_are_refused_naming_the_rule(
    protocol: Protocol, name: str
) -> None:
    assert refusal(protocol, name) == protocol.calendar_file.case_reference.not_a_reference


@pytest.mark.parametrize("name", ["Jane", "JaneSmith", "Jane-Smith"])
def test_a_reference_without_a_digit_is_refused_as_a_name(protocol: Protocol, name: str) -> None:
    assert refusal(protocol, name) == protocol.calendar_file.case_reference.looks_like_a_name


@pytest.mark.parametrize("written", ["12/03/2011", "1-3-11", "2011-03-12", "CS12.03.2011"])
def test_a_date_however_written_is_refused_as_a_date_of_birth(
    protocol: Protocol, written: str
) -> None:
    assert looks_like_a_date(written)
    assert refusal(protocol, written) == protocol.calendar_file.case_reference.looks_like_a_date


@pytest.mark.parametrize("reference", ["CS-2024-0113", "CR/2026/114", "AB-13-99-7"])
def test_numbers_that_cannot_be_a_date_are_not_taken_for_one(reference: str) -> None:
    assert not looks_like_a_date(reference)


def test_every_refusal_names_the_rule(protocol: Protocol) -> None:
    wording = protocol.calendar_file.case_reference
    for message in (wording.not_a_reference, wording.looks_like_a_name, wording.looks_like_a_date):
        assert "letters and digits" in message or "digit" in message, message


def test_the_calendar_file_request_refuses_a_name_as_the_case_reference(
    protocol: Protocol,
) -> None:
    request = {
        "type": "calendar_file",
        "payload": {"today": "2026-11-29", "case_reference": "Jane Smith 12/03/2011"},
    }
    response = json.loads(bridge.handle(protocol, json.dumps(request)))
    assert response["ok"] is False
    assert [problem["field"] for problem in response["errors"]] == ["case_reference"]
    assert "Jane" not in json.dumps(response)
