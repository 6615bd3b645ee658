"""Shared helpers for the due-date tests: a protocol with changed rules or holidays.

Runs on CPython and inside Pyodide: standard library and pytest only.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from calculators import timing
from calculators.errors import InputError
from calculators.protocol import Protocol, ProtocolError, protocol_from_mapping

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


# England's bank holidays around Christmas 2026 (26 December is a Saturday, so Boxing
# Day is kept on Monday 28 December) and Easter 2027 (Easter Sunday is 28 March).
HOLIDAYS = [
    {"date": "2026-12-25", "name": "Christmas Day"},
    {"date": "2026-12-28", "name": "Boxing Day (substitute day)"},
    {"date": "2027-01-01", "name": "New Year's Day"},
    {"date": "2027-03-26", "name": "Good Friday"},
    {"date": "2027-03-29", "name": "Easter Monday"},
]


def changed(protocol_data: dict[str, Any], change: Callable[[dict[str, Any]], Any]) -> Protocol:
    """Newham's protocol with the given bank holidays and one change to its data."""
    data = copy.deepcopy(protocol_data)
    data["timing"]["bank_holidays"]["dates"] = copy.deepcopy(HOLIDAYS)
    change(data)
    return protocol_from_mapping(data)


def refused(
    protocol_data: dict[str, Any], change: Callable[[dict[str, Any]], Any]
) -> ProtocolError:
    with pytest.raises(ProtocolError) as error:
        changed(protocol_data, change)
    return error.value


def dates(protocol: Protocol, rule_id: str, year: int) -> list[date]:
    return [o.date for o in timing.occurrences(protocol, rule_id, year)]


def case_audit(protocol_data: dict[str, Any], **keys: Any) -> dict[str, Any]:
    """A rule a protocol owner might add: a case audit on the 2nd Monday of every month,
    sent to the CSE lead, in the monthly report's words unless `keys` say otherwise."""
    report = copy.deepcopy(protocol_data["timing"]["monthly_report"])
    return {**report, "name": "Case audit", "weekday": "monday", "week_of_month": 2, **keys}


def with_case_audit(protocol_data: dict[str, Any], **keys: Any) -> Protocol:
    """The protocol with `case_audit` added under timing."""
    return changed(protocol_data, lambda d: d["timing"].update(case_audit=case_audit(d, **keys)))


# England's bank holidays from Christmas 2026 to New Year 2028: Easter 2027 (Good Friday
# 26 March, Easter Monday 29 March), the spring bank holiday on Monday 31 May 2027, and
# Christmas 2027 and New Year 2028 on weekends, kept on Monday 27 and Tuesday 28 December
# and Monday 3 January 2028.
HOLIDAYS_TO_2028 = [
    *HOLIDAYS,
    *(
        {"date": day, "name": name}
        for day, name in (
            ("2027-05-03", "Early May bank holiday"),
            ("2027-05-31", "Spring bank holiday"),
            ("2027-08-30", "Summer bank holiday"),
            ("2027-12-27", "Christmas Day (substitute day)"),
            ("2027-12-28", "Boxing Day (substitute day)"),
            ("2028-01-03", "New Year's Day (substitute day)"),
        )
    ),
]


def working_days_variant(data: dict[str, Any]) -> None:
    """Another council's timing, made up from Newham's: the panel on the last working day
    of every month, the referral 10 working days before it, and the monthly report 5
    working days after each month ends; the bank holidays from Christmas 2026 to 2028."""
    rules = data["timing"]
    for rule in ("mase_panel", "monthly_report"):
        del rules[rule]["weekday"], rules[rule]["week_of_month"]
    rules["mase_panel"]["working_day"] = "last"
    del rules["mase_referral"]["days"]
    rules["mase_referral"]["working_days"] = 10
    rules["monthly_report"]["working_days_after_month_end"] = 5
    rules["monthly_report"]["handbook_wording"]["rule"] = (
        "Submit the monthly CSE case report within {when} of the end of every month and "
        "send it to {send_to} ({email})."
    )
    rules["bank_holidays"]["dates"] = copy.deepcopy(HOLIDAYS_TO_2028)
    clause = next(c for s in data["sections"] for c in s["clauses"] if c["id"] == "5.3")
    clause["text"] = (
        "Deadline: Please submit within {rule:monthly_report} of the end of "
        "every month and send to {contact:cse-lead}"
    )


def with_working_days(protocol_data: dict[str, Any]) -> Protocol:
    data = copy.deepcopy(protocol_data)
    working_days_variant(data)
    return protocol_from_mapping(data)
