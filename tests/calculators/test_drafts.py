"""Checking a form's answers and reading drafts: every problem names its field.

Pure standard library: runs on CPython and inside Pyodide.
"""

from __future__ import annotations

import json

import pytest

from calculators.documents.drafts import (
    check_values,
    make_draft,
    read_draft,
    read_values,
)
from calculators.errors import InputError
from calculators.limits import MAX_ROWS, MAX_TEXT_CHARS
from calculators.protocol import Protocol


def problems(error: pytest.ExceptionInfo[InputError]) -> dict[str, str]:
    return {p.field: p.message for p in error.value.problems}


def test_answers_are_kept_as_typed_with_line_endings_normalised(protocol: Protocol) -> None:
    template = protocol.template("mase-referral")
    clean = check_values(
        template,
        {
            "yp_name": "  Jo & <Sam>  ",
            "background": "one\r\ntwo\rthree",
            "strat_held": "Yes",
            "strat_date": "2027-01-07",
            "carefirst_ref": "",
            "significant_events": [{"date": "1 Jan", "detail": "seen"}, {"date": "", "detail": ""}],
        },
    )
    assert clean == {
        "yp_name": "  Jo & <Sam>  ",
        "background": "one\ntwo\nthree",
        "strat_held": "Yes",
        "strat_date": "2027-01-07",
        "significant_events": [{"date": "1 Jan", "detail": "seen", "reference": ""}],
    }


def test_unknown_fields_are_named(protocol: Protocol) -> None:
    with pytest.raises(InputError) as caught:
        check_values(protocol.template("mase-referral"), {"yp_name": "Jo", "shoe_size": "9"})
    assert list(problems(caught)) == ["shoe_size"]
    assert "unknown field 'shoe_size'" in problems(caught)["shoe_size"]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("yp_name", 7, "Young person's Name: expected text, got a number"),
        ("background", ["a"], "Background of case/summary update: expected text, got a list"),
        (
            "strat_date",
            "7 January 2027",
            "Date (most recent) must be a date in the form YYYY-MM-DD, for example 2027-03-27",
        ),
        ("strat_date", "2027-02-30", "Date (most recent) must be a real date"),
        ("strat_held", "Maybe", "CSE Strat held?: expected one of 'Yes', 'No', got 'Maybe'"),
        ("significant_events", "a row", "Significant events: expected a list of rows, got text"),
    ],
)
def test_wrong_types_name_the_field_and_its_label(
    protocol: Protocol, field: str, value: object, expected: str
) -> None:
    with pytest.raises(InputError) as caught:
        check_values(protocol.template("mase-referral"), {field: value})
    assert list(problems(caught)) == [field]
    assert expected in problems(caught)[field]


def test_dates_come_as_iso_text_or_as_the_parts_of_a_date_input_and_are_kept_as_iso(
    protocol: Protocol,
) -> None:
    template = protocol.template("mase-referral")
    clean = check_values(
        template,
        {
            "referral_date": {"day": "7", "month": "1", "year": "2027"},
            "strat_date": " 2027-1-7 ",
        },
    )
    assert clean == {"referral_date": "2027-01-07", "strat_date": "2027-01-07"}
    padded = {"day": " 07 ", "month": "01", "year": "2100"}
    assert check_values(template, {"strat_date": padded}) == {"strat_date": "2100-01-07"}


def test_empty_dates_are_no_answer_and_required_ones_are_asked_for(protocol: Protocol) -> None:
    template = protocol.template("mase-referral")
    empty = {"day": "", "month": " ", "year": ""}
    assert check_values(template, {"referral_date": empty, "strat_date": ""}) == {}
    with pytest.raises(InputError) as caught:
        check_values(template, {"referral_date": empty}, complete=True)
    assert problems(caught)["referral_date"] == "Enter Date"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"day": "5", "month": "", "year": ""}, "Date (most recent) must include a month and year"),
        ({"day": "", "month": "3", "year": "2027"}, "Date (most recent) must include a day"),
        ({"day": "31", "month": "2", "year": "2027"}, "Date (most recent) must be a real date"),
        ({"day": "1", "month": "13", "year": "2027"}, "Date (most recent) must be a real date"),
        ({"day": "1", "month": "1", "year": "0001"}, "must have a year from 2000 to 2100"),
        ({"day": "1", "month": "1", "year": "9999"}, "must have a year from 2000 to 2100"),
        ({"day": "1", "month": "1", "year": "27"}, "must include a year with 4 numbers"),
        ({"day": "x", "month": "1", "year": "2027"}, "Date (most recent) must be a real date"),
        ({"day": "1", "month": "1", "year": "2027", "hour": "9"}, "unknown part 'hour'"),
        ("0001-01-01", "must have a year from 2000 to 2100"),
        ("9999-12-31", "must have a year from 2000 to 2100"),
        ("-00-05", "Date (most recent) must be a date in the form YYYY-MM-DD"),
        (20270107, "Date (most recent) must be a real date"),
        (["2027", "1", "7"], "Date (most recent) must be a real date"),
    ],
)
def test_date_problems_name_the_field_and_its_label(
    protocol: Protocol, value: object, expected: str
) -> None:
    with pytest.raises(InputError) as caught:
        check_values(protocol.template("mase-referral"), {"strat_date": value})
    found = problems(caught)
    assert list(found) == ["strat_date"]
    assert expected in found["strat_date"]
    assert "Date (most recent)" in found["strat_date"]


