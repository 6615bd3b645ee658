"""The due dates in words: "Thursday 7 January 2027", with the rule and its clause."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from calculators.protocol import Protocol
from calculators.timing import deadline_for, rule_words
from calculators.timing.answers import (
    OVERDUE,
    DatesAnswer,
    Deadline,
    Panel,
    ReportAnswer,
    StrategyAnswer,
    next_report,
    panel_rule,
    referral_rule,
    review_rule,
)
from calculators.timing.results import Occurrence
from calculators.wording import (
    clause_list,
    days,
    in_sentence,
    long_date,
    month_name,
    sentence,
)


def rule_sentence(protocol: Protocol, rule_id: str) -> str:
    """A timing rule in one sentence, from its `handbook_wording.rule`: "The MASE panel
    meets on the 1st Thursday of every month." The answers, the planner, the command line,
    the calendar file and the quiz all say a rule this way."""
    rule = protocol.timing.rule(rule_id)
    when = rule_words(protocol, rule_id)
    values = {"name": rule.name, "when": when, "before": when}
    if rule.kind == "deadline_before":
        values["meeting"] = protocol.timing.rule(rule.meeting).name
    if rule.kind == "monthly_deadline":
        contact = protocol.contact(rule.send_to)
        values |= {"send_to": contact.name, "email": contact.email}
    return rule.handbook_wording["rule"].format(**values)


def rule_name(protocol: Protocol, kind: str) -> str:
    """The first rule of this kind by name, inside a sentence: what the pages' own prose
    calls the panel, its deadline, the report and the review ("CSE strategy meeting")."""
    return in_sentence(protocol.timing.of_kind(kind)[0].name)


def rule_heading(rule: Any) -> str:
    """A column or list heading: "MASE panel (clause 4.6)"."""
    return f"{rule.name} (clause {rule.clause})"


def answer_title(rule: Any) -> str:
    """The heading of a rule's answer: "Next MASE panel"."""
    return rule.handbook_wording["answer_title"].format(name=rule.name)


@dataclass(frozen=True)
class DayNote:
    """What a planner cell or a calendar line says beside a date: `kind` is cancelled,
    moved, bank_holiday or submit_by."""

    kind: str
    text: str


def day_notes(occurrence: Occurrence) -> tuple[DayNote, ...]:
    """A meeting's or deadline's notes, in the order the planner and command line show them."""
    notes = []
    if occurrence.cancelled:
        scheduled = long_date(occurrence.scheduled)
        notes.append(DayNote("cancelled", f"Cancelled ({scheduled}): {occurrence.reason}"))
    elif occurrence.moved:
        scheduled = long_date(occurrence.scheduled)
        notes.append(DayNote("moved", f"Moved from {scheduled}: {occurrence.reason}"))
    if occurrence.bank_holiday and not occurrence.cancelled:
        notes.append(DayNote("bank_holiday", f"Bank holiday: {occurrence.bank_holiday}"))
    if occurrence.submit_by:
        notes.append(DayNote("submit_by", f"Submit by {long_date(occurrence.submit_by)}"))
    return tuple(notes)


def _holiday_words(day: date, name: str | None) -> str:
    return f"{long_date(day)} is a bank holiday ({name})." if name else ""


def submit_words(due: Deadline) -> str:
    if due.submit_by is None:
        return ""
    why = f"a bank holiday ({due.bank_holiday})" if due.bank_holiday else "not a working day"
    return (
        f"{long_date(due.date)} is {why}: submit by the previous working day, "
        f"{long_date(due.submit_by)}."
    )


def panel_change_words(protocol: Protocol, panel: Panel) -> str:
    """ "The panel on … has been moved: reason." or "… is cancelled: reason."; "" if unchanged."""
    wording = protocol.timing.rule(panel.rule).handbook_wording
    if panel.cancelled:
        key = "cancelled"
    elif panel.moved:
        key = "moved"
    else:
        return ""
    return wording[key].format(
        scheduled=long_date(panel.scheduled), moved_to=long_date(panel.date), reason=panel.reason
    )


def panel_holiday_words(protocol: Protocol, panel: Panel) -> str:
    """A panel on a bank holiday: its name, and to check the date with the MASE coordinator."""
    if not panel.bank_holiday:
        return ""
    wording = protocol.timing.rule(panel.rule).handbook_wording
    return wording["bank_holiday"].format(date=long_date(panel.date), name=panel.bank_holiday)


def _answer(
    answer_id: str,
    title: str,
    day: date,
    summary: str,
    details: list[str],
    clauses: tuple[str, ...],
    warning: str = "",
) -> dict[str, Any]:
    return {
        "id": answer_id,
        "title": title,
        "date": day.isoformat(),
        "summary": summary,
        "details": [detail for detail in details if detail],
        "clauses": list(clauses),
        "clause_text": clause_list(clauses),
        "warning": warning or None,
    }


