"""Generated hostile requests to the bridge are answered or refused as data (runs on CPython
and inside Pyodide): any JSON, any answer on the dates page, any form, draft, risk request
or text comes back as {"ok": true, ...} or as field problems a page can show, never an
exception or the "did not expect" fallback.
"""

from __future__ import annotations

import json
from datetime import date, timedelta, timezone
from typing import Any

import pytest
from bridge_answers import assert_answered_as_data, call
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import bridge
from calculators.protocol import Protocol

TEXT = st.text(
    alphabet=st.characters(codec=None, exclude_categories=()), max_size=40
) | st.sampled_from(["\ud800", "a\udfffb", "\x00", "\u2028", "😀", "0001-01-01", "NaN", "1e999"])
SCALAR = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT
JSON_VALUES = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
NEAR = st.dates(min_value=date(1999, 1, 1), max_value=date(2101, 12, 31))
OFFSETS = st.timedeltas(min_value=-timedelta(hours=23), max_value=timedelta(hours=23))
MOMENTS = st.datetimes() | st.datetimes(timezones=st.builds(timezone, OFFSETS))
DATE_LIKE = (
    NEAR.map(lambda d: d.isoformat())
    | st.dates().map(lambda d: d.isoformat())
    | MOMENTS.map(lambda d: d.isoformat())
    | st.fixed_dictionaries(
        {"day": SCALAR, "month": SCALAR, "year": SCALAR | st.integers(1, 9999).map(str)}
    )
    | JSON_VALUES
)
# A payload the dates page could send, with one to three answers made hostile: the deep
# paths (a strategy meeting's calendar event with a case reference) are reached only when
# the other answers are good.
GOOD_DATES_PAYLOAD = {
    "today": "2027-03-27",
    "last_strategy": "2027-03-01",
    "initial_strategy": "2027-01-10",
    "out_of_borough": "no",
    "agreed_interval_weeks": "",
    "interval_rationale": "",
    "referral_planned": "yes",
    "case_reference": "CR-1",
    "now": "2027-03-27T09:00Z",
    "year": 2027,
}
HOSTILE_STRINGS = st.sampled_from(
    [
        "\ud800",
        "a\udfffb",
        "\ud83d",
        "\x00",
        "\u2028",
        "\U0001f600" * 40,
        "0001-01-01T00:00+01:00",
        "9999-12-31T23:59-01:00",
        "0001-01-01",
        "9999-12-31",
        "2027-02-30",
        "NaN",
        "1e999",
        "-1",
        "   ",
        "x" * 1_000,
    ]
)
HOSTILE_VALUE = HOSTILE_STRINGS | st.one_of(
    TEXT,
    DATE_LIKE,
    MOMENTS.map(lambda d: d.isoformat()),
    st.integers(-(10**20), 10**20),
    st.sampled_from(["yes", "", None, "12", "0", "99999"]),
)


# No deadline: the tests never time anything (the machine may be busy), and Pyodide is slower.
PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def form_payloads(draw: st.DrawFn, protocol: Protocol) -> dict[str, Any]:
    template = draw(st.sampled_from(protocol.templates))
    fields: dict[str, Any] = {}
    for field in draw(st.lists(st.sampled_from(template.fields), max_size=6)):
        if field.type == "rows":
            columns = [c.id for c in field.columns] + ["no-such-column"]
            row = st.dictionaries(st.sampled_from(columns), TEXT | JSON_VALUES, max_size=3)
            fields[field.id] = draw(st.lists(row, max_size=3) | JSON_VALUES)
        elif field.type == "choice":
            fields[field.id] = draw(st.sampled_from(field.options) | TEXT | JSON_VALUES)
        elif field.type == "date":
            fields[field.id] = draw(DATE_LIKE)
        else:
            fields[field.id] = draw(TEXT | JSON_VALUES)
    fields.update(draw(st.dictionaries(TEXT, JSON_VALUES, max_size=2)))
    template_id = draw(st.just(template.id) | TEXT)
    return {"template": template_id, "fields": fields}


@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_json_request_is_answered_or_refused_as_data(protocol: Protocol, data: Any) -> None:
    request_type = data.draw(st.sampled_from(sorted(bridge.HANDLERS)) | TEXT | JSON_VALUES)
    payload = data.draw(JSON_VALUES | st.dictionaries(TEXT, JSON_VALUES, max_size=6))
    assert_answered_as_data(call(protocol, {"type": request_type, "payload": payload}))


@pytest.mark.parametrize("key", sorted(GOOD_DATES_PAYLOAD))
@pytest.mark.parametrize("out_of_borough", [False, True])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=HOSTILE_VALUE)
def test_any_answer_on_the_dates_page_is_answered_or_refused_as_data(
    protocol: Protocol, key: str, out_of_borough: bool, value: Any
) -> None:
    # The other answers are good, so the hostile one reaches the deepest path it can
    # (a strategy meeting's calendar event with its case reference).
    payload: dict[str, Any] = dict(GOOD_DATES_PAYLOAD)
    if out_of_borough:
        payload.update(out_of_borough="yes", agreed_interval_weeks="12", interval_rationale="ok")
    payload[key] = value
    for request_type in ("dates", "calendar", "calendar_file"):
        assert_answered_as_data(call(protocol, {"type": request_type, "payload": payload}))


@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_form_request_is_answered_or_refused_as_data(protocol: Protocol, data: Any) -> None:
    request_type = data.draw(st.sampled_from(["check_form", "template_text", "save_draft"]))
    payload = data.draw(form_payloads(protocol))
    assert_answered_as_data(call(protocol, {"type": request_type, "payload": payload}))


@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_draft_file_is_opened_or_refused_as_data(protocol: Protocol, data: Any) -> None:
    payload = data.draw(form_payloads(protocol))
    draft = {"template": payload["template"], "fields": payload["fields"]}
    extra = data.draw(st.dictionaries(st.sampled_from(["protocol_version", "x"]), JSON_VALUES))
    text = json.dumps({**draft, **extra}, ensure_ascii=data.draw(st.booleans()))
    text = data.draw(st.just(text) | st.text(alphabet=text or "{", max_size=80))
    response = call(protocol, {"type": "open_draft", "payload": {"text": text}})
    assert_answered_as_data(response)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_risk_request_is_answered_or_refused_as_data(protocol: Protocol, data: Any) -> None:
    ids = st.sampled_from([i.id for i in protocol.indicators]) | TEXT
    payload = data.draw(
        st.fixed_dictionaries(
            {},
            optional={
                "indicators": st.lists(ids, max_size=5) | JSON_VALUES,
                "recorded_category": st.integers(0, 4) | JSON_VALUES,
                "reason": TEXT | JSON_VALUES,
            },
        )
    )
    assert_answered_as_data(call(protocol, {"type": "risk", "payload": payload}))


@PROPERTY_SETTINGS
@given(text=st.text(alphabet='[]{}"\\:,0123456789.eE-+ \ud800 tfnulra', max_size=80))
def test_any_text_is_answered_or_refused_as_data(protocol: Protocol, text: str) -> None:
    assert_answered_as_data(json.loads(bridge.handle(protocol, text)))