def test_a_draft_saved_from_date_parts_keeps_iso_dates(protocol: Protocol) -> None:
    template = protocol.template("monthly-report")
    values = {"last_strat_date": {"day": "3", "month": "12", "year": "2026"}}
    draft = make_draft(protocol, template, values)
    assert draft["fields"] == {"last_strat_date": "2026-12-03"}
    assert read_draft(protocol, json.dumps(draft))["fields"] == draft["fields"]


def test_bad_cells_name_the_row_and_column(protocol: Protocol) -> None:
    rows = [{"date": "1 Jan"}, {"detail": 5}, {"colour": "red"}, "not a row"]
    with pytest.raises(InputError) as caught:
        check_values(protocol.template("mase-referral"), {"significant_events": rows})
    found = problems(caught)
    assert set(found) == {
        "significant_events[1].detail",
        "significant_events[2].colour",
        "significant_events[3]",
    }
    assert (
        "Significant events, row 2, Significant event detail: expected text"
        in found["significant_events[1].detail"]
    )
    assert "unknown column 'colour'" in found["significant_events[2].colour"]


def test_every_problem_is_reported_at_once(protocol: Protocol) -> None:
    with pytest.raises(InputError) as caught:
        check_values(
            protocol.template("mase-referral"), {"yp_name": 1, "strat_date": "soon", "x": ""}
        )
    assert set(problems(caught)) == {"yp_name", "strat_date", "x"}


def test_required_fields_are_checked_only_when_complete(protocol: Protocol) -> None:
    template = protocol.template("strategy-meeting")
    assert check_values(template, {}) == {}
    with pytest.raises(InputError) as caught:
        check_values(template, {"yp_name": "   "}, complete=True)
    found = problems(caught)
    assert set(found) == {f.id for f in template.fields if f.required}
    assert found["yp_name"] == "Enter Young person's name"
    assert found["meeting_type"] == "Select Type of meeting"


def test_final_report_requires_the_exit_rationale_and_date_clauses_5_1_6_5(
    protocol: Protocol,
) -> None:
    with pytest.raises(InputError) as caught:
        check_values(protocol.template("final-report"), {}, complete=True)
    assert {"exit_rationale", "exit_strat_date"} <= set(problems(caught))
    with pytest.raises(InputError) as caught:
        check_values(protocol.template("monthly-report"), {}, complete=True)
    assert not {"exit_rationale", "exit_strat_date"} & set(problems(caught))


def test_limits_on_size_have_clear_messages(protocol: Protocol) -> None:
    template = protocol.template("mase-referral")
    check_values(template, {"background": "x" * MAX_TEXT_CHARS})
    with pytest.raises(InputError) as caught:
        check_values(template, {"background": "x" * (MAX_TEXT_CHARS + 1)})
    assert "at most 20,000 characters, got 20,001" in problems(caught)["background"]
    with pytest.raises(InputError) as caught:
        check_values(template, {"significant_events": [{"date": "x"}] * (MAX_ROWS + 1)})
    assert f"at most {MAX_ROWS} rows" in problems(caught)["significant_events"]


def test_control_characters_are_refused_with_their_position(protocol: Protocol) -> None:
    with pytest.raises(InputError) as caught:
        check_values(protocol.template("mase-referral"), {"yp_name": "Jo\x07"})
    assert "U+0007, at character 3" in problems(caught)["yp_name"]


def test_a_draft_round_trips(protocol: Protocol) -> None:
    template = protocol.template("monthly-report")
    values = {"yp_name": "Jo 😀", "offenders": [{"name": "X", "aliases": "Y"}]}
    text = json.dumps(make_draft(protocol, template, values))
    draft = read_draft(protocol, text)
    assert draft["template"] == template
    assert draft["fields"] == check_values(template, values)
    assert draft["warnings"] == []


