"""`indicators` and `risk` commands: the Appendix B matrix and the indicator profile."""

from __future__ import annotations

import argparse
from typing import Any

from calculators.protocol import Protocol
from calculators.risk.assessment import assess, assessment_data, profile_text
from cli.output import print_json


def register(commands: Any) -> None:
    indicators = commands.add_parser("indicators", help="list the Appendix B indicators")
    indicators.add_argument("--json", action="store_true", help="print JSON")
    indicators.set_defaults(handler=list_indicators)

    risk = commands.add_parser(
        "risk", help="the indicator profile for the strategy meeting, from ticked indicators"
    )
    risk.add_argument("--indicator", action="append", default=[], metavar="ID")
    risk.add_argument("--json", action="store_true", help="print JSON")
    risk.set_defaults(handler=indicator_profile)


def list_indicators(protocol: Protocol, args: argparse.Namespace) -> int:
    rows = [
        {"id": i.id, "domain": i.domain, "category": i.category, "text": i.text}
        for i in protocol.indicators
    ]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']:<8} {row['domain']:<24} {row['category']}  {row['text']}")
    return 0


def indicator_profile(protocol: Protocol, args: argparse.Namespace) -> int:
    assessment = assess(protocol, args.indicator)
    if args.json:
        print_json(assessment_data(assessment, protocol))
    else:
        print(profile_text(protocol, assessment))
    return 0
