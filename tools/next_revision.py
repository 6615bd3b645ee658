"""Apply "Newham's next revision" of the directive to a checkout, as the CSE lead would.

    .venv/bin/python tools/next_revision.py [--undo] [CHECKOUT]   (default: this checkout)

A realistic revision for trying the suite on, never for release: the MASE panel moves
to the 2nd Wednesday, a referral is due 7 working days before it, strategy meetings
take place every 6-8 weeks, clause 6.16 and a section 7 are added, and the edition
becomes 1.1. `data/protocol.yaml` is edited as text, so its comments stay;
`data/source/newham-cse-practice-directive.txt` (and its checksum in
`data/source/README.md`) follow, as when the council issues a new text. Afterwards
`make check` passes on the revised file, and `make expected` shows what changed.
`git checkout data/` (or `--undo`) takes it out again.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

PROTOCOL = Path("data/protocol.yaml")
SOURCE = Path("data/source/newham-cse-practice-directive.txt")
SOURCE_README = Path("data/source/README.md")

# (old, new): each old text must occur exactly once in its file.
PROTOCOL_EDITS: list[tuple[str, str]] = [
    (
        '  version: "1.0"\n',
        '  version: "1.1"\n',
    ),
    (
        '#   read "1st Thursday", "2 weeks", "3rd Thursday" and "8-10 weeks".\n',
        '#   read "2nd Wednesday", "7 working days", "3rd Thursday" and "6-8 weeks".\n',
    ),
    (
        "    name: MASE panel\n    weekday: thursday\n    week_of_month: 1\n",
        "    name: MASE panel\n    weekday: wednesday\n    week_of_month: 2\n",
    ),
    (
        "    meeting: mase_panel\n    days: 14\n",
        "    meeting: mase_panel\n    working_days: 7\n",
    ),
    (
        "    min_weeks: 8\n    max_weeks: 10\n",
        "    min_weeks: 6\n    max_weeks: 8\n",
    ),
    (
        '      - id: "6.15"\n'
        "        text: See {form:strategy-meeting|appendices} for CSE strategy meeting"
        " minutes and agenda template.\n",
        '      - id: "6.15"\n'
        "        text: See {form:strategy-meeting|appendices} for CSE strategy meeting"
        " minutes and agenda template.\n"
        '      - id: "6.16"\n'
        "        text: >-\n"
        "          Strategy meeting minutes to be circulated to all partners within 5\n"
        "          working days of the meeting.\n"
        "  - number: 7\n"
        "    title: Reviewing this directive\n"
        "    clauses:\n"
        '      - id: "7.1"\n'
        "        text: The CSE lead reviews this directive every year with the MASE chairs.\n"
        '      - id: "7.2"\n'
        "        text: >-\n"
        "          Changes to meeting dates and deadlines are to be communicated to all\n"
        "          teams before they take effect.\n",
    ),
    (
        "changelog:\n",
        "changelog:\n"
        '  - version: "1.1"\n'
        "    date: 2027-03-01\n"
        "    summary: >-\n"
        "      The MASE panel meets on the 2nd Wednesday, referrals are due 7 working\n"
        "      days before it, strategy meetings every 6-8 weeks; clause 6.16 and\n"
        "      section 7 (reviewing this directive) added.\n",
    ),
]

SOURCE_EDITS: list[tuple[str, str]] = [
    (
        "The MASE is held on the 1st Thursday of every month and a referral must be"
        " submitted 2 weeks prior to this date.",
        "The MASE is held on the 2nd Wednesday of every month and a referral must be"
        " submitted 7 working days prior to this date.",
    ),
    (
        "- 6.2.** Meetings to take place every 8-10 weeks as a minimum",
        "- 6.2.** Meetings to take place every 6-8 weeks as a minimum",
    ),
    (
        "(albeit less frequently than the 8-10 weeks minimum;",
        "(albeit less frequently than the 6-8 weeks minimum;",
    ),
    (
        "- 6.15.** See appendices for CSE strategy meeting minutes and agenda template.\n",
        "- 6.15.** See appendices for CSE strategy meeting minutes and agenda template.\n"
        "- 6.16.** Strategy meeting minutes to be circulated to all partners within 5"
        " working days of the meeting.\n"
        "\n"
        "7. Reviewing this directive\n"
        "\n"
        "- 7.1.** The CSE lead reviews this directive every year with the MASE chairs.\n"
        "- 7.2.** Changes to meeting dates and deadlines are to be communicated to all"
        " teams before they take effect.\n",
    ),
]


class RevisionError(Exception):
    """The checkout is not the edition this revision applies to."""


def replace_once(text: str, old: str, new: str, where: Path) -> str:
    count = text.count(old)
    if count != 1:
        found = "not found" if count == 0 else f"found {count} times"
        raise RevisionError(f"{where}: {old.splitlines()[0].strip()!r} {found}")
    return text.replace(old, new)


def edit(path: Path, edits: list[tuple[str, str]]) -> str:
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        text = replace_once(text, old, new, path)
    path.write_text(text, encoding="utf-8")
    return text


def revise(checkout: Path, undo: bool = False) -> None:
    """Revise data/ in `checkout` (or, with `undo`, take a revised one back to the edition
    before); raise RevisionError, changing nothing, if it does not fit."""

    def edits(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(new, old) for old, new in reversed(pairs)] if undo else pairs

    files = [checkout / p for p in (PROTOCOL, SOURCE, SOURCE_README)]
    originals = {path: path.read_bytes() for path in files}
    try:
        edit(checkout / PROTOCOL, edits(PROTOCOL_EDITS))
        edit(checkout / SOURCE, edits(SOURCE_EDITS))
        digest = hashlib.sha256((checkout / SOURCE).read_bytes()).hexdigest()
        old_digest = hashlib.sha256(originals[checkout / SOURCE]).hexdigest()
        readme = checkout / SOURCE_README
        readme.write_text(
            replace_once(readme.read_text(encoding="utf-8"), old_digest, digest, readme),
            encoding="utf-8",
        )
    except RevisionError:
        for path, content in originals.items():
            path.write_bytes(content)
        raise


def apply_revision(checkout: Path) -> None:
    """Revise data/ in `checkout`; raise RevisionError (changing nothing) if it does not fit."""
    revise(checkout)


def undo_revision(checkout: Path) -> None:
    """Take a checkout this tool revised back to the edition before (as `git checkout
    data/` would before the revision is committed); RevisionError if it is not that."""
    revise(checkout, undo=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", nargs="?", default=".", help="the checkout to revise")
    parser.add_argument("--undo", action="store_true", help="take the revision back out")
    args = parser.parse_args(argv)
    checkout = Path(args.checkout)
    try:
        revise(checkout, undo=args.undo)
    except (RevisionError, OSError) as error:
        print(f"The revision does not apply: {error}", file=sys.stderr)
        return 1
    done = "Took the revision out of" if args.undo else "Revised"
    print(f"{done} {checkout / PROTOCOL} and {checkout / SOURCE}: run `make check`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
