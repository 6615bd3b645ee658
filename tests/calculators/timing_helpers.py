"""Shared helpers for the due-date tests: a protocol with changed rules or holidays.

Runs on CPython and inside Pyodide: standard library and pytest only.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

import pytest

from calculators.errors import InputError
from calculators.protocol import Protocol, protocol_from_mapping

THURSDAY = 3


def every_day(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


DAYS_2026_TO_2028 = every_day(date(2026, 1, 1), date(2028, 12, 31))


def with_changes(protocol_data: dict[str, Any], **timing: Any) -> Protocol:
    """A copy of the protocol with parts of `timing` replaced (a shallow merge per rule)."""
    data = copy.deepcopy(protocol_data)
    for key, value in timing.items():
        if isinstance(value, dict):
            data["timing"][key].update(value)
        else:
            data["timing"][key] = value
    return protocol_from_mapping(data)


def with_holidays(protocol_data: dict[str, Any], *holidays: tuple[str, str]) -> Protocol:
    """A copy of the protocol whose only bank holidays are the ones given."""
    dates = [{"date": day, "name": name} for day, name in holidays]
    return with_changes(protocol_data, bank_holidays={"dates": dates})


def problems(error: pytest.ExceptionInfo[InputError]) -> dict[str, str]:
    return {p.field: p.message for p in error.value.problems}
