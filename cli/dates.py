"""`dates` and `calendar` commands: the directive's due dates (clauses 4.6, 5.3, 6.2, 6.13).

The same code path as the page: the flags become the form's payload and go to
`dates_request.handle_dates`. Only this layer reads the clock, for a default `--today`
and for the calendar file's time stamp.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from calculators.dates import request as dates_request
from calculators.dates.words import day_notes, rule_heading
from calculators.documents import ics
from calculators.errors import InputError
from calculators.protocol import Protocol
from calculators.timing import Occurrence, dated_rules, months
from calculators.wording import long_date, month_name
from cli.output import print_json


def register(commands: Any) -> None:
    dates = commands.add_parser(
        "dates", help="the due dates the protocol's timing rules set, from a day and a case's dates"
    )
    dates.add_argument(
        "--today", metavar="YYYY-MM-DD", help="the day to count from (default: today)"
    )
    dates.add_argument("--last-strategy", metavar="YYYY-MM-DD", help="the last review meeting")
    dates.add_argument(
        "--initial-strategy", metavar="YYYY-MM-DD", help="the initial review meeting"
    )
    dates.add_argument(
        "--out-of-borough", action="store_true", help="the child is placed out of borough"
    )
    dates.add_argument(
        "--interval-weeks", metavar="WEEKS", help="agreed interval between review meetings"
    )
    dates.add_argument("--rationale", help="rationale for the agreed interval")
    dates.add_argument(
        "--referral-planned", action="store_true", help="a referral to the panel is planned"
    )
    dates.add_argument("--ics", metavar="FILE", help="also write a calendar file (.ics)")
    dates.add_argument("--case-reference", help="case reference for the calendar file (no names)")
    dates.add_argument("--json", action="store_true", help="print JSON")
    dates.set_defaults(handler=due_dates)

    calendar = commands.add_parser(
        "calendar", help="a year's panels, referral deadlines and report deadlines"
    )
    calendar.add_argument("--year", required=True, metavar="YYYY")
    calendar.add_argument("--ics", metavar="FILE", help="write a calendar file (.ics) instead")
    calendar.add_argument("--json", action="store_true", help="print JSON")
    calendar.set_defaults(handler=year_calendar)


def _payload(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "today": args.today if args.today is not None else date.today().isoformat(),
        "last_strategy": args.last_strategy,
        "initial_strategy": args.initial_strategy,
        "out_of_borough": args.out_of_borough,
        "agreed_interval_weeks": args.interval_weeks,
        "interval_rationale": args.rationale,
        "referral_planned": args.referral_planned,
        "case_reference": args.case_reference,
    }


def _now() -> str:
    return datetime.now(UTC).isoformat()


def due_dates(protocol: Protocol, args: argparse.Namespace) -> int:
    payload = _payload(args)
    result = dates_request.handle_dates(protocol, payload)
    if args.ics:
        made = ics.handle_calendar_file(protocol, {**payload, "now": _now()})
        _write(args.ics, made["text"])
    if args.json:
        return print_json(result)
    print(f"Due dates on {long_date(date.fromisoformat(result['today']))}")
    for answer in result["answers"]:
        print(f"\n{answer['title']} ({answer['clause_text']}): {answer['summary']}")
        for detail in answer["details"]:
            print(f"  {detail}")
        if answer["warning"]:
            print(f"  Note: {answer['warning']}")
    if args.ics:
        print(f"\nCalendar file written to {args.ics}")
    return 0


def year_calendar(protocol: Protocol, args: argparse.Namespace) -> int:
    data = dates_request.handle_calendar(protocol, {"year": args.year})
    if args.ics:
        stamp = datetime.now(UTC)
        _write(args.ics, ics.year_calendar_file(protocol, data["year"], dtstamp=stamp))
        print(f"Calendar file for {data['year']} written to {args.ics}")
        return 0
    if args.json:
        return print_json(data)
    columns = dated_rules(protocol)
    by_rule = [months(protocol, rule.id, data["year"]) for rule in columns]
    print(f"{data['year']}: " + ", ".join(rule_heading(rule) for rule in columns))
    width = max(len(rule.name) for rule in columns) + 2
    for month in range(1, 13):
        print(f"\n{month_name(month)}")
        for rule, dates in zip(columns, by_rule, strict=True):
            day = dates[month - 1]
            if day is not None:
                print(f"  {rule.name + ':':<{width}}{_day_text(day)}")
    return 0


def _day_text(day: Occurrence) -> str:
    """The date, then its notes: "Friday 1 January 2027; Bank holiday: New Year's Day"."""
    words = [] if day.cancelled else [long_date(day.date)]
    return "; ".join(words + [note.text for note in day_notes(day)])


def _write(path: str, text: str) -> None:
    try:
        Path(path).write_bytes(text.encode("utf-8"))
    except OSError as error:
        raise InputError.one(
            "ics", f"Cannot write the calendar file {path}: {error.strerror}"
        ) from None
