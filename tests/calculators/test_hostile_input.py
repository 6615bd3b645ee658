"""Hostile input is answered or refused, fast and as data (runs on CPython and inside Pyodide).

Every request to the bridge comes back as {"ok": true, ...} or as field problems a page
can show: never an exception, never the "did not expect" fallback. Here: the JSON
nesting check, the limits on a draft and a document, protocol versions, lone surrogates
and time stamps. test_bridge_hostile_requests.py throws generated requests at every
request type.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from bridge_answers import call, problems_of
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.documents.drafts import (
    check_values,
    draft_text,
)
from calculators.errors import InputError
from calculators.json_text import STRING, load_json, nesting_depth, outside_strings
from calculators.limits import (
    MAX_DOCUMENT_CHARS,
    MAX_DOCUMENT_PARAGRAPHS,
    MAX_DRAFT_BYTES,
    MAX_REQUEST_BYTES,
    MAX_TEXT_CHARS,
)
from calculators.protocol import Field, Protocol, Template

MEGABYTE = 1_000_000
# The shape that took the old nesting check quadratic time: a quote, then escaped quotes.
HOSTILE_QUOTES = '"' + '\\"' * (MEGABYTE // 2)


def reference_depth(text: str) -> int:
    """The nesting depth read one character at a time, as a JSON parser reads strings."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


# The nesting check ---------------------------------------------------------------------


def test_a_string_read_from_its_opening_quote_never_fails_so_each_quote_is_read_once() -> None:
    # `sub` tries the pattern at a quote only where no earlier string has consumed it; a
    # match from a quote that could fail would be tried again from every later quote.
    for text in (HOSTILE_QUOTES, '"unclosed', '"ends in a backslash\\', '"', '"\\'):
        assert STRING.match(text) is not None


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from('"\\[]{}a\n\ud800'), max_size=40))
def test_a_string_match_from_a_quote_never_fails_whatever_follows(text: str) -> None:
    match = STRING.match('"' + text)
    assert match is not None
    # it ends at the closing quote, or at the end (before a last backslash that escapes nothing)
    rest = ('"' + text)[match.end() :]
    closed = len(match.group()) > 1 and match.group().endswith('"')
    assert closed or rest in ("", "\\")


def test_a_megabyte_of_a_quote_and_escaped_quotes_is_one_string_read_in_one_step() -> None:
    steps = list(STRING.finditer(HOSTILE_QUOTES))
    assert len(HOSTILE_QUOTES) > MEGABYTE
    assert [step.span() for step in steps] == [(0, len(HOSTILE_QUOTES))]
    assert outside_strings(HOSTILE_QUOTES) == b""
    assert nesting_depth(HOSTILE_QUOTES) == 0


def test_a_megabyte_of_hostile_draft_is_refused_by_name(protocol: Protocol) -> None:
    assert "not valid JSON" in problems_of(call(protocol, HOSTILE_QUOTES))["request"]
    draft = HOSTILE_QUOTES[:MAX_DRAFT_BYTES]  # the largest draft file the page lets through
    opened = call(protocol, {"type": "open_draft", "payload": {"text": draft}})
    assert "not a draft" in problems_of(opened)["draft"]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet='[]{}"\\ a:,', max_size=60))
def test_the_depth_is_what_reading_one_character_at_a_time_gives(text: str) -> None:
    assert nesting_depth(text) == reference_depth(text)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(constant: str) -> None:
    with pytest.raises(InputError) as caught:
        load_json(f'{{"a": {constant}}}', "request", "The request")
    assert caught.value.problems[0].field == "request"


# One limit on a draft's size -----------------------------------------------------------


def largest_answers(template: Template, character: str) -> dict[str, Any]:
    """Answers at the document caps, every character `character` (the costliest to escape)."""
    values: dict[str, Any] = {}
    chars = paragraphs = 0
    for field in template.fields:
        if field.type == "rows":
            width = len(field.columns)
            rows = (MAX_DOCUMENT_PARAGRAPHS - paragraphs - 200) // width
            values[field.id] = [{c.id: character for c in field.columns}] * rows
            chars += rows * width
            paragraphs += rows * width
    for field in template.fields:
        if field.type in ("text", "textarea"):
            room = min(MAX_TEXT_CHARS, MAX_DOCUMENT_CHARS - chars)
            values[field.id] = character * room
            chars += room
            paragraphs += 1
    assert chars == MAX_DOCUMENT_CHARS and paragraphs <= MAX_DOCUMENT_PARAGRAPHS
    return values


