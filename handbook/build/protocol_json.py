"""The protocol as the browser receives it: the YAML's data plus generated bank holidays."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import holidays

from calculators.protocol import Protocol, protocol_from_mapping


def with_bank_holidays(data: dict[str, Any], today: date | None = None) -> dict[str, Any]:
    """Return a copy of the protocol data with timing.bank_holidays.dates filled in.

    The years run from `years_before` before this year to `years_after` after it, as
    the protocol file says; the `holidays` library supplies England and Wales' dates.
    """
    result = copy.deepcopy(data)
    source = result["timing"]["bank_holidays"]
    year = (today or date.today()).year
    years = range(year - int(source["years_before"]), year + int(source["years_after"]) + 1)
    calendar = holidays.country_holidays(
        source["country"], subdiv=source["subdivision"], years=years, language="en_GB"
    )
    source["dates"] = [
        {"date": day.isoformat(), "name": name} for day, name in sorted(calendar.items())
    ]
    return result


def protocol_json(data: dict[str, Any], today: date | None = None) -> str:
    """The JSON text written to the site for the browser's calculators."""
    return json.dumps(with_bank_holidays(data, today), ensure_ascii=False, sort_keys=True)


def site_protocol(data: dict[str, Any], today: date | None = None) -> Protocol:
    """The protocol every page is built from: the same data, with the same generated bank
    holidays, as the browser's protocol.json."""
    return protocol_from_mapping(with_bank_holidays(data, today))