def answer_words(protocol: Protocol, answer: DatesAnswer) -> list[dict[str, Any]]:
    """Each answer as a title, a date in words, sentences and its clauses, for any page."""
    timing = protocol.timing
    meetings, report, strategy = answer.panel, answer.monthly_report, answer.strategy_meeting
    panel = meetings.next_meeting
    meeting_rule, referral = panel_rule(protocol), referral_rule(protocol)
    panel_answer = _answer(
        "mase_next_meeting",
        answer_title(meeting_rule),
        panel.date,
        long_date(panel.date),
        [
            rule_sentence(protocol, meeting_rule.id),
            panel_change_words(protocol, panel),
            *(
                panel_change_words(protocol, cancelled)
                for cancelled in meetings.cancelled
                if cancelled.scheduled < panel.date
            ),
        ],
        panel.clauses,
        panel_holiday_words(protocol, panel),
    )
    due = meetings.referral_deadline
    wording = referral.handbook_wording
    # Clause 4.6: lead with the panel the case can still reach and the day to send by
    # (the working day before a deadline that is not one), "today" on that day.
    late = due.submit_by is not None and due.submit_by < answer.today
    send_by = answer.today if late else (due.submit_by or due.date)
    referral_summary = wording["lead_today" if send_by == answer.today else "lead"].format(
        date=long_date(send_by), meeting=long_date(meetings.referable_meeting.date)
    )
    referral_details = [
        rule_sentence(protocol, referral.id),
        panel_change_words(protocol, meetings.referable_meeting),
        *(panel_change_words(protocol, cancelled) for cancelled in meetings.cancelled),
    ]
    referral_clauses = due.clauses
    if meetings.referable_meeting.date != panel.date:
        # What 4.6 says, and the urgent route (6.12: MASE as an escalation procedure).
        missed = deadline_for(protocol, referral.id, panel.date).date
        referral_details.append(
            wording["missed"].format(
                meeting=long_date(panel.date),
                missed=long_date(missed),
                before=rule_words(protocol, referral.id),
            )
        )
        if referral.escalation_clause:
            referral_clauses = (*due.clauses, referral.escalation_clause)
    if late:
        why = (
            f"a bank holiday ({due.bank_holiday}) and the working day before it has passed"
            if due.bank_holiday
            else "not a working day"
        )
        referral_warning = wording["act_today"].format(date=long_date(due.date), why=why)
    else:
        referral_warning = submit_words(due)
    referral_answer = _answer(
        "mase_referral_deadline",
        answer_title(referral),
        due.date,
        referral_summary,
        referral_details,
        referral_clauses,
        referral_warning,
    )
    report_answer = report_words_answer(protocol, report, answer.today)
    answers = (
        [referral_answer, panel_answer, report_answer]
        if answer.referral_planned
        else [panel_answer, referral_answer, report_answer]
    )
    for other in protocol.timing.of_kind("monthly_deadline")[1:]:
        due = next_report(protocol, answer.today, other.id)
        answers.append(report_words_answer(protocol, due, answer.today, f"{other.id}_due"))
    if strategy is not None:
        answers.append(strategy_words(protocol, strategy, answer.today))
    known = {holiday.date.year for holiday in timing.bank_holidays.dates}
    for item in answers:
        year = date.fromisoformat(item["date"]).year
        if year not in known:
            item["details"].append(
                f"This handbook has no list of bank holidays for {year}, so this date has not "
                "been checked against them."
            )
    return answers


def report_words_answer(
    protocol: Protocol, report: ReportAnswer, today: date, answer_id: str = "monthly_report_due"
) -> dict[str, Any]:
    """Clause 5.3: the deadline just passed (send it now if it has not gone), then the next."""
    rule = protocol.timing.rule(report.due.rule)
    wording = rule.handbook_wording
    due = report.due

    def named(key: str, deadline_: Deadline) -> str:
        return wording[key].format(
            month=month_name((deadline_.for_month or deadline_.date).month),
            date=long_date(deadline_.date),
            send_to=report.send_to.name,
        )

    passed = named("last_due", report.last_due) if report.last_due else ""
    if due.date == today or not passed:
        summary = named("due_today" if due.date == today else "next_due", due)
        details = [sentence(passed)]
    else:
        summary = passed
        details = [named("next_due", due)]
    return _answer(
        answer_id,
        answer_title(rule),
        due.date,
        summary.rstrip("."),
        [*details, rule_sentence(protocol, rule.id)],
        due.clauses,
        submit_words(due),
    )


def strategy_words(protocol: Protocol, strategy: StrategyAnswer, today: date) -> dict[str, Any]:
    """Clauses 6.2 and 6.13: lead with the latest date; never a word that reads as "wait"."""
    rule = review_rule(protocol)
    wording = rule.handbook_wording
    counted = "since_last" if strategy.counted_from == "last_strategy" else "since_initial"
    since = wording[counted].format(date=long_date(strategy.last))
    latest = long_date(strategy.latest)
    details = []
    if strategy.status == OVERDUE:
        details.append(wording["overdue"].format(days=days(strategy.days_overdue), latest=latest))
    if strategy.out_of_borough:
        details.append(
            wording["out_of_borough"].format(interval=strategy.interval_weeks, since=since)
        )
        if strategy.interval_weeks is not None and strategy.interval_weeks > rule.max_weeks:
            details.append(
                f"{rule.out_of_borough_reminder.rstrip('.')} "
                f"({clause_list((rule.out_of_borough_clause,))})."
            )
    else:
        details.append(
            wording["minimum"].format(
                min_weeks=rule.min_weeks, max_weeks=rule.max_weeks, since=since
            )
        )
    details.append(wording["sooner"])
    if strategy.convene and strategy.status != OVERDUE and today >= strategy.convene:
        details.append(wording["convene_now"].format(convene=long_date(strategy.convene)))
    by_rule = strategy.latest_by_rule
    if by_rule and by_rule != strategy.latest:
        name = strategy.latest_bank_holiday
        why = f"a bank holiday ({name})" if name else "not a working day"
        details.append(
            wording["not_a_working_day"].format(date=long_date(by_rule), why=why, latest=latest)
        )
    warning = ""
    if strategy.confirm_interval:
        warning = wording["confirm_interval"].format(
            interval=strategy.interval_weeks, confirm_weeks=rule.confirm_interval_over_weeks
        )
    return _answer(
        "strategy_meeting",
        answer_title(rule),
        strategy.latest,
        wording["overdue_summary" if strategy.status == OVERDUE else "latest"].format(
            latest=latest
        ),
        details,
        strategy.clauses,
        warning,
    )