@pytest.mark.parametrize("character", ["\U0001f600", '"', "\\", "<"])
def test_the_largest_answers_save_as_a_draft_that_reopens_through_the_bridge(
    protocol: Protocol, character: str
) -> None:
    for template in protocol.templates:
        values = largest_answers(template, character)
        saved = call(protocol, {"type": "save_draft", "payload": {"template": template.id}})
        assert saved["ok"] is True
        saved = call(
            protocol,
            {"type": "save_draft", "payload": {"template": template.id, "fields": values}},
        )
        assert saved["ok"] is True, saved
        text = saved["result"]["json"]
        assert len(text.encode("utf-8")) <= MAX_DRAFT_BYTES
        request = json.dumps({"type": "open_draft", "payload": {"text": text}})
        assert len(request.encode("utf-8")) <= MAX_REQUEST_BYTES
        opened = call(protocol, request)
        assert opened["ok"] is True, opened
        assert opened["result"]["fields"] == check_values(template, values)


def test_any_file_within_the_draft_limit_fits_in_a_request_whatever_its_escaping(
    protocol: Protocol,
) -> None:
    worst = "\x01" * MAX_DRAFT_BYTES  # one byte in the file, six characters in JSON
    request = json.dumps({"type": "open_draft", "payload": {"text": worst}})
    assert len(request.encode("utf-8")) <= MAX_REQUEST_BYTES
    assert "not a draft" in problems_of(call(protocol, request))["draft"]


def test_a_draft_over_the_limit_is_refused_when_saved_and_when_opened(protocol: Protocol) -> None:
    template = protocol.template("mase-referral")
    with pytest.raises(InputError) as caught:
        draft_text(protocol, template, {"background": "x" * 1_000}, max_bytes=1_000)
    assert caught.value.problems[0].field == "fields"
    assert "at most 1,000 bytes" in caught.value.problems[0].message
    padded = json.dumps({"template": template.id, "fields": {}}) + " " * MAX_DRAFT_BYTES
    message = problems_of(call(protocol, {"type": "open_draft", "payload": {"text": padded}}))
    assert f"at most {MAX_DRAFT_BYTES:,} bytes" in message["draft"]


# protocol_version ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "version", ["1.0<script>", "x" * 200, "1.2.3.4.5", "1000.0", "١.٠", "", " 1.0", 1.0, ["1"]]
)
def test_a_drafts_protocol_version_must_be_a_short_version_number(
    protocol: Protocol, version: Any
) -> None:
    draft = {"template": "mase-referral", "protocol_version": version, "fields": {}}
    request = {"type": "open_draft", "payload": {"text": json.dumps(draft)}}
    assert "version number" in problems_of(call(protocol, request))["protocol_version"]


@pytest.mark.parametrize("version", ["0.9", "2", "10.2.3.4"])
def test_another_short_version_opens_with_a_warning_naming_it(
    protocol: Protocol, version: str
) -> None:
    draft = {"template": "mase-referral", "protocol_version": version, "fields": {}}
    opened = call(protocol, {"type": "open_draft", "payload": {"text": json.dumps(draft)}})
    assert opened["ok"] is True
    [warning] = opened["result"]["warnings"]
    assert f"version {version};" in warning


# Lone surrogates and timestamps -----------------------------------------------------------


def dates_payload(**extra: Any) -> dict[str, Any]:
    return {"today": "2027-03-27", "last_strategy": "2027-03-01", **extra}


@pytest.mark.parametrize("reference", ["\ud800", "ref \udfff", "\ud83d"])
def test_a_lone_surrogate_in_the_case_reference_is_refused_by_name(
    protocol: Protocol, reference: str
) -> None:
    response = call(
        protocol, {"type": "calendar_file", "payload": dates_payload(case_reference=reference)}
    )
    assert "cannot be read" in problems_of(response)["case_reference"]


def test_a_lone_surrogate_in_any_dates_text_field_is_refused_by_name(protocol: Protocol) -> None:
    payload = dates_payload(out_of_borough="yes", agreed_interval_weeks="12")
    payload["interval_rationale"] = "agreed \ud800"
    problems = problems_of(call(protocol, {"type": "dates", "payload": payload}))
    assert "cannot be read" in problems["interval_rationale"]