@pytest.mark.parametrize("text", ["", "{", "not json", b"\xff\xfe", "[1, 2]"])
def test_a_file_that_is_not_a_draft_is_named_as_such(protocol: Protocol, text: str | bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_draft(protocol, text)
    assert list(problems(caught)) == ["draft"]


def test_a_draft_with_unknown_or_wrong_fields_names_them(protocol: Protocol) -> None:
    text = json.dumps(
        {
            "template": "mase-referral",
            "protocol_version": protocol.metadata.version,
            "fields": {"yp_name": ["Jo"], "favourite_colour": "blue"},
        }
    )
    with pytest.raises(InputError) as caught:
        read_draft(protocol, text)
    assert set(problems(caught)) == {"yp_name", "favourite_colour"}


def test_a_draft_for_an_unknown_template_or_with_extra_keys_is_refused(protocol: Protocol) -> None:
    with pytest.raises(InputError) as caught:
        read_draft(protocol, json.dumps({"template": "tax-return", "fields": {}}))
    assert "unknown template 'tax-return'" in problems(caught)["template"]
    with pytest.raises(InputError) as caught:
        read_draft(protocol, json.dumps({"template": "mase-referral", "fields": {}, "x": 1}))
    assert list(problems(caught)) == ["x"]


def test_a_draft_from_another_protocol_version_opens_with_a_warning(protocol: Protocol) -> None:
    text = json.dumps({"template": "mase-referral", "protocol_version": "0.1", "fields": {}})
    [warning] = read_draft(protocol, text)["warnings"]
    assert "version 0.1" in warning and protocol.metadata.version in warning


def test_read_values_takes_a_plain_object_or_a_draft_of_the_same_template(
    protocol: Protocol,
) -> None:
    template = protocol.template("mase-referral")
    assert read_values(protocol, template, '{"yp_name": "Jo"}')["fields"] == {"yp_name": "Jo"}
    draft = json.dumps({"template": "mase-referral", "fields": {"yp_name": "Jo"}})
    assert read_values(protocol, template, draft)["fields"] == {"yp_name": "Jo"}
    other = json.dumps({"template": "monthly-report", "fields": {}})
    with pytest.raises(InputError) as caught:
        read_values(protocol, template, other)
    assert list(problems(caught)) == ["template"]


def test_a_deeply_nested_draft_is_refused_before_parsing(protocol: Protocol) -> None:
    from calculators.documents.drafts import read_draft

    with pytest.raises(InputError) as error:
        read_draft(protocol, '{"fields": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert error.value.problems[0].field == "draft"
    assert "nested too deeply" in error.value.problems[0].message


def test_a_latin_1_draft_is_refused_with_a_message_naming_the_encoding(
    protocol: Protocol,
) -> None:
    draft = {"template": "mase-referral", "fields": {"yp_name": "Zoë"}}
    with pytest.raises(InputError) as caught:
        read_draft(protocol, json.dumps(draft, ensure_ascii=False).encode("latin-1"))
    assert "not UTF-8 text" in problems(caught)["draft"]
    assert "Latin-1" in problems(caught)["draft"]


def test_a_utf_8_draft_with_a_byte_order_mark_opens_with_its_letters(protocol: Protocol) -> None:
    draft = {"template": "mase-referral", "fields": {"yp_name": "Zoë"}}
    text = json.dumps(draft, ensure_ascii=False).encode("utf-8-sig")
    assert read_draft(protocol, text)["fields"] == {"yp_name": "Zoë"}


def test_a_utf_16_draft_is_refused(protocol: Protocol) -> None:
    with pytest.raises(InputError) as caught:
        read_draft(protocol, '{"template": "mase-referral", "fields": {}}'.encode("utf-16"))
    assert "UTF-16" in problems(caught)["draft"]


@pytest.mark.parametrize(
    ("start", "named"),
    [(b"PK\x03\x04", "Word document"), (b"%PDF-1.7", "PDF"), (b"\x89PNG\r\n", "picture")],
)
def test_a_document_chosen_as_a_draft_is_named_as_what_it_is(
    protocol: Protocol, start: bytes, named: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_draft(protocol, start + b"[" * 5000 + b"\x00\xff")
    message = problems(caught)["draft"]
    assert "not a draft" in message and named in message
    assert "nested" not in message


def test_a_draft_from_an_older_version_keeps_the_fields_that_remain_and_names_those_dropped(
    protocol: Protocol,
) -> None:
    text = json.dumps(
        {
            "template": "monthly-report",
            "protocol_version": "0.1",
            "fields": {
                "yp_name": "Jo",
                "police_ref": "gone since",
                "offenders": [{"name": "X", "shoe_size": "9"}],
            },
        }
    )
    draft = read_draft(protocol, text)
    assert draft["fields"]["yp_name"] == "Jo"
    assert draft["fields"]["offenders"][0]["name"] == "X"
    assert "police_ref" not in draft["fields"]
    dropped = next(w for w in draft["warnings"] if "no longer has" in w)
    assert "police_ref" in dropped and "offenders, column shoe_size" in dropped


def test_a_draft_of_the_current_version_with_an_unknown_field_is_still_refused(
    protocol: Protocol,
) -> None:
    text = json.dumps(
        {
            "template": "mase-referral",
            "protocol_version": protocol.metadata.version,
            "fields": {"police_ref": "x"},
        }
    )
    with pytest.raises(InputError) as caught:
        read_draft(protocol, text)
    assert list(problems(caught)) == ["police_ref"]
