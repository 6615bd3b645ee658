"""The edition's status on every page, and the one page of decisions for the protocol owner.

Until the protocol owner records the edition as approved (metadata.status), every page
carries the draft notice and no page states an effective or review date.
"""

from __future__ import annotations

from calculators.protocol import Protocol
from calculators.wording import long_date
from handbook.pages.links import md_text


def edition_notice(protocol: Protocol) -> str:
    """The banner every page carries: not yet approved, or approved by whom and when."""
    m = protocol.metadata
    wording = m.handbook_wording
    values = {"owner": m.owner, "version": m.version}
    if not m.approved:
        return wording["draft_notice"].format(**values)
    return wording["approved_notice"].format(
        **values, by=m.approved_by, on=long_date(m.approved_on)
    )


def version_summary(protocol: Protocol) -> str:
    """The home page's line about the edition; the effective date only once approved."""
    m = protocol.metadata
    wording = m.handbook_wording
    if not m.approved:
        text = wording["draft_summary"].format(version=m.version, open=len(protocol.open_decisions))
    else:
        text = wording["approved_summary"].format(
            version=m.version,
            by=m.approved_by,
            on=long_date(m.approved_on),
            effective=long_date(m.effective_date),
            review=long_date(m.next_review_date),
        )
    return md_text(text)


def edition_rows(protocol: Protocol) -> list[tuple[str, str]]:
    """The About page's rows on the edition: its status, and its dates once approved."""
    m = protocol.metadata
    rows = [("Version", md_text(m.version)), ("Status", md_text(edition_notice(protocol)))]
    if m.approved:
        rows += [
            ("Effective date", long_date(m.effective_date)),
            ("Next review date", long_date(m.next_review_date)),
        ]
    return rows


def decisions_list(protocol: Protocol) -> str:
    """Every decision: its title (the anchor pages link to), what is asked, its status."""
    m = protocol.metadata
    wording = m.handbook_wording
    intro = wording["decisions_intro"].format(
        owner=m.owner, open=len(protocol.open_decisions), total=len(protocol.decisions)
    )
    lines = [md_text(intro), ""]
    for decision in protocol.decisions:
        if decision.is_open:
            status = wording["decision_open"]
        else:
            status = wording["decision_decided"].format(
                by=decision.decided_by,
                on=long_date(decision.decided_on),
                decision=decision.decision,
            )
        state = "open" if decision.is_open else "decided"
        lines += [
            f"## {md_text(decision.title)} {{#note-{decision.id}}}",
            "",
            md_text(decision.text),
            "",
            f'<p class="decision-status decision-{state}" markdown>**{md_text(status)}**</p>',
            "",
        ]
    return "\n".join(lines)
