"""The edition's status and the protocol owner's decisions: the owner's to set.

    metadata:
      status: draft            # draft until the owner records approved
      approved_by: null        # who approved this edition (with status: approved)
      approved_on: null        # and when, YYYY-MM-DD
      handbook_wording: {...}  # the handbook's words about its status and decisions

    decisions:
      - id: gang-matrix-question
        title: ...
        text: ...              # what is to be decided, and why
        status: open           # or decided, with decided_by, decided_on and decision

Until the edition is approved every page says so and none states an effective date;
`python -m handbook check` counts the open decisions, and `open-decisions` lists them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from calculators.protocol.primitives import ProtocolError
from calculators.protocol.reading import choice, identifier
from calculators.protocol.timing_wording import Wording, placeholders

DRAFT, APPROVED = "draft", "approved"
EDITION_STATES = (DRAFT, APPROVED)
OPEN, DECIDED = "open", "decided"


@dataclass(frozen=True)
class EditionWording(Wording):
    """The handbook's words about this edition and the decisions page, not the directive's."""

    # On every page while the edition is a draft, and after approval.
    draft_notice: str = field(metadata=placeholders("owner", "version"))
    approved_notice: str = field(metadata=placeholders("owner", "version", "by", "on"))
    # The home page's line about the edition (the effective date only once approved).
    draft_summary: str = field(metadata=placeholders("version", "open"))
    approved_summary: str = field(
        metadata=placeholders("version", "by", "on", "effective", "review")
    )
    # The decisions page: its lead-in, and each decision's status line.
    decisions_intro: str = field(metadata=placeholders("owner", "open", "total"))
    decision_open: str = field(metadata=placeholders())
    decision_decided: str = field(metadata=placeholders("by", "on", "decision"))
    link_words: str = field(metadata=placeholders())


def needs_who_and_when(
    state: str, who: str | None, when: date | None, path: str, done: str, names: tuple[str, str]
) -> None:
    """An approval or a decision names who and when; a draft or an open item names neither."""
    if state == done and (who is None or when is None):
        missing = names[0] if who is None else names[1]
        raise ProtocolError(f"{path}.{missing}", f"expected who and when with status: {done}")
    if state != done and (who is not None or when is not None):
        given = names[0] if who is not None else names[1]
        raise ProtocolError(
            f"{path}.{given}", f"expected null until status is {done} (status is {state})"
        )


def check_approval(status: str, by: str | None, on: date | None, path: str) -> None:
    """metadata: an approved edition names who approved it and when; a draft neither."""
    needs_who_and_when(status, by, on, path, APPROVED, ("approved_by", "approved_on"))


@dataclass(frozen=True)
class Decision:
    """One question for the protocol owner: open, or decided by whom, when, and how."""

    id: str = field(metadata=identifier())
    title: str
    text: str
    status: str = field(metadata=choice((OPEN, DECIDED)))
    decided_by: str | None = None
    decided_on: date | None = None
    decision: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    def validate(self, path: str) -> None:
        names = ("decided_by", "decided_on")
        needs_who_and_when(self.status, self.decided_by, self.decided_on, path, DECIDED, names)
        if (self.status == DECIDED) != (self.decision is not None):
            raise ProtocolError(
                f"{path}.decision",
                "expected the decision in words with status: decided, and none while open",
            )