def test_a_lone_surrogate_in_a_form_or_a_draft_is_refused_by_field(protocol: Protocol) -> None:
    fields = {"yp_name": "Jo \ud800", "alleged_perpetrators": [{"name": "\udc00"}]}
    payload = {"template": "mase-referral", "fields": fields}
    for request_type in ("check_form", "save_draft", "template_text"):
        problems = problems_of(call(protocol, {"type": request_type, "payload": payload}))
        assert {"yp_name", "alleged_perpetrators[0].name"} <= set(problems), request_type
        assert "U+D800" in problems["yp_name"]
    draft = json.dumps({"template": "mase-referral", "protocol_version": "1.0", "fields": fields})
    problems = problems_of(call(protocol, {"type": "open_draft", "payload": {"text": draft}}))
    assert set(problems) == {"yp_name", "alleged_perpetrators[0].name"}


@pytest.mark.parametrize(
    "now",
    [
        "0001-01-01T00:00:00+01:00",
        "0001-01-01",
        "9999-12-31T23:59:59-01:00",
        "9999-12-31T23:59:59",
        "garbage",
        "2027-02-30T09:00Z",
        12,
        ["2027-03-27"],
    ],
)
def test_an_out_of_range_or_garbled_time_stamp_is_refused_by_name(
    protocol: Protocol, now: Any
) -> None:
    response = call(protocol, {"type": "calendar_file", "payload": dates_payload(now=now)})
    assert "now" in problems_of(response)


def test_a_time_stamp_in_range_makes_the_calendar_file(protocol: Protocol) -> None:
    payload = dates_payload(now="2027-03-27T09:30:00+01:00")
    response = call(protocol, {"type": "calendar_file", "payload": payload})
    assert response["ok"] is True
    assert "DTSTAMP:20270327T083000Z" in response["result"]["text"]


# The document caps -------------------------------------------------------------------------


def first_of(template: Template, field_type: str) -> Field:
    return next(f for f in template.fields if f.type == field_type)


def test_a_forms_answers_may_hold_the_capped_characters_and_no_more(protocol: Protocol) -> None:
    template = protocol.template("monthly-report")
    areas = [f.id for f in template.fields if f.type == "textarea"]
    values = {a: "x" * (MAX_DOCUMENT_CHARS // len(areas)) for a in areas}
    values[areas[0]] += "x" * (MAX_DOCUMENT_CHARS % len(areas))
    check_values(template, values)
    values[areas[-1]] += "x"
    with pytest.raises(InputError) as caught:
        check_values(template, values)
    [problem] = caught.value.problems
    assert problem.field == areas[-1]
    assert f"at most {MAX_DOCUMENT_CHARS:,} characters in all" in problem.message
    assert f"{MAX_DOCUMENT_CHARS + 1:,}" in problem.message


def test_a_forms_answers_may_have_the_capped_paragraphs_and_no_more(protocol: Protocol) -> None:
    template = protocol.template("monthly-report")
    rows = first_of(template, "rows")
    width = len(rows.columns)
    count = MAX_DOCUMENT_PARAGRAPHS // width
    area = first_of(template, "textarea").id
    rest = MAX_DOCUMENT_PARAGRAPHS - count * width
    values: dict[str, Any] = {rows.id: [{rows.columns[0].id: "x"}] * count}
    values[area] = "\n".join(["line"] * rest) if rest else None
    check_values(template, {k: v for k, v in values.items() if v})
    values[area] = "\n\n".join(["paragraph"] * (rest + 1))
    with pytest.raises(InputError) as caught:
        check_values(template, values)
    [problem] = caught.value.problems
    in_order = [f.id for f in template.fields if f.id in (rows.id, area)]
    assert problem.field == in_order[-1]  # the answer at which the total passes the cap
    assert f"at most {MAX_DOCUMENT_PARAGRAPHS:,} paragraphs and lines" in problem.message


def test_two_hundred_rows_of_short_paragraphs_are_refused_by_the_rows_name(
    protocol: Protocol,
) -> None:
    template = protocol.template("monthly-report")
    rows = first_of(template, "rows")
    cell = "\n\n".join(["short"] * 5)
    payload = {"template": template.id, "fields": {rows.id: [{rows.columns[0].id: cell}] * 200}}
    message = problems_of(call(protocol, {"type": "check_form", "payload": payload}))[rows.id]
    assert "paragraphs and lines" in message
